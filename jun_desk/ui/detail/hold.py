"""Legal hold in the window: the ticket pane says a ticket is held and why, and a supervisor
places or lifts the hold from the Ticket menu (``RetentionService.set_legal_hold``, which
also refuses anyone without the permission). A held ticket is skipped by retention and by
a citizen's erasure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QInputDialog, QLabel, QLineEdit, QWidget

from jun_desk.domain.tickets import TicketView
from jun_desk.ui.operations import Op

if TYPE_CHECKING:
    from jun_desk.services.tickets import TicketDetail
    from jun_desk.ui.context import UiContext


class HoldBanner(QLabel):
    """Under the pane's header: "under legal hold: <reason>", hidden otherwise. The pane
    places it (``layout``, under its header) and hands it each ticket it shows."""

    def __init__(self, ui: UiContext, parent: QWidget, layout: QBoxLayout) -> None:
        super().__init__("", parent)
        self.setObjectName("detail-legal-hold")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the reason is typed by a person
        self.setWordWrap(True)
        self.setStyleSheet("color: #4a148c; background: #ede7f6; padding: 3px;")
        self._shown: int | None = None
        self.hide()
        layout.insertWidget(1, self)  # right under the header
        ui.ticket_chosen.connect(self._chosen)

    def loaded(self, snapshot: TicketDetail) -> None:
        self.show_for(snapshot.ticket)

    def _chosen(self, ticket_id: int) -> None:
        if ticket_id != self._shown:  # another ticket is loading: not this one's hold
            self.show_for(None)

    def show_for(self, ticket: TicketView | None) -> None:
        self._shown = ticket.id if ticket is not None else None
        if ticket is None or not ticket.legal_hold:
            self.setText("")
            self.hide()
            return
        self.setText(self.tr("⚖ En retención legal (no se anonimiza ni se borra): %s")
                     % (ticket.legal_hold_reason or ""))
        self.show()


class LegalHold(QObject):
    """The Ticket menu's "Retener por obligación legal…" and "Levantar la retención legal"."""

    def __init__(self, ui: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui, self.parent_widget = ui, parent

    def ask_reason(self, ticket: TicketView) -> str | None:
        """The law or case that requires keeping the ticket (None: cancelled)."""
        text, ok = QInputDialog.getText(
            self.parent_widget, self.tr("Retención legal"),
            self.tr("Ticket #%d: ¿qué ley o procedimiento obliga a conservarlo? "
                    "(queda en el registro)") % ticket.id,
            QLineEdit.EchoMode.Normal, "")
        return text.strip() if ok else None

    def place(self, ticket: TicketView) -> None:
        reason = self.ask_reason(ticket)
        if reason is None:
            return
        self._set(ticket, True, reason)

    def release(self, ticket: TicketView) -> None:
        self._set(ticket, False, None)

    def _set(self, ticket: TicketView, hold: bool, reason: str | None) -> None:
        desk, actor, ui = self.ui.desk, self.ui.actor, self.ui
        done = (self.tr("Ticket #%d en retención legal") if hold
                else self.tr("Ticket #%d ya no está en retención legal")) % ticket.id
        Op(ui, lambda: desk.retention.set_legal_hold(actor, ticket.id, hold, reason),
           failure_text=self.tr("No se pudo cambiar la retención legal")) \
            .success(lambda _held: ui.message.emit(done)).run()
