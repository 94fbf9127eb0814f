"""The chosen reply and what may be done with it: its text (plain), its flags, the reason
of the published policy, a note for the log, the buttons, the last result, and where
blocks are managed (X's API no longer blocks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.moderation import ActionKind
from jun_desk.services.moderation import ReplyView
from jun_desk.ui import labels
from jun_desk.ui.layout_fit import FlowLayout
from jun_desk.ui.moderation.texts import FLAG_COLOUR, flag_text

BLOCKS_URL = "https://x.com/settings/blocked/all"


class ReplyActions(QWidget):
    """The side of the moderation view; the panel connects the buttons and says, per
    reply, which of them may be used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(90)
        self.text.setPlaceholderText(self.tr("Elija una respuesta"))
        self.flags = QLabel("", self)
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.PlainText)
        form = self._build_choice()
        buttons = self._build_buttons()
        self.feedback = QLabel("", self)
        self.feedback.setObjectName("moderation-feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.blocks = QLabel(self.tr(
            "Bloqueos: la API de X ya no permite bloquear ni desbloquear cuentas; se "
            "gestionan en x.com (%s).") % BLOCKS_URL, self)
        self.blocks.setWordWrap(True)
        self.blocks.setTextFormat(Qt.TextFormat.PlainText)
        self.blocks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.blocks.setStyleSheet("color: #616161;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.flags)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        layout.addWidget(self.blocks)
        self.text.setAccessibleName(self.tr("Texto de la respuesta elegida"))
        self.reason.setAccessibleName(self.tr("Motivo según las normas"))
        self.note.setAccessibleName(self.tr("Nota para el registro"))

    def _build_choice(self) -> QFormLayout:
        """The reason (of the policy) and the note for the log."""
        self.reason = QComboBox(self)
        self.reason.setObjectName("moderation-reason")
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Nota para el registro (opcional)"))
        self.note.setMaxLength(500)
        form = QFormLayout()
        form.addRow(self.tr("Motivo (normas):"), self.reason)
        form.addRow(self.tr("Nota:"), self.note)
        return form

    def _build_buttons(self) -> FlowLayout:
        self.propose_hide = QPushButton(self.tr("Proponer ocultar"), self)
        self.propose_mute = QPushButton(self.tr("Proponer silenciar"), self)
        self.hide_now = QPushButton(self.tr("Ocultar"), self)
        self.mute_now = QPushButton(self.tr("Silenciar cuenta"), self)
        self.undo_button = QPushButton(self.tr("Deshacer"), self)
        self.ticket_button = QPushButton(self.tr("Crear ticket"), self)
        self.ticket_button.setToolTip(self.tr("La respuesta pide algo: se atiende aunque se "
                                              "oculte"))
        actions = FlowLayout(spacing=4)  # wraps in a narrow dock instead of widening it
        for button in self.buttons():
            button.setEnabled(False)
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.propose_hide, self.propose_mute, self.hide_now, self.mute_now,
                self.undo_button, self.ticket_button)

    def fill_reasons(self, policy: Any) -> None:
        """The policy's reasons that allow hiding or muting, worded in the window's
        language, each with its text as tooltip."""
        lang = labels.language()
        self.reason.clear()
        for code, reason in policy.reasons.items():
            if ActionKind.HIDE in reason.actions or ActionKind.MUTE in reason.actions:
                self.reason.addItem(reason.title(lang), code)
                self.reason.setItemData(self.reason.count() - 1, reason.text(lang),
                                        Qt.ItemDataRole.ToolTipRole)

    def show_none(self) -> None:
        self.text.clear()
        self.flags.clear()
        for button in self.buttons():
            button.setEnabled(False)

    def show_reply(self, reply: ReplyView, *, connected: bool, supervisor: bool,
                   direct: bool) -> None:
        """``reply`` and its flags; the detector's reason chosen (a person may change it);
        the buttons enabled for what this person may do to it now."""
        self.text.setPlainText(reply.text)
        self.flags.setText("\n".join(
            f"⚑ {flag_text(f)}" for f in reply.assessment.flags) or self.tr("Sin señales."))
        self.flags.setStyleSheet(f"color: {FLAG_COLOUR.name()};"
                                 if reply.assessment.flagged else "")
        if reply.assessment.flags:
            index = self.reason.findData(reply.assessment.flags[0].category.value)
            if index >= 0:
                self.reason.setCurrentIndex(index)
        self.propose_hide.setEnabled(not reply.hidden and "hide" not in reply.pending_actions)
        self.propose_mute.setEnabled(not reply.muted and "mute" not in reply.pending_actions)
        self.hide_now.setEnabled(connected and direct and not reply.hidden)
        self.mute_now.setEnabled(connected and supervisor and not reply.muted)
        self.undo_button.setEnabled(connected and (reply.hidden or reply.muted))
        self.ticket_button.setEnabled(reply.ticket_id is None)

    def note_text(self) -> str | None:
        return self.note.text().strip() or None

    def reason_code(self) -> str:
        return str(self.reason.currentData())

    def show_done(self, message: str) -> None:
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(message)
        self.note.clear()

    def show_failure(self, message: str) -> None:
        self.feedback.setStyleSheet(f"color: {FLAG_COLOUR.name()};")
        self.feedback.setText(message)
