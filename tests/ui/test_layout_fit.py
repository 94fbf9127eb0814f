"""The window fits the screen it opens on: laptop (1,366 × 768), full HD (1,920 × 1,080)
and full HD at 200 % (960 × 540 logical); a layout saved on a larger screen is brought
back inside a smaller one. Each case runs the desk in a process of its own on an offscreen
screen of that size (the offscreen platform's ``configfile`` option)."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jun_desk.services.desk import Desk

PROBE = Path(__file__).with_name("fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, db_url: str, width: int, height: int, *extra: str,
         scale: float = 1.0) -> dict:  # type: ignore[type-arg]
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=str(scale))
    done = subprocess.run([sys.executable, str(PROBE), db_url, *extra], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _inside(rect: list[int], area: list[int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.fixture
def desk_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    desk = Desk.open(url)
    desk.operators.add("ana", "supervisor", display_name="Ana García")
    desk.close()
    return url


def _check(found: dict) -> None:  # type: ignore[type-arg]
    screen = found["screen"]
    assert found["minimum_width"] <= 1024
    assert _inside(found["window"], screen), found
    assert _inside(found["status"], screen), found
    for name in ("dock-feed", "dock-detail", "dock-dms", "dock-dashboard"):
        assert name in found["docks"], found  # a supervisor: all four shown
        assert _inside(found["docks"][name]["rect"], screen), (name, found)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
def test_window_fits_the_screen(tmp_path: Path, desk_url: str, size: tuple[int, int]) -> None:
    found = _run(tmp_path, desk_url, *size)
    _check(found)
    # The board, the feed and the ticket side by side, each wide enough to work in.
    docks = found["docks"]
    assert docks["dock-feed"]["rect"][2] >= 280
    assert docks["dock-detail"]["rect"][2] >= 340
    assert found["board_width"] >= 600
    assert min(found["columns"].values()) >= 150
    if size == (1920, 1080):  # six columns without scrolling
        assert sum(found["columns"].values()) <= found["board_width"]


@pytest.mark.parametrize(("size", "scale", "logical"),
                         [((1920, 1080), 2.0, [960, 540]), ((1366, 768), 1.5, [911, 512])],
                         ids=["full-hd-200", "laptop-150"])
def test_window_fits_when_scaled(tmp_path: Path, desk_url: str, size: tuple[int, int],
                                 scale: float, logical: list[int]) -> None:
    """Full HD at 200 % (960 × 540 logical pixels) and the laptop at 150 % (911 × 512):
    still all on screen."""
    found = _run(tmp_path, desk_url, *size, scale=scale)
    assert found["screen"][2:] == logical
    _check(found)


def test_layout_saved_on_a_larger_screen_is_clamped(tmp_path: Path, desk_url: str) -> None:
    big = _run(tmp_path, desk_url, 2560, 1440, "--resize", "2500", "1380", "--move", "40", "30")
    assert big["window"][2] >= 2500  # the frame adds a few pixels
    small = _run(tmp_path, desk_url, 1366, 768)
    _check(small)


def test_status_bar_elides_and_makes_room_for_messages(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow

    window = MainWindow(UiContext(desk, people["ana"]))
    qtbot.addWidget(window)
    window.show()  # on the tests' 800 px screen: as narrow as the desk gets
    qtbot.waitExposed(window)
    bar = window.statusBar()
    long = "Sincronización: " + "X no responde; " * 20
    window.desk.status.sync_label.setText(long)
    status = window.desk.status
    assert status.sync_label.text() == long and status.sync_label.toolTip() == long
    fields = [w for w in bar._permanent if w.isVisible()]
    assert all(w.geometry().right() <= bar.width() for w in fields)  # nothing pushed out
    for left, right in itertools.pairwise(fields):
        assert left.geometry().right() < right.geometry().left()  # never into the next one
    message = "Policía Local: 1 aviso nuevo: @pepe_jun: hay una furgoneta en el colegio"
    bar.showMessage(message, 20_000)
    assert bar.currentMessage() == message and bar.toolTip() == message
    assert not window.desk.status.sync_label.isVisible()  # stepped aside for the message
    assert bar.message_rect().width() >= min(bar.fontMetrics().horizontalAdvance(message),
                                             bar.width() * 0.45)
    bar.grab()  # painted elided, no error
    bar.clearMessage()
    assert window.desk.status.database_label.isVisible()
    assert window.desk.status.sync_label.isVisible()
    assert window.desk.status.sync_label.width() > 200  # the sync line takes the room there is
    window.close()


def _settle(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """The layout requests posted by a resize, handled."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)
    widget.layout().activate()


def test_the_status_bar_cuts_the_other_fields_before_the_sync_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A status bar short of room (the training desk's on a laptop) keeps the sync line's
    time and count and who is signed in whole, and cuts the others ("Última
    sincronización 01:0…" said nothing); the database keeps its file's name."""
    from jun_desk.ui.layout_fit import DeskStatusBar, PathLabel, StatusLabel

    bar = DeskStatusBar()
    qtbot.addWidget(bar)
    sync = StatusLabel("Última sincronización 01:06:07: 120 nuevos", bar,
                       keep="Última sincronización 00:00:00: 1000 nuevos")
    poller = StatusLabel("Sondeo de X: este puesto", bar, cap=200)
    costs = StatusLabel("X hoy: 0,78 $ · mes: 12,40 $", bar, cap=220)
    user = StatusLabel("formacion (supervisor/a)", bar, cap=220, whole=True)
    database = PathLabel("Base de datos: %s", "sqlite:////home/ana/.local/share/jun-desk/"
                         "sandbox/jun-desk-sandbox.db", bar, cap=240)
    fields = [sync, poller, costs, database, user]
    for field in fields:
        bar.addPermanentWidget(field, 1 if field is sync else 0)
    wants = sum(f.sizeHint().width() for f in fields) + 6 * len(fields)
    whole = {f: f.fontMetrics().horizontalAdvance(f.text()) for f in fields}
    bar.resize(wants - 150, 24)
    bar.show()
    qtbot.waitExposed(bar)
    _settle(qtbot, bar)
    assert sync.width() >= whole[sync] and user.width() >= whole[user]
    assert all(f.width() < f.sizeHint().width() for f in (poller, costs, database))
    shown = database.shown(database.contentsRect().width())
    assert shown.startswith("Base de datos: …") and shown.endswith("box.db")  # the file's end
    assert all(f.geometry().right() <= bar.width() for f in fields)
    # Room for all: nothing is cut, the sync line takes what is left.
    bar.resize(wants + 100, 24)
    _settle(qtbot, bar)
    assert all(f.width() >= f.sizeHint().width() for f in fields)
    assert database.shown(database.contentsRect().width()) == database.text() or \
        database.shown(database.contentsRect().width()).startswith("Base de datos: …/")
    # Too narrow even for what they keep: all are cut, none pushed out of the bar.
    bar.resize(420, 24)
    _settle(qtbot, bar)
    assert sync.width() < whole[sync]
    assert all(f.geometry().right() <= bar.width() for f in fields)


def test_a_path_is_cut_from_its_start_and_keeps_its_file_name(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from jun_desk.ui.layout_fit import elide_path

    metrics = QLabel().fontMetrics()
    path = "sqlite:////home/ana/.local/share/jun-desk/sandbox/jun-desk-sandbox.db"
    assert elide_path(path, metrics, 2000) == path
    tail = "…/sandbox/jun-desk-sandbox.db"
    assert elide_path(path, metrics, metrics.horizontalAdvance(tail)) == tail
    short = elide_path(path, metrics, metrics.horizontalAdvance("jun-desk-sandbox.db") - 20)
    assert short.startswith("…") and short.endswith("sandbox.db")
    server = "postgresql+psycopg://ana@db.jun.local/jundesk"
    host = "…/ana@db.jun.local/jundesk"  # the server's address kept, the driver cut
    assert elide_path(server, metrics, metrics.horizontalAdvance(host)) == host


def test_a_balanced_flow_wraps_its_buttons_in_even_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The ticket's buttons, wrapped: the fewest lines, as even as their order allows
    (filled in turn, "Reabrir" was left alone on the second line)."""
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    from jun_desk.ui.layout_fit import FlowLayout

    def lines(balanced: bool, width: int) -> list[list[str]]:
        host = QWidget()
        qtbot.addWidget(host)
        flow = FlowLayout(host, balanced=balanced)
        widgets = [QLabel("0 / 280")] + [QPushButton(t) for t in (
            "Añadir nota", "Enviar DM", "Responder en público", "Resolver", "Reabrir")]
        for widget in widgets:
            flow.addWidget(widget)
        host.resize(width, flow.heightForWidth(width))
        flow.setGeometry(host.rect())
        rows: dict[int, list[str]] = {}
        for widget in widgets:
            rows.setdefault(widget.y(), []).append(widget.text())
        assert all(w.geometry().right() < width for w in widgets)
        return [rows[y] for y in sorted(rows)]

    probe = [QLabel("0 / 280")] + [QPushButton(t) for t in (
        "Añadir nota", "Enviar DM", "Responder en público", "Resolver", "Reabrir")]
    widths = [w.sizeHint().width() for w in probe]
    five = sum(widths[:5]) + 6 * 4 + 2  # all but "Reabrir" on a line
    assert lines(False, five) == [[p.text() for p in probe[:5]], ["Reabrir"]]
    balanced = lines(True, five)
    assert len(balanced) == 2 and min(len(line) for line in balanced) >= 2
    assert lines(True, sum(widths) + 6 * 5 + 2) == [[p.text() for p in probe]]  # one row
    for width in (max(widths) + 2, 2 * max(widths), five // 2):  # never more lines
        assert len(lines(True, width)) == len(lines(False, width))
