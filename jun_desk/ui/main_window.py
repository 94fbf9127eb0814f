"""The main window. For now a summary of the desk; the feed, board and DM panel follow."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.services.reports import DepartmentBacklog


class MainWindow(QMainWindow):
    def __init__(self, catalogue: DepartmentCatalogue, backlog: list[DepartmentBacklog],
                 database: str) -> None:
        super().__init__()
        self.setWindowTitle(f"Jun Desk {__version__}")
        self.resize(900, 560)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        title = QLabel(self.tr("Atención ciudadana del Ayuntamiento de Jun"), central)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(title)

        self.table = QTableWidget(len(backlog), 3, central)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Departamento"), self.tr("Abiertos"), self.tr("Sin responder a tiempo")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, entry in enumerate(backlog):
            dept = catalogue.get(entry.department) if entry.department in catalogue else None
            name = QTableWidgetItem(dept.name_es if dept else entry.department)
            if dept:
                name.setData(Qt.ItemDataRole.DecorationRole, _swatch(dept.colour))
            self.table.setItem(row, 0, name)
            for col, value in ((1, entry.total), (2, entry.overdue)):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Base de datos: %s") % database)


def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return pixmap
