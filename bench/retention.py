"""Retention benchmark: how long one daily run takes on a large database.

A SQLite (or ``--db URL``) database with N closed tickets three years old, each with a
citizen's mention, the desk's reply, a note and four audit events; half of them in
departments whose period has passed. Times the dry run and the real run (one
transaction), and the next day's run with nothing to do.

    .venv/bin/python bench/retention.py [--tickets 20000] [--db URL]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jun_desk.services.desk import Desk  # noqa: E402
from jun_desk.store.models import (  # noqa: E402
    AuditEvent,
    Citizen,
    Ticket,
    TicketItem,
    TicketNote,
)

T0 = datetime(2023, 1, 2, 9, 0, tzinfo=UTC)
DEPARTMENTS = ("salud", "policia", "obras", "limpieza")  # the first two: 2 years → due


def fill(desk: Desk, n: int) -> None:
    with desk.db.engine.begin() as conn:
        conn.execute(Citizen.__table__.insert(), [
            {"id": i + 1, "x_user_id": str(10_000 + i), "handle": f"vecino_{i}",
             "name": f"Vecino Número {i}", "x_verified": False, "verified_resident": False,
             "created_at": T0, "updated_at": T0} for i in range(n // 2)])
        tickets, items, notes, events = [], [], [], []
        for i in range(n):
            at = T0 + timedelta(minutes=i)
            tickets.append({"id": i + 1, "department": DEPARTMENTS[i % 4], "status": "closed",
                            "priority": "normal", "title": f"Mi DNI es 1234{i:04d}X y…",
                            "citizen_id": i % (n // 2) + 1, "personal_data": "dni",
                            "created_at": at, "updated_at": at, "closed_at": at,
                            "resolved_at": at, "first_response_at": at, "version": 1,
                            "legal_hold": False})
            for k, kind in enumerate(("mention", "reply_out")):
                items.append({"source": "tweet", "x_id": str(2 * i + k + 1), "kind": kind,
                              "account": "AytoJun", "ticket_id": i + 1,
                              "citizen_id": i % (n // 2) + 1 if k == 0 else None,
                              "author_x_id": str(10_000 + i % (n // 2)),
                              "text": f"Texto del vecino {i} con su teléfono 612 345 678",
                              "created_at": at, "media_count": 0, "personal_data": "phone",
                              "handled": True, "raw": {"text": "…"}, "ingested_at": at})
            notes.append({"ticket_id": i + 1, "author_id": 1, "text": "Llamar por la tarde",
                          "created_at": at})
            for action in ("ticket.create", "ticket.note", "ticket.move", "outbox.reply"):
                events.append({"at": at, "actor_name": "ana", "action": action,
                               "outcome": "ok", "ticket_id": i + 1,
                               "after": {"title": "Mi DNI…", "status": "closed"}})
        conn.execute(Ticket.__table__.insert(), tickets)
        conn.execute(TicketItem.__table__.insert(), items)
        conn.execute(TicketNote.__table__.insert(), notes)
        conn.execute(AuditEvent.__table__.insert(), events)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'retention.db'}"
        now = [T0 + timedelta(days=3 * 365)]
        desk = Desk.open(url, clock=lambda: now[0])
        desk.operators.add("ana", "supervisor")
        fill(desk, args.tickets)
        start = time.perf_counter()
        dry = desk.retention.apply(None, dry_run=True)
        dry_s = time.perf_counter() - start
        start = time.perf_counter()
        report = desk.retention.apply(None)
        real_s = time.perf_counter() - start
        now[0] += timedelta(days=1)
        start = time.perf_counter()
        again = desk.retention.apply(None)
        idle_s = time.perf_counter() - start
        desk.close()
    print(f"{args.tickets} closed tickets ({desk.db.url.get_backend_name()}): dry run "
          f"{dry_s:.2f} s ({len(dry.tickets)} due); run {real_s:.2f} s "
          f"({len(report.tickets)} tickets, {report.scrubbed.total} rows, "
          f"{report.citizens} citizens); next day {idle_s:.2f} s ({len(again.tickets)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
