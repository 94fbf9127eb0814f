"""kill -9 of `jun-desk sync --watch` at random moments, with faults: the desk's meter still
equals the sandbox's own bill to the micro-dollar (nothing lost, nothing counted twice)."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from jun_desk.x.sandbox.server import Faults, Sandbox
from tests.x.conftest import kill_syncs, sync_rest_of_day

KILLS = int(os.environ.get("JUN_DESK_COST_KILLS", "8"))


def test_meter_equals_the_bill_across_kill_9_and_faults(tmp_path: Path,
                                                        sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(17)
    db = tmp_path / "desk.db"
    faults = Faults.parse("5xx=0.05,malformed=0.05,drop=0.03,429=0.03")
    with Sandbox(speed=15 * 3600 / 20, faults=faults) as sandbox:
        killed_mid_run = kill_syncs(db, tmp_path, sandbox.base_url, KILLS, rng, (0.5, 2.0),
                                    sandbox=sandbox)
        sandbox.faults = Faults()  # the clean run that ends the day meets no faults
        sync_rest_of_day(sandbox, db, tmp_path)
        billed = sandbox.bill.total
        injected = dict(sandbox.state.stats.injected)
    assert killed_mid_run == KILLS
    assert injected  # the faults did happen
    with sqlite3.connect(db) as conn:
        metered = conn.execute("SELECT coalesce(sum(micro), 0) FROM x_spend").fetchone()[0]
        units = dict(conn.execute("SELECT kind, sum(units) FROM x_spend GROUP BY kind"))
    assert billed > 0 and units.get("post", 0) > 300
    assert metered == billed, (metered, billed, units)
