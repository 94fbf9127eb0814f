"""The Anuncios menu: the announcements' window (every operator drafts; supervisors approve,
schedule and publish)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu

from jun_desk.domain.roles import Permission

if TYPE_CHECKING:
    from jun_desk.domain.roles import Actor
    from jun_desk.ui.context import UiContext


class AnnouncementsMenu(QObject):
    def __init__(self, window: QMainWindow, ui: UiContext, menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.ui = window, ui
        self.open_action = menu.addAction(self.tr("&Anuncios del ayuntamiento…"))
        self.open_action.triggered.connect(lambda _checked=False: self.open_announcements())

    def apply_role(self, actor: Actor) -> None:
        self.open_action.setEnabled(actor.may(Permission.DRAFT_ANNOUNCEMENT))

    def open_announcements(self) -> None:
        from jun_desk.ui.announcements.editor import AnnouncementsDialog

        dialog = AnnouncementsDialog(self.ui, self.window)
        dialog.exec()
        dialog.deleteLater()
