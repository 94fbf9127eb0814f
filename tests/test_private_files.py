"""On a PC shared by several system users, the desk's folders and files are its user's
alone: folders 0700, files 0600, whatever the umask; older installs are tightened."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from jun_desk.cli import main
from jun_desk.config import Paths, save_database_url
from jun_desk.services.desk import Desk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _modes(root: Path) -> dict[str, int]:
    found = {}
    for path in [root, *root.rglob("*")]:
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_every_folder_and_file_the_desk_creates_is_private(qtbot, tmp_path: Path, umask_022,
                                                           monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "fresh" / "jun"
    monkeypatch.setenv("JUN_DESK_HOME", str(home))
    paths = Paths.default()
    # The command line with the default database: folders, database, log.
    assert main(["operators", "add", "ana", "--role", "supervisor"]) == 0
    # An export (written beside its target, then renamed), a crash report, the settings.
    assert main(["export", "--format", "csv", "--out", str(paths.data / "tickets.csv")]) == 0

    def boom(_args):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("bug")

    monkeypatch.setattr("jun_desk.cli._triage", boom)
    assert main(["triage", "x"]) == 70
    save_database_url(None)
    # The sandbox's own database, open so its WAL and SHM files exist, and the window's
    # per-operator layout.
    desk = Desk.open(f"sqlite:///{paths.data / 'sandbox' / 'jun-desk-sandbox.db'}")
    try:
        desk.operators.add("luis", "operator")
        from jun_desk.ui.context import UiContext
        from jun_desk.ui.main_window import MainWindow

        window = MainWindow(UiContext(desk, desk.operators.actor("luis")))
        qtbot.addWidget(window)
        window.show()
        window.close()
        modes = _modes(home)
    finally:
        desk.close()
    capsys.readouterr()
    names = set(modes)
    for expected in ("data", "config", "logs", "data/jun-desk.db", "data/tickets.csv",
                     "logs/jun-desk.log", "config/settings.ini", "config/layout.ini",
                     "data/sandbox/jun-desk-sandbox.db", "data/sandbox/jun-desk-sandbox.db-wal",
                     "data/sandbox/jun-desk-sandbox.db-shm"):
        assert expected in names, f"{expected} was not created: {sorted(names)}"
    assert any(n.startswith("logs/crash-") for n in names)
    for name, mode in modes.items():
        wanted = 0o700 if (home / name).is_dir() else 0o600
        assert mode == wanted, f"{name} is {mode:04o}, not {wanted:04o}"
    # The folder above JUN_DESK_HOME that the desk had to create is private as well.
    assert stat.S_IMODE((tmp_path / "fresh").stat().st_mode) == 0o700


def test_an_older_install_is_tightened_at_start_with_a_log_line(tmp_path: Path, umask_022,
                                                                monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "old"
    monkeypatch.setenv("JUN_DESK_HOME", str(home))
    paths = Paths.default()
    for folder in (paths.data, paths.config, paths.logs):
        folder.mkdir(parents=True, mode=0o755)
    assert main(["db", "upgrade"]) == 0  # as an older Jun Desk would have left it:
    for path in (paths.data, paths.config, paths.logs):
        os.chmod(path, 0o755)
    for path in paths.data.iterdir():
        os.chmod(path, 0o644)
    os.chmod(paths.logs / "jun-desk.log", 0o644)
    (paths.config / "layout.ini").write_text("[main]\n", encoding="utf-8")
    (paths.logs / "crash-20260101-000000.txt").write_text("old\n", encoding="utf-8")
    with sqlite3.connect(paths.default_database) as conn:  # WAL files from another program
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
        assert main(["operators", "list"]) == 0
    capsys.readouterr()
    for name, mode in _modes(home).items():
        wanted = 0o700 if (home / name).is_dir() else 0o600
        assert mode == wanted, f"{name} is {mode:04o}, not {wanted:04o}"
    log = (paths.logs / "jun-desk.log").read_text(encoding="utf-8")
    assert f"Made {paths.default_database} private to this user: 0644 → 0600" in log
    assert f"Made {paths.data} private to this user: 0755 → 0700" in log


@pytest.mark.parametrize("mode", [0o1777, 0o755], ids=["shared-sticky", "chosen-folder"])
def test_a_database_in_an_existing_folder_leaves_the_folder_as_it_was(
        tmp_path: Path, umask_022, mode: int) -> None:  # type: ignore[no-untyped-def]
    """A database put in /tmp or a folder the person chose must not take that folder away
    from its other users (the desk once made /tmp 1700): the files are private instead."""
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, mode)
    desk = Desk.open(f"sqlite:///{shared / 'desk.db'}")
    desk.close()
    assert stat.S_IMODE(shared.stat().st_mode) == mode
    assert stat.S_IMODE((shared / "desk.db").stat().st_mode) == 0o600
    fresh = tmp_path / "new" / "place"
    Desk.open(f"sqlite:///{fresh / 'desk.db'}").close()
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700  # created by the desk: private
