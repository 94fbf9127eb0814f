"""Shared-board benchmark: two desks in separate processes on one database.

1. Change propagation: desk B makes 1,000 reassignments (one every --gap seconds); desk A's
   change stream (the listener thread of the app) receives each one, then re-reads the
   ticket as the board does. Reports median / p95 / p99 / max from B's commit to A's
   notice, and to A holding the fresh ticket.
2. Conflicts: two desks race 500 reassignments each on 3 tickets, each at the version it
   just read. Reports successes, conflicts reported, and lost updates (must be 0).

PostgreSQL (a throw-away server, or --pg-url ADMIN_URL) and SQLite (one PC).

    .venv/bin/python bench/shared_board.py [--changes 1000] [--gap 0.01] [--backend both]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from jun_desk.services.desk import Desk
from jun_desk.services.search import TicketFilter

ROOT = Path(__file__).resolve().parents[1]


def writer(url: str, count: int, gap: float) -> None:
    desk = Desk.open(url, migrate=False)
    ana = desk.operators.actor("ana")
    tickets = [t.id for t in desk.search.tickets(TicketFilter(limit=None, order="oldest"))]
    ops = [o.id for o in desk.operators.list()]
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(count):
        ticket = desk.tickets.get(tickets[n % len(tickets)])
        target = next(o for o in ops[(n % len(ops)):] + ops if o != ticket.assignee_id)
        desk.tickets.assign(ana, ticket.id, target, ticket.version)
        print(f"{time.time():.6f}", flush=True)
        time.sleep(gap)
    desk.close()


def seed(url: str, tickets: int) -> list[int]:
    desk = Desk.open(url)
    ops = [desk.operators.add("ana", "supervisor", display_name="Ana").id]
    ops += [desk.operators.add(n, "operator", display_name=n).id for n in ("luis", "rosa")]
    ana = desk.operators.actor("ana")
    ids = [desk.tickets.create_manual(ana, department="obras", title=f"Bache {i}").id
           for i in range(tickets)]
    desk.close()
    return ids


def propagation(url: str, count: int, gap: float) -> dict[str, float]:
    seed(url, 20)
    desk = Desk.open(url, migrate=False)
    stream = desk.changes.stream()
    stream.next(0.01)  # connected, at the newest event
    arrivals: list[tuple[float, float]] = []  # notice, ticket re-read
    done = threading.Event()

    def listen() -> None:
        while len(arrivals) < count and not done.is_set():
            batch = stream.next(0.2)
            if batch is None:
                continue
            for notice in batch.notices:
                if notice.action != "ticket.assign":
                    continue
                got = time.time()
                desk.search.tickets(TicketFilter(ids=[notice.ticket_id], limit=None))
                arrivals.append((got, time.time()))

    thread = threading.Thread(target=listen)
    thread.start()
    proc = subprocess.Popen([sys.executable, __file__, "--writer", url, str(count), str(gap)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdout.readline()
    proc.stdin.write("go\n")
    proc.stdin.flush()
    commits = [float(line) for line in proc.stdout]
    proc.wait()
    thread.join(timeout=30)
    done.set()
    stream.close()
    desk.close()
    if len(arrivals) != count:
        raise SystemExit(f"only {len(arrivals)} of {count} changes arrived")
    notice = sorted(max(0.0, a[0] - c) * 1000 for a, c in zip(arrivals, commits, strict=True))
    fresh = sorted(max(0.0, a[1] - c) * 1000 for a, c in zip(arrivals, commits, strict=True))

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]

    return {"changes": count, "notice_median_ms": statistics.median(notice),
            "notice_p95_ms": pct(notice, 95), "notice_p99_ms": pct(notice, 99),
            "notice_max_ms": notice[-1], "fresh_median_ms": statistics.median(fresh),
            "fresh_p99_ms": pct(fresh, 99)}


def conflicts(url: str, per_worker: int) -> dict[str, int]:
    desk = Desk.open(url, migrate=False)
    tickets = [t.id for t in desk.search.tickets(TicketFilter(limit=3, order="oldest"))]
    ops = [o.id for o in desk.operators.list()]
    before = {t: desk.tickets.get(t).version for t in tickets}
    with tempfile.TemporaryDirectory() as tmp:
        go = Path(tmp) / "go"
        procs = [subprocess.Popen([sys.executable, "-m", "tests.shared.desk_worker", "reassign",
                                   url, ",".join(map(str, tickets)), ",".join(map(str, ops)),
                                   str(per_worker), str(seed_), str(go)],
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT)
                 for seed_ in (1, 2)]
        time.sleep(1.0)
        go.touch()
        results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    wins = Counter(t for r in results for t, _v in r["successes"])
    lost = sum(abs(desk.tickets.get(t).version - before[t] - wins[t]) for t in tickets)
    desk.close()
    return {"attempts": 2 * per_worker, "successes": sum(wins.values()),
            "conflicts_reported": sum(r["conflicts"] for r in results), "lost_updates": lost}


def run(backend: str, url: str, args: argparse.Namespace) -> None:
    figures = propagation(url, args.changes, args.gap)
    print(f"{backend}: propagation over {figures['changes']} changes: notice median "
          f"{figures['notice_median_ms']:.1f} ms, p95 {figures['notice_p95_ms']:.1f} ms, "
          f"p99 {figures['notice_p99_ms']:.1f} ms, max {figures['notice_max_ms']:.1f} ms; "
          f"with the ticket re-read: median {figures['fresh_median_ms']:.1f} ms, "
          f"p99 {figures['fresh_p99_ms']:.1f} ms", flush=True)
    c = conflicts(url, args.changes // 2)
    print(f"{backend}: {c['attempts']} racing reassignments: {c['successes']} applied, "
          f"{c['conflicts_reported']} conflicts reported, {c['lost_updates']} lost updates",
          flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        writer(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--gap", type=float, default=0.01)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default=None, help="admin URL of an existing server")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            run("sqlite", f"sqlite:///{tmp}/desk.db", args)
    if args.backend in ("postgresql", "both"):
        from tests.pg_server import PostgresServer

        server = None if args.pg_url else PostgresServer()
        admin = args.pg_url or server.start()  # type: ignore[union-attr]
        try:
            engine = create_engine(admin, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text("DROP DATABASE IF EXISTS jun_bench_shared WITH (FORCE)"))
                conn.execute(text("CREATE DATABASE jun_bench_shared"))
            engine.dispose()
            run("postgresql", admin.rsplit("/", 1)[0] + "/jun_bench_shared", args)
        finally:
            if server is not None:
                server.stop()


if __name__ == "__main__":
    main()
