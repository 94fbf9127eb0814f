"""Live refresh: a listener thread turns other desks' commits into signals, and the window
applies them to its models a batch at a time (never a whole reload for one change)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from jun_desk.domain.errors import StorageError
from jun_desk.services.changes import ChangeBatch, ChangeStream
from jun_desk.ui.context import describe

WAIT_SECONDS = 0.25  # how long one wait blocks: also how fast the thread notices a stop
MAX_RETRY_SECONDS = 10.0


class ChangeListener(QThread):
    """Blocks on the database's change stream; reports batches and the connection state."""

    changes = Signal(object)  # ChangeBatch
    connection = Signal(bool, str)  # up?, and why not

    def __init__(self, stream: ChangeStream, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stream = stream

    def run(self) -> None:
        delay, down = 0.5, False
        while not self.isInterruptionRequested():
            try:
                batch = self._stream.next(WAIT_SECONDS)
            except StorageError as err:
                if not down:
                    down = True
                    self.connection.emit(False, describe(err))
                self._pause(delay)
                delay = min(delay * 2, MAX_RETRY_SECONDS)
                continue
            except Exception as err:
                self.connection.emit(False, f"{type(err).__name__}: {err}")
                self._stream.close()
                self._pause(MAX_RETRY_SECONDS)
                continue
            if down:
                down, delay = False, 0.5
                self.connection.emit(True, "")
            if batch is not None:
                self.changes.emit(batch)
        self._stream.close()

    def _pause(self, seconds: float) -> None:
        waited = 0.0
        while waited < seconds and not self.isInterruptionRequested():
            self.msleep(100)
            waited += 0.1

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(5_000)


class ChangeCoalescer(QObject):
    """Batches arriving close together are applied once, ``delay_ms`` after the first."""

    ready = Signal(object)  # ChangeBatch

    def __init__(self, delay_ms: int = 50, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: ChangeBatch | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._flush)

    def add(self, batch: ChangeBatch) -> None:
        self._pending = batch if self._pending is None else self._pending.merged(batch)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        batch, self._pending = self._pending, None
        if batch is not None:
            self.ready.emit(batch)
