"""Where the window goes on the screen it is on: its first size, the docks' shares, and a
saved geometry from a larger screen brought back inside this one. Light on purpose (no
``Qt`` namespace, no styles): the window is placed with it before anything else loads."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# A screen lower than this gets the compact arrangement: the supervision dock tabbed with
# the ticket instead of under the board (a 1,366 × 768 laptop at 150 %, full HD at 200 %).
COMPACT_HEIGHT = 700


def available_geometry(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def clamp_to(window: QWidget, area: QRect) -> None:
    """Bring the window inside ``area``: no larger than it, and moved back on it. The
    frame (title bar, borders) counts where the window manager draws one."""
    if window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    width = max(width, min(window.minimumWidth(), area.width()))
    height = max(height, min(window.minimumHeight(), area.height()))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.left()), max(y, area.top()))


def first_size(area: QRect) -> QSize:
    """The window's size when it first opens on this screen: the whole available area up
    to 1,920 × 1,080."""
    return QSize(min(area.width(), 1920), min(area.height(), 1080))


def compact(area: QRect) -> bool:
    return area.height() < COMPACT_HEIGHT


def dock_widths(width: int) -> tuple[int, int]:
    """The feed's and the ticket's share of a window ``width`` px wide; the board gets the
    rest (on 1,366 px about 690, on 1,920 about 980: six columns without scrolling)."""
    feed = max(220, min(420, int(width * 0.22)))
    ticket = max(260, min(520, int(width * 0.27)))
    return feed, ticket

