"""The daily backup, taken by the desk that polls X (it holds the poller lease).

Every few minutes, if this desk holds the lease, the backup service is asked whether a
backup is due (its own rule, on its injected clock) and takes it: on a thread of its own,
never the GUI thread's nor the views' pool, since a backup of a large database takes a
while. Another desk's backup counts (the audit trail says when the last good one was).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from jun_desk.services.operations import changes_of, perform
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.workers import run_job

if TYPE_CHECKING:
    from jun_desk.domain.actions import Changes
    from jun_desk.services.backups import BackupResult

CHECK_MS = 10 * 60_000
FIRST_MS = 60_000  # the first look, once the desk has settled after its start


class BackupKeeper(QObject):
    made = Signal(object)  # BackupResult: a daily backup was written and verified
    failed = Signal(str)  # why it was not, in the window's language

    def __init__(self, ui: UiContext, held: Callable[[], bool], *, interval_ms: int = CHECK_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._held = held
        self._running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self, first_ms: int = FIRST_MS) -> None:
        self._timer.start()
        QTimer.singleShot(first_ms, self, self.check)

    def stop(self, wait_ms: int = 60_000) -> None:
        self._timer.stop()
        self._pool.waitForDone(wait_ms)

    def check(self) -> None:
        """Take the daily backup if this desk polls X and one is due (off this thread)."""
        if self._running or not self._held() or self.ui.desk.backups.settings is None:
            return
        self._running = True
        backups = self.ui.desk.backups
        run_job(self._pool, lambda: perform(backups.run_if_due), self._done, self._failed)

    def _done(self, outcome: tuple[BackupResult | None, Changes]) -> None:
        result, changed = outcome
        self._running = False
        self.ui.apply_changes(changed)  # the dashboard hears of it (and the other desks)
        if result is not None:
            self.made.emit(result)

    def _failed(self, err: Exception) -> None:
        self._running = False
        self.ui.apply_changes(changes_of(err))
        self.failed.emit(self.tr("La copia de seguridad diaria falló: %s") % describe(err))
