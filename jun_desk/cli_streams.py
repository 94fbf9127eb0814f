"""``jun-desk staff`` and ``jun-desk search``: the staff accounts and watched searches the
desk reads besides the town's own mentions and DMs (issue 27). Supervisors only.

    jun-desk staff list [--all]
    jun-desk staff add @BarrenderoJun --department limpieza [--role barrendero] --as ana
    jun-desk staff remove @BarrenderoJun --as ana
    jun-desk search list [--all]
    jun-desk search add "#EndesaMeEstresa" [--label TEXT] --as ana
    jun-desk search remove ID --as ana

``add`` asks X first (the handle's user id; the search tried once) and says the stream's
expected monthly cost; a handle X does not know or a search X refuses saves nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from jun_desk.cli_moderation import _client, _x_options
from jun_desk.config import default_account

if TYPE_CHECKING:  # imported where used: the command line starts without the data layer
    from jun_desk.domain.streams import Expected
    from jun_desk.services.desk import Desk
    from jun_desk.x.client import XClient


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = sub.add_parser("staff", help="the town's staff accounts on X (their mentions "
                                         "are read and routed)").add_subparsers(
        dest="staff_command", required=True)
    lst = staff.add_parser("list", help="staff accounts (--all: also removed ones)")
    lst.add_argument("--all", action="store_true")
    add = staff.add_parser("add", help="add a staff account (supervisors)")
    add.add_argument("handle", help="the X handle, with or without @")
    add.add_argument("--department", required=True, help="where its mentions go")
    add.add_argument("--role", default="", help="the employee's job, e.g. barrendero")
    add.add_argument("--pause-rank", type=int, default=100,
                     help="the budget's pause order: lower pauses first (default 100; "
                          "searches 50; the town's own mentions and DMs always last)")
    add.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    _x_options(add)
    rm = staff.add_parser("remove", help="stop reading a staff account (supervisors)")
    rm.add_argument("handle")
    rm.add_argument("--as", dest="operator", required=True, metavar="USERNAME")

    search = sub.add_parser("search", help="recent searches the desk watches (results land "
                                           "in the feed)").add_subparsers(
        dest="search_command", required=True)
    slst = search.add_parser("list", help="watched searches (--all: also removed ones)")
    slst.add_argument("--all", action="store_true")
    sadd = search.add_parser("add", help="watch a search (supervisors)")
    sadd.add_argument("query", help="X's search query, e.g. '#EndesaMeEstresa'")
    sadd.add_argument("--label", default="")
    sadd.add_argument("--pause-rank", type=int, default=50,
                      help="the budget's pause order: lower pauses first (default 50)")
    sadd.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    _x_options(sadd)
    srm = search.add_parser("remove", help="stop watching a search (supervisors)")
    srm.add_argument("search_id", type=int)
    srm.add_argument("--as", dest="operator", required=True, metavar="USERNAME")


def _cost_line(expected: Expected) -> str:
    from jun_desk.domain.costs import money

    return (f"expected {money(expected.monthly_micro, 'en')} a month "
            f"(~{expected.posts_per_day:.0f} posts a day; {expected.basis})")


def _meter(desk: Desk, client: XClient, args: argparse.Namespace) -> None:
    """What asking X cost goes on the account's meter like any other read."""
    account = (args.account or default_account()).lstrip("@")
    with client.billed() as charges:
        desk.costs.record(account, charges)


def run_staff(desk: Desk, args: argparse.Namespace) -> int:
    service = desk.streams
    command = args.staff_command
    if command == "list":
        members = service.staff(include_inactive=args.all)
        volumes = service.volumes()
        for m in members:
            state = "" if m.active else " [removed]"
            seen = volumes.get(m.streams[0].value, 0)
            print(f"@{m.handle:<16} {m.department:<12} {m.role or '-':<24} {m.x_user_id} "
                  f"({seen} mentions in 7 days){state}")
        if not members:
            print("No staff accounts.")
        return 0
    actor = desk.operators.actor(args.operator)
    if command == "remove":
        member = service.remove_staff(actor, args.handle)
        print(f"@{member.handle} removed: its mentions are no longer read.")
        return 0
    from jun_desk.x.watch import resolve_handle

    client = _client(args)
    try:
        user = resolve_handle(client, args.handle)
        _meter(desk, client, args)
    finally:
        client.close()
    member = service.add_staff(actor, user, args.department, args.role,
                               pause_rank=args.pause_rank)
    prices = desk.ctx.price_table
    volume = service.volume(member.streams[0])
    expected = service.expected(prices, volume or None)
    print(f"@{member.handle} ({member.x_user_id}) added to {member.department}: its mentions "
          f"are read from the next poll; {_cost_line(expected)}.")
    return 0


def run_search(desk: Desk, args: argparse.Namespace) -> int:
    service = desk.streams
    command = args.search_command
    if command == "list":
        searches = service.searches(include_inactive=args.all)
        volumes = service.volumes()
        for s in searches:
            state = "" if s.active else " [removed]"
            print(f"#{s.id:<4} {s.query!r:<40} {s.label:<20} "
                  f"({volumes.get(s.stream.value, 0)} posts in 7 days){state}")
        if not searches:
            print("No watched searches.")
        return 0
    actor = desk.operators.actor(args.operator)
    if command == "remove":
        watched = service.remove_search(actor, args.search_id)
        print(f"Search #{watched.id} ({watched.query!r}) is no longer watched.")
        return 0
    from jun_desk.x.watch import try_search

    client = _client(args)
    try:
        probe = try_search(client, args.query)
        _meter(desk, client, args)
    finally:
        client.close()
    posts, days = probe.volume
    expected = service.expected(desk.ctx.price_table, posts, days)
    watched = service.add_search(actor, probe.query, args.label, pause_rank=args.pause_rank)
    print(f"Search #{watched.id} ({watched.query!r}) watched from the next poll; "
          f"{_cost_line(expected)}.")
    return 0
