"""Resolver asks first, and offers to tell the citizen: the canned "resolved" reply in the
citizen's language (what they wrote decides, Spanish by default), editable, publicly when
they wrote in public and by DM otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.tickets import TicketView
from jun_desk.domain.tweet_length import MAX_DM_LENGTH, MAX_WEIGHTED_LENGTH, weighted_length


class ResolveDialog(QDialog):
    def __init__(self, ticket: TicketView, text: str, reply_language: str, *,
                 can_reply: bool, can_dm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolver el ticket #%d") % ticket.id)
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("¿Resolver el ticket #%d «%s»?") % (ticket.id, ticket.title),
                          self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.notify = QCheckBox(self.tr("Avisar al vecino"), self)
        self.notify.setChecked(can_reply or can_dm)
        self.notify.setEnabled(can_reply or can_dm)
        layout.addWidget(self.notify)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Cómo avisar"))
        if can_reply:
            self.kind.addItem(self.tr("Respuesta pública a su mención"), "reply")
        if can_dm:
            self.kind.addItem(self.tr("Mensaje directo"), "dm")
        layout.addWidget(self.kind)
        names = {"es": self.tr("en español"), "en": self.tr("en inglés")}
        self.language_label = QLabel(self.tr("Respuesta preparada «Resuelto», %s (el idioma "
                                             "en que escribió el vecino):")
                                     % names.get(reply_language, reply_language), self)
        self.language_label.setWordWrap(True)
        layout.addWidget(self.language_label)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Texto para el vecino"))
        self.text.setPlainText(text)
        self.text.setMaximumHeight(110)
        layout.addWidget(self.text)
        self.problem = QLabel("", self)
        self.problem.setStyleSheet("color: #c62828;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.resolve_button = self.buttons.addButton(
            self.tr("Resolver"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.resolve_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (self.notify.toggled, self.kind.currentIndexChanged,
                       self.text.textChanged):
            signal.connect(lambda *_: self._update())
        self._update()
        self.resolve_button.setFocus()
        self.resize(520, 320)

    def message(self) -> tuple[str, str] | None:
        """(kind, text) to send with the resolution, or None."""
        if not self.notify.isChecked() or self.kind.currentData() is None:
            return None
        text = self.text.toPlainText().strip()
        return (str(self.kind.currentData()), text) if text else None

    def _update(self) -> None:
        on = self.notify.isChecked()
        self.kind.setEnabled(on)
        self.text.setEnabled(on)
        text = self.text.toPlainText().strip()
        problem = ""
        if on and self.kind.currentData() == "reply" and \
                weighted_length(text) > MAX_WEIGHTED_LENGTH:
            problem = self.tr("La respuesta pasa de %d caracteres") % MAX_WEIGHTED_LENGTH
        elif on and self.kind.currentData() == "dm" and len(text) > MAX_DM_LENGTH:
            problem = self.tr("El DM pasa de %d caracteres") % MAX_DM_LENGTH
        self.problem.setText(problem)
        self.resolve_button.setText(self.tr("Resolver y avisar") if on and text
                                    else self.tr("Resolver"))
        self.resolve_button.setEnabled(not problem)
