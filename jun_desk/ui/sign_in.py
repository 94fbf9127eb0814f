"""Who is at the desk: a name and a password, typed — never a list of people with a
supervisor one click away. The same panel opens the desk, unlocks it and lets someone
else take over. An account with no password yet signs in with the first-access code a
supervisor issued, then chooses its password; the wait after wrong attempts counts down.

The first sign-in may be on screen before the desk's data layer has loaded (``desk=None``,
then ``attach_desk``): it is typed in at once, and Entrar pressed before the database is
open waits for it. This module loads nothing of the data layer itself."""

from __future__ import annotations

import getpass
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.errors import SignInError
from jun_desk.domain.passwords import MAX_LENGTH, PasswordPolicy, PasswordRejected
from jun_desk.ui.workers import run_job

if TYPE_CHECKING:  # the data layer loads behind a sign-in already on screen
    from jun_desk.domain.roles import Actor
    from jun_desk.services.desk import Desk


def describe(err: BaseException) -> str:
    """The line a person reads for ``err`` (the error texts loaded when one is said)."""
    from jun_desk.ui.error_texts import render

    return render(err)


def rejected_text(reason: str) -> str:
    """Why the password policy refused a new password, in the desk's language."""
    words = {
        "empty": QCoreApplication.translate("SignIn", "La contraseña está vacía."),
        "too_long": QCoreApplication.translate(
            "SignIn", "La contraseña es demasiado larga (como máximo %d caracteres).")
        % MAX_LENGTH,
        "control": QCoreApplication.translate(
            "SignIn", "La contraseña contiene caracteres de control."),
        "pin": QCoreApplication.translate(
            "SignIn", "El PIN debe tener al menos 6 cifras, solo cifras."),
        "short": QCoreApplication.translate(
            "SignIn", "La contraseña debe tener al menos 8 caracteres."),
    }
    return words.get(reason, reason)


def duration_text(seconds: int) -> str:
    """``45 s``, ``2 min 05 s``: what is left of a wait."""
    if seconds < 60:
        return QCoreApplication.translate("SignIn", "%d s") % seconds
    return QCoreApplication.translate("SignIn", "%d min %02d s") % divmod(seconds, 60)


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (some containers)
        return ""


class SignInPanel(QWidget):
    """Name and password; ``signed_in(Actor)`` when they are right. ``purpose`` is what the
    audit trail records: the first sign-in, unlocking, or someone else taking over.

    ``training``: the sandbox's no-password mode (a name is enough). ``clock``: seconds,
    for the countdown of the wait after wrong attempts (tests pass their own). ``desk``
    None: the database is still opening (``attach_desk`` once it is)."""

    signed_in = Signal(object)

    def __init__(self, desk: Desk | None, parent: QWidget | None = None, *, training: bool = False,
                 os_user: str | None = None,
                 policy: PasswordPolicy | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("sign-in")
        self.desk = desk
        self.training = training
        self.os_user = os_user  # set when the desk lets a bound system user in
        self._own_policy = policy is not None
        self.policy = policy or (desk.operators.policy if desk is not None
                                 else PasswordPolicy())
        self._pending: Callable[[], None] | None = None  # Entrar pressed before the desk
        self.purpose = "sign_in"
        self.previous: Actor | None = None
        self.code_mode = False  # the name typed has no password: the field takes a code
        self.first_password = False  # the code was right: choosing the password now
        self.code = ""  # the right code, until the password is chosen
        self._typed = ""
        self.busy = False
        self.clock = clock
        # The wait after wrong attempts, counted down once a second.
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self._waiting: tuple[SignInError, float] | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._build_fields()
        self._arrange()
        for field in (self.name, self.password, self.new_password, self.repeat):
            field.returnPressed.connect(self.submit)
        self.name.textEdited.connect(self._name_edited)
        self.prepare()

    def _build_fields(self) -> None:
        """The title, the name, the password (or first-access code), the new password
        twice, the message and the buttons."""
        self.title = QLabel(self)
        self.title.setObjectName("sign-in-title")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("sign-in-name")
        self.name.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setObjectName("sign-in-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_LENGTH + 1)  # one more: "too long" is then said
        self.new_password = QLineEdit(self)
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setMaxLength(MAX_LENGTH + 1)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setMaxLength(MAX_LENGTH + 1)
        self.message = QLabel("", self)
        self.message.setObjectName("sign-in-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.button = QPushButton(self.tr("Entrar"), self)
        self.button.setObjectName("sign-in-button")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.system_button = QPushButton(self)
        self.system_button.clicked.connect(self.submit_system)

    def _arrange(self) -> None:
        """The fields under their labels in a box of readable width, centred."""
        form = QFormLayout()
        self.password_label = QLabel(self.tr("Contraseña"), self)
        self.new_label = QLabel(self)
        self.repeat_label = QLabel(self.tr("Repítala"), self)
        form.addRow(self.tr("Usuario"), self.name)
        form.addRow(self.password_label, self.password)
        form.addRow(self.new_label, self.new_password)
        form.addRow(self.repeat_label, self.repeat)
        for label, field in ((self.password_label, self.password),
                             (self.new_label, self.new_password),
                             (self.repeat_label, self.repeat)):
            label.setBuddy(field)  # a screen reader names the field by its label
        box = QWidget(self)
        box.setMinimumWidth(380)
        box.setMaximumWidth(480)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addLayout(form)
        inner.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.system_button)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # ------------------------------------------------------------------ state
    def prepare(self, purpose: str = "sign_in", previous: Actor | None = None, *,
                name: str = "", message: str = "") -> None:
        """Empty fields for a new sign-in; ``name`` pre-filled to unlock one's own desk."""
        self.purpose, self.previous = purpose, previous
        self.code_mode = self.first_password = False
        self.code = ""
        self._stop_countdown()
        for field in (self.password, self.new_password, self.repeat):
            field.clear()
        self.name.setText(name)
        self.name.setReadOnly(False)
        titles = {"sign_in": self.tr("Entrar en Jun Desk"),
                  "unlock": self.tr("Jun Desk está bloqueado"),
                  "switch": self.tr("Cambiar de operador")}
        self.title.setText(titles.get(purpose, titles["sign_in"]))
        if self.training:
            self.subtitle.setText(self.tr(
                "Modo formación (sandbox): basta con el nombre de usuario, sin contraseña: "
                "«formacion» (supervisor) o «practicas» (operador)."))
        elif purpose == "unlock":
            self.subtitle.setText(self.tr(
                "Escriba su contraseña para seguir, u otro usuario y su contraseña para "
                "cambiar de operador."))
        else:
            self.subtitle.setText(self.tr("Escriba su usuario y su contraseña."))
        self.message.setText(message)
        self.system_button.setText(self.tr("Entrar como el usuario del sistema (%s)")
                                   % (self.os_user or ""))
        self.system_button.setVisible(bool(self.os_user) and not self.training)
        self._show_fields()
        (self.password if name else self.name).setFocus()

    def _show_fields(self) -> None:
        show_password = not self.training and not self.first_password
        self.password.setVisible(show_password)
        self.password_label.setVisible(show_password)
        for widget in (self.new_password, self.new_label, self.repeat, self.repeat_label):
            widget.setVisible(self.first_password)
        self.password_label.setText(self.tr("Código de primer acceso") if self.code_mode
                                    else self.tr("Contraseña"))
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if self.code_mode
                                  else QLineEdit.EchoMode.Password)
        self.new_label.setText(self.tr("Nuevo PIN") if self.policy.pin
                               else self.tr("Nueva contraseña"))
        self.button.setText(self.tr("Guardar y entrar") if self.first_password
                            else self.tr("Entrar"))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button.setEnabled(not busy)
        self.system_button.setEnabled(not busy)

    def attach_desk(self, desk: Desk, *, pending: bool = True) -> None:
        """The database is open: its password policy applies, and an Entrar pressed
        while it opened is carried out now (``pending=False``: dropped, nobody is asked
        to sign in after all)."""
        self.desk = desk
        if not self._own_policy:
            self.policy = desk.operators.policy
        waiting, self._pending = self._pending, None
        if waiting is None:
            self._show_fields()
            return
        self._set_busy(False)
        self.message.setText("")
        self._show_fields()
        if pending:
            waiting()

    def _wait_for_desk(self, then: Callable[[], None]) -> bool:
        """Entrar before the database is open: said, and done once it is."""
        if self.desk is not None:
            return False
        self._stop_countdown()
        self._pending = then
        self._set_busy(True)
        self.message.setStyleSheet("color: palette(text);")
        self.message.setText(self.tr("Abriendo la base de datos…"))
        return True

    # ------------------------------------------------------------------ actions
    def submit(self) -> None:
        if self.busy or self._wait_for_desk(self.submit):
            return
        assert self.desk is not None
        operators = self.desk.operators
        name, purpose, previous = self.name.text().strip(), self.purpose, self.previous
        self._stop_countdown()
        if self.training:
            if not name:
                self.message.setText(self.tr("Escriba su nombre de usuario."))
                return
            self._run(lambda: operators.actor(name))
            return
        if self.first_password:
            new, again = self.new_password.text(), self.repeat.text()
            if new != again:
                self.message.setText(self.tr("Las dos contraseñas no coinciden."))
                return
            try:
                self.policy.check(new)
            except PasswordRejected as err:
                self.message.setText(self.rejected_text(err.reason))
                return
            code = self.code
            self._run(lambda: operators.set_first_password(name, code, new, purpose=purpose,
                                                           previous=previous))
            return
        password = self.password.text()
        self._typed = password  # the code, if the service says it is one
        self._run(lambda: operators.sign_in(name, password, purpose=purpose,
                                            previous=previous))

    def submit_system(self) -> None:
        if self._wait_for_desk(self.submit_system):
            return
        assert self.desk is not None
        operators, user = self.desk.operators, self.os_user or ""
        purpose, previous = self.purpose, self.previous

        def work() -> Actor:
            actor = operators.sign_in_system(user, purpose=purpose, previous=previous)
            if actor is None:
                raise SignInError("No operator is bound to this system user", "no_system")
            return actor

        self._run(work)

    def _run(self, work: Callable[[], Any]) -> None:
        self._set_busy(True)
        self.message.setText(self.tr("Comprobando…"))
        self.message.setStyleSheet("color: palette(text);")
        run_job(self._pool, work, self._done, self._failed)

    def _done(self, actor: Actor) -> None:
        self._set_busy(False)
        self.message.setText("")
        self.password.clear()
        self.new_password.clear()
        self.repeat.clear()
        self.code_mode = self.first_password = False
        self.code = self._typed = ""
        self._show_fields()
        self.signed_in.emit(actor)

    def _failed(self, err: Exception) -> None:
        self._set_busy(False)
        self.message.setStyleSheet("color: #c62828;")
        self.password.clear()
        typed, self._typed = self._typed, ""
        if isinstance(err, SignInError):
            if err.reason in ("no_password", "no_code", "code_expired"):
                self.code_mode, self.first_password = True, False
                self._show_fields()
                self.password.setFocus()
            elif err.reason == "choose_password":  # the code was right
                self.code_mode = self.first_password = True
                self.code = typed
                self._show_fields()
                self.new_password.setFocus()
            elif err.reason == "has_password":
                self.code_mode = self.first_password = False
                self._show_fields()
                self.password.setFocus()
            elif err.reason == "wrong" and self.first_password:  # the code, checked again
                self.first_password, self.code = False, ""
                self._show_fields()
                self.password.setFocus()
            self.message.setText(self.refusal_text(err))
            if err.reason in ("no_password", "choose_password"):  # the next step, no fault
                self.message.setStyleSheet("color: palette(text);")
            if err.wait_seconds:
                self._waiting = (err, self.clock() + err.wait_seconds)
                self.countdown.start()
        elif isinstance(err, PasswordRejected):
            self.message.setText(self.rejected_text(err.reason))
        else:
            self.message.setText(describe(err))

    # ------------------------------------------------------------------ words
    def _name_edited(self) -> None:
        """Another name: back to name and password."""
        if self.code_mode or self.first_password:
            self.code_mode = self.first_password = False
            self.code = ""
            self.password.clear()
            self._show_fields()

    def _tick(self) -> None:
        """The wait after wrong attempts, one second less; then that one may try again."""
        if self._waiting is None:
            self.countdown.stop()
            return
        err, until = self._waiting
        left = math.ceil(until - self.clock())
        if left <= 0:
            self._stop_countdown()
            self.message.setText(self.tr("Ya puede volver a intentarlo."))
            return
        self.message.setText(self.refusal_text(err, left))

    def _stop_countdown(self) -> None:
        self._waiting = None
        self.countdown.stop()

    def refusal_text(self, err: SignInError, seconds: int | None = None) -> str:
        """Why a sign-in was refused; ``seconds``: what is left of the wait (the countdown)."""
        left = duration_text(err.wait_seconds if seconds is None else seconds)
        if err.reason == "no_password":
            return self.tr("Esta cuenta aún no tiene contraseña: escriba el código de primer "
                           "acceso que le dio un supervisor.")
        if err.reason == "choose_password":
            what = self.tr("un PIN de al menos 6 cifras") if self.policy.pin \
                else self.tr("una contraseña de al menos 8 caracteres")
            return self.tr("Código correcto. Es su primer acceso: elija %s y escríbala dos "
                           "veces.") % what
        if err.reason in ("no_code", "code_expired"):
            return describe(err)
        if err.reason == "has_password":
            return self.tr("Esta cuenta ya tiene contraseña: escríbala.")
        if err.reason == "empty":
            return self.tr("Escriba su nombre de usuario y su contraseña.")
        if err.reason == "no_system":
            return self.tr("Ningún operador está asociado a este usuario del sistema.")
        if err.reason == "wait":
            return self.tr("Demasiados intentos fallidos: espere %s y vuelva a "
                           "intentarlo.") % left
        text = self.tr("La contraseña es demasiado larga (como máximo %d caracteres).") \
            % MAX_LENGTH if err.reason == "too_long" \
            else self.tr("Código incorrecto.") if self.code_mode \
            else self.tr("Usuario o contraseña incorrectos.")
        if err.wait_seconds:
            text += " " + self.tr("Demasiados intentos fallidos: espere %s antes del "
                                  "siguiente.") % left
        return text

    def rejected_text(self, reason: str) -> str:
        return rejected_text(reason)

    def queue(self, work: Callable[[], Any], on_error: Callable[[Exception], None]) -> None:
        """Run ``work`` on this panel's single thread, before any sign-in typed after it
        (the lock is audited before the unlock that follows it)."""
        run_job(self._pool, work, lambda _result: None, on_error)

    def wait(self) -> None:
        self._pool.waitForDone(30_000)


class SignInDialog(QDialog):
    """The sign-in before the desk opens."""

    def __init__(self, desk: Desk, parent: QWidget | None = None, *, training: bool = False,
                 os_user: str | None = None, title: str = "Jun Desk") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.actor: Actor | None = None
        self.panel = SignInPanel(desk, self, training=training, os_user=os_user)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.signed_in.connect(self._signed_in)
        self.resize(520, 340)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def done(self, result: int) -> None:
        self.panel.wait()
        super().done(result)


def no_operators_text() -> str:
    return QCoreApplication.translate("SignIn",
        "Esta mesa no tiene operadores todavía. Crea el primero con:\n\n"
        "  jun-desk operators add NOMBRE --role supervisor --name \"Nombre Apellido\"\n\n"
        "o abre Jun Desk con --sandbox para practicar.")


def sign_in(desk: Desk, parent: QWidget | None = None, *, training: bool = False,
            system_sign_in: bool = False, title: str = "Jun Desk") -> Actor | None:
    """Who opens the desk: the operator bound to this system user when the desk allows it,
    else whoever types a right name and password (any name in training)."""
    if not desk.operators.list():
        QMessageBox.warning(parent, "Jun Desk", no_operators_text())
        return None
    os_user = system_user() if system_sign_in and not training else None
    if os_user:
        actor = desk.operators.sign_in_system(os_user)
        if actor is not None:
            return actor
        os_user = None  # nobody bound to this system user: the usual sign-in
    operators = desk.operators.list()
    if training and len(operators) == 1:  # the sandbox's own trainee: nothing to ask
        return desk.operators.actor(operators[0].username)
    dialog = SignInDialog(desk, parent, training=training, os_user=os_user, title=title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
