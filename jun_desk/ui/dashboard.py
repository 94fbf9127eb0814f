"""Supervisor dashboard: backlog per department, response times today and this week, and
campaign spikes shown as one incident each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.campaigns import Campaign
from jun_desk.domain.town_time import day_start, week_start
from jun_desk.services.backups import BackupStatus
from jun_desk.services.reports import (
    DepartmentBacklog,
    ResponseTimes,
    RoutingShare,
    format_duration,
)
from jun_desk.ui.context import UiContext
from jun_desk.ui.costs_chart import CostsPanel
from jun_desk.ui.labels import department_name
from jun_desk.ui.operations import Query


@dataclass(frozen=True)
class DashboardData:
    backlog: list[DepartmentBacklog]
    today: list[ResponseTimes]
    week: list[ResponseTimes]
    campaigns: list[Campaign]
    routing: RoutingShare | None = None  # this week's messages routed by triage itself
    backup: BackupStatus | None = None  # the last good backup, from any desk


DEPARTMENT_WIDTH = 170  # px at most for the department's name


def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return pixmap


class Dashboard(QWidget):
    new_campaign = Signal(object)  # Campaign, the first time it is seen

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._seen: list[tuple[str, datetime, datetime]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        # Two tabs: the departments' figures and what X costs. One above the other they
        # left the table one row on a laptop (issue 24).
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboard-tabs")
        self.tabs.setDocumentMode(True)
        figures = QWidget(self.tabs)
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 2, 0, 0)
        self._build_table()
        figures_layout.addWidget(self.table)
        self.totals = QLabel("", self)
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        figures_layout.addWidget(self.totals)
        self.backup = QLabel("", self)  # the last good backup; a warning past two days
        self.backup.setObjectName("dashboard-backup")
        self.backup.setWordWrap(True)
        self.backup.setTextFormat(Qt.TextFormat.PlainText)
        figures_layout.addWidget(self.backup)
        self.campaigns = QLabel(self.tr("Sin campañas en las últimas 24 horas"), self)
        self.campaigns.setTextFormat(Qt.TextFormat.PlainText)
        self.campaigns.setWordWrap(True)
        self.campaigns.hide()  # shown when there are campaigns: the table keeps the room
        figures_layout.addWidget(self.campaigns)
        figures_layout.addStretch(1)
        self.costs = CostsPanel(ui, self)  # what X costs this month (issue 17)
        self.tabs.addTab(figures, self.tr("Departamentos"))
        self.tabs.addTab(self.costs, self.tr("Gasto en X"))
        layout.addWidget(self.tabs)

    def _build_table(self) -> None:
        """The figures per department, a row each, every department in view."""
        headers = [self.tr("Departamento"), self.tr("Abiertos"), self.tr("Fuera de plazo"),
                   self.tr("1.ª respuesta hoy"), self.tr("Resolución hoy"),
                   self.tr("1.ª respuesta semana"), self.tr("Resolución semana")]
        # Short two-line headings keep the figures in view on a laptop; the whole name
        # is the heading's tooltip.
        short = [self.tr("Departamento"), self.tr("Abiertos"), self.tr("Fuera\nde plazo"),
                 self.tr("1.ª resp.\nhoy"), self.tr("Resolución\nhoy"),
                 self.tr("1.ª resp.\nsemana"), self.tr("Resolución\nsemana")]
        self.table = QTableWidget(len(self.ui.desk.ctx.catalogue), len(headers), self)
        self.table.setAccessibleName(self.tr("Cifras por departamento"))
        for col, (full, label) in enumerate(zip(headers, short, strict=True)):
            heading = QTableWidgetItem(label)
            heading.setToolTip(full)
            heading.setData(Qt.ItemDataRole.AccessibleTextRole, full)
            self.table.setHorizontalHeaderItem(col, heading)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        # The figures as wide as they need; the department's name takes the rest of the
        # table's width (fit_department_column), whole where there is room ("Educación —
        # colegio y comedor"), no blank strip right of the figures; never narrower than
        # DEPARTMENT_WIDTH or its longest name (elided, whole in the tooltip, the table
        # scrolling sideways in a narrow dock).
        header.setStretchLastSection(False)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, dept in enumerate(self.ui.desk.ctx.catalogue):
            item = QTableWidgetItem(department_name(dept))
            item.setData(Qt.ItemDataRole.DecorationRole, _swatch(dept.colour))
            item.setData(Qt.ItemDataRole.UserRole, dept.code)
            item.setToolTip(department_name(dept))
            self.table.setItem(row, 0, item)
        self.table.resizeColumnToContents(0)
        self._department_width = header.sectionSize(0)  # its longest name, whole
        header.resizeSection(0, min(self._department_width, DEPARTMENT_WIDTH))
        self.table.viewport().installEventFilter(self)  # resized: fit again
        header.sectionResized.connect(self._figures_resized)  # new figures: fit again
        # Compact rows, and a table as tall as its rows: every department in view (and
        # the board above it keeps its room on a laptop).
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 3)
        self.table.verticalHeader().setMinimumSectionSize(self.table.fontMetrics().height() + 2)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_department_column()
        return super().eventFilter(watched, event)

    def _figures_resized(self, column: int, _old: int, _new: int) -> None:
        if column:
            self.fit_department_column()

    def fit_department_column(self) -> None:
        """The department's name takes the width the figures leave (see _build_table)."""
        header = self.table.horizontalHeader()
        figures = sum(header.sectionSize(c) for c in range(1, header.count()))
        room = self.table.viewport().width() - figures
        width = max(min(self._department_width, DEPARTMENT_WIDTH), room)
        if width != header.sectionSize(0):
            header.resizeSection(0, width)

    def wanted_height(self) -> int:
        """The panel's height with every department's row in view."""
        width = max(self.width(), 300) - 8
        line = self.totals.fontMetrics().lineSpacing()  # before the figures are in
        totals = max(line, self.totals.heightForWidth(width) if self.totals.text() else 0)
        campaigns = self.campaigns.heightForWidth(width) if self.campaigns.isVisibleTo(
            self) else 0
        backup = self.backup.heightForWidth(width) if self.backup.text() else 0
        return (self.tabs.tabBar().sizeHint().height() + self.table.sizeHint().height()
                + totals + backup + campaigns + 6 * 4 + 4)

    def _is_new(self, campaign: Campaign) -> bool:
        """The same hashtag over an overlapping time is the same incident, however it grew."""
        tag = campaign.hashtag.lower()
        for n, (seen_tag, start, end) in enumerate(self._seen):
            if seen_tag == tag and campaign.start <= end and start <= campaign.end:
                self._seen[n] = (tag, min(start, campaign.start), max(end, campaign.end))
                return False
        self._seen.append((tag, campaign.start, campaign.end))
        return True

    def refresh(self) -> None:
        desk = self.ui.desk

        def load() -> DashboardData:
            now = desk.ctx.clock()
            # "today" and "this week" are the town's, not UTC's (X's billing day)
            day, week = day_start(now, desk.ctx.zone), week_start(now, desk.ctx.zone)
            reports = desk.reports
            return DashboardData(
                reports.backlog(),
                [reports.response_times(day, now), *reports.response_times_by_department(
                    day, now)],
                [reports.response_times(week, now), *reports.response_times_by_department(
                    week, now)],
                reports.campaigns(now - timedelta(hours=24)),
                reports.routing(week, now),
                # (none on a training desk: its sandbox database is not backed up)
                desk.backups.status() if desk.backups.settings is not None else None)

        Query(self.ui, load, failure_text=self.tr("No se pudo calcular el panel")).success(
            self._show).run()
        self.costs.refresh()

    def _routing_text(self, routing: RoutingShare | None) -> str:
        """This week's share of messages triage routed with nobody looking."""
        if routing is None or routing.share is None:
            return ""
        return " · " + self.tr("Encaminados solos (semana): %d %% de %d mensajes") % (
            round(100 * routing.share), routing.messages)

    def _show_backup(self, status: BackupStatus | None) -> None:
        self.backup.setVisible(status is not None)
        if status is None:
            self.backup.setText("")
            return
        if status.last_good is None:
            text = self.tr("⚠ Aún no hay ninguna copia de seguridad de la base de datos")
        else:
            when = status.last_good.astimezone(self.ui.desk.ctx.zone)
            shown = f"{when:%d/%m/%Y %H:%M}"
            if status.stale:
                days = (self.ui.desk.ctx.clock() - status.last_good).days
                text = self.tr("⚠ La última copia de seguridad es de hace %d días (%s): "
                               "compruebe las copias") % (days, shown)
            else:
                text = self.tr("Última copia de seguridad: %s (%s)") % (
                    shown, status.by or "—")
        self.backup.setText(text)
        self.backup.setStyleSheet("color: #c62828;" if status.stale else "")

    def _show(self, data: DashboardData) -> None:
        self._show_backup(data.backup)
        backlog = {b.department: b for b in data.backlog}
        today = {t.department: t for t in data.today}
        week = {t.department: t for t in data.week}
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)  # the department, made with the table
            if first is None:
                continue
            code = first.data(Qt.ItemDataRole.UserRole)
            entry, t, w = backlog.get(code), today.get(code), week.get(code)
            values = [entry.total if entry else 0, entry.overdue if entry else 0,
                      format_duration(t.median_first_response) if t else "—",
                      format_duration(t.median_resolution) if t else "—",
                      format_duration(w.median_first_response) if w else "—",
                      format_duration(w.median_resolution) if w else "—"]
            for col, value in enumerate(values, start=1):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                if col == 2 and entry and entry.overdue:
                    cell.setForeground(QColor("#c62828"))
                self.table.setItem(row, col, cell)
        overall_t, overall_w = today[None], week[None]  # the whole desk's (department None)
        self.totals.setText(self.tr(
            "Hoy: %d tickets, mediana de 1.ª respuesta %s, de resolución %s · "
            "Semana: %d tickets, %s / %s") % (
            overall_t.tickets, format_duration(overall_t.median_first_response),
            format_duration(overall_t.median_resolution), overall_w.tickets,
            format_duration(overall_w.median_first_response),
            format_duration(overall_w.median_resolution))
            + self._routing_text(data.routing))
        if data.campaigns:
            lines = [self.tr("Campañas (últimas 24 h):")]
            for c in data.campaigns:
                lines.append(self.tr("#%s: %d menciones de %d vecinos, %s–%s, pico %d/hora") % (
                    c.hashtag, c.mentions, c.authors, f"{c.start:%H:%M}", f"{c.end:%H:%M}",
                    c.peak_per_hour))
                if self._is_new(c):
                    self.new_campaign.emit(c)
            self.campaigns.setText("\n".join(lines))
        else:
            self.campaigns.setText(self.tr("Sin campañas en las últimas 24 horas"))
        self.campaigns.setVisible(bool(data.campaigns))
