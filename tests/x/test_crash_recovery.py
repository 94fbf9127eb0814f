"""kill -9 of a syncing process at random moments, then restart: every item exactly once.

Runs the real command line (`jun-desk sync --watch`) in a child process, with the sandbox
credentials in the real Secret Service keyring, against the sandbox while its day plays.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from jun_desk.x.sandbox.server import Sandbox
from tests.x.conftest import kill_syncs, scenario_dm_ids, scenario_mention_ids, sync_rest_of_day

TRIALS = int(os.environ.get("JUN_DESK_KILL_TRIALS", "20"))


def test_kill_9_during_sync_loses_and_duplicates_nothing(tmp_path: Path,
                                                         sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(9)
    db = tmp_path / "desk.db"
    # The day plays in about 25 s, so kills land in backfills and in live polling alike.
    with Sandbox(speed=15 * 3600 / 25) as sandbox:
        killed_mid_run = kill_syncs(db, tmp_path, sandbox.base_url, TRIALS, rng, (0.4, 1.6))
        sync_rest_of_day(sandbox, db, tmp_path)
        mentions, dms = scenario_mention_ids(sandbox), scenario_dm_ids(sandbox)
    assert killed_mid_run == TRIALS  # each child was still running when it was killed
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT source, x_id FROM ticket_items").fetchall()
    stored_mentions = [x for s, x in rows if s == "tweet"]
    stored_dms = [x for s, x in rows if s == "dm"]
    assert len(stored_mentions) == len(set(stored_mentions))
    assert set(stored_mentions) == mentions
    assert len(stored_dms) == len(set(stored_dms)) and set(stored_dms) == dms
