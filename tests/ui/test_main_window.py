"""The (interim) main window, offscreen, driven by pytest-qt."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from jun_desk.services.desk import Desk
from jun_desk.ui.main_window import MainWindow


def test_main_window_shows_the_backlog_per_department(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    desk.tickets.create_manual(people["ana"], department="obras", title="Farola")
    window = MainWindow(desk.ctx.catalogue, desk.reports.backlog(), desk.db.display_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.table
    assert table.rowCount() == len(desk.ctx.catalogue)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Obras y mantenimiento"] == "2"
    assert rows["Policía Local"] == "0"
    assert desk.db.display_url in window.statusBar().currentMessage()
    assert not window.grab().isNull()
