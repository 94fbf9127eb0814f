"""The desk: board in the middle, live feed and ticket detail in docks the operator can
rearrange (each operator's layout and filters are saved), a status bar that says how the
desk is doing. Ctrl+L, idle time or "Cambiar de operador" put the sign-in in front of
everything; whoever signs in gets their own role, layout and filters at once."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jun_desk import __version__
from jun_desk.config import Paths, private_file, private_folder
from jun_desk.ui import labels
from jun_desk.ui.labels import role_names
from jun_desk.ui.screen_fit import (
    available_geometry,
    clamp_to,
    dock_widths,
    first_size,
)

if TYPE_CHECKING:  # the desk's views load behind the shown window (see attach)
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QMenu,
        QMessageBox,
        QSystemTrayIcon,
        QToolButton,
    )

    from jun_desk.domain.actions import Changes
    from jun_desk.domain.roles import Actor
    from jun_desk.services.changes import ChangeBatch
    from jun_desk.services.desk import Desk
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.lease_keeper import LeaseKeeper
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.poller import Poller
    from jun_desk.ui.sign_in import SignInPanel
else:
    class _Later:
        """A Qt name looked up when first used. PySide6 builds a class's enums the first
        time the class is imported (for ``Qt`` every enum of the namespace, 35 ms here):
        the window is on screen before any of these is needed (see ``app.py``)."""

        def __init__(self, module: str, name: str) -> None:
            self._where = (module, name)
            self._target: Any = None

        def _get(self) -> Any:
            if self._target is None:
                import importlib

                module, name = self._where
                self._target = getattr(importlib.import_module(module), name)
            return self._target

        def __getattr__(self, name: str) -> Any:
            return getattr(self._get(), name)

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return self._get()(*args, **kwargs)

    Qt = _Later("PySide6.QtCore", "Qt")
    QEvent = _Later("PySide6.QtCore", "QEvent")
    QSettings = _Later("PySide6.QtCore", "QSettings")
    QAction = _Later("PySide6.QtGui", "QAction")
    QKeySequence = _Later("PySide6.QtGui", "QKeySequence")
    QApplication = _Later("PySide6.QtWidgets", "QApplication")
    QDockWidget = _Later("PySide6.QtWidgets", "QDockWidget")
    QMenu = _Later("PySide6.QtWidgets", "QMenu")
    QMessageBox = _Later("PySide6.QtWidgets", "QMessageBox")
    QSystemTrayIcon = _Later("PySide6.QtWidgets", "QSystemTrayIcon")
    QToolButton = _Later("PySide6.QtWidgets", "QToolButton")


def describe(err: Exception) -> str:
    from jun_desk.ui.context import describe as describe_error

    return describe_error(err)


# What ``MainWindow.attach`` builds the desk from; ``app.py`` imports them in a step of
# their own on the GUI thread, before the step that builds.
VIEW_MODULES = (
    "jun_desk.ui.accessibility", "jun_desk.ui.actions_menu", "jun_desk.ui.board.panel",
    "jun_desk.ui.citizen_panel", "jun_desk.ui.dashboard", "jun_desk.ui.detail.panel",
    "jun_desk.ui.dms.panel", "jun_desk.ui.feed.panel", "jun_desk.ui.layout_fit",
    "jun_desk.ui.live", "jun_desk.ui.moderation.panel", "jun_desk.ui.quarantine_panel",
    "jun_desk.ui.sign_in", "jun_desk.ui.urgency",
)


def import_views() -> None:
    import importlib

    for name in VIEW_MODULES:
        importlib.import_module(name)


def layout_settings() -> QSettings:
    """Window layout and view filters, per operator; never anything secret. The file is
    private to the desk's system user like everything else the desk writes."""
    path = Paths.default().config / "layout.ini"
    private_folder(path.parent)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _sync_private(settings: QSettings) -> None:
    settings.sync()
    private_file(Paths.default().config / "layout.ini")


@dataclass
class SessionOptions:
    """How the desk signs people in. ``training``: the sandbox's no-password mode, marked
    in the title bar. ``idle_minutes``: lock after that long without input (0: never).
    ``os_user``: the system user a bound operator may enter as. ``clock``: seconds, for
    the idle time (tests pass their own)."""

    training: bool = False
    idle_minutes: float = 10.0
    os_user: str | None = None
    clock: Callable[[], float] = field(default=time.monotonic)


class IdleLock(QObject):
    """Locks the desk after a while with no key, click, wheel or mouse move in the
    application. ``check()`` is what the timer calls; tests call it after moving their
    clock."""

    def __init__(self, window: MainWindow, minutes: float, clock: Callable[[], float]) -> None:
        super().__init__(window)
        self.window = window
        self.seconds = minutes * 60
        self.clock = clock
        self.last_input = clock()
        self._input = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                                 QEvent.Type.MouseMove, QEvent.Type.Wheel,
                                 QEvent.Type.TouchBegin})
        self.timer = QTimer(self)
        if self.seconds > 0:
            self.timer.setInterval(int(min(30.0, max(1.0, self.seconds / 4)) * 1000))
            self.timer.timeout.connect(self.check)
            self.timer.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._input:
            self.last_input = self.clock()
            if event.type() == QEvent.Type.KeyPress and self._lock_key_in_modal(event):
                return True
        return False

    def _lock_key_in_modal(self, event: QEvent) -> bool:
        """Ctrl+L typed in a modal dialog: Qt gives no shortcut of the window to a widget
        a modal dialog blocks, so the lock is pressed here (the lock closes the dialog)."""
        window = self.window
        if window.locked or not window.attached or QApplication.activeModalWidget() is None:
            return False
        typed = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
        if typed != window.lock_action.shortcut() or not window.lock_action.isEnabled():
            return False
        window.lock_action.trigger()
        return True

    def touch(self) -> None:
        self.last_input = self.clock()

    def check(self) -> None:
        if self.seconds <= 0 or self.window.locked:
            return
        if self.clock() - self.last_input >= self.seconds:
            self.window.lock(self.tr("Bloqueado tras %d min sin actividad.")
                             % round(self.seconds / 60))

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class MainWindow(QMainWindow):
    """``MainWindow(ui, …)`` builds the whole desk at once (what the tests do).
    ``MainWindow(source=…, session=…)`` is the same window with its title, menus and a
    light placeholder, shown at once by ``app.py`` while the data layer opens behind it;
    ``attach(ui, …)`` then builds the desk inside it."""

    ui: UiContext
    # The feed's and ticket's widths and the supervision panel's height before Moderación
    # or "No se pudo leer" opened, put back when they close.
    _sizes_before: tuple[int, int, int | None] | None = None

    def __init__(self, ui: UiContext | None = None, *, poller: Poller | None = None,
                 source: str = "",
                 open_credentials: Callable[[], None] | None = None,
                 budget: Callable[[], dict[str, tuple[int, int]]] | None = None,
                 live: ChangeListener | None = None,
                 lease_keeper: LeaseKeeper | None = None,
                 session: SessionOptions | None = None,
                 stalled: Callable[[], list[Any]] | None = None,
                 moderation_x: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.session = session or SessionOptions()
        self.locked = False
        self.attached = False
        self._source = source
        self.last_notification: tuple[str, str] | None = None
        self.notifications: list[tuple[str, str]] = []
        self.close_hooks: list[Callable[[], None]] = []
        self._set_title()
        self.resize(first_size(available_geometry(self)))
        # Until the desk is built: a line saying it opens, in the window's body.
        # (Centred by stretches: no Qt enum is touched before the window is shown.)
        self.placeholder_page = QWidget(self)
        self.placeholder = QLabel(self.tr("Abriendo la mesa…"), self.placeholder_page)
        self.placeholder.setObjectName("desk-placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setMaximumWidth(640)
        self.placeholder.setStyleSheet("font-size: 18px;")
        column = QVBoxLayout(self.placeholder_page)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.placeholder)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder_page)
        self.setCentralWidget(self.pages)
        menu = self.menuBar()
        self._view_menu = menu.addMenu(self.tr("&Ver"))
        self._session_menu = menu.addMenu(self.tr("&Sesión"))
        self._settings_menu = menu.addMenu(self.tr("&Configuración"))
        for waiting in (self._view_menu, self._session_menu, self._settings_menu):
            waiting.setEnabled(False)  # until the desk is open
        help_menu = menu.addMenu(self.tr("A&yuda"))
        self.about_action = help_menu.addAction(self.tr("Acerca de Jun Desk"))
        self.about_action.triggered.connect(self._about)
        if ui is not None:
            self.attach(ui, poller=poller, open_credentials=open_credentials, budget=budget,
                        live=live, lease_keeper=lease_keeper, stalled=stalled,
                        moderation_x=moderation_x)

    def _about(self) -> None:
        from jun_desk.ui.about import show_about

        show_about(self)

    def set_source(self, source: str, *, training: bool) -> None:
        """Where the desk connects (the title bar), once the start knows it."""
        self._source = source
        self.session.training = training
        self._set_title()

    def show_placeholder(self, text: str) -> None:
        """What the window says while the desk opens (or why it cannot)."""
        self.placeholder.setText(text)
        self.pages.setCurrentWidget(self.placeholder_page)

    def opening(self) -> None:
        self.show_placeholder(self.tr("Abriendo la mesa…"))

    def start_failed(self, reason: str) -> QMessageBox:
        """The desk could not be opened: why, in the window's body and in a message over
        it (window-modal, not blocking: the caller hears ``finished``)."""
        self.show_placeholder(self.tr("No se pudo abrir la mesa: %s") % reason)
        box = QMessageBox(QMessageBox.Icon.Critical, "Jun Desk",
                          self.tr("No se pudo abrir la mesa.") + "\n\n" + reason,
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("start-failed")
        box.open()
        return box

    def unexpected_text(self, error: str, report: object) -> str:
        return self.tr("Error inesperado (%s); los detalles están en %s") % (error, report)

    def offer_sandbox(self, err: BaseException) -> bool:
        """No keyring to keep X's keys in: the sandbox offered in plain words (in the
        window's language), or quit."""
        from jun_desk.ui.credentials_dialog import keyring_missing_box

        box, use_sandbox = keyring_missing_box(err)
        box.setParent(self, box.windowFlags())
        box.exec()
        return box.clickedButton() is use_sandbox

    def first_sign_in(self, desk: Desk, os_user: str | None) -> SignInPanel:
        """The sign-in in the window's body, before the desk is built behind it; the
        same panel then locks and unlocks the desk."""
        from jun_desk.ui.sign_in import SignInPanel

        self.sign_in = SignInPanel(desk, self, training=self.session.training,
                                   os_user=os_user)
        self.pages.addWidget(self.sign_in)
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.prepare()
        return self.sign_in

    def _banner(self, name: str, background: str) -> QLabel:
        """A hidden line of plain text across the board, white on ``background``."""
        banner = QLabel("", self)
        banner.setObjectName(name)
        banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.setWordWrap(True)
        banner.setStyleSheet(f"background: {background}; color: white; font-weight: 600; "
                             "padding: 6px;")
        banner.hide()
        return banner

    def attach(self, ui: UiContext, *, poller: Poller | None = None,
               open_credentials: Callable[[], None] | None = None,
               budget: Callable[[], dict[str, tuple[int, int]]] | None = None,
               live: ChangeListener | None = None,
               lease_keeper: LeaseKeeper | None = None,
               stalled: Callable[[], list[Any]] | None = None,
               moderation_x: Callable[[], object] | None = None) -> None:
        """Build the desk for ``ui`` (its services and who signed in) inside the window."""
        from jun_desk.ui.accessibility import name_desk
        from jun_desk.ui.actions_menu import install as install_desk_actions
        from jun_desk.ui.board.panel import BoardPanel
        from jun_desk.ui.citizen_panel import CitizenPanel
        from jun_desk.ui.dashboard import Dashboard
        from jun_desk.ui.detail.panel import DetailPanel
        from jun_desk.ui.dms.panel import DmPanel
        from jun_desk.ui.feed.panel import FeedPanel
        from jun_desk.ui.layout_fit import DeskStatusBar, StatusLabel, scrolling
        from jun_desk.ui.live import ChangeCoalescer
        from jun_desk.ui.moderation.panel import ModerationPanel
        from jun_desk.ui.quarantine_panel import QuarantinePanel
        from jun_desk.ui.sign_in import SignInPanel
        from jun_desk.ui.urgency import UrgentBanner

        self.ui = ui
        self.poller = poller
        self._budget = budget
        self._stalled = stalled  # streams X has not let the desk read for a while
        self.desk_status = DeskStatusBar(self)
        self.setStatusBar(self.desk_status)
        self.board = BoardPanel(ui, self)
        self.banner = self._banner("connection-banner", "#c62828")
        # A stream X has not let the desk read for ten minutes or more (see sync.py).
        self.sync_banner = self._banner("sync-banner", "#b34700")
        # The X budget is spent, or X refuses for spent credits: why, and until when.
        self.cost_banner = self._banner("cost-banner", "#c62828")
        self.desk_page = QWidget(self)
        central_layout = QVBoxLayout(self.desk_page)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.sync_banner)
        self.urgent_banner = UrgentBanner(self)  # urgent Policía Local messages, whole
        self.urgent_banner.open_requested.connect(self._show_item)
        central_layout.addWidget(self.urgent_banner)
        central_layout.addWidget(self.cost_banner)
        central_layout.addWidget(self.board, 1)
        if not hasattr(self, "sign_in"):  # else the panel the first sign-in was typed in
            self.sign_in = SignInPanel(ui.desk, self, training=self.session.training,
                                       os_user=self.session.os_user)
            self.pages.addWidget(self.sign_in)
        self.sign_in.signed_in.connect(self.unlocked)
        self.pages.addWidget(self.desk_page)
        self.pages.setCurrentWidget(self.desk_page)
        self.feed = FeedPanel(ui, self)
        self.detail = DetailPanel(ui, self)
        self.feed_dock = self._dock(self.tr("Menciones y mensajes"), "feed", self.feed,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        self.detail_dock = self._dock(self.tr("Ticket"), "detail", self.detail,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.dms = DmPanel(ui, self)
        # The list above the thread until the panel is seen wide enough (its resizeEvent
        # turns it): side by side, its first minimum made the window grow past a low
        # screen as the docks were first shown.
        self.dms.splitter.setOrientation(Qt.Orientation.Vertical)
        self.dms_dock = self._dock(self.tr("Mensajes directos"), "dms", scrolling(self.dms),
                                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.detail_dock, self.dms_dock)
        # The citizen beside the ticket: follows the ticket, message or conversation
        # the operator opened last.
        self.citizen = CitizenPanel(ui, self)
        self.citizen_dock = self._dock(self.tr("Vecino"), "citizen", self.citizen,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.dms_dock, self.citizen_dock)
        self.feed.item_chosen.connect(self.citizen.show_item)
        self.dms.conversation_opened.connect(self.citizen.show_conversation)
        self.citizen.conversation_requested.connect(self._open_conversation)
        self.dashboard = Dashboard(ui, self)
        # The day's X cost: one read for the status bar and the dashboard (refresh_costs)
        self._credits_error: Exception | None = None  # X refused for spent credits
        self.dashboard.costs.state_read.connect(self.show_costs)
        self.dashboard_dock = self._dock(self.tr("Panel de supervisión"), "dashboard",
                                         self.dashboard, Qt.DockWidgetArea.BottomDockWidgetArea)
        # Supervisors only: operators are never shown the supervision dock.
        self.dashboard_dock.setVisible(ui.actor.is_supervisor)
        self.quarantine = QuarantinePanel(ui, self)
        self.quarantine_dock = self._dock(self.tr("No se pudo leer"), "quarantine",
                                          self.quarantine,
                                          Qt.DockWidgetArea.BottomDockWidgetArea)
        self.quarantine_dock.setVisible(False)
        self.moderation = ModerationPanel(ui, moderation_x, self)
        self.moderation_dock = self._dock(self.tr("Moderación"), "moderation",
                                          scrolling(self.moderation),
                                          Qt.DockWidgetArea.BottomDockWidgetArea)
        self.moderation_dock.setVisible(False)
        for dock in (self.moderation_dock, self.quarantine_dock):
            dock.visibilityChanged.connect(
                lambda visible: None if visible else QTimer.singleShot(
                    0, self._closed_on_demand))
        self.default_layout()
        self.tray = QSystemTrayIcon(self.windowIcon(), self) \
            if QSystemTrayIcon.isSystemTrayAvailable() else None
        if self.tray is not None:
            self.tray.show()

        self.sync_label = StatusLabel(self.tr("Sin sincronizar"), self)
        self.poller_label = StatusLabel("", self, cap=200)
        self.poller_label.setObjectName("poller-label")
        self.budget_label = StatusLabel("", self, cap=140)
        self.costs_label = StatusLabel("", self, cap=220)  # "X hoy: 1,24 $ · mes: …"
        self.costs_label.setObjectName("costs-label")
        self.outbox_label = StatusLabel("", self, cap=200)
        self.user_label = StatusLabel("", self, cap=220)
        self.user_label.setObjectName("user-label")
        self.training_label = QLabel(self.tr("FORMACIÓN · sin contraseñas"), self)
        self.training_label.setStyleSheet("background: #f9a825; color: black; "
                                          "font-weight: 600; padding: 0 6px;")
        self.training_label.setVisible(self.session.training)
        self.database_label = StatusLabel(self.tr("Base de datos: %s") % ui.desk.db.display_url,
                                          self, cap=240, mode=Qt.TextElideMode.ElideMiddle)
        self.quarantine_button = QToolButton(self)
        self.quarantine_button.setObjectName("quarantine-count")
        self.quarantine_button.setAutoRaise(True)
        self.quarantine_button.setStyleSheet("color: #c62828; font-weight: 600;")
        self.quarantine_button.setToolTip(self.tr("Elementos que X envió y no se pudieron leer"))
        self.quarantine_button.clicked.connect(self.show_quarantine)
        self.quarantine_button.hide()
        self.statusBar().addPermanentWidget(self.quarantine_button)
        for label in (self.sync_label, self.poller_label, self.budget_label, self.costs_label,
                      self.outbox_label,
                      self.database_label, self.training_label, self.user_label):
            # The sync line takes the room there is; a passing message gets it back.
            self.statusBar().addPermanentWidget(label, 1 if label is self.sync_label else 0)
        self.desk_status.yield_to_messages(self.database_label, self.poller_label,
                                           self.budget_label, self.sync_label)
        # Bound methods, not lambdas: Qt drops them when the window is gone, so a job that
        # finishes after the window closed has nobody to tell instead of a dead widget.
        ui.message.connect(self._show_message)

        view = self._view_menu
        self._behind: dict[str, bool] = {}
        view.aboutToShow.connect(self._note_behind)
        for dock in (self.feed_dock, self.detail_dock, self.dms_dock, self.citizen_dock,
                     self.dashboard_dock):
            view.addAction(dock.toggleViewAction())
            self._front_when_chosen(dock)
        self.reset_layout_action = QAction(self.tr("Restablecer disposición"), self)
        self.reset_layout_action.setObjectName("reset-layout-action")
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.quarantine_action = QAction(self.tr("No se pudo &leer…"), self)
        self.quarantine_action.triggered.connect(self.show_quarantine)
        view.addAction(self.quarantine_action)
        self.moderation_action = QAction(self.tr("&Moderación…"), self)
        self.moderation_action.setObjectName("moderation-action")
        self.moderation_action.triggered.connect(self.show_moderation)
        view.addAction(self.moderation_action)
        refresh = QAction(self.tr("Sincronizar ahora"), self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.sync_now)
        view.addAction(refresh)
        self.refresh_action = refresh
        view.addSeparator()
        view.addAction(self.reset_layout_action)
        session_menu = self._session_menu
        self.lock_action = QAction(self.tr("Bloquear"), self)
        self.lock_action.setObjectName("lock-action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # Also from a floating dock (a window of its own) or an open dialog of the desk.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock())
        self.switch_action = QAction(self.tr("Cambiar de operador…"), self)
        self.switch_action.triggered.connect(self.switch_operator)
        self.password_action = QAction(self.tr("Cambiar mi contraseña…"), self)
        self.password_action.triggered.connect(self.change_password)
        self.reset_action = QAction(self.tr("Restablecer la contraseña de…"), self)
        self.reset_action.triggered.connect(self.reset_password)
        self.code_action = QAction(self.tr("Código de primer acceso para…"), self)
        self.code_action.setObjectName("first-code-action")
        self.code_action.triggered.connect(self.issue_first_code)
        for action in (self.lock_action, self.switch_action, self.password_action,
                       self.reset_action, self.code_action):
            session_menu.addAction(action)
            self.addAction(action)
        settings = self._settings_menu
        self.credentials_action = settings.addAction(self.tr("Credenciales de &X…"))
        self.credentials_action.setEnabled(open_credentials is not None)
        if open_credentials is not None:
            self.credentials_action.triggered.connect(open_credentials)

        self.database_action = settings.addAction(self.tr("&Base de datos…"))
        self.database_action.triggered.connect(self.open_database_settings)
        self.x_budget_action = settings.addAction(self.tr("&Presupuesto de X…"))
        self.x_budget_action.triggered.connect(self.open_budget)
        triage = self.triage_menu = settings.addMenu(self.tr("&Clasificación"))
        self.retrain_action = triage.addAction(
            self.tr("Reentrenar con las correcciones del mostrador"))
        self.retrain_action.triggered.connect(self.retrain_triage)
        self.rollback_action = triage.addAction(self.tr("Volver al modelo anterior"))
        self.rollback_action.triggered.connect(self.rollback_triage)
        for waiting in (self._view_menu, self._session_menu, self._settings_menu):
            waiting.setEnabled(True)
        ui.changes_applied.connect(self._changes_applied)
        ui.session_ended.connect(self._session_ended)
        ui.ticket_chosen.connect(self._ticket_chosen)
        ui.outbox_queued.connect(self.sync_now)
        self.feed.reply_requested.connect(self._reply_to)
        self.feed.dm_requested.connect(self._dm_to)
        self.feed.arrived.connect(self._arrivals)
        self.dashboard.new_campaign.connect(self._campaign)
        self.quarantine.count_changed.connect(self._quarantine_count)
        self.quarantine.retry_requested.connect(self.sync_now)
        if poller is not None:
            poller.changed.connect(self.apply_changes)
            poller.result.connect(self._synced)
            poller.error.connect(self._sync_failed)
            poller.busy.connect(self._poller_busy)
        self.live = live
        self.lease_keeper = lease_keeper
        self._coalescer = ChangeCoalescer(parent=self)
        self._coalescer.ready.connect(lambda batch: self.apply_changes(batch.changes))
        self._dashboard_timer = QTimer(self)  # figures need not follow every single change
        self._dashboard_timer.setSingleShot(True)
        self._dashboard_timer.setInterval(3_000)
        self._dashboard_timer.timeout.connect(self.dashboard.refresh)
        if live is not None:
            live.changes.connect(self._coalescer.add)
            live.connection.connect(self.set_connection)
        if lease_keeper is not None:
            lease_keeper.state.connect(self._lease_state)
            lease_keeper.taken_over.connect(self.sync_now)
        # Feed and Ticket menus, keyboard navigation, confirmations and undo (actions_menu.py).
        self.desk_actions = install_desk_actions(self)
        name_desk(self)  # what screen readers call each field, list and pane
        self._restore_layout()
        self.apply_role()
        self.idle = IdleLock(self, self.session.idle_minutes, self.session.clock)
        self.feed.reload()
        self.board.reload()
        self.dms.reload()
        self.dashboard.refresh()
        self._refresh_outbox()
        self.quarantine.reload()
        self.attached = True
        if self.isVisible():  # built inside a window already on screen (app.py)
            self._place_docks()

    def _front_when_chosen(self, dock: QDockWidget) -> None:
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

    def _note_behind(self) -> None:
        self._behind = {d.objectName(): not d.isHidden() and d.visibleRegion().isEmpty()
                        for d in self._docks()}

    def _dock(self, title: str, name: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:  # type: ignore[no-untyped-def]
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    # ------------------------------------------------------------------ events
    def _poller_busy(self, busy: bool) -> None:
        if busy:
            self.sync_label.setText(self.tr("Sincronizando con X…"))

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def _ticket_chosen(self, _ticket_id: int) -> None:
        self.detail_dock.raise_()

    def show_moderation(self) -> None:
        self._open_on_demand(self.moderation_dock)
        self.moderation.reload()

    def show_quarantine(self) -> None:
        self._open_on_demand(self.quarantine_dock)
        self.quarantine.reload()

    def _open_on_demand(self, dock: QDockWidget) -> None:
        """Moderación or "No se pudo leer" in front, under the board with half the
        window's height to work in; the docks' sizes before are put back when both are
        closed again (they used to stay squeezed)."""
        on_demand = (self.moderation_dock, self.quarantine_dock)
        opening = all(d.isHidden() for d in on_demand)  # else a tab of one already open
        if opening:
            self._sizes_before = (self.feed_dock.width(), self.detail_dock.width(),
                                  self.dashboard_dock.height()
                                  if not self.dashboard_dock.isHidden() else None)
        height = self._on_demand_height()  # measured before the dock takes room
        dock.show()
        dock.raise_()
        if opening and height > 0 and \
                self.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea:
            self.resizeDocks([dock], [height], Qt.Orientation.Vertical)
            QTimer.singleShot(0, lambda: self.resizeDocks([dock], [height],
                                                          Qt.Orientation.Vertical))

    def _on_demand_height(self) -> int:
        """Half the window, but never so much that a board column loses room for two
        cards (a low screen: a laptop at 150 %)."""
        from jun_desk.ui.board.delegate import CARD_HEIGHT

        view = next(iter(self.board.columns.values())).view
        chrome = self.board.height() - view.viewport().height()  # filters, headings
        bottom = self.dashboard_dock.height() if self.dockWidgetArea(
            self.dashboard_dock) == Qt.DockWidgetArea.BottomDockWidgetArea and \
            not self.dashboard_dock.isHidden() else 0
        room = self.board.height() + bottom - chrome - 2 * CARD_HEIGHT
        return max(0, min(self.height() // 2, room))

    def _closed_on_demand(self) -> None:
        before = self._sizes_before
        if before is None or not all(d.isHidden() for d in (self.moderation_dock,
                                                            self.quarantine_dock)):
            return
        self._sizes_before = None
        feed, ticket, bottom = before
        self.resizeDocks([self.feed_dock, self.detail_dock], [feed, ticket],
                         Qt.Orientation.Horizontal)
        if bottom is not None and not self.dashboard_dock.isHidden():
            self.resizeDocks([self.dashboard_dock], [bottom], Qt.Orientation.Vertical)

    def _quarantine_count(self, count: int) -> None:
        self.quarantine_button.setText(self.tr("No se pudo leer: %d") % count)
        self.quarantine_button.setVisible(count > 0)

    def _show_stalls(self) -> None:
        stalls = self._stalled() if self._stalled is not None else []
        if not stalls:
            self.sync_banner.hide()
            return
        names = {"mentions": self.tr("las menciones"), "dms": self.tr("los mensajes directos")}
        lines = [self.tr("No se pueden leer %s desde hace %d min: %s. Jun Desk sigue "
                         "reintentando; lo demás llega con normalidad.") % (
                     names.get(s.stream.value, s.stream.value), int(s.seconds // 60),
                     describe(s.error)) for s in stalls]
        self.sync_banner.setText("\n".join(lines))
        self.sync_banner.show()

    def sync_now(self) -> None:
        if self.poller is not None:
            self.poller.poll_now()

    def _reply_to(self, item) -> None:  # type: ignore[no-untyped-def]
        if item.ticket_id:
            self.ui.ticket_chosen.emit(item.ticket_id)
            self.detail.composer.setFocus()
        else:
            self.statusBar().showMessage(
                self.tr("Crea antes un ticket con este mensaje (Ctrl+T) para responder"), 8000)

    def _dm_to(self, item) -> None:  # type: ignore[no-untyped-def]
        """Continue with this citizen by DM: in the DM panel if they wrote by DM, else from
        the ticket (created now if there is none) with the DM composer ready."""
        if item.kind == "dm_in" and item.conversation_id:
            self.dms_dock.raise_()
            row = self.dms.model.row_of(item.conversation_id)
            if row is not None:
                self.dms.list.setCurrentIndex(self.dms.model.index(row))
            return
        if item.ticket_id:
            self.ui.ticket_chosen.emit(item.ticket_id)
        else:
            self.feed.create_ticket()
        self.detail.use_canned("pasar_a_dm" if item.personal_data else None)
        self.detail.composer.setFocus()

    def _refresh_outbox(self) -> None:
        desk = self.ui.desk
        self.ui.run(lambda: desk.outbox.list(), self._show_outbox)

    def _show_outbox(self, items: list) -> None:  # type: ignore[type-arg]
        pending = sum(1 for i in items if i.status in ("pending", "sending"))
        failed = sum(1 for i in items if i.status == "failed")
        text = self.tr("Salida: %d pendientes") % pending
        if failed:
            text += self.tr(", %d fallidos") % failed
        self.outbox_label.setText(text)
        self.outbox_label.setStyleSheet("color: #c62828;" if failed else "")

    def _synced(self, value: object) -> None:
        # (SyncReport, SendReport) from the poll; typed loosely: the window never imports
        # the X adapter that defines them.
        report, sent = cast(tuple[Any, Any], value)
        if report.standby is not None:
            self.sync_label.setText(self.tr("En espera: sondea %s") % report.standby)
            self.sync_label.setStyleSheet("")
            self.refresh_costs()  # the polling desk meters; the figures are in the database
            return
        text = self.tr("Última sincronización %s: %d nuevos") % (
            datetime.now().strftime("%H:%M:%S"), report.inserted)
        if sent.sent or sent.recovered:
            text += self.tr(", %d enviados") % (sent.sent + sent.recovered)
        failed = getattr(report, "failed", {})
        for stream, err in failed.items():
            text += self.tr("; %s: %s") % (
                self.tr("menciones") if stream.value == "mentions" else self.tr("mensajes"),
                describe(err))
        stopped = getattr(report, "stopped", [])  # walks X made stop (issue 23)
        for stop in stopped:
            text += "; " + describe(stop)
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet("color: #c62828;" if failed else
                                      "color: #b34700;" if stopped else "")
        self._show_stalls()
        # The poll's own budget figure was read before its sends were billed: the figure
        # shown is read after the whole poll, the same read as the dashboard's.
        self._credits_error = next(
            (e for e in failed.values() if getattr(e, "failure", None) == "credits"), None)
        self.refresh_costs()
        if self._budget is not None:
            budget = self._budget().get("GET /2/users/:id/mentions")
            if budget:
                self.budget_label.setText(self.tr("Cupo X: %d/%d") % budget)
        # What the sync stored and sent reached the views as its changes (poller.changed).

    # ------------------------------------------------------------------ triage model
    def retrain_triage(self) -> None:
        """Retrain the town's model off the GUI thread (a minute at most); the new model is
        kept only if it does at least as well on the test split."""
        desk, actor = self.ui.desk, self.ui.actor
        self.retrain_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Reentrenando la clasificación…"))

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self.retrain_action.setEnabled(True)
            if result.accepted:
                text = self.tr("Nuevo modelo #%d en uso en todos los puestos: acierto %.1f %% "
                               "(antes %.1f %%), %d correcciones") % (
                    result.version, 100 * result.new.accuracy, 100 * result.old.accuracy,
                    result.corrections)
            else:
                text = self.tr("Modelo nuevo rechazado: acierta %.1f %%, peor que el actual "
                               "(%.1f %%)") % (100 * result.new.accuracy,
                                               100 * result.old.accuracy)
            self.statusBar().showMessage(text, 30_000)

        self.ui.run(lambda: desk.triage_models.retrain(actor), done,
                    failure=self.tr("No se pudo reentrenar"),
                    on_error=lambda _e: self.retrain_action.setEnabled(True))

    def rollback_triage(self) -> None:
        desk, actor = self.ui.desk, self.ui.actor

        def done(version) -> None:  # type: ignore[no-untyped-def]
            text = (self.tr("Clasificación: en uso el modelo #%d") % version if version
                    else self.tr("Clasificación: en uso el modelo de fábrica"))
            self.statusBar().showMessage(text, 15_000)

        self.ui.run(lambda: desk.triage_models.rollback(actor), done,
                    failure=self.tr("No se pudo volver al modelo anterior"))

    def open_database_settings(self) -> None:
        from jun_desk.ui.database_dialog import DatabaseDialog

        dialog = DatabaseDialog(self.ui.desk.db.display_url, self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.statusBar().showMessage(dialog.status.text(), 15_000)

    # ------------------------------------------------------------------ other desks
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
            self._refresh_outbox()
        if changes.everything:
            self.dashboard.refresh()
        elif changes.tickets or changes.touches(Kind.FEED) or changes.touches(Kind.SETTINGS):
            self._dashboard_timer.start()  # (settings: a backup was taken, on any desk)

    def set_connection(self, up: bool, reason: str) -> None:
        if up:
            self.banner.hide()
            self.statusBar().showMessage(self.tr("Conexión con la base de datos recuperada"),
                                         10_000)
            return
        self.banner.setText(self.tr(
            "Sin conexión con la base de datos: %s. Reintentando automáticamente; lo que "
            "escriba se conserva, pero no se guardará hasta que vuelva la conexión.") % reason)
        self.banner.show()

    def _lease_state(self, state) -> None:  # type: ignore[no-untyped-def]
        if state.held:
            text = self.tr("Sondeo de X: este puesto")
        elif state.holder_label:
            text = self.tr("Sondeo de X: %s") % state.holder_label
        else:
            text = self.tr("Sondeo de X: nadie")
        self.poller_label.setText(text)

    # ------------------------------------------------------------------ notifications
    def notify(self, title: str, text: str) -> None:
        """A desktop notification where there is a tray; the status bar always."""
        self.last_notification = (title, text)
        self.notifications.append(self.last_notification)
        if self.locked:  # the citizen's words stay behind the lock
            text = self.tr("desbloquee Jun Desk para verlo")
        self.statusBar().showMessage(f"{title}: {text}", 20_000)
        if self.tray is not None:
            if sys.platform.startswith("linux"):  # notification servers read some markup
                import html

                title, text = html.escape(title), html.escape(text)
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def _arrivals(self, items: list) -> None:  # type: ignore[type-arg]
        from jun_desk.ui.urgency import urgent_police

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

    def _open_conversation(self, conversation_id: str) -> None:
        self.dms_dock.show()
        self.dms_dock.raise_()
        row = self.dms.model.row_of(conversation_id)
        if row is not None:
            self.dms.search.clear()
            self.dms.list.setCurrentIndex(self.dms.model.index(row))

    def _show_item(self, item) -> None:  # type: ignore[no-untyped-def]
        self.feed_dock.show()
        self.feed_dock.raise_()
        row = self.feed.model.row_of(item.id)
        if row is not None:
            self.feed.select_row(row)
            self.feed.view.setFocus()

    def _campaign(self, campaign) -> None:  # type: ignore[no-untyped-def]
        self.notify(self.tr("Campaña #%s") % campaign.hashtag,
                    self.tr("%d menciones en la última hora (pico %d/h)") % (
                        campaign.mentions, campaign.peak_per_hour))

    def _sync_failed(self, err: Exception) -> None:
        self.sync_label.setText(self.tr("Sincronización: %s") % describe(err))
        self.sync_label.setStyleSheet("color: #c62828;")
        self._show_stalls()
        if getattr(err, "failure", None) == "credits":
            self.show_costs(None, err)

    # ------------------------------------------------------------------ X costs
    def refresh_costs(self) -> None:
        """Read the day's X cost once, after whatever charged it (the whole poll: reads
        and sends), for the dashboard's figures and the status bar alike (show_costs)."""
        self.dashboard.costs.refresh()

    def show_costs(self, state, credits_error: Exception | None = None) -> None:  # type: ignore[no-untyped-def]
        """The status bar's spend line; the red banner when polling is paused for the
        budget or X refuses for spent credits (one message, until a poll is answered)."""
        from jun_desk.domain.costs import money
        from jun_desk.ui.costs_chart import summary_text

        if credits_error is not None:
            self._credits_error = credits_error
        credits_error = self._credits_error
        lang = labels.language()
        if state is not None:
            self.costs_label.setText(summary_text(state, lang))
            self.costs_label.setStyleSheet("color: #c62828; font-weight: 600;"
                                           if state.until or state.daily_alert else "")
        if credits_error is not None:
            self.cost_banner.setText(describe(credits_error))
            self.cost_banner.show()
        elif state is not None and state.until is not None:
            text = self.tr(
                "Sondeo de X en pausa: se alcanzó el presupuesto mensual (%s de %s). Se "
                "reanuda el %s a las 00:00 UTC o cuando un supervisor lo amplíe.") % (
                money(state.month_micro, lang), money(state.budget.monthly_micro, lang),
                f"{state.until:%d/%m/%Y}")
            text += " " + (self.tr("Las respuestas y los DM pendientes también esperan.")
                           if state.budget.stop_writes else
                           self.tr("Las respuestas y los DM pendientes sí se envían."))
            self.cost_banner.setText(text)
            self.cost_banner.show()
        elif state is not None:
            self.cost_banner.hide()

    def open_budget(self) -> None:
        desk, account = self.ui.desk, self.ui.account

        def opened(budget) -> None:  # type: ignore[no-untyped-def]
            from jun_desk.ui.budget_dialog import BudgetDialog

            dialog = BudgetDialog(self.ui, budget, self)
            if dialog.exec():
                self.refresh_costs()
                self.dashboard.refresh()

        self.ui.run(lambda: desk.costs.budget(account), opened,
                    failure=self.tr("No se pudo leer el presupuesto de X"))

    # ------------------------------------------------------------------ sign-in
    def _set_title(self) -> None:
        title = f"Jun Desk {__version__}" + (f" — {self._source}" if self._source else "")
        if self.session.training:
            title += " — " + self.tr("MODO FORMACIÓN: sin contraseñas")
        if self.locked:
            title += " — " + self.tr("bloqueado")
        self.setWindowTitle(title)

    def apply_role(self) -> None:
        """What the signed-in person is offered: supervisors get the supervision dock, the
        password reset and the triage model's retrain/rollback; operators are not shown them."""
        from jun_desk.domain.roles import Permission

        actor = self.ui.actor
        supervisor = actor.is_supervisor
        self.dashboard_dock.toggleViewAction().setVisible(supervisor)
        if not supervisor:
            self.dashboard_dock.hide()
        for action, shown in ((self.reset_action, supervisor),
                              (self.code_action, supervisor and not self.session.training)):
            action.setVisible(shown)
            action.setEnabled(shown)
        self.x_budget_action.setVisible(actor.may(Permission.SET_X_BUDGET))
        triage_allowed = actor.may(Permission.EDIT_TRIAGE_RULES)
        self.triage_menu.menuAction().setVisible(triage_allowed)
        for action in (self.retrain_action, self.rollback_action):
            action.setEnabled(triage_allowed)
        self.password_action.setVisible(not self.session.training)
        self.moderation.apply_role()
        self.user_label.setText(
            f"{actor.username} ({role_names().get(actor.role.value, actor.role.value)})")

    def createPopupMenu(self) -> QMenu | None:
        """The docks' right-click menu: nothing while locked, no supervision dock for an
        operator."""
        if self.locked or not self.attached:
            return None
        self._note_behind()
        menu = super().createPopupMenu()
        if menu is not None and not self.ui.actor.is_supervisor:
            menu.removeAction(self.dashboard_dock.toggleViewAction())
        return menu

    def _working_docks(self) -> list[QDockWidget]:
        """The panels a person works in: the feed, the ticket, the DMs, the citizen."""
        return [self.feed_dock, self.detail_dock, self.dms_dock, self.citizen_dock]

    def default_layout(self) -> None:
        """The role's default arrangement of the docks (layout_fit.default_layout)."""
        from jun_desk.ui.layout_fit import default_layout

        default_layout(self, self.feed_dock, [self.detail_dock, self.dms_dock,
                                              self.citizen_dock],
                       [self.dashboard_dock, self.moderation_dock, self.quarantine_dock],
                       supervisor=self.ui.actor.is_supervisor,
                       area=available_geometry(self), bottom_size=self._bottom_size())

    def _bottom_size(self) -> int:
        """The supervision dock's height: every department's row in view (its title bar
        added), but never more than 45 % of the window, so the board keeps its cards."""
        title = self.dashboard_dock.fontMetrics().height() + 10
        return min(self.dashboard.wanted_height() + title, int(self.height() * 0.45))

    def reset_layout(self) -> None:
        """Ver → Restablecer disposición: the role's default, at this window's size."""
        self.default_layout()
        self._own_layout = False
        self._place_docks()
        self.save_layout()

    def _docks(self) -> list[QDockWidget]:
        return [self.feed_dock, self.detail_dock, self.dms_dock, self.citizen_dock,
                self.dashboard_dock, self.quarantine_dock, self.moderation_dock]

    def lock(self, message: str = "", *, switch: bool = False, audit: bool = True) -> None:
        """Hide the board, feed, ticket, DMs and dashboard behind the sign-in. The person
        who locked types their password to go on; anyone else may sign in instead."""
        if self.locked:
            if switch:
                self.sign_in.prepare("switch", self.ui.actor, message=message)
            return
        actor = self.ui.actor
        if self._close_dialogs():
            closed = self.tr("Las ventanas que estaban abiertas se cerraron sin hacer nada "
                             "(como Cancelar).")
            message = f"{message} {closed}" if message else closed
        self.save_layout()
        self._locked_state = self.saveState()
        self.locked = True
        for dock in self._docks():
            dock.hide()
        self.menuBar().setEnabled(False)
        for action in (self.refresh_action, self.lock_action, self.switch_action,
                       self.password_action, self.reset_action, self.code_action,
                       self.reset_layout_action):
            action.setEnabled(False)
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.prepare("switch" if switch else "unlock", actor,
                             name="" if switch else actor.username, message=message)
        self._set_title()
        if audit:
            desk = self.ui.desk
            self.sign_in.queue(lambda: desk.operators.record_session(actor, "lock"),
                               self._lock_not_recorded)

    @staticmethod
    def _close_dialogs() -> int:
        """Every open dialog closed as if cancelled, before the lock: a modal one would
        stay in front of the lock screen (a citizen's data on a locked desk) and keep the
        keyboard from the sign-in. Its caller goes on as after Cancel: nothing is done.
        How many were closed."""
        from PySide6.QtWidgets import QApplication, QDialog

        closed = 0
        for _round in range(3):  # a dialog that opened another as it closed
            dialogs = [w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QDialog) and w.isVisible()]
            for dialog in dialogs:
                dialog.reject()
                if dialog.isVisible():  # a dialog that refuses to close is hidden anyway
                    dialog.hide()
            closed += len(dialogs)
            if not dialogs:
                break
        return closed

    def _lock_not_recorded(self, err: Exception) -> None:
        from jun_desk.domain.errors import SessionEndedError

        if isinstance(err, SessionEndedError):
            self._session_ended(describe(err))

    def switch_operator(self) -> None:
        """Someone else takes the desk without a restart."""
        self.lock(switch=True)

    def _session_ended(self, text: str) -> None:
        self.lock(text, switch=True, audit=False)

    def unlocked(self, actor: Actor) -> None:
        """``actor`` signed in on the lock screen: the same person goes on where they
        were; someone else gets their own role, layout and filters, and the drafts of
        the one before are cleared."""
        previous = self.ui.actor
        self.locked = False
        self.menuBar().setEnabled(True)
        for action in (self.refresh_action, self.lock_action, self.switch_action,
                       self.password_action, self.reset_action, self.reset_layout_action):
            action.setEnabled(True)
        self.restoreState(self._locked_state)
        if actor != previous:
            self.ui.set_actor(actor)
            self.detail.composer.clear()
            self.dms.composer.clear()
            self._restore_layout()
        self.apply_role()
        self.pages.setCurrentWidget(self.desk_page)
        if actor != previous:
            self._place_docks()
        self.idle.touch()
        self._set_title()
        if actor != previous:
            self.board.reload()
            self.feed.reload()
            self.dashboard.refresh()

    def _password_dialog(self, reset: bool) -> None:
        from jun_desk.ui.password_dialog import PasswordDialog

        PasswordDialog(self.ui, reset=reset, parent=self).exec()

    def change_password(self) -> None:
        self._password_dialog(False)

    def reset_password(self) -> None:
        self._password_dialog(True)

    def issue_first_code(self) -> None:
        from jun_desk.ui.first_code_dialog import FirstCodeDialog

        FirstCodeDialog(self.ui, parent=self).exec()

    # ------------------------------------------------------------------ layout
    def _layout_key(self) -> str:
        return f"operator-{self.ui.actor.username.lower()}"

    def _restore_layout(self) -> None:
        """This operator's layout and filters; the shared one of older versions, or the
        defaults, for someone who has none yet."""
        settings = layout_settings()
        key = self._layout_key()
        geometry = settings.value(f"{key}/geometry") or settings.value("main/geometry")
        state = settings.value(f"{key}/state") or settings.value("main/state")
        self._own_layout = state is not None
        self._own_geometry = geometry is not None
        if geometry is not None:
            self.restoreGeometry(geometry)
            clamp_to(self, available_geometry(self))  # saved on a larger screen, maybe
        if state is None or not self.restoreState(state) or all(
                dock.isHidden() for dock in self._working_docks()):
            # Nobody's layout yet, or one saved by the versions that hid every working
            # panel on a first start: the role's default.
            self._own_layout = False
            self.default_layout()
        import json

        try:
            views = json.loads(str(settings.value(f"{key}/views", "") or "{}"))
        except ValueError:
            views = {}
        if not isinstance(views, dict):
            views = {}
        self.board.apply_view_state(views.get("board") or {})
        self.feed.apply_view_state(views.get("feed") or {})

    def save_layout(self) -> None:
        import json

        if self.locked or not self.attached:
            return  # saved when the desk was locked; now the docks are hidden
        settings = layout_settings()
        key = self._layout_key()
        settings.setValue(f"{key}/geometry", self.saveGeometry())
        settings.setValue(f"{key}/state", self.saveState())
        settings.setValue(f"{key}/views", json.dumps(
            {"board": self.board.view_state(), "feed": self.feed.view_state()}))
        _sync_private(settings)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if getattr(self, "_shown", False):
            return
        self._shown = True
        # The first time on screen: inside the screen whatever was saved, and the docks'
        # default shares of the width for someone with no layout of their own. A window
        # that would fill the screen anyway opens maximised: the window manager fits it
        # with its title bar, which nobody knows the height of before it is shown.
        area = available_geometry(self)
        if not getattr(self, "_own_geometry", False) and first_size(area) == area.size():
            self.showMaximized()  # (no Qt enum touched before the window is on screen)
        clamp_to(self, area)
        QTimer.singleShot(500, self._clamp_to_screen)  # again once the frame is known
        if self.attached:
            self._place_docks()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """A window that grew past the screen (a panel's content asking for more room)
        is brought back inside it as soon as the layout settles."""
        super().resizeEvent(event)
        if self.isVisible() and not self.isMaximized():
            area = available_geometry(self)
            if self.width() > area.width() or self.height() > area.height():
                QTimer.singleShot(0, self._clamp_to_screen)

    def _place_docks(self) -> None:
        """The docks' default shares of the width, for someone with no layout of their own."""
        if not getattr(self, "_own_layout", False):
            self._default_widths()
            QTimer.singleShot(0, self._default_widths)  # once the window is laid out

    def _clamp_to_screen(self) -> None:
        clamp_to(self, available_geometry(self))

    def _default_widths(self) -> None:
        feed, ticket = dock_widths(self.width())
        self.resizeDocks([self.feed_dock, self.detail_dock], [feed, ticket],
                         Qt.Orientation.Horizontal)
        if self.dockWidgetArea(self.dashboard_dock) == Qt.DockWidgetArea.BottomDockWidgetArea:
            self.resizeDocks([self.dashboard_dock], [self._bottom_size()],
                             Qt.Orientation.Vertical)
        clamp_to(self, available_geometry(self))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for hook in self.close_hooks:  # the start stops building a desk into this window
            hook()
        if not self.attached:  # closed while the desk was opening or at the first sign-in
            if hasattr(self, "sign_in"):
                self.sign_in.wait()
            super().closeEvent(event)
            return
        self.save_layout()
        self.idle.stop()
        self.sign_in.wait()
        if self.poller is not None:
            self.poller.stop()
        if self.live is not None:
            self.live.stop()
        if self.lease_keeper is not None:
            self.lease_keeper.release()
        self.ui.wait()
        super().closeEvent(event)
