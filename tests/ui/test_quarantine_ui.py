"""The "No se pudo leer" list in the window: items X sent incomplete are shown with their
reason and raw JSON, counted in the status bar, retried or dismissed by the operator."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from sqlalchemy import select

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, TicketItem
from jun_desk.ui.context import UiContext
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.poller import Poller
from jun_desk.x.client import XClient
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import Stall, SyncEngine
from tests.x.conftest import scenario_mention_ids


def _stored(desk: Desk, x_id: str) -> bool:
    with desk.db.session(readonly=True) as session:
        return session.scalar(select(TicketItem.id).where(TicketItem.x_id == x_id)) is not None


def test_operator_sees_retries_and_dismisses_what_could_not_be_read(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                                    people) -> None:
    with Sandbox(speed=math.inf) as sandbox:
        broken = sorted(scenario_mention_ids(sandbox), key=int)[-40::20]
        sandbox.item_faults.strip = {i: ("author_id",) for i in broken}
        sandbox.item_faults.strip_in_lookup = True
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        poller = Poller(lambda: (engine.sync_once(), _NoOutbox()), lambda: 3600)
        ui = UiContext(desk, people["luis"], account="AytoJun")
        window = MainWindow(ui, poller=poller, source="sandbox", stalled=engine.stalled)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert not window.desk.status.quarantine_button.isVisible()
        with qtbot.waitSignal(poller.result, timeout=30_000):
            poller.start()
        # The count in the status bar, and the list from the menu.
        qtbot.waitUntil(lambda: window.desk.status.quarantine_button.isVisible(), timeout=10_000)
        assert window.desk.status.quarantine_button.text() == "No se pudo leer: 2"
        assert not window.desk.docks.quarantine_dock.isVisible()
        window.desk.view_menu.quarantine_action.trigger()
        panel = window.desk.quarantine
        qtbot.waitUntil(lambda: window.desk.docks.quarantine_dock.isVisible()
                        and panel.table.rowCount() == 2, timeout=10_000)
        reasons = [panel.table.item(r, 2).text() for r in range(2)]
        # The reason in the operator's language: "falta el autor (author_id); pedido de
        # nuevo por id: falta el autor (author_id)".
        assert all(r.startswith("falta el autor (author_id); pedido de nuevo por id")
                   for r in reasons)
        assert {panel.table.item(r, 1).text() for r in range(2)} == set(broken)
        assert not panel.retry_button.isEnabled()
        panel.select_row(0)
        first = panel.table.item(0, 1).text()
        assert f'"id": "{first}"' in panel.raw.toPlainText()
        # X serves it whole again: Reintentar reads it on the next poll.
        sandbox.item_faults.strip = {}
        with qtbot.waitSignal(poller.result, timeout=30_000):
            qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _stored(desk, first), timeout=10_000)
        qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
        assert window.desk.status.quarantine_button.text() == "No se pudo leer: 1"
        # Descartar takes the other one off the list (and the status bar).
        panel.select_row(0)
        qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: not window.desk.status.quarantine_button.isVisible(),
                        timeout=10_000)
        assert panel.summary.text() == "Todo lo que X envió se ha podido leer."
        with desk.db.session(readonly=True) as session:
            actions = {(e.action, e.actor_name) for e in session.scalars(select(AuditEvent))}
        assert {("quarantine.retry", "luis"), ("quarantine.dismiss", "luis"),
                ("quarantine.stored", "sistema")} <= actions
        poller.stop()
        client.close()


def test_a_stream_failing_for_ten_minutes_shows_a_banner(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    stalls: list[Stall] = []
    ui = UiContext(desk, people["luis"], account="AytoJun")
    window = MainWindow(ui, stalled=lambda: stalls)
    qtbot.addWidget(window)
    window.show()
    err = XApiError(Failure.MALFORMED)
    window.desk.status.sync_failed(err)
    assert not window.desk.status.sync_banner.isVisible()
    stalls.append(Stall(Stream.DMS, 12 * 60 + 5, err))
    window.desk.status.sync_failed(err)
    assert window.desk.status.sync_banner.isVisible()
    assert window.desk.status.sync_banner.text().startswith(
        "No se pueden leer los mensajes directos desde hace 12 min: X envió una respuesta "
        "ilegible")
    stalls.clear()
    window.desk.status.sync_failed(err)
    assert not window.desk.status.sync_banner.isVisible()


class _NoOutbox:
    sent = recovered = retrying = failed = 0
