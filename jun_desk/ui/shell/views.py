"""The typed set of views the desk's actions (``ui/actions_menu.py``) and screen-reader
names (``ui/accessibility.py``) work on, instead of the whole window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolButton, QWidget

    from jun_desk.ui.board.panel import BoardPanel
    from jun_desk.ui.citizen_panel import CitizenPanel
    from jun_desk.ui.dashboard import Dashboard
    from jun_desk.ui.detail.panel import DetailPanel
    from jun_desk.ui.dms.panel import DmPanel
    from jun_desk.ui.feed.panel import FeedPanel
    from jun_desk.ui.quarantine_panel import QuarantinePanel


@dataclass(frozen=True)
class DeskViews:
    window: QMainWindow  # its menu bar and status bar; the parent of the sheet
    desk_page: QWidget  # owns the desk's keys: behind the sign-in they do nothing
    about_action: QAction  # Ayuda's entry the shortcuts sheet goes before
    board: BoardPanel
    feed: FeedPanel
    detail: DetailPanel
    dms: DmPanel
    citizen: CitizenPanel
    dashboard: Dashboard
    quarantine: QuarantinePanel
    quarantine_button: QToolButton
    feed_dock: QDockWidget
    detail_dock: QDockWidget
    dms_dock: QDockWidget
    citizen_dock: QDockWidget
