"""The main window. For now a live summary of the desk (backlog, unhandled messages, sync
state); the feed, board and DM panel follow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jun_desk import __version__
from jun_desk.services.desk import Desk
from jun_desk.services.reports import DepartmentBacklog
from jun_desk.ui.poller import Poller
from jun_desk.ui.workers import run_job
from jun_desk.x.errors import XApiError


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, *, poller: Poller | None = None, source: str = "",
                 open_credentials: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.poller = poller
        self._pool = QThreadPool(self)
        self.setWindowTitle(f"Jun Desk {__version__}" + (f" — {source}" if source else ""))
        self.resize(900, 560)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        title = QLabel(self.tr("Atención ciudadana del Ayuntamiento de Jun"), central)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(title)
        self.inbox = QLabel(self.tr("Cargando…"), central)
        self.inbox.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.inbox)

        catalogue = desk.ctx.catalogue
        self.table = QTableWidget(len(catalogue), 3, central)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Departamento"), self.tr("Abiertos"), self.tr("Sin responder a tiempo")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, dept in enumerate(catalogue):
            name = QTableWidgetItem(dept.name_es)
            name.setData(Qt.ItemDataRole.DecorationRole, _swatch(dept.colour))
            name.setData(Qt.ItemDataRole.UserRole, dept.code)
            self.table.setItem(row, 0, name)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.sync_label = QLabel(self.tr("Sin sincronizar"), self)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().showMessage(self.tr("Base de datos: %s") % desk.db.display_url)
        if poller is not None:
            poller.result.connect(self._synced)
            poller.error.connect(self._sync_failed)
            poller.busy.connect(lambda busy: busy and self.sync_label.setText(
                self.tr("Sincronizando con X…")))
        settings = self.menuBar().addMenu(self.tr("&Configuración"))
        self.credentials_action = settings.addAction(self.tr("Credenciales de &X…"))
        self.credentials_action.setEnabled(open_credentials is not None)
        if open_credentials is not None:
            self.credentials_action.triggered.connect(open_credentials)
        self.refresh()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Read the summary in a worker; the slot fills the widgets."""
        desk = self.desk

        def load() -> tuple[list[DepartmentBacklog], int]:
            return desk.reports.backlog(), len(desk.search.feed(unhandled_only=True,
                                                                 limit=100_000))

        run_job(self._pool, load, self._show, self._load_failed)

    def _show(self, data: tuple[list[DepartmentBacklog], int]) -> None:
        backlog, unhandled = data
        by_code = {b.department: b for b in backlog}
        for row in range(self.table.rowCount()):
            code = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            entry = by_code.get(code)
            for col, value in ((1, entry.total if entry else 0),
                               (2, entry.overdue if entry else 0)):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        self.inbox.setText(self.tr("Mensajes sin atender: %d") % unhandled)

    def _load_failed(self, err: Exception) -> None:
        self.statusBar().showMessage(str(err))

    def _synced(self, value: object) -> None:
        report, sent = value  # type: ignore[misc]
        text = self.tr("Sincronizado: %d menciones y %d mensajes nuevos") % (
            report.mentions.inserted, report.dms.inserted)
        if sent.sent:
            text += self.tr("; %d respuestas enviadas") % sent.sent
        self.sync_label.setText(text)
        self.refresh()

    def _sync_failed(self, err: Exception) -> None:
        message = err.text("es") if isinstance(err, XApiError) else str(err)
        self.sync_label.setText(self.tr("Sincronización: %s") % message)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.poller is not None:
            self.poller.stop()
        self._pool.waitForDone(10_000)
        super().closeEvent(event)


def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return pixmap
