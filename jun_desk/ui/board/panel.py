"""The department-coloured board: one column per status, cards dragged between them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.errors import ConflictError
from jun_desk.domain.offers import ticket_offers
from jun_desk.domain.roles import Permission
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import Status
from jun_desk.services.search import TicketFilter
from jun_desk.ui.board.delegate import CARD_HEIGHT, CardDelegate
from jun_desk.ui.board.model import PAGE, TICKET_ROLE, ColumnModel
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.labels import department_name, status_names
from jun_desk.ui.layout_fit import FilterCombo
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.readable import ticket_description

if TYPE_CHECKING:
    from jun_desk.services.operators import OperatorView
    from jun_desk.services.people import Workload

MAX_TARGETED_REFRESH = 500  # more changed tickets at once: reload the columns instead
# Narrower than this, the columns scroll sideways, whole columns at a time: a card 106 px
# wide (six columns on a 1,366 px laptop with the feed and the ticket open) keeps ten
# letters of its title and loses its citizen and its age, so the columns do not shrink
# that far.
COLUMN_MIN_WIDTH = 144


class _MessageLabel(QLabel):
    """The board's message line: shown while it says something (empty, it kept a line of
    the board's height for nothing)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", parent)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class Column(QWidget):
    def __init__(self, board: BoardPanel, status: Status) -> None:
        super().__init__(board)
        self.status = status
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)  # (the heading has its own padding)
        self._layout = layout
        # A long status ("Esperando al vecino (12)") wraps onto a second line instead of
        # being cut; the board gives every column's heading the same height.
        self.header = QLabel(status_names()[status], self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.header.setStyleSheet("font-weight: 600; padding: 3px 4px;")
        self.header.setAccessibleName(self.header.text())
        layout.addWidget(self.header)
        self.model = ColumnModel(status, board.load_page, self)
        self.model.describe = board.describe
        self.view = QListView(self)
        self.view.setObjectName(f"column-{status.value}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(board.ui.desk.ctx.catalogue,
                                               board.ui.desk.ctx.clock, self.view))
        self.view.setUniformItemSizes(True)  # fixed card height: smooth with many cards
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: board.context_menu(self, pos))
        self.view.clicked.connect(lambda index: board.ui.ticket_chosen.emit(
            index.data(TICKET_ROLE).id))
        self.view.setMinimumHeight(CARD_HEIGHT * 2)
        layout.addWidget(self.view)
        self.model.move_requested.connect(board.move_ticket)

    def header_height(self, width: int) -> int:
        """The heading's height with the column ``width`` px wide: its lines, wrapped.
        (QLabel.heightForWidth gave two lines' height to one word.)"""
        self.header.ensurePolished()  # its bold font and padding, from its style sheet
        outer, inner = self._layout.contentsMargins(), self.header.contentsMargins()
        room = width - outer.left() - outer.right() - inner.left() - inner.right()
        text = self.header.fontMetrics().boundingRect(
            QRect(0, 0, max(1, room), 10_000), int(Qt.TextFlag.TextWordWrap),
            self.header.text())
        return text.height() + inner.top() + inner.bottom()

    def set_count(self, count: int) -> None:
        self.header.setText(f"{status_names()[self.status]} ({count:,})".replace(",", "."))
        self.header.setAccessibleName(self.header.text())


class BoardPanel(QWidget):
    loaded = Signal()  # a reload is over: every column's first page and the counts are in
    # (or the read failed and the board says so)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.error_label = _MessageLabel(self)
        self.error_label.setObjectName("board-message")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        self._build_filters(layout)
        self._build_message(layout)
        self._build_columns(layout)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.department.currentIndexChanged.connect(lambda _i: self.reload())
        self.operator.currentIndexChanged.connect(lambda _i: self.reload())

        self._build_actions()
        self.apply_role()
        ui.actor_changed.connect(self.apply_role)
        self._wanted_operator: int | None = None
        self._operators: list[OperatorView] = []
        Query(ui, ui.desk.operators.list).success(self._operators_loaded).run()
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere

    def _build_filters(self, layout: QVBoxLayout) -> None:
        """Department, person and search."""
        filters = QHBoxLayout()
        self.department = FilterCombo(self)
        self.department.addItem(self.tr("Todos los departamentos"), None)
        for dept in self.ui.desk.ctx.catalogue:
            self.department.addItem(department_name(dept), dept.code)
        self.operator = FilterCombo(self)
        self.operator.addItem(self.tr("Cualquier persona"), None)
        self.operator.addItem(self.tr("Sin asignar"), -1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Buscar en tickets…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(80)
        for widget in (self.department, self.operator, self.search):
            filters.addWidget(widget)
        layout.addLayout(filters)

    def _build_message(self, layout: QVBoxLayout) -> None:
        """The board's error line and its Reintentar."""
        message_row = QHBoxLayout()
        message_row.addWidget(self.error_label, 1)
        self.retry_button = QPushButton(self.tr("Reintentar"), self)
        self.retry_button.setObjectName("board-retry")
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry)
        message_row.addWidget(self.retry_button)
        layout.addLayout(message_row)
        self._retry: Callable[[], None] | None = None

    def _build_columns(self, layout: QVBoxLayout) -> None:
        # The columns share the width the board has, and scroll sideways when it is less
        # than six narrow columns (a laptop with the docks open).
        self.columns_area = QScrollArea(self)
        self.columns_area.setObjectName("board-columns")
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.columns_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip = QWidget(self.columns_area)
        self._strip = QHBoxLayout(strip)
        self._strip.setContentsMargins(0, 0, 0, 0)
        self.columns: dict[Status, Column] = {}
        for status in Status:
            column = Column(self, status)
            self.columns[status] = column
            self._strip.addWidget(column, 1)
        self.columns_area.setWidget(strip)
        self.columns_area.viewport().installEventFilter(self)
        layout.addWidget(self.columns_area, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.columns_area.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """The columns share the board's width; where six do not fit at
        ``COLUMN_MIN_WIDTH``, as many whole columns as fit fill it and the rest are a
        sideways scroll away, a column at a time (no column cut in two at the edge, its
        heading "Res…"). The headings wrap, all at the height of the tallest."""
        count, spacing = len(self.columns), self._strip.spacing()
        room = self.columns_area.viewport().width()
        fits = max(1, (room + spacing) // (COLUMN_MIN_WIDTH + 4 + spacing))
        shown = min(fits, count)
        width = max(COLUMN_MIN_WIDTH + 4, (room - spacing * (shown - 1)) // shown)
        for column in self.columns.values():
            column.setMinimumWidth(width if fits < count else 0)
        bar = self.columns_area.horizontalScrollBar()
        bar.setSingleStep(width + spacing)
        bar.setPageStep(shown * (width + spacing))
        height = max(c.header_height(width) for c in self.columns.values())
        for column in self.columns.values():
            column.header.setFixedHeight(height)

    def _build_actions(self) -> None:
        """The card's actions with their shortcuts (inside the board)."""
        self.assign_me = QAction(self.tr("Asignármelo"), self)
        self.assign_me.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.assign_me.triggered.connect(lambda: self._with_current(self.take))
        self.reassign = QAction(self.tr("Asignar a…"), self)
        self.reassign.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reassign.triggered.connect(lambda: self._with_current(self.assign_to))
        self.move_department = QAction(self.tr("Cambiar de departamento…"), self)
        self.move_department.triggered.connect(lambda: self._with_current(self.redepartment))
        for action in (self.assign_me, self.reassign, self.move_department):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def describe(self, ticket: TicketView) -> str:
        """A card's whole text: its tooltip and what a screen reader says."""
        catalogue = self.ui.desk.ctx.catalogue
        name = department_name(catalogue.get(ticket.department)) \
            if ticket.department in catalogue else ticket.department
        return ticket_description(ticket, name, status_names()[ticket.status],
                                  self.ui.desk.ctx.clock())

    def apply_role(self, _actor: object = None) -> None:
        """Supervisor-only actions are not shown to operators at all (the services refuse
        them anyway)."""
        actor = self.ui.actor
        for action, permission in ((self.reassign, Permission.REASSIGN_OPERATOR),
                                   (self.move_department, Permission.REASSIGN_DEPARTMENT)):
            allowed = actor.may(permission)
            action.setEnabled(allowed)
            action.setVisible(allowed)

    def view_state(self) -> dict[str, Any]:
        """The filters, to save with the operator's layout."""
        return {"department": self.department.currentData(),
                "operator": self.operator.currentData(), "search": self.search.text()}

    def apply_view_state(self, state: dict[str, Any]) -> None:
        department = self.department.findData(state.get("department"))
        self.department.setCurrentIndex(max(0, department))
        self.search.setText(str(state.get("search") or ""))
        self.operator.setCurrentIndex(0)
        self._wanted_operator = state.get("operator")
        self._choose_operator()

    def _choose_operator(self) -> None:
        if self._wanted_operator is None:
            return
        index = self.operator.findData(self._wanted_operator)
        if index >= 0:
            self.operator.setCurrentIndex(index)
            self._wanted_operator = None

    # ------------------------------------------------------------------ loading
    def filter(self, **extra: Any) -> TicketFilter:
        operator = self.operator.currentData()
        return TicketFilter(
            departments=[self.department.currentData()] if self.department.currentData()
            else [],
            assignee_id=operator if operator and operator > 0 else None,
            unassigned=operator == -1, text=self.search.text(), **extra)

    def load_page(self, status: Status, offset: int, limit: int,
                  on_page: Callable[[list[TicketView]], None],
                  on_failed: Callable[[], None] = lambda: None) -> None:
        flt = self.filter(statuses=[status.value], offset=offset, limit=limit,
                          order="urgent_oldest" if status.is_open else "updated")
        Query(self.ui, lambda: self.ui.desk.search.tickets(flt),
              failure_text=self.tr("No se pudo leer el tablero")).success(on_page).failure(
            lambda _err: on_failed()).run()

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """The tickets this desk's operation changed are placed at once, as it left them;
        then only the cards that changed are re-read (and the counts); the whole board only
        when what changed is unknown."""
        for ticket in changes.tickets_now:
            self.place(ticket)
        if changes.everything or changes.touches(Kind.CITIZEN):
            self.reload()  # a citizen's verification: the badge on all their cards (rare)
            return
        if changes.tickets:
            self.refresh_tickets(changes.tickets)
        if changes.touches(Kind.OPERATOR):
            self.reload_operators()

    def reload(self) -> None:
        """Every column's first page and the counts, in one read on one worker."""
        generations = {s: c.model.clear() for s, c in self.columns.items()}
        flt = self.filter()

        def done(result: tuple[dict[Status, list[TicketView]], dict[Status, int]]) -> None:
            pages, counts = result
            for status, column in self.columns.items():
                column.model.first_page(generations[status], pages[status])
            self._counts(counts)
            self.loaded.emit()

        def failed(err: Exception) -> None:
            for status, column in self.columns.items():
                column.model.load_failed(generations[status])
            self._refused(err)
            self.loaded.emit()

        Query(self.ui, lambda: self.ui.desk.search.board(flt, PAGE),
              failure_text=self.tr("No se pudo leer el tablero")).success(done).failure(
            failed).run()

    def refresh_counts(self) -> None:
        flt = self.filter(limit=None)
        Query(self.ui, lambda: self.ui.desk.search.counts_by_status(flt)).success(
            self._counts).run()

    def _counts(self, counts: dict[Status, int]) -> None:
        for status, column in self.columns.items():
            column.set_count(counts.get(status, 0))
        self.fit_columns()  # a longer count may wrap a heading

    def _operators_loaded(self, operators: list[OperatorView]) -> None:
        self._operators = operators
        for op in operators:
            self.operator.addItem(op.display_name, op.id)
        self._choose_operator()  # a saved filter on a person waits for the list

    # ------------------------------------------------------------------ actions
    def current(self) -> TicketView | None:
        """The card with the focus, else the first column's current card."""
        focused = [c for c in self.columns.values() if c.view.hasFocus()]
        for column in [*focused, *self.columns.values()]:
            index = column.view.currentIndex()
            if index.isValid():
                ticket: TicketView = index.data(TICKET_ROLE)
                return ticket
        return None

    def _with_current(self, action: Callable[[TicketView], None]) -> None:
        ticket = self.current()
        if ticket is not None:
            action(ticket)

    def place(self, ticket: TicketView) -> None:
        """Put a changed card where it now belongs at once, without reading anything: the
        operation's changes then re-read that card and the counts, once (the window hands
        them on)."""
        self.error_label.setText("")
        if self.operator.currentData() is not None or self.search.text().strip():
            return  # only the database knows if it still matches: the changes will say
        self._place(ticket)

    def _place(self, ticket: TicketView) -> None:
        for status, column in self.columns.items():
            if status != ticket.status:
                column.model.remove(ticket.id)
        department = self.department.currentData()
        if department is None or department == ticket.department:
            self.columns[ticket.status].model.put(ticket)

    def refresh_tickets(self, ids: Iterable[int]) -> None:
        """Other desks changed these tickets: re-read them and move, update, add or drop
        their cards; nothing else on the board is touched."""
        wanted = sorted(set(ids))
        if len(wanted) > MAX_TARGETED_REFRESH:
            self.reload()
            return
        flt = replace(self.filter(limit=None), ids=wanted)
        Query(self.ui, lambda: self.ui.desk.search.tickets(flt),
              failure_text=self.tr("No se pudo actualizar el tablero")).success(
            lambda views: self._refreshed(wanted, views)).run()

    def _refreshed(self, wanted: list[int], views: list[TicketView]) -> None:
        found = {v.id: v for v in views}
        for ticket_id in wanted:
            view = found.get(ticket_id)
            if view is not None:
                self._place(view)
            else:  # gone from this filter (another department, merged, …)
                for column in self.columns.values():
                    column.model.remove(ticket_id)
        self.refresh_counts()

    def reload_operators(self) -> None:
        Query(self.ui, self.ui.desk.operators.list).success(self._operators_reloaded).run()

    def _operators_reloaded(self, operators: list[OperatorView]) -> None:
        chosen = self.operator.currentData()
        self.operator.blockSignals(True)
        while self.operator.count() > 2:
            self.operator.removeItem(2)
        self.operator.blockSignals(False)
        self._operators_loaded(operators)
        index = self.operator.findData(chosen)
        self.operator.setCurrentIndex(max(index, 0))

    def _refused(self, err: Exception) -> None:
        self.error_label.setText(describe(err))
        self.ui.message.emit(describe(err))

    def _change(self, ticket: TicketView, work: Callable[[int], TicketView],
                kind: str = "") -> None:
        """``work(version)`` on a worker. After a conflict the card shows the ticket as
        it is now, the message says who changed what, and Reintentar repeats the action
        on the new version."""
        self.retry_button.hide()

        def done(after: TicketView) -> None:
            # The card is placed at once by on_changes: the changes carry ``after``.
            if kind:
                self.ui.acted.emit(kind, ticket, after)  # confirmed, with an undo

        def failed(err: Exception) -> None:
            self._refused(err)
            if isinstance(err, ConflictError) and err.current_version is not None:
                fresh = dataclasses.replace(ticket, version=err.current_version)
                self._retry = lambda: self._change(fresh, work, kind)
                self.retry_button.show()
                self.refresh_tickets([ticket.id])

        # An operation: what it changed reaches every view through the window, once.
        Op(self.ui, lambda: work(ticket.version)).success(done).failure(failed).quietly().run(
            initiator=self)

    def retry(self) -> None:
        action, self._retry = self._retry, None
        self.retry_button.hide()
        if action is not None:
            action()

    def move_ticket(self, ticket_id: int, version: int, status: str) -> None:
        before = self._find(ticket_id)
        if before is None:
            return
        before = dataclasses.replace(before, version=version)
        desk, actor = self.ui.desk, self.ui.actor
        self._change(before, lambda v: desk.tickets.move(actor, ticket_id, status, v), "move")

    def take(self, ticket: TicketView) -> None:
        desk, actor = self.ui.desk, self.ui.actor
        self._change(ticket, lambda v: desk.tickets.assign(actor, ticket.id, actor.operator_id,
                                                           v), "take")

    def assign_to(self, ticket: TicketView) -> None:
        """The person picker, started at the current assignee, with each person's
        departments and open tickets (read off the GUI thread first)."""
        from jun_desk.ui.pickers import AssigneePicker

        def chosen(people: list[Workload]) -> None:
            picker = AssigneePicker(ticket, people, self.ui.desk.ctx.catalogue, self)
            accepted = picker.exec() == picker.DialogCode.Accepted and picker.changed
            operator_id = picker.operator_id()
            picker.deleteLater()
            if not accepted:
                return
            desk, actor = self.ui.desk, self.ui.actor
            self._change(ticket, lambda v: desk.tickets.assign(actor, ticket.id, operator_id,
                                                               v), "assign")

        Query(self.ui, self.ui.desk.people.workload,
              failure_text=self.tr("No se pudo leer quién atiende")).success(chosen).run()

    def redepartment(self, ticket: TicketView) -> None:
        from jun_desk.ui.pickers import DepartmentPicker

        picker = DepartmentPicker(ticket, self.ui.desk.ctx.catalogue, self)
        accepted = picker.exec() == picker.DialogCode.Accepted and picker.changed
        code = picker.department()
        picker.deleteLater()
        if not accepted or code is None:
            return
        desk, actor = self.ui.desk, self.ui.actor
        self._change(ticket, lambda v: desk.tickets.reassign_department(actor, ticket.id,
                                                                        code, v), "department")

    def context_menu(self, column: Column, pos: QPoint) -> None:
        index = column.view.indexAt(pos)
        if not index.isValid():
            return
        column.view.setCurrentIndex(index)
        ticket: TicketView = index.data(TICKET_ROLE)
        menu = QMenu(self)
        offers = ticket_offers(self.ui.actor, ticket)  # only what the services would accept
        self.assign_me.setEnabled(offers.take)
        menu.addAction(self.assign_me)
        self.reassign.setEnabled(offers.assign)
        menu.addAction(self.reassign)
        # An unclassified ticket is anyone's to route; other moves are a supervisor's.
        self.move_department.setEnabled(offers.department)
        self.move_department.setVisible(offers.department)
        menu.addAction(self.move_department)
        moves = menu.addMenu(self.tr("Mover a"))
        moves.setEnabled(bool(offers.moves))
        for status in offers.moves:
            action = moves.addAction(status_names()[status])
            action.triggered.connect(
                lambda _c=False, s=status: self.move_ticket(ticket.id, ticket.version, s.value))
        menu.exec(column.view.viewport().mapToGlobal(pos))

    def _find(self, ticket_id: int) -> TicketView | None:
        for column in self.columns.values():
            row = column.model.row_of(ticket_id)
            if row is not None:
                return column.model.ticket(row)
        return None

    # ------------------------------------------------------------------ intents
    def hand_keys_to_menu(self) -> None:
        """The window's Ticket menu owns the card actions' keys (one action per key)."""
        for action in (self.assign_me, self.reassign, self.move_department):
            action.setShortcut(QKeySequence())
