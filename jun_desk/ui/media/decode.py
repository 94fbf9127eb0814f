"""Decoding a cached image for display, safely: Qt's image readers with an allocation
limit and a largest pixel count, on a worker thread (``QImage`` may be made off the GUI
thread; ``QPixmap`` may not). A broken file, a decompression bomb or an image too large to
show is no exception: the result says it failed, and the window paints a placeholder."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPen, QPolygonF

from jun_desk.domain.media import MediaState, MediaView

# What the desk agrees to decode: a phone photo is 12-50 MP; X serves at most 4096 px a side.
MAX_PIXELS = 64_000_000
ALLOCATION_LIMIT_MB = 256  # the reader refuses to allocate more for one image
MAX_FILE_BYTES = 64 * 1024 * 1024


class Failure(StrEnum):
    MISSING = "missing"  # no file where the cache said
    BROKEN = "broken"  # not an image Qt can read, or cut short
    TOO_LARGE = "too_large"  # more pixels (or bytes) than the desk decodes


@dataclass(frozen=True, slots=True)
class Decoded:
    """An image ready to paint, or why there is none."""

    image: QImage | None
    failure: Failure | None = None
    original: QSize = field(default_factory=QSize)  # the image's own size (its header)

    @property
    def ok(self) -> bool:
        return self.image is not None


def decode(path: Path, fit: QSize | None = None) -> Decoded:
    """The image at ``path``, scaled down to fit ``fit`` (a thumbnail) or whole.

    The reader learns the size from the header before any pixel is decoded, so a bomb (a
    small file that says 100,000 × 100,000) is refused without allocating it; the
    allocation limit catches what the header hides. Scaling is done by the reader where the
    format allows (a JPEG decodes at 1/2, 1/4, 1/8 directly)."""
    try:
        if not path.is_file():
            return Decoded(None, Failure.MISSING)
        if path.stat().st_size > MAX_FILE_BYTES:
            return Decoded(None, Failure.TOO_LARGE)
    except OSError:
        return Decoded(None, Failure.MISSING)
    reader = QImageReader(str(path))
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader.setAutoTransform(True)  # a phone's EXIF orientation: the photo stands up
    reader.setDecideFormatFromContent(True)  # the bytes say what it is, not the name
    if not reader.canRead():
        return Decoded(None, Failure.BROKEN)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return Decoded(None, Failure.BROKEN, size)
    if size.width() * size.height() > MAX_PIXELS:
        return Decoded(None, Failure.TOO_LARGE, size)
    if fit is not None and (size.width() > fit.width() or size.height() > fit.height()):
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        # An allocation over the limit and a truncated file both end here.
        return Decoded(None, Failure.BROKEN, size)
    return Decoded(image, None, size)


def failure_text(failure: Failure | None) -> str:
    """What a placeholder says, in the window's language."""
    if failure is Failure.TOO_LARGE:
        return QCoreApplication.translate("Media", "imagen demasiado grande")
    return QCoreApplication.translate("Media", "imagen no disponible")


def state_text(view: MediaView) -> str:
    """What a placeholder says of an attachment the cache has no image of (yet)."""
    if view.state is MediaState.PENDING:
        return QCoreApplication.translate("Media", "aún no descargada")
    if view.state is MediaState.FAILED:
        return QCoreApplication.translate("Media", "no se pudo descargar")
    return QCoreApplication.translate("Media", "imagen no disponible")


@lru_cache(maxsize=32)
def placeholder(width: int, height: int, text: str, ratio: float = 1.0) -> QImage:
    """A grey box with ``text``: what is shown instead of an image that cannot be (made on
    the GUI thread: it draws text). ``ratio``: the screen's scaling, for sharp text."""
    image = QImage(max(1, round(width * ratio)), max(1, round(height * ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#eceff1"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#b0bec5"), 1))
    painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
    font = QFont()
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#546e7a"))
    painter.drawText(QRectF(4, 4, width - 8, height - 8),
                     Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return image


def play_mark(painter: QPainter, box: QRectF) -> None:
    """A round play mark in the middle of a video's or GIF's preview."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = box.center()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 150))
    painter.drawEllipse(centre, 16, 16)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(QPolygonF([QPointF(centre.x() - 5, centre.y() - 8),
                                   QPointF(centre.x() - 5, centre.y() + 8),
                                   QPointF(centre.x() + 8, centre.y())]))
    painter.restore()
