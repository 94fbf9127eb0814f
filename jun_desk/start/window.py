"""The desk's window on screen first: ``run_gui`` creates the application and shows the
main window (title, menus, "Abriendo la mesa…" in its body) with only PySide6 and a few
light modules loaded; ``DeskStart`` then walks the start's steps behind it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from jun_desk.config import default_account
from jun_desk.start.options import GuiOptions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

EXPOSE_FALLBACK_MS = 2000  # a window not exposed by then (minimised): the desk opens anyway


def run_gui(options: GuiOptions, *, on_shown: Callable[[], None] | None = None) -> int:
    """The desk window. ``on_shown``: what waits until it is on screen (the command
    line's folders and log file)."""
    from jun_desk.ui.platform_check import display_problem

    problem = display_problem()
    if problem:
        print(f"jun-desk: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("Jun Desk")
    app.setOrganizationName("Ayuntamiento de Jun")
    from jun_desk.start.driver import DeskStart
    from jun_desk.ui import i18n
    from jun_desk.ui.main_window import MainWindow, SessionOptions

    i18n.install(app, options.language)
    # The window first, with what is known without the database: where the desk
    # connects (the title) and whether it is training.
    label = "sandbox" if options.sandbox else f"@{options.account or default_account()}"
    window = MainWindow(source=label, session=SessionOptions(training=options.sandbox))
    start = DeskStart(app, window, options)
    start.on_shown = on_shown
    window.show()
    quit_when_shown = os.environ.get("JUN_DESK_QUIT_WHEN_SHOWN") == "1"
    start.announce = quit_when_shown or os.environ.get("JUN_DESK_QUIT_WHEN_READY") == "1"
    start.quit_when_ready = not quit_when_shown and start.announce
    when_exposed(window, start.step(start.shown))
    _quit_on_signals(window)
    try:
        code = app.exec()
    finally:
        _default_signals()  # no event loop now: Ctrl-C and SIGTERM end the process
        start.close()
    if start.failure is not None:
        raise start.failure  # the command line says it on stderr, as before the window
    if start.code is not None:
        return start.code
    if not window.attached and not start.announce:
        return 1  # closed at the first sign-in or while the desk was opening
    return code


def when_exposed(window: QWidget, then: Callable[[], None],
                 fallback_ms: int = EXPOSE_FALLBACK_MS) -> None:
    """``then()`` once ``window`` is really on screen (exposed), from the event loop; or
    after ``fallback_ms`` if it is not (started minimised, on a locked session): the desk
    still opens, signs in its system user and polls X. Once, whichever comes first."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow

    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            then()

    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, once)
        return

    class Exposed(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) \
                    and watched.isExposed():
                watched.removeEventFilter(self)
                QTimer.singleShot(0, once)
            return False

    (handle or window).installEventFilter(Exposed(window))
    QTimer.singleShot(fallback_ms, once)


def _default_signals() -> None:
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


def _quit_on_signals(window: QWidget) -> None:
    """Ctrl-C or SIGTERM close the window as the close button does (layout saved, poller
    stopped, lease released) instead of a traceback in whatever slot was running."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: QTimer.singleShot(0, lambda: close_all(window)))
    tick = QTimer(window)  # lets the interpreter run its signal handlers now and then
    tick.timeout.connect(lambda: None)
    tick.start(250)


def close_all(window: QWidget) -> None:
    """The window closed, and first any dialog open over it (as Cancel): a dialog the start
    is waiting on (the credentials, the choices after Cancel) would keep the process alive
    behind a closed window."""
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    window.close()
