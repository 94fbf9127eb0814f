"""Paints a ticket card: department colour and label, priority badge (an urgent card is
also framed in red), a photo badge with the count when its messages carry photos, title,
citizen, assignee and age; what is elided is in the tooltip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import lru_cache

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
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from jun_desk.domain.departments import Department, DepartmentCatalogue
from jun_desk.domain.tickets import TicketView
from jun_desk.ui.board.model import TICKET_ROLE
from jun_desk.ui.labels import language
from jun_desk.ui.readable import PRIORITY_COLOURS, age, priority_badge
from jun_desk.ui.theme import AMBER, MUTED, RED, department_chip, draw_chip

CARD_HEIGHT = 84
MARGIN = 4
MIN_CHIP = 40  # px: a department chip narrower than this is left out


def _photo_badge(painter: QPainter, metrics: QFontMetrics, right: float, y: float,
                 count: int) -> float:
    """A small camera and the count, ending at ``right``; returns its width."""
    text = str(count)
    width = 16 + 3 + metrics.horizontalAdvance(text)
    left = right - width
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(MUTED, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    body = QRectF(left + 1, y + 5, 14, 10)
    painter.drawRoundedRect(body, 2, 2)
    painter.drawRect(QRectF(left + 5, y + 3, 5, 2))
    painter.drawEllipse(body.center(), 2.8, 2.8)
    painter.drawText(QRectF(left + 19, y, width - 19, 18),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()
    return width


def age_colour(ticket: TicketView, target_minutes: int, now: datetime) -> QColor | None:
    """Amber past half the department's target response time, red past it; only while
    the citizen is still waiting for a first answer."""
    if not ticket.status.is_open or ticket.first_response_at is not None:
        return None
    age = now - ticket.created_at
    if age > timedelta(minutes=target_minutes):
        return RED
    if age > timedelta(minutes=target_minutes / 2):
        return AMBER
    return None


@lru_cache(maxsize=4096)  # the cards on screen are painted again and again
def _printable(text: str) -> str:
    return text if text.isprintable() else "".join(ch if ch.isprintable() else " "
                                                   for ch in text)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, catalogue: DepartmentCatalogue, now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.now = now

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width() or 220, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        ticket: TicketView = index.data(TICKET_ROLE)
        dept = self.catalogue.get(ticket.department) if ticket.department in self.catalogue \
            else None
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN / 2)
        self._draw_card(painter, option, card, ticket, dept)
        x = card.left() + 12
        right = card.right() - 8
        y = card.top() + 6
        metrics = painter.fontMetrics()
        self._draw_heading(painter, option, ticket, dept, metrics, x, y, right)
        y += 22
        self._draw_title(painter, option, ticket, QRectF(x, y, right - x, 18))
        y += 20
        self._draw_footer(painter, option, ticket, dept, metrics, QRectF(x, y, right - x, 18))
        painter.restore()

    @staticmethod
    def _draw_card(painter: QPainter, option: QStyleOptionViewItem, card: QRectF,
                   ticket: TicketView, dept: Department | None) -> None:
        """The rounded card (darker when selected, framed in red when urgent) and the
        department's colour band on its left."""
        palette = option.palette
        path = QPainterPath()
        path.addRoundedRect(card, 6, 6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = palette.color(QPalette.ColorRole.Base)
        painter.fillPath(path, background.darker(106) if selected else background)
        urgent = ticket.priority.value == "urgent"
        if urgent:  # the frame says it too, not only the badge
            painter.setPen(QPen(QColor(PRIORITY_COLOURS["urgent"][0]), 2))
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight) if selected
                           else palette.color(QPalette.ColorRole.Mid))
        painter.drawPath(path)
        if dept is not None:
            band = QPainterPath()
            band.addRoundedRect(QRectF(card.left(), card.top(), 6, card.height()), 3, 3)
            painter.fillPath(band, QColor(dept.colour))

    @staticmethod
    def _draw_heading(painter: QPainter, option: QStyleOptionViewItem, ticket: TicketView,
                      dept: Department | None, metrics: QFontMetrics, x: float, y: float,
                      right: float) -> None:
        """The priority badge, the department chip if it fits, the number on the right."""
        number = f"#{ticket.id}"
        number_left = right - metrics.horizontalAdvance(number)
        if ticket.media_count:  # the photo badge, left of the number
            number_left -= _photo_badge(painter, metrics, number_left - 6, y,
                                        ticket.media_count) + 6
        chip_x = x
        badge = priority_badge(ticket.priority.value)
        if badge is not None:
            badge_bg, badge_fg = PRIORITY_COLOURS[ticket.priority.value]
            bold_badge = QFont(option.font)
            bold_badge.setBold(True)
            painter.setFont(bold_badge)
            chip_x += draw_chip(painter, x, y, badge, badge_bg, badge_fg) + 4
            painter.setFont(option.font)
        room = number_left - chip_x - 8
        if dept is not None and room >= MIN_CHIP:  # else the colour band says it (and the
            department_chip(painter, chip_x, y, dept, language=language(),  # tooltip)
                            max_width=room)
        painter.setPen(MUTED)
        painter.drawText(QRectF(x, y, right - x, 18),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)

    @staticmethod
    def _draw_title(painter: QPainter, option: QStyleOptionViewItem, ticket: TicketView,
                    line: QRectF) -> None:
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        title = _printable(ticket.title)
        painter.drawText(QPointF(line.left(), line.top() + 13), painter.fontMetrics().elidedText(
            title, Qt.TextElideMode.ElideRight, int(line.width())))
        painter.setFont(option.font)

    def _draw_footer(self, painter: QPainter, option: QStyleOptionViewItem, ticket: TicketView,
                     dept: Department | None, metrics: QFontMetrics, line: QRectF) -> None:
        """Citizen, assignee, messages (⚠ personal data) on the left; the age on the right,
        amber or red while the first answer is late."""
        x, y = line.left(), line.top()
        who = f"@{ticket.citizen_handle}" if ticket.citizen_handle else "—"
        if ticket.citizen_verified_resident:
            who += " ✔"
        if ticket.for_staff:
            who += " · " + QCoreApplication.translate("CardDelegate", "para @%s") % ticket.for_staff
        assignee = ticket.assignee_name or QCoreApplication.translate("CardDelegate",
                                                                      "sin asignar")
        left_text = f"{who} · {assignee} · " + QCoreApplication.translate(
            "CardDelegate", "%d msj.") % ticket.item_count
        if ticket.personal_data:
            left_text += " · ⚠"
        target = dept.target_response_minutes if dept else 240
        colour = age_colour(ticket, target, self.now())
        age_text = age(ticket.created_at, self.now())
        age_width = metrics.horizontalAdvance(age_text) + 4
        painter.setPen(MUTED)
        painter.drawText(QPointF(x, y + 13), metrics.elidedText(
            left_text, Qt.TextElideMode.ElideRight, int(line.width() - age_width - 6)))
        if colour is not None:
            bold_age = QFont(option.font)
            bold_age.setBold(True)
            painter.setFont(bold_age)
        painter.setPen(colour or MUTED)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         age_text)
