"""Leak checks for every UI test (as napari's ``dangling_qthreads``/``dangling_qtimers``
fixtures): a test fails at teardown if it leaves a running QThread, an active QTimer or a
top-level widget behind. What qtbot was given is closed and deleted first (pytest-qt does
that before fixtures are torn down), so only real leaks remain: a thread nobody stopped, a
timer of an object nobody deleted, a window nobody closed.

A test that means to leave something (none does today) marks itself
``@pytest.mark.allow_leaks``.

The database behind the window: SQLite only, unless a test is marked
``@pytest.mark.both_backends``. A widget does not care which database the services read;
the storage, the services and the X sync run on both backends in their own folders, and the
PostgreSQL copy of every window test was two fifths of this folder's time for nothing
more. The tests kept on both are those whose path differs by backend: a second desk on
the same database (tests/ui/test_shared_desks_ui.py), the live refresh (PostgreSQL's
LISTEN/NOTIFY, SQLite's data_version), the database dialog showing a shared board's
address, the daily backup the window takes (pg_dump or SQLite's backup API), and the
window opening its database at start.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QThread, QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import BACKENDS, fresh_database


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``db_url`` (and so ``desk``) on SQLite; on both backends with ``both_backends``."""
    both = metafunc.definition.get_closest_marker("both_backends") is not None
    if "db_url" not in metafunc.fixturenames:
        if both:
            raise pytest.UsageError(f"{metafunc.definition.nodeid} is marked both_backends "
                                    "but uses no database (db_url or desk)")
        return
    metafunc.parametrize("db_url", BACKENDS if both else ["sqlite"], indirect=True)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on the backend ``pytest_generate_tests`` chose."""
    yield from fresh_database(request, tmp_path, request.param)


def _delete_deferred() -> None:
    """Run the deleteLater()s that pytest-qt's close left pending (processEvents does not)."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QApplication.processEvents()


def _describe(obj: Any) -> str:
    name = obj.objectName() if shiboken6.isValid(obj) else ""
    parent = obj.parent() if shiboken6.isValid(obj) else None
    owner = f" of {type(parent).__name__}" if parent is not None else ""
    return f"{type(obj).__name__}{f' {name!r}' if name else ''}{owner}"


@pytest.fixture(autouse=True)
def _no_leaks(request: pytest.FixtureRequest, qapp: QApplication,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    started_threads: list[QThread] = []
    started_timers: list[QTimer] = []
    thread_start, timer_start = QThread.start, QTimer.start

    def start_thread(self: QThread, *args: Any) -> None:
        started_threads.append(self)
        thread_start(self, *args)

    def start_timer(self: QTimer, *args: Any) -> None:
        started_timers.append(self)
        timer_start(self, *args)

    monkeypatch.setattr(QThread, "start", start_thread)
    monkeypatch.setattr(QTimer, "start", start_timer)
    _delete_deferred()
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    monkeypatch.undo()
    if request.node.get_closest_marker("allow_leaks"):
        return
    _delete_deferred()
    leaks = [f"a running {_describe(t)}" for t in started_threads
             if shiboken6.isValid(t) and t.isRunning()]
    leaks += [f"an active {_describe(t)}" for t in dict.fromkeys(started_timers)
              if shiboken6.isValid(t) and t.isActive()]
    leaks += [f"a top-level {_describe(w)} ({w.windowTitle()!r})"
              for w in QApplication.topLevelWidgets()
              if id(w) not in before and shiboken6.isValid(w) and w.isVisible()]
    if leaks:
        pytest.fail("The test left behind: " + "; ".join(leaks), pytrace=False)
