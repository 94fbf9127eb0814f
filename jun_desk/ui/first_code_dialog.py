"""A supervisor issues a first-access code: the way a new operator (or one who forgot their
password) gets into the desk. The code is shown here once, in large type, and kept nowhere
but as a hash; the person types it at the sign-in and then chooses their password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.passwords import CODE_HOURS
from jun_desk.services.operators import FirstCode, OperatorView
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.operations import Op, Query


class FirstCodeDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Código de primer acceso"))
        self.setMinimumWidth(520)
        self.who = QComboBox(self)
        self.who.setObjectName("first-code-who")
        intro = QLabel(self.tr(
            "El código sirve una sola vez y caduca en %d horas. Con él, la persona entra y "
            "elige su contraseña. Si ya tenía una, deja de valer.") % CODE_HOURS, self)
        intro.setWordWrap(True)
        self.code = QLabel("", self)
        self.code.setObjectName("first-code")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code.setStyleSheet("font-size: 28px; font-weight: 700; font-family: monospace;")
        self.code.hide()
        self.message = QLabel("", self)
        self.message.setObjectName("first-code-message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.issue_button = QPushButton(self.tr("Emitir código"), self)
        self.issue_button.setObjectName("first-code-issue")
        self.issue_button.setDefault(True)
        self.issue_button.setEnabled(False)  # until the operators are listed
        self.issue_button.clicked.connect(self.issue)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.issue_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Operador"), self.who)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        Query(ui, lambda: ui.desk.operators.list()).success(self._operators).run()

    def _operators(self, operators: list[OperatorView]) -> None:
        for op in operators:
            if op.username == self.ui.actor.username:
                continue  # one's own: "Cambiar mi contraseña"
            state = self.tr("sin contraseña") if not op.has_password else ""
            self.who.addItem(f"{op.display_name} — {op.username}"
                             + (f" ({state})" if state else ""), op.username)
        self.issue_button.setEnabled(self.who.count() > 0)

    def issue(self) -> None:
        username = self.who.currentData()
        if not username:
            return
        operators, actor = self.ui.desk.operators, self.ui.actor
        self.issue_button.setEnabled(False)
        self.message.setText(self.tr("Emitiendo…"))
        Op(self.ui, lambda: operators.issue_code(actor, username)).success(
            self._issued).failure(self._failed).quietly().run()

    def _issued(self, issued: FirstCode) -> None:
        self.code.setText(issued.code)
        self.code.show()
        self.adjustSize()  # room for the code, whatever the dialog's first size
        self.who.setEnabled(False)
        until = issued.expires_at.astimezone()
        self.message.setText(self.tr(
            "Código de %s, válido hasta el %s a las %s. Déselo en persona: no se volverá "
            "a mostrar.") % (issued.username, f"{until:%d/%m}", f"{until:%H:%M}"))
        self.ui.message.emit(self.tr("Código de primer acceso emitido para %s")
                             % issued.username)

    def _failed(self, err: Exception) -> None:
        self.issue_button.setEnabled(True)
        self.message.setText(describe(err))
