"""The DM conversation list as an operator reads it: the citizen's name and handle, an
unread badge, when the last message came, the last message (one line, elided; whole in the
tooltip), the linked ticket; and a search that keeps only the conversations whose name,
handle or last message has the words typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jun_desk.services.feed import Conversation
from jun_desk.ui.readable import age, time_of_day
from jun_desk.ui.text_render import initials
from jun_desk.ui.theme import MUTED, draw_avatar, draw_chip

ROW_HEIGHT = 52
PAD = 6
AVATAR = 32
UNREAD_COLOURS = ("#1565c0", "#ffffff")  # 5.8:1


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


def describe(c: Conversation, now: datetime) -> str:
    """A conversation in words: its tooltip and what a screen reader says."""
    who = f"@{c.citizen_handle}" if c.citizen_handle else c.conversation_id
    lines = [f"{c.citizen_name} ({who})" if c.citizen_name else who]
    if c.unhandled:
        lines.append(QCoreApplication.translate("Conversations", "%d sin atender")
                     % c.unhandled)
    lines.append(QCoreApplication.translate("Conversations", "Último mensaje %s (%s): %s") % (
        time_of_day(c.last_at, now), age(c.last_at, now), _printable(c.last_text)))
    lines.append(QCoreApplication.translate("Conversations", "ticket #%d") % c.ticket_id
                 if c.ticket_id else QCoreApplication.translate("Conversations", "sin ticket"))
    return "\n".join(lines)


def matches(c: Conversation, words: list[str]) -> bool:
    haystack = " ".join((c.citizen_name or "", c.citizen_handle or "", c.last_text,
                         f"#{c.ticket_id}" if c.ticket_id else "")).lower()
    return all(w.lstrip("@") in haystack for w in words)


def apply_search(view: QListView, conversations: list[Conversation], text: str) -> int:
    """Hide the rows that do not match ``text``; returns how many are shown."""
    words = text.lower().split()
    shown = 0
    for row, c in enumerate(conversations):
        hidden = bool(words) and not matches(c, words)
        view.setRowHidden(row, hidden)
        shown += not hidden
    return shown


class ConversationDelegate(QStyledItemDelegate):
    def __init__(self, role: int, now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.now = now

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width() or 200, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        c: Conversation = index.data(self.role)
        painter.save()
        rect = QRectF(option.rect)
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight).lighter(185))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        handle = c.citizen_handle or c.conversation_id
        draw_avatar(painter, QRectF(rect.left() + PAD, rect.top() + PAD + 2, AVATAR, AVATAR),
                    initials(c.citizen_name, handle), handle)
        x = rect.left() + AVATAR + 2 * PAD
        right = rect.right() - PAD
        y = rect.top() + PAD
        metrics = painter.fontMetrics()
        when = time_of_day(c.last_at, self.now())
        painter.setPen(MUTED)
        painter.drawText(QRectF(x, y, right - x, 18),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        room = right - x - metrics.horizontalAdvance(when) - 8
        if c.unhandled:
            badge = str(c.unhandled)
            width = metrics.horizontalAdvance(badge) + 12
            draw_chip(painter, right - metrics.horizontalAdvance(when) - 6 - width, y, badge,
                      *UNREAD_COLOURS)
            room -= width + 4
        bold = QFont(option.font)
        bold.setBold(bool(c.unhandled))
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        name = c.citizen_name or f"@{handle}"
        name_text = painter.fontMetrics().elidedText(_printable(name), Qt.TextElideMode.ElideRight,
                                                     int(max(0, room)))
        painter.drawText(QPointF(x, y + 13), name_text)
        used = painter.fontMetrics().horizontalAdvance(name_text) + 6
        painter.setFont(option.font)
        painter.setPen(MUTED)
        if c.citizen_name and c.citizen_handle and room - used > 30:
            painter.drawText(QPointF(x + used, y + 13), metrics.elidedText(
                f"@{c.citizen_handle}", Qt.TextElideMode.ElideRight, int(room - used)))
        y += 20
        ticket = (f"#{c.ticket_id}" if c.ticket_id
                  else QCoreApplication.translate("Conversations", "sin ticket"))
        ticket_width = metrics.horizontalAdvance(ticket)
        painter.drawText(QRectF(x, y, right - x, 18),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, ticket)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QPointF(x, y + 13), metrics.elidedText(
            _printable(c.last_text), Qt.TextElideMode.ElideRight,
            int(max(0, right - x - ticket_width - 8))))
        painter.restore()
