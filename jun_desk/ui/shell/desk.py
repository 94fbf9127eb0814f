"""The desk inside the window, composed of its parts and built in steps: the board first
(it starts reading its first page at once, and is painted while the rest is built), then
the working docks, the supervision docks, and the menus, status bar and wiring, each in an
event-loop turn of its own. ``finish`` builds what is left at once (a window built whole,
or one closed while it was being built)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from jun_desk.ui.board.panel import BoardPanel
from jun_desk.ui.shell.docks import DockLayout
from jun_desk.ui.shell.status import StatusArea

if TYPE_CHECKING:
    from jun_desk.domain.actions import Changes
    from jun_desk.domain.roles import Actor
    from jun_desk.domain.tickets import ItemView
    from jun_desk.services.changes import ChangeBatch
    from jun_desk.ui.actions_menu import DeskActions
    from jun_desk.ui.announcements.menu import AnnouncementsMenu
    from jun_desk.ui.citizen_panel import CitizenPanel
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.dashboard import Dashboard
    from jun_desk.ui.detail.panel import DetailPanel
    from jun_desk.ui.dms.panel import DmPanel
    from jun_desk.ui.feed.panel import FeedPanel
    from jun_desk.ui.lease_keeper import LeaseKeeper
    from jun_desk.ui.live import ChangeCoalescer, ChangeListener
    from jun_desk.ui.moderation.panel import ModerationPanel
    from jun_desk.ui.poller import Poller
    from jun_desk.ui.quarantine_panel import QuarantinePanel
    from jun_desk.ui.shell.notifications import Notifier
    from jun_desk.ui.shell.options import SessionOptions
    from jun_desk.ui.shell.session import SessionControl
    from jun_desk.ui.shell.settings_menu import SettingsMenu
    from jun_desk.ui.shell.view_menu import ViewMenu
    from jun_desk.ui.sign_in import SignInPanel

Area = Qt.DockWidgetArea


@dataclass
class Services:
    """What the start hands the desk besides its ``UiContext`` (tests leave them out)."""

    poller: Poller | None = None
    open_credentials: Callable[[], None] | None = None
    budget: Callable[[], dict[str, tuple[int, int]]] | None = None
    live: ChangeListener | None = None
    lease_keeper: LeaseKeeper | None = None
    stalled: Callable[[], list[Any]] | None = None
    moderation_x: Callable[[], object] | None = None
    # Staff accounts and searches: X asked before saving (a StreamLookups; issue 27)
    stream_lookups: Callable[[], object] | None = None


@dataclass
class Frame:
    """The window the desk is built in: its pages (the sign-in, the desk), its three
    menus, Ayuda's "Acerca de", and what to call for the title and once built."""

    window: QMainWindow
    pages: QStackedWidget
    sign_in: SignInPanel
    options: SessionOptions
    menus: tuple[QMenu, QMenu, QMenu, QMenu]  # Ver, Sesión, Configuración, Anuncios
    about_action: QAction
    title: Callable[[], None]
    built: Callable[[], None]


class DeskShell(QObject):
    """Every part of the desk, by name (``window.desk.feed``, ``window.desk.status``…)."""

    feed: FeedPanel
    detail: DetailPanel
    dms: DmPanel
    citizen: CitizenPanel
    dashboard: Dashboard
    quarantine: QuarantinePanel
    moderation: ModerationPanel
    notifier: Notifier
    view_menu: ViewMenu
    session_control: SessionControl
    settings_menu: SettingsMenu
    announcements_menu: AnnouncementsMenu
    desk_actions: DeskActions
    _coalescer: ChangeCoalescer

    def __init__(self, frame: Frame, ui: UiContext, services: Services) -> None:
        super().__init__(frame.window)
        self.frame, self.window, self.ui, self.services = frame, frame.window, ui, services
        self._steps: list[Callable[[], None]] = [
            self._working_docks, self._supervision_docks, self._menus, self._wiring]
        self._build_board()

    # ------------------------------------------------------------------ the steps
    def go_on(self) -> None:
        """The next step in the next event-loop turn, and so on."""
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
            if self._steps:
                QTimer.singleShot(0, self._next)

    def finish(self) -> None:
        while self._steps:
            self._steps.pop(0)()

    def building(self) -> bool:
        return bool(self._steps)

    def locked(self) -> bool:
        return "session_control" in self.__dict__ and self.session_control.locked

    def _build_board(self) -> None:
        ui, window, services = self.ui, self.window, self.services
        self.status = StatusArea(window, ui, services.stalled, services.budget)
        self.board = BoardPanel(ui, window)
        self.desk_page = QWidget(window)
        column = QVBoxLayout(self.desk_page)
        column.setContentsMargins(0, 0, 0, 0)
        for banner in self.status.banners:
            column.addWidget(banner)
        column.addWidget(self.board, 1)
        self.frame.pages.addWidget(self.desk_page)
        self.frame.pages.setCurrentWidget(self.desk_page)
        self.docks = DockLayout(window, ui, self.board)
        self.board.apply_view_state(self.docks.saved_views().get("board") or {})
        self.board.reload()

    def _working_docks(self) -> None:
        from jun_desk.ui.citizen_panel import CitizenPanel
        from jun_desk.ui.detail.panel import DetailPanel
        from jun_desk.ui.dms.panel import DmPanel
        from jun_desk.ui.feed.panel import FeedPanel
        from jun_desk.ui.layout_fit import scrolling

        ui, window, docks = self.ui, self.window, self.docks
        self.feed = docks.feed = FeedPanel(ui, window)
        self.detail = DetailPanel(ui, window)
        docks.add(self.tr("Menciones y mensajes"), "feed", self.feed, Area.LeftDockWidgetArea)
        docks.add(self.tr("Ticket"), "detail", self.detail, Area.RightDockWidgetArea)
        self.dms = DmPanel(ui, window)
        # The list above the thread until the panel is seen wide enough (its resizeEvent
        # turns it): side by side, its first minimum made the window grow past a low
        # screen as the docks were first shown.
        self.dms.splitter.setOrientation(Qt.Orientation.Vertical)
        docks.add(self.tr("Mensajes directos"), "dms", scrolling(self.dms),
                  Area.RightDockWidgetArea)
        window.tabifyDockWidget(docks.detail_dock, docks.dms_dock)
        # The citizen beside the ticket: follows the ticket, message or conversation
        # the operator opened last.
        self.citizen = CitizenPanel(ui, window)
        docks.add(self.tr("Vecino"), "citizen", self.citizen, Area.RightDockWidgetArea)
        window.tabifyDockWidget(docks.dms_dock, docks.citizen_dock)
        self.feed.item_chosen.connect(self.citizen.show_item)
        self.dms.conversation_opened.connect(self.citizen.show_conversation)
        self.citizen.conversation_requested.connect(self._open_conversation)

    def _supervision_docks(self) -> None:
        from jun_desk.ui.dashboard import Dashboard
        from jun_desk.ui.layout_fit import scrolling
        from jun_desk.ui.moderation.panel import ModerationPanel
        from jun_desk.ui.quarantine_panel import QuarantinePanel

        ui, window, docks = self.ui, self.window, self.docks
        self.dashboard = docks.dashboard = Dashboard(ui, window)
        # The day's X cost: one read for the status bar and the dashboard
        self.dashboard.costs.state_read.connect(self.status.show_costs)
        self.status.refresh_costs = self.dashboard.costs.refresh
        docks.add(self.tr("Panel de supervisión"), "dashboard", self.dashboard,
                  Area.BottomDockWidgetArea)
        self.quarantine = QuarantinePanel(ui, window)
        docks.add(self.tr("No se pudo leer"), "quarantine", self.quarantine,
                  Area.BottomDockWidgetArea)
        self.moderation = ModerationPanel(ui, self.services.moderation_x, window)
        docks.add(self.tr("Moderación"), "moderation", scrolling(self.moderation),
                  Area.BottomDockWidgetArea)
        for dock in (docks.dashboard_dock, docks.quarantine_dock, docks.moderation_dock):
            dock.setVisible(False)  # until the last step has arranged the docks
        for dock in (docks.moderation_dock, docks.quarantine_dock):
            dock.visibilityChanged.connect(
                lambda visible: None if visible else QTimer.singleShot(
                    0, self.docks.closed_on_demand))

    def _menus(self) -> None:
        from jun_desk.ui.shell.notifications import Notifier
        from jun_desk.ui.shell.session import SessionControl
        from jun_desk.ui.shell.settings_menu import SettingsMenu
        from jun_desk.ui.shell.view_menu import ViewMenu

        ui, window, frame, status = self.ui, self.window, self.frame, self.status
        self.notifier = Notifier(window, ui, status.urgent_banner,
                                 lambda: self.session_control.locked)
        status.build_labels(frame.options.training)
        # Bound methods, not lambdas: Qt drops them when the window is gone, so a job that
        # finishes after the window closed has nobody to tell instead of a dead widget.
        ui.message.connect(status.show_message)
        from jun_desk.ui.announcements.menu import AnnouncementsMenu

        view, session, settings, announcements = frame.menus
        self.view_menu = ViewMenu(window, view, self.docks, self.moderation, self.quarantine,
                                  self.sync_now)
        status.quarantine_button.clicked.connect(self.view_menu.show_quarantine)
        self.session_control = SessionControl(window, ui, frame.options, frame.sign_in, self,
                                              frame.title)
        self.session_control.fill(session)
        self.settings_menu = SettingsMenu(window, ui, settings,
                                          self.services.open_credentials,
                                          self.services.stream_lookups)
        self.announcements_menu = AnnouncementsMenu(window, ui, announcements)
        for waiting in frame.menus:
            waiting.setEnabled(True)

    def _wiring(self) -> None:
        from jun_desk.ui.accessibility import name_desk
        from jun_desk.ui.actions_menu import install as install_desk_actions
        from jun_desk.ui.live import ChangeCoalescer
        from jun_desk.ui.shell.views import DeskViews

        ui, window, status, services = self.ui, self.window, self.status, self.services
        # Arranged (and shown: supervision to supervisors only) in this last step: a dock
        # shown on screen before its place is known made the window grow past a low screen.
        docks = self.docks
        docks.default_layout()
        ui.changes_applied.connect(self._changes_applied)
        ui.ticket_chosen.connect(self._ticket_chosen)
        ui.outbox_queued.connect(self.sync_now)
        self.feed.reply_requested.connect(self._reply_to)
        self.feed.dm_requested.connect(self._dm_to)
        self.feed.arrived.connect(self.notifier.arrivals)
        status.urgent_banner.open_requested.connect(self._show_item)
        self.dashboard.new_campaign.connect(self.notifier.campaign)
        self.quarantine.count_changed.connect(status.quarantine_count)
        self.quarantine.retry_requested.connect(self.sync_now)
        if services.poller is not None:
            services.poller.changed.connect(self.apply_changes)
            services.poller.result.connect(status.synced)
            services.poller.error.connect(status.sync_failed)
            services.poller.busy.connect(status.poller_busy)
        self._coalescer = ChangeCoalescer(parent=window)
        self._coalescer.ready.connect(lambda batch: self.apply_changes(batch.changes))
        self._dashboard_timer = QTimer(self)  # figures need not follow every single change
        self._dashboard_timer.setSingleShot(True)
        self._dashboard_timer.setInterval(3_000)
        self._dashboard_timer.timeout.connect(self.dashboard.refresh)
        if services.live is not None:
            services.live.changes.connect(self._coalescer.add)
            services.live.connection.connect(status.set_connection)
        if services.lease_keeper is not None:
            services.lease_keeper.state.connect(status.lease_state)
            services.lease_keeper.taken_over.connect(self.sync_now)
        views = DeskViews(window, self.desk_page, self.frame.about_action, self.board,
                          self.feed, self.detail, self.dms, self.citizen, self.dashboard,
                          self.quarantine, status.quarantine_button, docks.feed_dock,
                          docks.detail_dock, docks.dms_dock, docks.citizen_dock)
        # Feed and Ticket menus, keyboard navigation, confirmations and undo (actions_menu.py).
        self.desk_actions = install_desk_actions(views, ui)
        name_desk(views)  # what screen readers call each field, list and pane
        docks.restore()
        self.apply_role()
        self.feed.reload()
        self.dms.reload()
        self.dashboard.refresh()
        status.refresh_outbox()
        self.quarantine.reload()
        self.frame.built()

    # ------------------------------------------------------------------ role and lock
    def apply_role(self) -> None:
        """What the signed-in person is offered: supervisors get the supervision dock, the
        password reset and the triage model's retrain/rollback; operators are not shown them."""
        actor = self.ui.actor
        self.docks.apply_role(actor.is_supervisor)
        self.session_control.apply_role(actor)
        self.settings_menu.apply_role(actor)
        self.announcements_menu.apply_role(actor)
        self.moderation.apply_role()
        self.status.show_user(actor)

    def save_layout(self) -> None:
        if not self._steps and not self.locked():
            self.docks.save()  # (while locked: saved when it was locked; the docks are hidden)

    def hide(self) -> None:
        """Behind the lock: the layout saved, the docks hidden, the menus off."""
        self.save_layout()
        self._locked_state = self.window.saveState()
        for dock in self.docks.docks():
            dock.hide()
        self.window.menuBar().setEnabled(False)
        for action in self.view_menu.actions():
            action.setEnabled(False)
        self.frame.pages.setCurrentWidget(self.frame.sign_in)

    def show(self, actor: Actor) -> None:
        """Back from the lock: the same person where they were; someone else with their
        own role, layout and filters, the drafts of the one before cleared."""
        new_person = actor != self.ui.actor
        self.window.menuBar().setEnabled(True)
        for action in self.view_menu.actions():
            action.setEnabled(True)
        self.window.restoreState(self._locked_state)
        if new_person:
            self.ui.set_actor(actor)
            self.detail.composer.clear()
            self.dms.composer.clear()
            self.docks.restore()
        self.apply_role()
        self.frame.pages.setCurrentWidget(self.desk_page)
        if new_person:
            self.docks.place()
            self.board.reload()
            self.feed.reload()
            self.dashboard.refresh()

    # ------------------------------------------------------------------ changes
    def sync_now(self) -> None:
        if self.services.poller is not None:
            self.services.poller.poll_now()

    def apply_changes(self, changes: Changes | ChangeBatch) -> None:
        """What the poller or other desks committed (the change stream): handed to every
        view once, as this desk's own operations are (``UiContext.apply_changes``)."""
        from jun_desk.domain.actions import Changes

        if not isinstance(changes, Changes):  # a ChangeBatch of the change stream
            changes = changes.changes
        self.ui.apply_changes(changes)

    def _changes_applied(self, changes: Changes, _initiator: object = None) -> None:
        """The window's own figures: the outbox in the status bar, the dashboard (which
        need not follow every single change)."""
        from jun_desk.domain.actions import Kind

        if changes.touches(Kind.OUTBOX):
            self.status.refresh_outbox()
        if changes.everything:
            self.dashboard.refresh()
        elif changes.tickets or changes.touches(Kind.FEED) or changes.touches(Kind.SETTINGS):
            # (settings: a backup was taken, on any desk)
            self._dashboard_timer.start()

    # ------------------------------------------------------------------ between panels
    def _ticket_chosen(self, _ticket_id: int) -> None:
        self.docks.detail_dock.raise_()

    def _reply_to(self, item: ItemView) -> None:
        if item.ticket_id:
            self.ui.ticket_chosen.emit(item.ticket_id)
            self.detail.start_reply()
        else:
            self.status.show_message(
                self.tr("Crea antes un ticket con este mensaje (Ctrl+T) para responder"), 8000)

    def _dm_to(self, item: ItemView) -> None:
        """Continue with this citizen by DM: in the DM panel if they wrote by DM, else from
        the ticket (created now if there is none) with the DM composer ready."""
        if item.kind == "dm_in" and item.conversation_id:
            self.docks.dms_dock.raise_()
            self.dms.open_conversation(item.conversation_id)
            return
        if item.ticket_id:
            self.ui.ticket_chosen.emit(item.ticket_id)
        else:
            self.feed.create_ticket()
        self.detail.start_reply("pasar_a_dm" if item.personal_data else None)

    def _open_conversation(self, conversation_id: str) -> None:
        self.docks.dms_dock.show()
        self.docks.dms_dock.raise_()
        self.dms.open_conversation(conversation_id, clear_search=True)

    def _show_item(self, item: ItemView) -> None:
        self.docks.feed_dock.show()
        self.docks.feed_dock.raise_()
        self.feed.show_item(item.id)
