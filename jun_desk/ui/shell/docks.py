"""The docks around the board: built, arranged by role, saved per operator and put back,
kept inside the screen; Moderación and "No se pudo leer" opened on demand."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from jun_desk.config import Paths, private_file, private_folder
from jun_desk.ui.screen_fit import available_geometry, clamp_to, dock_widths

if TYPE_CHECKING:
    from jun_desk.ui.board.panel import BoardPanel
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.dashboard import Dashboard
    from jun_desk.ui.feed.panel import FeedPanel

Area = Qt.DockWidgetArea


def layout_settings() -> QSettings:
    """Window layout and view filters, per operator; never anything secret. The file is
    private to the desk's system user like everything else the desk writes."""
    path = Paths.default().config / "layout.ini"
    private_folder(path.parent)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _sync_private(settings: QSettings) -> None:
    settings.sync()
    private_file(Paths.default().config / "layout.ini")


class DockLayout(QObject):
    """The docks of ``window`` (``add`` builds one), in the role's default arrangement or
    the operator's own. The docks are attributes once built (``feed_dock``, …)."""

    feed_dock: QDockWidget
    detail_dock: QDockWidget
    dms_dock: QDockWidget
    citizen_dock: QDockWidget
    dashboard_dock: QDockWidget
    quarantine_dock: QDockWidget
    moderation_dock: QDockWidget
    feed: FeedPanel
    dashboard: Dashboard

    def __init__(self, window: QMainWindow, ui: UiContext, board: BoardPanel) -> None:
        super().__init__(window)
        self.window, self.ui, self.board = window, ui, board
        self.own_layout = False  # this operator has a saved arrangement
        self.own_geometry = False
        # The feed's and ticket's widths and the supervision panel's height before
        # Moderación or "No se pudo leer" opened, put back when they close.
        self._sizes_before: tuple[int, int, int | None] | None = None
        self._behind: dict[str, bool] = {}

    def add(self, title: str, name: str, widget: QWidget, area: Area) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.window.addDockWidget(area, dock)
        setattr(self, f"{name}_dock", dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [*self.working_docks(), self.dashboard_dock, self.quarantine_dock,
                self.moderation_dock]

    def working_docks(self) -> list[QDockWidget]:
        """The panels a person works in: the feed, the ticket, the DMs, the citizen."""
        return [self.feed_dock, self.detail_dock, self.dms_dock, self.citizen_dock]

    # ------------------------------------------------------------------ Ver
    def front_when_chosen(self, dock: QDockWidget) -> None:
        """Ver → a panel brings it in front of its tabs: ticked on, or chosen while it
        was open behind another tab (Qt's toggle would have closed it); chosen while in
        front, it closes as before. Which panels were behind is noted as the menu opens
        (by the time the action says it was chosen, Qt has already hidden the panel)."""

        def chosen(checked: bool) -> None:
            if checked or self._behind.get(dock.objectName(), False):
                dock.show()
                dock.raise_()
            self._behind.pop(dock.objectName(), None)

        dock.toggleViewAction().triggered.connect(chosen)

    def note_behind(self) -> None:
        self._behind = {d.objectName(): not d.isHidden() and d.visibleRegion().isEmpty()
                        for d in self.docks()}

    def popup_menu(self, menu: QMenu | None) -> QMenu | None:
        """The docks' right-click menu: no supervision dock for an operator."""
        if menu is not None and not self.ui.actor.is_supervisor:
            menu.removeAction(self.dashboard_dock.toggleViewAction())
        return menu

    def apply_role(self, supervisor: bool) -> None:
        self.dashboard_dock.toggleViewAction().setVisible(supervisor)
        if not supervisor:
            self.dashboard_dock.hide()

    # ------------------------------------------------------------------ on demand
    def open_on_demand(self, dock: QDockWidget) -> None:
        """Moderación or "No se pudo leer" in front, under the board with half the
        window's height to work in; the docks' sizes before are put back when both are
        closed again (they used to stay squeezed)."""
        window = self.window
        on_demand = (self.moderation_dock, self.quarantine_dock)
        opening = all(d.isHidden() for d in on_demand)  # else a tab of one already open
        if opening:
            self._sizes_before = (self.feed_dock.width(), self.detail_dock.width(),
                                  self.dashboard_dock.height()
                                  if not self.dashboard_dock.isHidden() else None)
        height = self._on_demand_height()  # measured before the dock takes room
        dock.show()
        dock.raise_()
        if opening and height > 0 and window.dockWidgetArea(dock) == Area.BottomDockWidgetArea:
            window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
            QTimer.singleShot(0, lambda: window.resizeDocks([dock], [height],
                                                            Qt.Orientation.Vertical))

    def _on_demand_height(self) -> int:
        """Half the window, but never so much that a board column loses room for two
        cards (a low screen: a laptop at 150 %)."""
        from jun_desk.ui.board.delegate import CARD_HEIGHT

        view = next(iter(self.board.columns.values())).view
        chrome = self.board.height() - view.viewport().height()  # filters, headings
        bottom = self.dashboard_dock.height() if self.window.dockWidgetArea(
            self.dashboard_dock) == Area.BottomDockWidgetArea and \
            not self.dashboard_dock.isHidden() else 0
        room = self.board.height() + bottom - chrome - 2 * CARD_HEIGHT
        return max(0, min(self.window.height() // 2, room))

    def closed_on_demand(self) -> None:
        before = self._sizes_before
        if before is None or not all(d.isHidden() for d in (self.moderation_dock,
                                                            self.quarantine_dock)):
            return
        self._sizes_before = None
        feed, ticket, bottom = before
        self.window.resizeDocks([self.feed_dock, self.detail_dock], [feed, ticket],
                                Qt.Orientation.Horizontal)
        if bottom is not None and not self.dashboard_dock.isHidden():
            self.window.resizeDocks([self.dashboard_dock], [bottom], Qt.Orientation.Vertical)

    # ------------------------------------------------------------------ arrangement
    def default_layout(self) -> None:
        """The role's default arrangement of the docks (layout_fit.default_layout)."""
        from jun_desk.ui.layout_fit import default_layout

        default_layout(self.window, self.feed_dock, [self.detail_dock, self.dms_dock,
                                                     self.citizen_dock],
                       [self.dashboard_dock, self.moderation_dock, self.quarantine_dock],
                       supervisor=self.ui.actor.is_supervisor,
                       area=available_geometry(self.window), bottom_size=self.bottom_size())

    def bottom_size(self) -> int:
        """The supervision dock's height: every department's row in view (its title bar
        added), but never more than 45 % of the window, so the board keeps its cards."""
        title = self.dashboard_dock.fontMetrics().height() + 10
        return min(self.dashboard.wanted_height() + title, int(self.window.height() * 0.45))

    def reset(self) -> None:
        """Ver → Restablecer disposición: the role's default, at this window's size."""
        self.default_layout()
        self.own_layout = False
        self.place()
        self.save()

    def place(self) -> None:
        """The docks' default shares of the width, for someone with no layout of their own."""
        if not self.own_layout:
            self._default_widths()
            QTimer.singleShot(0, self._default_widths)  # once the window is laid out

    def _default_widths(self) -> None:
        window = self.window
        feed, ticket = dock_widths(window.width())
        window.resizeDocks([self.feed_dock, self.detail_dock], [feed, ticket],
                           Qt.Orientation.Horizontal)
        if window.dockWidgetArea(self.dashboard_dock) == Area.BottomDockWidgetArea:
            window.resizeDocks([self.dashboard_dock], [self.bottom_size()],
                               Qt.Orientation.Vertical)
        clamp_to(window, available_geometry(window))

    # ------------------------------------------------------------------ saved per operator
    def _key(self) -> str:
        return f"operator-{self.ui.actor.username.lower()}"

    def saved_views(self) -> dict[str, Any]:  # JSON of the views' filters
        """The board's and feed's filters this operator left them with."""
        try:
            views = json.loads(str(layout_settings().value(f"{self._key()}/views", "")
                                   or "{}"))
        except ValueError:
            views = {}
        return views if isinstance(views, dict) else {}

    def restore(self) -> None:
        """This operator's layout and filters; the shared one of older versions, or the
        defaults, for someone who has none yet."""
        settings, key, window = layout_settings(), self._key(), self.window
        geometry = settings.value(f"{key}/geometry") or settings.value("main/geometry")
        state = settings.value(f"{key}/state") or settings.value("main/state")
        self.own_layout = state is not None
        self.own_geometry = geometry is not None
        if geometry is not None:
            window.restoreGeometry(geometry)
            clamp_to(window, available_geometry(window))  # saved on a larger screen, maybe
        if state is None or not window.restoreState(state) or all(
                dock.isHidden() for dock in self.working_docks()):
            # Nobody's layout yet, or one saved by the versions that hid every working
            # panel on a first start: the role's default.
            self.own_layout = False
            self.default_layout()
        views = self.saved_views()
        self.board.apply_view_state(views.get("board") or {})
        self.feed.apply_view_state(views.get("feed") or {})

    def save(self) -> None:
        settings, key = layout_settings(), self._key()
        settings.setValue(f"{key}/geometry", self.window.saveGeometry())
        settings.setValue(f"{key}/state", self.window.saveState())
        settings.setValue(f"{key}/views", json.dumps(
            {"board": self.board.view_state(), "feed": self.feed.view_state()}))
        _sync_private(settings)
