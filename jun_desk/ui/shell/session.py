"""Who is at the desk: the Sesión menu (lock, switch operator, passwords, first-access
codes), the lock itself and the idle lock. Locking hides the desk behind the sign-in;
whoever signs in gets their own role, layout and filters (``Desk.hide``/``Desk.show``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu

from jun_desk.domain.roles import Actor
from jun_desk.ui.context import describe

if TYPE_CHECKING:
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.shell.options import SessionOptions
    from jun_desk.ui.sign_in import SignInPanel


class Desk(Protocol):
    """What the lock hides and shows again (the desk inside the window)."""

    def hide(self) -> None: ...

    def show(self, actor: Actor) -> None: ...


class SessionControl(QObject):
    """The Sesión menu's actions and the lock. ``locked``: the desk is behind the sign-in."""

    def __init__(self, window: QMainWindow, ui: UiContext, options: SessionOptions,
                 sign_in: SignInPanel, desk: Desk, title: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.ui, self.options, self.sign_in = window, ui, options, sign_in
        self.desk, self._title = desk, title
        self.locked = False
        self.lock_action = QAction(self.tr("Bloquear"), window)
        self.lock_action.setObjectName("lock-action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # Also from a floating dock (a window of its own) or an open dialog of the desk.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock())
        self.switch_action = QAction(self.tr("Cambiar de operador…"), window)
        self.switch_action.triggered.connect(self.switch_operator)
        self.password_action = QAction(self.tr("Cambiar mi contraseña…"), window)
        self.password_action.triggered.connect(lambda: self._password_dialog(False))
        self.reset_action = QAction(self.tr("Restablecer la contraseña de…"), window)
        self.reset_action.triggered.connect(lambda: self._password_dialog(True))
        self.code_action = QAction(self.tr("Código de primer acceso para…"), window)
        self.code_action.setObjectName("first-code-action")
        self.code_action.triggered.connect(self.issue_first_code)
        sign_in.signed_in.connect(self.unlocked)
        ui.session_ended.connect(self._session_ended)
        self.idle = IdleLock(self, options.idle_minutes, options.clock)

    def fill(self, menu: QMenu) -> None:
        for action in self.actions():
            menu.addAction(action)
            self.window.addAction(action)

    def actions(self) -> list[QAction]:
        return [self.lock_action, self.switch_action, self.password_action,
                self.reset_action, self.code_action]

    def apply_role(self, actor: Actor) -> None:
        supervisor = actor.is_supervisor
        for action, shown in ((self.reset_action, supervisor),
                              (self.code_action, supervisor and not self.options.training)):
            action.setVisible(shown)
            action.setEnabled(shown)
        self.password_action.setVisible(not self.options.training)

    # ------------------------------------------------------------------ the lock
    def lock(self, message: str = "", *, switch: bool = False, audit: bool = True) -> None:
        """Hide the board, feed, ticket, DMs and dashboard behind the sign-in. The person
        who locked types their password to go on; anyone else may sign in instead."""
        if self.locked:
            if switch:
                self.sign_in.prepare("switch", self.ui.actor, message=message)
            return
        actor = self.ui.actor
        if close_dialogs():
            closed = self.tr("Las ventanas que estaban abiertas se cerraron sin hacer nada "
                             "(como Cancelar).")
            message = f"{message} {closed}" if message else closed
        self.desk.hide()
        self.locked = True
        for action in self.actions():
            action.setEnabled(False)
        self.sign_in.prepare("switch" if switch else "unlock", actor,
                             name="" if switch else actor.username, message=message)
        self._title()
        if audit:
            desk = self.ui.desk
            self.sign_in.queue(lambda: desk.operators.record_session(actor, "lock"),
                               self._lock_not_recorded)

    def _lock_not_recorded(self, err: Exception) -> None:
        from jun_desk.domain.errors import SessionEndedError

        if isinstance(err, SessionEndedError):
            self._session_ended(describe(err))

    def switch_operator(self) -> None:
        """Someone else takes the desk without a restart."""
        self.lock(switch=True)

    def _session_ended(self, text: str) -> None:
        self.lock(text, switch=True, audit=False)

    def unlocked(self, actor: Actor) -> None:
        """``actor`` signed in on the lock screen: the same person goes on where they
        were; someone else gets their own role, layout and filters, and the drafts of
        the one before are cleared."""
        self.locked = False
        for action in self.actions()[:4]:  # the first-access code follows the role
            action.setEnabled(True)
        self.desk.show(actor)
        self.idle.touch()
        self._title()

    # ------------------------------------------------------------------ passwords
    def _password_dialog(self, reset: bool) -> None:
        from jun_desk.ui.password_dialog import PasswordDialog

        PasswordDialog(self.ui, reset=reset, parent=self.window).exec()

    def issue_first_code(self) -> None:
        from jun_desk.ui.first_code_dialog import FirstCodeDialog

        FirstCodeDialog(self.ui, parent=self.window).exec()


def close_dialogs() -> int:
    """Every open dialog closed as if cancelled, before the lock: a modal one would stay
    in front of the lock screen (a citizen's data on a locked desk) and keep the keyboard
    from the sign-in. Its caller goes on as after Cancel: nothing is done. How many were
    closed."""
    closed = 0
    for _round in range(3):  # a dialog that opened another as it closed
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QDialog) and w.isVisible()]
        for dialog in dialogs:
            dialog.reject()
            if dialog.isVisible():  # a dialog that refuses to close is hidden anyway
                dialog.hide()
        closed += len(dialogs)
        if not dialogs:
            break
    return closed


class IdleLock(QObject):
    """Locks the desk after a while with no key, click, wheel or mouse move in the
    application. ``check()`` is what the timer calls; tests call it after moving their
    clock."""

    def __init__(self, session: SessionControl, minutes: float,
                 clock: Callable[[], float]) -> None:
        super().__init__(session)
        self.session = session
        self.seconds = minutes * 60
        self.clock = clock
        self.last_input = clock()
        self._input = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                                 QEvent.Type.MouseMove, QEvent.Type.Wheel,
                                 QEvent.Type.TouchBegin})
        self.timer = QTimer(self)
        if self.seconds > 0:
            self.timer.setInterval(int(min(30.0, max(1.0, self.seconds / 4)) * 1000))
            self.timer.timeout.connect(self.check)
            self.timer.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._input:
            self.last_input = self.clock()
            if event.type() == QEvent.Type.KeyPress and self._lock_key_in_modal(event):
                return True
        return False

    def _lock_key_in_modal(self, event: QEvent) -> bool:
        """Ctrl+L typed in a modal dialog: Qt gives no shortcut of the window to a widget
        a modal dialog blocks, so the lock is pressed here (the lock closes the dialog)."""
        session = self.session
        if session.locked or QApplication.activeModalWidget() is None:
            return False
        lock = session.lock_action
        typed = QKeySequence(cast(QKeyEvent, event).keyCombination())  # a key press
        if typed != lock.shortcut() or not lock.isEnabled():
            return False
        lock.trigger()
        return True

    def touch(self) -> None:
        self.last_input = self.clock()

    def check(self) -> None:
        if self.seconds <= 0 or self.session.locked:
            return
        if self.clock() - self.last_input >= self.seconds:
            self.session.lock(self.tr("Bloqueado tras %d min sin actividad.")
                              % round(self.seconds / 60))

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
