"""Fixtures for the X side: a real sandbox server on loopback and the real tweepy client."""

from __future__ import annotations

import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(speed=math.inf) as sb:
        yield sb


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[XClient]:
    c = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
    yield c
    c.close()


def scenario_mention_versions(sandbox: Sandbox) -> set[str]:
    """Every mention X lists, each version of an edited tweet apart (as its timeline has it)."""
    desk = sandbox.scenario.desk
    return {str(t.id) for t in sandbox.state.visible_tweets()
            if t.mentions(desk.username) and t.author_id != desk.id}


def scenario_mention_ids(sandbox: Sandbox) -> set[str]:
    """The mentions the desk must hold: an edited tweet is one mention, kept under its
    original id (the first of its edit history), whatever version X shows."""
    desk = sandbox.scenario.desk
    return {str(t.original_id)
            for t in sandbox.state.visible_tweets()
            if t.mentions(desk.username) and t.author_id != desk.id}


def scenario_dm_ids(sandbox: Sandbox) -> set[str]:
    return {str(d.id) for d in sandbox.state.visible_dms()}


def jun_desk_process(db: Path, home: Path, *args: str) -> subprocess.Popen[str]:
    """The desk's command line in a process of its own (kill -9 tests), its files in
    ``home``."""
    env = {**os.environ, "JUN_DESK_HOME": str(home), "JUN_DESK_ACCOUNT": "AytoJun"}
    return subprocess.Popen([sys.executable, "-m", "jun_desk", "--db", str(db), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_syncs(db: Path, home: Path, url: str, kills: int, rng: random.Random,
               pause: tuple[float, float], *, sandbox: Sandbox | None = None,
               requests: tuple[int, int] = (3, 12)) -> int:
    """Start ``sync --watch`` ``kills`` times and kill -9 it after a random pause; returns how
    many were still running when killed. With ``sandbox``, the pause is counted in requests
    the sandbox answered (a random number in ``requests``, after the pause's first
    bound), so a slow start on a busy machine cannot make a kill come before any request."""
    killed_mid_run = 0
    for _kill in range(kills):
        before = sandbox.state.stats.requests if sandbox is not None else 0
        proc = jun_desk_process(db, home, "sync", "--watch", "--api-base", url,
                                "--interval", "0.1", "--page-size", "5", "--no-outbox")
        if sandbox is None:
            time.sleep(rng.uniform(*pause))
        else:
            wanted = before + rng.randint(*requests)
            time.sleep(pause[0])
            deadline = time.monotonic() + 120  # a stuck process is killed all the same
            while (sandbox.state.stats.requests < wanted and proc.poll() is None
                   and time.monotonic() < deadline):
                time.sleep(0.01)
        if proc.poll() is None:
            killed_mid_run += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    return killed_mid_run


def sync_rest_of_day(sandbox: Sandbox, db: Path, home: Path) -> None:
    """Let the rest of the day arrive, then one clean run picks everything up."""
    while sandbox.clock.now() < sandbox.scenario.start + sandbox.scenario.length:
        time.sleep(0.5)
    final = jun_desk_process(db, home, "sync", "--once", "--api-base", sandbox.base_url,
                             "--no-outbox")
    _out, err = final.communicate(timeout=120)
    assert final.returncode == 0, err
