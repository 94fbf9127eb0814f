"""Workers report back on the GUI thread, also when the view that asked is gone."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from jun_desk.ui.workers import _live, run_job


def test_a_result_for_a_closed_view_is_dropped_quietly(qtbot) -> None:  # type: ignore[no-untyped-def]
    pool = QThreadPool()
    label = QLabel()
    release = threading.Event()
    job = run_job(pool, lambda: release.wait(5) and "listo", label.setText,
                  lambda err: label.setText(str(err)))
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=2000)
    release.set()
    pool.waitForDone(5000)
    qtbot.waitUntil(lambda: job not in _live, timeout=2000)  # delivered, nothing raised


def test_other_runtime_errors_still_surface(qtbot) -> None:  # type: ignore[no-untyped-def]
    pool = QThreadPool()
    seen: list[str] = []

    def broken(_value: object) -> None:
        seen.append("called")
        raise RuntimeError("a real bug")

    with qtbot.captureExceptions() as caught:
        run_job(pool, lambda: 1, broken, lambda err: None)
        pool.waitForDone(5000)
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert any("a real bug" in str(exc[1]) for exc in caught)


def _alive(widget: QLabel) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_poll_now_during_a_poll_polls_again_right_after(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A reply queued while a poll runs is sent by a poll right after it, not an interval
    later (the interval here is an hour)."""
    import threading

    from jun_desk.ui.poller import Poller

    release = threading.Event()
    started: list[int] = []

    def job() -> int:
        started.append(len(started) + 1)
        if len(started) == 1:
            assert release.wait(30)
        return len(started)

    poller = Poller(job, lambda: 3600.0)
    poller.start()
    qtbot.waitUntil(lambda: len(started) == 1, timeout=10_000)
    poller.poll_now()  # while the first poll is still running
    release.set()
    qtbot.waitUntil(lambda: len(started) == 2, timeout=10_000)
    poller.stop()
