"""Supervisor dashboard: backlog per department, response times today and this week, and
campaign spikes shown as one incident each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.campaigns import Campaign
from jun_desk.domain.town_time import day_start, week_start
from jun_desk.services.reports import DepartmentBacklog, ResponseTimes, format_duration
from jun_desk.ui.context import UiContext
from jun_desk.ui.costs_chart import CostsPanel
from jun_desk.ui.labels import department_name


@dataclass(frozen=True)
class DashboardData:
    backlog: list[DepartmentBacklog]
    today: list[ResponseTimes]
    week: list[ResponseTimes]
    campaigns: list[Campaign]


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
        headers = [self.tr("Departamento"), self.tr("Abiertos"), self.tr("Fuera de plazo"),
                   self.tr("1.ª respuesta hoy"), self.tr("Resolución hoy"),
                   self.tr("1.ª respuesta semana"), self.tr("Resolución semana")]
        # Short two-line headings keep the figures in view on a laptop; the whole name
        # is the heading's tooltip.
        short = [self.tr("Departamento"), self.tr("Abiertos"), self.tr("Fuera\nde plazo"),
                 self.tr("1.ª resp.\nhoy"), self.tr("Resolución\nhoy"),
                 self.tr("1.ª resp.\nsemana"), self.tr("Resolución\nsemana")]
        self.table = QTableWidget(len(ui.desk.ctx.catalogue), len(headers), self)
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
        # The department's name no longer takes the whole width: it gets what its longest
        # name needs (at most DEPARTMENT_WIDTH, elided, whole in the tooltip); the
        # figures come right after it.
        header.setStretchLastSection(False)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, dept in enumerate(ui.desk.ctx.catalogue):
            item = QTableWidgetItem(department_name(dept))
            item.setData(Qt.ItemDataRole.DecorationRole, _swatch(dept.colour))
            item.setData(Qt.ItemDataRole.UserRole, dept.code)
            item.setToolTip(department_name(dept))
            self.table.setItem(row, 0, item)
        self.table.resizeColumnToContents(0)
        header.resizeSection(0, min(header.sectionSize(0), DEPARTMENT_WIDTH))
        layout.addWidget(self.table, 1)  # the rows get the panel's height
        self.totals = QLabel("", self)
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.totals)
        self.campaigns = QLabel(self.tr("Sin campañas en las últimas 24 horas"), self)
        self.campaigns.setTextFormat(Qt.TextFormat.PlainText)
        self.campaigns.setWordWrap(True)
        layout.addWidget(self.campaigns)
        self.costs = CostsPanel(ui, self)  # what X costs this month (issue 17)
        layout.addWidget(self.costs, 1)

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
                reports.campaigns(now - timedelta(hours=24)))

        self.ui.run(load, self._show, failure=self.tr("No se pudo calcular el panel"))
        self.costs.refresh()

    def _show(self, data: DashboardData) -> None:
        backlog = {b.department: b for b in data.backlog}
        today = {t.department: t for t in data.today}
        week = {t.department: t for t in data.week}
        for row in range(self.table.rowCount()):
            code = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
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
        overall_t, overall_w = today.get(None), week.get(None)
        self.totals.setText(self.tr(
            "Hoy: %d tickets, mediana de 1.ª respuesta %s, de resolución %s · "
            "Semana: %d tickets, %s / %s") % (
            overall_t.tickets, format_duration(overall_t.median_first_response),
            format_duration(overall_t.median_resolution), overall_w.tickets,
            format_duration(overall_w.median_first_response),
            format_duration(overall_w.median_resolution)))
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
