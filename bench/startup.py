"""Start-up benchmark: process start to main window shown (offscreen, on the sandbox, with
100,000 tickets in the database) against a bare PySide6 QMainWindow process. Median of runs.

    .venv/bin/python bench/startup.py [--tickets 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1600, 950)
window.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    shown = next(float(line.split()[1]) for line in done.stdout.splitlines()
                 if line.startswith("shown "))
    return shown - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # Installed software runs from bytecode (pip compiles on install, PyInstaller bundles
    # .pyc): compile once here, so that no run pays for compiling sources.
    import compileall
    import sysconfig

    from bench.board import populate
    from jun_desk.services.desk import Desk

    for folder in (sysconfig.get_paths()["purelib"], str(ROOT / "jun_desk")):
        compileall.compile_dir(folder, quiet=2, workers=2)
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/desk.db"
        desk = Desk.open(db)
        desk.operators.add("ana", "supervisor")
        populate(desk, args.tickets)
        desk.close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUN_DESK_HOME": tmp,
               "JUN_DESK_QUIT_WHEN_SHOWN": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        desk_runs = [measure([sys.executable, "-m", "jun_desk", "--db", db, "--sandbox"], env)
                     for _ in range(args.runs)]
        bare_runs = [measure([sys.executable, "-c", BARE], env) for _ in range(args.runs)]
    ours, bare = statistics.median(desk_runs), statistics.median(bare_runs)
    print(f"start-up to main window shown ({args.tickets:,} tickets, sandbox, offscreen, "
          f"median of {args.runs}): Jun Desk {ours * 1000:.0f} ms, bare QMainWindow "
          f"{bare * 1000:.0f} ms, ratio {ours / bare:.2f}")


if __name__ == "__main__":
    main()
