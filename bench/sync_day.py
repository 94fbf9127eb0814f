"""Sync benchmark: the real tweepy client against the sandbox over loopback.

Prints, for a scenario day shown at once (1× and a ~10,000-mention day), items stored per
second and requests used; then plays a day compressed in time against the sandbox's
default rate limits and counts the 429s (the goal is zero).

    python bench/sync_day.py [--scale 32] [--live-seconds 120]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jun_desk.config import DEFAULT_POLL_SECONDS
from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.scenario import build_scenario
from jun_desk.x.sandbox.server import DEFAULT_LIMITS, Sandbox
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


def live_day(seconds: float, folder: Path, scale: int = 1) -> None:
    """The day compressed into ``seconds``; the engine polls as the budget allows. With
    ``scale`` 28 that is a ~10,000-mention day, more than X's 800-mention window: only
    polling all day long keeps every mention."""
    scenario = build_scenario(scale=scale)
    # Everything keeps its proportions: X's 15-minute rate windows and the desk's 15 s poll
    # interval shrink with the day, so requests used vs the budget are those of a real day.
    factor = seconds / (15 * 3600)
    windows = max(1.0, 15 * 60 * factor)
    floor = DEFAULT_POLL_SECONDS * factor
    with Sandbox(scenario, speed=1 / factor, window_seconds=windows) as sandbox:
        desk = Desk.open(f"sqlite:///{folder / f'live-{scale}.db'}")
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        end = time.monotonic() + seconds + 2
        polls = 0
        while time.monotonic() < end:
            engine.sync_once()
            polls += 1
            time.sleep(min(engine.next_delay(floor), max(0.0, end - time.monotonic())))
        report = engine.sync_once()
        elapsed = time.monotonic() - (end - seconds - 2)
        stats = sandbox.state.stats
        mentions_window = client.budget.window("GET /2/users/:id/mentions")
        # An edited tweet is one mention, kept under its original id, whatever version X shows.
        expected = {str(t.original_id)
                    for t in sandbox.state.visible_tweets()
                    if t.mentions(scenario.desk.username) and t.author_id != scenario.desk.id}
        stored = {i.x_id for i in desk.search.feed(limit=10 ** 6, kinds=("mention",))}
        budget = DEFAULT_LIMITS["GET /2/users/:id/mentions"] * math.ceil(seconds / windows)
        print(f"live day ×{scale} ({len(expected):,} mentions) in {seconds:g} s (rate windows "
              f"and poll interval scaled alike): {len(stored & expected):,}/{len(expected):,} "
              f"mentions stored ({len(stored) / elapsed:,.0f} items/s as they arrived), "
              f"{polls + 1} polls, {stats.requests} requests of which mentions "
              f"{stats.by_endpoint.get('GET /2/users/:id/mentions', 0)} vs a day's budget of "
              f"{budget:,}, {stats.rate_limited} × 429; last window "
              f"{mentions_window.limit - mentions_window.remaining}/{mentions_window.limit}; "
              f"last poll {report.inserted} new")
        desk.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=32, help="day size for the big run "
                        "(32: over 10,000 mentions)")
    parser.add_argument("--live-seconds", type=float, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        instant_day(1, folder)
        instant_day(args.scale, folder)
        live_day(args.live_seconds, folder)
        live_day(args.live_seconds, folder, args.scale)


if __name__ == "__main__":
    main()
