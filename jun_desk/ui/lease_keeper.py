"""Keeps this desk's claim to poll X (or watches the desk that has it) on a heartbeat."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from jun_desk.services.leases import LeaseState, PollerLease
from jun_desk.ui.context import UiContext
from jun_desk.ui.operations import Op


class LeaseKeeper(QObject):
    state = Signal(object)  # LeaseState, each heartbeat
    taken_over = Signal()  # this desk just became the poller: poll now

    def __init__(self, ui: UiContext, lease: PollerLease, account: Callable[[], str],
                 heartbeat_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.lease = lease
        self._account = account
        self.held = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(100, int(heartbeat_s * 1000)))
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        self._timer.start()
        self.beat()

    def stop(self) -> None:
        self._timer.stop()

    def beat(self) -> None:
        desk, lease, account = self.ui.desk, self.lease, self._account()
        # Failures (database away) are the banner's business; the lease just runs out.
        Op(self.ui, lambda: desk.leases.acquire(account, lease)).success(
            self._got).quietly().run()

    def _got(self, state: LeaseState) -> None:
        was, self.held = self.held, state.held
        self.state.emit(state)
        if state.held and not was:
            self.taken_over.emit()

    def release(self) -> None:
        """On close: the next desk takes over at once instead of waiting for expiry."""
        self._timer.stop()
        if self.held:
            with contextlib.suppress(Exception):
                self.ui.desk.leases.release(self._account(), self.lease)
            self.held = False
