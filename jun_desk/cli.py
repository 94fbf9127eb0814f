"""The front door: `jun-desk` opens the desk; subcommands do the rest from a terminal.

Errors print one line that says what to do and exit non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jun_desk import __version__
from jun_desk.config import DB_ENV, database_url
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.routing import RoutingPolicy
from jun_desk.paths import Paths

if TYPE_CHECKING:  # imported where used: the window starts without the data layer
    from jun_desk.config import SignInSettings
    from jun_desk.domain.adjudication import Relabel
    from jun_desk.domain.evaluation import Labelled, Report
    from jun_desk.domain.passwords import PasswordPolicy
    from jun_desk.domain.tickets import TicketView
    from jun_desk.domain.triage import Triage
    from jun_desk.services.context import Rules
    from jun_desk.services.desk import Desk
    from jun_desk.services.search import TicketFilter

EXIT_ERROR = 1
EXIT_UNEXPECTED = 70
log = logging.getLogger("jun_desk")


def _parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False``: the desk window's options alone (see
    ``_parse``)."""
    p = argparse.ArgumentParser(
        prog="jun-desk",
        description="Jun Desk: the town hall's help desk for citizens who write over X. "
                    "With no command it opens the desk window.",
        exit_on_error=commands,
    )
    p.add_argument("--version", action="version", version=f"jun-desk {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="check this installation offscreen on the sandbox and exit")
    p.add_argument("--db", metavar="URL",
                   help=f"database: a SQLAlchemy URL or a file path (default: ${DB_ENV}, "
                        "else a SQLite file in your user data folder)")
    gui = p.add_argument_group("desk window")
    gui.add_argument("--sandbox", dest="gui_sandbox", action="store_true",
                     help="open the desk on the built-in X sandbox, with its own database")
    gui.add_argument("--speed", dest="gui_speed", default="60",
                     help="with --sandbox: how fast the sandbox day plays (default 60)")
    gui.add_argument("--lang", dest="gui_lang", choices=["es", "en"],
                     help="language of the window (default: Spanish on a Spanish system)")
    gui.add_argument("--api-base", dest="gui_api_base", metavar="URL",
                     help="address of the X API (default https://api.twitter.com); also "
                          "for the commands that talk to X (credentials test, sync, …)")
    if not commands:
        p.set_defaults(command=None)
        return p
    from jun_desk import cli_announce, cli_moderation, cli_privacy, cli_streams, cli_verify, cli_x

    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database schema, backups").add_subparsers(dest="db_command",
                                                                     required=True)
    db.add_parser("upgrade", help="apply pending migrations")
    db.add_parser("current", help="show the schema revision")
    from jun_desk import cli_backup

    cli_backup.add_parsers(db)

    tickets = sub.add_parser("tickets", help="list or show tickets").add_subparsers(
        dest="tickets_command", required=True)
    lst = tickets.add_parser("list", help="list tickets, newest first")
    _filters(lst)
    lst.add_argument("--limit", type=int, default=100, help="at most N tickets (default 100)")
    lst.add_argument("--json", action="store_true", help="JSON instead of a table")
    show = tickets.add_parser("show", help="one ticket with its messages, notes and history")
    show.add_argument("ticket_id", type=int)
    show.add_argument("--json", action="store_true")

    export = sub.add_parser("export", help="export tickets as CSV or Open311 GeoReport v2 JSON")
    export.add_argument("--format", choices=["csv", "open311"], required=True)
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--media-base", metavar="URL",
                        help="Open311: where the town publishes the photos (the cache's files "
                             "copied there under their names); each request's media_url")
    export.add_argument("--media-out", metavar="DIR",
                        help="Open311: copy the photos --media-base points at into DIR")
    _filters(export)

    ops = sub.add_parser("operators", help="the desk's operators").add_subparsers(
        dest="operators_command", required=True)
    add = ops.add_parser("add", help="add an operator or supervisor")
    add.add_argument("username")
    add.add_argument("--role", required=True, help="operator or supervisor")
    add.add_argument("--name", dest="display_name", help="full name shown in the desk")
    add.add_argument("--departments", default="",
                     help="comma-separated department codes (default: all)")
    ops_list = ops.add_parser("list", help="list operators")
    ops_list.add_argument("--json", action="store_true")
    set_pw = ops.add_parser("set-password",
                            help="set or reset an operator's password (asked at a prompt, "
                                 "never on the command line)")
    set_pw.add_argument("username")
    set_pw.add_argument("--stdin", action="store_true",
                        help="read the password from the first line of standard input")
    code = ops.add_parser("issue-code",
                          help="issue a one-time first-access code: the operator signs in "
                               "with it and chooses their password (any password they had "
                               "is removed)")
    code.add_argument("username")
    code.add_argument("--hours", type=float, default=None,
                      help="how long the code is valid (default 24, at most 168)")
    bind = ops.add_parser("bind-system-user",
                          help="let an operating-system user sign in as this operator without "
                               "a password (needs [sign_in] system_user = yes on the desk)")
    bind.add_argument("username")
    bind.add_argument("os_user", nargs="?", default="",
                      help="the system user (empty: remove the binding)")
    for name, text in (("deactivate", "stop an operator from signing in or acting"),
                       ("activate", "let a deactivated operator sign in again")):
        ops.add_parser(name, help=text).add_argument("username")

    report = sub.add_parser("report", help="backlog and response times")
    report.add_argument("--days", type=int, default=7, help="period for the medians (default 7)")
    report.add_argument("--json", action="store_true")

    costs = sub.add_parser("costs", help="what X charged per day (pay-per-use), the month "
                                         "against the budget")
    costs.add_argument("--days", type=int, default=7, help="days shown (default 7)")
    costs.add_argument("--json", action="store_true")
    costs.add_argument("--set-budget", metavar="DOLLARS",
                       help="set the monthly X budget shared by every desk (supervisors; "
                            "0 = none); with --as")
    costs.add_argument("--daily-alert", metavar="DOLLARS", default="0",
                       help="with --set-budget: the daily alert level (default none)")
    costs.add_argument("--stop-writes", action="store_true",
                       help="with --set-budget: at the budget, queued replies and DMs wait too")
    costs.add_argument("--as", dest="operator", metavar="USERNAME",
                       help="the supervisor setting the budget (audited)")

    outbox = sub.add_parser("outbox", help="replies and DMs waiting to be sent, or failed")
    outbox.add_argument("--all", action="store_true", help="include the sent ones")
    outbox.add_argument("--json", action="store_true")

    quarantine = sub.add_parser(
        "quarantine", help="items X sent that could not be read whole: list, retry, dismiss"
    ).add_subparsers(dest="quarantine_command", required=True)
    q_list = quarantine.add_parser("list", help="what waits (--all: also stored, dismissed)")
    q_list.add_argument("--all", action="store_true")
    q_list.add_argument("--json", action="store_true", help="JSON, with the raw items")
    for name, text in (("retry", "the next sync reads these items again from X"),
                       ("dismiss", "take these items off the list (audited)")):
        q = quarantine.add_parser(name, help=text)
        q.add_argument("ids", type=int, nargs="+", metavar="ID", help="ids from the list")
        q.add_argument("--as", dest="operator", required=True, metavar="USERNAME",
                       help="the operator doing it (recorded in the audit trail)")

    triage = sub.add_parser(
        "triage", help="show how a text would be triaged; or eval, train, retrain, "
                       "rollback, models (jun-desk triage eval --help)")
    triage.add_argument("text", help="a message, or one of: " + ", ".join(TRIAGE_COMMANDS))
    triage.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    cli_x.add_parsers(sub)
    cli_moderation.add_parsers(sub)
    cli_streams.add_parsers(sub)
    cli_announce.add_parsers(sub)
    cli_privacy.add_parsers(sub)
    cli_verify.add_parsers(sub)
    return p


TRIAGE_COMMANDS = ("eval", "train", "retrain", "rollback", "models", "routing")


def _triage_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jun-desk triage",
                                description="The triage model: evaluate, train, retrain "
                                            "from the desk's corrections, roll back.")
    sub = p.add_subparsers(dest="triage_command", required=True)
    ev = sub.add_parser("eval", help="precision, recall, confusion, urgency and personal "
                                     "data on a labelled JSONL file")
    ev.add_argument("file", nargs="?",
                    help="JSONL: text, department[, urgent, personal_data, split] (default: "
                         "$JUN_DESK_TRIAGE_CORPUS, else ../shared/triage-corpus/corpus.jsonl "
                         "beside a source checkout)")
    ev.add_argument("--split", help="only the items of this split (e.g. test)")
    ev.add_argument("--worst", type=int, default=10, help="errors listed (default 10)")
    ev.add_argument("--rules-only", action="store_true", help="without the learned model")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--plot", metavar="FILE.png",
                    help="draw the reliability curve of the real test split as a PNG")
    tr = sub.add_parser("train", help="train the shipped model from a corpus (developers)")
    tr.add_argument("--corpus", required=True, help="corpus.jsonl (its train split is used)")
    tr.add_argument("--out", default=None,
                    help="folder for triage_model.bin (default: the resources folder)")
    tr.add_argument("--route", action="store_true",
                    help="use the routing threshold (held-out answers above it right 97 %% of "
                         "the time) as the 'sin clasificar' threshold")
    tr.add_argument("--vectors", action="store_true",
                    help="also write triage_training.bin: the train and test splits as "
                         "hashed feature vectors, for retraining without the texts")
    re_ = sub.add_parser("retrain", help="retrain the town's model from the corpus and the "
                                         "desk's corrections (supervisors)")
    re_.add_argument("--as", dest="username", required=True, help="supervisor's username")
    re_.add_argument("--corpus", help=f"corpus.jsonl (default: ${'JUN_DESK_TRIAGE_CORPUS'} "
                                      "or the shipped vectors)")
    rb = sub.add_parser("rollback", help="go back to the previous model (supervisors)")
    rb.add_argument("--as", dest="username", required=True, help="supervisor's username")
    sub.add_parser("models", help="the model versions in the database")
    ro = sub.add_parser("routing", help="when triage routes a message by itself: only when "
                                        "it is safe (97 %% right) or always (supervisors)")
    ro.add_argument("policy", nargs="?", choices=[p.value for p in RoutingPolicy],
                    help="safe: only answers right 97 %% of the time, the rest wait 'sin "
                         "clasificar' (default); always: the most likely department. "
                         "Without it: the policy in use")
    ro.add_argument("--as", dest="username", help="supervisor's username (to change it)")
    return p


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", action="append", default=[], help="repeatable")
    p.add_argument("--department", action="append", default=[], help="repeatable")
    p.add_argument("--text", default="", help="words in the title, messages or handle")


def parse_speed(value: str) -> float:
    """``--speed`` of the window's sandbox and of the ``sandbox`` command."""
    if value.strip().lower() in ("instant", "inf", "all"):
        return math.inf
    try:
        speed = float(value)
    except ValueError:
        raise JunDeskError(f"--speed must be a number or 'instant', not '{value}'") from None
    if speed <= 0:
        raise JunDeskError("--speed must be positive")
    return speed


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The desk window's options are read without building (or importing) the commands'
    parsers, for start-up time; anything else — a command, --help, a mistake — goes to
    the whole command line, which says it as it always has."""
    words = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(words):
        try:
            args, rest = _parser(commands=False).parse_known_args(words)
        except argparse.ArgumentError:
            rest = words
        if not rest:
            return args
    return _parser().parse_args(words)


def _start_logging() -> None:
    """The desk's folders (private) and its log file."""
    from jun_desk.logging_setup import setup_logging

    level = logging.getLevelName(os.environ.get("JUN_DESK_LOG_LEVEL", "INFO").upper())
    try:
        tightened = Paths.default().make_private()
    except OSError as err:
        tightened = [f"Could not create the desk's folders: {err}"]
    setup_logging(Paths.default().logs, level if isinstance(level, int) else logging.INFO)
    for line in tightened:  # an older install left its files readable by others
        log.warning("%s", line)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    logging_started: list[bool] = []

    def start_logging() -> None:  # once per run
        if not logging_started:
            logging_started.append(True)
            _start_logging()

    if args.command is not None or args.self_test:
        start_logging()  # the desk window does it once it is on screen (app.DeskStart)
    try:
        return _dispatch(args, start_logging)
    except JunDeskError as err:
        from jun_desk.logging_setup import mask

        start_logging()
        log.warning("%s: %s", args.command or "gui", err)
        print(f"jun-desk: error: {mask(str(err))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("jun-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # a bug: one line for the person, the details in a file
        start_logging()
        report = _crash_report(err)
        print(f"jun-desk: unexpected error ({type(err).__name__}); details in {report}",
              file=sys.stderr)
        return EXIT_UNEXPECTED


def _crash_report(err: BaseException) -> Path:
    from jun_desk.crash import write_crash_report

    return write_crash_report(err)


def _open_desk(args: argparse.Namespace, *, migrate: bool = True) -> Desk:
    from jun_desk.config import media_settings, x_prices
    from jun_desk.services.desk import Desk

    desk = Desk.open(database_url(args.db), migrate=migrate)
    try:
        desk.ctx.prices = x_prices()
        desk.media.configure(media_settings())
    except JunDeskError:
        desk.close()
        raise
    return desk


def _dispatch(args: argparse.Namespace,
              start_logging: Callable[[], None] = _start_logging) -> int:
    if args.self_test:
        from jun_desk.selftest import run_self_test

        return run_self_test()
    if getattr(args, "api_base", "absent") is None:  # the command's own flag comes first
        args.api_base = args.gui_api_base
    if args.command is None:
        from jun_desk.app import GuiOptions, run_gui

        return run_gui(GuiOptions(db_url=args.db, sandbox=args.gui_sandbox,
                                  speed=parse_speed(args.gui_speed),
                                  api_base=args.gui_api_base, language=args.gui_lang),
                       on_shown=start_logging)
    if args.command == "db":
        return _db(args)
    if args.command == "triage":
        return _triage(args)
    from jun_desk import cli_announce, cli_moderation, cli_privacy, cli_streams, cli_verify, cli_x

    if args.command == "sandbox":
        return cli_x.run_sandbox(args, speed=parse_speed(args.speed))
    if args.command == "credentials":
        return cli_x.run_credentials(args)
    desk = _open_desk(args)
    try:
        handler = {"tickets": _tickets, "export": _export, "operators": _operators,
                   "report": _report, "sync": cli_x.run_sync, "outbox": _outbox,
                   "quarantine": _quarantine, "costs": _costs,
                   "moderation": cli_moderation.run, "privacy": cli_privacy.run,
                   "verify": cli_verify.run,
                   "staff": cli_streams.run_staff, "search": cli_streams.run_search,
                   "announce": cli_announce.run}[args.command]
        return handler(desk, args)
    finally:
        desk.close()


def _db(args: argparse.Namespace) -> int:
    from jun_desk import cli_backup
    from jun_desk.store.engine import Database

    if args.db_command in cli_backup.COMMANDS:
        return cli_backup.run(args)
    from jun_desk.store.migrate import current_revision, head_revision, upgrade

    db = Database.open(database_url(args.db))
    try:
        db.check_connection()
        if args.db_command == "upgrade":
            before, after = upgrade(db)
            if before == after:
                print(f"Database {db.display_url} is up to date (revision {after}).")
            else:
                print(f"Database {db.display_url} upgraded from {before or 'empty'} to {after}.")
        else:
            current = current_revision(db)
            state = "up to date" if current == head_revision() else f"latest is {head_revision()}"
            print(f"{current or 'empty'} ({state})")
        return 0
    finally:
        db.dispose()


def _ticket_filter(args: argparse.Namespace, limit: int | None,
                   order: str = "newest") -> TicketFilter:
    from jun_desk.services.search import TicketFilter

    return TicketFilter(statuses=args.status, departments=args.department, text=args.text,
                        limit=limit, order=order)


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _print_json(value: object) -> None:
    import json

    print(json.dumps(_jsonable(value), ensure_ascii=False, indent=2))


def _tickets(desk: Desk, args: argparse.Namespace) -> int:
    if args.tickets_command == "show":
        ticket = desk.tickets.get(args.ticket_id)
        items, notes = desk.tickets.items(ticket.id), desk.tickets.notes(ticket.id)
        history = desk.audit.for_ticket(ticket.id)
        if args.json:
            _print_json({"ticket": asdict(ticket), "items": [asdict(i) for i in items],
                         "notes": [asdict(n) for n in notes],
                         "history": [asdict(h) for h in history]})
            return 0
        print(_table([ticket]))
        for item in items:
            who = f"@{item.author_handle}" if item.author_handle else item.kind
            print(f"  {item.created_at:%Y-%m-%d %H:%M} {who}: {item.text}")
        for note in notes:
            print(f"  [nota {note.author_name}] {note.text}")
        for event in history:
            print(f"  {event.at:%Y-%m-%d %H:%M:%S} {event.actor_name} {event.action} "
                  f"{event.outcome}")
        return 0
    if args.limit <= 0:
        raise JunDeskError("--limit must be a positive number")
    tickets = desk.search.tickets(_ticket_filter(args, args.limit))
    if args.json:
        _print_json([asdict(t) for t in tickets])
    elif tickets:
        print(_table(tickets))
    else:
        print("No tickets match.")
    return 0


def _table(tickets: list[TicketView]) -> str:
    rows = [("ID", "CREATED", "DEPARTMENT", "STATUS", "PRIORITY", "ASSIGNEE", "CITIZEN", "TITLE")]
    for t in tickets:
        rows.append((str(t.id), f"{t.created_at:%Y-%m-%d %H:%M}", t.department, t.status.value,
                     t.priority.value, t.assignee_name or "-",
                     f"@{t.citizen_handle}" if t.citizen_handle else "-",
                     _one_line(t.title, 60)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1]
        for r in rows
    )


def _one_line(text: str, limit: int) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _export(desk: Desk, args: argparse.Namespace) -> int:
    flt = _ticket_filter(args, None, order="oldest")
    text = desk.export.csv_text(flt) if args.format == "csv" else \
        desk.export.open311_json(flt, media_base=args.media_base)
    if not args.out:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    out = Path(args.out).expanduser()
    try:
        # Written beside the target then renamed: a failed export never leaves half a file.
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, out)
    except OSError as err:
        raise JunDeskError(f"Cannot write {out}: {err.strerror or err}") from None
    count = text.count("\n") - 1 if args.format == "csv" else text.count('"service_request_id"')
    print(f"Exported {count} tickets to {out}", file=sys.stderr)
    if args.format == "open311" and args.media_base and args.media_out:
        _copy_photos(desk, flt, Path(args.media_out).expanduser())
    return 0


def _copy_photos(desk: Desk, flt: TicketFilter, folder: Path) -> None:
    """The photos the Open311 file's media_url name, copied under their names."""
    import shutil

    photos = desk.export.published_photos(flt)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, name in photos:
            if not (folder / name).exists():
                shutil.copyfile(path, folder / name)
    except OSError as err:
        raise JunDeskError(f"Cannot copy the photos to {folder}: {err.strerror or err}") \
            from None
    print(f"Copied {len(photos)} photos to {folder}", file=sys.stderr)


def _operators(desk: Desk, args: argparse.Namespace) -> int:
    if args.operators_command == "add":
        view = desk.operators.add(args.username, args.role, display_name=args.display_name,
                                  departments=[d for d in args.departments.split(",") if d])
        scope = ", ".join(view.departments) or "all departments"
        print(f"Added {view.role.value} {view.username} ({view.display_name}) for {scope}.")
        print(f"Give them a first-access code: jun-desk operators issue-code {view.username} "
              f"(or set the password: jun-desk operators set-password {view.username}).")
        return 0
    if args.operators_command == "set-password":
        return _set_password(desk, args)
    if args.operators_command == "issue-code":
        from jun_desk.domain.passwords import CODE_HOURS

        issued = desk.operators.issue_code(None, args.username, hours=args.hours or CODE_HOURS)
        until = issued.expires_at.astimezone()
        print(f"First-access code for {issued.username}: {issued.code}")
        print(f"Valid once, until {until:%Y-%m-%d %H:%M %Z}. It is not shown again: give it "
              "to them in person; they type it at the sign-in and then choose a password.")
        return 0
    if args.operators_command == "bind-system-user":
        view = desk.operators.bind_os_user(None, args.username, args.os_user or None)
        print(f"{view.username} signs in as system user {view.os_user}." if view.os_user
              else f"{view.username} is bound to no system user.")
        return 0
    if args.operators_command in ("activate", "deactivate"):
        view = desk.operators.set_active(None, args.username,
                                         args.operators_command == "activate")
        print(f"{view.username} is {'active' if view.active else 'deactivated'}.")
        return 0
    operators = desk.operators.list(include_inactive=True)
    if args.json:
        _print_json([asdict(o) for o in operators])
        return 0
    for o in operators:
        state = "" if o.active else " (inactive)"
        scope = ",".join(o.departments) or "*"
        if o.code_until is not None:
            state += f" (first-access code until {o.code_until.astimezone():%Y-%m-%d %H:%M})"
        elif not o.has_password:
            state += " (no password yet: issue-code)"
        print(f"{o.username:<20} {o.role.value:<11} {scope:<30} {o.display_name}{state}")
    return 0


def _set_password(desk: Desk, args: argparse.Namespace) -> int:
    """The password from a prompt (typed twice) or the first line of standard input; never
    from the command line, where other users of the PC could read it in the process list."""
    from jun_desk.config import sign_in_settings

    desk.operators.policy = _policy(sign_in_settings())
    if args.stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(f"New password for {args.username}: ")
        if getpass.getpass("Type it again: ") != password:
            raise JunDeskError("The two passwords differ: nothing was changed")
    view = desk.operators.set_password(None, args.username, password)
    print(f"Password set for {view.username}; wrong attempts cleared.")
    return 0


def _policy(settings: SignInSettings) -> PasswordPolicy:
    from jun_desk.domain.passwords import PasswordPolicy

    return PasswordPolicy(pin=settings.pin)


def _report(desk: Desk, args: argparse.Namespace) -> int:
    from jun_desk.services.reports import format_duration

    if args.days <= 0:
        raise JunDeskError("--days must be a positive number")
    since = desk.ctx.clock() - timedelta(days=args.days)
    backlog = desk.reports.backlog()
    overall = desk.reports.response_times(since)
    per_dept = {r.department: r for r in desk.reports.response_times_by_department(since)}
    if args.json:
        _print_json({"backlog": [{"department": b.department, "open": b.total,
                                  "overdue": b.overdue,
                                  "by_status": {s.value: n for s, n in b.by_status.items()}}
                                 for b in backlog],
                     "response_times": [asdict(overall), *(asdict(r) for r in per_dept.values())]})
        return 0
    print(f"{'DEPARTMENT':<14} {'OPEN':>5} {'OVERDUE':>8} {'1ST RESPONSE':>13} {'RESOLUTION':>11}")
    for b in backlog:
        r = per_dept[b.department]
        print(f"{b.department:<14} {b.total:>5} {b.overdue:>8} "
              f"{format_duration(r.median_first_response):>13} "
              f"{format_duration(r.median_resolution):>11}")
    print(f"Last {args.days} days: {overall.tickets} tickets, median first response "
          f"{format_duration(overall.median_first_response)}, median resolution "
          f"{format_duration(overall.median_resolution)}")
    return 0


def _costs(desk: Desk, args: argparse.Namespace) -> int:
    from jun_desk.config import default_account
    from jun_desk.domain.costs import MICRO, money, utc_day

    if not 0 < args.days <= 366:
        raise JunDeskError("--days must be a number of days between 1 and 366")
    account = default_account()
    if args.set_budget is not None:
        if not args.operator:
            raise JunDeskError("--set-budget needs --as USERNAME (a supervisor)")
        desk.costs.set_budget(desk.operators.actor(args.operator), account,
                              monthly=args.set_budget, daily_alert=args.daily_alert,
                              stop_writes=args.stop_writes)
    today = utc_day(desk.ctx.clock())
    first = min(today - timedelta(days=args.days - 1), today.replace(day=1))
    rows = desk.costs.rows(account, first, today)
    state = desk.costs.state(account)
    prices = desk.ctx.price_table
    days: dict[Any, dict[str, Any]] = {}
    for r in rows:
        day = days.setdefault(r.day, {"total": 0, "streams": {}, "units": {}})
        day["total"] += r.micro
        day["streams"][r.stream] = day["streams"].get(r.stream, 0) + r.micro
        day["units"][r.kind] = day["units"].get(r.kind, 0) + r.units
    shown = [today - timedelta(days=n) for n in range(args.days - 1, -1, -1)]
    budget = state.budget
    if args.json:
        _print_json({
            "account": account, "currency": "USD",
            "prices": {"as_of": prices.as_of, "source": prices.source,
                       **{k.value: v / MICRO for k, v in prices.micro.items()}},
            "days": [{"day": d.isoformat(), "total": days.get(d, {}).get("total", 0) / MICRO,
                      "by_stream": {k: v / MICRO for k, v in
                                    days.get(d, {}).get("streams", {}).items()},
                      "units": days.get(d, {}).get("units", {})} for d in shown],
            "month": {"spent": state.month_micro / MICRO, "today": state.today_micro / MICRO,
                      "forecast": state.forecast_micro / MICRO, "pace": state.pace.value,
                      "paused_until": state.until.isoformat() if state.until else None},
            "budget": {"monthly": budget.monthly_micro / MICRO or None,
                       "daily_alert": budget.daily_alert_micro / MICRO or None,
                       "stop_writes": budget.stop_writes, "set_by": budget.updated_by},
        })
        return 0
    print(f"X pay-per-use spend of @{account} (prices of {prices.as_of or 'settings'})")
    print(f"{'DAY':<11} {'TOTAL':>9}  BY STREAM")
    for d in shown:
        day = days.get(d, {"total": 0, "streams": {}})
        parts = ", ".join(f"{k} {money(v, 'en')}" for k, v in sorted(day["streams"].items()))
        print(f"{d.isoformat():<11} {money(day['total'], 'en'):>9}  {parts}")
    limit = f" of {money(budget.monthly_micro, 'en')}" if budget.monthly_micro else \
        " (no budget set)"
    print(f"This month: {money(state.month_micro, 'en')}{limit}; today "
          f"{money(state.today_micro, 'en')}; forecast to the month's end "
          f"{money(state.forecast_micro, 'en')}")
    if state.until is not None:
        print(f"Polling paused: the month's budget is spent (until {state.until:%Y-%m-%d} "
              f"00:00 UTC)")
    elif state.pace.value == "stretched":
        print(f"Polling slowed down x{state.factor:.1f} to stay inside the budget")
    return 0


def _outbox(desk: Desk, args: argparse.Namespace) -> int:
    statuses = ("pending", "sending", "failed") + (("sent",) if args.all else ())
    items = desk.outbox.list(statuses=statuses)
    if args.json:
        _print_json([asdict(i) for i in items])
        return 0
    if not items:
        print("The outbox is empty." if not args.all else "Nothing was ever queued.")
        return 0
    for item in items:
        reason = f" — {item.last_error}" if item.last_error and item.status != "sent" else ""
        about = (f"announcement #{item.announcement_id} post {item.position}"
                 if item.announcement_id is not None else f"ticket #{item.ticket_id}")
        print(f"#{item.id:<5} {item.status:<8} {item.kind:<5} {about} "
              f"attempts {item.attempts}: {_one_line(item.text, 60)}{reason}")
    return 0


def _quarantine(desk: Desk, args: argparse.Namespace) -> int:
    if args.quarantine_command in ("retry", "dismiss"):
        actor = desk.operators.actor(args.operator)
        if args.quarantine_command == "retry":
            done = desk.quarantine.retry(actor, args.ids)
            print(f"{done} item(s) will be read again from X at the next sync.")
        else:
            done = desk.quarantine.dismiss(actor, args.ids)
            print(f"{done} item(s) dismissed.")
        if done < len(set(args.ids)):
            print("The others were already stored, dismissed or waiting for a retry.",
                  file=sys.stderr)
        return 0
    entries = desk.quarantine.list(pending_only=not args.all)
    if args.json:
        _print_json([asdict(e) for e in entries])
        return 0
    if not entries:
        print("Everything X sent could be read." if not args.all
              else "Nothing was ever quarantined.")
        return 0
    for e in entries:
        print(f"#{e.id:<5} {e.status.value:<9} {e.stream:<8} {e.x_id or '(no id)':<20} "
              f"seen {e.attempts}x, last {e.last_seen:%Y-%m-%d %H:%M} UTC: "
              f"{_one_line(e.reason, 90)}")
    return 0


def _triage(args: argparse.Namespace) -> int:
    if args.text in TRIAGE_COMMANDS:
        sub = _triage_parser().parse_args([args.text, *args.rest])
        if sub.triage_command in ("eval", "train"):
            return _triage_offline(sub, args)
        desk = _open_desk(args)
        try:
            return _triage_models(desk, sub)
        finally:
            desk.close()
    if args.rest:
        raise JunDeskError("Put the message in quotes: jun-desk triage \"la farola…\"")
    from jun_desk.services.context import Rules

    rules = Rules.load()
    result = rules.triage.classify(args.text)
    findings = rules.privacy.scan(args.text)
    dept = rules.catalogue.get(result.department)
    print(f"{dept.code} ({dept.name_es}), confidence {result.confidence:.2f}, "
          f"priority {result.priority.value}, language {result.language.code}")
    print(f"reason: {result.reason()}")
    if findings:
        print("personal data: " + ", ".join(f"{f.kind.value} {f.masked}" for f in findings)
              + " → offer to continue by DM")
    return 0


def _triage_offline(sub: argparse.Namespace, args: argparse.Namespace) -> int:
    from jun_desk.services.context import Rules

    rules = Rules.load()
    if sub.triage_command == "train":
        return _triage_train(sub, rules)
    from jun_desk.domain.evaluation import evaluate, format_report, read_labelled

    if sub.worst < 0:
        raise JunDeskError("--worst must be zero or more")
    if sub.file is None:
        from jun_desk.shared_material import TRIAGE_CORPUS

        found = TRIAGE_CORPUS.path()
        if found is None:
            raise JunDeskError(f"Give the file to evaluate, or the corpus: {TRIAGE_CORPUS.where()}")
        sub.file = str(found)
    from jun_desk.services.triage_models import corpus_relabels

    relabels = corpus_relabels()
    items = read_labelled(Path(sub.file).expanduser(), sub.split, relabels)
    triage = rules.triage
    if sub.rules_only:
        triage = triage.fork(None)
    elif args.db or os.environ.get(DB_ENV):
        # The town's model in use (the database's active version), not only the shipped one.
        desk = _open_desk(args)
        try:
            _version, model = desk.triage_models.load_active()
            policy = desk.triage_routing.policy()
        finally:
            desk.close()
        triage = triage.fork(lambda: model)
        triage.use_policy(policy)  # and routed as the town chose
    departments = [d.code for d in rules.catalogue.routable]
    report = evaluate(items, triage, rules.privacy, departments, sub.worst)
    side = _against_readers(sub, items, report, triage, rules, departments, relabels)
    if sub.json:
        _print_json({**report.as_dict(), **({"adjudicated": side} if side else {})})
    else:
        title = f"{sub.file}" + (f" (split {sub.split})" if sub.split else "")
        print(format_report(report, title))
        if side:
            from jun_desk.domain.adjudicated_eval import format_side_by_side

            print("\nAgainst two readers (issue 26; the answer is the department judged "
                  "most likely, also below the routing threshold):")
            print(format_side_by_side(side))
    return 0


def _against_readers(sub: argparse.Namespace, items: list[Labelled], report: Report,
                     triage: Triage, rules: Rules, departments: list[str],
                     relabels: Mapping[str, Relabel]) -> dict[str, dict[str, object]]:
    """The adjudicated figures of the real test split and of the written set, side by
    side, when the items are the corpus's and the second reading is at hand; ``--plot``
    draws the real split's reliability curve."""
    from jun_desk.domain.adjudicated_eval import figures, judged, plain_judgements
    from jun_desk.domain.adjudication import (
        THIRD_READING_FILE,
        judgements,
        read_second,
        read_third,
    )
    from jun_desk.domain.evaluation import evaluate, read_labelled
    from jun_desk.domain.routing import routing_threshold_of, threshold_for
    from jun_desk.resources import resource_path
    from jun_desk.shared_material import REPO, TRIAGE_SECOND_READER

    second_path = TRIAGE_SECOND_READER.path()
    test = [i for i in items if i.split == "test"]
    if not test or second_path is None:
        if sub.plot:
            raise JunDeskError("--plot needs the corpus's test split and the second reading: "
                               + TRIAGE_SECOND_READER.where())
        return {}
    test_report = report if len(test) == len(items) else evaluate(
        test, triage, rules.privacy, departments, 0)
    judged_by = judgements([(i.id, i.first, i.department) for i in test], relabels,
                           read_second(second_path),
                           read_third(resource_path("triage", THIRD_READING_FILE)))
    model = triage.model
    route_at = routing_threshold_of(model) if model is not None else None
    # What the other policy, "always the most likely department", would route.
    always_at = threshold_for(model, RoutingPolicy.ALWAYS) if model is not None else None
    real = figures(judged(test_report, judged_by), departments, route_at, always_at)
    side: dict[str, dict[str, object]] = {"real test split": real}
    written_path = REPO / "tests" / "data" / "triage_labelled.jsonl"
    if written_path.exists():
        written = read_labelled(written_path)
        written_report = evaluate(written, triage, rules.privacy, departments, 0)
        side["written set"] = figures(judged(written_report, plain_judgements(written)),
                                      departments, route_at, always_at)
    if sub.plot:
        from jun_desk.ui.reliability_plot import draw_reliability

        # The line drawn: the routing threshold the model was calibrated for, else the
        # "sin clasificar" threshold in use.
        line = route_at if route_at is not None else (
            model.threshold if model is not None else None)
        draw_reliability(real["reliability"], Path(sub.plot).expanduser(),
                         f"Triage reliability, real test split ({real['items']} items)",
                         line)
        print(f"Reliability curve written to {sub.plot}")
    return side


def _triage_train(sub: argparse.Namespace, rules: Rules) -> int:
    from jun_desk.domain.classifier import CONFIDENCE
    from jun_desk.domain.training import (
        ROUTE_RIGHT,
        ROUTINE,
        URGENT,
        Example,
        calibrate,
        fit,
        lexicon_examples,
        score,
        train,
        tune_rules_weight,
        urgency_head,
    )
    from jun_desk.resources import resources_dir
    from jun_desk.services.context import MODEL_FILE
    from jun_desk.services.triage_models import TRAINING_FILE, TrainingSet

    classes = [d.code for d in rules.catalogue.routable]
    data = TrainingSet.from_corpus(Path(sub.corpus).expanduser(), classes)
    if not data.train:
        raise JunDeskError(f"{sub.corpus}: no item in the train split")
    lexicon = lexicon_examples(rules.triage.rules.terms)
    model = fit(data.train, classes, meta={"corpus": Path(sub.corpus).name}, extra=lexicon)
    # How far the rules' verdict may lift the model, chosen on held-out training messages.
    bare = rules.triage.fork(None)
    verdicts = []
    for text in data.train_texts:
        ruled = bare.classify(text)
        verdicts.append((ruled.department, ruled.confidence) if ruled.matches
                        and ruled.source == "rules" else (None, 0.0))
    weight, tried = tune_rules_weight(data.train, verdicts, classes, model.meta["c"], lexicon)
    # Per-department offsets and the unclassified threshold, on held-out training answers.
    offsets, threshold, held = calibrate(data.train, verdicts, classes, model.meta["c"],
                                         weight, lexicon, route_right=ROUTE_RIGHT,
                                         route=sub.route)
    meta = {k: v for k, v in model.meta.items()
            if k not in ("examples", "c", "balance", "solver", "scale", "per_department")}
    mapping = held.pop(CONFIDENCE)  # the learned routing confidence travels with the model
    model = train(list(data.train) + lexicon, classes, c=model.meta["c"], threshold=threshold,
                  offsets=offsets, meta={**meta, "rules_weight": weight, "calibration": held,
                                         CONFIDENCE: mapping})
    model.rules_weight = weight
    print(f"Offsets {', '.join(f'{d} {o:+.2f}' for d, o in zip(classes, offsets, strict=True))}"
          f"; threshold {threshold}; held-out accuracy with the rules "
          f"{held['held_out_before']['accuracy']:.1%} -> {held['held_out_best']['accuracy']:.1%}"
          f", unclassified {held['held_out_after']['unclassified']:.1%}; routed automatically "
          f"{held['routing']['routed_held_out']:.1%} of held-out messages, right "
          f"{held['routing']['right_held_out']:.1%} at {held['routing']['threshold']}"
          + ("" if sub.route else " (not applied)"))
    urgent = [Example(e.features, URGENT if u else ROUTINE)
              for e, u in zip(data.train, data.train_urgent, strict=True) if u is not None]
    if sum(e.department == URGENT for e in urgent) >= 5:
        weights, bias, cut, stats = urgency_head(urgent)
        model.meta["urgency"] = stats
        model = model.with_urgency((weights, bias, cut))
        print(f"Urgency head: {stats['urgent']} urgent training items, "
              f"{stats['caught_held_out']} caught held out at threshold {stats['threshold']}")
    result = score(model, data.test) if data.test else None
    if result is not None:
        model.meta["metrics"] = {"accuracy": round(result.accuracy, 4), "test": result.total,
                                 "best_accuracy": round(result.best_accuracy, 4),
                                 "unclassified": result.unclassified}
    out = Path(sub.out).expanduser() if sub.out else resources_dir()
    out.mkdir(parents=True, exist_ok=True)
    (out / MODEL_FILE).write_bytes(model.to_bytes())
    if sub.vectors:
        (out / TRAINING_FILE).write_bytes(data.to_bytes())
    print(f"Trained on {len(data.train)} items: C {model.meta['c']}, threshold "
          f"{model.threshold:.3f}, cross-validated accuracy {model.meta['cv_accuracy']:.1%}, "
          f"rules weight {weight} (held-out accuracy by weight: "
          + ", ".join(f"{w}: {a:.1%}" for w, a in tried.items())
          + f"), {len(model.weights):,} features; written to {out / MODEL_FILE}")
    if result is not None:
        print(f"Model alone on the test split ({result.total} items): accuracy "
              f"{result.accuracy:.1%}, unclassified {result.unclassified}, its choice right "
              f"{result.best_accuracy:.1%}")
    return 0


def _triage_routing(desk: Desk, sub: argparse.Namespace) -> int:
    """Show the routing policy, or (a supervisor) change it."""
    if sub.policy is not None:
        if not sub.username:
            raise JunDeskError("Say who changes it: jun-desk triage routing "
                               f"{sub.policy} --as SUPERVISOR")
        view = desk.triage_routing.set_policy(desk.operators.actor(sub.username),
                                              RoutingPolicy(sub.policy))
    else:
        view = desk.triage_routing.view()
    said = {RoutingPolicy.SAFE: "only when it is safe (97 % right); the rest wait 'sin "
                                "clasificar' with two choices",
            RoutingPolicy.ALWAYS: "always to the most likely department"}
    print(f"{view.policy.value}: triage routes {said[view.policy]}"
          + (" (the default)" if view.default else
             f" (set by {view.updated_by} at {view.updated_at:%Y-%m-%d %H:%M} UTC)"
             if view.updated_at else ""))
    if view.thresholds:
        print("unclassified below confidence: " + ", ".join(
            f"{p.value} {t:.3f}" for p, t in view.thresholds.items()))
    return 0


def _triage_models(desk: Desk, sub: argparse.Namespace) -> int:
    if sub.triage_command == "models":
        for v in desk.triage_models.versions():
            name = f"#{v.id}" if v.id is not None else "shipped"
            mark = "*" if v.active else " "
            # The model's choice, the routing threshold aside (what the gate compares).
            acc = v.metrics.get("best_accuracy", v.metrics.get("accuracy"))
            shown = f"test accuracy {acc:.1%}" if isinstance(acc, float) else ""
            print(f"{mark} {name:<8} corrections {v.corrections:<5} {shown}")
        return 0
    if sub.triage_command == "routing":
        return _triage_routing(desk, sub)
    actor = desk.operators.actor(sub.username)
    if sub.triage_command == "rollback":
        version = desk.triage_models.rollback(actor)
        print("Now using " + (f"model #{version}." if version else "the shipped model."))
        return 0
    corpus = Path(sub.corpus).expanduser() if sub.corpus else None
    result = desk.triage_models.retrain(actor, corpus)
    print(f"Trained on {result.examples} examples ({result.corrections} corrections from the "
          f"desk): test accuracy {result.new.best_accuracy:.1%} vs "
          f"{result.old.best_accuracy:.1%} now.")
    if result.accepted:
        print(f"Model #{result.version} is now in use on every desk.")
        return 0
    print("Refused: the new model does worse on the test split; the current one stays.")
    return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
