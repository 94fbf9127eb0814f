"""Change one's own password (with the old one), or — a supervisor — set someone else's."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.passwords import MAX_LENGTH, PasswordRejected
from jun_desk.services.operators import OperatorView
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.sign_in import rejected_text


class PasswordDialog(QDialog):
    def __init__(self, ui: UiContext, *, reset: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.reset = reset
        self.setWindowTitle(self.tr("Restablecer una contraseña") if reset
                            else self.tr("Cambiar mi contraseña"))
        self.who = QComboBox(self)
        self.old = QLineEdit(self)
        self.new = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.old, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(MAX_LENGTH + 1)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.who.setVisible(reset)  # only the field this dialog uses is shown
        self.old.setVisible(not reset)
        form = QFormLayout()
        if reset:
            form.addRow(self.tr("Operador"), self.who)
            Query(ui, lambda: ui.desk.operators.list(include_inactive=True)).success(
                self._operators).run()
        else:
            form.addRow(self.tr("Contraseña actual"), self.old)
        form.addRow(self.tr("Nueva contraseña"), self.new)
        form.addRow(self.tr("Repítala"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _operators(self, operators: list[OperatorView]) -> None:
        for op in operators:
            self.who.addItem(f"{op.display_name} — {op.username}", op.username)

    def save(self) -> None:
        new, again = self.new.text(), self.repeat.text()
        if new != again:
            self.message.setText(self.tr("Las dos contraseñas no coinciden."))
            return
        operators, actor = self.ui.desk.operators, self.ui.actor
        try:
            operators.policy.check(new)
        except PasswordRejected as err:
            self.message.setText(rejected_text(err.reason))
            return
        if self.reset:
            username = self.who.currentData()
            if not username:
                return
            work = lambda: operators.set_password(actor, username, new)  # noqa: E731
        else:
            old = self.old.text()
            work = lambda: operators.change_password(actor, old, new)  # noqa: E731
        self.buttons.setEnabled(False)
        Op(self.ui, work).success(self._saved).failure(self._failed).quietly().run()

    def _saved(self, view: OperatorView) -> None:
        self.ui.message.emit(self.tr("Contraseña guardada para %s") % view.username)
        self.accept()

    def _failed(self, err: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(describe(err))
