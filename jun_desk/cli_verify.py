"""``jun-desk verify``: verifying citizens as residents of Jun (issue 27).

    jun-desk verify start @handle --as rosa [--ticket N] [--account AytoJun]
        (a one-time code by DM, queued in the outbox; the code is shown to nobody here)
    jun-desk verify confirm @handle CODE --document dni --document-checked --as rosa
        (at the counter: the code the citizen shows, an identity document checked)
    jun-desk verify confirm @handle --other-channel --note TEXT --as ana   (supervisors)
    jun-desk verify revoke @handle --note TEXT --as ana                    (supervisors)
    jun-desk verify list [--state requested|code_sent|verified|…] [--json]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from jun_desk.config import default_account
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.verification import Document, State

if TYPE_CHECKING:  # imported where used: the command line starts without the data layer
    from jun_desk.services.desk import Desk
    from jun_desk.services.verification import CitizenVerification


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = sub.add_parser(
        "verify", help="verify citizens as residents: a code by DM, the counter, revoking"
    ).add_subparsers(dest="verify_command", required=True)
    start = verify.add_parser("start", help="send the citizen a one-time code by DM "
                                            "(through the outbox)")
    start.add_argument("handle", help="the citizen's X handle")
    start.add_argument("--ticket", type=int, default=None, help="the ticket it is about")
    start.add_argument("--account", default=None,
                       help="desk account handle (default $JUN_DESK_ACCOUNT or AytoJun)")
    start.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    confirm = verify.add_parser(
        "confirm", help="confirm at the counter with the citizen's code and a document "
                        "checked, or (supervisors) by another channel with a note")
    confirm.add_argument("handle")
    confirm.add_argument("code", nargs="?", default=None,
                         help="the code the citizen shows (at the counter)")
    confirm.add_argument("--document", choices=[d.value for d in Document],
                         help="the kind of identity document checked (its number is not kept)")
    confirm.add_argument("--document-checked", action="store_true",
                         help="say that the identity document was checked")
    confirm.add_argument("--other-channel", action="store_true",
                         help="a supervisor verifies by another channel (with --note)")
    confirm.add_argument("--note", default="", help="how it was verified (--other-channel)")
    confirm.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    revoke = verify.add_parser("revoke", help="withdraw a verification (supervisors)")
    revoke.add_argument("handle")
    revoke.add_argument("--note", required=True, help="why (kept in the audit trail)")
    revoke.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    lst = verify.add_parser("list", help="verifications, newest first")
    lst.add_argument("--state", choices=[s.value for s in State], action="append")
    lst.add_argument("--json", action="store_true")


def run(desk: Desk, args: argparse.Namespace) -> int:
    command = args.verify_command
    if command == "list":
        return _list(desk, args)
    actor = desk.operators.actor(args.operator)
    citizen = desk.citizens.find(args.handle)
    if command == "start":
        started = desk.verification.start(actor, citizen.id,
                                          account=args.account or default_account(),
                                          ticket_id=args.ticket)
        print(f"Verification code for @{citizen.handle} queued in the outbox as a DM "
              f"(outbox item {started.outbox_id}); it expires at "
              f"{_at(started.code_expires_at)} UTC.")
        return 0
    if command == "revoke":
        _said(desk.verification.revoke(actor, citizen.id, args.note))
        return 0
    if args.other_channel:
        _said(desk.verification.confirm_other_channel(actor, citizen.id, args.note))
        return 0
    if args.code is None:
        raise ValidationError.of("verification.code_empty")
    _said(desk.verification.confirm_at_counter(
        actor, citizen.id, args.code, document=args.document or "",
        document_checked=args.document_checked))
    return 0


def _at(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at is not None else "-"


def _said(status: CitizenVerification) -> None:
    if status.verified:
        how = status.how.value if status.how else "-"
        print(f"@{status.handle} is a verified resident (by {status.verified_by}, {how}, "
              f"{_at(status.verified_at)} UTC; until {_at(status.verified_until)} UTC).")
    else:
        print(f"@{status.handle} is not a verified resident.")


def _list(desk: Desk, args: argparse.Namespace) -> int:
    states = [State(s) for s in args.state or ()]
    rows = desk.verification.list(states=states)
    if args.json:
        print(json.dumps([_jsonable(asdict(r)) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No verifications.")
    for r in rows:
        print(f"#{r.id} @{r.handle} {r.state.value} via {r.requested_via.value} · asked "
              f"{_at(r.created_at)} · code until {_at(r.code_expires_at)} · attempts "
              f"{r.attempts} · {r.method.value if r.method else '-'}"
              f"{f' ({r.document.value})' if r.document else ''} · by "
              f"{r.confirmed_by or '-'}")
    return 0


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if hasattr(value, "value"):
        return value.value
    return value
