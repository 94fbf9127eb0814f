"""Unexpected failures in the window: a crash report and a dialog saying where it is.

``CrashReporter.install()`` sets ``sys.excepthook`` (a bug in a slot or on the GUI thread)
and ``threading.excepthook`` (a bug on any other thread); a bug in a background job reaches
``report`` through ``UiContext.bug``. Each writes the command line's crash report (the
traceback with secrets masked, in the log folder) and shows one dialog with its path — from
any thread, the dialog always on the GUI thread. The desk keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

WriteReport = Callable[..., Path]  # (err, *, context="") -> the report's path


class CrashReporter(QObject):
    crashed = Signal(str, str)  # the report's path, the error in one line

    def __init__(self, window: QWidget, write_report: WriteReport) -> None:
        super().__init__(window)
        self._window = window
        self._write = write_report
        self._box: QMessageBox | None = None
        self._more = 0
        self._previous: tuple[Any, Any] | None = None
        # Emitted from any thread; delivered on the GUI thread (the reporter lives there).
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ hooks
    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _excepthook(self, kind: type[BaseException], err: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, err, tb)
            return
        self.report(err.with_traceback(tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_value.with_traceback(args.exc_traceback),
                    context=f"In thread {name}")

    # ------------------------------------------------------------------ reporting
    def report(self, err: BaseException, context: str = "") -> Path | None:
        """Log the traceback, write the crash report, show the dialog. Never raises."""
        log.error("Unexpected error%s", f" ({context})" if context else "", exc_info=err)
        try:
            path = self._write(err, context=context)
        except Exception:  # no report: the log has the traceback
            log.exception("The crash report could not be written")
            return None
        self.crashed.emit(str(path), f"{type(err).__name__}: {err}"[:300])
        return path

    def _show(self, path: str, line: str) -> None:
        text = self.tr("Jun Desk encontró un error inesperado y sigue funcionando. Los "
                       "detalles están en:\n%s\n\n%s") % (path, line)
        if self._box is not None and self._box.isVisible():
            self._more += 1  # one dialog at a time: a storm of errors is counted in it
            self._box.setText(text + "\n\n" + self.tr("(y %d errores más)") % self._more)
            return
        self._more = 0
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Error inesperado"), text,
                          QMessageBox.StandardButton.Close, self._window)
        box.setObjectName("crash-dialog")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the error may quote a citizen's text
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "_box", None))
        self._box = box
        box.open()  # not exec(): the desk keeps running behind it

    @property
    def dialog(self) -> QMessageBox | None:
        return self._box
