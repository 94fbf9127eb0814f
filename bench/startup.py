"""Start-up benchmark: process start to the desk's main window shown, and to the desk
ready (the database open, the board's first page of every column painted, or the sign-in
waiting), on the sandbox with 100,000 tickets in the database, offscreen, against a bare
PySide6 QMainWindow process. "Shown" is the window exposed on screen, for both. Median of
runs.

    .venv/bin/python bench/startup.py [--tickets 100000] [--runs 5] [--code DIR]
                                      [--against DIR] [--board] [--exec COMMAND] [--cold]

``--code DIR`` runs the desk from another checkout (e.g. an older commit exported with
``git archive``), for a before/after comparison on the same machine; a desk that does not
report "ready" gets only the first figure. ``--against DIR`` runs this desk and the one in
DIR side by side in the same run (alternated with the bare window, on the same database),
both to "ready", with the fastest, median and slowest run of each. ``--exec COMMAND``
starts an installed desk instead (e.g. the menu entry's ``jun-desk`` of the Debian
package); ``--cold`` empties the page cache before every run (root on Linux), so each
start reads its files from disk.

The database has a supervisor, so "ready" is the sign-in waiting (shown before the
database opens once an earlier run has noted that this database asks for a sign-in: the
first run of each desk does not). ``--board``: no operator of its own, so the sandbox's
own supervisor signs in by itself and "ready" is the board's first page painted.
"""

from __future__ import annotations

import argparse
import math
import os
import shlex
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
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1600, 950)
window.show()
def shown():
    print(f"shown {time.time():.6f} {time.process_time():.6f}", flush=True)
    app.quit()
class Exposed(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
handle = window.windowHandle()
if handle.isExposed():
    QTimer.singleShot(0, shown)
else:
    handle.installEventFilter(Exposed(window))
app.exec()
"""


def measure(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """Seconds from process start to "shown" and to "ready" (when reported), and the
    process's CPU seconds at each ("shown-cpu", "ready-cpu"; when reported)."""
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                          check=True, cwd=cwd)  # (`-m` puts the folder first on the path)
    marks: dict[str, float] = {}
    for line in done.stdout.splitlines():
        words = line.split()
        if words and words[0] in ("shown", "ready"):
            marks[words[0]] = float(words[1]) - started
            if len(words) > 2:
                marks[f"{words[0]}-cpu"] = float(words[2])
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, default=None,
                        help="run the desk from this checkout instead of this one")
    parser.add_argument("--against", type=Path, default=None,
                        help="also run the desk from this checkout, side by side")
    parser.add_argument("--board", action="store_true",
                        help="no supervisor: 'ready' is the board painted, not the sign-in")
    parser.add_argument("--exec", dest="exec_command", default=None,
                        help="start the desk with this command (e.g. jun-desk)")
    parser.add_argument("--cold", action="store_true",
                        help="empty the page cache before every run (root, Linux)")
    args = parser.parse_args()
    # Installed software runs from bytecode (pip compiles on install, PyInstaller bundles
    # .pyc): compile once here, so that no run pays for compiling sources.
    import compileall
    import sysconfig

    from bench.board import populate
    from jun_desk.services.desk import Desk

    code = (args.code or ROOT).resolve()
    other = args.against.resolve() if args.against is not None else None
    for folder in (sysconfig.get_paths()["purelib"], str(code / "jun_desk"),
                   *([str(other / "jun_desk")] if other else [])):
        compileall.compile_dir(folder, quiet=2, workers=2)
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/desk.db"
        desk = Desk.open(db)
        if not args.board:
            desk.operators.add("ana", "supervisor")
        populate(desk, args.tickets)
        desk.close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUN_DESK_HOME": tmp,
               "JUN_DESK_QUIT_WHEN_READY": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("JUN_DESK_QUIT_WHEN_SHOWN", None)
        if args.code is not None:
            env["PYTHONPATH"] = str(code)
            env["JUN_DESK_QUIT_WHEN_SHOWN"] = "1"  # an older desk knows only this one
        desk_command = (shlex.split(args.exec_command) if args.exec_command
                        else [sys.executable, "-m", "jun_desk"])
        desk_runs, bare_runs, other_runs = [], [], []
        desk = [*desk_command, "--db", db, "--sandbox"]
        for _ in range(args.runs):  # alternated: all see the machine as it is at the time
            _drop_caches(args.cold)
            desk_runs.append(measure(desk, env, cwd=code))
            _drop_caches(args.cold)
            bare_runs.append(measure([sys.executable, "-c", BARE], env))
            if other is not None:
                other_runs.append(measure(desk, {**env, "PYTHONPATH": str(other)}, cwd=other))

    def median(runs: list[dict[str, float]], key: str) -> float | None:
        values = [r[key] for r in runs if key in r]
        return statistics.median(values) if len(values) == len(runs) else None

    bare, bare_cpu = median(bare_runs, "shown"), median(bare_runs, "shown-cpu")
    assert bare is not None
    what_ready = "board painted" if args.board else "sign-in waiting"
    print(f"start-up of {' '.join(desk_command)}"
          f" ({'cold' if args.cold else 'warm'}, {args.tickets:,} tickets, sandbox, offscreen, "
          f"median of {args.runs}, ready = {what_ready}; "
          f"bare QMainWindow {bare * 1000:.0f} ms"
          + (f", {bare_cpu * 1000:.0f} ms CPU" if bare_cpu else "") + "):")
    for key, what in (("shown", "to main window shown"),
                      ("ready", f"to ready ({what_ready})")):
        wall, cpu = median(desk_runs, key), median(desk_runs, f"{key}-cpu")
        if wall is None:
            continue
        line = f"  {what}: Jun Desk {wall * 1000:.0f} ms, ratio {wall / bare:.2f}"
        if cpu is not None and bare_cpu:
            line += f" (CPU {cpu * 1000:.0f} ms, ratio {cpu / bare_cpu:.2f})"
        best, bare_best = min(r[key] for r in desk_runs), min(r["shown"] for r in bare_runs)
        line += f"; fastest runs {best * 1000:.0f} vs {bare_best * 1000:.0f} ms, " \
                f"ratio {best / bare_best:.2f}"
        print(line)
    bare_all = sorted(r["shown"] for r in bare_runs)
    bare_median = {False: statistics.median(bare_all), True: bare_cpu or math.nan}
    for name, runs in (("this desk", desk_runs), (f"{other}", other_runs)):
        for key in ("shown", "ready", "shown-cpu", "ready-cpu"):
            values = sorted(r[key] for r in runs if key in r)
            if len(values) != len(runs) or not values:
                continue
            print(f"  {name}, {key}: min/median/max "
                  f"{values[0] * 1000:.0f}/{statistics.median(values) * 1000:.0f}/"
                  f"{values[-1] * 1000:.0f} ms, ratio to the bare window's median "
                  f"{statistics.median(values) / bare_median[key.endswith('cpu')]:.2f}")
    print(f"  bare window: min/median/max {bare_all[0] * 1000:.0f}/"
          f"{statistics.median(bare_all) * 1000:.0f}/{bare_all[-1] * 1000:.0f} ms")
    print("  runs, shown/ready ms: " + ", ".join(
        f"{r['shown'] * 1000:.0f}/" + (f"{r['ready'] * 1000:.0f}" if "ready" in r else "-")
        for r in desk_runs) + "; bare: " + ", ".join(
        f"{r['shown'] * 1000:.0f}" for r in bare_runs))


def _drop_caches(cold: bool) -> None:
    """A cold start: the kernel forgets the files it had cached (needs root)."""
    if cold:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")


if __name__ == "__main__":
    main()
