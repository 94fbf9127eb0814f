"""Sync benchmark: the real tweepy client against the sandbox over loopback.

Prints, for a scenario day shown at once (1× and a ~10,000-mention day), items stored per
second and requests used; then plays a day compressed in time against the sandbox's
default rate limits and counts the 429s (the goal is zero).

    python bench/sync_day.py [--scale 28] [--live-seconds 90]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.scenario import build_scenario
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine


def instant_day(scale: int, folder: Path) -> None:
    scenario = build_scenario(scale=scale)
    with Sandbox(scenario, speed=math.inf) as sandbox:
        desk = Desk.open(f"sqlite:///{folder / f'instant-{scale}.db'}")
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        started = time.perf_counter()
        report = engine.sync_once()
        elapsed = time.perf_counter() - started
        items = report.mentions.inserted + report.dms.inserted
        stats = sandbox.state.stats
        print(f"instant day ×{scale}: {report.mentions.inserted} mentions + "
              f"{report.dms.inserted} DMs in {elapsed:.2f} s = {items / elapsed:,.0f} items/s; "
              f"{stats.requests} requests, {stats.rate_limited} × 429")
        desk.close()


def live_day(seconds: float, folder: Path) -> None:
    """The day compressed into ``seconds``; the engine polls as the budget allows."""
    with Sandbox(speed=15 * 3600 / seconds) as sandbox:
        desk = Desk.open(f"sqlite:///{folder / 'live.db'}")
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        end = time.monotonic() + seconds + 2
        polls = 0
        while time.monotonic() < end:
            engine.sync_once()
            polls += 1
            time.sleep(min(engine.next_delay(0.5), max(0.0, end - time.monotonic())))
        report = engine.sync_once()
        stats = sandbox.state.stats
        mentions_window = client.budget.window("GET /2/users/:id/mentions")
        print(f"live day in {seconds:g} s at default limits: {polls + 1} polls, "
              f"{stats.requests} requests, {stats.rate_limited} × 429; mentions budget left "
              f"{mentions_window.remaining}/{mentions_window.limit}; last poll "
              f"{report.inserted} new")
        desk.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=28, help="day size for the big run")
    parser.add_argument("--live-seconds", type=float, default=90)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        instant_day(1, folder)
        instant_day(args.scale, folder)
        live_day(args.live_seconds, folder)


if __name__ == "__main__":
    main()
