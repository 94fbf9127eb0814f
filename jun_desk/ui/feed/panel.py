"""The live mention feed: filters, the list, and the actions on a message."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.items import tweet_url
from jun_desk.domain.tickets import ItemView, TicketView
from jun_desk.ui.context import UiContext
from jun_desk.ui.feed.delegate import FeedDelegate
from jun_desk.ui.feed.model import ITEM_ROLE, FeedModel
from jun_desk.ui.labels import department_name
from jun_desk.ui.layout_fit import FilterCombo, FlowLayout
from jun_desk.ui.media.thumbs import Key
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.readable import item_description

if TYPE_CHECKING:
    from jun_desk.services.tickets import ItemOnTicket

PAGE = 100
SHOWN_REFRESH = 500  # the top of the list, where the operator is working


class FeedPanel(QWidget):
    reply_requested = Signal(object)  # ItemView
    dm_requested = Signal(object)  # ItemView: continue with this citizen by DM
    unread_changed = Signal(int)
    arrived = Signal(list)  # new ItemViews after a sync (for notifications)
    # The operator chose this message (not: the row under the cursor left the list).
    item_chosen = Signal(object)  # ItemView

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.unread = 0
        self._loading = False
        self._reloading = False
        self._refresh_pending = False
        self._to_the_end = True  # the list holds everything down to the oldest match
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self._build_filters(layout)
        self._build_list(layout)
        self._build_actions(layout)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.department.currentIndexChanged.connect(lambda _i: self.reload())
        self.unhandled.toggled.connect(lambda _c: self.reload())
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self._update_actions()
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere

    def _build_filters(self, layout: QVBoxLayout) -> None:
        """Department, search, "Solo sin atender" and the unread count, in two short rows."""
        filters = QHBoxLayout()
        self.department = FilterCombo(self)
        self.department.addItem(self.tr("Todos los departamentos"), None)
        for dept in self.ui.desk.ctx.catalogue:
            self.department.addItem(department_name(dept), dept.code)
        self.unhandled = QCheckBox(self.tr("Solo sin atender"), self)
        self.unhandled.setChecked(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Buscar…"))
        self.search.setClearButtonEnabled(True)
        self.unread_label = QLabel("", self)
        self.search.setMinimumWidth(70)
        for widget in (self.department, self.search):
            filters.addWidget(widget)
        layout.addLayout(filters)
        second = QHBoxLayout()  # two short rows: the dock stays narrow on a laptop
        second.addWidget(self.unhandled)
        second.addStretch(1)
        second.addWidget(self.unread_label)
        layout.addLayout(second)

    def _build_list(self, layout: QVBoxLayout) -> None:
        """The items: the model and its list, painted by FeedDelegate."""
        self.model = FeedModel(self)
        self.model.describe = self.describe
        # Rows leaving the list move the current row to a neighbour nobody chose (connected
        # before the view's selection model, which moves it, hears of the removal).
        self._rows_leaving = False
        self.model.rowsAboutToBeRemoved.connect(lambda *_: setattr(self, "_rows_leaving", True))
        self.model.rowsRemoved.connect(lambda *_: setattr(self, "_rows_leaving", False))
        self.view = QListView(self)
        self.view.setModel(self.model)
        delegate = FeedDelegate(self.ui.desk.ctx.catalogue, self.ui.desk.ctx.clock, self.view)
        delegate.thumbs = self.ui.thumbnails
        delegate.wants_media = self._wants_media
        delegate.open_media = self.open_media
        self.ui.thumbnails.ready.connect(self._thumbnail_ready)
        self._media_wanted: list[int] = []  # painted rows whose media are to be read
        self._media_asked: set[int] = set()
        self.view.setItemDelegate(delegate)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _i: self.create_ticket())
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        layout.addWidget(self.view)

    def _build_actions(self, layout: QVBoxLayout) -> None:
        """The item's actions, with their shortcuts, as buttons that wrap."""
        actions = FlowLayout(balanced=True)  # wraps on a narrow dock, in even lines
        self.item_actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
            ("ticket", self.tr("Crear ticket"), "Ctrl+T", self.create_ticket),
            ("attach", self.tr("Añadir a ticket…"), "Ctrl+Shift+T", self.attach_to_ticket),
            ("reply", self.tr("Responder"), "Ctrl+R", self.reply),
            ("dm", self.tr("Abrir DM"), "Ctrl+M", self.open_dm),
            ("handled", self.tr("Marcar atendido"), "Ctrl+D", self.mark_handled),
            ("open", self.tr("Abrir en X"), "Ctrl+O", self.open_on_x),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.item_actions[key] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        # The chosen message's photos in the viewer (a click on its thumbnail does it too).
        self.photos_action = QAction(self.tr("Ver fotos"), self)
        self.photos_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.photos_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.photos_action.triggered.connect(self.show_photos)
        self.addAction(self.photos_action)

    def describe(self, item: ItemView) -> str:
        """An item's whole text and facts: its tooltip and screen-reader description."""
        catalogue = self.ui.desk.ctx.catalogue
        suggested = item.suggested_department
        department = department_name(catalogue.get(suggested)) \
            if suggested is not None and suggested in catalogue else None
        return item_description(item, department, self.ui.desk.ctx.clock())

    def view_state(self) -> dict[str, Any]:
        """The filters, to save with the operator's layout."""
        return {"department": self.department.currentData(),
                "unhandled": self.unhandled.isChecked(), "search": self.search.text()}

    def apply_view_state(self, state: dict[str, Any]) -> None:
        self.department.setCurrentIndex(max(0, self.department.findData(
            state.get("department"))))
        self.unhandled.setChecked(bool(state.get("unhandled", True)))
        self.search.setText(str(state.get("search") or ""))

    # ------------------------------------------------------------------ loading
    def _query(self, **extra: Any) -> Callable[[], list[ItemView]]:
        desk = self.ui.desk
        department = self.department.currentData()
        unhandled = self.unhandled.isChecked()
        text = self.search.text()
        limit = extra.pop("limit", PAGE)
        return lambda: desk.search.feed(unhandled_only=unhandled, department=department,
                                        text=text, limit=limit, **extra)

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """New items, those on screen that were handled or became tickets, and those this
        desk's operation changed (one marked unhandled again comes back into the list)."""
        if changes.everything:
            self.reload()
            return
        if changes.touches(Kind.MEDIA):
            # A download finished (or was refused): what was waiting is read again when
            # painted (only the rows on screen).
            self._media_asked.difference_update(self.model.forget_unsettled_media())
            self.view.viewport().update()
        if changes.touches(Kind.FEED):
            self.refresh_new()
            self.refresh_shown([i.id for i in changes.items_now])

    # ------------------------------------------------------------------ media
    def _wants_media(self, item_id: int) -> None:
        """A row with media was painted before its media were read: read them, with the
        other rows painted in the same turn, in one query."""
        if item_id in self._media_asked:
            return
        self._media_asked.add(item_id)
        self._media_wanted.append(item_id)
        if len(self._media_wanted) == 1:
            QTimer.singleShot(0, self._read_media)

    def _read_media(self) -> None:
        asked, self._media_wanted = self._media_wanted, []
        if not asked:
            return
        media = self.ui.desk.media

        def failed(_err: Exception) -> None:
            self._media_asked.difference_update(asked)  # painted again: asked again

        Query(self.ui, lambda: media.for_items(asked)).success(
            lambda found: self.model.set_media(found, asked)).failure(failed).quietly().run()

    def _thumbnail_ready(self, key: Key) -> None:
        """A thumbnail was decoded: the rows that wait for it repaint."""
        delegate = self.view.itemDelegate()
        waiting: set[int] = delegate.waiting.pop(key, set()) \
            if isinstance(delegate, FeedDelegate) else set()
        for item_id in waiting:
            row = self.model.row_of(item_id)
            if row is not None:
                self.view.update(self.model.index(row))

    def show_photos(self) -> None:
        item = self.current()
        if item is not None:
            self.open_media(item.id)

    def open_media(self, item_id: int, position: int = 0) -> None:
        """The item's photos in the viewer, from ``position``."""
        views = self.model.media_of(item_id)
        if not views:
            return
        from jun_desk.ui.media.viewer import MediaViewer

        viewer = MediaViewer(list(views), position, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        self.viewer = viewer

    def reload(self) -> None:
        self._reloading = True
        Query(self.ui, self._query(), failure_text=self.tr("No se pudo leer el feed")).success(
            self._loaded).failure(lambda _e: setattr(self, "_reloading", False)).run()

    def _loaded(self, items: list[ItemView]) -> None:
        self.model.reset(items)
        self._to_the_end = len(items) < PAGE
        self._reloading = False
        self._set_unread(0)
        self._update_actions()
        if self._refresh_pending:  # news came in while the list was loading
            self._refresh_pending = False
            self.refresh_new()

    def refresh_new(self) -> None:
        """Fetch what arrived since the newest shown (called after each sync)."""
        if self._reloading:
            self._refresh_pending = True
            return
        newest = self.model.newest_id
        # An empty list (everything handled): whatever matches now is news.
        query = self._query() if newest is None else self._query(after_id=newest)
        Query(self.ui, query).success(self._arrived).run()

    def refresh_shown(self, also: Iterable[int] = ()) -> None:
        """Re-read the items on screen: another desk may have handled one or made it a
        ticket. Items that no longer match the filters leave the list; those of ``also``
        that match it now join it."""
        shown = self.model.ids()[:SHOWN_REFRESH]
        wanted = shown + [i for i in dict.fromkeys(also) if i not in set(shown)]
        if not wanted:
            return
        Query(self.ui, self._query(ids=wanted, limit=len(wanted))).success(
            lambda items: self._refreshed(shown, items)).run()

    def _refreshed(self, shown: list[int], items: list[ItemView]) -> None:
        found = {i.id: i for i in items}
        for item_id in shown:
            if item_id in found:
                self.model.update(found.pop(item_id))
            else:
                self.model.remove(item_id)
        if found:  # back in the list
            self.model.merge(list(found.values()), to_the_end=self._to_the_end)
        self._update_actions()

    def _arrived(self, items: list[ItemView]) -> None:
        if not items:
            return
        self.arrived.emit(items)
        bar = self.view.verticalScrollBar()
        at_top = bar.value() == 0
        anchor = self.view.indexAt(QPoint(4, 4))
        offset = self.view.visualRect(anchor).top() if anchor.isValid() else 0
        reading = self.model.item(anchor.row()).id if anchor.isValid() else None
        added = self.model.merge(items, to_the_end=self._to_the_end)
        if at_top or reading is None:
            return self._set_unread(self.unread if at_top else self.unread + added)
        # Keep what the operator is reading where it was: no jump.
        moved = self.model.index(self.model.row_of(reading) or 0)
        self.view.scrollTo(moved, QAbstractItemView.ScrollHint.PositionAtTop)
        bar.setValue(bar.value() - offset)
        self._set_unread(self.unread + added)

    def _scrolled(self, value: int) -> None:
        if value == 0 and self.unread:
            self._set_unread(0)
        bar = self.view.verticalScrollBar()
        if value >= bar.maximum() - 50 and not self._loading and self.model.oldest_id:
            self._loading = True
            Query(self.ui, self._query(before_id=self.model.oldest_id),
                  failure_text=self.tr("No se pudieron leer los mensajes anteriores")).success(
                self._older).failure(self._older_failed).run()

    def _older(self, items: list[ItemView]) -> None:
        self.model.append(items)
        self._to_the_end = len(items) < PAGE
        self._loading = False

    def _older_failed(self, _err: Exception) -> None:
        """The older page could not be read: scrolling to the bottom again retries."""
        self._loading = False

    def _set_unread(self, count: int) -> None:
        self.unread = count
        self.unread_label.setText(self.tr("%d nuevos ↑") % count if count else "")
        self.unread_changed.emit(count)

    # ------------------------------------------------------------------ actions
    def current(self) -> ItemView | None:
        index = self.view.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def _current_changed(self, *_args: object) -> None:
        self._update_actions()
        item = self.current()
        if item is not None and not self._rows_leaving:
            self.item_chosen.emit(item)

    def _update_actions(self) -> None:
        item = self.current()
        for key, action in self.item_actions.items():
            enabled = item is not None
            if item is not None and key in ("ticket", "attach"):
                enabled = item.ticket_id is None
            if item is not None and key == "reply":
                enabled = item.kind == "mention"
            action.setEnabled(enabled)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self.item_actions.values():
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _replace(self, item: ItemView) -> None:
        if self.unhandled.isChecked() and item.handled:
            self.model.remove(item.id)
        else:
            self.model.update(item)
        self._update_actions()

    def create_ticket(self) -> None:
        """A ticket for the selected message; when open tickets look like the same matter
        (same street, same words) the operator may add the message to one instead."""
        item = self.current()
        if item is None or item.ticket_id is not None:
            return
        desk = self.ui.desk
        Query(self.ui, lambda: desk.similar.for_item(item.id)).success(
            lambda found: self._create_or_join(item, found)).failure(
            lambda _e: self._create(item)).quietly().run()

    def _create_or_join(self, item: ItemView, similar: list[TicketView]) -> None:
        if not similar:
            self._create(item)
            return
        from jun_desk.ui.pickers import SimilarDialog

        dialog = SimilarDialog(item.text, similar, self.ui.desk.ctx.catalogue, self)
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        choice, number = dialog.choice, dialog.ticket_id()
        dialog.deleteLater()
        if not accepted:
            return
        if choice == SimilarDialog.NEW:
            self._create(item)
        elif choice == SimilarDialog.JOIN and number is not None:
            self._join(item, number)

    def _join(self, item: ItemView, number: int) -> None:
        desk, actor = self.ui.desk, self.ui.actor

        def done(joined: ItemOnTicket) -> None:
            self._replace(joined.item)
            self.ui.message.emit(self.tr("Mensaje añadido al ticket #%d") % joined.ticket.id)
            self.ui.ticket_chosen.emit(joined.ticket.id)

        Op(self.ui, lambda: desk.tickets.join_item(actor, number, item.id),
           failure_text=self.tr("No se pudo añadir")).success(done).run()

    def _create(self, item: ItemView) -> None:
        from jun_desk.ui.pickers import creation_department

        desk, actor = self.ui.desk, self.ui.actor
        go, department = creation_department(self.ui, item.suggested_department, self)
        if not go:
            return

        def done(filed: ItemOnTicket) -> None:
            ticket = filed.ticket
            self._replace(filed.item)
            self.ui.message.emit(self.tr("Ticket #%d creado en %s") % (
                ticket.id, department_name(desk.ctx.catalogue.get(ticket.department))))
            self.ui.ticket_chosen.emit(ticket.id)

        Op(self.ui, lambda: desk.tickets.file_item(actor, item.id, department=department),
           failure_text=self.tr("No se pudo crear el ticket")).success(done).run()

    def attach_to_ticket(self) -> None:
        item = self.current()
        if item is None or item.ticket_id is not None:
            return
        number, ok = QInputDialog.getInt(self, self.tr("Añadir a ticket"),
                                         self.tr("Número de ticket:"), 1, 1, 2**31 - 1)
        if not ok:
            return
        desk, actor = self.ui.desk, self.ui.actor

        Op(self.ui, lambda: desk.tickets.join_item(actor, number, item.id),
           failure_text=self.tr("No se pudo añadir")).success(
            lambda joined: self._replace(joined.item)).run()

    def mark_handled(self) -> None:
        item = self.current()
        if item is None:
            return
        desk, actor = self.ui.desk, self.ui.actor

        def done(updated: ItemView) -> None:
            self._replace(updated)
            self.ui.acted.emit("handled", item, updated)  # confirmed, with an undo

        Op(self.ui, lambda: desk.feed.mark_handled(actor, item.id, not item.handled),
           failure_text=self.tr("No se pudo marcar")).success(done).run()

    def reply(self) -> None:
        item = self.current()
        if item is not None:
            self.reply_requested.emit(item)

    def open_dm(self) -> None:
        item = self.current()
        if item is not None:
            self.dm_requested.emit(item)

    def open_on_x(self) -> None:
        item = self.current()
        if item is None:
            return
        if item.kind == "mention":
            url = tweet_url(item.author_handle or "i", item.x_id)
        else:
            url = "https://x.com/messages"
        QDesktopServices.openUrl(QUrl(url))

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row))
        self.view.scrollTo(self.model.index(row))

    def index_of(self, item_id: int) -> QModelIndex:
        row = self.model.row_of(item_id)
        return self.model.index(row) if row is not None else QModelIndex()

    # ------------------------------------------------------------------ intents
    def show_item(self, item_id: int) -> None:
        """That message chosen, and the keyboard in the list."""
        row = self.model.row_of(item_id)
        if row is not None:
            self.select_row(row)
            self.view.setFocus()
