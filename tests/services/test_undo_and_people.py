"""Undo goes through the services: own last change only, rights checked, audited; and the
assignee picker's figures."""

from __future__ import annotations

import pytest

from jun_desk.domain.errors import ConflictError, ValidationError
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk


def test_an_operator_undoes_a_move_that_took_the_ticket(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    ticket = desk.tickets.create_manual(luis, department="obras", title="Farola apagada")
    moved = desk.tickets.move(luis, ticket.id, "in_progress", ticket.version)
    assert moved.assignee_id == luis.operator_id
    back = desk.undo.undo_last(luis, ticket.id, moved.version)
    assert back.status is Status.NEW and back.assignee_id is None
    last = desk.audit.for_ticket(ticket.id)[-1]
    assert last.action == "ticket.undo" and last.outcome == "ok"
    assert last.before["status"] == "in_progress" and last.after["status"] == "new"
    # Undo is not redo: the last change is now the undo itself.
    with pytest.raises(ValidationError):
        desk.undo.undo_last(luis, ticket.id, back.version)


def test_undo_after_someone_else_acted_is_a_conflict(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis, ana = people["luis"], people["ana"]
    ticket = desk.tickets.create_manual(luis, department="obras", title="Bache")
    taken = desk.tickets.assign(luis, ticket.id, luis.operator_id, ticket.version)
    noted = desk.tickets.add_note(ana, ticket.id, "Voy yo a mirarlo")
    assert noted.ticket_id == ticket.id
    with pytest.raises(ConflictError):
        desk.undo.undo_last(luis, ticket.id, taken.version)
    with pytest.raises(ValidationError):  # the last change is ana's note
        desk.undo.undo_last(luis, ticket.id, None)
    assert desk.tickets.get(ticket.id).assignee_id == luis.operator_id


def test_only_ones_own_change_and_only_with_the_rights_it_needs(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis, ana, rosa = people["luis"], people["ana"], people["rosa"]
    ticket = desk.tickets.create_manual(ana, department="obras", title="Banco roto")
    given = desk.tickets.assign(ana, ticket.id, luis.operator_id, ticket.version)
    with pytest.raises(ValidationError):  # ana's assignment is not luis's to undo
        desk.undo.undo_last(luis, ticket.id, given.version)
    undone = desk.undo.undo_last(ana, ticket.id, given.version)
    assert undone.assignee_id is None and undone.status is Status.NEW
    moved = desk.tickets.reassign_department(ana, ticket.id, "limpieza", undone.version)
    back = desk.undo.undo_last(ana, ticket.id, moved.version)
    assert back.department == "obras"
    # An operator who routed an unclassified ticket may take the routing back.
    lost = desk.tickets.create_manual(ana, department="sin_clasificar", title="¿Esto?")
    routed = desk.tickets.reassign_department(rosa, lost.id, "obras", lost.version)
    assert desk.undo.undo_last(rosa, lost.id, routed.version).department == "sin_clasificar"


def test_workload_lists_departments_and_open_tickets(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    for title in ("Farola", "Bache"):
        t = desk.tickets.create_manual(luis, department="obras", title=title)
        desk.tickets.assign(luis, t.id, luis.operator_id, t.version)
    done = desk.tickets.create_manual(luis, department="obras", title="Banco")
    done = desk.tickets.assign(luis, done.id, luis.operator_id, done.version)
    desk.tickets.resolve(luis, done.id, done.version)
    load = {w.username: w for w in desk.people.workload()}
    assert load["luis"].open_tickets == 2 and load["luis"].departments == ("limpieza", "obras")
    assert load["rosa"].open_tickets == 0 and load["rosa"].departments == ()
    assert load["ana"].role == "supervisor"
