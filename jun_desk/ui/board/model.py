"""One board column: the tickets of one status, loaded a page at a time as it scrolls."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import Status
from jun_desk.ui.keyed_model import KeyedListModel

TICKET_ROLE = Qt.ItemDataRole.UserRole + 2
MIME = "application/x-jun-desk-ticket"
PAGE = 60  # about four screens of cards; more come as the column scrolls

Index = QModelIndex | QPersistentModelIndex
# (status, offset, limit, on_page, on_failed): runs in a worker, answers on the GUI thread
Loader = Callable[[Status, int, int, Callable[[list[TicketView]], None], Callable[[], None]],
                  None]


class ColumnModel(KeyedListModel[TicketView]):
    move_requested = Signal(int, int, str)  # ticket id, version read, target status

    def __init__(self, status: Status, loader: Loader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self._loader = loader  # see Loader
        self._complete = False
        self._fetching = False
        self._generation = 0
        # Tooltip and screen-reader text of a card (set by the board: it knows the
        # catalogue and the clock).
        self.describe: Callable[[TicketView], str] | None = None

    # ------------------------------------------------------------------ Qt API
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ticket = self.entry_at(index)
        if ticket is None:
            return None
        if role == TICKET_ROLE:
            return ticket
        if role == Qt.ItemDataRole.DisplayRole:
            return f"#{ticket.id}: {ticket.title}"  # the column says the department's name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.AccessibleDescriptionRole):
            text = self.describe(ticket) if self.describe is not None else ticket.title
            if role == Qt.ItemDataRole.AccessibleTextRole:  # the name: number, title, priority
                return " · ".join(text.split("\n")[:2])
            return text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
                Qt.ItemFlag.ItemIsDragEnabled
        return base

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self._loader(self.status, len(self._entries), PAGE,
                     lambda page: self._page(generation, page),
                     lambda: self.load_failed(generation))  # never stuck "fetching"

    def _page(self, generation: int, page: list[TicketView]) -> None:
        if generation != self._generation:
            return  # a reload started meanwhile: this page belongs to the old filter
        self._fetching = False
        self._complete = len(page) < PAGE
        self._append(page)

    # ------------------------------------------------------------------ drag and drop
    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        tickets = [self._entries[i.row()] for i in indexes if i.isValid()]
        data = QMimeData()
        data.setData(MIME, json.dumps([{"id": t.id, "version": t.version,
                                        "status": t.status.value} for t in tickets]).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,
                        column: int, parent: Index) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,
                     column: int, parent: Index) -> bool:
        """A card dropped here asks for a status move; the board does it through the
        services and updates the columns only if the move was allowed."""
        if not data.hasFormat(MIME):
            return False
        try:
            cards = json.loads(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return False
        for card in cards:
            if card.get("status") != self.status.value:
                self.move_requested.emit(int(card["id"]), int(card["version"]),
                                         self.status.value)
        return False  # nothing is inserted here until the service says yes

    # ------------------------------------------------------------------ content
    def clear(self) -> int:
        """Empty the column for a new filter; returns the generation its first page must
        carry (the board reads every column's first page at once, see ``first_page``)."""
        self._generation += 1
        self.beginResetModel()
        self._entries, self._rows = [], {}
        self._complete = False
        self._fetching = True
        self.endResetModel()
        return self._generation

    def first_page(self, generation: int, page: list[TicketView]) -> None:
        self._page(generation, page)

    def load_failed(self, generation: int) -> None:
        """The read failed: nothing shown, and scrolling (or a reload) tries again."""
        if generation == self._generation:
            self._fetching = False

    def _append(self, tickets: list[TicketView]) -> None:
        self._insert_fresh(len(self._entries), tickets)

    def sort_key(self, ticket: TicketView) -> tuple[object, ...]:
        """The column's order: open work urgent first, then oldest first; finished work
        latest change first (as the pages are read, see SearchService)."""
        if self.status.is_open:
            return (ticket.priority.value != "urgent", ticket.created_at, ticket.id)
        return (-ticket.updated_at.timestamp(), -ticket.id)

    def put(self, ticket: TicketView) -> None:
        """A changed or new card, where the column's order puts it. A card that sorts after
        the pages loaded so far is left for scrolling to bring."""
        row = self._rows.get(ticket.id)
        key = self.sort_key(ticket)
        if row is not None:
            if self.sort_key(self._entries[row]) == key:
                self.update(ticket)
                return
            self.remove(ticket.id)
        position = bisect.bisect_left(self._entries, key, key=self.sort_key)
        if position == len(self._entries) and not self._complete:
            return
        self._insert_fresh(position, [ticket])

    def ticket(self, row: int) -> TicketView:
        return self._entries[row]
