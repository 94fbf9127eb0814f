"""Leak checks for every UI test (as napari's ``dangling_qthreads``/``dangling_qtimers``
fixtures): a test fails at teardown if it leaves a running QThread, an active QTimer or a
top-level widget behind. What qtbot was given is closed and deleted first (pytest-qt does
that before fixtures are torn down), so only real leaks remain: a thread nobody stopped, a
timer of an object nobody deleted, a window nobody closed.

A test that means to leave something (none does today) marks itself
``@pytest.mark.allow_leaks``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QThread, QTimer
from PySide6.QtWidgets import QApplication


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
