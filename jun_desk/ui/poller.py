"""The poller: one sync job at a time on a private thread pool, never on the GUI thread.

A single-shot timer starts a job; the next timer is armed only when that job ends, after
the delay the rate budget allows, or with exponential backoff and jitter after an error.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from jun_desk.domain.actions import Changes
from jun_desk.services.operations import changes_of, perform
from jun_desk.ui.workers import run_job


class Poller(QObject):
    result = Signal(object)  # whatever the job returned
    changed = Signal(object)  # Changes: what the job committed (even if it then failed)
    error = Signal(object)  # the exception
    busy = Signal(bool)

    def __init__(self, job: Callable[[], Any], next_delay: Callable[[], float], *,
                 max_backoff: float = 900.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._next_delay = next_delay
        self._max_backoff = max_backoff
        self._failures = 0
        self._running = False
        self._again = False  # poll_now during a poll: poll again as soon as it ends
        self._stopped = True
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_job)

    @property
    def failures(self) -> int:
        return self._failures

    def start(self, delay_ms: int = 0) -> None:
        self._stopped = False
        if not self._running:
            self._timer.start(delay_ms)

    def poll_now(self) -> None:
        """Poll at once (a reply or DM was queued); during a poll, right after it: what was
        queued while the job ran would otherwise wait a whole interval."""
        if self._stopped:
            return
        if self._running:
            self._again = True
        else:
            self._timer.start(0)

    def stop(self, wait_ms: int = 30_000) -> None:
        self._stopped = True
        self._timer.stop()
        self._pool.waitForDone(wait_ms)

    def _start_job(self) -> None:
        if self._stopped or self._running:
            return
        self._running = True
        self.busy.emit(True)
        job = self._job
        run_job(self._pool, lambda: perform(job), self._finished, self._failed)

    def _finished(self, outcome: tuple[object, Changes]) -> None:
        value, changed = outcome
        self._failures = 0
        self._arm(self._next_delay())
        if changed:
            self.changed.emit(changed)
        self.result.emit(value)

    def _failed(self, err: Exception) -> None:
        changed = changes_of(err)
        if changed:
            self.changed.emit(changed)
        self._failures += 1
        ceiling = min(self._max_backoff, self._next_delay() * 2 ** self._failures)
        delay = max(self._next_delay(), ceiling / 2 + random.random() * ceiling / 2)
        self._arm(max(delay, float(getattr(err, "retry_after", 0) or 0)))
        self.error.emit(err)

    def _arm(self, seconds: float) -> None:
        self._running = False
        self.busy.emit(False)
        if self._again and self._failures == 0:
            seconds = 0.0  # after a failure the backoff stands; the queued item waits for it
        self._again = False
        if not self._stopped:
            self._timer.start(int(seconds * 1000))
