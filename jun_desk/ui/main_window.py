"""The desk: board in the middle, live feed and ticket detail in docks the operator can
rearrange (the layout is saved), a status bar that says how the desk is doing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jun_desk import __version__
from jun_desk.config import Paths
from jun_desk.services.changes import ChangeBatch
from jun_desk.ui.about import show_about
from jun_desk.ui.board.panel import BoardPanel
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.dashboard import Dashboard
from jun_desk.ui.detail.panel import DetailPanel
from jun_desk.ui.dms.panel import DmPanel
from jun_desk.ui.feed.panel import FeedPanel
from jun_desk.ui.labels import role_names
from jun_desk.ui.lease_keeper import LeaseKeeper
from jun_desk.ui.live import ChangeCoalescer, ChangeListener
from jun_desk.ui.poller import Poller
from jun_desk.ui.quarantine_panel import QuarantinePanel


def layout_settings() -> QSettings:
    """Window layout only; never anything secret."""
    path = Paths.default().config / "layout.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, ui: UiContext, *, poller: Poller | None = None, source: str = "",
                 open_credentials: Callable[[], None] | None = None,
                 budget: Callable[[], dict[str, tuple[int, int]]] | None = None,
                 live: ChangeListener | None = None,
                 lease_keeper: LeaseKeeper | None = None,
                 stalled: Callable[[], list] | None = None) -> None:
        super().__init__()
        self.ui = ui
        self.poller = poller
        self._budget = budget
        self._stalled = stalled  # streams X has not let the desk read for a while
        self.last_notification: tuple[str, str] | None = None
        self.notifications: list[tuple[str, str]] = []
        self.setWindowTitle(f"Jun Desk {__version__}" + (f" — {source}" if source else ""))
        self.resize(1600, 950)
        self.board = BoardPanel(ui, self)
        self.banner = QLabel("", self)
        self.banner.setObjectName("connection-banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #c62828; color: white; font-weight: 600; "
                                  "padding: 6px;")
        self.banner.hide()
        # A stream X has not let the desk read for ten minutes or more (see sync.py).
        self.sync_banner = QLabel("", self)
        self.sync_banner.setObjectName("sync-banner")
        self.sync_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_banner.setWordWrap(True)
        self.sync_banner.setStyleSheet("background: #ef6c00; color: white; font-weight: 600; "
                                       "padding: 6px;")
        self.sync_banner.hide()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.sync_banner)
        central_layout.addWidget(self.board, 1)
        self.setCentralWidget(central)
        self.feed = FeedPanel(ui, self)
        self.detail = DetailPanel(ui, self)
        self.feed_dock = self._dock(self.tr("Menciones y mensajes"), "feed", self.feed,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        self.detail_dock = self._dock(self.tr("Ticket"), "detail", self.detail,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.dms = DmPanel(ui, self)
        self.dms_dock = self._dock(self.tr("Mensajes directos"), "dms", self.dms,
                                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.detail_dock, self.dms_dock)
        self.dashboard = Dashboard(ui, self)
        self.dashboard_dock = self._dock(self.tr("Panel de supervisión"), "dashboard",
                                         self.dashboard, Qt.DockWidgetArea.BottomDockWidgetArea)
        # Everyone may read the figures; the dock starts open for supervisors only.
        self.dashboard_dock.setVisible(ui.actor.is_supervisor)
        self.quarantine = QuarantinePanel(ui, self)
        self.quarantine_dock = self._dock(self.tr("No se pudo leer"), "quarantine",
                                          self.quarantine,
                                          Qt.DockWidgetArea.BottomDockWidgetArea)
        self.quarantine_dock.setVisible(False)
        self.detail_dock.raise_()
        self.tray = QSystemTrayIcon(self.windowIcon(), self) \
            if QSystemTrayIcon.isSystemTrayAvailable() else None
        if self.tray is not None:
            self.tray.show()

        self.sync_label = QLabel(self.tr("Sin sincronizar"), self)
        self.poller_label = QLabel("", self)
        self.poller_label.setObjectName("poller-label")
        self.budget_label = QLabel("", self)
        self.outbox_label = QLabel("", self)
        self.user_label = QLabel(
            f"{ui.actor.username} ({role_names().get(ui.actor.role.value, ui.actor.role.value)})",
            self)
        self.database_label = QLabel(self.tr("Base de datos: %s") % ui.desk.db.display_url, self)
        self.quarantine_button = QToolButton(self)
        self.quarantine_button.setObjectName("quarantine-count")
        self.quarantine_button.setAutoRaise(True)
        self.quarantine_button.setStyleSheet("color: #c62828; font-weight: 600;")
        self.quarantine_button.setToolTip(self.tr("Elementos que X envió y no se pudieron leer"))
        self.quarantine_button.clicked.connect(self.show_quarantine)
        self.quarantine_button.hide()
        self.statusBar().addPermanentWidget(self.quarantine_button)
        for label in (self.sync_label, self.poller_label, self.budget_label, self.outbox_label,
                      self.database_label, self.user_label):
            self.statusBar().addPermanentWidget(label)
        ui.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))

        menu = self.menuBar()
        view = menu.addMenu(self.tr("&Ver"))
        view.addAction(self.feed_dock.toggleViewAction())
        view.addAction(self.detail_dock.toggleViewAction())
        view.addAction(self.dms_dock.toggleViewAction())
        view.addAction(self.dashboard_dock.toggleViewAction())
        self.quarantine_action = QAction(self.tr("No se pudo &leer…"), self)
        self.quarantine_action.triggered.connect(self.show_quarantine)
        view.addAction(self.quarantine_action)
        refresh = QAction(self.tr("Sincronizar ahora"), self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(self.sync_now)
        view.addAction(refresh)
        settings = menu.addMenu(self.tr("&Configuración"))
        self.credentials_action = settings.addAction(self.tr("Credenciales de &X…"))
        self.credentials_action.setEnabled(open_credentials is not None)
        if open_credentials is not None:
            self.credentials_action.triggered.connect(open_credentials)

        self.database_action = settings.addAction(self.tr("&Base de datos…"))
        self.database_action.triggered.connect(self.open_database_settings)

        help_menu = menu.addMenu(self.tr("A&yuda"))
        self.about_action = help_menu.addAction(self.tr("Acerca de Jun Desk"))
        self.about_action.triggered.connect(lambda: show_about(self))
        ui.changed.connect(self._desk_changed)
        ui.ticket_chosen.connect(lambda _id: self.detail_dock.raise_())
        ui.outbox_queued.connect(self.sync_now)
        self.feed.reply_requested.connect(self._reply_to)
        self.feed.dm_requested.connect(self._dm_to)
        self.feed.arrived.connect(self._arrivals)
        self.dashboard.new_campaign.connect(self._campaign)
        self.quarantine.count_changed.connect(self._quarantine_count)
        self.quarantine.retry_requested.connect(self.sync_now)
        if poller is not None:
            poller.result.connect(self._synced)
            poller.error.connect(self._sync_failed)
            poller.busy.connect(lambda busy: busy and self.sync_label.setText(
                self.tr("Sincronizando con X…")))
        self.live = live
        self.lease_keeper = lease_keeper
        self._coalescer = ChangeCoalescer(parent=self)
        self._coalescer.ready.connect(self.apply_changes)
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
        self._restore_layout()
        self.feed.reload()
        self.board.reload()
        self.dms.reload()
        self.dashboard.refresh()
        self._refresh_outbox()
        self.quarantine.reload()

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
    def show_quarantine(self) -> None:
        self.quarantine_dock.show()
        self.quarantine_dock.raise_()
        self.quarantine.reload()

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

    def _desk_changed(self) -> None:
        if self.live is not None:
            return  # the change comes back through the live stream, which refreshes views
        self.board.refresh_counts()
        self.detail.reload()
        self._refresh_outbox()

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
        report, sent = value  # type: ignore[misc]
        if report.standby is not None:
            self.sync_label.setText(self.tr("En espera: sondea %s") % report.standby)
            self.sync_label.setStyleSheet("")
            if self.live is None:
                self._refresh_outbox()
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
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet("color: #c62828;" if failed else "")
        self._show_stalls()
        if self.live is None and (getattr(report, "quarantined", 0)
                                  or getattr(report, "recovered", 0)):
            self.quarantine.reload()
        if self._budget is not None:
            budget = self._budget().get("GET /2/users/:id/mentions")
            if budget:
                self.budget_label.setText(self.tr("Cupo X: %d/%d") % budget)
        if self.live is not None:
            return  # what the sync stored and sent comes back through the live stream
        self.feed.refresh_new()
        if report.mentions.attached or report.dms.attached:
            self.board.reload()
        else:
            self.board.refresh_counts()
        self._refresh_outbox()
        self.detail.reload()
        if report.dms.inserted:
            self.dms.reload()
        if report.inserted:
            self.dashboard.refresh()

    def open_database_settings(self) -> None:
        from jun_desk.ui.database_dialog import DatabaseDialog

        dialog = DatabaseDialog(self.ui.desk.db.display_url, self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.statusBar().showMessage(dialog.status.text(), 15_000)

    # ------------------------------------------------------------------ other desks
    def apply_changes(self, batch: ChangeBatch) -> None:
        """What other desks (or this one's poller) committed: each view refreshes only what
        the batch touched; a resync (after a lost connection) refreshes everything."""
        if batch.resync:
            self.feed.reload()
            self.board.reload()
            self.dms.reload()
            self.detail.reload()
            self._refresh_outbox()
            self.dashboard.refresh()
            self.quarantine.reload()
            return
        tickets = batch.tickets
        if tickets:
            self.board.refresh_tickets(tickets)
            if self.detail.current_id in tickets:
                self.detail.reload()
        if batch.feed:
            self.feed.refresh_new()
            self.feed.refresh_shown()
        if batch.dms:
            self.dms.reload()
        if batch.outbox:
            self._refresh_outbox()
        if batch.operators:
            self.board.reload_operators()
        if batch.quarantine:
            self.quarantine.reload()
        if tickets or batch.feed:
            self._dashboard_timer.start()

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
        self.statusBar().showMessage(f"{title}: {text}", 20_000)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def _arrivals(self, items: list) -> None:  # type: ignore[type-arg]
        police = [i for i in items if i.suggested_department == "policia"]
        if police:
            first = police[0]
            who = f"@{first.author_handle}" if first.author_handle else ""
            self.notify(self.tr("Policía Local: %d aviso(s) nuevo(s)") % len(police),
                        f"{who}: {first.text[:140]}")

    def _campaign(self, campaign) -> None:  # type: ignore[no-untyped-def]
        self.notify(self.tr("Campaña #%s") % campaign.hashtag,
                    self.tr("%d menciones en la última hora (pico %d/h)") % (
                        campaign.mentions, campaign.peak_per_hour))

    def _sync_failed(self, err: Exception) -> None:
        self.sync_label.setText(self.tr("Sincronización: %s") % describe(err))
        self.sync_label.setStyleSheet("color: #c62828;")
        self._show_stalls()

    # ------------------------------------------------------------------ layout
    def _restore_layout(self) -> None:
        settings = layout_settings()
        geometry = settings.value("main/geometry")
        state = settings.value("main/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        settings = layout_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.sync()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.save_layout()
        if self.poller is not None:
            self.poller.stop()
        if self.live is not None:
            self.live.stop()
        if self.lease_keeper is not None:
            self.lease_keeper.release()
        self.ui.wait()
        super().closeEvent(event)
