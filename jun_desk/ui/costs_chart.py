"""What X costs this month, for supervisors: spend per day as bars, the month's running
total, the forecast to the month's end and the budget line (a painted chart: the PySide6
wheels the desk installs carry no Qt Charts)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jun_desk.domain.actions import Changes, Kind
from jun_desk.domain.costs import BudgetState, money, utc_day
from jun_desk.domain.streams import StreamSpend
from jun_desk.ui import labels
from jun_desk.ui.context import UiContext
from jun_desk.ui.operations import Query

BAR = QColor("#90caf9")
TODAY = QColor("#1e88e5")
LINE = QColor("#1565c0")
BUDGET = QColor("#c62828")
ALERT = QColor("#ef6c00")
GRID = QColor("#e0e0e0")
TEXT = QColor("#424242")


@dataclass(frozen=True)
class MonthSpend:
    """One month of X spend as the chart draws it (µ$)."""

    today: date
    per_day: dict[date, int]
    budget_micro: int = 0
    forecast_micro: int = 0
    daily_alert_micro: int = 0

    @property
    def days(self) -> int:
        return calendar.monthrange(self.today.year, self.today.month)[1]

    def day(self, n: int) -> int:
        return self.per_day.get(self.today.replace(day=n), 0)

    def cumulative(self) -> list[int]:
        total, out = 0, []
        for n in range(1, self.today.day + 1):
            total += self.day(n)
            out.append(total)
        return out


class SpendChart(QWidget):
    """Bars: each day's spend. Solid line: the month so far. Dashed: the forecast. Red:
    the monthly budget. All on one dollar scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: MonthSpend | None = None
        self.setMinimumSize(260, 140)  # narrow docks on a laptop at 150–200 %
        self.setAccessibleName(self.tr("Gasto en X por día este mes"))

    def sizeHint(self) -> QSize:
        return QSize(640, 240)

    def set_data(self, data: MonthSpend) -> None:
        self.data = data
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        data = self.data
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        if data is None:
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Sin datos de gasto todavía"))
            return
        frame = _Frame.fit(data, painter.fontMetrics(), self.width(), self.height())
        self._draw_scales(painter, frame)
        self._draw_days(painter, frame)
        self._draw_bars(painter, frame)
        self._draw_month(painter, frame)
        self._draw_budget(painter, frame)
        self._draw_legend(painter, frame)
        painter.end()

    @staticmethod
    def _draw_scales(painter: QPainter, f: _Frame) -> None:
        """The grid, the month's scale on the left and one day's on the right."""
        plot, height = f.plot, f.metrics.height()
        for k in range(5):
            y = f.y_of(f.top_value * k / 4)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(LINE)
            painter.drawText(QRectF(0, y - height / 2, f.left - 6, height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             money(round(f.top_value * k / 4), f.lang))
            painter.setPen(TODAY)
            painter.drawText(QRectF(plot.right() + 6, y - height / 2, f.right - 6, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             money(round(f.top_day * k / 4), f.lang))

    @staticmethod
    def _draw_days(painter: QPainter, f: _Frame) -> None:
        """The days along the bottom: the 1st, every fifth and the last."""
        painter.setPen(TEXT)
        for n in range(1, f.data.days + 1):
            if n == 1 or n % 5 == 0 or n == f.data.days:
                painter.drawText(QRectF(f.x_of(n) - 15, f.plot.bottom() + 3, 30,
                                        f.metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, str(n))

    @staticmethod
    def _draw_bars(painter: QPainter, f: _Frame) -> None:
        """Each day's spend (right scale), today darker; the daily alert dotted."""
        data, plot = f.data, f.plot
        for n in range(1, data.today.day + 1):
            value = data.day(n)
            if not value:
                continue
            rect = QRectF(f.x_of(n) - f.step * 0.35, f.y_day(value), f.step * 0.7,
                          plot.bottom() - f.y_day(value))
            painter.fillRect(rect, TODAY if n == data.today.day else BAR)
        if data.daily_alert_micro:
            y = f.y_day(data.daily_alert_micro)
            painter.setPen(QPen(ALERT, 2, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    @staticmethod
    def _draw_month(painter: QPainter, f: _Frame) -> None:
        """The month so far, and the forecast to its end (dashed)."""
        data, cumulative = f.data, f.cumulative
        path = QPainterPath(QPointF(f.plot.left(), f.plot.bottom()))
        for n, value in enumerate(cumulative, start=1):
            path.lineTo(QPointF(f.x_of(n), f.y_of(value)))
        painter.setPen(QPen(LINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if cumulative and data.forecast_micro and data.today.day < data.days:
            pen = QPen(LINE, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(f.x_of(data.today.day), f.y_of(cumulative[-1])),
                             QPointF(f.x_of(data.days), f.y_of(data.forecast_micro)))

    def _draw_budget(self, painter: QPainter, f: _Frame) -> None:
        data, plot, height = f.data, f.plot, f.metrics.height()
        if data.budget_micro:
            y = f.y_of(data.budget_micro)
            painter.setPen(QPen(BUDGET, 2))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(QRectF(plot.left() + 4, y - height - 1, plot.width() - 8,
                                    height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             self.tr("Presupuesto %s") % money(data.budget_micro, f.lang))

    def _draw_legend(self, painter: QPainter, f: _Frame) -> None:
        metrics = f.metrics
        x = f.plot.left()
        for colour, text, style in (
                (LINE, self.tr("Acumulado del mes"), "line"),
                (LINE, self.tr("Previsión"), "dash"), (BUDGET, self.tr("Presupuesto"), "line"),
                (BAR, self.tr("Gasto del día (escala derecha)"), "bar"),
                (ALERT, self.tr("Alerta diaria"), "dot")):
            y = 4 + metrics.height() / 2
            if style == "bar":
                painter.fillRect(QRectF(x, y - 5, 14, 10), colour)
            else:
                pen = QPen(colour, 2, {"dash": Qt.PenStyle.DashLine,
                                       "dot": Qt.PenStyle.DotLine}.get(style,
                                                                     Qt.PenStyle.SolidLine))
                painter.setPen(pen)
                painter.drawLine(QPointF(x, y), QPointF(x + 14, y))
            painter.setPen(TEXT)
            painter.drawText(QPointF(x + 18, y + metrics.ascent() / 2 - 1), text)
            x += 18 + metrics.horizontalAdvance(text) + 14


@dataclass(frozen=True)
class _Frame:
    """Where the chart draws: the plot's rectangle inside the scales and the legend, and
    the two scales. Left: the month (running total, forecast, budget). Right: one day
    (the bars and the daily alert), so a day's spend is readable beside the month's."""

    data: MonthSpend
    cumulative: list[int]
    metrics: QFontMetrics
    lang: str
    top_value: int
    top_day: int
    left: int
    right: int
    plot: QRectF
    step: float

    @classmethod
    def fit(cls, data: MonthSpend, metrics: QFontMetrics, width: int, height: int) -> _Frame:
        lang = labels.language()
        cumulative = data.cumulative()
        top_value = _nice(max([data.budget_micro, data.forecast_micro, *cumulative, 1]) * 1.1)
        daily = [data.day(n) for n in range(1, data.days + 1)]
        top_day = _nice(max([*daily, data.daily_alert_micro, 1]) * 1.25)
        left = metrics.horizontalAdvance(money(top_value, lang)) + 12
        right = metrics.horizontalAdvance(money(top_day, lang)) + 12
        legend_h = metrics.height() + 8
        plot = QRectF(left, legend_h + 4, width - left - right,
                      height - legend_h - metrics.height() - 14)
        return cls(data, cumulative, metrics, lang, top_value, top_day, left, right, plot,
                   plot.width() / data.days)

    def x_of(self, day: int) -> float:  # centre of a day's slot
        return self.plot.left() + (day - 0.5) * self.step

    def y_of(self, value: float) -> float:
        return self.plot.bottom() - value / self.top_value * self.plot.height()

    def y_day(self, value: float) -> float:
        return self.plot.bottom() - value / self.top_day * self.plot.height()


def _nice(value: float) -> int:
    """A round top for a scale (µ$) that divides into four round steps."""
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for factor in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value:
            return round(factor * magnitude)
    return 10 * magnitude


def summary_text(state: BudgetState, lang: str) -> str:
    """'X hoy: 1,24 $ · mes: 31,40 $ de 60 $' (the status bar's words)."""
    text = QCoreApplication.translate("CostsPanel", "X hoy: %s · mes: %s") % (
        money(state.today_micro, lang), money(state.month_micro, lang))
    if state.budget.monthly_micro:
        text += QCoreApplication.translate("CostsPanel", " de %s") % money(
            state.budget.monthly_micro, lang)
    return text


class CostsPanel(QWidget):
    """The dashboard's spend section: the chart and one line of figures. Each read's state
    goes to ``state_read`` too: the status bar shows the same figure from the same read."""

    state_read = Signal(object)  # BudgetState

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Gasto en X este mes (pago por uso)"), self)
        self.title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.title)
        self.chart = SpendChart(self)
        layout.addWidget(self.chart, 1)
        self.figures = QLabel("", self)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        # What each stream cost this month (issue 27): the town's mentions and DMs, each
        # employee's account, each watched search, the rest.
        self.by_stream = QLabel("", self)
        self.by_stream.setTextFormat(Qt.TextFormat.PlainText)
        self.by_stream.setWordWrap(True)
        layout.addWidget(self.by_stream)
        ui.changes_applied.connect(self.on_changes)  # what changed, here or elsewhere

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        """A budget set here or at another desk: the figures and the line read again."""
        if changes.touches(Kind.SETTINGS):
            self.refresh()

    def refresh(self) -> None:
        desk, account = self.ui.desk, self.ui.account

        def load() -> tuple[MonthSpend, BudgetState]:
            state = desk.costs.state(account)
            today = utc_day(desk.ctx.clock())
            per_day = desk.costs.per_day(account, today.replace(day=1), today)
            return MonthSpend(today, per_day, state.budget.monthly_micro,
                              state.forecast_micro, state.budget.daily_alert_micro), state

        def streams() -> list[StreamSpend]:
            today = utc_day(desk.ctx.clock())
            return desk.streams.spend(account, today.replace(day=1), today)

        Query(self.ui, load, failure_text=self.tr("No se pudo leer el gasto en X")).success(
            self.show_data).run()
        Query(self.ui, streams, failure_text=self.tr("No se pudo leer el gasto en X")).success(
            self.show_streams).run()

    def show_streams(self, lines: list[StreamSpend]) -> None:
        lang = labels.language()
        names = {"mentions": self.tr("menciones"), "dms": self.tr("mensajes directos"),
                 "other": self.tr("usuarios y envíos")}
        parts = []
        for line in lines:
            if line.kind == "staff":
                name = f"@{line.name}"
            elif line.kind == "search":
                name = self.tr("búsqueda «%s»") % line.name
            else:
                name = names.get(line.kind, line.kind)
            parts.append(f"{name} {money(line.micro, lang)}")
        self.by_stream.setText(self.tr("Por flujo: %s") % " · ".join(parts) if parts else "")

    def show_data(self, value: tuple[MonthSpend, BudgetState]) -> None:
        data, state = value
        self.chart.set_data(data)
        lang = labels.language()
        text = summary_text(state, lang) + self.tr(
            " · previsión a fin de mes: %s") % money(state.forecast_micro, lang)
        if state.until is not None:
            text += " · " + self.tr("sondeo en pausa hasta el %s") % f"{state.until:%d/%m}"
        elif state.factor > 1:
            factor = f"{state.factor:.1f}"
            text += " · " + self.tr("sondeo espaciado ×%s") % (
                factor.replace(".", ",") if lang == "es" else factor)
        self.figures.setText(text)
        self.state_read.emit(state)
