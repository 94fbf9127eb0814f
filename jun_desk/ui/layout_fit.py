"""A desk that fits the screen it is on: rows of buttons that wrap instead of widening the
window, status-bar fields that elide (with the whole text as a tooltip) instead of running
into each other, the docks arranged for the screen's size, and a saved window geometry from
a larger screen brought back inside this one.

Why the window used to be 2,410 px wide at least: every dock and the board asked for the
sum of their rows' natural widths (six board columns of 200 px, six feed buttons in a row,
five ticket buttons in a row, the conversation list and its buttons side by side), plus
the status bar's labels at their full length. A main window cannot be narrower than the
sum of its docks' and central widget's minimum widths."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QScrollArea,
    QSizeGrip,
    QSizePolicy,
    QStatusBar,
    QStyle,
    QStyleOption,
    QStyleOptionComboBox,
    QWidget,
    QWidgetItem,
)

from jun_desk.ui.screen_fit import COMPACT_HEIGHT as COMPACT_HEIGHT
from jun_desk.ui.screen_fit import available_geometry as available_geometry
from jun_desk.ui.screen_fit import clamp_to as clamp_to
from jun_desk.ui.screen_fit import compact as compact
from jun_desk.ui.screen_fit import dock_widths as dock_widths
from jun_desk.ui.screen_fit import first_size as first_size


class FlowLayout(QLayout):
    """Lays its widgets out left to right and wraps them onto the next line when the
    width runs out, so a row of buttons never sets the window's minimum width.

    ``balanced``: wrapped, the lines are as even as their order allows (the fewest lines,
    the longest as short as it can be), so a row of buttons reads as one group: filled
    greedily, the ticket's five buttons left "Reabrir" alone on a second line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, *,
                 balanced: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.balanced = balanced
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def addStretch(self, _stretch: int = 0) -> None:
        """Kept for the QHBoxLayout call sites: a flow has no stretch."""

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, items: list[QLayoutItem], width: int) -> list[list[QLayoutItem]]:
        """``items`` in lines ``width`` px wide: filled in turn, then balanced."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in items:
            advance = item.sizeHint().width()
            if lines[-1] and used + self._spacing + advance > width:
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + advance
            lines[-1].append(item)
        if not self.balanced or len(lines) < 2:
            return lines
        return self._balance(items, len(lines), width) or lines

    def _balance(self, items: list[QLayoutItem], count: int,
                 width: int) -> list[list[QLayoutItem]] | None:
        """``items`` in ``count`` lines, in order, the longest line as short as it can be."""
        widths = [i.sizeHint().width() for i in items]

        def length(start: int, end: int) -> int:
            return sum(widths[start:end]) + self._spacing * (end - start - 1)

        best: tuple[int, tuple[int, ...]] | None = None
        for breaks in itertools.combinations(range(1, len(items)), count - 1):
            bounds = (0, *breaks, len(items))
            longest = max(length(a, b) for a, b in itertools.pairwise(bounds))
            if longest <= width and (best is None or longest < best[0]):
                best = (longest, bounds)
        if best is None:
            return None
        return [items[a:b] for a, b in itertools.pairwise(best[1])]

    def _place(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y, line = area.y(), 0
        for row in self._lines(self._visible(), area.width()):
            if line:
                y += line + self._spacing
            x, line = area.x(), 0
            for item in row:
                hint = item.sizeHint()
                if apply:
                    item.setGeometry(QRect(QPoint(x, y), hint))
                x += hint.width() + self._spacing
                line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class StatusLabel(QLabel):
    """A status-bar field: at most ``cap`` px wide, shrinks to a few characters, and
    elides what does not fit with "…" (the whole text in its tooltip), so one field never
    runs into the next."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, cap: int = 360,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 keep: str = "", whole: bool = False) -> None:
        super().__init__(text, parent)
        self.cap = cap
        self.mode = mode
        # What must stay readable when the status bar is short of room: this text's
        # width (``keep``) or all of it (``whole``); the other fields are cut first.
        self.keep = keep
        self.whole = whole
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        if text:
            self.setAccessibleName(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.cap), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        width = min(hint.width(), self.fontMetrics().horizontalAdvance("M" * 4))
        return QSize(width, hint.height())

    def kept_width(self) -> int:
        """What this field keeps while the status bar cuts the others: its whole text
        (``whole``), the width of ``keep``, or nothing (see DeskStatusBar.fit_fields)."""
        hint = self.sizeHint().width()
        if self.whole:
            return hint
        if not self.keep:
            return 0
        chrome = super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())
        return min(hint, self.fontMetrics().horizontalAdvance(self.keep) + max(0, chrome))

    def shown(self, width: int) -> str:
        """The text as shown ``width`` px wide."""
        return self.fontMetrics().elidedText(self.text(), self.mode, width)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect()
        text = self.shown(rect.width())
        align = int(self.alignment() | Qt.AlignmentFlag.AlignVCenter)
        self.style().drawItemText(painter, rect, align, self.palette(), self.isEnabled(), text,
                                  self.foregroundRole())


def elide_path(text: str, metrics: QFontMetrics, width: int) -> str:
    """A path or an address ``width`` px wide: whole if it fits, else its end from a "/"
    on ("…/sandbox/jun-desk-sandbox.db": the file's name kept, the folders it is in cut
    from the top), else the end of the file's name ("…sk-sandbox.db")."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    parts = text.split("/")
    for start in range(1, len(parts)):
        tail = "…/" + "/".join(parts[start:])
        if metrics.horizontalAdvance(tail) <= width:
            return tail
    return metrics.elidedText(parts[-1], Qt.TextElideMode.ElideLeft, width)


class PathLabel(StatusLabel):
    """A status-bar field naming a file or an address, ``template`` with it for its
    ``%s`` ("Base de datos: %s"): the words stay, the path is cut from its start
    (``elide_path``: "Base de datos: …/jun-desk-sandbox.db"); the whole text in the
    tooltip. It used to be cut in the middle of everything ("Base de datos:
    sq…n-desk-sandbox.db")."""

    def __init__(self, template: str, path: str, parent: QWidget | None = None, *,
                 cap: int = 360) -> None:
        self.prefix, _, self.suffix = template.partition("%s")
        self.path = path
        super().__init__(self.prefix + path + self.suffix, parent, cap=cap)

    def shown(self, width: int) -> str:
        metrics = self.fontMetrics()
        room = width - metrics.horizontalAdvance(self.prefix + self.suffix)
        if room < metrics.horizontalAdvance("…" + "M" * 4):  # not even a few letters
            return metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, width)
        return self.prefix + elide_path(self.path, metrics, room) + self.suffix


FIELD_SPACING = 6  # px between a QStatusBar's fields (its layout's own)
FIELD_LEAD = 2  # px QStatusBar leaves before its first field
GRIP_SPACING = 7  # px between its fields and its size grip
QWIDGETSIZE_MAX = (1 << 24) - 1


def _shared(wants: dict[StatusLabel, int], floors: dict[StatusLabel, int],
            room: int) -> dict[StatusLabel, int]:
    """Widths from ``wants`` down towards ``floors`` adding up to ``room``: each field
    gives up the same share of what it has above its floor (all at their floors when
    even those do not fit)."""
    spare = sum(wants[f] - floors[f] for f in wants)
    short = sum(wants.values()) - room
    if spare <= 0 or short >= spare:
        return dict(floors)
    return {f: wants[f] - math.ceil((wants[f] - floors[f]) * short / spare) for f in wants}


class DeskStatusBar(QStatusBar):
    """A status bar whose passing messages are elided with "…" where the permanent fields
    begin (the whole message in the tooltip) instead of being cut mid-word under them.
    ``currentMessage()`` keeps the whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._yielding: list[QWidget] = []  # fields that step aside for a message
        self._stepped_aside: list[QWidget] = []
        self.messageChanged.connect(self._message_changed)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a field's text or visibility
            self.fit_fields()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_fields()
        super().resizeEvent(event)

    def fit_fields(self) -> None:
        """Where the fields do not all fit, the status bar's layout would cut them all
        alike ("Última sincronización 01:0…"): instead the fields' kept parts
        (``StatusLabel.kept_width``: the sync's time and count, who is signed in…) stay
        whole and the rest is cut from the others, each in proportion to what it has
        more than its least; only on a window too narrow even for that are the kept
        parts cut too. The caps are maximum widths, so the window's minimum width is
        what it was."""
        shown = [w for w in self._permanent if not w.isHidden()]
        fields = [w for w in shown if isinstance(w, StatusLabel)]
        if not fields:
            return
        # The row QStatusBar lays its fields in: its width, less its size grip's corner.
        # (Its layout is not walked: PySide hands stale wrappers for the one it rebuilds.)
        grip = self.findChild(QSizeGrip)
        corner = grip.width() + GRIP_SPACING if grip is not None and not grip.isHidden() \
            else 0
        room = (self.width() - FIELD_LEAD - corner - FIELD_SPACING * (len(shown) - 1)
                - sum(w.sizeHint().width() for w in shown if w not in fields))
        wants = {f: f.sizeHint().width() for f in fields}
        least = {f: f.minimumSizeHint().width() for f in fields}
        kept = {f: max(least[f], min(wants[f], f.kept_width())) for f in fields}
        caps: dict[StatusLabel, int] = {}
        if sum(wants.values()) > room:
            caps = _shared(wants, kept, room)
            if sum(caps.values()) > room:
                caps = _shared(kept, least, room)
        for field in fields:
            cap = caps.get(field, QWIDGETSIZE_MAX)
            if field.maximumWidth() != cap:
                field.setMaximumWidth(cap)

    def yield_to_messages(self, *widgets: QWidget) -> None:
        """These fields are hidden while a message is shown on a narrow window, so the
        message has room (they come back when it goes)."""
        self._yielding = list(widgets)

    def _message_changed(self, message: str) -> None:
        self.setToolTip(message)
        if message:
            needed = self.fontMetrics().horizontalAdvance(message) + 12
            for widget in self._yielding:
                if self.message_rect().width() >= min(needed, self.width() * 0.45):
                    break
                if widget.isVisible():
                    widget.hide()
                    self._stepped_aside.append(widget)
                    layout = self.layout()
                    if layout is not None:
                        layout.activate()
        else:
            for widget in self._stepped_aside:
                widget.show()
            self._stepped_aside = []

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def message_rect(self) -> QRect:
        shown = [w for w in self._permanent if w.isVisible()]
        right = min((w.geometry().left() for w in shown), default=self.width()) - 6
        return QRect(6, 0, max(0, right - 6), self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        for widget in self._permanent:
            if widget.isVisible():
                option.rect = widget.geometry()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem,
                                           option, painter, widget)
        rect = self.message_rect()
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextSingleLine),
                         self.fontMetrics().elidedText(message.replace("\n", " "),
                                                       Qt.TextElideMode.ElideRight,
                                                       rect.width()))


class FitScrollArea(QScrollArea):
    """Shows its widget at the viewport's size, or at the widget's minimum where the
    viewport is smaller (then it scrolls). Unlike ``setWidgetResizable``, which sizes a
    widget with wrapping text by its preferred height and so scrolled a panel that fitted."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{panel.__class__.__name__.lower()}-scroll")
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(panel)
        panel.installEventFilter(self)

    def _fit(self) -> None:
        panel = self.widget()
        if panel is None:
            return
        size = self.viewport().size()
        minimum = panel.minimumSizeHint().expandedTo(panel.minimumSize())
        panel.resize(max(size.width(), minimum.width()), max(size.height(), minimum.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)


def scrolling(panel: QWidget) -> QScrollArea:
    """``panel`` in a scroll area of its own: a dock lower or narrower than the panel's
    minimum (Moderación on a laptop at 150 %) scrolls it instead of making the window grow
    past the screen."""
    return FitScrollArea(panel, panel.parentWidget())


def shrinkable_combo(combo: QComboBox, characters: int = 12) -> None:
    """A combo box as wide as ``characters`` at least, not as its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


def combo_width(combo: QComboBox, text: str) -> int:
    """The width ``combo`` needs to show ``text`` whole (its frame and arrow added)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    return combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option,
        QSize(metrics.horizontalAdvance(text), metrics.height()), combo).width()


class FilterCombo(QComboBox):
    """A filter's combo box: as wide as its longest entry (its size hint), so where there
    is room every entry is read whole, not "Todos los depa" (sized by a few characters,
    these were cut at every screen size); a few characters at least (its minimum), so on
    a low-resolution screen it still gives way rather than widen the window. Its text in
    its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentTextChanged.connect(self.setToolTip)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), combo_width(self, "M" * 6)), hint.height())


def default_layout(window: QMainWindow, left: QDockWidget, right: list[QDockWidget],
                   bottom: list[QDockWidget], *, supervisor: bool, area: QRect,
                   bottom_size: int) -> None:
    """The desk's default arrangement for this screen and role, on first start and on "Ver →
    Restablecer disposición": the feed on the left and the ticket (with the DMs and the
    citizen as tabs) on the right, both full height, all shown; the bottom docks
    (supervision, then the ones opened on demand) as tabs of one group under the board
    only, where the supervision table has the board's width, so opening Moderación never
    splits the bottom in two. Only a supervisor is shown the first bottom dock. On a low
    screen the supervision panel joins the right-hand tabs so the board keeps its height.

    Every dock's visibility is set here on purpose: a dock added to a window already on
    screen stays hidden until it is shown (the cause of a first start showing only the
    board), so nothing is left to when the window happened to be shown."""
    window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    for dock in (left, *right, *bottom):  # out of wherever a person had put them
        dock.setFloating(False)
        window.removeDockWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, right[0])
    for dock in right[1:]:
        window.tabifyDockWidget(right[0], dock)
    if compact(area):  # the supervision panel a tab of the ticket's group
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, bottom[0])
        window.tabifyDockWidget(right[-1], bottom[0])
    else:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, bottom[0])
    # The ones opened on demand (Moderación, No se pudo leer) always under the board:
    # among the ticket's tabs their lists made the window wider than a low screen.
    on_demand = bottom[0] if not compact(area) else bottom[1]
    if compact(area):
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, bottom[1])
    for dock in bottom[1:]:
        if dock is not on_demand:
            window.tabifyDockWidget(on_demand, dock)
    for dock in (left, *right):
        dock.show()
    bottom[0].setVisible(supervisor)
    for dock in bottom[1:]:
        dock.hide()
    if not compact(area):
        window.resizeDocks(bottom[:1], [bottom_size], Qt.Orientation.Vertical)
    feed, ticket = dock_widths(first_size(area).width())
    window.resizeDocks([left, right[0]], [feed, ticket], Qt.Orientation.Horizontal)
    right[0].raise_()  # the ticket in front of its tabs (on a low screen, of supervision)
    if supervisor and not compact(area):
        bottom[0].raise_()  # in front of the on-demand tabs hidden with it
