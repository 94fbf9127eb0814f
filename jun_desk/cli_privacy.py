"""``jun-desk privacy``: retention, legal hold, the access log, a citizen's export and
erasure, and the records of processing.

    jun-desk privacy report [--json]
    jun-desk privacy retention [--set DEPARTMENT DAYS --as SUPERVISOR] [--json]
    jun-desk privacy apply-retention [--dry-run] [--as SUPERVISOR] [--json]
    jun-desk privacy hold TICKET --reason TEXT --as SUPERVISOR
    jun-desk privacy release TICKET --as SUPERVISOR
    jun-desk privacy access-log (--ticket N | --operator NAME) --as SUPERVISOR [--json]
    jun-desk privacy export @handle --out FILE --as SUPERVISOR   (FILE.json and FILE.html)
    jun-desk privacy erase @handle --as SUPERVISOR [--yes]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from jun_desk.domain.errors import JunDeskError, ValidationError

if TYPE_CHECKING:  # the command line loads the data layer only for a command that needs it
    from jun_desk.domain.roles import Actor
    from jun_desk.services.desk import Desk


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    priv = sub.add_parser(
        "privacy", help="citizens' personal data: retention, legal hold, access log, "
                        "export and erasure, the records of processing"
    ).add_subparsers(dest="privacy_command", required=True)
    rep = priv.add_parser("report", help="what is stored, per category, with counts and the "
                                         "oldest item (for the data-protection officer)")
    rep.add_argument("--json", action="store_true")
    ret = priv.add_parser("retention", help="the retention period of each department")
    ret.add_argument("--set", nargs=2, metavar=("DEPARTMENT", "DAYS"),
                     help="set a department's period in days (supervisors; audited)")
    ret.add_argument("--as", dest="operator", metavar="USERNAME")
    ret.add_argument("--json", action="store_true")
    app = priv.add_parser("apply-retention", help="anonymise the closed tickets past their "
                                                  "period (the desk does it daily)")
    app.add_argument("--dry-run", action="store_true", help="say what would change, change "
                                                            "nothing")
    app.add_argument("--as", dest="operator", metavar="USERNAME",
                     help="the supervisor running it (default: the desk itself)")
    app.add_argument("--json", action="store_true")
    for name, text in (("hold", "put a ticket under legal hold (retention and erasure "
                                "skip it)"),
                       ("release", "release a ticket's legal hold")):
        p = priv.add_parser(name, help=text)
        p.add_argument("ticket", type=int)
        if name == "hold":
            p.add_argument("--reason", required=True,
                           help="the law or case that requires keeping it (recorded)")
        p.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    log = priv.add_parser("access-log", help="who opened Salud, Policía and personal-data "
                                             "tickets (supervisors)")
    which = log.add_mutually_exclusive_group(required=True)
    which.add_argument("--ticket", type=int)
    which.add_argument("--operator", dest="of_operator", metavar="NAME")
    log.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    log.add_argument("--json", action="store_true")
    exp = priv.add_parser("export", help="everything stored about a citizen, as JSON and "
                                         "HTML (right of access)")
    exp.add_argument("handle", help="the citizen's X handle (@name)")
    exp.add_argument("--out", required=True, metavar="FILE",
                     help="written as FILE.json and FILE.html (never over an existing file)")
    exp.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    era = priv.add_parser("erase", help="anonymise everything of a citizen except what is "
                                        "under legal hold (right to erasure)")
    era.add_argument("handle", help="the citizen's X handle (@name)")
    era.add_argument("--as", dest="operator", required=True, metavar="USERNAME")
    era.add_argument("--yes", action="store_true",
                     help="confirmed already (otherwise the handle is asked for again)")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def run(desk: Desk, args: argparse.Namespace) -> int:
    command = args.privacy_command
    if command == "report":
        return _report(desk, args)
    if command == "retention":
        return _retention(desk, args)
    if command == "apply-retention":
        actor = desk.operators.actor(args.operator) if args.operator else None
        result = desk.retention.apply(actor, dry_run=args.dry_run)
        if args.json:
            _print_json({"dry_run": result.dry_run, "tickets": result.tickets,
                         "by_department": result.by_department,
                         "loose_messages": result.loose_messages, "held": result.held,
                         "citizens": result.citizens, "rows": result.scrubbed.as_dict()})
            return 0
        verb = "Would anonymise" if result.dry_run else "Anonymised"
        depts = ", ".join(f"{d} {n}" for d, n in sorted(result.by_department.items()))
        print(f"{verb} {len(result.tickets)} ticket(s){f' ({depts})' if depts else ''}, "
              f"{result.loose_messages} message(s) on no ticket and {result.citizens} "
              f"citizen record(s); {result.held} past their period kept under legal hold.")
        if not result.dry_run and result.scrubbed.total:
            rows = ", ".join(f"{k} {v}" for k, v in result.scrubbed.as_dict().items() if v)
            print(f"Rows changed: {rows}.")
        return 0
    actor = desk.operators.actor(args.operator)
    if command in ("hold", "release"):
        held = desk.retention.set_legal_hold(actor, args.ticket, command == "hold",
                                             getattr(args, "reason", None))
        print(f"Ticket #{args.ticket} is {'under legal hold' if held else 'no longer held'}.")
        return 0
    if command == "access-log":
        entries = desk.access_log.entries(actor, ticket_id=args.ticket,
                                          operator=args.of_operator)
        if args.json:
            _print_json([asdict(e) for e in entries])
            return 0
        for e in entries:
            print(f"{e.at:%Y-%m-%d %H:%M:%S} UTC  {e.operator:<16} ticket #{e.ticket_id:<6} "
                  f"{e.department:<10} {e.reason}")
        if not entries:
            print("Nobody opened such a ticket.")
        return 0
    if command == "export":
        return _export(desk, actor, args)
    return _erase(desk, actor, args)


def _report(desk: Desk, args: argparse.Namespace) -> int:
    report = desk.privacy_report.report()
    if args.json:
        _print_json({"at": report.at, "categories": [asdict(c) for c in report.categories],
                     "legal_holds": report.legal_holds, "retention": report.retention})
        return 0
    print(f"What Jun Desk stores ({report.at:%Y-%m-%d %H:%M} UTC)")
    print(f"{'CATEGORY':<19} {'COUNT':>7} {'ANONYMISED':>10}  {'OLDEST':<16}  HOLDS")
    for c in report.categories:
        anon = "-" if c.anonymised is None else str(c.anonymised)
        oldest = f"{c.oldest:%Y-%m-%d %H:%M}" if c.oldest else "-"
        print(f"{c.name:<19} {c.count:>7} {anon:>10}  {oldest:<16}  {c.holds}")
    print(f"Tickets under legal hold: {report.legal_holds}")
    print("Retention (days a closed ticket is kept whole; legal basis to be confirmed by "
          "the town):")
    for r in report.retention:
        mark = " (default)" if r["default"] else ""
        print(f"  {r['department']:<16} {r['days']:>6}{mark:<10} past their period now: "
              f"{r['due']}")
    return 0


def _retention(desk: Desk, args: argparse.Namespace) -> int:
    if args.set:
        if not args.operator:
            raise JunDeskError("--set needs --as USERNAME (a supervisor)")
        department, days = args.set
        try:
            number = int(days)
        except ValueError:
            raise ValidationError.of("privacy.retention_days", days=days,
                                     limit=50 * 365) from None
        view = desk.retention.set_days(desk.operators.actor(args.operator), department,
                                       number)
        print(f"{view.department}: closed tickets are kept whole {view.days} days.")
    policies = desk.retention.policies()
    if args.json:
        _print_json([asdict(p) for p in policies])
        return 0
    for p in policies:
        who = "default" if p.default else f"set by {p.updated_by}"
        print(f"{p.department:<16} {p.days:>6} days  ({who})")
    return 0


def _export(desk: Desk, actor: Actor, args: argparse.Namespace) -> int:
    from jun_desk.services.rights import export_targets, write_export

    targets = export_targets(args.out)
    export = desk.rights.export(actor, args.handle)
    write_export(export, targets)
    counts = ", ".join(f"{k} {v}" for k, v in export.contents.items() if v)
    print(f"Exported @{export.handle} ({counts}) to {targets[0]} and {targets[1]}.",
          file=sys.stderr)
    return 0


def _erase(desk: Desk, actor: Actor, args: argparse.Namespace) -> int:
    from jun_desk import secrets

    handle = args.handle.strip().lstrip("@")
    desk.citizens.find(handle)  # an unknown handle is said before anything is asked
    confirmed = args.yes
    if not confirmed:
        print(f"This anonymises everything Jun Desk stores about @{handle} except what is "
              "under legal hold. It cannot be undone.", file=sys.stderr)
        try:
            typed = input(f"Type the handle (@{handle}) to confirm: ")
        except EOFError:
            typed = ""
        confirmed = typed.strip().lstrip("@").lower() == handle.lower()
    report = desk.rights.erase(actor, handle, key=secrets.pseudonym_key(),
                               confirmed=confirmed)
    rows = ", ".join(f"{k} {v}" for k, v in report.scrubbed.as_dict().items() if v)
    print(f"Erased @{handle}: {rows or 'nothing left to change'}. Recorded as "
          f"pseudonym {report.pseudonym[:16]}….")
    if report.held_tickets:
        held = ", ".join(f"#{t}" for t in report.held_tickets)
        print(f"Kept under legal hold: ticket(s) {held} (and the citizen's record they "
              "need).")
    return 0
