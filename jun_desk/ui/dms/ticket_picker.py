"""Choosing the ticket a DM conversation belongs to: a search, not a bare number.

Each row shows the ticket's citizen, title and status; typing filters (words in the title,
the messages or the handle, or a ticket number). The conversation's own citizen's tickets
come first. Choosing a ticket of another citizen, or one already resolved or closed, shows
why that is probably wrong and asks for an explicit confirmation before linking.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.tickets import TicketView
from jun_desk.services.feed import Conversation
from jun_desk.services.search import TicketFilter
from jun_desk.ui.context import UiContext
from jun_desk.ui.labels import status_singular
from jun_desk.ui.operations import Query

RESULTS = 50


def fill(template: str, *values: str) -> str:
    """%1, %2... replaced at once: a name that itself holds "%2" stays as written."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1]
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), template)


def _who(name: str | None, handle: str | None) -> str:
    if name and handle:
        return f"{name} (@{handle})"
    return f"@{handle}" if handle else (name or "—")


class TicketPicker(QDialog):
    def __init__(self, ui: UiContext, conversation: Conversation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.conversation = conversation
        self.tickets: list[TicketView] = []
        self._asked = 0  # the newest search: older answers are dropped
        self.setWindowTitle(self.tr("Vincular a ticket"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        who = _who(conversation.citizen_name, conversation.citizen_handle)
        intro = QLabel(self.tr("Conversación con %s. Elige el ticket al que pertenece:") % who,
                       self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Buscar por ciudadano, título, palabras o número de ticket…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Buscar ticket"))
        layout.addWidget(self.search)
        self._build_table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel("", self)
        layout.addWidget(self.empty)
        self.warning = QLabel("", self)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.warning.hide()
        layout.addWidget(self.warning)
        self.confirm = QCheckBox(self.tr("Lo he comprobado: vincular de todos modos"), self)
        self.confirm.hide()
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Vincular"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(self._double_clicked)
        self.confirm.toggled.connect(lambda _on: self._update())
        self._update()
        self.run_search()

    def _build_table(self) -> None:
        """The tickets found: number, citizen, title, state; one chosen."""
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("N.º"), self.tr("Ciudadano"), self.tr("Título"), self.tr("Estado")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Tab leaves the table for the warning's "Lo he comprobado" and the buttons (it
        # would walk the cells for ever otherwise).
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Tickets encontrados"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def _double_clicked(self, _item: object) -> None:
        if self.ok.isEnabled():
            self.accept()

    # ------------------------------------------------------------------ search
    def run_search(self) -> None:
        self._timer.stop()
        query = self.search.text().strip()
        number = query.lstrip("#")
        flt = (TicketFilter(ids=[int(number)], limit=RESULTS) if number.isdigit()
               and len(number) < 10 else TicketFilter(text=query, limit=RESULTS, order="updated"))
        if not query and self.conversation.citizen_handle:
            # Empty search: the conversation's citizen's tickets, then the latest others.
            handle = self.conversation.citizen_handle
            search = self.ui.desk.search

            def work() -> list[TicketView]:
                own = [t for t in search.tickets(TicketFilter(text=f"@{handle}", limit=RESULTS,
                                                              order="updated"))
                       if t.citizen_handle == handle]
                others = search.tickets(flt)
                seen = {t.id for t in own}
                return own + [t for t in others if t.id not in seen]
        else:
            search = self.ui.desk.search

            def work() -> list[TicketView]:
                return search.tickets(flt)

        self._asked += 1
        asked = self._asked
        Query(self.ui, work, failure_text=self.tr("No se pudieron buscar los tickets")).success(
            lambda found: self._show(asked, found)).run()

    def _show(self, asked: int, found: list[TicketView]) -> None:
        if asked != self._asked:
            return
        mine = self.conversation.citizen_id
        # The conversation's citizen first, open before resolved or closed; stable otherwise.
        self.tickets = sorted(found[:RESULTS], key=lambda t: (
            mine is None or t.citizen_id != mine, not t.status.is_open))
        self.table.setRowCount(len(self.tickets))
        names = status_singular()
        for row, t in enumerate(self.tickets):
            cells = [f"#{t.id}", _who(t.citizen_name, t.citizen_handle), t.title,
                     names.get(t.status, t.status.value)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.empty.setText("" if self.tickets else self.tr("Ningún ticket coincide."))
        self.table.clearSelection()
        if self.tickets:
            self.table.selectRow(0)
        self._update()

    # ------------------------------------------------------------------ choice
    def chosen(self) -> TicketView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.tickets[rows[0].row()] if rows else None

    def warnings(self, ticket: TicketView | None) -> list[str]:
        if ticket is None:
            return []
        c = self.conversation
        found: list[str] = []
        if ticket.citizen_id is None:
            found.append(fill(self.tr("El ticket #%1 no es de %2, con quien es esta "
                                      "conversación."),
                              str(ticket.id), _who(c.citizen_name, c.citizen_handle)))
        elif ticket.citizen_id != c.citizen_id:
            found.append(fill(self.tr(
                "El ticket #%1 es de %2, no de %3, con quien es esta conversación. Sus datos "
                "no deben llegar a otra persona."), str(ticket.id),
                _who(ticket.citizen_name, ticket.citizen_handle),
                _who(c.citizen_name, c.citizen_handle)))
        if not ticket.status.is_open:
            found.append(fill(self.tr("El ticket #%1 ya está %2."), str(ticket.id),
                              status_singular().get(ticket.status, ticket.status.value)))
        return found

    def _selection_changed(self) -> None:
        self.confirm.setChecked(False)  # a confirmation is for the ticket it was given for
        self._update()

    def _update(self) -> None:
        ticket = self.chosen()
        found = self.warnings(ticket)
        self.warning.setText("\n".join(found))
        self.warning.setVisible(bool(found))
        self.confirm.setVisible(bool(found))
        self.ok.setEnabled(ticket is not None and (not found or self.confirm.isChecked()))
