"""The photos of each message in a conversation (the ticket pane's, the DM thread's):
small thumbnails under its text, each a link the keyboard reaches (Tab, Enter) and the
mouse clicks, opening the viewer at that photo. The thumbnails come from the shared
decoder (off the GUI thread); until one is decoded the conversation shows a grey box,
then it is drawn again."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from jun_desk.domain.media import MediaKind, MediaState, MediaView
from jun_desk.ui.media.decode import failure_text, placeholder, play_mark, state_text
from jun_desk.ui.media.thumbs import Key, Thumbnails, key_of

THUMB = QSize(160, 120)
SCHEME_THUMB = "jun-thumb"  # an image of the conversation: jun-thumb:ITEM/N/STATE
SCHEME_OPEN = "jun-media"  # a click on it: jun-media:ITEM/N


def _waiting_box() -> QImage:
    image = QImage(THUMB, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#eceff1"))
    return image


class ThreadBrowser(QTextBrowser):
    """The conversation's browser: its images are the thread's photos, asked of
    ``photos`` (never fetched from anywhere; any other image is no image)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photos: ThreadPhotos | None = None

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        name = QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            if name.scheme() == SCHEME_THUMB and self.photos is not None:
                return self.photos.image(name)
            return QImage()  # nothing in a tweet loads anything
        return super().loadResource(kind, name)


class ThreadPhotos(QObject):
    """The shown ticket's media by item, their HTML under each message, their images."""

    def __init__(self, thumbs: Thumbnails, changed: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.changed = changed  # the conversation must be drawn again
        self.media: dict[int, list[MediaView]] = {}
        self._waiting: set[Key] = set()
        thumbs.ready.connect(self._ready)

    def set_media(self, media: dict[int, list[MediaView]]) -> None:
        self.media = {item: list(views) for item, views in media.items() if views}
        self._waiting.clear()

    def _ratio(self) -> float:
        """The screen's scaling where the conversation is shown (2.0 at 200 %)."""
        parent = self.parent()
        return max(1.0, parent.devicePixelRatioF()) if isinstance(parent, QWidget) else 1.0

    def _fit(self) -> QSize:
        """The thumbnails' size in the screen's pixels: sharp at any scaling (the HTML
        gives them their size in the window's units)."""
        ratio = self._ratio()
        return QSize(round(THUMB.width() * ratio), round(THUMB.height() * ratio))

    def unsettled(self) -> bool:
        """Whether a photo shown may still change (waiting for its download, or failed and
        to be tried again)."""
        return any(v.state in (MediaState.PENDING, MediaState.FAILED)
                   for views in self.media.values() for v in views)

    def views(self, item_id: int) -> list[MediaView]:
        return self.media.get(item_id, [])

    def _state(self, view: MediaView) -> str:
        if not view.showable or view.path is None:
            return "none"
        got = self.thumbs.get(view.path, self._fit())
        if got is None:
            self._waiting.add(key_of(view.path, self._fit()))
            return "wait"
        return "ok" if got.image is not None else "failed"

    def html(self, item_id: int) -> str:
        """The item's photos as linked images (and their alt texts, escaped)."""
        views = self.views(item_id)
        if not views:
            return ""
        cells = []
        for n, view in enumerate(views):
            label = html.escape(_label(view, n, len(views)))
            cells.append(
                f'<a href="{SCHEME_OPEN}:{item_id}/{n}" title="{label}">'
                f'<img src="{SCHEME_THUMB}:{item_id}/{n}/{self._state(view)}" '
                f'width="{THUMB.width()}" height="{THUMB.height()}" alt="{label}"></a>')
        alt_line = QCoreApplication.translate("DetailPanel", "Foto %d: %s")
        alts = "".join(
            f'<div style="color:#5f6368">{html.escape(alt_line % (n + 1, v.ref.alt_text))}</div>'
            for n, v in enumerate(views) if v.ref.alt_text)
        return f'<p>{"&nbsp;".join(cells)}</p>{alts}'

    def image(self, url: QUrl) -> QImage:
        """The image of ``jun-thumb:ITEM/N/STATE``."""
        try:
            item, n = (int(part) for part in url.path().split("/")[:2])
            view = self.views(item)[n]
        except (ValueError, IndexError):
            return QImage()
        if not view.showable or view.path is None:
            return placeholder(THUMB.width(), THUMB.height(), state_text(view), self._ratio())
        got = self.thumbs.get(view.path, self._fit())
        if got is None:
            return _waiting_box()
        if got.image is None:
            return placeholder(THUMB.width(), THUMB.height(), failure_text(got.failure),
                               self._ratio())
        if view.ref.kind in (MediaKind.VIDEO, MediaKind.ANIMATED_GIF):
            marked = got.image.copy()  # the preview of something that plays
            painter = QPainter(marked)
            play_mark(painter, QRectF(marked.rect()))
            painter.end()
            return marked
        return got.image

    def target(self, url: QUrl) -> tuple[int, int] | None:
        """(item, position) of a clicked ``jun-media:ITEM/N``."""
        if url.scheme() != SCHEME_OPEN:
            return None
        try:
            item, n = (int(part) for part in url.path().split("/")[:2])
        except ValueError:
            return None
        return (item, n) if 0 <= n < len(self.views(item)) else None

    def _ready(self, key: Key) -> None:
        if key in self._waiting:
            self._waiting.discard(key)
            self.changed()


def _label(view: MediaView, n: int, count: int) -> str:
    """What the link says to a screen reader (and the tooltip)."""
    what = {MediaKind.VIDEO: QCoreApplication.translate("DetailPanel", "vídeo"),
            MediaKind.ANIMATED_GIF: QCoreApplication.translate("DetailPanel", "GIF animado"),
            }.get(view.ref.kind, QCoreApplication.translate("DetailPanel", "foto"))
    return QCoreApplication.translate("DetailPanel", "Ver %s %d de %d") % (what, n + 1, count)
