"""Colours and small painting helpers shared by the delegates."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath

from jun_desk.domain.departments import Department

AMBER = QColor("#8f5500")  # 6.1:1 on white (was #b26a00, 4.2:1)
RED = QColor("#c62828")
MUTED = QColor("#5f6368")
WARNING_BG = QColor("#fff4e5")
AVATAR_COLOURS = ["#1565c0", "#2e7d32", "#6a1b9a", "#ad1457", "#00838f", "#b34700",
                  "#4e342e", "#283593"]


def avatar_colour(key: str) -> QColor:
    digest = hashlib.blake2s(key.encode(), digest_size=2).digest()
    return QColor(AVATAR_COLOURS[int.from_bytes(digest, "big") % len(AVATAR_COLOURS)])


def draw_avatar(painter: QPainter, rect: QRectF, text: str, key: str) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(avatar_colour(key))
    painter.drawEllipse(rect)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(max(7.0, rect.height() / 3.2))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def draw_chip(painter: QPainter, x: float, y: float, text: str, background: str,
              foreground: str, height: float = 18.0, max_width: float | None = None) -> float:
    """A rounded label; returns its width. Always text, so colour is never the only cue."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = painter.fontMetrics()
    if max_width is not None and metrics.horizontalAdvance(text) + 12 > max_width:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(max(20, max_width - 12)))
    width = metrics.horizontalAdvance(text) + 12
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, width, height), height / 2, height / 2)
    painter.fillPath(path, QColor(background))
    painter.setPen(QColor(foreground))
    painter.drawText(QRectF(x, y, width, height), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return width


def department_chip(painter: QPainter, x: float, y: float, dept: Department,
                    max_width: float | None = None, language: str = "es") -> float:
    return draw_chip(painter, x, y, dept.name(language), dept.colour, dept.text_colour,
                     max_width=max_width)
