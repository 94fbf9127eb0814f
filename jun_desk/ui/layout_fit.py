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

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStatusBar,
    QStyle,
    QStyleOption,
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
    width runs out, so a row of buttons never sets the window's minimum width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
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

    def _place(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
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
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(text, parent)
        self.cap = cap
        self.mode = mode
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

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), self.mode, rect.width())
        align = int(self.alignment() | Qt.AlignmentFlag.AlignVCenter)
        self.style().drawItemText(painter, rect, align, self.palette(), self.isEnabled(), text,
                                  self.foregroundRole())


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
