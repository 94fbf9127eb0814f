"""``jun-desk moderation``: replies to moderate, actions, the policy and the monthly report.

    jun-desk moderation list [--flagged] [--json]
    jun-desk moderation hide X_ID --reason spam --as rosa [--propose] [--note TEXT]
    jun-desk moderation unhide X_ID --as ana [--reason TEXT]
    jun-desk moderation mute X_ID --reason threat --as ana [--propose]
    jun-desk moderation unmute X_ID --as ana
    jun-desk moderation delete X_ID --reason own_error --as ana [--propose]
    jun-desk moderation approve|reject ACTION_ID --as ana [--note TEXT]
    jun-desk moderation actions [--status proposed|applied|rejected|undone]
    jun-desk moderation report [--json]      (actions per month and reason)
    jun-desk moderation policy [--lang en]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from jun_desk.config import default_account

if TYPE_CHECKING:  # imported where used: the command line starts without the data layer
    from jun_desk.services.desk import Desk
    from jun_desk.services.moderation import ModerationService

ACTIONS = ("hide", "mute", "delete")
UNDO = {"unhide": "hide", "unmute": "mute"}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mod = sub.add_parser(
        "moderation", help="replies to moderate, hide/mute under the policy, the report"
    ).add_subparsers(dest="moderation_command", required=True)
    lst = mod.add_parser("list", help="replies to the town's posts by conversation, "
                                      "with the detector's flags and reasons")
    lst.add_argument("--flagged", action="store_true", help="only flagged replies")
    lst.add_argument("--json", action="store_true")
    for name in (*ACTIONS, *UNDO):
        p = mod.add_parser(name, help={
            "hide": "hide a reply under one of the town's posts",
            "mute": "mute the account of a reply (or a user id)",
            "delete": "delete one of the town's own posts",
            "unhide": "show a hidden reply again", "unmute": "unmute an account"}[name])
        p.add_argument("x_id", help="the reply's X id (mute: or the user's id)")
        p.add_argument("--reason", required=name in ACTIONS,
                       help="the policy's reason: insult, threat, hate, spam, "
                            "personal_data, advertising, own_error" if name in ACTIONS
                       else "why it is undone (recorded)")
        p.add_argument("--note", default=None, help="a note for the record")
        p.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
        if name in ACTIONS:
            p.add_argument("--propose", action="store_true",
                           help="propose it for a supervisor to approve")
        _x_options(p)
    for name in ("approve", "reject"):
        p = mod.add_parser(name, help=f"{name} a proposal (supervisors)")
        p.add_argument("action_id", type=int)
        p.add_argument("--note", default=None)
        p.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
        _x_options(p)
    acts = mod.add_parser("actions", help="moderation actions, newest first")
    acts.add_argument("--status", choices=["proposed", "applied", "rejected", "undone"])
    acts.add_argument("--json", action="store_true")
    rep = mod.add_parser("report", help="actions per month, reason and kind (transparency)")
    rep.add_argument("--json", action="store_true")
    pol = mod.add_parser("policy", help="the published moderation policy")
    pol.add_argument("--lang", choices=["es", "en"], default="es")


def _x_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--api-base", default=None, help="address of the X API (a sandbox)")
    p.add_argument("--account", default=None,
                   help="desk account handle (default $JUN_DESK_ACCOUNT or AytoJun)")


def _client(args: argparse.Namespace) -> Any:
    """The desk's XClient with the account's credentials from the keyring."""
    from jun_desk import secrets
    from jun_desk.x.client import XClient
    from jun_desk.x.transport import X_API_BASE

    account = (args.account or default_account()).lstrip("@")
    return XClient(secrets.load_credentials(account), api_base=args.api_base or X_API_BASE)


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def run(desk: Desk, args: argparse.Namespace) -> int:
    command = args.moderation_command
    service = desk.moderation
    if command == "list":
        return _list(service, args)
    if command == "actions":
        views = service.actions(status=args.status)
        if args.json:
            _print_json([asdict(v) for v in views])
            return 0
        for v in views:
            print(f"#{v.id:<4} {v.status.value:<9} {v.action.value:<6} {v.reason:<13} "
                  f"{v.target_x_id:<20} @{v.author_handle or '?'} by {v.proposed_by or '-'}"
                  f"{' / ' + v.decided_by if v.decided_by else ''}: "
                  f"{_one_line(v.text or '', 60)}")
        if not views:
            print("No moderation actions.")
        return 0
    if command == "report":
        rows = service.report()
        if args.json:
            _print_json([asdict(r) for r in rows])
            return 0
        print(f"{'month':<8} {'reason':<14} {'action':<7} {'applied':>7} {'undone':>6}")
        for r in rows:
            print(f"{r.month:<8} {r.reason:<14} {r.action:<7} {r.applied:>7} {r.undone:>6}")
        if not rows:
            print("No moderation action was carried out.")
        return 0
    if command == "policy":
        policy = service.policy
        print(policy.published[args.lang])
        for reason in policy.reasons.values():
            actions = ", ".join(a.value for a in reason.actions)
            print(f"- {reason.code} ({reason.title(args.lang)}; {actions}): "
                  f"{reason.text(args.lang)}")
        return 0
    actor = desk.operators.actor(args.operator)
    if command in ACTIONS and args.propose:
        view = service.propose(actor, command, args.x_id, args.reason, note=args.note)
        print(f"Proposed #{view.id}: {command} {view.target_x_id} ({view.reason}); a "
              "supervisor approves it (jun-desk moderation approve).")
        return 0
    if command == "reject":
        view = service.reject(actor, args.action_id, note=args.note)
        print(f"#{view.id} rejected.")
        return 0
    client = _client(args)
    try:
        if command in ACTIONS:
            view = service.act(actor, command, args.x_id, args.reason, client, note=args.note)
        elif command == "approve":
            view = service.approve(actor, args.action_id, client, note=args.note)
        else:
            action_id = service.applied_for(UNDO[command], args.x_id)
            view = service.undo(actor, action_id, client, note=args.reason or args.note)
    finally:
        client.close()
    done = {"applied": "done on X", "undone": "undone on X"}.get(view.status.value,
                                                                 view.status.value)
    ticket = f"; the report inside is ticket #{view.ticket_id}" if view.ticket_id else ""
    print(f"#{view.id} {view.action.value} {view.target_x_id} ({view.reason}): {done}"
          f"{ticket}.")
    return 0


def _list(service: ModerationService, args: argparse.Namespace) -> int:
    groups = service.conversations(flagged_only=args.flagged)
    if args.json:
        _print_json([{"conversation_id": g.conversation_id, "replies": [{
            "item_id": r.item_id, "x_id": r.x_id, "author": r.author_handle,
            "text": r.text, "flags": [f.describe() for f in r.assessment.flags],
            "hidden": r.hidden, "muted": r.muted, "pending": list(r.pending),
            "ticket_id": r.ticket_id} for r in g.replies]} for g in groups])
        return 0
    if not groups:
        print("No replies to moderate." if args.flagged else "No replies stored yet.")
        return 0
    for g in groups:
        print(f"Conversation {g.conversation_id} ({len(g.replies)} replies, "
              f"{g.flagged} flagged)")
        for r in g.replies:
            state = " [hidden]" if r.hidden else ""
            state += " [muted]" if r.muted else ""
            state += f" [proposed: {', '.join(r.pending_actions)}]" if r.pending else ""
            flags = f"  ⚑ {r.assessment.describe()}" if r.assessment.flagged else ""
            print(f"  {r.x_id} @{r.author_handle or '?'}{state}: {_one_line(r.text, 80)}"
                  f"{flags}")
    return 0
