"""Run by test_layout_fit.py in a process of its own, on an offscreen screen of the size
the test chose (QT_QPA_PLATFORM=offscreen:configfile=…): opens the desk window for a
supervisor and prints, as JSON, where the window, its docks and its status bar ended up.

    python tests/ui/fit_probe.py DB_URL [--resize W H] [--move X Y]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def rect(r) -> list[int]:  # type: ignore[no-untyped-def]
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--resize", nargs=2, type=int)
    parser.add_argument("--move", nargs=2, type=int)
    args = parser.parse_args()
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from jun_desk.services.desk import Desk
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    desk = Desk.open(args.db)
    ana = desk.operators.actor("ana")
    window = MainWindow(UiContext(desk, ana, account="AytoJun"))
    window.show()
    app.processEvents()
    if args.resize:  # as an operator on a large screen would, before closing
        window.resize(*args.resize)
    if args.move:
        window.move(*args.move)
    for _ in range(3):
        app.processEvents()
    screen = window.screen().availableGeometry()
    docks = {}
    for dock in window.desk.docks.docks():  # each in turn in front of its tab group
        if not dock.isVisible():
            continue
        dock.raise_()
        for _ in range(3):
            app.processEvents()
        docks[dock.objectName()] = {
            "floating": dock.isFloating(),
            "rect": rect(dock.geometry().translated(window.geometry().topLeft())),
            "minimum_width": dock.minimumSizeHint().width()}
    status = window.statusBar()
    top_left = status.mapTo(window, QPoint(0, 0)) + window.geometry().topLeft()
    print(json.dumps({
        "screen": rect(screen),
        "window": rect(window.frameGeometry()),
        "minimum_width": window.minimumSizeHint().width(),
        "docks": docks,
        "status": [top_left.x(), top_left.y(), status.width(), status.height()],
        "board_width": window.desk.board.width(),
        "columns": {s.value: c.width() for s, c in window.desk.board.columns.items()},
    }))
    window.close()  # saves this operator's layout
    desk.close()


if __name__ == "__main__":
    main()
