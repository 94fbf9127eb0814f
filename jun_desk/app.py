"""Composition root: configuration → database → services → Qt window."""

from __future__ import annotations

import sys

from jun_desk.config import database_url
from jun_desk.services.desk import Desk


def run_gui(db_url: str | None) -> int:
    from jun_desk.ui.platform_check import display_problem

    problem = display_problem()
    if problem:
        print(f"jun-desk: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from jun_desk.ui.main_window import MainWindow

    desk = Desk.open(database_url(db_url))
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("Jun Desk")
        app.setOrganizationName("Ayuntamiento de Jun")
        window = MainWindow(desk.ctx.catalogue, desk.reports.backlog(), desk.db.display_url)
        window.show()
        return app.exec()
    finally:
        desk.close()
