"""The start: the operator's window is on screen before the data layer loads, with a
placeholder that the desk then replaces; the sign-in is asked inside it; a database that
cannot be opened is said in it and over it, never a crash."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from jun_desk.domain.errors import StorageError
from jun_desk.secrets import KeyringUnavailableError, XCredentials
from jun_desk.services.desk import Desk
from jun_desk.start.credentials import KeysMissing, NoKeyring
from jun_desk.start.driver import DeskStart
from jun_desk.start.options import Connection, GuiOptions
from jun_desk.start.stage import Stage
from jun_desk.ui.main_window import MainWindow, SessionOptions
from jun_desk.x.sandbox.server import Sandbox

HEAVY = ("sqlalchemy", "alembic", "tweepy", "requests", "oauthlib", "keyring",
         "jun_desk.services", "jun_desk.store.engine", "jun_desk.x",
         "jun_desk.ui.board.panel", "jun_desk.ui.context")

# Runs the real `jun-desk --sandbox` in a process of its own and notes what had loaded
# and what the window showed when it was first exposed, and when the desk was ready.
PROBE = r"""
import json, sys
from pathlib import Path

from jun_desk.start import driver

HEAVY = %r
db = Path(sys.argv[1])
seen = {}
shown, ready = driver.DeskStart.shown, driver.DeskStart._ready


def at_shown(self):
    window = self.window
    handle = window.windowHandle()
    seen["shown"] = {
        "exposed": bool(handle is not None and handle.isExposed()),
        "heavy": sorted(m for m in HEAVY if m in sys.modules),
        "database_exists": db.exists(),
        "placeholder": window.pages.currentWidget() is window.placeholder_page,
        "text": window.placeholder.text(),
        "title": window.windowTitle(),
        "menus": [a.text() for a in window.menuBar().actions()],
    }
    shown(self)


def at_ready(self):
    window = self.window
    seen["ready"] = {
        "events": list(self.events),
        "heavy": sorted(m for m in HEAVY if m in sys.modules),
        "database_exists": db.exists(),
        "desk_page": window.pages.currentWidget() is window.desk.desk_page,
        "placeholder_visible": window.placeholder.isVisible(),
        "cards": sum(c.model.rowCount() for c in window.desk.board.columns.values()),
        "menus_enabled": all(a.isEnabled() for a in window.menuBar().actions()),
    }
    ready(self)


driver.DeskStart.shown = at_shown
driver.DeskStart._ready = at_ready
from jun_desk.cli import main

code = main(["--db", f"sqlite:///{db}", "--sandbox", "--speed", "instant", "--lang", "es"])
print("SEEN " + json.dumps(seen), flush=True)
sys.exit(code)
"""


def test_the_window_is_shown_before_the_data_layer_loads(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUN_DESK_HOME": str(tmp_path),
           "JUN_DESK_QUIT_WHEN_READY": "1"}
    env.pop("JUN_DESK_QUIT_WHEN_SHOWN", None)
    done = subprocess.run([sys.executable, "-c", PROBE % (HEAVY,), str(db)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    marks = [line.split()[0] for line in done.stdout.splitlines()
             if line.startswith(("shown ", "ready "))]
    assert marks == ["shown", "ready"]
    seen = json.loads(next(line[5:] for line in done.stdout.splitlines()
                           if line.startswith("SEEN ")))
    shown, ready = seen["shown"], seen["ready"]
    # On screen, with its title, menus and the placeholder; nothing of the data layer,
    # the X client or the desk's views loaded yet, and the database not even created.
    assert shown["exposed"]
    assert shown["heavy"] == []
    assert not shown["database_exists"]
    assert shown["placeholder"] and shown["text"] == "Abriendo la mesa…"
    assert "Jun Desk" in shown["title"] and "sandbox" in shown["title"]
    assert shown["menus"] == ["&Ver", "&Sesión", "&Configuración", "&Anuncios", "A&yuda"]
    # Then the desk, in that same window: the placeholder replaced by the board.
    assert ready["events"] == ["shown", "connected", "opened", "attached", "board"]
    assert ready["database_exists"]
    assert {"sqlalchemy", "jun_desk.ui.board.panel"} <= set(ready["heavy"])
    assert ready["desk_page"] and not ready["placeholder_visible"]
    assert ready["menus_enabled"]


def test_when_shown_quits_at_once_without_opening_the_database(tmp_path: Path) -> None:
    """The start-up benchmark's switch: "shown <epoch>", exit 0, nothing else done."""
    db = tmp_path / "desk.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUN_DESK_HOME": str(tmp_path),
           "JUN_DESK_QUIT_WHEN_SHOWN": "1"}
    done = subprocess.run([sys.executable, "-m", "jun_desk", "--db", f"sqlite:///{db}",
                           "--sandbox"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [line.split()[0] for line in done.stdout.splitlines()] == ["shown"]
    assert not db.exists()


class FakeApp(QObject):
    """The application as DeskStart sees it, without ending the test's event loop."""

    aboutToQuit = Signal()  # Qt's name

    def __init__(self) -> None:
        super().__init__()
        self.exits: list[int] = []

    def exit(self, code: int = 0) -> None:
        self.exits.append(code)

    def quit(self) -> None:
        self.exits.append(0)


def _start(qtbot, *, training: bool) -> tuple[MainWindow, DeskStart, FakeApp]:  # type: ignore[no-untyped-def]
    window = MainWindow(source="sandbox" if training else "@AytoJun",
                        session=SessionOptions(training=training))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    fake = FakeApp()
    start = DeskStart(fake, window, GuiOptions(sandbox=training, speed=math.inf))
    return window, start, fake


def test_a_database_that_cannot_be_opened_is_said_in_the_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    damaged = tmp_path / "desk.db"
    damaged.write_bytes(b"this is not a database" * 200)
    window, start, fake = _start(qtbot, training=False)
    keys = XCredentials("ck", "cs", "at", "ats")
    try:
        start.connected(Connection(keys, "http://127.0.0.1:9", "AytoJun",
                                    f"sqlite:///{damaged}", "@AytoJun"))
        qtbot.waitUntil(lambda: "failed" in start.events, timeout=30_000)
        assert isinstance(start.failure, StorageError)  # the command line says it too
        assert window.pages.currentWidget() is window.placeholder_page
        assert "dañado" in window.placeholder.text()  # in the window's language
        box = window.findChild(QMessageBox, "start-failed")
        assert box is not None and box.isVisible()
        assert "dañado" in box.text() and "damaged" in str(start.failure)
        assert not window.attached and fake.exits == []
        box.close()
        qtbot.waitUntil(lambda: fake.exits == [1], timeout=5000)
    finally:
        start.close()
    assert start.desk is None  # nothing half-open left behind


def _sandbox_connection(sandbox: Sandbox, db_url: str) -> Connection:
    """The training desk's connection, as the start makes it for ``--sandbox``."""
    return Connection(sandbox.credentials, sandbox.base_url, "AytoJun", db_url, "sandbox",
                      training=True)


@pytest.mark.both_backends  # the window opens its database
def test_the_sign_in_is_asked_inside_the_window_then_the_desk_replaces_it(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, people) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        window, start, _fake = _start(qtbot, training=True)
        try:
            start.connected(_sandbox_connection(sandbox, db_url))
            qtbot.waitUntil(lambda: "sign-in" in start.events, timeout=30_000)
            assert start.is_ready and not window.attached
            panel = window.sign_in
            assert window.pages.currentWidget() is panel
            panel.name.setText("rosa")
            panel.submit()
            qtbot.waitUntil(lambda: "board" in start.events, timeout=30_000)
            assert window.attached and window.ui.actor.username == "rosa"
            assert window.pages.currentWidget() is window.desk.desk_page
            assert window.sign_in is panel  # the same panel now locks the desk
            # The desk finishes its parts after the board is up (the status bar among them).
            qtbot.waitUntil(lambda: "rosa" in window.desk.status.user_label.text(),
                            timeout=10_000)
            assert start.events == ["connected", "opened", "sign-in", "ready", "attached",
                                    "board", "ready"]
            ui = window.ui  # let the first reads finish before the window goes
            qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
            qtbot.wait(50)
        finally:
            window.close()
            start.close()


def test_a_wrong_password_at_the_first_sign_in_builds_nothing_then_the_right_one_does(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, passwords) -> None:
    """The live desk (X's keys, not the sandbox's trainees): the sign-in refuses a wrong
    password inside the window and the start waits at it; the right one builds the desk."""
    with Sandbox(speed=math.inf) as sandbox:
        window, start, fake = _start(qtbot, training=False)
        try:
            start.connected(Connection(sandbox.credentials, sandbox.base_url, "AytoJun",
                                       db_url, "@AytoJun"))
            qtbot.waitUntil(lambda: "sign-in" in start.events, timeout=30_000)
            panel = window.sign_in
            panel.name.setText("rosa")
            panel.password.setText("not-her-password")
            panel.submit()
            qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
            assert panel.message.text() and window.pages.currentWidget() is panel
            assert start.stage is Stage.SIGN_IN and not window.attached
            panel.name.setText("rosa")
            panel.password.setText(passwords["rosa"])
            panel.submit()
            qtbot.waitUntil(lambda: "board" in start.events, timeout=30_000)
            assert window.ui.actor.username == "rosa" and fake.exits == []
            assert start.events == ["connected", "opened", "sign-in", "ready", "attached",
                                    "board", "ready"]
            ui = window.ui  # let the first reads finish before the window goes
            qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
            qtbot.wait(50)
        finally:
            window.close()
            start.close()


def test_the_views_load_while_the_sign_in_waits_one_a_turn(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, people, monkeypatch) -> None:
    """The sign-in is ready at once; then, while nobody has typed yet, the views' modules
    are imported one per turn of the event loop, and the X adapter on the worker."""
    from PySide6.QtCore import QTimer

    from jun_desk.start import build, driver

    imported: list[str] = []

    def import_module(name: str) -> None:
        if not imported:  # runs in the next turn: before the second import if one a turn
            QTimer.singleShot(0, lambda: imported.append("(next turn)"))
        imported.append(name)

    monkeypatch.setattr(driver, "import_module", import_module)
    ahead: list[bool] = []
    monkeypatch.setattr(build, "import_x_side", lambda: ahead.append(True))
    with Sandbox(speed=math.inf) as sandbox:
        window, start, _fake = _start(qtbot, training=True)
        try:
            start.connected(_sandbox_connection(sandbox, db_url))
            qtbot.waitUntil(lambda: "sign-in" in start.events, timeout=30_000)
            assert start.is_ready
            qtbot.waitUntil(lambda: not start.ahead, timeout=30_000)
            first, *others = build.view_modules()
            assert imported == [first, "(next turn)", *others]
            qtbot.waitUntil(lambda: ahead == [True], timeout=30_000)
            assert start.stage is Stage.SIGN_IN and not window.attached
        finally:
            window.close()
            start.close()


def test_the_sandbox_starts_after_its_database_and_the_desk_waits_for_both(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch) -> None:
    """The training desk: its database opens first (the sign-in, when asked, needs only
    it); the sandbox X starts after it on the same worker, and the desk is built once both
    are there, whichever comes last (here the sandbox, held until released)."""
    import threading

    from jun_desk.start import sandbox as sandbox_step

    real, release, seen = sandbox_step.sandbox_connection, threading.Event(), []

    def held_sandbox(options, **clocks):  # type: ignore[no-untyped-def]
        seen.append(start.desk is not None)
        release.wait(60)
        return real(options, **clocks)

    monkeypatch.setattr(sandbox_step, "sandbox_connection", held_sandbox)
    window, start, fake = _start(qtbot, training=True)
    start.options.db_url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    try:
        start.shown()
        qtbot.waitUntil(lambda: "opened" in start.events and bool(seen), timeout=30_000)
        for _ in range(5):  # the turns of the event loop a build would take
            qtbot.wait(20)
        assert seen == [True]  # the database was open when the sandbox started
        assert start.actor is not None and start.actor.username == "formacion"
        assert "attached" not in start.events and not window.attached
        release.set()
        qtbot.waitUntil(lambda: "board" in start.events, timeout=60_000)
        assert start.events == ["shown", "connected", "opened", "attached", "board", "ready"]
        assert window.attached and fake.exits == [] and start.sandbox is not None
        ui = window.ui
        qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
        qtbot.wait(50)
    finally:
        release.set()
        window.close()
        start.close()


def test_a_step_out_of_its_order_ends_the_start_as_a_bug(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A worker's answer coming twice (or a step queued after the one that follows it):
    said over the window as the unexpected error it is, never a desk built twice."""
    window, start, fake = _start(qtbot, training=True)
    try:
        start.step(lambda: start.enter(Stage.ATTACHED))()  # nothing opened yet
        assert start.stage is Stage.FAILED and start.code == 70
        box = window.findChild(QMessageBox, "start-failed")
        assert box is not None and "RuntimeError" in box.text()
        box.close()
        qtbot.waitUntil(lambda: fake.exits == [1], timeout=5000)
        start.step(lambda: start.enter(Stage.CONNECTED))()  # after the end: nothing runs
        assert start.events == ["failed"]
    finally:
        window.close()
        start.close()


def test_the_window_without_a_desk_yet(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The shell alone: title, menus waiting, placeholder; it closes cleanly."""
    window = _start(qtbot, training=True)[0]
    assert "MODO FORMACIÓN" in window.windowTitle()
    menus = window.menuBar().actions()
    assert [a.isEnabled() for a in menus] == [False, False, False, False, True]
    assert window.createPopupMenu() is None
    window.show_placeholder("No se pudo abrir la mesa: prueba")
    assert window.placeholder.text().endswith("prueba")
    window.close()
    assert not window.isVisible()


@pytest.mark.parametrize("argv", [["--sandbox"], ["--db", "x.db", "--lang", "en"],
                                  ["--sandbox", "--speed", "instant", "--api-base", "http://x"],
                                  []])
def test_window_options_read_as_the_whole_command_line_reads_them(argv: list[str]) -> None:
    from jun_desk import cli

    assert vars(cli._parse(argv)) == vars(cli._parser().parse_args(argv))


def test_the_placeholder_speaks_the_window_language(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui import i18n

    i18n.install(qapp, "en")
    try:
        window = MainWindow(source="sandbox", session=SessionOptions(training=True))
        qtbot.addWidget(window)
        assert window.placeholder.text() == "Opening the desk…"
        assert [a.text() for a in window.menuBar().actions()][-1] == "&Help"
    finally:
        i18n.install(qapp, "es")


def _answer_box(qtbot, button: str) -> None:  # type: ignore[no-untyped-def]
    """Press ``button`` on the message box the start opens (modal) over the window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def press() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, press)
            return
        next(b for b in boxes[0].buttons() if b.text() == button).click()

    QTimer.singleShot(0, press)


def test_no_keyring_offers_the_sandbox_over_the_window_or_quits(qtbot) -> None:  # type: ignore[no-untyped-def]
    window, start, fake = _start(qtbot, training=False)
    try:
        _answer_box(qtbot, "Salir")
        start.credentials_read(NoKeyring(KeyringUnavailableError.of("keyring.missing")))
        assert fake.exits == [1] and start.code == 1
        assert not window.attached
    finally:
        start.close()


def _script(qtbot, steps) -> list[str]:  # type: ignore[no-untyped-def]
    """Play ``steps`` on the modal windows the start opens, one after another: each step
    gets the visible top-level windows and returns a note once it acted (else it is tried
    again in 20 ms). The notes, in order."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    notes: list[str] = []
    pending = list(steps)

    def tick() -> None:
        if not pending:
            return
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        note = pending[0](shown)
        if note is not None:
            notes.append(note)
            pending.pop(0)
        QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)
    return notes


def _cancel_credentials(shown) -> str | None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.credentials_dialog import CredentialsDialog

    dialog = next((w for w in shown if isinstance(w, CredentialsDialog)), None)
    if dialog is None:
        return None
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    return "cancelled"


def _on_box(name: str, act):  # type: ignore[no-untyped-def]
    def step(shown) -> str | None:  # type: ignore[no-untyped-def]
        box = next((w for w in shown if isinstance(w, QMessageBox)
                    and w.objectName() == name), None)
        return None if box is None else act(box)
    return step


def test_cancel_on_the_first_credentials_dialog_says_why_and_offers_the_choices(
        qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, item 8: Cancel on the first credentials dialog closed the desk without a
    word. Now a box says what it means and offers: type the keys (Escape's choice: back to
    the dialog), the sandbox, or quit."""
    from PySide6.QtCore import Qt

    window, start, fake = _start(qtbot, training=False)

    def escape(box: QMessageBox) -> str:
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        return "escape: " + box.text()

    def quit_(box: QMessageBox) -> str:
        next(b for b in box.buttons() if b.text() == "Salir").click()
        return "quit"

    try:
        notes = _script(qtbot, [_cancel_credentials, _on_box("credentials-cancelled", escape),
                                _cancel_credentials, _on_box("credentials-cancelled", quit_)])
        start.credentials_read(KeysMissing("AytoJun", "http://127.0.0.1:9"))
        assert notes[0] == "cancelled" and notes[1].startswith("escape: No se guardaron claves")
        assert "practicar con el sandbox" in notes[1]
        assert notes[2:] == ["cancelled", "quit"]  # Escape went back to the dialog
        assert fake.exits == [1] and not window.attached
    finally:
        start.close()


def test_ctrl_c_while_the_choices_are_asked_ends_the_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM or Ctrl-C (``close_all``) while the box after Cancel waits: the box and the
    window close and no credentials dialog opens again behind a closed window."""
    from PySide6.QtCore import QTimer

    from jun_desk.start.window import close_all
    from jun_desk.ui.credentials_dialog import CredentialsDialog

    window, start, fake = _start(qtbot, training=False)

    def terminate(box: QMessageBox) -> str:
        close_all(window)
        return "terminated"

    finished: list[bool] = []

    def reopened(shown) -> str | None:  # type: ignore[no-untyped-def]
        """Without the fix the dialog came back: cancel it and quit (a failure, not a hang)."""
        if finished:
            return "-"
        if _cancel_credentials(shown) is None:
            return None
        QTimer.singleShot(50, lambda: [next(b for b in w.buttons() if b.text() == "Salir")
                                       .click() for w in QApplication.topLevelWidgets()
                                       if isinstance(w, QMessageBox) and w.isVisible()])
        return "reopened"

    try:
        notes = _script(qtbot, [_cancel_credentials,
                                _on_box("credentials-cancelled", terminate), reopened])
        start.credentials_read(KeysMissing("AytoJun", "http://127.0.0.1:9"))
        finished.append(True)
        assert notes == ["cancelled", "terminated"]
        assert fake.exits == [1] and not window.isVisible()
        qtbot.wait(100)
        assert not any(isinstance(w, CredentialsDialog) and w.isVisible()
                       for w in QApplication.topLevelWidgets())
    finally:
        start.close()


def test_cancel_then_the_sandbox_opens_the_desk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, start, fake = _start(qtbot, training=False)
    start.options.db_url = f"sqlite:///{tmp_path / 'sandbox.db'}"

    def sandbox(box: QMessageBox) -> str:
        next(b for b in box.buttons() if b.text() == "Usar el sandbox").click()
        return "sandbox"

    try:
        _script(qtbot, [_cancel_credentials, _on_box("credentials-cancelled", sandbox)])
        start.credentials_read(KeysMissing("AytoJun", "http://127.0.0.1:9"))
        qtbot.waitUntil(lambda: "board" in start.events, timeout=60_000)
        assert window.attached and window.session.training and fake.exits == []
        ui = window.ui
        qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
        qtbot.wait(50)
    finally:
        window.close()
        start.close()


def test_escape_does_not_quit_when_there_is_no_keyring(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, item 8: with no keyring at all, Escape pressed "Salir"."""
    from PySide6.QtCore import Qt

    from jun_desk.ui.credentials_dialog import keyring_missing_box

    box, use_sandbox = keyring_missing_box(KeyringUnavailableError.of("keyring.missing"))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.isVisible() and box.clickedButton() is None  # nothing pressed
    box.close()  # nor does the title bar's close button quit
    assert box.isVisible()
    use_sandbox.click()
    assert box.clickedButton() is use_sandbox


def test_no_keyring_then_the_sandbox_opens_the_desk_in_the_same_window(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    window, start, fake = _start(qtbot, training=False)
    start.options.db_url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    try:
        _answer_box(qtbot, "Usar el sandbox")
        start.credentials_read(NoKeyring(KeyringUnavailableError.of("keyring.missing")))
        qtbot.waitUntil(lambda: "board" in start.events, timeout=60_000)
        assert window.attached and window.session.training
        assert "sandbox" in window.windowTitle()
        assert window.ui.actor.username == "formacion"  # the sandbox's own trainee
        assert fake.exits == []
        ui = window.ui
        qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
        qtbot.wait(50)
    finally:
        window.close()
        start.close()


def test_the_views_imported_ahead_are_those_attach_builds_from() -> None:
    """``VIEW_MODULES`` (imported in a step of their own) names every module ``attach``
    imports, so that the step that builds imports nothing heavy."""
    import ast
    import inspect
    import textwrap

    from jun_desk.ui import main_window

    tree = ast.parse(textwrap.dedent(inspect.getsource(MainWindow.attach)))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == set(main_window.VIEW_MODULES)


def test_a_bug_in_a_start_step_is_said_over_the_window_not_a_stuck_placeholder(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch) -> None:
    """A step on the GUI thread that raises (here: building the desk) ends the start as
    the command line's unexpected error, said over the window, with its crash report."""
    def broken(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug while building the desk")

    monkeypatch.setattr(MainWindow, "attach", broken)
    with Sandbox(speed=math.inf) as sandbox:
        window, start, fake = _start(qtbot, training=True)
        try:
            start.connected(_sandbox_connection(sandbox, f"sqlite:///{tmp_path / 'desk.db'}"))
            qtbot.waitUntil(lambda: "failed" in start.events, timeout=30_000)
            assert start.code == 70 and not window.attached
            assert "attached" not in start.events
            box = window.findChild(QMessageBox, "start-failed")
            assert box is not None and box.isVisible() and "RuntimeError" in box.text()
            box.close()
            qtbot.waitUntil(lambda: fake.exits == [1], timeout=5000)
        finally:
            window.close()
            start.close()


def test_closing_the_window_at_the_sign_in_builds_no_desk_into_it(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, people) -> None:
    """Closed while the sign-in is being checked: the steps already queued do nothing (no
    desk, no poller lease, no change stream started behind a closed window)."""
    with Sandbox(speed=math.inf) as sandbox:
        window, start, _fake = _start(qtbot, training=True)
        try:
            start.connected(_sandbox_connection(sandbox, db_url))
            qtbot.waitUntil(lambda: "sign-in" in start.events, timeout=30_000)
            panel = window.sign_in
            answered: list[object] = []
            panel.signed_in.connect(answered.append)
            panel.name.setText("rosa")
            panel.submit()
            window.close()  # waits for the sign-in's check; its answer comes after
            qtbot.waitUntil(lambda: bool(answered), timeout=30_000)
            for _ in range(5):  # the turns of the event loop the build would take
                qtbot.wait(20)
            assert not window.attached and "attached" not in start.events
            assert start.x is None and start.closing
        finally:
            window.close()
            start.close()


def test_a_window_never_exposed_still_opens_the_desk_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Started minimised or on a locked session, the window is not exposed: the desk opens
    anyway after a short while (and only once, when the window then shows)."""
    from PySide6.QtWidgets import QWidget

    from jun_desk.start.window import when_exposed

    hidden = QWidget()
    qtbot.addWidget(hidden)
    calls: list[int] = []
    when_exposed(hidden, lambda: calls.append(1), fallback_ms=50)
    qtbot.waitUntil(lambda: calls == [1], timeout=10_000)
    hidden.show()
    qtbot.waitExposed(hidden)
    qtbot.wait(100)
    assert calls == [1]

    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    again: list[int] = []
    when_exposed(shown, lambda: again.append(1), fallback_ms=50)
    qtbot.waitUntil(lambda: again == [1], timeout=10_000)
    qtbot.wait(100)  # the fallback's turn comes and goes
    assert again == [1]


# ---------------------------------------------------------------- the sign-in first
def _expect_sign_in(db_url: str, *, training: bool) -> None:
    """The note an earlier open of ``db_url`` left: it asked for a sign-in."""
    from jun_desk.start import hint

    hint.remember(hint.database_key(db_url, training=training), True)


def _held_open(monkeypatch):  # type: ignore[no-untyped-def]
    """The database step held on the worker until the test releases it."""
    import threading

    from jun_desk.start import database

    real, release = database.open_desk, threading.Event()

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(database, "open_desk", held)
    return release


def test_a_sign_in_expected_is_on_screen_before_the_database_opens(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, people, monkeypatch) -> None:
    """The note says this database asks for a sign-in: the sign-in is shown, focused and
    typed in before the database is open (the start "ready" then); once it is, the
    name typed meanwhile signs in as at today's sign-in."""
    from jun_desk.start import hint

    _expect_sign_in(db_url, training=True)
    release = _held_open(monkeypatch)
    with Sandbox(speed=math.inf) as sandbox:
        window, start, _fake = _start(qtbot, training=True)
        try:
            start.connected(_sandbox_connection(sandbox, db_url))
            panel = window.sign_in
            assert start.events == ["connected", "early-sign-in", "ready"]
            assert start.is_ready and start.desk is None and panel.desk is None
            assert window.pages.currentWidget() is panel and panel.isVisible()
            assert window.focusWidget() is panel.name
            qtbot.keyClicks(panel.name, "rosa")
            release.set()
            qtbot.waitUntil(lambda: "sign-in" in start.events, timeout=30_000)
            assert panel.desk is start.desk and window.sign_in is panel
            assert panel.name.text() == "rosa" and panel.message.text() == ""
            panel.submit()
            qtbot.waitUntil(lambda: "board" in start.events, timeout=30_000)
            assert window.ui.actor.username == "rosa" and window.sign_in is panel
            assert start.events == ["connected", "early-sign-in", "ready", "opened",
                                    "sign-in", "attached", "board", "ready"]
            assert hint.sign_in_expected(hint.database_key(db_url, training=True))
            ui = window.ui
            qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
            qtbot.wait(50)
        finally:
            release.set()
            window.close()
            start.close()


def test_entrar_before_the_database_is_open_waits_for_it_and_checks_as_today(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, passwords, monkeypatch) -> None:
    """The live desk, Entrar pressed while the database opens: "Abriendo la base de
    datos…", then the password checked once it is open: a wrong one refused as today (and
    audited, and counted toward the wait), the right one then builds the desk."""
    _expect_sign_in(db_url, training=False)
    release = _held_open(monkeypatch)
    with Sandbox(speed=math.inf) as sandbox:
        window, start, fake = _start(qtbot, training=False)
        try:
            start.connected(Connection(sandbox.credentials, sandbox.base_url, "AytoJun",
                                       db_url, "@AytoJun"))
            panel = window.sign_in
            assert "early-sign-in" in start.events and panel.desk is None
            panel.name.setText("rosa")
            panel.password.setText("not-her-password")
            panel.submit()
            assert panel.message.text() == "Abriendo la base de datos…" and panel.busy
            panel.submit()  # pressed again: still one check, when the database is open
            assert panel.busy
            release.set()
            qtbot.waitUntil(lambda: "sign-in" in start.events and not panel.busy,
                            timeout=30_000)
            assert panel.message.text() == "Usuario o contraseña incorrectos."
            assert panel.password.text() == "" and not window.attached
            assert start.stage is Stage.SIGN_IN
            actions = [e.action for e in desk.audit.latest(50)]
            assert actions.count("session.sign_in_failed") == 1
            panel.password.setText(passwords["rosa"])
            panel.submit()
            qtbot.waitUntil(lambda: "board" in start.events, timeout=30_000)
            assert window.ui.actor.username == "rosa" and fake.exits == []
            ui = window.ui
            qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
            qtbot.wait(50)
        finally:
            release.set()
            window.close()
            start.close()


def test_a_wrong_note_falls_back_to_the_start_of_today(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch) -> None:
    """The note says a sign-in, but the training database has only its trainees (its own
    supervisor signs in by itself): the page of today's start ("Abriendo la mesa…"),
    the desk built for that supervisor, a name typed meanwhile dropped, the note
    corrected for next time."""
    from jun_desk.start import hint

    db_url = f"sqlite:///{tmp_path / 'sandbox.db'}"
    _expect_sign_in(db_url, training=True)
    release = _held_open(monkeypatch)
    with Sandbox(speed=math.inf) as sandbox:
        window, start, fake = _start(qtbot, training=True)
        try:
            at_opened: list[tuple[bool, str]] = []
            opened = start.opened

            def opened_then_look(result) -> None:  # type: ignore[no-untyped-def]
                opened(result)  # the build comes in later turns of the event loop
                at_opened.append((window.pages.currentWidget() is window.placeholder_page,
                                  window.placeholder.text()))

            start.opened = opened_then_look  # type: ignore[method-assign]
            start.connected(_sandbox_connection(sandbox, db_url))
            panel = window.sign_in
            assert window.pages.currentWidget() is panel
            panel.name.setText("practicas")
            panel.submit()  # dropped: nobody is asked after all
            release.set()
            qtbot.waitUntil(lambda: bool(at_opened), timeout=30_000)
            assert at_opened == [(True, "Abriendo la mesa…")]
            assert "sign-in" not in start.events
            qtbot.waitUntil(lambda: "board" in start.events, timeout=30_000)
            assert window.ui.actor.username == "formacion" and fake.exits == []
            assert window.sign_in is panel and panel.desk is start.desk
            assert not hint.sign_in_expected(hint.database_key(db_url, training=True))
            ui = window.ui
            qtbot.waitUntil(lambda: ui.pool.activeThreadCount() == 0, timeout=30_000)
            qtbot.wait(50)
        finally:
            release.set()
            window.close()
            start.close()


def test_a_wrong_note_on_a_desk_without_operators_says_so_as_today(  # type: ignore[no-untyped-def]
        qtbot, db_url: str, desk: Desk, monkeypatch) -> None:
    """The note says a sign-in, the database has nobody: the same words as today, in the
    window and over it, and the desk closes."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warned.append(text))
    _expect_sign_in(db_url, training=False)
    keys = XCredentials("ck", "cs", "at", "ats")
    window, start, fake = _start(qtbot, training=False)
    try:
        start.connected(Connection(keys, "http://127.0.0.1:9", "AytoJun", db_url,
                                   "@AytoJun"))
        assert "early-sign-in" in start.events
        qtbot.waitUntil(lambda: fake.exits == [1], timeout=30_000)
        assert window.pages.currentWidget() is window.placeholder_page
        assert window.placeholder.text().startswith("Esta mesa no tiene operadores")
        assert warned == [window.placeholder.text()] and not window.attached
    finally:
        window.close()
        start.close()


def test_a_database_failing_behind_an_early_sign_in_is_said_as_today(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    """Entrar pressed at an early sign-in, the database then cannot be opened: the same
    message as today, in the window and over it; nothing signed in, nothing half-open."""
    damaged = tmp_path / "desk.db"
    damaged.write_bytes(b"this is not a database" * 200)
    db_url = f"sqlite:///{damaged}"
    _expect_sign_in(db_url, training=False)
    window, start, fake = _start(qtbot, training=False)
    keys = XCredentials("ck", "cs", "at", "ats")
    try:
        start.connected(Connection(keys, "http://127.0.0.1:9", "AytoJun", db_url,
                                   "@AytoJun"))
        panel = window.sign_in
        answered: list[object] = []
        panel.signed_in.connect(answered.append)
        panel.name.setText("rosa")
        panel.password.setText("clave-de-rosa")
        panel.submit()
        qtbot.waitUntil(lambda: "failed" in start.events, timeout=30_000)
        assert isinstance(start.failure, StorageError)
        assert window.pages.currentWidget() is window.placeholder_page
        assert "dañado" in window.placeholder.text()
        box = window.findChild(QMessageBox, "start-failed")
        assert box is not None and box.isVisible() and "dañado" in box.text()
        assert not window.attached and answered == [] and fake.exits == []
        box.close()
        qtbot.waitUntil(lambda: fake.exits == [1], timeout=5000)
    finally:
        start.close()
    assert start.desk is None


def test_an_early_sign_in_takes_the_desks_password_policy_when_it_arrives(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk) -> None:
    """Before the database: the usual policy's words; once the desk is there, its own
    (here PINs: settings.ini ``[sign_in] pin``), for a first password chosen at it."""
    from jun_desk.domain.passwords import PasswordPolicy
    from jun_desk.ui.sign_in import SignInPanel

    panel = SignInPanel(None)
    qtbot.addWidget(panel)
    assert not panel.policy.pin and panel.new_label.text() == "Nueva contraseña"
    desk.operators.policy = PasswordPolicy(pin=True)
    panel.attach_desk(desk)
    assert panel.policy.pin and panel.new_label.text() == "Nuevo PIN"
    assert panel.desk is desk and not panel.busy and panel.message.text() == ""


EARLY_PROBE = r"""
import json, sys

from jun_desk.start import driver

HEAVY = %r
seen = {}
ready = driver.DeskStart._ready


def at_ready(self):
    window = self.window
    panel = getattr(window, "sign_in", None)
    seen["ready"] = {
        "events": list(self.events),
        "heavy": sorted(m for m in HEAVY if m in sys.modules),
        "sign_in_shown": panel is not None and window.pages.currentWidget() is panel,
        "focus_on_name": panel is not None and window.focusWidget() is panel.name,
        "training": bool(panel is not None and panel.training),
    }
    ready(self)


driver.DeskStart._ready = at_ready
from jun_desk.cli import main

code = main(["--db", sys.argv[1], "--sandbox", "--speed", "instant", "--lang", "es"])
print("SEEN " + json.dumps(seen), flush=True)
sys.exit(code)
"""


def test_a_sign_in_expected_is_ready_before_the_data_layer_loads(tmp_path: Path) -> None:
    """The real `jun-desk --sandbox` on a database with a supervisor, whose last open asked
    for a sign-in: "ready" is the sign-in on screen, focused on the name, with nothing of
    the data layer, the X client or the desk's views loaded yet."""
    from jun_desk.paths import Paths
    from jun_desk.start import hint

    db_url = f"sqlite:///{tmp_path / 'desk.db'}"
    opened = Desk.open(db_url)
    opened.operators.add("ana", "supervisor")
    opened.close()
    paths = Paths(tmp_path / "data", tmp_path / "config", tmp_path / "logs")
    hint.remember(hint.database_key(db_url, training=True), True, paths)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JUN_DESK_HOME": str(tmp_path),
           "JUN_DESK_QUIT_WHEN_READY": "1"}
    env.pop("JUN_DESK_QUIT_WHEN_SHOWN", None)
    done = subprocess.run([sys.executable, "-c", EARLY_PROBE % (HEAVY,), db_url], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [line.split()[0] for line in done.stdout.splitlines()
            if line.startswith(("shown ", "ready "))] == ["shown", "ready"]
    ready = json.loads(next(line[5:] for line in done.stdout.splitlines()
                            if line.startswith("SEEN ")))["ready"]
    assert ready["events"] == ["shown", "connected", "early-sign-in"]
    assert ready["heavy"] == []
    assert ready["sign_in_shown"] and ready["focus_on_name"] and ready["training"]
