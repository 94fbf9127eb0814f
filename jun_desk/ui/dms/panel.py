"""The DM panel: conversations with unread counts, the thread, a composer, and the link
between a conversation and its ticket."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.tickets import ItemView
from jun_desk.domain.tweet_length import MAX_DM_LENGTH
from jun_desk.services.feed import Conversation
from jun_desk.ui.context import UiContext
from jun_desk.ui.text_render import relative_time, tweet_html

CONVERSATION_ROLE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


class ConversationModel(QAbstractListModel):
    def __init__(self, ui: UiContext, parent=None) -> None:  # type: ignore[no-untyped-def]
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
            when = relative_time(c.last_at, self.ui.desk.ctx.clock())
            return f"{who}{unread}{ticket} · {when}\n{last}"
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
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.current: Conversation | None = None
        self.messages: list[ItemView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = ConversationModel(ui, self)
        self.list = QListView(splitter)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(lambda index, _p: self.open(index))
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.tr("Elige una conversación"), right)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-weight: 600;")
        right_layout.addWidget(self.header)
        self.thread = QTextBrowser(right)
        self.thread.setOpenLinks(False)
        self.thread.setOpenExternalLinks(False)
        right_layout.addWidget(self.thread, 1)
        self.composer = QPlainTextEdit(right)
        self.composer.setMaximumHeight(80)
        self.composer.setPlaceholderText(self.tr("Escribe un mensaje directo…"))
        self.composer.textChanged.connect(self._update_buttons)
        right_layout.addWidget(self.composer)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Crear ticket"), right)
        self.link_button = QPushButton(self.tr("Vincular a ticket…"), right)
        self.open_button = QPushButton(self.tr("Ver ticket"), right)
        self.send_button = QPushButton(self.tr("Enviar DM"), right)
        for button in (self.create_button, self.link_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        right_layout.addLayout(buttons)
        self.create_button.clicked.connect(self.create_ticket)
        self.link_button.clicked.connect(self.link_ticket)
        self.open_button.clicked.connect(
            lambda: self.current and self.current.ticket_id
            and self.ui.ticket_chosen.emit(self.current.ticket_id))
        self.send_button.clicked.connect(self.send)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self._update_buttons()

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        desk = self.ui.desk
        self.ui.run(desk.feed.conversations, self._loaded,
                    failure=self.tr("No se pudieron leer los mensajes directos"))

    def _loaded(self, conversations: list[Conversation]) -> None:
        keep = self.current.conversation_id if self.current else None
        self.model.reset(conversations)
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
            self.current = conversations[row]
            self._load_thread()
        self._update_buttons()

    def open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.current = index.data(CONVERSATION_ROLE)
        self._load_thread()

    def _load_thread(self) -> None:
        if self.current is None:
            return
        desk, conversation_id = self.ui.desk, self.current.conversation_id
        self.ui.run(lambda: desk.feed.conversation(conversation_id), self._show_thread)

    def _show_thread(self, messages: list[ItemView]) -> None:
        self.messages = messages
        c = self.current
        if c is None:
            return
        who = f"@{c.citizen_handle}" if c.citizen_handle else c.conversation_id
        ticket = self.tr(" · ticket #%d") % c.ticket_id if c.ticket_id else self.tr(
            " · sin ticket")
        self.header.setText(f"{c.citizen_name} {who}{ticket}")
        parts = []
        for m in messages:
            mine = m.kind == "dm_out"
            label = self.tr("Ayuntamiento") if mine else html.escape(c.citizen_name or who)
            align = "right" if mine else "left"
            parts.append(f'<p align="{align}"><b>{label}</b> · {m.created_at:%d/%m %H:%M}</p>'
                         f'<div align="{align}">{tweet_html(m.text)}</div>')
        self.thread.setHtml("".join(parts))
        self.thread.verticalScrollBar().setValue(self.thread.verticalScrollBar().maximum())
        self._update_buttons()

    # ------------------------------------------------------------------ actions
    def _update_buttons(self) -> None:
        c = self.current
        has_ticket = bool(c and c.ticket_id)
        self.create_button.setEnabled(bool(c) and not has_ticket)
        self.link_button.setEnabled(bool(c) and not has_ticket)
        self.open_button.setEnabled(has_ticket)
        text = self.composer.toPlainText().strip()
        self.send_button.setEnabled(has_ticket and bool(text) and len(text) <= MAX_DM_LENGTH)
        self.send_button.setToolTip("" if has_ticket else self.tr(
            "Crea o vincula un ticket para responder: así queda registrado"))

    def _latest_incoming(self) -> ItemView | None:
        return next((m for m in reversed(self.messages) if m.kind == "dm_in"), None)

    def create_ticket(self) -> None:
        item = self._latest_incoming()
        if item is None:
            return
        desk, actor = self.ui.desk, self.ui.actor

        def done(ticket) -> None:  # type: ignore[no-untyped-def]
            self.ui.ticket_changed.emit(ticket)
            self.ui.ticket_chosen.emit(ticket.id)
            self.reload()

        self.ui.run(lambda: desk.tickets.create_from_item(actor, item.id), done,
                    failure=self.tr("No se pudo crear el ticket"), changes=True)

    def link_ticket(self) -> None:
        item = self._latest_incoming()
        if item is None:
            return
        number, ok = QInputDialog.getInt(self, self.tr("Vincular a ticket"),
                                         self.tr("Número de ticket:"), 1, 1, 2**31 - 1)
        if not ok:
            return
        desk, actor = self.ui.desk, self.ui.actor

        def done(ticket) -> None:  # type: ignore[no-untyped-def]
            self.ui.ticket_changed.emit(ticket)
            self.reload()

        self.ui.run(lambda: desk.tickets.attach_item(actor, number, item.id), done,
                    failure=self.tr("No se pudo vincular"), changes=True)

    def send(self) -> None:
        c = self.current
        if c is None or not c.ticket_id:
            return
        desk, actor, text = self.ui.desk, self.ui.actor, self.composer.toPlainText()
        account, ticket_id = self.ui.account, c.ticket_id

        def done(_item) -> None:  # type: ignore[no-untyped-def]
            self.composer.clear()
            self.ui.message.emit(self.tr("DM en la bandeja de salida"))
            self.ui.outbox_queued.emit()

        self.ui.run(lambda: desk.outbox.enqueue(actor, ticket_id, "dm", text, account=account),
                    done, failure=self.tr("No se pudo enviar el DM"), changes=True)
