"""Ver: each working panel (in front when chosen), what opens on demand (Moderación,
"No se pudo leer"), Sincronizar ahora (F5) and Restablecer disposición."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from jun_desk.ui.moderation.panel import ModerationPanel
    from jun_desk.ui.quarantine_panel import QuarantinePanel
    from jun_desk.ui.shell.docks import DockLayout


class ViewMenu(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, docks: DockLayout,
                 moderation: ModerationPanel, quarantine: QuarantinePanel,
                 sync_now: Callable[[], None]) -> None:
        super().__init__(window)
        self.docks, self.moderation, self.quarantine = docks, moderation, quarantine
        menu.aboutToShow.connect(docks.note_behind)
        for dock in (docks.feed_dock, docks.detail_dock, docks.dms_dock, docks.citizen_dock,
                     docks.dashboard_dock):
            menu.addAction(dock.toggleViewAction())
            docks.front_when_chosen(dock)
        self.reset_layout_action = QAction(self.tr("Restablecer disposición"), window)
        self.reset_layout_action.setObjectName("reset-layout-action")
        self.reset_layout_action.triggered.connect(docks.reset)
        self.quarantine_action = QAction(self.tr("No se pudo &leer…"), window)
        self.quarantine_action.triggered.connect(self.show_quarantine)
        menu.addAction(self.quarantine_action)
        self.moderation_action = QAction(self.tr("&Moderación…"), window)
        self.moderation_action.setObjectName("moderation-action")
        self.moderation_action.triggered.connect(self.show_moderation)
        menu.addAction(self.moderation_action)
        self.refresh_action = QAction(self.tr("Sincronizar ahora"), window)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(sync_now)
        menu.addAction(self.refresh_action)
        menu.addSeparator()
        menu.addAction(self.reset_layout_action)

    def actions(self) -> list[QAction]:
        """What the lock turns off."""
        return [self.refresh_action, self.reset_layout_action]

    def show_moderation(self) -> None:
        self.docks.open_on_demand(self.docks.moderation_dock)
        self.moderation.reload()

    def show_quarantine(self) -> None:
        self.docks.open_on_demand(self.docks.quarantine_dock)
        self.quarantine.reload()
