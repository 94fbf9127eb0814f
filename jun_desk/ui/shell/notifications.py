"""Notifications: on the desktop where there is a tray, in the status bar always; what
calls for one (Policía Local messages, the urgent ones also in a banner; a campaign)."""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from jun_desk.ui.urgency import UrgentBanner, urgent_police

if TYPE_CHECKING:
    from jun_desk.domain.campaigns import Campaign
    from jun_desk.domain.tickets import ItemView
    from jun_desk.ui.context import UiContext


class Notifier(QObject):
    """``notifications``: every one so far (title, text), the last in ``last_notification``.
    ``locked``: whether the desk is behind the sign-in (the citizen's words are not shown)."""

    def __init__(self, window: QMainWindow, ui: UiContext, urgent_banner: UrgentBanner,
                 locked: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window, self.ui, self.urgent_banner, self._locked = window, ui, urgent_banner, locked
        self.last_notification: tuple[str, str] | None = None
        self.notifications: list[tuple[str, str]] = []
        self.tray = QSystemTrayIcon(window.windowIcon(), window) \
            if QSystemTrayIcon.isSystemTrayAvailable() else None
        if self.tray is not None:
            self.tray.show()

    def notify(self, title: str, text: str) -> None:
        """A desktop notification where there is a tray; the status bar always."""
        self.last_notification = (title, text)
        self.notifications.append(self.last_notification)
        if self._locked():  # the citizen's words stay behind the lock
            text = self.tr("desbloquee Jun Desk para verlo")
        self.window.statusBar().showMessage(f"{title}: {text}", 20_000)
        if self.tray is not None:
            if sys.platform.startswith("linux"):  # notification servers read some markup
                title, text = html.escape(title), html.escape(text)
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def arrivals(self, items: list[ItemView]) -> None:
        urgent = urgent_police(items)
        if urgent:  # the whole text in a banner, and a notification that says URGENTE
            lines = self.urgent_banner.add(urgent, self.ui.desk.ctx.clock())  # one a matter
            if lines:
                self.notify(self.tr("URGENTE · Policía Local: %d aviso(s)") % len(urgent),
                            "\n".join(lines))
            return
        police = [i for i in items if i.suggested_department == "policia"]
        if police:
            first = police[0]
            who = f"@{first.author_handle}" if first.author_handle else ""
            self.notify(self.tr("Policía Local: %d aviso(s) nuevo(s)") % len(police),
                        f"{who}: {first.text[:140]}")

    def campaign(self, campaign: Campaign) -> None:
        self.notify(self.tr("Campaña #%s") % campaign.hashtag,
                    self.tr("%d menciones en la última hora (pico %d/h)") % (
                        campaign.mentions, campaign.peak_per_hour))
