"""`jun-desk --self-test`: prove an installed or frozen Jun Desk works, end to end.

Offscreen, on an in-process sandbox and a temporary database: every resource is found,
the migrations run, one sync stores the scenario, a ticket is created, and the main window
paints. Exit 0 only if all of that happened.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REQUIRED_RESOURCES = [
    "departments.json", "triage_rules.toml", "canned_replies.json", "verification.toml",
    "translations/jun_desk_en.qm", "icons/jun-desk.svg", "icons/jun-desk-48.png",
    "jun-desk.desktop",
]


def _check(name: str, ok: bool, detail: str = "") -> bool:
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    return ok


def run_self_test() -> int:
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from jun_desk import __version__
    from jun_desk.resources import resource_path, resources_dir
    from jun_desk.store.migrate import MIGRATIONS_DIR, head_revision

    results = [_check("version", __version__ != "0.0.0+source", __version__),
               _check("resources folder", True, str(resources_dir()))]
    for name in REQUIRED_RESOURCES:
        results.append(_check(f"resource {name}", resource_path(*name.split("/")).is_file()))
    results.append(_check("migrations", (MIGRATIONS_DIR / "env.py").is_file()
                          and head_revision() is not None, str(head_revision())))
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUN_DESK_HOME"] = home
        results.append(_desk_round_trip(Path(home), _check))
    elapsed = time.perf_counter() - started
    ok = all(results)
    print(f"self-test {'passed' if ok else 'FAILED'} in {elapsed:.1f} s", flush=True)
    return 0 if ok else 1


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)


def _binding_keeps_none() -> bool:
    """PySide6 6.12.0 on CPython 3.11 lost a reference to None at every Qt call returning
    nothing, and the desk aborted after some tens of thousands of them."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("self-test")
    return abs(before - sys.getrefcount(None)) < 100


def _desk_round_trip(home: Path, check: Callable[..., bool]) -> bool:
    from PySide6.QtWidgets import QApplication

    from jun_desk.domain.media_settings import MediaSettings
    from jun_desk.services.desk import Desk
    from jun_desk.ui import i18n
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow
    from jun_desk.x.client import XClient
    from jun_desk.x.sandbox.server import Sandbox
    from jun_desk.x.sync import SyncEngine

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ok = check("Qt binding keeps None's references", _binding_keeps_none(),
               "PySide6 " + _pyside_version())
    ok &= check("translations", i18n.install(app, "en") == "en")
    i18n.install(app, "es")
    with Sandbox(speed=math.inf) as sandbox:
        desk = Desk.open(f"sqlite:///{home / 'self-test.db'}")
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        try:
            desk.operators.add("selftest", "supervisor")
            desk.operators.set_password(None, "selftest", "self-test-password")
            actor = desk.operators.sign_in("selftest", "self-test-password")
            ok &= check("password sign-in (Argon2id)", actor.username == "selftest")
            desk.media.configure(MediaSettings(folder=home / "media"))
            report = SyncEngine(desk, client).sync_once()
            ok &= check("sync with the sandbox", report.inserted > 300,
                        f"{report.inserted} items")
            photos = report.media.cached if report.media else 0
            ok &= check("photos downloaded and checked", photos > 0, f"{photos} cached")
            first = desk.search.feed(limit=1)
            ticket = desk.tickets.create_from_item(actor, first[0].id) if first else None
            ok &= check("ticket created", ticket is not None,
                        f"#{ticket.id} {ticket.department}" if ticket else "")
            ui = UiContext(desk, actor)
            window = MainWindow(ui, source="self-test")  # built whole
            assert window.desk is not None
            shell = window.desk
            window.show()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and (
                    shell.feed.model.rowCount() == 0
                    or shell.board.columns[next(iter(shell.board.columns))].model.rowCount()
                    == 0):
                app.processEvents()
                ui.pool.waitForDone(20)
            image = window.grab().toImage()
            colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
                       for y in range(0, image.height(), 29)}
            ok &= check("main window painted", not image.isNull() and len(colours) > 10,
                        f"{image.width()}×{image.height()}, {len(colours)} colours sampled")
            window.close()
            ui.wait()
        finally:
            client.close()
            desk.close()
    return bool(ok)
