"""kill -9 of `jun-desk sync --watch` at random moments, with faults: the desk's meter still
equals the sandbox's own bill to the micro-dollar (nothing lost, nothing counted twice)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from jun_desk.x.sandbox.server import Faults, Sandbox
from tests.x.conftest import jun_desk_process

KILLS = int(os.environ.get("JUN_DESK_COST_KILLS", "8"))


def test_meter_equals_the_bill_across_kill_9_and_faults(tmp_path: Path,
                                                        sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(17)
    db = tmp_path / "desk.db"
    faults = Faults.parse("5xx=0.05,malformed=0.05,drop=0.03,429=0.03")
    with Sandbox(speed=15 * 3600 / 20, faults=faults) as sandbox:
        url = sandbox.base_url
        killed_mid_run = 0
        for _kill in range(KILLS):
            proc = jun_desk_process(db, tmp_path, "sync", "--watch", "--api-base", url,
                             "--interval", "0.1", "--page-size", "5", "--no-outbox")
            time.sleep(rng.uniform(0.5, 2.0))
            if proc.poll() is None:
                killed_mid_run += 1
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        while sandbox.clock.now() < sandbox.scenario.start + sandbox.scenario.length:
            time.sleep(0.5)
        sandbox.faults = Faults()
        final = jun_desk_process(db, tmp_path, "sync", "--once", "--api-base", url, "--no-outbox")
        _out, err = final.communicate(timeout=120)
        assert final.returncode == 0, err
        billed = sandbox.bill.total
        injected = dict(sandbox.state.stats.injected)
    assert killed_mid_run == KILLS
    assert injected  # the faults did happen
    with sqlite3.connect(db) as conn:
        metered = conn.execute("SELECT coalesce(sum(micro), 0) FROM x_spend").fetchone()[0]
        units = dict(conn.execute("SELECT kind, sum(units) FROM x_spend GROUP BY kind"))
    assert billed > 0 and units.get("post", 0) > 300
    assert metered == billed, (metered, billed, units)
