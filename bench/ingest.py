"""Ingest benchmark: X API v2 mention pages (the sandbox's JSON) → parse → triage → persist,
against baselines measured in the same run on the same schema, page by page (one
transaction per page, as ingest does): plain sqlite3 executemany on SQLite; psycopg
executemany and COPY on PostgreSQL (a throw-away server, or --pg-url ADMIN_URL).

    .venv/bin/python bench/ingest.py [--mentions 100000] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.x.client import _user, tweet_item
from jun_desk.x.sandbox.ids import snowflake
from jun_desk.x.sandbox.scenario import build_scenario
from jun_desk.x.sandbox.server import _tweet_json
from jun_desk.x.sandbox.world import Tweet

FIELDS = {"author_id", "created_at", "conversation_id", "referenced_tweets", "attachments",
          "note_tweet", "in_reply_to_user_id"}


def pages(count: int, size: int = 100) -> list[str]:
    """``count`` mentions as the JSON bodies X would send, newest first, ``size`` a page."""
    scenario = build_scenario()
    texts = [t for t in scenario.tweets if t.mentions("AytoJun")]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    bodies = []
    for first in range(0, count, size):
        data, authors = [], set()
        for n in range(first, min(count, first + size)):
            source = texts[n % len(texts)]
            when = start + timedelta(seconds=n)
            tweet = Tweet(snowflake(when, n), source.author_id, source.text, when,
                          snowflake(when, n))
            data.append(_tweet_json(tweet, FIELDS, {}, when))  # no edits, seen at once
            authors.add(source.author_id)
        users = [scenario.users[a].as_json({"verified", "profile_image_url"}) for a in authors]
        bodies.append(json.dumps({"data": data, "includes": {"users": users},
                                  "meta": {"result_count": len(data)}}))
    return bodies


def ours(bodies: list[str], folder: Path, url: str | None = None) -> float:
    desk = Desk.open(url or f"sqlite:///{folder / 'ours.db'}")
    started = time.perf_counter()
    for body in bodies:
        page = json.loads(body)
        items = [tweet_item(d, "1200000000000000001") for d in page["data"]]
        users = [_user(u) for u in page["includes"]["users"]]
        desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, users, None)
    elapsed = time.perf_counter() - started
    desk.close()
    return elapsed


def baseline(bodies: list[str], folder: Path) -> float:
    Desk.open(f"sqlite:///{folder / 'base.db'}").close()  # the same schema, migrated
    conn = sqlite3.connect(folder / "base.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    now = datetime.now(UTC).isoformat()
    for body in bodies:
        page = json.loads(body)
        rows = [("tweet", d["id"], "mention", "AytoJun", d["author_id"], d["text"],
                 d["created_at"], d["conversation_id"], 0, "", 0, now) for d in page["data"]]
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO ticket_items (source, x_id, kind, account, author_x_id, text, "
            "created_at, conversation_id, media_count, personal_data, handled, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


COLUMNS = ("source", "x_id", "kind", "account", "author_x_id", "text", "created_at",
           "conversation_id", "media_count", "personal_data", "handled", "ingested_at")


def pg_baseline(bodies: list[str], url: str, copy: bool) -> float:
    """psycopg straight into the migrated schema: executemany, or COPY, one page a
    transaction; the same JSON parsing, no triage."""
    import psycopg
    from sqlalchemy import make_url

    Desk.open(url).close()
    u = make_url(url)
    conn = psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database)
    now = datetime.now(UTC)
    started = time.perf_counter()
    for body in bodies:
        page = json.loads(body)
        rows = [("tweet", d["id"], "mention", "AytoJun", d["author_id"], d["text"],
                 datetime.fromisoformat(d["created_at"]), d["conversation_id"], 0, "", False,
                 now) for d in page["data"]]
        with conn.transaction(), conn.cursor() as cur:
            if copy:
                with cur.copy(f"COPY ticket_items ({', '.join(COLUMNS)}) FROM STDIN") as out:
                    for row in rows:
                        out.write_row(row)
            else:
                cur.executemany(
                    f"INSERT INTO ticket_items ({', '.join(COLUMNS)}) "
                    f"VALUES ({', '.join(['%s'] * len(COLUMNS))})", rows)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def fresh_pg_database(admin: str, name: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin.rsplit("/", 1)[0] + "/" + name


def run_postgresql(bodies: list[str], n: int, admin_url: str | None) -> None:
    from tests.pg_server import PostgresServer

    server = None if admin_url else PostgresServer()
    admin = admin_url or server.start()  # type: ignore[union-attr]
    try:
        many = pg_baseline(bodies, fresh_pg_database(admin, "jun_bench_many"), copy=False)
        copied = pg_baseline(bodies, fresh_pg_database(admin, "jun_bench_copy"), copy=True)
        mine = ours(bodies, Path("."), fresh_pg_database(admin, "jun_bench_ours"))
    finally:
        if server is not None:
            server.stop()
    print(f"ingest of {n:,} mentions (PostgreSQL, 100 a page): Jun Desk {n / mine:,.0f} "
          f"items/s ({mine:.1f} s); psycopg executemany {n / many:,.0f} items/s "
          f"({many:.2f} s), ratio {many / mine:.2f}; psycopg COPY {n / copied:,.0f} items/s "
          f"({copied:.2f} s), ratio {copied / mine:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default=None, help="admin URL of an existing server")
    args = parser.parse_args()
    bodies = pages(args.mentions)
    n = args.mentions
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            base = baseline(bodies, folder)
            mine = ours(bodies, folder)
        print(f"ingest of {n:,} mentions (SQLite, 100 a page): Jun Desk {n / mine:,.0f} "
              f"items/s ({mine:.1f} s: parse + triage + privacy + citizens + insert + "
              f"cursor); plain sqlite3 executemany {n / base:,.0f} items/s ({base:.2f} s); "
              f"ratio {base / mine:.2f}", flush=True)
    if args.backend in ("postgresql", "both"):
        run_postgresql(bodies, n, args.pg_url)


if __name__ == "__main__":
    main()
