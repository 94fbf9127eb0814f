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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from jun_desk.cli_moderation import _client, _x_options
from jun_desk.config import default_account

if TYPE_CHECKING:  # imported where used: the command line starts without the data layer
    from collections import Counter

    from jun_desk.domain.items import XUser
    from jun_desk.domain.roles import Actor
    from jun_desk.domain.streams import Expected, SearchTrial, StaffMember, Watched
    from jun_desk.services.desk import Desk
    from jun_desk.services.streams import StreamsService
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


class _Listed(Protocol):
    @property
    def active(self) -> bool: ...


Row = TypeVar("Row", bound=_Listed)
Answer = TypeVar("Answer")


@dataclass(frozen=True)
class _Kind(Generic[Row, Answer]):
    """What ``staff`` and ``search`` each do at the steps they share: list, remove, add
    (X asked first, what asking cost metered, then saved)."""

    command: str  # the sub-command's argparse dest
    rows: Callable[[StreamsService, bool], Sequence[Row]]  # bool: also the removed ones
    line: Callable[[Row, Counter[str]], str]  # a listed row, with its 7 days' volumes
    none: str  # the list is empty
    remove: Callable[[StreamsService, Actor, argparse.Namespace], str]
    ask_x: Callable[[XClient, argparse.Namespace], Answer]
    add: Callable[[Desk, Actor, Answer, argparse.Namespace], str]


def _run(kind: _Kind[Row, Answer], desk: Desk, args: argparse.Namespace) -> int:
    service = desk.streams
    command = getattr(args, kind.command)
    if command == "list":
        rows = kind.rows(service, args.all)
        volumes = service.volumes()
        for row in rows:
            print(kind.line(row, volumes) + ("" if row.active else " [removed]"))
        if not rows:
            print(kind.none)
        return 0
    actor = desk.operators.actor(args.operator)
    if command == "remove":
        print(kind.remove(service, actor, args))
        return 0
    client = _client(args)
    try:
        answer = kind.ask_x(client, args)
        _meter(desk, client, args)
    finally:
        client.close()
    print(kind.add(desk, actor, answer, args))
    return 0


def _staff_line(m: StaffMember, volumes: Counter[str]) -> str:
    seen = volumes.get(m.streams[0].value, 0)
    return (f"@{m.handle:<16} {m.department:<12} {m.role or '-':<24} {m.x_user_id} "
            f"({seen} mentions in 7 days)")


def _remove_staff(service: StreamsService, actor: Actor, args: argparse.Namespace) -> str:
    member = service.remove_staff(actor, args.handle)
    return f"@{member.handle} removed: its mentions are no longer read."


def _resolve(client: XClient, args: argparse.Namespace) -> XUser:
    from jun_desk.x.watch import resolve_handle

    return resolve_handle(client, args.handle)


def _add_staff(desk: Desk, actor: Actor, user: XUser, args: argparse.Namespace) -> str:
    service = desk.streams
    member = service.add_staff(actor, user, args.department, args.role,
                               pause_rank=args.pause_rank)
    volume = service.volume(member.streams[0])
    expected = service.expected(desk.ctx.price_table, volume or None)
    return (f"@{member.handle} ({member.x_user_id}) added to {member.department}: its "
            f"mentions are read from the next poll; {_cost_line(expected)}.")


def _search_line(s: Watched, volumes: Counter[str]) -> str:
    return (f"#{s.id:<4} {s.query!r:<40} {s.label:<20} "
            f"({volumes.get(s.stream.value, 0)} posts in 7 days)")


def _remove_search(service: StreamsService, actor: Actor, args: argparse.Namespace) -> str:
    watched = service.remove_search(actor, args.search_id)
    return f"Search #{watched.id} ({watched.query!r}) is no longer watched."


def _try_search(client: XClient, args: argparse.Namespace) -> SearchTrial:
    from jun_desk.x.watch import try_search

    return try_search(client, args.query)


def _add_search(desk: Desk, actor: Actor, probe: SearchTrial, args: argparse.Namespace) -> str:
    service = desk.streams
    posts, days = probe.volume
    expected = service.expected(desk.ctx.price_table, posts, days)
    watched = service.add_search(actor, probe.query, args.label, pause_rank=args.pause_rank)
    return (f"Search #{watched.id} ({watched.query!r}) watched from the next poll; "
            f"{_cost_line(expected)}.")


_STAFF: _Kind[StaffMember, XUser] = _Kind(
    "staff_command", lambda service, every: service.staff(include_inactive=every),
    _staff_line, "No staff accounts.", _remove_staff, _resolve, _add_staff)
_SEARCH: _Kind[Watched, SearchTrial] = _Kind(
    "search_command", lambda service, every: service.searches(include_inactive=every),
    _search_line, "No watched searches.", _remove_search, _try_search, _add_search)


def run_staff(desk: Desk, args: argparse.Namespace) -> int:
    return _run(_STAFF, desk, args)


def run_search(desk: Desk, args: argparse.Namespace) -> int:
    return _run(_SEARCH, desk, args)
