"""The DM panel: conversations with unread counts, the thread, a composer, and the link
between a conversation and its ticket.

A DM typed here goes to the citizen of the conversation it was typed in (the composer says
who); when the linked ticket is another citizen's the panel says so and asks for an
explicit confirmation (the outbox refuses it otherwise). What was sent shows in the thread
at once, marked pending until the outbox sender has it on X."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.media import MediaView
from jun_desk.domain.tickets import ItemView, TicketView
from jun_desk.domain.tweet_length import MAX_DM_LENGTH
from jun_desk.services.feed import Conversation
from jun_desk.services.outbox import OutboxView
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext
from jun_desk.ui.dms.conversation_list import ConversationDelegate, apply_search, describe
from jun_desk.ui.dms.ticket_picker import TicketPicker, fill
from jun_desk.ui.error_texts import render_stored
from jun_desk.ui.labels import outbox_labels
from jun_desk.ui.layout_fit import FlowLayout
from jun_desk.ui.media.thread_photos import ThreadBrowser, ThreadPhotos
from jun_desk.ui.operations import Op, Query
from jun_desk.ui.text_render import relative_time, tweet_html

CONVERSATION_ROLE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex
NARROW = 560  # px: below this the conversation list sits above the thread


class ConversationModel(QAbstractListModel):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.conversations: list[Conversation] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conversations)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.conversations[index.row()]
        if role == CONVERSATION_ROLE:
            return c
        if role == Qt.ItemDataRole.DisplayRole:
            who = f"@{c.citizen_handle}" if c.citizen_handle else c.conversation_id
            unread = f"  ({c.unhandled})" if c.unhandled else ""
            ticket = f"  · #{c.ticket_id}" if c.ticket_id else ""
            last = "".join(ch if ch.isprintable() else " " for ch in c.last_text)[:70]
            when = relative_time(c.last_at, self.ui.desk.ctx.clock(), labels.language())
            return f"{who}{unread}{ticket} · {when}\n{last}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return describe(c, self.ui.desk.ctx.clock())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            who = f"@{c.citizen_handle}" if c.citizen_handle else c.conversation_id
            return f"{c.citizen_name} {who}".strip() + (
                self.tr(", %d sin atender") % c.unhandled if c.unhandled else "")
        if role == Qt.ItemDataRole.FontRole and c.unhandled:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def reset(self, conversations: list[Conversation]) -> None:
        self.beginResetModel()
        self.conversations = conversations
        self.endResetModel()

    def row_of(self, conversation_id: str) -> int | None:
        return next((n for n, c in enumerate(self.conversations)
                     if c.conversation_id == conversation_id), None)


class DmPanel(QWidget):
    conversation_opened = Signal(object)  # Conversation: the operator opened another one

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.current: Conversation | None = None
        self.messages: list[ItemView] = []
        self.pending: list[OutboxView] = []  # queued here, not yet on X
        self.ticket: TicketView | None = None  # the linked ticket, as last read
        self.picker: TicketPicker | None = None
        self._thread_asked = 0  # the newest read of the thread: older answers are stale
        self._confirmed_for: tuple[str, int] | None = None  # (conversation, ticket) ticked
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = ConversationModel(ui, self)
        self._build_list(splitter)
        right, right_layout = self._build_thread(splitter)
        self._build_buttons(right, right_layout)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self._update_buttons()
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere

    def _build_list(self, splitter: QSplitter) -> None:
        """Left: the search and the conversations."""
        conversations = QWidget(splitter)
        list_layout = QVBoxLayout(conversations)
        list_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(conversations)
        self.search.setPlaceholderText(self.tr("Buscar conversación…"))
        self.search.setAccessibleName(self.tr("Buscar en las conversaciones"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        list_layout.addWidget(self.search)
        self.list = QListView(conversations)
        self.list.setAccessibleName(self.tr("Conversaciones"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(ConversationDelegate(CONVERSATION_ROLE, self.ui.desk.ctx.clock,
                                                       self.list))
        self.list.setUniformItemSizes(True)
        self.list.setMinimumWidth(160)
        self.list.selectionModel().currentChanged.connect(lambda index, _p: self.open(index))
        list_layout.addWidget(self.list)

    def _build_thread(self, splitter: QSplitter) -> tuple[QWidget, QVBoxLayout]:
        """Right: the thread, its recipient (and a mismatch to confirm) and the composer."""
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.tr("Elige una conversación"), right)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-weight: 600;")
        right_layout.addWidget(self.header)
        self.thread_view = ThreadBrowser(right)
        self.thread_view.setOpenLinks(False)
        self.thread_view.setOpenExternalLinks(False)
        # The photos under each message; a click (or Enter on one) opens the viewer.
        self.photos = ThreadPhotos(self.ui.thumbnails, self._redraw_photos, self)
        self.thread_view.photos = self.photos
        self.thread_view.anchorClicked.connect(self._photo_clicked)
        right_layout.addWidget(self.thread_view, 1)
        self.recipient = QLabel("", right)
        self.recipient.setTextFormat(Qt.TextFormat.PlainText)
        right_layout.addWidget(self.recipient)
        self.mismatch = QLabel("", right)
        self.mismatch.setTextFormat(Qt.TextFormat.PlainText)
        self.mismatch.setWordWrap(True)
        self.mismatch.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.mismatch.hide()
        right_layout.addWidget(self.mismatch)
        self.confirm_other = QCheckBox("", right)
        self.confirm_other.hide()
        self.confirm_other.toggled.connect(lambda _on: self._update_buttons())
        right_layout.addWidget(self.confirm_other)
        self.composer = QPlainTextEdit(right)
        self.composer.setMaximumHeight(80)
        self.composer.setPlaceholderText(self.tr("Escribe un mensaje directo…"))
        self.composer.textChanged.connect(self._update_buttons)
        right_layout.addWidget(self.composer)
        return right, right_layout

    def _build_buttons(self, right: QWidget, right_layout: QVBoxLayout) -> None:
        """The conversation's ticket buttons and Enviar DM, wrapping on a narrow dock."""
        buttons = FlowLayout(balanced=True)  # wraps on a narrow dock, in even lines
        self.create_button = QPushButton(self.tr("Crear ticket"), right)
        self.link_button = QPushButton(self.tr("Vincular a ticket…"), right)
        self.open_button = QPushButton(self.tr("Ver ticket"), right)
        self.unlink_button = QPushButton(self.tr("Desvincular"), right)
        self.unlink_button.setToolTip(self.tr(
            "Quita la conversación del ticket: sus mensajes vuelven a esperar en el feed"))
        self.send_button = QPushButton(self.tr("Enviar DM"), right)
        for button in (self.create_button, self.link_button, self.open_button,
                       self.unlink_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        right_layout.addLayout(buttons)
        self.create_button.clicked.connect(self.create_ticket)
        self.link_button.clicked.connect(self.link_ticket)
        self.unlink_button.clicked.connect(self.unlink_ticket)
        self.open_button.clicked.connect(self._open_ticket)
        self.send_button.clicked.connect(self.send)

    def _open_ticket(self) -> None:
        if self.current and self.current.ticket_id:
            self.ui.ticket_chosen.emit(self.current.ticket_id)

    # ------------------------------------------------------------------ loading
    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """A DM arrived, or one of ours went from pending to sent (or failed)."""
        if changes.touches(Kind.CONVERSATION, Kind.OUTBOX):
            self.reload()
        elif changes.touches(Kind.MEDIA) and self.photos.unsettled():
            self._load_thread()  # a photo of the thread was downloaded (or refused)

    def reload(self) -> None:
        desk = self.ui.desk
        Query(self.ui, desk.feed.conversations,
              failure_text=self.tr("No se pudieron leer los mensajes directos")).success(
            self._loaded).run()

    def _filter(self, text: str = "") -> None:
        apply_search(self.list, self.model.conversations, self.search.text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock the list goes above the thread instead of beside it."""
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Vertical if self.width() < NARROW
                  else Qt.Orientation.Horizontal)
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def _loaded(self, conversations: list[Conversation]) -> None:
        keep = self.current.conversation_id if self.current else None
        self.model.reset(conversations)
        self._filter()
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
            self.current = conversations[row]
            if self.ticket is not None and self.current.ticket_id != self.ticket.id:
                # Linked elsewhere or unlinked: the old ticket's warning goes at once.
                self.ticket = None
                self._render()
            self._load_thread()
        self._update_buttons()

    def open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        previous = self.current.conversation_id if self.current else None
        self.current = index.data(CONVERSATION_ROLE)
        if self.current is not None and self.current.conversation_id != previous:
            # Nothing of the last conversation may stay on screen for this one.
            self.messages, self.pending, self.ticket = [], [], None
            self.confirm_other.setChecked(False)
            self.composer.clear()
            self._render()
            self.conversation_opened.emit(self.current)
        self._load_thread()

    def _load_thread(self) -> None:
        if self.current is None:
            return
        desk, conversation_id = self.ui.desk, self.current.conversation_id
        ticket_id = self.current.ticket_id
        self._thread_asked += 1
        asked = self._thread_asked

        def work() -> tuple[list[ItemView], list[OutboxView], TicketView | None,
                            dict[int, list[MediaView]]]:
            messages = desk.feed.conversation(conversation_id)
            with_media = [m.id for m in messages if m.media_count]
            return (messages, desk.outbox.pending_for_conversation(conversation_id),
                    desk.tickets.get(ticket_id) if ticket_id else None,
                    desk.media.for_items(with_media) if with_media else {})

        Query(self.ui, work, failure_text=self.tr("No se pudo leer la conversación")).success(
            lambda loaded: self._show_thread(asked, conversation_id, *loaded)).run()

    def _show_thread(self, asked: int, conversation_id: str, messages: list[ItemView],
                     pending: list[OutboxView], ticket: TicketView | None,
                     media: dict[int, list[MediaView]]) -> None:
        if asked != self._thread_asked:
            return  # a newer read is on its way (or a DM was queued since this one began)
        if self.current is None or self.current.conversation_id != conversation_id:
            return  # the operator moved on to another conversation meanwhile
        self.messages, self.pending, self.ticket = messages, pending, ticket
        self.photos.set_media(media)
        self._render()

    def _who(self, c: Conversation) -> str:
        return f"@{c.citizen_handle}" if c.citizen_handle else c.conversation_id

    def _render(self) -> None:
        c = self.current
        if c is None:
            return
        who = self._who(c)
        ticket = self.tr(" · ticket #%d") % c.ticket_id if c.ticket_id else self.tr(
            " · sin ticket")
        self.header.setText(f"{c.citizen_name} {who}{ticket}")
        self.recipient.setText(fill(self.tr("Para: %1 %2, en esta conversación"),
                                    c.citizen_name, who).strip())
        parts = []
        for m in self.messages:
            mine = m.kind == "dm_out"
            label = self.tr("Ayuntamiento") if mine else html.escape(c.citizen_name or who)
            align = "right" if mine else "left"
            parts.append(f'<p align="{align}"><b>{label}</b> · {m.created_at:%d/%m %H:%M}</p>'
                         f'<div align="{align}">{tweet_html(m.text)}</div>'
                         f'{self.photos.html(m.id)}')
        sent = {m.text for m in self.messages if m.kind == "dm_out"}
        states = outbox_labels()
        for o in self.pending:
            if o.status == "sent" and o.text in sent:
                continue  # the sent copy is in the thread now
            state = states.get(o.status, o.status)
            if o.status == "failed" and o.last_error:
                state = f"{state}: {render_stored(o.last_error)}"
            colour = "#b71c1c" if o.status == "failed" else "#6d6d6d"
            parts.append(f'<p align="right"><b>{self.tr("Ayuntamiento")}</b> · '
                         f'<span style="color: {colour};">{html.escape(state)}</span></p>'
                         f'<div align="right" style="color: #6d6d6d;">{tweet_html(o.text)}</div>')
        self.thread_view.setHtml("".join(parts))
        self.thread_view.verticalScrollBar().setValue(self.thread_view.verticalScrollBar().maximum())
        self._show_mismatch()
        self._update_buttons()

    def _redraw_photos(self) -> None:
        """A photo was decoded: the thread again, where it was scrolled to."""
        bar = self.thread_view.verticalScrollBar()
        at, bottom = bar.value(), bar.value() >= bar.maximum()
        self._render()
        bar.setValue(bar.maximum() if bottom else at)

    def _photo_clicked(self, url: QUrl) -> None:
        target = self.photos.target(url)
        if target is None:
            return
        from jun_desk.ui.media.viewer import MediaViewer

        item_id, position = target
        viewer = MediaViewer(self.photos.views(item_id), position, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        self.viewer = viewer

    def _other_citizens_ticket(self) -> bool:
        c, t = self.current, self.ticket
        # As the outbox decides: only the conversation's own citizen's ticket needs no word.
        return bool(c and t and c.ticket_id == t.id
                    and (t.citizen_id is None or t.citizen_id != c.citizen_id))

    def _show_mismatch(self) -> None:
        c, t = self.current, self.ticket
        confirmed_for = (c.conversation_id, t.id) if c and t else None
        if confirmed_for != self._confirmed_for:
            # A confirmation is for one recipient and one ticket: asked again otherwise.
            self.confirm_other.setChecked(False)
            self._confirmed_for = confirmed_for
        if c is None or t is None or not self._other_citizens_ticket():
            self.mismatch.hide()
            self.confirm_other.hide()
            self.confirm_other.setChecked(False)
            return
        owner = f"@{t.citizen_handle}" if t.citizen_handle else self.tr("otra persona")
        self.mismatch.setText(fill(self.tr(
            "El ticket #%1 es de %2, no de %3. Un DM escrito aquí se envía a %3, nunca a "
            "%2: no incluya datos de %2."), str(t.id), owner, self._who(c)))
        self.confirm_other.setText(fill(self.tr("Sí, este DM es para %1"), self._who(c)))
        self.mismatch.show()
        self.confirm_other.show()

    # ------------------------------------------------------------------ actions
    def _update_buttons(self) -> None:
        c = self.current
        has_ticket = bool(c and c.ticket_id)
        # Messages on no ticket (never linked, unlinked, or come after its ticket closed)
        # can always become a ticket or join one.
        new = bool(c and (c.unattached or not has_ticket))
        self.create_button.setEnabled(new)
        self.link_button.setEnabled(new)
        self.open_button.setEnabled(has_ticket)
        self.unlink_button.setEnabled(has_ticket)
        why_not = self.why_not_send()
        self.send_button.setEnabled(why_not is None)
        self.send_button.setToolTip(why_not or "")

    def why_not_send(self) -> str | None:
        """Why the DM typed here cannot go yet (None: it can)."""
        c = self.current
        if c is None:
            return self.tr("Elige una conversación")
        if not c.ticket_id:
            return self.tr("Crea o vincula un ticket para responder: así queda registrado")
        if self.ticket is None:
            return self.tr("Leyendo el ticket de la conversación…")
        text = self.composer.toPlainText().strip()
        if not text:
            return self.tr("Escribe el mensaje antes de enviarlo")
        if len(text) > MAX_DM_LENGTH:
            return self.tr("El mensaje pasa de %d caracteres") % MAX_DM_LENGTH
        if self._other_citizens_ticket() and not self.confirm_other.isChecked():
            return fill(self.tr("No se ha enviado: marca «%1» para enviarlo a %2"),
                        self.confirm_other.text(), self._who(c))
        return None

    def _first_new(self) -> ItemView | None:
        """The conversation's first message on no ticket: what a new ticket is about."""
        return next((m for m in self.messages if m.kind == "dm_in" and m.ticket_id is None),
                    None)

    def create_ticket(self) -> None:
        """A ticket of everything the conversation holds on no ticket yet."""
        c, first = self.current, self._first_new()
        if c is None or first is None:
            return
        from jun_desk.ui.pickers import creation_department

        desk, actor, conversation_id = self.ui.desk, self.ui.actor, c.conversation_id
        go, department = creation_department(self.ui, first.suggested_department, self)
        if not go:
            return

        def done(ticket: TicketView) -> None:
            self.ui.ticket_chosen.emit(ticket.id)
            self.reload()  # (its messages joined the ticket: no conversation event says so)

        Op(self.ui, lambda: desk.conversations.create_ticket(actor, conversation_id,
                                                            department=department),
           failure_text=self.tr("No se pudo crear el ticket")).success(done).run()

    def link_ticket(self) -> None:
        """Open the ticket search; link the conversation's new messages when chosen."""
        c = self.current
        if c is None or self._first_new() is None:
            return
        self.picker = TicketPicker(self.ui, c, self)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        picker = self.picker
        self.picker = None
        if picker is None:
            return
        ticket = picker.chosen()
        if ticket is None or self.current is None \
                or self.current.conversation_id != picker.conversation.conversation_id:
            return
        number, conversation_id = ticket.id, self.current.conversation_id
        desk, actor = self.ui.desk, self.ui.actor
        self._relink(lambda: desk.conversations.link(actor, number, conversation_id),
                     self.tr("Conversación vinculada al ticket #%d"),
                     self.tr("No se pudo vincular"))

    def unlink_ticket(self) -> None:
        """Undo the link: the conversation leaves its ticket; its messages wait again."""
        c = self.current
        if c is None or not c.ticket_id:
            return
        desk, actor = self.ui.desk, self.ui.actor
        number, conversation_id = c.ticket_id, c.conversation_id
        self._relink(lambda: desk.conversations.unlink(actor, number, conversation_id),
                     self.tr("Conversación desvinculada del ticket #%d"),
                     self.tr("No se pudo desvincular"))

    def _relink(self, work: Callable[[], TicketView], said: str, failure: str) -> None:
        """Link or unlink on a worker; the status bar says it (``said``: with the ticket's
        number); every view, this one too, follows from what it changed."""
        Op(self.ui, work, failure_text=failure).success(
            lambda view: self.ui.message.emit(said % view.id)).run()

    def send(self) -> None:
        """Queue the DM for this conversation's citizen; it shows in the thread at once."""
        c = self.current
        why_not = self.why_not_send()
        if why_not is not None or c is None or not c.ticket_id:
            # Ctrl+Enter on a DM that cannot go: say why, where the operator looks.
            self.ui.message.emit(why_not or "")
            if self.confirm_other.isVisible() and not self.confirm_other.isChecked():
                self.confirm_other.setFocus()
            return
        desk, actor, text = self.ui.desk, self.ui.actor, self.composer.toPlainText()
        account, ticket_id = self.ui.account, c.ticket_id
        conversation_id, confirmed = c.conversation_id, self.confirm_other.isChecked()
        self.send_button.setEnabled(False)  # one click, one DM

        def done(item: OutboxView) -> None:
            if self.current is not None and self.current.conversation_id == conversation_id:
                self.composer.clear()
                self.confirm_other.setChecked(False)  # the next DM is confirmed anew
                self.pending = [*self.pending, item]
                self._render()
                self._load_thread()  # reads begun before the DM was queued are now stale
            self.ui.message.emit(self.tr("DM en la bandeja de salida"))
            self.ui.outbox_queued.emit()

        Op(self.ui, lambda: desk.outbox.enqueue(actor, ticket_id, "dm", text, account=account,
                                               conversation_id=conversation_id,
                                               confirm_other_citizen=confirmed),
           failure_text=self.tr("No se pudo enviar el DM")).success(done).failure(
            lambda _e: self._update_buttons()).run()

    # ------------------------------------------------------------------ intents
    def open_conversation(self, conversation_id: str, *, clear_search: bool = False) -> None:
        """That conversation chosen in the list (``clear_search``: whatever the search)."""
        row = self.model.row_of(conversation_id)
        if row is not None:
            if clear_search:
                self.search.clear()
            self.list.setCurrentIndex(self.model.index(row))
