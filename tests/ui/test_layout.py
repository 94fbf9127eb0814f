"""The default layout, checked as a person would find it: on a laptop (1,366 × 768) and
full HD (1,920 × 1,080), in Spanish and English, for an operator and a supervisor on their
first start, every dock and view opened in turn (the feed, the ticket, the DMs, the
citizen, the supervision panel, Moderación, "No se pudo leer", the urgent banner), then
Moderación closed and "Ver → Restablecer disposición". Each size runs in a process of its
own on an offscreen screen of that size (``layout_probe.py`` says what is checked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, dm, mention

PROBE = Path(__file__).with_name("layout_probe.py")
ROOT = Path(__file__).resolve().parents[2]
COMPLAINT = "\n".join(
    f"{n}. La obra de la calle Real lleva semanas parada y nadie nos dice nada"
    for n in range(1, 16))  # a citizen's 15-line complaint


@pytest.fixture
def full_desk(tmp_path: Path) -> str:
    return fill_desk(tmp_path)


def fill_desk(tmp_path: Path) -> str:
    """A desk with the things that take room: an urgent report by four neighbours, a long
    complaint, a DM conversation, tickets on the board."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    desk = Desk.open(url)
    ana = desk.operators.add("ana", "supervisor", display_name="Ana García")
    desk.operators.add("luis", "operator", display_name="Luis Pérez",
                       departments=["obras", "limpieza"])
    items = [mention("@AytoJun accidente grave en la carretera de Granada, hay heridos, "
                     "manden a la policía ya", author=PEPE, minutes=n) for n in range(4)]
    items += [mention("@AytoJun " + COMPLAINT, author=MARIA, minutes=5),
              mention("@AytoJun la farola de la calle Real está apagada", minutes=6)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA, PEPE], items[-1].x_id)
    talk = dm("Hola, os escribo por la farola", author=MARIA, minutes=7, conversation="c-m")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [talk], [MARIA], talk.x_id)
    actor = desk.operators.actor(ana.username)
    for item in desk.search.feed(limit=50)[:4]:
        desk.tickets.create_from_item(actor, item.id)
    desk.close()
    return url


@pytest.mark.parametrize(("size", "scale", "logical"), [
    ((1366, 768), 1.0, [1366, 768]), ((1920, 1080), 1.0, [1920, 1080]),
    ((1366, 768), 1.5, [911, 512])], ids=["laptop", "full-hd", "laptop-150"])
def test_every_dock_and_view_fits(tmp_path: Path, full_desk: str, size: tuple[int, int],
                                  scale: float, logical: list[int]) -> None:
    """On the laptop at 150 % (911 × 512 logical pixels) the role's own panels only:
    Moderación and "No se pudo leer" scroll there, and the board keeps two cards. On the
    laptop and full HD at 100 %, nothing read cut either (``readable_problems``: the
    filters, the board's columns and headings, the supervision table, the status bar,
    the ticket's buttons)."""
    width, height = size
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               JUN_DESK_HOME=str(tmp_path / "home"), QT_SCALE_FACTOR=str(scale))
    extra = ["--working-only"] if scale != 1.0 else ["--readable"]
    done = subprocess.run([sys.executable, str(PROBE), full_desk, *extra], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["screen"][2:] == logical
    assert found["problems"] == []


def _first_start(qtbot, desk: Desk, actor):  # type: ignore[no-untyped-def]
    """The window as ``app.py`` opens it: on screen first, the desk built inside it."""
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow

    window = MainWindow(source="sandbox")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(UiContext(desk, actor, account="AytoJun"))
    qtbot.waitUntil(lambda: not window.desk.building())  # the steps after the board
    return window


@pytest.mark.parametrize("who", ["luis", "ana"])
def test_first_start_shows_the_working_panels_and_reset_brings_them_back(
        qtbot, desk: Desk, people, who: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, 1: a new operator saw the board alone (a dock added to a window already
    on screen stays hidden until shown). Ver → Restablecer disposición brings the role's
    panels back after a person closed them."""
    window = _first_start(qtbot, desk, people[who])
    docks = window.desk.docks
    working = [docks.feed_dock, docks.detail_dock, docks.dms_dock, docks.citizen_dock]
    assert [d.objectName() for d in working if d.isHidden()] == []
    assert window.desk.docks.dashboard_dock.isHidden() == (who == "luis")
    assert window.desk.docks.feed_dock.isVisible() and window.desk.docks.detail_dock.isVisible()
    # The ticket in front of its tabs (on the tests' low screen the supervision panel is
    # one of them).
    qtbot.waitUntil(lambda: not window.desk.docks.detail_dock.visibleRegion().isEmpty())
    for dock in working:
        dock.close()
    window.desk.docks.moderation_dock.show()
    view = window.menuBar().actions()[2].menu()  # Ver (after Feed and Ticket)
    reset = next(a for a in view.actions() if a.objectName() == "reset-layout-action")
    assert reset.text() == "Restablecer disposición"
    reset.trigger()
    assert [d.objectName() for d in working if d.isHidden()] == []
    assert window.desk.docks.moderation_dock.isHidden()
    assert window.desk.docks.dashboard_dock.isHidden() == (who == "luis")
    window.close()


def test_the_citizen_panel_comes_to_the_front(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, 7: Ver → Vecino on a ticked (open, behind the ticket) panel brings it in
    front instead of closing it; Ctrl+5 does it from the keyboard, the focus in it."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.keys import press

    window = _first_start(qtbot, desk, people["luis"])
    qtbot.waitUntil(lambda: window.desk.docks.detail_dock.visibleRegion().isEmpty() is False)
    assert window.desk.docks.citizen_dock.visibleRegion().isEmpty()  # behind the ticket's tab
    toggle = window.desk.docks.citizen_dock.toggleViewAction()
    assert toggle.isChecked()

    def choose() -> None:  # Ver → Vecino: the menu opens, the entry is chosen
        window._view_menu.aboutToShow.emit()
        toggle.trigger()

    choose()
    qtbot.waitUntil(lambda: not window.desk.docks.citizen_dock.visibleRegion().isEmpty())
    assert not window.desk.docks.citizen_dock.isHidden()
    choose()  # in front: chosen again, it closes as before
    assert window.desk.docks.citizen_dock.isHidden()
    choose()
    qtbot.waitUntil(lambda: not window.desk.docks.citizen_dock.visibleRegion().isEmpty())
    window.desk.docks.detail_dock.raise_()
    qtbot.waitUntil(lambda: window.desk.docks.citizen_dock.visibleRegion().isEmpty())
    window.desk.board.search.setFocus()
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.desk.docks.citizen_dock.visibleRegion().isEmpty())
    assert QApplication.focusWidget() is window.desk.citizen.tickets
    window.close()


def test_the_urgent_banner_is_one_line_until_unfolded(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, 6: four reports of an accident took the board's height; folded, the
    banner is one line (the newest report elided, whole in its tooltip)."""
    from jun_desk.ui.urgency import UrgentBanner

    reports = [mention(f"@AytoJun accidente en la carretera de Granada, aviso {n}, hay "
                       "heridos, manden a la policía ya", author=PEPE, minutes=n)
               for n in range(4)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, reports, [PEPE], reports[-1].x_id)
    items = desk.search.feed(limit=10)
    banner = UrgentBanner()
    qtbot.addWidget(banner)
    banner.resize(700, 200)
    banner.add(items, desk.ctx.clock())
    qtbot.waitUntil(banner.isVisible)
    line = banner.fontMetrics().height()
    assert banner.sizeHint().height() < 3 * line  # one line and the buttons' padding
    assert "aviso 3" in banner.line.text() and banner.line.toolTip() == banner.line.text()
    assert not banner.text.isVisible()
    qtbot.mouseClick(banner.expand_button, Qt.MouseButton.LeftButton)
    assert banner.text.isVisible() and all(f"aviso {n}" in banner.text.text()
                                           for n in range(4))
    assert banner.sizeHint().height() > 4 * line
    qtbot.mouseClick(banner.expand_button, Qt.MouseButton.LeftButton)
    assert not banner.text.isVisible()


def test_a_long_complaint_is_folded_in_the_feed(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, 11: a 15-line complaint filled the feed's column. Its first lines and
    "… ver más"; a click there (or Space on it) shows the rest, and folds it again."""
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.feed.panel import FeedPanel

    long = mention("@AytoJun " + COMPLAINT, author=MARIA)
    short = mention("@AytoJun la farola de la calle Real está apagada", minutes=1)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [long, short], [MARIA], short.x_id)
    panel = FeedPanel(UiContext(desk, people["luis"], account="AytoJun"))
    qtbot.addWidget(panel)
    panel.resize(320, 700)  # the feed's dock on a laptop
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    view, delegate = panel.view, panel.view.itemDelegate()
    row = next(r for r in range(2) if panel.model.item(r).text.endswith(COMPLAINT))
    index = panel.model.index(row)
    folded = view.visualRect(index)
    line = view.fontMetrics().lineSpacing()
    assert folded.height() < 11 * line  # five lines of text, not fifteen
    assert COMPLAINT in index.data(Qt.ItemDataRole.ToolTipRole)  # the whole text
    more = delegate._more_rect(panel.model.item(row), _option(view, index))
    assert more is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=more.center().toPoint())
    qtbot.waitUntil(lambda: view.visualRect(index).height() > folded.height() + 8 * line)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.visualRect(index).height() == folded.height())
    other = panel.model.index(1 - row)
    height = view.visualRect(other).height()
    view.setCurrentIndex(other)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # a short text has nothing to unfold
    assert view.visualRect(other).height() == height
    view.grab()  # painted folded and unfolded without error


def _option(view, index):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    return option
