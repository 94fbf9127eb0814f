"""Paints one feed entry: avatar, who, when (time of day), the escaped text, the priority
badge (an urgent item also gets a red edge), the triage chip, warnings. Names, handles and
reasons that do not fit are elided; the whole item is in its tooltip. A long text (a
citizen's 15-line complaint) shows its first MAX_LINES lines and "ver más": a click on it,
or Space on the chosen item, shows the rest (and folds it again).

An item with photos shows the first one's thumbnail under its text (+N when there are
more; a play mark on a video's or GIF's preview; a small placeholder saying why when there
is no image yet or none can be shown). Its media are asked for when the row is painted
(``wants_media``) and its thumbnail decoded off the GUI thread (``thumbs``): only rows on
screen cost anything. A click on the thumbnail opens the viewer (``open_media``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.domain.media import MediaKind, MediaView
from jun_desk.domain.tickets import ItemView
from jun_desk.domain.triage import reason_in
from jun_desk.ui.feed.model import ITEM_ROLE, MEDIA_ROLE
from jun_desk.ui.labels import language, privacy_labels
from jun_desk.ui.media.decode import failure_text, placeholder, play_mark, state_text
from jun_desk.ui.media.thumbs import Key, Thumbnails, key_of
from jun_desk.ui.readable import PRIORITY_COLOURS, age, priority_badge, time_of_day
from jun_desk.ui.text_render import initials, tweet_html
from jun_desk.ui.theme import MUTED, RED, WARNING_BG, department_chip, draw_avatar, draw_chip

PAD = 8
AVATAR = 36
LINE = 18
MAX_LINES = 5  # of a long text, until "ver más"
THUMB = QSize(128, 96)  # the first photo's thumbnail, under the text
MEDIA_GAP = 6


class FeedDelegate(QStyledItemDelegate):
    def __init__(
        self, catalogue: DepartmentCatalogue, now: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.now = now
        self._docs: dict[tuple[int, int], QTextDocument] = {}
        self._folds: dict[tuple[int, int], float | None] = {}
        self.expanded: set[int] = set()  # items whose whole long text is shown
        self.thumbs: Thumbnails | None = None  # decoded thumbnails (set by the panel)
        self.wants_media: Callable[[int], None] | None = None  # an item's media, please
        self.open_media: Callable[[int, int], None] | None = None  # (item id, position)
        self.waiting: dict[Key, set[int]] = {}  # a thumbnail being decoded → its items

    def _document(self, item: ItemView, width: int, font: QFont) -> QTextDocument:
        key = (item.id, width)
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) > 2000:
                self._docs.clear()
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            doc.setHtml(tweet_html(item.text))  # escaped: the tweet cannot add markup
            doc.setTextWidth(max(50, width))
            self._docs[key] = doc
        return doc

    def _fold(self, item: ItemView, doc: QTextDocument, width: int) -> float | None:
        """Where the text is cut (the top of its line MAX_LINES + 1) when it is longer than
        that and not unfolded; None when it is shown whole."""
        if item.id in self.expanded:
            return None
        key = (item.id, width)
        if key not in self._folds:
            if len(self._folds) > 2000:
                self._folds.clear()
            self._folds[key] = _line_top(doc, MAX_LINES)
        return self._folds[key]

    def _text_height(self, item: ItemView, doc: QTextDocument, width: int) -> float:
        """The height the text takes: whole, or its first lines and the "ver más" line."""
        fold = self._fold(item, doc, width)
        return doc.size().height() if fold is None else fold + LINE

    def is_long(self, item: ItemView, option: QStyleOptionViewItem) -> bool:
        """Whether the text is longer than MAX_LINES at this width (folded or not)."""
        width = self._text_width(option)
        return _line_top(self._document(item, width, option.font), MAX_LINES) is not None

    def toggle(self, item: ItemView, index: QModelIndex | QPersistentModelIndex) -> None:
        self.expanded.symmetric_difference_update({item.id})
        self.sizeHintChanged.emit(index)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        """A click on "ver más"/"ver menos", or Space on the item, folds or unfolds it."""
        item = index.data(ITEM_ROLE)
        if item is None:
            return False
        if event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.is_long(item, option):
                self.toggle(item, index)
                return True
            return False
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton:
            more = self._more_rect(item, option)
            if more is not None and more.contains(event.position()):
                self.toggle(item, index)
                return True
            thumb = self._thumb_rect(item, option)
            if thumb is not None and thumb.contains(event.position()) and \
                    index.data(MEDIA_ROLE) and self.open_media is not None:
                self.open_media(item.id, 0)
                return True
        return False

    def _thumb_rect(self, item: ItemView, option: QStyleOptionViewItem) -> QRectF | None:
        """Where the thumbnail is painted, if the item has media."""
        if not item.media_count:
            return None
        width = self._text_width(option)
        doc = self._document(item, width, option.font)
        top = option.rect.top() + PAD + LINE + 4 + self._text_height(item, doc, width) + 6
        if item.id in self.expanded and _line_top(doc, MAX_LINES) is not None:
            top += LINE + 2
        return QRectF(option.rect.left() + AVATAR + 2 * PAD, top, THUMB.width(),
                      THUMB.height())

    def _more_rect(self, item: ItemView, option: QStyleOptionViewItem) -> QRectF | None:
        """Where "ver más" (or "ver menos") is painted, if the text is long."""
        if not self.is_long(item, option):
            return None
        width = self._text_width(option)
        doc = self._document(item, width, option.font)
        top = option.rect.top() + PAD + LINE + 4 + self._text_height(item, doc, width)
        if item.id in self.expanded:
            top += 2
        x = option.rect.left() + AVATAR + 2 * PAD
        return QRectF(x, top - LINE - 2, width, LINE)

    @staticmethod
    def more_text(expanded: bool) -> str:
        return (QCoreApplication.translate("FeedDelegate", "▴ ver menos") if expanded
                else QCoreApplication.translate("FeedDelegate", "… ver más"))

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return option.rect.width() - AVATAR - 3 * PAD

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        item: ItemView = index.data(ITEM_ROLE)
        view = option.widget  # the feed's list view
        width = view.viewport().width() if isinstance(view, QAbstractScrollArea) \
            else (option.rect.width() or 400)
        option.rect.setWidth(width)
        text_width = self._text_width(option)
        doc = self._document(item, text_width, option.font)
        extra = LINE if item.personal_data else 0
        if item.id in self.expanded and _line_top(doc, MAX_LINES) is not None:
            extra += LINE + 2  # "ver menos" under the whole text
        if item.media_count:
            extra += THUMB.height() + MEDIA_GAP
        return QSize(width, int(PAD + LINE + 4 + self._text_height(item, doc, text_width)
                                + 6 + LINE + extra + PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        item: ItemView = index.data(ITEM_ROLE)
        painter.save()
        rect = QRectF(option.rect)
        self._paint_background(painter, option, item, rect)
        handle = item.author_handle or item.author_x_id
        draw_avatar(
            painter,
            QRectF(rect.left() + PAD, rect.top() + PAD, AVATAR, AVATAR),
            initials(item.author_name, handle),
            handle,
        )
        x = rect.left() + AVATAR + 2 * PAD
        y = rect.top() + PAD
        text_colour = option.palette.color(QPalette.ColorRole.Text)
        bold = QFont(option.font)
        bold.setBold(True)
        self._paint_header(painter, option, item, rect, x, y, handle, text_colour, bold)
        y += LINE + 4
        y += self._paint_text(painter, option, item, QPointF(x, y), text_colour)
        if item.media_count:
            self._paint_media(painter, item, index.data(MEDIA_ROLE),
                              QRectF(x, y, THUMB.width(), THUMB.height()))
            y += THUMB.height() + MEDIA_GAP
        cursor = self._paint_chips(painter, option, item, rect, x, y, bold)
        self._paint_reason_and_tail(painter, item, rect, x, y, cursor)
        if item.personal_data:
            self._paint_privacy(painter, item, rect, x, y + LINE + 2)
        painter.restore()

    def _paint_media(self, painter: QPainter, item: ItemView,
                     views: tuple[MediaView, ...] | None, box: QRectF) -> None:
        """The first attachment's thumbnail (or a placeholder saying why there is none),
        a play mark on a video's or GIF's preview, +N for the others."""
        if views is None and self.wants_media is not None:
            self.wants_media(item.id)  # read once, then this row repaints
        if not views:
            text = QCoreApplication.translate("FeedDelegate", "adjuntos: %d") % item.media_count
            self._paint_placeholder(painter, box, text)
            return
        first = views[0]
        if first.showable and first.path is not None and self.thumbs is not None:
            fit = _device_size(painter, THUMB)  # sharp on a 200 % screen too
            got = self.thumbs.get(first.path, fit)
            if got is None:
                self.waiting.setdefault(key_of(first.path, fit), set()).add(item.id)
                painter.fillRect(box, QColor("#eceff1"))  # being decoded: a grey box
            elif got.image is not None:
                size = got.image.size().scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(box.left(), box.top(), size.width(), size.height()),
                                  got.image)
                box = QRectF(box.left(), box.top(), size.width(), size.height())
            else:
                self._paint_placeholder(painter, box, failure_text(got.failure))
        else:
            self._paint_placeholder(painter, box, state_text(first))
        if first.ref.kind in (MediaKind.VIDEO, MediaKind.ANIMATED_GIF):
            play_mark(painter, box)
        if len(views) > 1:
            more = f"+{len(views) - 1}"
            width = painter.fontMetrics().horizontalAdvance(more) + 10
            badge = QRectF(box.right() - width - 4, box.bottom() - 22, width, 18)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, more)
            painter.restore()

    @staticmethod
    def _paint_placeholder(painter: QPainter, box: QRectF, text: str) -> None:
        device = painter.device()
        ratio = max(1.0, device.devicePixelRatioF()) if device is not None else 1.0
        painter.drawImage(box.topLeft(),
                          placeholder(int(box.width()), int(box.height()), text, ratio))

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem,
                          item: ItemView, rect: QRectF) -> None:
        """Selection or the personal-data warning, the separator, the urgent edge; a handled
        item is painted faded from here on."""
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight).lighter(185))
        elif item.personal_data and item.kind == "mention":
            painter.fillRect(rect, WARNING_BG)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if item.suggested_priority == "urgent":  # an edge as well as the badge
            painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()),
                             QColor(PRIORITY_COLOURS["urgent"][0]))
        if item.handled:
            painter.setOpacity(0.55)

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, item: ItemView,
                      rect: QRectF, x: float, y: float, handle: str, text_colour: QColor,
                      bold: QFont) -> None:
        """When first (right-aligned): the time of day, and how long ago if there is room;
        then the name and the handle share what is left, elided, never overlapping."""
        now = self.now()
        metrics = painter.fontMetrics()
        right = rect.right() - PAD
        when = f"{age(item.created_at, now)} · {time_of_day(item.created_at, now)}"
        if metrics.horizontalAdvance(when) > (right - x) / 2:
            when = time_of_day(item.created_at, now)
        when_width = metrics.horizontalAdvance(when)
        painter.setPen(MUTED)
        painter.drawText(QRectF(x, y, right - x, LINE),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        room = int(right - x - when_width - 8)
        painter.setFont(bold)
        painter.setPen(text_colour)
        name = painter.fontMetrics().elidedText(item.author_name or handle,
                                                Qt.TextElideMode.ElideRight, max(0, room))
        painter.drawText(QPointF(x, y + 13), name)
        cursor = x + painter.fontMetrics().horizontalAdvance(name) + 6
        painter.setFont(option.font)
        painter.setPen(MUTED)
        at = f"@{handle}" + ("  · DM" if item.kind == "dm_in" else "")
        left = int(x + room - cursor)
        if left > metrics.horizontalAdvance("@…"):
            at = metrics.elidedText(at, Qt.TextElideMode.ElideRight, left)
            painter.drawText(QPointF(cursor, y + 13), at)
            cursor += metrics.horizontalAdvance(at) + 6
        verified = QCoreApplication.translate("FeedDelegate", "✔ vecino verificado")
        if item.author_verified_resident and \
                cursor + metrics.horizontalAdvance(verified) + 12 <= x + room:
            draw_chip(painter, cursor, y, verified, "#e8f5e9", "#1b5e20", 17)

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, item: ItemView,
                    at_point: QPointF, text_colour: QColor) -> float:
        """The escaped tweet text; returns the height it took (and the gap below it)."""
        width = self._text_width(option)
        doc = self._document(item, width, option.font)
        fold = self._fold(item, doc, width)
        painter.save()
        painter.translate(at_point.x(), at_point.y())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_colour)
        if fold is not None:  # the first lines only
            context.clip = QRectF(0, 0, width, fold)
            painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()
        height = doc.size().height() if fold is None else fold
        if fold is not None or (item.id in self.expanded and \
                _line_top(doc, MAX_LINES) is not None):
            painter.save()
            painter.setPen(option.palette.color(QPalette.ColorRole.Link))
            painter.drawText(QRectF(at_point.x(), at_point.y() + height + 2, width, LINE),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.more_text(fold is None))
            painter.restore()
            height += LINE + (2 if fold is None else 0)
        return height + 6

    def _paint_chips(self, painter: QPainter, option: QStyleOptionViewItem, item: ItemView,
                     rect: QRectF, x: float, y: float, bold: QFont) -> float:
        """The priority badge and the department chip; returns where the line goes on."""
        code = item.suggested_department
        dept = self.catalogue.get(code) if code is not None and code in self.catalogue else None
        cursor = x
        badge = priority_badge(item.suggested_priority)
        if badge is not None:
            background, foreground = PRIORITY_COLOURS[str(item.suggested_priority)]
            painter.setFont(bold)
            cursor += draw_chip(painter, cursor, y, badge, background, foreground) + 6
            painter.setFont(option.font)
        if dept is not None:
            # The chip is elided before the notes on the right ("ticket #2"), not over them.
            tail = self._badges(item)
            reserved = painter.fontMetrics().horizontalAdvance(tail) + PAD if tail else 0
            cursor += department_chip(painter, cursor, y, dept, language=language(),
                                      max_width=max(24, rect.right() - PAD - cursor - reserved)
                                      ) + 6
        return cursor

    @staticmethod
    def _badges(item: ItemView) -> str:
        """The right-hand notes: attachments, edited, its ticket or handled."""
        extras = []
        if item.for_staff and item.kind == "mention":
            extras.append(QCoreApplication.translate("FeedDelegate", "para @%s") % item.for_staff)
        if item.found_by_search:
            extras.append(QCoreApplication.translate("FeedDelegate", "búsqueda"))
        if item.media_count:
            extras.append(
                QCoreApplication.translate("FeedDelegate", "adjuntos: %d") % item.media_count
            )
        if item.earlier_versions:
            extras.append(QCoreApplication.translate("FeedDelegate", "editado"))
        if item.ticket_id:
            extras.append(QCoreApplication.translate("FeedDelegate", "ticket #%d") % item.ticket_id)
        elif item.handled:
            extras.append(QCoreApplication.translate("FeedDelegate", "atendido"))
        return "   ".join(extras)

    def _paint_reason_and_tail(self, painter: QPainter, item: ItemView, rect: QRectF, x: float,
                               y: float, cursor: float) -> None:
        """The triage reason, elided, in what the badges on the right leave."""
        painter.setPen(MUTED)
        reason = reason_in(item.triage_reason or "", language())
        tail = self._badges(item)
        tail_width = painter.fontMetrics().horizontalAdvance(tail) + PAD if tail else 0
        available = int(rect.right() - PAD - cursor - tail_width)
        painter.drawText(
            QRectF(cursor, y, max(0, available), LINE),
            Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                reason, Qt.TextElideMode.ElideRight, max(0, available)
            ),
        )
        if tail:
            painter.drawText(
                QRectF(x, y, rect.right() - x - PAD, LINE),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                tail,
            )

    def _paint_privacy(self, painter: QPainter, item: ItemView, rect: QRectF, x: float,
                       y: float) -> None:
        """The personal-data line: a warning on a public mention, a note on a DM."""
        labels = privacy_labels()
        kinds = ", ".join(labels.get(k, k) for k in item.personal_data)
        if item.kind == "mention":
            painter.setPen(RED)
            text = (
                QCoreApplication.translate(
                    "FeedDelegate", "⚠ Datos personales en público (%s): mejor seguir por DM"
                )
                % kinds
            )
        else:
            painter.setPen(MUTED)
            text = (
                QCoreApplication.translate(
                    "FeedDelegate", "Privado, contiene datos personales (%s)"
                )
                % kinds
            )
        painter.drawText(QPointF(x, y + 13), painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(rect.right() - PAD - x)))


def _device_size(painter: QPainter, size: QSize) -> QSize:
    """``size`` in the device's pixels (the screen's scaling)."""
    device = painter.device()
    ratio = max(1.0, device.devicePixelRatioF()) if device is not None else 1.0
    return QSize(round(size.width() * ratio), round(size.height() * ratio))


def _line_top(doc: QTextDocument, lines: int) -> float | None:
    """The top of line ``lines + 1`` of the laid-out ``doc`` (None if it has no more)."""
    doc.size()  # laid out
    seen = 0
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None:
            top = layout.position().y()
            for n in range(layout.lineCount()):
                if seen == lines:
                    return top + layout.lineAt(n).y()
                seen += 1
        block = block.next()
    return None
