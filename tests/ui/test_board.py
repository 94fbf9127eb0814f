"""The board, offscreen: columns, drops between columns, assignment, lazy loading."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.ui.board.model import PAGE, TICKET_ROLE
from jun_desk.ui.board.panel import BoardPanel
from jun_desk.ui.context import UiContext


def _board(qtbot, desk: Desk, actor) -> BoardPanel:  # type: ignore[no-untyped-def]
    panel = BoardPanel(UiContext(desk, actor))
    qtbot.addWidget(panel)
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.reload()
    return panel


def _drop(panel: BoardPanel, ticket_id: int, target: Status) -> None:
    """What Qt does when a card is dropped on a column: the source's mime data goes to the
    target model's dropMimeData (QDrag's own event loop cannot run offscreen)."""
    for column in panel.columns.values():
        row = column.model.row_of(ticket_id)
        if row is not None:
            data = column.model.mimeData([column.model.index(row)])
            target_model = panel.columns[target].model
            assert target_model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                                column.model.index(-1))
            target_model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                      column.model.index(-1))
            return
    raise AssertionError(f"ticket {ticket_id} is on no column")


def _rows(panel: BoardPanel, status: Status) -> list[int]:
    model = panel.columns[status].model
    return [model.ticket(r).id for r in range(model.rowCount())]


def test_columns_counts_and_a_drag_to_in_progress(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    lamp = desk.tickets.create_manual(luis, department="obras", title="Farola apagada")
    desk.tickets.create_manual(luis, department="limpieza", title="Contenedor lleno")
    panel = _board(qtbot, desk, luis)
    qtbot.waitUntil(lambda: len(_rows(panel, Status.NEW)) == 2, timeout=5000)
    qtbot.waitUntil(lambda: panel.columns[Status.NEW].header.text() == "Nuevos (2)",
                    timeout=5000)
    _drop(panel, lamp.id, Status.IN_PROGRESS)
    qtbot.waitUntil(lambda: lamp.id in _rows(panel, Status.IN_PROGRESS), timeout=5000)
    assert lamp.id not in _rows(panel, Status.NEW)
    moved = desk.tickets.get(lamp.id)
    assert moved.status is Status.IN_PROGRESS and moved.assignee_name == "Luis Pérez"
    qtbot.waitUntil(lambda: panel.columns[Status.IN_PROGRESS].header.text() == "En curso (1)",
                    timeout=5000)


def test_a_disallowed_drop_is_refused_with_the_reason(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ticket = desk.tickets.create_manual(people["luis"], department="obras", title="Bache")
    panel = _board(qtbot, desk, people["luis"])
    qtbot.waitUntil(lambda: len(_rows(panel, Status.NEW)) == 1, timeout=5000)
    _drop(panel, ticket.id, Status.WAITING_CITIZEN)
    qtbot.waitUntil(lambda: "no puede pasar de «nuevo» a «esperando al vecino»"
                    in panel.error_label.text(), timeout=5000)
    assert _rows(panel, Status.NEW) == [ticket.id]
    assert desk.tickets.get(ticket.id).status is Status.NEW


def test_operator_cannot_reassign_but_can_take_by_shortcut(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ticket = desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    panel = _board(qtbot, desk, people["luis"])
    assert not panel.reassign.isEnabled() and not panel.move_department.isEnabled()
    qtbot.waitUntil(lambda: len(_rows(panel, Status.NEW)) == 1, timeout=5000)
    view = panel.columns[Status.NEW].view
    view.setCurrentIndex(panel.columns[Status.NEW].model.index(0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ticket.id in _rows(panel, Status.ASSIGNED), timeout=5000)
    assert desk.tickets.get(ticket.id).assignee_name == "Luis Pérez"


def test_supervisor_has_the_reassign_actions(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    panel = _board(qtbot, desk, people["ana"])
    assert panel.reassign.isEnabled() and panel.move_department.isEnabled()


def test_columns_load_lazily(qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.store.models import Ticket

    now = desk.ctx.clock()
    with desk.db.session() as session:  # bulk, as an archive would hold them
        session.add_all(Ticket(department="limpieza", status="new", priority="normal",
                               title=f"Aviso {n}", personal_data="", created_at=now,
                               updated_at=now) for n in range(PAGE * 2 + 50))
    panel = _board(qtbot, desk, people["ana"])
    column = panel.columns[Status.NEW]
    qtbot.waitUntil(lambda: column.model.rowCount() == PAGE, timeout=5000)
    qtbot.waitUntil(lambda: column.header.text() == f"Nuevos ({2 * PAGE + 50})", timeout=5000)
    column.view.scrollToBottom()
    qtbot.waitUntil(lambda: column.model.rowCount() == 2 * PAGE, timeout=5000)
    column.view.scrollToBottom()
    qtbot.waitUntil(lambda: column.model.rowCount() == 2 * PAGE + 50, timeout=5000)
    assert not column.model.canFetchMore()
    first = column.model.index(0).data(TICKET_ROLE)
    assert first.title.startswith("Aviso")


def test_supervisor_reassigns_with_pickers_that_start_at_the_current_value(
        qtbot, desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.pickers import AssigneePicker, DepartmentPicker
    from tests.ui.keys import on_modal

    ticket = desk.tickets.create_manual(people["ana"], department="obras", title="Bache")
    other = desk.tickets.create_manual(people["ana"], department="obras", title="Farola")
    desk.tickets.assign(people["ana"], other.id, people["luis"].operator_id, other.version)
    panel = _board(qtbot, desk, people["ana"])
    qtbot.waitUntil(lambda: len(_rows(panel, Status.NEW)) == 1, timeout=5000)
    view = panel.columns[Status.NEW].view
    view.setCurrentIndex(panel.columns[Status.NEW].model.index(0))
    view.setFocus()
    seen: dict = {}

    def pick_luis(picker: AssigneePicker) -> None:
        seen["start"] = picker.list.currentItem().text()
        seen["rows"] = [picker.list.item(r).text() for r in range(picker.list.count())]
        qtbot.keyClicks(picker.list, "Luis")  # type to find, Enter to choose
        qtbot.keyClick(picker.list, Qt.Key.Key_Return)

    timer = on_modal(pick_luis, kind=AssigneePicker)
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ticket.id in _rows(panel, Status.ASSIGNED), timeout=5000)
    timer.stop()
    assert seen["start"].startswith("Sin asignar")
    luis_row = next(r for r in seen["rows"] if "(luis)" in r)
    assert "Limpieza y residuos, Obras y mantenimiento" in luis_row
    assert "tickets abiertos: 1" in luis_row
    assert desk.tickets.get(ticket.id).assignee_name == "Luis Pérez"
    assigned = panel.columns[Status.ASSIGNED]
    assigned.view.setCurrentIndex(assigned.model.index(assigned.model.row_of(ticket.id)))

    def to_salud(picker: DepartmentPicker) -> None:
        seen["department"] = picker.list.currentItem().text()
        qtbot.keyClick(picker.list, Qt.Key.Key_Return)  # Enter at once: nothing changes
        seen["unchanged"] = not picker.changed

    timer = on_modal(to_salud, kind=DepartmentPicker)
    panel.move_department.trigger()
    timer.stop()
    assert seen["department"].startswith("Obras y mantenimiento") and seen["unchanged"]
    assert desk.tickets.get(ticket.id).department == "obras"

    def pick_salud(picker: DepartmentPicker) -> None:
        qtbot.keyClicks(picker.list, "Salud")
        qtbot.keyClick(picker.list, Qt.Key.Key_Return)

    timer = on_modal(pick_salud, kind=DepartmentPicker)
    panel.move_department.trigger()
    timer.stop()
    qtbot.waitUntil(lambda: desk.tickets.get(ticket.id).department == "salud", timeout=5000)
    # Luis does not work for salud: the ticket went back to salud's queue.
    qtbot.waitUntil(lambda: ticket.id in _rows(panel, Status.NEW), timeout=5000)


def _card(ticket_id: int, status: Status, minutes: int, updated: int | None = None):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from jun_desk.domain.tickets import TicketView
    from jun_desk.domain.workflow import Priority

    at = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    return TicketView(ticket_id, "obras", status, Priority.NORMAL, f"Bache {ticket_id}", None,
                      None, None, False, None, None, 1, (), None, None,
                      at + timedelta(minutes=minutes),
                      at + timedelta(minutes=updated if updated is not None else minutes),
                      None, None, 1)


def test_a_card_changed_elsewhere_lands_in_the_columns_order(qapp) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.ui.board.model import ColumnModel

    pages: list = []
    open_column = ColumnModel(Status.NEW, lambda *args: pages.append(args))
    open_column.first_page(open_column.clear(), [_card(n, Status.NEW, n) for n in (1, 3, 5)])
    open_column.put(_card(4, Status.NEW, 4))  # oldest first: between 3 and 5
    assert [open_column.ticket(r).id for r in range(open_column.rowCount())] == [1, 3, 4, 5]
    # The column is complete (a short page): a newer card goes at the end.
    open_column.put(_card(9, Status.NEW, 9))
    assert open_column.ticket(open_column.rowCount() - 1).id == 9

    done = ColumnModel(Status.RESOLVED, lambda *args: pages.append(args))
    full = [_card(100 + n, Status.RESOLVED, 0, updated=1000 - n) for n in range(PAGE)]
    done.first_page(done.clear(), full)  # a full page: more exist below
    done.put(_card(101, Status.RESOLVED, 0, updated=2000))  # changed again: to the top
    assert done.ticket(0).id == 101 and done.rowCount() == PAGE
    done.put(_card(999, Status.RESOLVED, 0, updated=1))  # sorts after the loaded part
    assert done.row_of(999) is None  # scrolling brings it
