"""The (interim) main window, offscreen, driven by pytest-qt, on the real sandbox."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("PySide6")

from jun_desk.services.desk import Desk
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.poller import Poller
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sync import SyncEngine
from tests.x.conftest import scenario_dm_ids, scenario_mention_ids


def _cells(window: MainWindow) -> dict[str, str]:
    t = window.table
    return {t.item(r, 0).text(): (t.item(r, 1).text() if t.item(r, 1) else "")
            for r in range(t.rowCount())}


def test_main_window_shows_the_backlog_per_department(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    desk.tickets.create_manual(people["ana"], department="obras", title="Farola")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: _cells(window)["Obras y mantenimiento"] == "2", timeout=5000)
    assert _cells(window)["Policía Local"] == "0"
    assert window.table.rowCount() == len(desk.ctx.catalogue)
    assert desk.db.display_url in window.statusBar().currentMessage()
    assert not window.grab().isNull()


def test_poller_fills_the_desk_from_the_sandbox_without_blocking(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        sender = OutboxSender(desk, client, "AytoJun")
        poller = Poller(lambda: (engine.sync_once(), sender.send_due()), lambda: 0.2)
        window = MainWindow(desk, poller=poller, source="sandbox")
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(poller.result, timeout=20_000):
            poller.start()
        expected = len(scenario_mention_ids(sandbox)) + len(scenario_dm_ids(sandbox))
        qtbot.waitUntil(lambda: window.inbox.text() == f"Mensajes sin atender: {expected}",
                        timeout=5000)
        assert "Sincronizado" in window.sync_label.text()
        # A failing X: the poller reports it, backs off, and keeps going.
        sandbox.faults = Faults.parse("5xx=1")
        engine.max_attempts = 1
        with qtbot.waitSignal(poller.error, timeout=20_000):
            poller.poll_now()
        qtbot.waitUntil(lambda: "X tiene problemas" in window.sync_label.text(), timeout=5000)
        assert poller.failures >= 1
        sandbox.faults = Faults()
        window.close()  # stops the poller and waits for a running job
