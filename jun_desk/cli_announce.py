"""``jun-desk announce``: the town's own posts and threads (issue 28).

    jun-desk announce draft --as rosa (--text TEXT | --file FILE | --post TEXT ...)
                            [--at "YYYY-MM-DD HH:MM"] [--if-missed late|hold]
                            [--image FILE] [--submit]
    jun-desk announce draft --as rosa --menu MENU.csv      (the school lunch menu, a thread)
    jun-desk announce submit ID --as rosa
    jun-desk announce approve ID --as ana [--confirm-over-budget]
    jun-desk announce return ID --as ana --comment TEXT
    jun-desk announce schedule ID --at "YYYY-MM-DD HH:MM" --as ana [--confirm-over-budget]
    jun-desk announce publish ID --as ana [--confirm-over-budget]     (now)
    jun-desk announce cancel ID --as ana
    jun-desk announce retry ID --as ana [--text TEXT]   (a thread X stopped: from the refused post)
    jun-desk announce stop ID --as ana                  (a thread X stopped: end it there)
    jun-desk announce list [--state STATE] [--json]
    jun-desk announce show ID

Times are the town's (Europe/Madrid), stored in UTC. The posts leave through the outbox:
whichever desk runs (`jun-desk sync`, the window) sends them when they are due.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jun_desk.config import default_account

if TYPE_CHECKING:  # imported where used: the command line starts without the data layer
    from jun_desk.services.announcements import AnnouncementView
    from jun_desk.services.desk import Desk

STATES = ("draft", "pending", "approved", "scheduled", "publishing", "published", "partial",
          "returned", "cancelled")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ann = sub.add_parser(
        "announce", help="the town's own posts: draft, approve, schedule, publish"
    ).add_subparsers(dest="announce_command", required=True)
    draft = ann.add_parser("draft", help="draft a post or a thread (a long text is split)")
    source = draft.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the text; split into a numbered thread if long")
    source.add_argument("--file", help="a file holding the text (UTF-8)")
    source.add_argument("--post", action="append", help="one post of the thread, as given "
                                                        "(repeat, in order)")
    source.add_argument("--menu", metavar="CSV", help="the school lunch menu (CSV: day, "
                        "first course, second course, dessert, allergens) as a thread")
    draft.add_argument("--at", default=None, help="when to publish, the town's time: "
                                                  "'YYYY-MM-DD HH:MM'")
    draft.add_argument("--if-missed", choices=("late", "hold"), default="late",
                       help="if every desk is off at that time: publish late (default) or "
                            "hold it for a supervisor")
    draft.add_argument("--image", default=None, help="an image to attach (JPEG, PNG, WEBP)")
    draft.add_argument("--submit", action="store_true", help="submit it for approval")
    _who(draft)
    for name, text in (("submit", "submit a draft for a supervisor's approval"),
                       ("approve", "approve (supervisors); with a time it is scheduled"),
                       ("return", "return to its author with a comment (supervisors)"),
                       ("schedule", "give an approved announcement its time (supervisors)"),
                       ("publish", "publish now (supervisors; approval included)"),
                       ("cancel", "cancel before it leaves"),
                       ("retry", "a thread stopped by a post X refused: send that post again "
                                 "(--text: edited), then the rest (supervisors)"),
                       ("stop", "a thread stopped by a post X refused: end it there, "
                                "published in part (supervisors)")):
        p = ann.add_parser(name, help=text)
        p.add_argument("announcement_id", type=int, metavar="ID")
        _who(p)
        if name == "return":
            p.add_argument("--comment", required=True, help="what to change")
        if name == "schedule":
            p.add_argument("--at", required=True, help="'YYYY-MM-DD HH:MM', the town's time")
        if name == "retry":
            p.add_argument("--text", default=None,
                           help="the refused post's new text (default: as it was)")
        if name in ("approve", "schedule", "publish"):
            p.add_argument("--confirm-over-budget", action="store_true",
                           help="publish even if it takes the month above the X budget")
    lst = ann.add_parser("list", help="announcements, newest first")
    lst.add_argument("--state", choices=STATES, action="append")
    lst.add_argument("--json", action="store_true")
    show = ann.add_parser("show", help="one announcement, post by post")
    show.add_argument("announcement_id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")


def _who(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    p.add_argument("--account", default=None,
                   help="desk account handle (default $JUN_DESK_ACCOUNT or AytoJun)")


def _menu_posts(path: str) -> list[str]:
    """The school lunch menu's thread (``domain/announcement_templates``): a heading, the
    days, the allergen legend; a bad CSV is refused naming the line and the field."""
    from jun_desk.domain.announcement_templates import decode_menu_file, lunch_menu_posts
    from jun_desk.domain.errors import ValidationError

    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise ValidationError.of("menu.file_unreadable", path=Path(path).name,
                                 detail=err.strerror or type(err).__name__) from None
    return lunch_menu_posts(decode_menu_file(data))


def run(desk: Desk, args: argparse.Namespace) -> int:
    from jun_desk.domain.announcements import MissedSlot, State, parse_slot

    service = desk.announcements
    command = args.announce_command
    zone = desk.ctx.zone
    if command == "list":
        states = [State(s) for s in args.state] if args.state else None
        views = service.find(states=states)
        if args.json:
            _print_json([_as_json(v) for v in views])
            return 0
        for v in views:
            print(_line(v, zone))
        if not views:
            print("No announcements.")
        return 0
    if command == "show":
        view = service.get(args.announcement_id)
        if args.json:
            _print_json(_as_json(view))
            return 0
        print(_line(view, zone))
        for post in view.posts:
            where = f"on X as {post.x_id}" if post.x_id else (post.outbox_status or "not queued")
            print(f"  {post.position}. [{where}] {post.text}")
        if view.comment:
            print(f"  comment: {view.comment}")
        _print_refused(view)
        return 0
    actor = desk.operators.actor(args.operator)
    if command == "draft":
        account = (args.account or default_account()).lstrip("@")
        posts = _menu_posts(args.menu) if args.menu else args.post
        text = Path(args.file).read_text(encoding="utf-8") if args.file else args.text
        view = service.draft(actor, account=account, text=None if posts else text,
                             posts=posts,
                             scheduled_at=parse_slot(args.at, zone) if args.at else None,
                             if_missed=MissedSlot(args.if_missed), media_path=args.image)
        if args.submit:
            view = service.submit(actor, view.id)
        print(f"Announcement #{view.id} ({view.state.value}): {len(view.posts)} post(s), "
              f"X will bill {_money(view.cost_micro)}")
        for post in view.posts:
            print(f"  {post.position}. {post.text}")
        return 0
    number = args.announcement_id
    confirm = getattr(args, "confirm_over_budget", False)
    if command == "submit":
        view = service.submit(actor, number)
    elif command == "approve":
        view = service.approve(actor, number, confirm_over_budget=confirm)
    elif command == "return":
        view = service.return_to_author(actor, number, args.comment)
    elif command == "schedule":
        view = service.schedule(actor, number, parse_slot(args.at, zone),
                                confirm_over_budget=confirm)
    elif command == "publish":
        view = service.publish(actor, number, confirm_over_budget=confirm)
    elif command == "retry":
        view = service.retry(actor, number, text=args.text)
    elif command == "stop":
        view = service.stop(actor, number)
    else:
        view = service.cancel(actor, number)
    print(_line(view, zone))
    if command == "stop":
        for post in view.posts:
            if post.x_id:
                print(f"  {post.position}. on X as {post.x_id}: {post.text}")
    return 0


def _print_refused(view: AnnouncementView) -> None:
    refused = view.refused
    if refused is not None:
        print(f"  stopped: X refused post {refused.position}/{len(view.posts)}: "
              f"{refused.error}")
        print(f"  (jun-desk announce retry {view.id} [--text ...] | "
              f"jun-desk announce stop {view.id})")


def _money(micro: int) -> str:
    from jun_desk.domain.costs import money

    return money(micro, "en")


def _line(view: AnnouncementView, zone: Any) -> str:
    when = (f" at {view.scheduled_at.astimezone(zone):%Y-%m-%d %H:%M}"
            if view.scheduled_at else "")
    return (f"#{view.id:<4} {view.state.value:<10}{when} {len(view.posts)} post(s), "
            f"{_money(view.cost_micro)}: {view.title}")


def _as_json(view: AnnouncementView) -> dict[str, Any]:
    data = asdict(view)
    data["state"] = view.state.value
    data["if_missed"] = view.if_missed.value
    return data


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
