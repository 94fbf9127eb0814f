"""Media cache benchmark (issue 29): the bookkeeping of N cached photos.

A SQLite (or ``--db URL``) database with N mentions, each with one photo cached in a fresh
content-addressed cache (``--kb`` of random bytes each: the cache's write is timed with its
fsync and rename). Times the cache's writes, what the window asks (``for_items`` of a feed
page of 100 and of all N, ``for_ticket``), the downloader's ``due`` with nothing due, and an
eviction of half the cache. Also one whole sandbox day through ``SyncEngine.sync_once``
with its photos downloaded (``--no-day`` to skip).

    .venv/bin/python bench/media.py [--photos 1000] [--kb 300] [--db URL] [--no-day]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jun_desk.domain.images import ImageFacts  # noqa: E402
from jun_desk.domain.media_settings import MediaSettings  # noqa: E402
from jun_desk.services.desk import Desk  # noqa: E402
from jun_desk.store.models import Citizen, ItemMedia, TicketItem  # noqa: E402

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def fill(desk: Desk, n: int) -> None:
    with desk.db.engine.begin() as conn:
        conn.execute(Citizen.__table__.insert(), [{
            "id": 1, "x_user_id": "10000", "handle": "vecina", "name": "Vecina",
            "x_verified": False, "verified_resident": False, "created_at": T0,
            "updated_at": T0}])
        conn.execute(TicketItem.__table__.insert(), [{
            "id": i + 1, "source": "tweet", "x_id": str(i + 1), "kind": "mention",
            "account": "AytoJun", "citizen_id": 1, "author_x_id": "10000",
            "text": f"@AytoJun foto del bache {i}", "created_at": T0 + timedelta(minutes=i),
            "media_count": 1, "personal_data": "", "handled": False, "raw": None,
            "ingested_at": T0} for i in range(n)])
        conn.execute(ItemMedia.__table__.insert(), [{
            "item_id": i + 1, "media_key": f"3_{i + 1}", "position": 0, "kind": "photo",
            "dm": False, "url": f"https://pbs.twimg.com/media/3_{i + 1}.jpg",
            "state": "pending", "tries": 0} for i in range(n)])


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    print(f"{label}: {(time.perf_counter() - start) * 1000:.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--kb", type=int, default=300)
    parser.add_argument("--db")
    parser.add_argument("--no-day", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("JUN_DESK_HOME", tmp)
        desk = Desk.open(args.db or f"sqlite:///{Path(tmp) / 'desk.db'}")
        folder = Path(tmp) / "media"
        n = args.photos
        desk.media.configure(MediaSettings(folder=folder, cache_limit=n * args.kb * 1024))
        fill(desk, n)
        jobs = timed(f"due() of {n} pending", lambda: desk.media.due(limit=n))
        blobs = [os.urandom(args.kb * 1024) for _ in range(n)]
        start = time.perf_counter()
        for job, blob in zip(jobs, blobs, strict=True):
            sha, _path = desk.media.cache.put(blob)
            desk.media.cached(job.media_id, sha, len(blob), ImageFacts("jpeg", 1024, 768))
        spent = time.perf_counter() - start
        print(f"{n} photos of {args.kb} KB written (fsync, rename) and marked cached: "
              f"{spent:.2f} s, {n * args.kb / 1024 / spent:.1f} MB/s, "
              f"{spent / n * 1000:.2f} ms each")
        ids = list(range(1, n + 1))
        timed("for_items, a feed page of 100", lambda: desk.media.for_items(ids[-100:]))
        timed(f"for_items, all {n}", lambda: desk.media.for_items(ids))
        timed("due() with nothing due", lambda: desk.media.due())
        timed("cache_bytes", desk.media.cache_bytes)
        gone = timed(f"evict to half of {n * args.kb // 1024} MB",
                     lambda: desk.media.evict(n * args.kb * 1024 // 2))
        print(f"  evicted {gone.files} files, {gone.bytes / 1024 / 1024:.1f} MB")
        timed("sweep (no orphan)", desk.media.sweep)
        desk.close()
        if not args.no_day:
            day(Path(tmp))


def day(tmp: Path) -> None:
    from jun_desk.x.client import XClient
    from jun_desk.x.sandbox.server import Sandbox
    from jun_desk.x.sync import SyncEngine

    desk = Desk.open(f"sqlite:///{tmp / 'day.db'}")
    desk.media.configure(MediaSettings(folder=tmp / "day-media"))
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client, page_size=100)
        start = time.perf_counter()
        report = engine.sync_once()
        whole = time.perf_counter() - start
        assert report.media is not None
        media = report.media
        print(f"a sandbox day: {report.inserted} items and {media.cached} photos cached, "
              f"{media.refused} refused, {media.failed} failed, "
              f"{sandbox.state.stats.media_requests} media requests; sync_once {whole:.2f} s")
        client.close()
    desk.close()


if __name__ == "__main__":
    main()
