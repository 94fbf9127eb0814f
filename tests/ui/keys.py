"""Keyboard helpers for the UI tests: keys go where the focus is, as on a real desk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key to whatever has the keyboard: an open popup menu, else the focus widget."""
    popup = QApplication.activePopupWidget()
    if popup is None and QApplication.activeModalWidget() is None:
        _window_manager(qtbot)
    target = popup or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)


def _window_manager(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What a window manager does when a dialog or popup closes and the offscreen platform
    does not: the main window is active again, its focus widget gets the keys."""
    from jun_desk.ui.main_window import MainWindow

    if isinstance(QApplication.activeWindow(), MainWindow) and QApplication.focusWidget():
        return
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, MainWindow) and w.isVisible()]
    if len(windows) == 1:
        window = windows[0]
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window
                        and QApplication.focusWidget() is not None, timeout=5000)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(target, text)


def on_modal(callback: Callable[[QWidget], None], *, kind: type = QWidget) -> QTimer:
    """Run ``callback(dialog)`` once a modal dialog of ``kind`` is open (dialogs run their
    own event loop, so the keys must be sent from inside it). Polls; no timing decides."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and modal.isVisible():
            timer.stop()
            try:
                callback(modal)
            except BaseException:
                modal.close()  # a failing check must not leave the test waiting forever
                raise

    timer.timeout.connect(check)
    timer.start()
    return timer


def resolving_without_a_message() -> QTimer:
    """Answer the Resolver dialog: resolve, telling the citizen nothing."""
    from jun_desk.ui.resolve_dialog import ResolveDialog

    def answer(dialog: QWidget) -> None:
        dialog.notify.setChecked(False)  # type: ignore[attr-defined]
        dialog.resolve_button.click()  # type: ignore[attr-defined]

    return on_modal(answer, kind=ResolveDialog)
