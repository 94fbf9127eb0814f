"""Real image files for the media tests: photos drawn and saved by Qt's own writers (JPEG
and PNG), a header-only PNG that claims to be enormous (a decompression bomb's header),
and a file that is no image at all."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from jun_desk.domain.media import MediaKind, MediaRef, MediaState, MediaView


def write_photo(path: Path, width: int = 1200, height: int = 900, *,
                colour: str = "#4f7942", fmt: str = "JPEG") -> Path:
    """A photo-like picture: a sky, a street and a dark pothole, saved as ``fmt``."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#9ecbe8"))
    painter = QPainter(image)
    painter.fillRect(QRectF(0, height * 0.45, width, height * 0.55), QColor("#6d6d6d"))
    painter.setBrush(QColor("#2b2b2b"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(width * 0.35, height * 0.65, width * 0.3, height * 0.15))
    painter.fillRect(QRectF(width * 0.05, height * 0.1, width * 0.1, height * 0.4),
                     QColor(colour))
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path), fmt, 85), f"Qt could not write {path}"
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A valid PNG header for ``width`` × ``height`` pixels (40 GB as RGBA) followed by a
    few kilobytes of compressed zeros: what a decompression bomb shows a reader first."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    rows = zlib.compress(b"\0" * (1 << 20), 9)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows)
                     + _chunk(b"IEND", b""))
    return path


def write_broken(path: Path) -> Path:
    """Bytes that name themselves a JPEG and are not one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8\xff\xe0 this is not really a photo " * 40)
    return path


def view_of(path: Path | None, key: str = "3_1", *, kind: MediaKind = MediaKind.PHOTO,
            state: MediaState = MediaState.CACHED, alt: str | None = None,
            location: tuple[float, float] | None = None, x_link: str | None = None,
            reason: str | None = None) -> MediaView:
    """What the media service says of one attachment whose file is ``path``."""
    url = f"https://pbs.twimg.com/media/{key}.jpg"
    ref = MediaRef(media_key=key, kind=kind,
                   url=url if kind is MediaKind.PHOTO else None,
                   preview_image_url=None if kind is MediaKind.PHOTO else url,
                   alt_text=alt, width=1200, height=900)
    return MediaView(ref=ref, state=state, path=path if state is MediaState.CACHED else None,
                     reason=reason, x_link=x_link or f"https://x.com/vecina/status/{key}",
                     location=location)
