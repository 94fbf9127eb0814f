"""Run by test_layout.py in a process of its own, on an offscreen screen of the size the
test chose (QT_QPA_PLATFORM=offscreen:configfile=…). For Spanish and English, and for an
operator and a supervisor on their first start (no saved layout), it opens the desk as
``app.py`` does (window shown first, desk built inside it), then every dock and view in
turn, and prints as JSON what a person would find wrong: a panel of the role's default
layout not shown, a widget cut by the window or its parent, a widget narrower or lower than
its content's minimum, a list column squeezed under its heading, the supervision table not
showing its departments, a board column with room for fewer than three cards, a window
larger than the screen.

    python tests/ui/layout_probe.py DB_URL
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

TEXT_COLUMN = 160  # px at least for a list's stretching text column (the reply, the text)
CARDS = 3  # board cards each column has room for, at least


def settle(app: QApplication, window: QMainWindow | None = None) -> None:
    for _ in range(4):
        app.processEvents()
        if window is not None and getattr(window, "attached", False):
            window.ui.wait()
    app.processEvents()


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: cut on purpose, it scrolls."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return True
        parent = parent.parentWidget() if not parent.isWindow() else None
    return False


def widget_problems(window: QMainWindow) -> list[str]:
    found = []
    name = lambda w: f"{type(w).__name__} {w.objectName() or ''}".strip()  # noqa: E731
    behind = [d for d in window.findChildren(QDockWidget) if d.visibleRegion().isEmpty()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() == 0:
            continue
        if any(d is widget or d.isAncestorOf(widget) for d in behind):
            continue  # a tab behind another: what is seen is checked when it is in front
        if isinstance(widget, QScrollBar | QHeaderView) or _scrolled(widget):
            continue  # (a header's height follows its sections, checked below)
        if isinstance(widget.parentWidget(), QTabBar):
            continue  # the arrows Qt adds to tabs that do not fit, as narrow as its style
        parent = widget.parentWidget()
        if parent is None:
            continue
        inner = QRect(0, 0, parent.width(), parent.height())
        if parent is window and not inner.intersects(widget.geometry()):
            continue  # where the main window parks the tab bars it does not use
        if not inner.contains(widget.geometry()):
            found.append(f"{name(widget)} cut by {name(parent)}: {widget.geometry()} in "
                         f"{parent.width()}x{parent.height()}")
        hint = widget.minimumSizeHint()
        ignored = widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored
        if hint.isValid() and not ignored and \
                widget.width() < min(hint.width(), widget.maximumWidth()) - 1:
            found.append(f"{name(widget)} narrower than its content: {widget.width()} "
                         f"< {hint.width()}")
    for view in window.findChildren(QAbstractItemView):
        if not view.isVisible() or not isinstance(view, QTreeView | QTableView):
            continue
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        if header.isHidden() and isinstance(view, QTableView):
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            width = header.sectionSize(section)
            label = header.sectionSizeFromContents(section).width()
            if width < label - 2:
                found.append(f"{name(view)} column {section} under its heading: "
                             f"{width} < {label}")
            if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch and \
                    width < TEXT_COLUMN:
                found.append(f"{name(view)} text column {section} is {width} px")
    return found


def window_problems(window: QMainWindow, cards: int = CARDS) -> list[str]:
    """``cards``: what each board column must have room for (fewer while Moderación
    or "No se pudo leer" has half the height)."""
    from jun_desk.ui.board.delegate import CARD_HEIGHT

    found = []
    screen = window.screen().availableGeometry()
    if not screen.contains(window.frameGeometry()):
        found.append(f"window {window.frameGeometry()} past the screen {screen}")
    minimum = window.minimumSizeHint()
    if minimum.width() > screen.width() or minimum.height() > screen.height():
        found.append(f"window's minimum {minimum} larger than the screen {screen}")
    for status, column in window.desk.board.columns.items():
        if column.view.isVisible() and column.view.viewport().height() < cards * CARD_HEIGHT:
            found.append(f"board column {status.value}: room for "
                         f"{column.view.viewport().height() / CARD_HEIGHT:.1f} cards")
    table = window.desk.dashboard.table
    if table.isVisible() and not window.desk.docks.dashboard_dock.visibleRegion().isEmpty():
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        if table.viewport().height() < rows:
            shown = table.viewport().height() / max(1, table.rowHeight(0))
            found.append(f"supervision table shows {shown:.1f} of {table.rowCount()} rows")
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if content is None or not area.isVisible() or area.visibleRegion().isEmpty():
            continue
        off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        viewport = area.viewport()
        if area.horizontalScrollBarPolicy() == off and content.width() > viewport.width():
            found.append(f"{area.objectName()} cuts its content: {content.width()} px "
                         f"wide in {viewport.width()}")
        if area.verticalScrollBarPolicy() == off and content.height() > viewport.height():
            found.append(f"{area.objectName()} cuts its content: {content.height()} px "
                         f"high in {viewport.height()}")
    return found + widget_problems(window)


def readable_problems(window: QMainWindow) -> list[str]:
    """What a person would read cut on a laptop or a full HD screen: a filter's combo
    box showing less than its entry ("Todos los depa"); a board column cut at the edge
    ("Res…") or a heading cut; on full HD, a board that scrolls sideways; a department's
    name cut in the supervision table or a blank strip right of its figures; the sync
    line's time cut; the database's file name not shown; a ticket button alone on its
    line."""
    from jun_desk.ui.layout_fit import FilterCombo, combo_width

    found = []
    for combo in window.findChildren(FilterCombo):
        if not combo.isVisible() or combo.visibleRegion().isEmpty():
            continue
        if combo.width() < combo_width(combo, combo.currentText()) - 1:
            found.append(f"combo box shows {combo.currentText()!r} cut: {combo.width()} px")
        longest = max(combo_width(combo, combo.itemText(i)) for i in range(combo.count()))
        if combo.sizeHint().width() < longest - 1:
            found.append(f"combo box {combo.currentText()!r} asks for {combo.sizeHint()}"
                         f" < {longest}")
    board = window.desk.board
    viewport = board.columns_area.viewport()
    in_view = 0
    for status, column in board.columns.items():
        left = column.mapTo(viewport, column.rect().topLeft()).x()
        right = left + column.width()
        if left < viewport.width() and right > viewport.width() + 1:
            found.append(f"board column {status.value} cut at the edge: {left}-{right} in "
                         f"{viewport.width()}")
        in_view += right <= viewport.width() + 1
        if column.header.height() < column.header_height(column.width()):
            found.append(f"board heading {column.header.text()!r} cut")
    if window.screen().availableGeometry().width() >= 1900 and in_view < len(board.columns):
        found.append(f"board shows {in_view} of {len(board.columns)} columns on full HD")
    dashboard, dock = window.desk.dashboard, window.desk.docks.dashboard_dock
    if dashboard.table.isVisible() and not dock.visibleRegion().isEmpty():
        table = dashboard.table
        header = table.horizontalHeader()
        names = max(header.sectionSizeFromContents(0).width(),
                    *(table.sizeHintForIndex(table.model().index(r, 0)).width()
                      for r in range(table.rowCount())))
        if header.sectionSize(0) < names:
            found.append(f"supervision table's departments cut: {header.sectionSize(0)} "
                         f"< {names}")
        filled = sum(header.sectionSize(c) for c in range(header.count()))
        if filled < table.viewport().width() - 2:
            found.append(f"supervision table leaves {table.viewport().width() - filled} px "
                         "blank")
    status = window.desk.status
    if status.sync_label.isVisible() and \
            status.sync_label.width() < status.sync_label.kept_width() - 1:
        found.append(f"sync line cut: {status.sync_label.width()} < "
                     f"{status.sync_label.kept_width()}")
    database = status.database_label
    shown = database.shown(database.contentsRect().width())
    if database.isVisible() and not shown.endswith(database.path[-8:]):
        found.append(f"database shown as {shown!r}")
    detail = window.desk.detail
    if not window.desk.docks.detail_dock.visibleRegion().isEmpty():
        buttons = [detail.note_button, detail.dm_button, detail.reply_button,
                   detail.resolve_button, detail.reopen_button]
        lines: dict[int, int] = {}
        for button in buttons:
            lines[button.y()] = lines.get(button.y(), 0) + 1
        if len(lines) > 1 and min(lines.values()) == 1:
            found.append(f"a ticket button alone on its line: {sorted(lines.items())}")
    return found


def run(app: QApplication, db_url: str, language: str, username: str,
        working_only: bool = False, readable: bool = False) -> list[str]:
    """``working_only``: the role's own panels, not the ones opened on demand (a low
    screen, where those scroll and the board keeps less than three cards). ``readable``:
    on the first start and after a reset, also what is read cut (``readable_problems``;
    a laptop and full HD at 100 %), with the status bar of a training desk that synced."""
    from jun_desk.config import Paths
    from jun_desk.services.desk import Desk
    from jun_desk.ui import i18n
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow

    i18n.install(app, language)
    (Paths.default().config / "layout.ini").unlink(missing_ok=True)  # a first start
    desk = Desk.open(db_url)
    actor = desk.operators.actor(username)
    window = MainWindow(source="sandbox")
    window.show()  # as app.py: the window on screen, the desk built inside it after
    settle(app)
    window.attach(UiContext(desk, actor, account="AytoJun"))
    while window.desk.building():  # the steps after the board, each in a turn of its own
        app.processEvents()
    settle(app, window)
    found: list[str] = []

    if readable:  # the status bar as a training desk's after a sync: its fullest
        status = window.desk.status
        status.sync_label.setText(status.tr("Última sincronización %s: %d nuevos")
                                  % ("01:06:07", 120))
        status.poller_label.setText(status.tr("Sondeo de X: este puesto"))
        status.training_label.show()

    def check(step: str) -> None:
        settle(app, window)
        docks = window.desk.docks
        on_demand = not (docks.moderation_dock.isHidden() and docks.quarantine_dock.isHidden())
        found.extend(f"{language} {username} {step}: {p}"
                     for p in window_problems(window, 2 if on_demand else CARDS))
        if readable and step in ("first start", "layout reset"):
            found.extend(f"{language} {username} {step}: {p}"
                         for p in readable_problems(window))

    docks = window.desk.docks
    working = [docks.feed_dock, docks.detail_dock, docks.dms_dock, docks.citizen_dock]
    if actor.is_supervisor:
        working.append(window.desk.docks.dashboard_dock)

    def shown(step: str) -> None:
        for dock in working:
            if dock.isHidden():
                found.append(f"{language} {username} {step}: {dock.windowTitle()} not shown")
        settle(app, window)
        if window.desk.docks.detail_dock.visibleRegion().isEmpty():
            found.append(f"{language} {username} {step}: the ticket not in front of its tabs")

    shown("first start")
    check("first start")
    steps: list[tuple[str, Callable[[], None]]] = [
        (dock.objectName(), dock.raise_) for dock in working]
    steps += [] if working_only else [("moderation", window.desk.view_menu.show_moderation),
              ("quarantine", window.desk.view_menu.show_quarantine),
              ("urgent banner", lambda: window.desk.notifier.arrivals(
                  [window.desk.feed.model.item(r) for r in range(window.desk.feed.model.rowCount())
                   if window.desk.feed.model.item(r).suggested_priority == "urgent"]))]
    feed_width = 0
    for step, act in steps:
        if step == "moderation":
            feed_width = window.desk.docks.feed_dock.width()  # before Moderación takes room
        act()
        check(step)
    window.desk.docks.moderation_dock.close()
    window.desk.docks.quarantine_dock.close()
    check("moderation closed")
    if window.desk.docks.feed_dock.width() < feed_width - 4:
        found.append(f"{language} {username}: the feed stays squeezed after Moderación "
                     f"({window.desk.docks.feed_dock.width()} px)")
    for dock in working:
        dock.close()
    reset = getattr(window.desk.view_menu, "reset_layout_action", None)
    if reset is None:
        found.append(f"{language} {username}: no Ver → Restablecer disposición")
    else:
        reset.trigger()
        shown("layout reset")
        check("layout reset")
    window.close()
    desk.close()
    settle(app)
    return found


def main() -> None:
    db_url = sys.argv[1]
    working_only = "--working-only" in sys.argv[2:]
    readable = "--readable" in sys.argv[2:]
    app = QApplication(sys.argv[:1])
    found = []
    for language in ("es", "en"):
        for username in ("luis", "ana"):
            found.extend(run(app, db_url, language, username, working_only, readable))
    print(json.dumps({"screen": QApplication.primaryScreen().availableGeometry().getRect(),
                      "problems": found}))


if __name__ == "__main__":
    main()
