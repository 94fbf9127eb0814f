"""Keyboard helpers for the UI tests: keys go where the focus is, as on a real desk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key to whatever has the keyboard: an open popup menu, else the focus widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)


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
            callback(modal)

    timer.timeout.connect(check)
    timer.start()
    return timer
