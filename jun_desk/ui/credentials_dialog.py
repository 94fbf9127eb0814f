"""First-run and settings dialog for the X credentials. Save writes to the keyring only;
Cancel writes nothing; Forget removes them. Keyring and network calls run in workers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk import secrets
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.items import XUser
from jun_desk.secrets import FIELDS, XCredentials
from jun_desk.ui.context import describe
from jun_desk.ui.workers import run_job


class CredentialsDialog(QDialog):
    saved = Signal(str)  # the account handle
    forgotten = Signal(str)

    def __init__(self, account: str, *,
                 check: Callable[[XCredentials], XUser] | None = None,
                 parent: QWidget | None = None) -> None:
        """``check``: the connection test (who the keys speak for; XApiError otherwise),
        given by the composition root, which knows the X adapter; without it the dialog
        has no test button's work to do and hides it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Credenciales de X"))
        self.setModal(True)
        self._check = check
        self._pool = QThreadPool(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Las claves de la cuenta del Ayuntamiento se guardan solo en el llavero del "
            "sistema, nunca en la base de datos ni en ficheros."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.account = QLineEdit(account, self)
        self.account.setObjectName("account")
        form.addRow(self.tr("Cuenta (sin @)"), self.account)
        self.fields: dict[str, QLineEdit] = {}
        labels = {
            "consumer_key": self.tr("Clave de API (API key)"),
            "consumer_secret": self.tr("Secreto de API (API key secret)"),
            "access_token": self.tr("Token de acceso (access token)"),
            "access_token_secret": self.tr("Secreto del token (access token secret)"),
        }
        for name in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update_buttons)
            form.addRow(labels[name], edit)
            self.fields[name] = edit
        layout.addLayout(form)
        self.result_label = QLabel("", self)
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.test_button = QPushButton(self.tr("Probar conexión"), self)
        self.forget_button = QPushButton(self.tr("Olvidar credenciales"), self)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.test_connection)
        self.forget_button.clicked.connect(self.forget)
        self.test_button.setVisible(check is not None)
        layout.addWidget(self.buttons)
        self._update_buttons()

    # ------------------------------------------------------------------ helpers
    def credentials(self) -> XCredentials | None:
        values = [self.fields[name].text().strip() for name in FIELDS]
        return XCredentials(*values) if all(values) else None

    def handle(self) -> str:
        return self.account.text().strip().lstrip("@")

    def _update_buttons(self) -> None:
        complete = self.credentials() is not None and bool(self.handle())
        self.save_button.setEnabled(complete)
        self.test_button.setEnabled(complete)

    def _busy(self, text: str) -> None:
        self.result_label.setText(text)
        for button in (self.save_button, self.test_button, self.forget_button):
            button.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.result_label.setText(text)
        self.forget_button.setEnabled(True)
        self._update_buttons()

    # ------------------------------------------------------------------ actions
    def test_connection(self) -> None:
        creds, check = self.credentials(), self._check
        if creds is None or check is None:
            return
        self._busy(self.tr("Probando la conexión con X…"))
        run_job(self._pool, lambda: check(creds),
                lambda me: self._idle(self.tr("Conectado como @%s (%s)") % (me.handle,
                                                                            me.name)),
                lambda err: self._idle(self.tr("No se pudo conectar: %s") % describe(err)))

    def save(self) -> None:
        creds, handle = self.credentials(), self.handle()
        if creds is None or not handle:
            return
        self._busy(self.tr("Guardando en el llavero…"))
        run_job(self._pool, lambda: secrets.store_credentials(handle, creds),
                lambda _none: self._saved(handle), self._keyring_failed)

    def _saved(self, handle: str) -> None:
        self._idle(self.tr("Guardado en el llavero."))
        self.saved.emit(handle)
        self.accept()

    def _keyring_failed(self, err: Exception) -> None:
        self._idle(describe(err))
        if isinstance(err, JunDeskError):
            QMessageBox.warning(self, self.tr("Llavero no disponible"), describe(err))

    def forget(self) -> None:
        handle = self.handle()
        if not handle:
            return
        self._busy(self.tr("Borrando del llavero…"))
        run_job(self._pool, lambda: secrets.clear_credentials(handle),
                lambda n: self._forgotten(handle, n), self._keyring_failed)

    def _forgotten(self, handle: str, removed: int) -> None:
        for edit in self.fields.values():
            edit.clear()
        self._idle(self.tr("Credenciales de @%s borradas (%d entradas).") % (handle, removed))
        self.forgotten.emit(handle)

    def done(self, result: int) -> None:
        self._pool.waitForDone(30_000)
        super().done(result)


def keyring_missing_box(err: BaseException) -> tuple[QMessageBox, QPushButton]:
    """At start: no keyring for the X credentials. The message in the window's language,
    and a button to open the desk on the sandbox instead (returned) or leave. Escape (and
    the title bar's close) press nothing: leaving is a button, never a key pressed by habit."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Jun Desk", describe(err))
    box.setWindowTitle(QCoreApplication.translate("CredentialsDialog", "Llavero no disponible"))
    use_sandbox = box.addButton(
        QCoreApplication.translate("CredentialsDialog", "Usar el sandbox"),
        QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("CredentialsDialog", "Salir"),
                  QMessageBox.ButtonRole.DestructiveRole)  # no RejectRole: not Escape's
    box.setDefaultButton(use_sandbox)
    return box, use_sandbox


# What the start does after the first credentials dialog was cancelled.
AFTER_CANCEL = ("keys", "sandbox", "quit")


def cancelled_box() -> tuple[QMessageBox, dict[str, QPushButton]]:
    """The first credentials dialog was cancelled (no keys in the keyring): what that means,
    and the choices — type the keys after all (the default, and Escape's: nothing is lost
    by it), practise on the sandbox, or quit."""
    box = QMessageBox(QMessageBox.Icon.Information, "Jun Desk", QCoreApplication.translate(
        "CredentialsDialog",
        "No se guardaron claves de X. Sin ellas Jun Desk no puede leer ni contestar a la "
        "cuenta del Ayuntamiento.\n\nPuede escribir las claves ahora, practicar con el "
        "sandbox (un día de prueba, sin X ni internet) o salir."))
    box.setObjectName("credentials-cancelled")
    box.setWindowTitle(QCoreApplication.translate("CredentialsDialog", "Sin credenciales de X"))
    words = {"keys": (QCoreApplication.translate("CredentialsDialog", "Escribir las claves…"),
                      QMessageBox.ButtonRole.AcceptRole),
             "sandbox": (QCoreApplication.translate("CredentialsDialog", "Usar el sandbox"),
                         QMessageBox.ButtonRole.ActionRole),
             "quit": (QCoreApplication.translate("CredentialsDialog", "Salir"),
                      QMessageBox.ButtonRole.DestructiveRole)}
    buttons = {name: box.addButton(text, role) for name, (text, role) in words.items()}
    box.setDefaultButton(buttons["keys"])
    box.setEscapeButton(buttons["keys"])
    return box, buttons


def ask_after_cancel(parent: QWidget | None) -> str:
    """One of ``AFTER_CANCEL``: what the person chose once the first credentials dialog
    was cancelled."""
    box, buttons = cancelled_box()
    box.setParent(parent, box.windowFlags())
    box.exec()
    clicked = box.clickedButton()
    return next((name for name, button in buttons.items() if button is clicked), "keys")
