"""Run blocking work (network, database) off the GUI thread and hear back by signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from jun_desk.domain.errors import JunDeskError

log = logging.getLogger(__name__)


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
        # Python owns the job until its result is delivered (see run_job): a QRunnable
        # deleted by the pool while its signals are still queued would crash.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as err:  # reported to the GUI thread, which shows a message
            # Logged here with its traceback (the GUI thread only gets the exception): the
            # desk's own errors (refusals, conflicts, X or the database out of reach) at
            # INFO, anything else — a bug — at ERROR.
            level = logging.INFO if isinstance(err, JunDeskError) else logging.ERROR
            log.log(level, "Background job failed: %s: %s", type(err).__name__, err,
                    exc_info=err)
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(result)


_live: set[Job] = set()  # jobs started and not yet reported, touched on the GUI thread only


def run_job(pool: QThreadPool, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[Exception], None]) -> Job:
    job = Job(fn)

    def deliver(callback: Callable[[Any], None], value: Any) -> None:
        _live.discard(job)
        try:
            callback(value)
        except RuntimeError as err:
            # The view that asked was closed while the work ran: nobody to tell.
            if "already deleted" not in str(err) and "has been deleted" not in str(err):
                raise
            log.debug("A result arrived for a closed view and was dropped")

    job.signals.done.connect(lambda value: deliver(on_done, value))
    job.signals.failed.connect(lambda err: deliver(on_failed, err))
    _live.add(job)
    pool.start(job)
    return job
