"""The citizen beside the ticket, as help desks have it (a customer sidebar): who wrote,
whether the town verified them as a resident, their other tickets and DM conversations,
and the desk's internal notes on their tickets. It follows what the operator opened last:
the ticket chosen on the board, the message chosen in the feed, the DM conversation opened;
everything comes through the services."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.roles import Permission
from jun_desk.domain.tickets import ItemView
from jun_desk.domain.verification import State
from jun_desk.services.citizens import CitizenProfile
from jun_desk.services.feed import Conversation
from jun_desk.ui.context import UiContext
from jun_desk.ui.dms.conversation_list import describe as describe_conversation
from jun_desk.ui.labels import department_name, status_singular
from jun_desk.ui.layout_fit import FlowLayout
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.readable import age, priority_badge, time_of_day
from jun_desk.ui.verification import CounterDialog, NoteDialog, describe_verification

ID_ROLE = Qt.ItemDataRole.UserRole + 7


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


class CitizenPanel(QWidget):
    conversation_requested = Signal(str)  # a conversation id: open it in the DM panel

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.profile: CitizenProfile | None = None
        self._asked = 0
        # What the operator opened last, and how to read its citizen: a refresh reads that
        # again (never the citizen still on screen while another is on its way).
        self._wanted: tuple[str, object] | None = None
        self._wanted_work: Callable[[], CitizenProfile | None] | None = None
        self._shown: tuple[str, object] | None = None  # what the profile on screen is for
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel(self.tr("Elige un ticket o un mensaje para ver quién lo escribe"),
                             self)
        self.header.setObjectName("citizen-header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.header)
        self.verification = QLabel("", self)
        self.verification.setObjectName("citizen-verification")
        self.verification.setTextFormat(Qt.TextFormat.PlainText)
        self.verification.setWordWrap(True)
        layout.addWidget(self.verification)
        # Verifying the citizen (issue 27): a code by DM, then the counter; a supervisor
        # by another channel, or revoking.
        verify_row = FlowLayout()
        self.send_code_button = QPushButton(self.tr("Enviar código por DM"), self)
        self.send_code_button.clicked.connect(self.send_code)
        self.counter_button = QPushButton(self.tr("Confirmar en el mostrador…"), self)
        self.counter_button.clicked.connect(self.confirm_at_counter)
        self.verify_button = QPushButton(self.tr("Verificar por otro canal…"), self)
        self.verify_button.clicked.connect(self.toggle_verified)
        for button in (self.send_code_button, self.counter_button, self.verify_button):
            verify_row.addWidget(button)
        layout.addLayout(verify_row)
        self.dialog: CounterDialog | NoteDialog | None = None
        self.tickets_label = QLabel(self.tr("Sus tickets"), self)
        self.tickets = QListWidget(self)
        self.tickets.setAccessibleName(self.tr("Tickets del vecino"))
        self.tickets.itemActivated.connect(self._open_ticket)
        self.tickets.itemClicked.connect(self._open_ticket)
        self.conversations_label = QLabel(self.tr("Sus conversaciones por DM"), self)
        self.conversations = QListWidget(self)
        self.conversations.setAccessibleName(self.tr("Conversaciones del vecino"))
        self.conversations.itemActivated.connect(self._open_conversation)
        self.conversations.itemClicked.connect(self._open_conversation)
        self.notes_label = QLabel(self.tr("Notas internas de sus tickets"), self)
        self.notes = QListWidget(self)
        self.notes.setAccessibleName(self.tr("Notas internas sobre el vecino"))
        self.notes.setWordWrap(True)
        for label, widget in ((self.tickets_label, self.tickets),
                              (self.conversations_label, self.conversations),
                              (self.notes_label, self.notes)):
            label.setBuddy(widget)
            label.setStyleSheet("font-weight: 600;")
            layout.addWidget(label)
            layout.addWidget(widget, 1)
        ui.ticket_chosen.connect(self.show_ticket)
        ui.actor_changed.connect(lambda _a: self._render())
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere
        self._render()

    # ------------------------------------------------------------------ loading
    def show_ticket(self, ticket_id: int) -> None:
        """The citizen of this ticket (nothing for a ticket made by hand without one)."""
        desk = self.ui.desk

        def load() -> CitizenProfile | None:
            citizen_id = desk.tickets.get(ticket_id).citizen_id
            return desk.citizens.profile(citizen_id) if citizen_id is not None else None

        self._load(("ticket", ticket_id), load)

    def show_item(self, item: ItemView | None) -> None:
        """The author of a feed item."""
        if item is None or not item.author_x_id:
            return
        desk, x_id = self.ui.desk, item.author_x_id
        self._load(("item", item.id), lambda: desk.citizens.profile(x_user_id=x_id))

    def show_conversation(self, conversation: Conversation) -> None:
        """The citizen of a DM conversation the operator opened."""
        citizen_id = conversation.citizen_id
        if citizen_id is None:
            return
        desk = self.ui.desk
        self._load(("conversation", conversation.conversation_id),
                   lambda: desk.citizens.profile(citizen_id))

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """The shown citizen is read again (once) when tickets, conversations or the
        desk's people changed: their lists, verification and notes come from those."""
        if self._wanted_work is not None and changes.touches(Kind.TICKET, Kind.CONVERSATION,
                                                              Kind.FEED):
            self.reload()

    def reload(self) -> None:
        """Read again the citizen of what the operator opened last: by the citizen's id
        once they are on screen (one read), else the way it was asked."""
        if self._wanted is None or self._wanted_work is None:
            return
        if self.profile is None and self._shown == self._wanted:
            return  # answered: it has no citizen (a ticket made by hand)
        if self.profile is not None and self._shown == self._wanted:
            desk, citizen_id = self.ui.desk, self.profile.citizen.id
            self._load(self._wanted, lambda: desk.citizens.profile(citizen_id))
        else:
            self._load(self._wanted, self._wanted_work)

    def _load(self, wanted: tuple[str, object],
              work: Callable[[], CitizenProfile | None]) -> None:
        self._asked += 1
        asked = self._asked
        self._wanted, self._wanted_work = wanted, work

        def done(profile: CitizenProfile | None) -> None:
            if asked == self._asked:  # an older answer arriving late is stale
                self.profile, self._shown = profile, wanted
                self._render()

        Query(self.ui, work, failure_text=self.tr("No se pudo leer el vecino")).success(
            done).run()

    # ------------------------------------------------------------------ showing
    def _render(self) -> None:
        p = self.profile
        for widget in (self.tickets, self.conversations, self.notes):
            widget.clear()
        supervisor = self.ui.actor.may(Permission.VERIFY_CITIZEN)
        operator = self.ui.actor.may(Permission.WORK_TICKET)
        self.verify_button.setVisible(p is not None and supervisor)
        if p is None:
            self.header.setText(self.tr("Sin vecino: elige un ticket o un mensaje de un "
                                        "vecino"))
            self.verification.setText("")
            self.send_code_button.setVisible(False)
            self.counter_button.setVisible(False)
            return
        c = p.citizen
        self.header.setText(f"{_printable(c.name)} (@{c.handle})" if c.name else f"@{c.handle}")
        now = self.ui.desk.ctx.clock()
        status = p.verification
        verified = status.verified if status is not None else c.verified_resident
        self.verification.setText(describe_verification(status, now))
        waiting = status is not None and status.latest is not None \
            and status.latest.state is State.CODE_SENT
        self.send_code_button.setVisible(operator and not verified)
        self.send_code_button.setText(self.tr("Enviar otro código por DM") if waiting
                                      else self.tr("Enviar código por DM"))
        self.counter_button.setVisible(operator and waiting and not verified)
        self.verify_button.setText(self.tr("Revocar la verificación…") if verified
                                   else self.tr("Verificar por otro canal…"))
        catalogue = self.ui.desk.ctx.catalogue
        statuses = status_singular()
        for t in p.tickets:
            dept = department_name(catalogue.get(t.department)) \
                if t.department in catalogue else t.department
            badge = priority_badge(t.priority.value)
            text = (f"#{t.id} · {statuses[t.status]} · " + (f"{badge} · " if badge else "")
                    + _printable(t.title))
            entry = QListWidgetItem(text)
            entry.setData(ID_ROLE, t.id)
            entry.setToolTip(f"{text}\n{dept} · {age(t.created_at, now)}")
            self.tickets.addItem(entry)
        if not p.tickets:
            self.tickets.addItem(self.tr("Ningún ticket"))
        for conv in p.conversations:
            unread = self.tr(" · %d sin atender") % conv.unhandled if conv.unhandled else ""
            text = (f"{time_of_day(conv.last_at, now)}{unread} · "
                    f"{_printable(conv.last_text)}")
            entry = QListWidgetItem(text)
            entry.setData(ID_ROLE, conv.conversation_id)
            entry.setToolTip(describe_conversation(conv, now))
            self.conversations.addItem(entry)
        if not p.conversations:
            self.conversations.addItem(self.tr("Ninguna conversación"))
        for note in p.notes:
            text = (f"{time_of_day(note.created_at, now)} · {note.author_name} · "
                    f"#{note.ticket_id}: {_printable(note.text)}")
            entry = QListWidgetItem(text)
            entry.setToolTip(text)
            self.notes.addItem(entry)
        if not p.notes:
            self.notes.addItem(self.tr("Ninguna nota"))

    # ------------------------------------------------------------------ actions
    def _open_ticket(self, entry: QListWidgetItem) -> None:
        ticket_id = entry.data(ID_ROLE)
        if ticket_id is not None:
            self.ui.ticket_chosen.emit(int(ticket_id))

    def _open_conversation(self, entry: QListWidgetItem) -> None:
        conversation_id = entry.data(ID_ROLE)
        if conversation_id is not None:
            self.conversation_requested.emit(str(conversation_id))

    def send_code(self) -> None:
        """A one-time code to the citizen by DM, through the outbox."""
        if self.profile is None:
            return
        desk, actor, account = self.ui.desk, self.ui.actor, self.ui.account
        citizen = self.profile.citizen
        ticket_id = self._wanted[1] if self._wanted and self._wanted[0] == "ticket" else None

        def done(_view: object) -> None:
            self.ui.message.emit(self.tr("Código de verificación para @%s en la bandeja de "
                                         "salida") % citizen.handle)
            self.reload()

        Op(self.ui, lambda: desk.verification.start(
            actor, citizen.id, account=account,
            ticket_id=ticket_id if isinstance(ticket_id, int) else None),
           failure_text=self.tr("No se pudo enviar el código")).success(done).run(
            initiator=self)

    def confirm_at_counter(self) -> None:
        """The counter's dialog: the code the citizen shows and the document checked."""
        if self.profile is None:
            return
        desk, actor = self.ui.desk, self.ui.actor
        citizen = self.profile.citizen

        def confirm(code: str, document: str, checked: bool) -> None:
            Op(self.ui, lambda: desk.verification.confirm_at_counter(
                actor, citizen.id, code, document=document, document_checked=checked)
               ).quietly().success(lambda _s: self._verified(citizen.handle)).failure(
                dialog.refused).run(initiator=self)

        dialog = CounterDialog(citizen.handle, confirm, self)
        self._open_dialog(dialog)

    def toggle_verified(self) -> None:
        """A supervisor: verify by another channel (with a note), or revoke (saying why)."""
        if self.profile is None:
            return
        desk, actor = self.ui.desk, self.ui.actor
        citizen = self.profile.citizen
        status = self.profile.verification
        verified = status.verified if status is not None else citizen.verified_resident
        if verified:
            def revoke(note: str) -> None:
                Op(self.ui, lambda: desk.verification.revoke(actor, citizen.id, note)
                   ).quietly().success(lambda _s: self._done(
                    self.tr("@%s ya no figura como vecino verificado") % citizen.handle)
                ).failure(dialog.refused).run(initiator=self)

            dialog = NoteDialog.revoke(citizen.handle, revoke, self)
        else:
            def other(note: str) -> None:
                Op(self.ui, lambda: desk.verification.confirm_other_channel(
                    actor, citizen.id, note)).quietly().success(
                    lambda _s: self._verified(citizen.handle)).failure(
                    dialog.refused).run(initiator=self)

            dialog = NoteDialog.other_channel(citizen.handle, other, self)
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: CounterDialog | NoteDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None)
                                if self.dialog is dialog else None)
        dialog.open()

    def _verified(self, handle: str) -> None:
        self._done(self.tr("@%s verificado como vecino de Jun") % handle)

    def _done(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.ui.message.emit(message)
        self.reload()
