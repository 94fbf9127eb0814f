"""Backup benchmark: `jun-desk db backup` and `db restore` of a 100,000-ticket database.

Each ticket has one citizen's mention (a couple of hundred characters and its raw JSON, as
X sends it), so the file is the size of a town's few years. Prints the database's size,
the backup's time and size (verified: read back, integrity-checked, rows counted) and the
restore's time (which first backs up what it replaces), for SQLite and, with --postgresql,
a throw-away PostgreSQL server (pg_dump and psql).

    .venv/bin/python bench/backup.py [--tickets 100000] [--postgresql]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KEY = bytes(range(32))
WORDS = ("farola", "bache", "contenedor", "calle", "vecinos", "noche", "acera", "ruido",
         "parque", "autobús", "semáforo", "basura", "agua", "fuga", "por", "favor", "la",
         "el", "de", "en", "hay", "desde", "hace", "días", "nadie", "arregla")


def populate_items(desk, count: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert, select

    from jun_desk.store.models import Ticket, TicketItem

    rng = random.Random(11)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with desk.db.session(readonly=True) as session:
        ids = list(session.scalars(select(Ticket.id).order_by(Ticket.id).limit(count)))
    rows: list[dict] = []
    for n, ticket_id in enumerate(ids):
        text = "@AytoJun " + " ".join(rng.choice(WORDS) for _ in range(32))
        created = start + timedelta(minutes=n * 5)
        rows.append({"source": "tweet", "x_id": str(10**18 + n), "kind": "mention",
                     "account": "AytoJun", "ticket_id": ticket_id,
                     "author_x_id": str(5000 + n % 9000), "text": text, "created_at": created,
                     "raw": {"id": str(10**18 + n), "text": text,
                             "author_id": str(5000 + n % 9000),
                             "created_at": created.isoformat()},
                     "ingested_at": created, "personal_data": ""})
        if len(rows) == 10_000:
            with desk.db.session() as session:
                session.execute(insert(TicketItem), rows)
            rows.clear()
    if rows:
        with desk.db.session() as session:
            session.execute(insert(TicketItem), rows)


def measure(url: str, tickets: int, folder: Path, label: str) -> None:
    from bench.board import populate
    from jun_desk.domain.backups import BackupSettings
    from jun_desk.services.desk import Desk

    desk = Desk.open(url)
    desk.operators.add("ana", "supervisor")
    populate(desk, tickets)
    populate_items(desk, tickets)
    desk.backups.configure(BackupSettings(folder / "backups"), lambda: KEY)
    began = time.perf_counter()
    result = desk.backups.make()
    took = time.perf_counter() - began
    began = time.perf_counter()
    desk.backups.restore(result.path)
    restored = time.perf_counter() - began
    desk.close()
    mb = 1024 * 1024
    print(f"{label}: {result.manifest.tickets:,} tickets, "
          f"{sum(result.manifest.counts.values()):,} rows; copy {result.plain_size / mb:.1f} MB"
          f" -> backup {result.size / mb:.1f} MB in {took:.1f} s (copied, compressed, "
          f"encrypted, verified); restore {restored:.1f} s (with the backup of what it "
          f"replaced)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--postgresql", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        measure(f"sqlite:///{tmp}/desk.db", args.tickets, Path(tmp), "SQLite")
    if args.postgresql:
        from sqlalchemy import create_engine, text

        from tests.pg_server import PostgresServer

        server = PostgresServer()
        admin = server.start()
        try:
            engine = create_engine(admin, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text("CREATE DATABASE bench_backup"))
            engine.dispose()
            with tempfile.TemporaryDirectory() as tmp:
                measure(admin.rsplit("/", 1)[0] + "/bench_backup", args.tickets, Path(tmp),
                        "PostgreSQL")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
