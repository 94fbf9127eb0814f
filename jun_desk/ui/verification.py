"""Verifying residents in the window (issue 27): the counter's dialog (the code the citizen
shows, the identity document checked and its kind, never its number), the supervisor's
note for another channel or a revocation, the citizen panel's words for a verification,
and the ticket pane's warning when a matter needs a verified resident.

The rules and permissions are the services' (``VerificationService``); refusals come back
as coded errors and are worded here in the window's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.canned import VERIFY_HOWTO_REPLY
from jun_desk.domain.verification import Document, Method, RequestedVia, State
from jun_desk.services.verification import CitizenVerification, VerificationView
from jun_desk.ui.context import describe
from jun_desk.ui.labels import language

if TYPE_CHECKING:
    from jun_desk.domain.tickets import TicketView
    from jun_desk.services.tickets import TicketDetail
    from jun_desk.ui.context import UiContext


# lupdate finds the strings by this name (``translate(context, text)``)
translate = QCoreApplication.translate


def document_names() -> dict[Document, str]:
    return {
        Document.DNI: translate("Verification", "DNI"),
        Document.NIE: translate("Verification", "NIE"),
        Document.PASSPORT: translate("Verification", "Pasaporte"),
        Document.RESIDENCE_CARD: translate("Verification", "Tarjeta de residencia"),
        Document.DRIVING_LICENCE: translate("Verification", "Permiso de conducir"),
    }


def _day(at: datetime | None) -> str:
    return at.strftime("%d/%m/%Y") if at is not None else "—"


def _when(at: datetime | None) -> str:
    return at.strftime("%d/%m/%Y %H:%M") if at is not None else "—"


def _how(status: CitizenVerification) -> str:
    how = {Method.COUNTER: translate("Verification", "en el mostrador"),
           Method.OTHER_CHANNEL: translate("Verification", "por otro canal"),
           Method.MANUAL: translate("Verification", "a mano")}.get(status.how, "") \
        if status.how else ""
    latest = status.latest
    if latest is not None and latest.state is State.VERIFIED and latest.document:
        how += f" ({document_names()[latest.document]})"
    return how


def _under_way(latest: VerificationView, now: datetime) -> str:
    """What the latest verification of a citizen who is not verified says."""
    if latest.state is State.REQUESTED:
        via = {RequestedVia.DM: translate("Verification", "por DM"),
               RequestedVia.MENTION: translate("Verification", "por mención"),
               RequestedVia.OPERATOR: translate("Verification", "en la mesa")}[latest.requested_via]
        return translate("Verification", "Pidió verificarse %s el %s: envíale el código") % (
            via, _when(latest.created_at))
    if latest.state is State.CODE_SENT:
        sent = translate("Verification", "enviado") if latest.outbox_status == "sent" \
            else translate("Verification", "en la bandeja")
        expired = latest.code_expires_at is not None and latest.code_expires_at <= now
        text = translate("Verification", "Código %s el %s; caducó el %s") if expired \
            else translate("Verification", "Código %s el %s; caduca el %s")
        return text % (sent, _when(latest.code_sent_at), _when(latest.code_expires_at))
    if latest.state is State.SPENT:
        return translate("Verification", "Último código anulado tras %d intentos fallidos") \
            % latest.attempts
    if latest.state is State.EXPIRED:
        return translate("Verification", "Último código caducado sin usar")
    if latest.state is State.REVOKED:
        return translate("Verification", "Verificación revocada por %s el %s") % (
            latest.revoked_by or "—", _day(latest.closed_at))
    return ""


def describe_verification(status: CitizenVerification | None, now: datetime) -> str:
    """One paragraph for the citizen panel: verified how, when, by whom and until when; or
    lapsed; or what is under way (asked, code sent and until when, spent, expired)."""
    if status is None:
        return translate("Verification", "Sin verificar como vecino de Jun")
    lines = []
    if status.verified:
        lines.append(translate("Verification", "✔ Vecino verificado por %s el %s, %s") % (
            status.verified_by or "—", _day(status.verified_at), _how(status)))
        if status.verified_until is not None:
            lines.append(translate("Verification", "Válido hasta el %s")
                         % _day(status.verified_until))
    elif status.lapsed:
        lines.append(translate("Verification", "La verificación caducó el %s: el vecino debe "
                        "verificarse de nuevo") % _day(status.verified_until))
    else:
        lines.append(translate("Verification", "Sin verificar como vecino de Jun"))
    if status.latest is not None and not status.verified:
        lines.append(_under_way(status.latest, now))
    return "\n".join(line for line in lines if line)


class CounterDialog(QDialog):
    """At the counter: the code the citizen shows and the identity document checked.
    Refusals (wrong code and the attempts left, spent, expired) are said in the dialog,
    which stays open; a confirmation closes it."""

    def __init__(self, handle: str, confirm: Callable[[str, str, bool], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verificar a @%s en el mostrador") % handle)
        self.setMinimumWidth(440)  # the wrapped explanation and the error read whole
        self._confirm = confirm
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Escribe el código que el vecino enseña en su móvil y comprueba "
                               "su documento de identidad. No se guarda el número del "
                               "documento: solo quién verificó, cuándo y con qué tipo de "
                               "documento."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ABC-234")
        self.code.setMaxLength(16)
        self.code.setAccessibleName(self.tr("Código de verificación"))
        self.document = QComboBox(self)
        for document, name in document_names().items():
            self.document.addItem(name, document.value)
        self.document.setAccessibleName(self.tr("Tipo de documento"))
        self.checked = QCheckBox(self.tr("Documento comprobado"), self)
        form.addRow(self.tr("Código:"), self.code)
        form.addRow(self.tr("Documento:"), self.document)
        form.addRow("", self.checked)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("verification-error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(self.tr("Confirmar verificación"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.code.textChanged.connect(self._update)
        self.checked.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.code.text().strip()) and self.checked.isChecked())

    def _submit(self) -> None:
        self.ok.setEnabled(False)
        self.error.setText("")
        self._confirm(self.code.text(), str(self.document.currentData()),
                      self.checked.isChecked())

    def refused(self, err: Exception) -> None:
        self.error.setText(describe(err))
        self.code.selectAll()
        self.code.setFocus()
        self._update()


class NoteDialog(QDialog):
    """A supervisor's note: how the citizen was verified by another channel, or why the
    verification is revoked. Refusals are said in the dialog."""

    def __init__(self, title: str, prompt: str, action: str,
                 submit: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._submit_note = submit
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(prompt)
        self.note.setMaximumHeight(90)
        layout.addWidget(self.note)
        self.error = QLabel("", self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.note.toPlainText().strip())))
        self.ok.setEnabled(False)

    @classmethod
    def other_channel(cls, handle: str, submit: Callable[[str], None],
                      parent: QWidget | None = None) -> NoteDialog:
        return cls(translate("NoteDialog", "Verificar a @%s por otro canal") % handle,
                   translate("NoteDialog", "¿Cómo se comprobó que es vecino? (padrón, "
                             "llamada…; queda en el registro)"),
                   translate("NoteDialog", "Verificar"), submit, parent)

    @classmethod
    def revoke(cls, handle: str, submit: Callable[[str], None],
               parent: QWidget | None = None) -> NoteDialog:
        return cls(translate("NoteDialog", "Revocar la verificación de @%s") % handle,
                   translate("NoteDialog", "¿Por qué se revoca? (queda en el registro)"),
                   translate("NoteDialog", "Revocar"), submit, parent)

    def _submit(self) -> None:
        self.ok.setEnabled(False)
        self._submit_note(self.note.toPlainText())

    def refused(self, err: Exception) -> None:
        self.error.setText(describe(err))
        self.ok.setEnabled(True)


class VerifyBanner(QWidget):
    """In the ticket pane: a matter of a department that needs a verified resident, from a
    citizen who is not (or no longer) verified: a warning and the canned reply that says
    how to verify, one click away."""

    def __init__(self, ui: UiContext, parent: QWidget, layout: QBoxLayout,
                 use_canned: Callable[[str], None], reload: Callable[[], None]) -> None:
        super().__init__(parent)
        self.ui = ui
        self._reload = reload
        # A citizen verified (or revoked) here or on another desk: the pane's ticket is
        # read again while the warning shows, so it goes once the citizen is verified.
        ui.changes_applied.connect(self._changed)
        self.setObjectName("detail-needs-verified")
        self.setStyleSheet("#detail-needs-verified { background: #fff3e0; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self)  # the warning across the pane, the button under it
        column.setContentsMargins(4, 3, 4, 3)
        column.setSpacing(2)
        self.label = QLabel("", self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #8a4b00;")
        self.button = QPushButton(self.tr("Usar «cómo verificarse»"), self)
        self.button.clicked.connect(lambda: use_canned(VERIFY_HOWTO_REPLY))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        column.addWidget(self.label)
        column.addLayout(row)
        self.hide()
        layout.insertWidget(1, self)  # under the header

    def loaded(self, snapshot: TicketDetail) -> None:
        self.show_for(snapshot.ticket)

    def _changed(self, changes: Changes, _initiator: object = None) -> None:
        if not changes.everything and changes.touches(Kind.CITIZEN) and self.isVisible():
            self._reload()

    def show_for(self, ticket: TicketView | None) -> None:
        matter = None
        if ticket is not None and ticket.citizen_id is not None \
                and not ticket.citizen_verified_resident:
            matter = self.ui.desk.verification.needs_verified(ticket.department, language())
        if matter is None:
            self.label.setText("")
            self.hide()
            return
        self.label.setText(self.tr("⚠ %s necesitan un vecino verificado, y @%s no lo está")
                           % (matter[:1].upper() + matter[1:], ticket.citizen_handle or "")
                           if ticket is not None else "")
        self.show()
