"""Command-line handlers for the X side: sync, sandbox, credentials."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import signal
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from jun_desk.config import DEFAULT_POLL_SECONDS, default_account
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.items import Stream
from jun_desk.secrets import FIELDS, XCredentials

if TYPE_CHECKING:  # imported where used: the command line starts without the data layer
    from jun_desk.services.desk import Desk
    from jun_desk.services.leases import PollerLease
    from jun_desk.x.client import XClient
    from jun_desk.x.outbox_sender import OutboxSender
    from jun_desk.x.sync import SyncEngine, SyncReport

# `sync --once`: a walk through X's pages was stopped (X repeated a page or its token,
# brought nothing new, or passed its documented reach); what was read is kept (issue 23).
EXIT_WALK_STOPPED = 3
SYNC_EPILOG = ("exit status of --once: 0 everything up to now was read; 1 a stream could not "
               f"be read (or another error); {EXIT_WALK_STOPPED} a walk through X's pages was "
               "stopped because X repeated a page or its token, sent pages with nothing new, "
               "or sent more than it keeps (800 mentions, 30 days of DMs): one line says which "
               "stream and why; what was read is kept and the next poll reads again from the "
               "last stored point")

# `sandbox --repeat-page`: the endpoints whose answer it can repeat
REPEATABLE = {"mentions": "GET /2/users/:id/mentions", "dms": "GET /2/dm_events",
              "users": "GET /2/users", "tweets": "GET /2/tweets"}

LABELS = {"consumer_key": "API key (consumer key)",
          "consumer_secret": "API key secret (consumer secret)",
          "access_token": "Access token", "access_token_secret": "Access token secret"}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="fetch mentions and DMs from X and send the outbox",
                          epilog=SYNC_EPILOG)
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one poll, then exit (default)")
    mode.add_argument("--watch", action="store_true", help="keep polling until stopped")
    _x_options(sync)
    sync.add_argument("--interval", type=float, default=DEFAULT_POLL_SECONDS,
                      help=f"seconds between polls at least (default {DEFAULT_POLL_SECONDS:g})")
    sync.add_argument("--no-outbox", action="store_true", help="do not send pending replies")
    sync.add_argument("--desk-label", default=None,
                      help="how other desks name this one while it polls")
    sync.add_argument("--page-size", type=int, default=100, help=argparse.SUPPRESS)

    sandbox = sub.add_parser("sandbox", help="run the offline X API v2 sandbox")
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=0, help="default: a free port")
    sandbox.add_argument("--speed", default="60",
                         help="how many times faster than real time the day plays, or "
                              "'instant' for the whole day at once (default 60)")
    sandbox.add_argument("--faults", default="",
                         help="e.g. 429=0.05,5xx=0.05,slow=0.02,drop=0.02,malformed=0.02,"
                              "lost_write=0.01,slow_seconds=2")
    sandbox.add_argument("--repeat-page", action="append", default=[],
                         choices=sorted(REPEATABLE),
                         help="answer that endpoint's requests after the first with the "
                              "first answer again, page token and all (a proxy or cache "
                              "that ignores the query); may be given more than once")
    sandbox.add_argument("--seed", type=int, default=2026)
    sandbox.add_argument("--names", choices=("tweet", "post"), default="tweet",
                         help="X's field names it speaks: tweet.fields (documented, default) "
                              "or only the newer post.fields")
    sandbox.add_argument("--posts-per-day", type=int, default=100,
                         help="the account's 24-hour posting cap (default 100, as X's)")
    sandbox.add_argument("--credits", type=float, default=None,
                         help="a pay-per-use balance in dollars: requests are billed at X's "
                              "prices and refused (402) once it is spent (default: unlimited)")

    creds = sub.add_parser("credentials", help="X credentials in the OS keyring")
    csub = creds.add_subparsers(dest="credentials_command", required=True)
    cset = csub.add_parser("set", help="store the four OAuth 1.0a values")
    cset.add_argument("--stdin", action="store_true",
                      help="read the four values from standard input, one per line")
    bearer = csub.add_parser("set-bearer", help="store the app's bearer token (app-only "
                                                "reads: public timelines, recent search)")
    bearer.add_argument("--stdin", action="store_true", help="read it from standard input")
    for name in ("test", "clear", "show"):
        csub.add_parser(name, help={"test": "call X users/me with the stored credentials",
                                    "clear": "remove the stored credentials",
                                    "show": "which entries exist (last 4 characters only)"}[name])
    for p in csub.choices.values():
        p.add_argument("--account", default=None, help="desk account handle (default "
                                                       "$JUN_DESK_ACCOUNT or AytoJun)")
        if p.prog.endswith("test"):
            p.add_argument("--api-base", default=None, help="X API address (default: X)")


def _x_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--api-base", default=None,
                   help="address of the X API (a sandbox, a proxy); default https://api.twitter.com")
    p.add_argument("--account", default=None,
                   help="desk account handle (default $JUN_DESK_ACCOUNT or AytoJun)")


# ---------------------------------------------------------------------- sandbox
def run_sandbox(args: argparse.Namespace, *, speed: float) -> int:
    """``speed``: --speed as the front door read it (cli.parse_speed, as for the window)."""
    from jun_desk.x.sandbox.server import Faults, Sandbox

    try:
        faults = Faults.parse(args.faults)
    except ValueError as err:
        raise JunDeskError(f"--faults: {err}") from None
    if args.posts_per_day < 0:
        raise JunDeskError("--posts-per-day: a number of posts, 0 or more")
    if args.credits is not None and not (args.credits >= 0 and args.credits < 1e9):
        raise JunDeskError("--credits: an amount in dollars, 0 or more")
    try:
        sandbox = Sandbox(host=args.host, port=args.port, speed=speed,
                          faults=faults, seed=args.seed, generation=args.names,
                          daily_limits={"POST /2/tweets": (args.posts_per_day, 1667)},
                          credits=args.credits)
    except OSError as err:
        raise JunDeskError(f"Cannot listen on {args.host}:{args.port}: {err.strerror}") from None
    sandbox.item_faults.repeat = {REPEATABLE[name]: 1 for name in args.repeat_page}
    creds = sandbox.credentials
    print(f"X API sandbox listening on {sandbox.base_url}", flush=True)
    print(f"Account @{sandbox.scenario.desk.username}: {len(sandbox.scenario.tweets)} tweets and "
          f"{len(sandbox.scenario.dms)} DM events in the day; speed {args.speed}", flush=True)
    print("Sandbox credentials (not secret) for `jun-desk credentials set --stdin`:", flush=True)
    for value in creds.values():
        print(f"  {value}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    sandbox.start()
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


# ---------------------------------------------------------------------- credentials
def run_credentials(args: argparse.Namespace) -> int:
    from jun_desk import secrets

    account = (args.account or default_account()).lstrip("@")
    if args.credentials_command == "set":
        if args.stdin:
            lines = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
            if len(lines) != 4:
                raise JunDeskError(f"--stdin expects 4 non-empty lines ({', '.join(FIELDS)}), "
                                   f"got {len(lines)}; nothing was stored")
            values = lines
        else:
            values = []
            for name in FIELDS:
                value = getpass.getpass(f"{LABELS[name]}: ").strip()
                if not value:
                    raise JunDeskError(f"{LABELS[name]} is empty; nothing was stored")
                values.append(value)
        secrets.store_credentials(account, XCredentials(*values))
        print(f"Stored the X credentials of @{account} in the keyring.")
        return 0
    if args.credentials_command == "set-bearer":
        token = (sys.stdin.read() if args.stdin
                 else getpass.getpass("Bearer token (OAuth 2.0 app-only): ")).strip()
        if not token:
            raise JunDeskError("The bearer token is empty; nothing was stored")
        secrets.store_bearer_token(account, token)
        print(f"Stored the app's bearer token for @{account} in the keyring.")
        return 0
    if args.credentials_command == "clear":
        removed = secrets.clear_credentials(account)
        print(f"Removed {removed} keyring entries of @{account}." if removed
              else f"No stored credentials for @{account}.")
        return 0
    if args.credentials_command == "show":
        present = secrets.credential_entries(account)
        for name in FIELDS:
            tail = present.get(name)
            print(f"{LABELS[name]:<34} {'…' + tail if tail else '(missing)'}")
        tail = present.get(secrets.BEARER)
        print(f"{'Bearer token (optional)':<34} {'…' + tail if tail else '(none)'}")
        return 0 if all(name in present for name in FIELDS) else 1
    from jun_desk.x.connection import check_connection
    from jun_desk.x.transport import X_API_BASE

    me = check_connection(secrets.load_credentials(account), args.api_base or X_API_BASE)
    print(f"Connected to X as @{me.handle} ({me.name}), user id {me.x_id}; "
          "mentions and DMs can be read.")
    if me.handle.lower() != account.lower():
        print(f"Note: the credentials are for @{me.handle}, not @{account}.", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------- sync
def _lease_left(desk: Desk, account: str, ttl: float) -> float:
    """Seconds until the current poller lease of ``account`` runs out (at most ``ttl``)."""
    expires = desk.leases.current(account).expires_at
    if expires is None:
        return 0.0
    return min(ttl, max(0.0, (expires - desk.ctx.clock()).total_seconds())) + 0.05


def run_sync(desk: Desk, args: argparse.Namespace) -> int:
    from jun_desk import secrets
    from jun_desk.x.client import XClient
    from jun_desk.x.outbox_sender import OutboxSender
    from jun_desk.x.transport import X_API_BASE

    account = (args.account or default_account()).lstrip("@")
    if args.interval <= 0:
        raise JunDeskError("--interval must be positive")
    client = XClient(secrets.load_credentials(account), api_base=args.api_base or X_API_BASE)
    stop = threading.Event()
    if not 5 <= args.page_size <= 100:
        raise JunDeskError("--page-size must be between 5 and 100")
    engine, lease, ttl = _sync_engine(desk, client, args, stop)
    sender = OutboxSender(desk, client, account)

    def report_line(report: SyncReport) -> None:
        _print_report(report, sender, send_outbox=not args.no_outbox)

    try:
        if not args.watch:
            return _sync_once(desk, engine, ttl, stop, report_line)
        _watch(engine, account, args.interval, stop, report_line)
        return 0
    finally:
        if engine.me is not None:
            with contextlib.suppress(JunDeskError):  # else it runs out by itself
                desk.leases.release(engine.me.handle, lease)
        client.close()


def _sync_engine(desk: Desk, client: XClient, args: argparse.Namespace,
                 stop: threading.Event) -> tuple[SyncEngine, PollerLease, timedelta]:
    """The engine that polls for this desk, under a poller lease named after it."""
    from jun_desk.services.leases import PollerLease, lease_timing
    from jun_desk.x.sync import SyncEngine

    ttl, _heartbeat = lease_timing(args.interval)
    lease = PollerLease.for_this_desk(args.desk_label or f"jun-desk sync ({getpass.getuser()})",
                                      ttl)
    engine = SyncEngine(desk, client, progress=_print_progress, stop=stop,
                        page_size=args.page_size, lease=lease)
    return engine, lease, ttl


def _print_progress(stream: Stream, pages: int, new: int) -> None:
    if pages > 1:
        print(f"  {stream.value}: page {pages}, {new} new so far", file=sys.stderr,
              flush=True)


def _sync_once(desk: Desk, engine: SyncEngine, ttl: timedelta, stop: threading.Event,
               report_line: Callable[[SyncReport], None]) -> int:
    report = engine.sync_once()
    if report.standby is not None:
        # Another desk holds the lease; if it died, its lease runs out shortly.
        wait = _lease_left(desk, report.account, ttl.total_seconds())
        print(f"{report.standby} holds the poller lease; waiting {wait:.1f} s for it",
              file=sys.stderr, flush=True)
        stop.wait(wait)
        report = engine.sync_once()
    report_line(report)
    # --once promises everything up to now: a stream that failed is an error; a walk that
    # had to be stopped says so with its own status.
    if report.failed:
        return 1
    return EXIT_WALK_STOPPED if report.walk_stopped else 0


def _watch(engine: SyncEngine, account: str, interval: float, stop: threading.Event,
           report_line: Callable[[SyncReport], None]) -> None:
    from jun_desk.domain.errors import describe
    from jun_desk.x.sync import watch

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"Watching @{account} every {interval:g} s or more (Ctrl-C to stop)", flush=True)
    watch(engine, interval=interval, on_report=report_line, stop=stop,
          on_error=lambda err: print(f"{datetime.now():%H:%M:%S} "
                                     f"{describe(err)}",
                                     file=sys.stderr, flush=True))


def _print_report(report: SyncReport, sender: OutboxSender, *, send_outbox: bool) -> None:
    """One poll's line on stdout (sending the outbox's due replies on the way), its problems
    on stderr."""
    if report.standby is not None:
        print(f"{datetime.now():%H:%M:%S} @{report.account}: {report.standby} polls this "
              "account; this desk stands by", flush=True)
        return
    if report.paused and report.budget is not None and report.budget.until is not None:
        print(f"{datetime.now():%H:%M:%S} @{report.account}: the month's X budget is "
              f"spent; polling paused until {report.budget.until:%Y-%m-%d %H:%M} UTC "
              "(see `jun-desk costs`)", file=sys.stderr, flush=True)
        if send_outbox and not report.budget.writes_stopped:
            sender.send_due()
        return
    line = _counts_line(report)
    if send_outbox:
        line += _outbox_summary(sender)
    print(line, flush=True)
    _print_stream_problems(report)


def _counts_line(report: SyncReport) -> str:
    line = (f"{datetime.now():%H:%M:%S} @{report.account}: {report.mentions.inserted} new "
            f"mentions, {report.dms.inserted} new DMs "
            f"({report.mentions.pages + report.dms.pages} pages")
    if report.retries:
        line += f", {report.retries} retries"
    line += ")"
    watched = sum(s.inserted for s in report.streams.values())
    if report.streams:
        line += (f"; {watched} new from {len(report.streams)} staff and search streams "
                 f"({sum(s.pages for s in report.streams.values())} pages)")
    if report.skipped:
        line += f"; {len(report.skipped)} streams paused for the X budget"
    if report.quarantined:
        line += (f"; {report.quarantined} could not be read whole (see `jun-desk "
                 "quarantine list`)")
    media = report.media
    if media is not None and (media.cached or media.failed or media.refused or media.evicted):
        line += (f"; photos: {media.cached} cached, {media.refused} refused, "
                 f"{media.failed} to retry")
        if media.evicted:
            line += f", {media.evicted} let go from the full cache"
    return line


def _outbox_summary(sender: OutboxSender) -> str:
    """Send the replies due; what happened, if anything did."""
    sent = sender.send_due()
    if sent.sent or sent.recovered or sent.retrying or sent.failed:
        return (f"; outbox: {sent.sent} sent, {sent.recovered} already on X, "
                f"{sent.retrying} to retry, {sent.failed} failed")
    return ""


def _print_stream_problems(report: SyncReport) -> None:
    from jun_desk.domain.errors import describe

    for stream, err in report.failed.items():
        print(f"{datetime.now():%H:%M:%S} {stream.value}: {describe(err)}; "
              "the other streams went on", file=sys.stderr, flush=True)
    for stall in report.stalled:
        print(f"{datetime.now():%H:%M:%S} {stall.stream.value} not read for "
              f"{stall.seconds / 60:.0f} min: {describe(stall.error)}",
              file=sys.stderr, flush=True)
    for stop in report.stopped:  # one line each: which stream, and why
        print(f"{datetime.now():%H:%M:%S} {describe(stop)}", file=sys.stderr, flush=True)
