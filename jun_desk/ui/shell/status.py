"""The status area: the banners across the board (database connection, stalled
streams, the X budget, urgent Policía Local messages) and the status bar's figures
(sync, polling lease, X quota and spend, outbox, database, training mode, who is
signed in, what could not be read)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QToolButton

from jun_desk.domain.streams import NO_NAMES, StreamNames
from jun_desk.ui import labels
from jun_desk.ui.context import describe
from jun_desk.ui.layout_fit import DeskStatusBar, PathLabel, StatusLabel
from jun_desk.ui.operations import Query
from jun_desk.ui.urgency import UrgentBanner

if TYPE_CHECKING:
    from collections.abc import Callable

    from jun_desk.domain.costs import BudgetState
    from jun_desk.domain.roles import Actor
    from jun_desk.services.leases import LeaseState
    from jun_desk.services.outbox import OutboxView
    from jun_desk.ui.context import UiContext

RED, ORANGE = "#c62828", "#b34700"


def _banner(window: QMainWindow, name: str, background: str) -> QLabel:
    """A hidden line of plain text across the board, white on ``background``."""
    banner = QLabel("", window)
    banner.setObjectName(name)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setWordWrap(True)
    banner.setStyleSheet(f"background: {background}; color: white; font-weight: 600; "
                         "padding: 6px;")
    banner.hide()
    return banner


class StatusArea(QObject):
    """The banners are built with the board (``banners``, in their order above it); the
    status bar's figures with the rest of the desk (``build_labels``)."""

    def __init__(self, window: QMainWindow, ui: UiContext,
                 stalled: Callable[[], list[Any]] | None,
                 budget: Callable[[], dict[str, tuple[int, int]]] | None) -> None:
        super().__init__(window)
        self.window, self.ui = window, ui
        self._stalled = stalled  # streams X has not let the desk read for a while
        self._budget = budget  # X's quota per endpoint
        # Reads the day's X cost once (the dashboard's, once it is built): after whatever
        # charged it (the whole poll: reads and sends), for the dashboard's figures and
        # the status bar alike (show_costs).
        self.refresh_costs: Callable[[], None] = lambda: None
        self._credits_error: Exception | None = None  # X refused for spent credits
        # What the streams' stored names stand for (handles, queries), from the last poll.
        self._names: StreamNames = NO_NAMES
        self.desk_status = DeskStatusBar(window)
        window.setStatusBar(self.desk_status)
        self.banner = _banner(window, "connection-banner", RED)
        # A stream X has not let the desk read for ten minutes or more (see sync.py).
        self.sync_banner = _banner(window, "sync-banner", ORANGE)
        # The X budget is spent, or X refuses for spent credits: why, and until when.
        self.cost_banner = _banner(window, "cost-banner", RED)
        self.urgent_banner = UrgentBanner(window)  # urgent Policía Local messages, whole
        self.banners = (self.banner, self.sync_banner, self.urgent_banner, self.cost_banner)

    def build_labels(self, training: bool) -> None:
        window = self.window
        # The sync line never narrower than its time and count: the other fields are
        # cut first ("Última sincronización 01:0…" said nothing).
        self.sync_label = StatusLabel(self.tr("Sin sincronizar"), window, keep=self.tr(
            "Última sincronización %s: %d nuevos") % ("00:00:00", 1000))
        self.poller_label = StatusLabel("", window, cap=200)
        self.poller_label.setObjectName("poller-label")
        self.budget_label = StatusLabel("", window, cap=140, whole=True)
        self.costs_label = StatusLabel("", window, cap=220)  # "X hoy: 1,24 $ · mes: …"
        self.costs_label.setObjectName("costs-label")
        self.outbox_label = StatusLabel("", window, cap=200, whole=True)  # unsent replies
        self.user_label = StatusLabel("", window, cap=220, whole=True)  # who is signed in
        self.user_label.setObjectName("user-label")
        self.training_label = QLabel(self.tr("FORMACIÓN · sin contraseñas"), window)
        self.training_label.setStyleSheet("background: #f9a825; color: black; "
                                          "font-weight: 600; padding: 0 6px;")
        self.training_label.setVisible(training)
        self.database_label = PathLabel(self.tr("Base de datos: %s"),
                                        self.ui.desk.db.display_url, window, cap=240)
        self.quarantine_button = QToolButton(window)
        self.quarantine_button.setObjectName("quarantine-count")
        self.quarantine_button.setAutoRaise(True)
        self.quarantine_button.setStyleSheet(f"color: {RED}; font-weight: 600;")
        self.quarantine_button.setToolTip(self.tr("Elementos que X envió y no se pudieron leer"))
        self.quarantine_button.hide()
        bar = self.desk_status
        bar.addPermanentWidget(self.quarantine_button)
        for label in (self.sync_label, self.poller_label, self.budget_label, self.costs_label,
                      self.outbox_label, self.database_label, self.training_label,
                      self.user_label):
            # The sync line takes the room there is; a passing message gets it back.
            bar.addPermanentWidget(label, 1 if label is self.sync_label else 0)
        bar.yield_to_messages(self.database_label, self.poller_label, self.budget_label,
                              self.sync_label)

    def show_message(self, text: str, timeout: int = 15_000) -> None:
        self.desk_status.showMessage(text, timeout)

    def show_user(self, actor: Actor) -> None:
        role = labels.role_names().get(actor.role.value, actor.role.value)
        self.user_label.setText(f"{actor.username} ({role})")

    def quarantine_count(self, count: int) -> None:
        self.quarantine_button.setText(self.tr("No se pudo leer: %d") % count)
        self.quarantine_button.setVisible(count > 0)

    # ------------------------------------------------------------------ the database
    def set_connection(self, up: bool, reason: str) -> None:
        if up:
            self.banner.hide()
            self.show_message(self.tr("Conexión con la base de datos recuperada"), 10_000)
            return
        self.banner.setText(self.tr(
            "Sin conexión con la base de datos: %s. Reintentando automáticamente; lo que "
            "escriba se conserva, pero no se guardará hasta que vuelva la conexión.") % reason)
        self.banner.show()

    def refresh_outbox(self) -> None:
        desk = self.ui.desk
        Query(self.ui, desk.outbox.list).success(self._show_outbox).run()

    def _show_outbox(self, items: list[OutboxView]) -> None:
        pending = sum(1 for i in items if i.status in ("pending", "sending"))
        failed = sum(1 for i in items if i.status == "failed")
        text = self.tr("Salida: %d pendientes") % pending
        if failed:
            text += self.tr(", %d fallidos") % failed
        self.outbox_label.setText(text)
        self.outbox_label.setStyleSheet(f"color: {RED};" if failed else "")

    # ------------------------------------------------------------------ X
    def poller_busy(self, busy: bool) -> None:
        if busy:
            self.sync_label.setText(self.tr("Sincronizando con X…"))

    def lease_state(self, state: LeaseState) -> None:
        if state.held:
            text = self.tr("Sondeo de X: este puesto")
        elif state.holder_label:
            text = self.tr("Sondeo de X: %s") % state.holder_label
        else:
            text = self.tr("Sondeo de X: nadie")
        self.poller_label.setText(text)

    def synced(self, value: object) -> None:
        """The poll's report in the sync line, then the day's cost and X's quota."""
        # (SyncReport, SendReport) from the poll; typed loosely: the window never imports
        # the X adapter that defines them.
        report, sent = cast(tuple[Any, Any], value)
        self._names = getattr(report, "names", None) or self._names
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
            text += self.tr("; %s: %s") % (labels.stream_label(stream.value, self._names),
                                           describe(err))
        stopped = getattr(report, "stopped", [])  # walks X made stop (issue 23)
        for stop in stopped:
            text += "; " + describe(stop)
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet(f"color: {RED};" if failed else
                                      f"color: {ORANGE};" if stopped else "")
        self.show_stalls()
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

    def sync_failed(self, err: Exception) -> None:
        self.sync_label.setText(self.tr("Sincronización: %s") % describe(err))
        self.sync_label.setStyleSheet(f"color: {RED};")
        self.show_stalls()
        if getattr(err, "failure", None) == "credits":
            self.show_costs(None, err)

    def show_stalls(self) -> None:
        stalls = self._stalled() if self._stalled is not None else []
        if not stalls:
            self.sync_banner.hide()
            return
        names = {"mentions": self.tr("las menciones"), "dms": self.tr("los mensajes directos")}
        lines = [self.tr("No se pueden leer %s desde hace %d min: %s. Jun Desk sigue "
                         "reintentando; lo demás llega con normalidad.") % (
                     names.get(s.stream.value, labels.stream_label(s.stream.value, self._names)),
                     int(s.seconds // 60),
                     describe(s.error)) for s in stalls]
        self.sync_banner.setText("\n".join(lines))
        self.sync_banner.show()

    def show_costs(self, state: BudgetState | None,
                   credits_error: Exception | None = None) -> None:
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
            self.costs_label.setStyleSheet(f"color: {RED}; font-weight: 600;"
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
