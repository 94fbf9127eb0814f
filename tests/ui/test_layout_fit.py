"""The window fits the screen it opens on: laptop (1,366 × 768), full HD (1,920 × 1,080)
and full HD at 200 % (960 × 540 logical); a layout saved on a larger screen is brought
back inside a smaller one. Each case runs the desk in a process of its own on an offscreen
screen of that size (the offscreen platform's ``configfile`` option)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jun_desk.services.desk import Desk

PROBE = Path(__file__).with_name("fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, db_url: str, width: int, height: int, *extra: str,
         scale: float = 1.0) -> dict:  # type: ignore[type-arg]
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=str(scale))
    done = subprocess.run([sys.executable, str(PROBE), db_url, *extra], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _inside(rect: list[int], area: list[int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.fixture
def desk_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    desk = Desk.open(url)
    desk.operators.add("ana", "supervisor", display_name="Ana García")
    desk.close()
    return url


def _check(found: dict) -> None:  # type: ignore[type-arg]
    screen = found["screen"]
    assert found["minimum_width"] <= 1024
    assert _inside(found["window"], screen), found
    assert _inside(found["status"], screen), found
    for name in ("dock-feed", "dock-detail", "dock-dms", "dock-dashboard"):
        assert name in found["docks"], found  # a supervisor: all four shown
        assert _inside(found["docks"][name]["rect"], screen), (name, found)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
def test_window_fits_the_screen(tmp_path: Path, desk_url: str, size: tuple[int, int]) -> None:
    found = _run(tmp_path, desk_url, *size)
    _check(found)
    # The board, the feed and the ticket side by side, each wide enough to work in.
    docks = found["docks"]
    assert docks["dock-feed"]["rect"][2] >= 280
    assert docks["dock-detail"]["rect"][2] >= 340
    assert found["board_width"] >= 600
    assert min(found["columns"].values()) >= 150
    if size == (1920, 1080):  # six columns without scrolling
        assert sum(found["columns"].values()) <= found["board_width"]


def test_window_fits_at_200_percent(tmp_path: Path, desk_url: str) -> None:
    """1,920 × 1,080 at 200 %: 960 × 540 logical pixels, still all on screen."""
    found = _run(tmp_path, desk_url, 1920, 1080, scale=2)
    assert found["screen"][2:] == [960, 540]
    _check(found)


def test_layout_saved_on_a_larger_screen_is_clamped(tmp_path: Path, desk_url: str) -> None:
    big = _run(tmp_path, desk_url, 2560, 1440, "--resize", "2500", "1380", "--move", "40", "30")
    assert big["window"][2] >= 2500  # the frame adds a few pixels
    small = _run(tmp_path, desk_url, 1366, 768)
    _check(small)
