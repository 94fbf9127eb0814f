"""kill -9 of `jun-desk sync --once` while it downloads photos (issue 29): never a half file
under an image's name, never a row saying CACHED without its whole file; what a killed
download left half written (a ``.part``) is removed by the next run, and the last run
caches every photo once."""

from __future__ import annotations

import hashlib
import math
import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

from jun_desk.x.sandbox.server import Sandbox
from tests.x.conftest import jun_desk_process
from tests.x.test_media_sync import decodes

KILLS = int(os.environ.get("JUN_DESK_MEDIA_KILLS", "6"))  # 20 in the run: ~4 min


def _sync(db: Path, home: Path, url: str):  # type: ignore[no-untyped-def]
    return jun_desk_process(db, home, "sync", "--once", "--api-base", url, "--no-outbox")


def _check(db: Path, cache: Path) -> int:
    """The cache and the rows agree; returns the ``.part`` files left."""
    for path in (p for p in cache.rglob("*") if p.is_file() and not p.name.startswith(".")):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name, path
        assert decodes(path), path
    with sqlite3.connect(db) as conn:
        cached = conn.execute("SELECT sha256 FROM item_media WHERE state = 'cached'").fetchall()
    for (sha,) in cached:
        assert (cache / sha[:2] / sha).is_file(), sha
    return len(list(cache.rglob(".*.part")))


def test_kill_9_during_downloads_leaves_no_half_file(tmp_path: Path,
                                                      sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(29)
    db, cache = tmp_path / "desk.db", tmp_path / "data" / "media"
    with Sandbox(speed=math.inf) as sandbox:
        first = _sync(db, tmp_path, sandbox.base_url)
        _out, err = first.communicate(timeout=180)
        assert first.returncode == 0, err
        photos = sandbox.state.stats.media_requests
        assert photos >= 8
        killed_mid_round = 0
        parts_seen = 0
        for _kill in range(KILLS):
            # Every photo to download again, into an empty cache.
            with sqlite3.connect(db) as conn:
                conn.execute("UPDATE item_media SET state = 'pending', sha256 = NULL, "
                             "size = NULL, cached_at = NULL, next_try_at = NULL, tries = 0 "
                             "WHERE state != 'refused'")
            shutil.rmtree(cache, ignore_errors=True)
            before = sandbox.state.stats.media_requests
            wanted = before + rng.randint(1, photos - 4)
            proc = _sync(db, tmp_path, sandbox.base_url)
            deadline = time.monotonic() + 120
            while (sandbox.state.stats.media_requests < wanted and proc.poll() is None
                   and time.monotonic() < deadline):
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.01))
            if proc.poll() is None:
                killed_mid_round += 1
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            parts_seen += _check(db, cache)
        last = _sync(db, tmp_path, sandbox.base_url)
        _out, err = last.communicate(timeout=180)
        assert last.returncode == 0, err
    assert killed_mid_round == KILLS
    assert _check(db, cache) == 0  # the next run removed what a kill left half written
    with sqlite3.connect(db) as conn:
        states = dict(conn.execute("SELECT state, count(*) FROM item_media GROUP BY state"))
    assert states == {"cached": photos - 3, "refused": 3}
    with sqlite3.connect(db) as conn:
        digests = {d for (d,) in conn.execute("SELECT sha256 FROM item_media WHERE sha256 "
                                              "IS NOT NULL")}
    assert {p.name for p in cache.rglob("*") if p.is_file()} == digests
    print(f"\nmedia kill -9: {KILLS} kills, {killed_mid_round} mid-round, "
          f"{parts_seen} .part files seen after kills, all removed by the next run")


WRITER = """
import os, random, sys
from pathlib import Path
from jun_desk.services.media_cache import MediaCache
cache = MediaCache(Path(sys.argv[1]))
rng = random.Random(int(sys.argv[2]))
print("ready", flush=True)
while True:
    cache.put(rng.randbytes(rng.randint(1, 8) * 1024 * 1024))
"""


def test_kill_9_while_writing_leaves_only_whole_files(tmp_path: Path) -> None:
    """The cache's write itself, killed at random while writing megabytes: every file
    under an image's name is whole (its name is its digest); only ``.part`` files are
    ever half, and they are removed."""
    import subprocess
    import sys

    from jun_desk.services.media_cache import MediaCache

    rng = random.Random(7)
    cache = MediaCache(tmp_path / "media")
    parts = 0
    for n in range(KILLS * 2):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(cache.folder), str(n)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        for path in cache.files():
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name
        parts += cache.clean_parts()
    assert cache.files() and not list(cache.folder.rglob(".*.part"))
    print(f"\ncache writes: {KILLS * 2} kills, {len(cache.files())} whole files, "
          f"{parts} half-written .part files removed")
