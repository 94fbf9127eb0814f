"""Run blocking work (network, database) off the GUI thread and hear back by signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """``fn()`` on a pool thread; ``done(result)`` or ``failed(exception)`` on the GUI thread.

    Workers never touch widgets: they return data, the slots update the views.
    """

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as err:  # reported to the GUI thread, which shows a message
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(result)


def run_job(pool: QThreadPool, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[Exception], None]) -> Job:
    job = Job(fn)
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_failed)
    pool.start(job)
    return job
