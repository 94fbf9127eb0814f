"""Board benchmark: 100,000 tickets in SQLite, the real board offscreen.

Prints time to first paint (all six columns filled and painted), time to filter by a
department, time to apply 1,000 incremental card updates, and peak RSS. Goals from the
plan: first paint ≤ 300 ms, filter ≤ 50 ms, ≤ 300 MB.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/board.py [--tickets 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def populate(desk, count: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from jun_desk.store.models import Ticket

    rng = random.Random(7)
    codes = desk.ctx.catalogue.codes
    statuses = ["new", "assigned", "in_progress", "waiting_citizen", "resolved", "closed"]
    weights = [5, 3, 3, 1, 20, 68]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows: list[dict] = []

    def flush() -> None:
        with desk.db.session() as session:
            session.execute(insert(Ticket), rows)
        rows.clear()

    for n in range(count):
        created = start + timedelta(minutes=n * 5)
        rows.append({"department": rng.choice(codes),
                     "status": rng.choices(statuses, weights)[0], "priority": "normal",
                     "title": f"Aviso {n}: farola, bache o contenedor en la calle {n % 97}",
                     "personal_data": "", "created_at": created, "updated_at": created,
                     "version": 1})
        if len(rows) == 10_000:  # in chunks: the benchmark's own rows stay out of the RSS
            flush()
    if rows:
        flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=100_000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from jun_desk.services.desk import Desk
    from jun_desk.ui.board.panel import BoardPanel
    from jun_desk.ui.context import UiContext

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUN_DESK_HOME"] = tmp
        desk = Desk.open(f"sqlite:///{tmp}/board.db")
        desk.operators.add("ana", "supervisor")
        started = time.perf_counter()
        populate(desk, args.tickets)
        print(f"populated {args.tickets:,} tickets in {time.perf_counter() - started:.1f} s")
        ui = UiContext(desk, desk.operators.actor("ana"))
        board = BoardPanel(ui)
        board.resize(1600, 900)
        board.show()
        app.processEvents()

        def wait_columns(expect_full: bool) -> None:
            deadline = time.perf_counter() + 30
            while time.perf_counter() < deadline:
                app.processEvents()
                ui.pool.waitForDone(5)
                app.processEvents()
                done = all(not c.model._fetching for c in board.columns.values())
                if done and (not expect_full or all(
                        c.model.rowCount() > 0 for c in board.columns.values())):
                    return
            raise SystemExit("columns did not load in 30 s")

        started = time.perf_counter()
        board.reload()
        wait_columns(True)
        board.grab()  # paint every visible card
        first_paint = (time.perf_counter() - started) * 1000

        timings = []
        for code in ("obras", "limpieza", "policia"):
            started = time.perf_counter()
            board.department.setCurrentIndex(board.department.findData(code))
            wait_columns(False)
            loaded = time.perf_counter()
            board.grab()
            timings.append((time.perf_counter() - started) * 1000)
            if os.environ.get("BENCH_DETAIL"):
                print(f"  {code}: loaded {(loaded - started) * 1000:.0f} ms, painted "
                      f"{(time.perf_counter() - loaded) * 1000:.0f} ms")
        filtering = sorted(timings)[len(timings) // 2]

        board.department.setCurrentIndex(0)
        wait_columns(True)
        column = board.columns[next(iter(board.columns))]
        tickets = [column.model.ticket(r) for r in range(column.model.rowCount())]
        started = time.perf_counter()
        for n in range(1000):
            ticket = tickets[n % len(tickets)]
            column.model.update(ticket)
            if n % 100 == 0:
                app.processEvents()
        board.grab()
        updates = (time.perf_counter() - started) * 1000
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"board with {args.tickets:,} tickets: first paint {first_paint:.0f} ms, "
              f"filter by department {filtering:.0f} ms (median of 3), "
              f"1,000 card updates {updates:.0f} ms, peak RSS {peak:.0f} MB")
        ui.wait()
        desk.close()


if __name__ == "__main__":
    main()
