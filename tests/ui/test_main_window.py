"""The desk window on the sandbox, offscreen, driven as an operator would."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.live import ChangeListener
from jun_desk.ui.main_window import MainWindow
from jun_desk.ui.poller import Poller
from jun_desk.x.client import XClient
from jun_desk.x.outbox_sender import OutboxSender
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sync import SyncEngine
from tests.ui.test_board import _drop, _rows


def _desk_window(qtbot, desk: Desk, actor, sandbox: Sandbox, *, live: bool = False):  # type: ignore[no-untyped-def]
    client = XClient(sandbox.credentials, api_base=sandbox.base_url)
    engine = SyncEngine(desk, client)
    sender = OutboxSender(desk, client, "AytoJun")
    poller = Poller(lambda: (engine.sync_once(), sender.send_due()), lambda: 3600)
    ui = UiContext(desk, actor, account="AytoJun")
    listener = ChangeListener(desk.changes.stream()) if live else None
    window = MainWindow(ui, poller=poller, source="sandbox",
                        budget=lambda: client.budget.summary(), live=listener)
    qtbot.addWidget(window)
    if listener is not None:
        listener.start()  # stopped when qtbot closes the window
    window.show()
    qtbot.waitExposed(window)
    return window, poller, engine


@pytest.mark.both_backends  # the window's smoke test; live: LISTEN/NOTIFY or data_version
@pytest.mark.parametrize("live", [False, True], ids=["alone", "live-refresh"])
def test_full_operator_flow_on_the_sandbox(qtbot, desk: Desk, people, live: bool) -> None:  # type: ignore[no-untyped-def]
    """A mention arrives → ticket created → dragged to in progress → reply sent →
    resolved; the database and the sandbox agree. With the live stream on, the views are
    refreshed by it alone (the sync and the local actions leave that to the stream)."""
    luis = people["luis"]
    with Sandbox(speed=math.inf) as sandbox:
        window, poller, _engine = _desk_window(qtbot, desk, luis, sandbox, live=live)
        with qtbot.waitSignal(poller.result, timeout=30_000):
            poller.start()
        feed = window.desk.feed
        qtbot.waitUntil(lambda: feed.model.rowCount() > 50, timeout=10_000)
        assert "Cupo X:" in window.desk.status.budget_label.text()
        # The operator looks for the street lamp in the feed and makes it a ticket.
        qtbot.keyClicks(feed.search, "farola")
        qtbot.waitUntil(lambda: feed.model.rowCount() > 0 and all(
            "farola" in feed.model.item(r).text.lower() for r in range(feed.model.rowCount())),
            timeout=10_000)
        feed.select_row(0)
        lamp = feed.current()
        feed.view.setFocus()
        with qtbot.waitSignal(window.ui.ticket_chosen, timeout=10_000) as chosen:
            qtbot.keyClick(feed.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        ticket_id = chosen.args[0]
        board = window.desk.board
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.NEW), timeout=10_000)
        _drop(board, ticket_id, Status.IN_PROGRESS)
        qtbot.waitUntil(lambda: ticket_id in _rows(board, Status.IN_PROGRESS), timeout=10_000)
        # Reply with a canned answer through the outbox.
        detail = window.desk.detail
        qtbot.waitUntil(lambda: detail.snapshot is not None
                        and detail.snapshot.ticket.id == ticket_id
                        and detail.snapshot.ticket.status is Status.IN_PROGRESS,
                        timeout=10_000)
        detail.use_canned("recibido")
        assert detail.composer.toPlainText().startswith("Hola ")
        assert detail.reply_button.isEnabled()
        qtbot.mouseClick(detail.reply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(o.status == "sent" for o in desk.outbox.for_ticket(
            ticket_id)), timeout=20_000)
        sent = desk.outbox.for_ticket(ticket_id)[0]
        on_x = [t for t in sandbox.state.tweets if str(t.id) == sent.sent_x_id]
        assert len(on_x) == 1 and str(on_x[0].in_reply_to_id) == lamp.x_id
        assert on_x[0].text == sent.text
        # Resolve from the detail pane, once it shows the answered ticket.
        qtbot.waitUntil(lambda: detail.snapshot.ticket.first_response_at is not None,
                        timeout=10_000)
        assert "Respuesta" in detail.thread_view.toPlainText()
        from jun_desk.ui.resolve_dialog import ResolveDialog
        from tests.ui.keys import on_modal

        def resolve_only(dialog: ResolveDialog) -> None:  # Resolver asks first
            dialog.notify.setChecked(False)
            qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)

        timer = on_modal(resolve_only, kind=ResolveDialog)
        qtbot.mouseClick(detail.resolve_button, Qt.MouseButton.LeftButton)
        timer.stop()
        qtbot.waitUntil(lambda: desk.tickets.get(ticket_id).status is Status.RESOLVED,
                        timeout=10_000)
        final = desk.tickets.get(ticket_id)
        assert final.first_response_at is not None and final.resolved_at is not None
        assert [e.action for e in desk.audit.for_ticket(ticket_id)][:2] == [
            "ticket.create", "ticket.move"]
        window.close()


def test_sync_failure_is_shown_and_the_desk_keeps_working(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with Sandbox(speed=math.inf, faults=Faults.parse("5xx=1")) as sandbox:
        window, poller, engine = _desk_window(qtbot, desk, people["rosa"], sandbox)
        engine.max_attempts = 1
        with qtbot.waitSignal(poller.error, timeout=20_000):
            poller.start()
        qtbot.waitUntil(lambda: "X tiene problemas" in window.desk.status.sync_label.text(),
                        timeout=5000)
        assert poller.failures >= 1
        window.close()


def test_operator_sees_who_is_signed_in_and_layout_is_saved(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ui = UiContext(desk, people["luis"])
    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    assert window.desk.status.user_label.text() == "luis (operador/a)"
    window.desk.docks.feed_dock.setFloating(True)
    window.close()
    again = MainWindow(UiContext(desk, people["luis"]))
    qtbot.addWidget(again)
    again.show()
    assert again.desk.docks.feed_dock.isFloating()
    again.close()


def test_dashboard_shows_the_campaign_and_police_news_are_notified(qtbot, desk: Desk,
                                                                   people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.items import Stream
    from tests.factories import PEPE, mention

    with Sandbox(speed=math.inf) as sandbox:
        window, poller, _engine = _desk_window(qtbot, desk, people["ana"], sandbox)
        assert window.desk.docks.dashboard_dock.isVisibleTo(window)  # open for a supervisor
        with qtbot.waitSignal(window.desk.dashboard.new_campaign, timeout=30_000) as spike:
            poller.start()
        assert spike.args[0].hashtag == "EndesaMeEstresa"
        qtbot.waitUntil(lambda: "#EndesaMeEstresa: 110 menciones" in
                        window.desk.dashboard.campaigns.text(), timeout=10_000)
        assert ("Campaña #EndesaMeEstresa" in [t for t, _ in window.desk.notifier.notifications])
        table = window.desk.dashboard.table
        rows = {table.item(r, 0).text(): table.item(r, 1) for r in range(table.rowCount())}
        assert rows["Policía Local"] is not None
        qtbot.waitUntil(lambda: window.desk.feed.model.rowCount() > 0, timeout=10_000)
        van = mention("@PoliciaJun hay una furgoneta sospechosa en la puerta del colegio",
                      author=PEPE, minutes=900)
        desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [van], [PEPE], van.x_id)
        window.desk.feed.refresh_new()
        def van_notified() -> bool:
            return any("en la puerta del colegio" in text
                       for _t, text in window.desk.notifier.notifications)

        qtbot.waitUntil(van_notified, timeout=15_000)
        title = next(t for t, text in window.desk.notifier.notifications
                     if "en la puerta del colegio" in text)
        assert title.startswith("Policía Local: ")
        window.close()


def test_operator_does_not_get_the_dashboard_open(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(desk, people["luis"]))
    qtbot.addWidget(window)
    window.show()
    assert not window.desk.docks.dashboard_dock.isVisible()
    assert not window.desk.board.reassign.isEnabled()
    window.close()


def test_triage_menu_is_for_supervisors_and_reports_in_the_status_bar(qtbot, desk: Desk,  # type: ignore[no-untyped-def]
                                                                      people, monkeypatch) -> None:
    monkeypatch.delenv("JUN_DESK_TRIAGE_CORPUS", raising=False)
    operator = MainWindow(UiContext(desk, people["luis"]))
    qtbot.addWidget(operator)
    triage = operator.desk.settings_menu.triage
    assert not triage.retrain_action.isEnabled() and not triage.rollback_action.isEnabled()
    window = MainWindow(UiContext(desk, people["ana"]))
    qtbot.addWidget(window)
    assert window.desk.settings_menu.triage.retrain_action.isEnabled()
    # nothing to roll back: one clear line, no crash
    window.desk.settings_menu.triage.rollback_action.trigger()
    qtbot.waitUntil(lambda: "no hay nada que deshacer" in window.statusBar().currentMessage(),
                    timeout=10_000)
    # no corpus given and none kept yet: said so
    window.desk.settings_menu.triage.retrain_action.trigger()
    qtbot.waitUntil(lambda: "reentrene una vez con el corpus"
                    in window.statusBar().currentMessage(), timeout=30_000)
    assert window.desk.settings_menu.triage.retrain_action.isEnabled()


def test_a_supervisor_chooses_when_triage_routes_by_itself(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Configuración → Clasificación: routing only what is safe (checked by default) or
    always; the choice is the town's, so a window of another desk shows it too."""
    from jun_desk.domain.routing import RoutingPolicy

    operator = MainWindow(UiContext(desk, people["luis"]))
    qtbot.addWidget(operator)
    offered = operator.desk.settings_menu.triage
    assert not offered.triage_menu.menuAction().isVisible()  # not offered to operators
    assert not any(a.isEnabled() for a in offered.routing_actions.values())
    window = MainWindow(UiContext(desk, people["ana"]))
    qtbot.addWidget(window)
    actions = window.desk.settings_menu.triage.routing_actions
    safe, always = (actions[p] for p in (RoutingPolicy.SAFE, RoutingPolicy.ALWAYS))
    qtbot.waitUntil(safe.isChecked, timeout=10_000)
    assert "97 %" in safe.text() and always.isEnabled() and not always.isChecked()
    always.trigger()
    qtbot.waitUntil(lambda: "departamento más probable" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert always.isChecked() and not safe.isChecked()
    assert desk.triage_routing.policy() is RoutingPolicy.ALWAYS
    other = MainWindow(UiContext(desk, people["ana"]))  # opened after: reads the town's
    qtbot.addWidget(other)
    theirs = other.desk.settings_menu.triage.routing_actions
    qtbot.waitUntil(theirs[RoutingPolicy.ALWAYS].isChecked, timeout=10_000)
    safe.trigger()
    qtbot.waitUntil(lambda: "97 % de aciertos" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert desk.triage_routing.policy() is RoutingPolicy.SAFE


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_stopped_walk_is_said_in_the_sync_status_in_the_window_language(  # type: ignore[no-untyped-def]
        qtbot, qapp, desk: Desk, people, language: str) -> None:
    """X repeats a page of mentions (issue 23): the poll ends, and the status bar says which
    stream stopped and why, in the window's language."""
    from jun_desk.ui import i18n
    from jun_desk.x.client import MENTIONS

    i18n.install(qapp, language)
    try:
        with Sandbox(speed=math.inf) as sandbox:
            sandbox.item_faults.repeat = {MENTIONS: 1}
            window, poller, engine = _desk_window(qtbot, desk, people["rosa"], sandbox)
            engine.page_size = 20
            with qtbot.waitSignal(poller.result, timeout=30_000):
                poller.start()
            said = {"es": "Se ha detenido la lectura de menciones en la página 2: X ha vuelto "
                          "a dar una marca de página que ya había dado",
                    "en": "The mentions walk stopped at page 2: X gave again a page token it "
                          "had already given"}[language]
            qtbot.waitUntil(lambda: said in window.desk.status.sync_label.text(), timeout=5000)
            assert "#b34700" in window.desk.status.sync_label.styleSheet()
            window.close()
    finally:
        i18n.install(qapp, "es")
