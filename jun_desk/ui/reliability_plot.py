"""The reliability curve of triage's confidence as a PNG (``jun-desk triage eval --plot``):
drawn with Qt offscreen (QImage + QPainter), so no plotting library is needed."""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def draw_reliability(bins: Sequence[dict[str, Any]], path: Path, title: str,
                     threshold: float | None = None) -> None:
    """Mean confidence (x) against the share right (y) per bin, the diagonal of a perfectly
    calibrated model, each bin's item count, and the routing threshold as a vertical line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication

    # A QApplication, not a QGuiApplication: a process's one application object must
    # also serve widgets made after it (the window, or the next test in the same process).
    _app = QApplication.instance() or QApplication([])
    width, height, margin = 720, 560, 70
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = QRectF(margin, margin, width - 2 * margin, height - 2 * margin)

        def at(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + x * plot.width(), plot.bottom() - y * plot.height())

        painter.setFont(QFont("Sans", 9))
        painter.setPen(QPen(QColor("#cccccc"), 1))
        for k in range(11):
            painter.drawLine(at(k / 10, 0), at(k / 10, 1))
            painter.drawLine(at(0, k / 10), at(1, k / 10))
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.drawRect(plot)
        for k in range(0, 11, 2):
            painter.drawText(at(k / 10, 0) + QPointF(-8, 18), f"{k / 10:.1f}")
            painter.drawText(at(0, k / 10) + QPointF(-34, 4), f"{k / 10:.1f}")
        painter.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(at(0, 0), at(1, 1))
        if threshold is not None:
            painter.setPen(QPen(QColor("#b3261e"), 2, Qt.PenStyle.DotLine))
            painter.drawLine(at(threshold, 0), at(threshold, 1))
            painter.drawText(at(threshold, 1) + QPointF(4, 14), f"threshold {threshold:.2f}")
        points = [(b["confidence"], b["right"], b["items"]) for b in bins
                  if b["items"] and b["confidence"] is not None and b["right"] is not None]
        painter.setPen(QPen(QColor("#1f4e9c"), 2))
        for (x0, y0, _n0), (x1, y1, _n1) in itertools.pairwise(points):
            painter.drawLine(at(x0, y0), at(x1, y1))
        painter.setBrush(QColor("#1f4e9c"))
        for x, y, n in points:
            painter.drawEllipse(at(x, y), 4, 4)
            painter.drawText(at(x, y) + QPointF(6, -6), str(n))
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.setFont(QFont("Sans", 11))
        painter.drawText(QRectF(0, 15, width, 30), Qt.AlignmentFlag.AlignCenter, title)
        painter.setFont(QFont("Sans", 9))
        painter.drawText(QRectF(0, height - 35, width, 20), Qt.AlignmentFlag.AlignCenter,
                         "confidence (mean of the bin); labels: items in the bin")
        painter.save()
        painter.translate(18, height / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-120, -10, 240, 20), Qt.AlignmentFlag.AlignCenter,
                         "share right")
        painter.restore()
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # (stubs: bytes)
        raise OSError(f"cannot write {path}")
