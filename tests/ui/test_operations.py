"""One way to act, one way to refresh: an operation's changes reach every view once, whether
they come from the operation itself or back through the change stream; each view reads only
what changed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jun_desk.domain.actions import Changes
from jun_desk.domain.errors import ConflictError
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.live import ChangeListener
from jun_desk.ui.main_window import MainWindow
from tests.ui.keys import resolving_without_a_message


def _counting(reads: Counter[str], name: str, read: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        reads[name] += 1
        return read(*args, **kwargs)

    return counted


def _on(window: MainWindow, status: Status, ticket_id: int) -> bool:
    return window.desk.board.columns[status].model.row_of(ticket_id) is not None


@pytest.mark.both_backends  # live: LISTEN/NOTIFY or data_version
@pytest.mark.parametrize("live", [False, True], ids=["alone", "live-refresh"])
def test_one_resolve_reads_the_ticket_once_and_the_board_once(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people, live: bool) -> None:
    ana = people["ana"]
    ticket = desk.tickets.create_manual(ana, department="obras", title="Farola fundida")
    ticket = desk.tickets.assign(ana, ticket.id, ana.operator_id, ticket.version)
    ui = UiContext(desk, ana)
    listener = ChangeListener(desk.changes.stream()) if live else None
    window = MainWindow(ui, live=listener)
    qtbot.addWidget(window)
    if listener is not None:
        listener.start()  # stopped when qtbot closes the window
    window.show()
    qtbot.waitExposed(window)
    detail = window.desk.detail
    ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: detail.snapshot is not None
                    and detail.snapshot.ticket.id == ticket.id, timeout=10_000)
    ui.wait()
    qtbot.waitUntil(lambda: _on(window, Status.ASSIGNED, ticket.id), timeout=10_000)

    reads: Counter[str] = Counter()
    for service, name in ((desk.tickets, "detail"), (desk.search, "tickets"),
                          (desk.search, "board"), (desk.search, "counts_by_status"),
                          (desk.tickets, "get"), (desk.audit, "for_ticket")):
        setattr(service, name, _counting(reads, name, getattr(service, name)))
    applied: list[object] = []
    ui.changes_applied.connect(lambda changes, _who: applied.append(changes))

    answer = resolving_without_a_message()  # Resolver asks first
    if live:
        # The resolve's audit event comes back through the stream too: applied once.
        with qtbot.waitSignal(window.desk._coalescer.ready, timeout=10_000):
            qtbot.mouseClick(detail.resolve_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: bool(applied), timeout=10_000)
    else:
        qtbot.mouseClick(detail.resolve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(applied), timeout=10_000)
    answer.stop()
    qtbot.waitUntil(lambda: detail.snapshot is not None
                    and detail.snapshot.ticket.status is Status.RESOLVED, timeout=10_000)
    qtbot.waitUntil(lambda: _on(window, Status.RESOLVED, ticket.id), timeout=10_000)
    # The card's re-read answers, then asks for the counts: wait for that last read,
    # then let every job and every queued answer finish.
    qtbot.waitUntil(lambda: reads["counts_by_status"] >= 1, timeout=10_000)
    for _ in range(3):
        ui.wait()
        QApplication.processEvents()

    assert reads["detail"] == 1  # the ticket pane: one read (was 3 loads of 5 reads each)
    assert reads["tickets"] == 1  # the board: the changed card, once
    assert reads["board"] == 0  # no whole-board reload
    assert reads["get"] == 0 and reads["for_ticket"] == 0  # no piecemeal reads left
    assert reads["counts_by_status"] == 1
    history = detail.history.toPlainText().splitlines()
    assert history[-1].endswith("ana cambió el estado: asignado → resuelto"), history


def test_an_op_hands_on_what_it_changed_with_the_ticket_as_it_left_it_and_a_query_nothing(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people) -> None:
    from jun_desk.ui.operations import Op, Query

    ana = people["ana"]
    ui = UiContext(desk, ana)
    applied: list[tuple[Changes, object]] = []
    ui.changes_applied.connect(lambda changes, who: applied.append((changes, who)))
    results: list[object] = []
    Query(ui, lambda: desk.search.tickets()).success(results.append).run()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    ui.wait()
    assert results == [[]] and applied == []  # a query changes nothing, says nothing

    asker = object()
    created: list[TicketView] = []
    Op(ui, lambda: desk.tickets.create_manual(ana, department="obras", title="Farola")).success(
        created.append).run(initiator=asker)
    qtbot.waitUntil(lambda: bool(applied), timeout=10_000)
    (changes, who), = applied
    assert who is asker and changes.tickets == {created[0].id}
    assert changes.ticket_now(created[0].id) == created[0] and changes.items_now == ()
    # The same events back from the stream are applied once; what an operation left
    # ``now`` still goes through (it may come after the stream's copy).
    ui.apply_changes(Changes(changes.events))
    assert len(applied) == 1
    ui.apply_changes(changes)
    assert len(applied) == 2 and applied[1][0].events == () and applied[1][0].now == changes.now

    failed: list[Exception] = []
    said: list[str] = []
    ui.message.connect(said.append)
    Op(ui, lambda: desk.tickets.resolve(ana, created[0].id, 0), failure_text="Resolver").failure(
        failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert isinstance(failed[0], ConflictError) and said[-1].startswith("Resolver: ")
    Op(ui, lambda: desk.tickets.resolve(ana, created[0].id, 0)).failure(
        failed.append).quietly().run()
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=10_000)
    assert len(said) == 1  # quietly: the caller says it
    ui.wait()


def test_a_message_marked_unhandled_again_elsewhere_comes_back_into_the_feed(  # type: ignore[no-untyped-def]
        qtbot, desk: Desk, people) -> None:
    """The undo of "atendido" (the actions menu) does not reload the feed: the feed
    follows the operation's changes, which carry the message as it is now."""
    from jun_desk.ui.operations import Op
    from tests.ui.test_feed import _ingest, _panel

    rosa = people["rosa"]
    _ingest(desk, ["Farola apagada en la calle Real", "Bache en la calle Sol"])
    panel = _panel(qtbot, desk, rosa)
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    older = min((panel.model.item(r) for r in range(2)), key=lambda i: i.created_at)
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(older.id) or 0))
    panel.mark_handled()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    Op(panel.ui, lambda: desk.feed.mark_handled(rosa, older.id, False)).run()  # undone
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    assert panel.model.row_of(older.id) == 1  # back in its place, the older one below
    panel.ui.wait()
