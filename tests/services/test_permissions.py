"""Permissions live in the services: each refusal is a clear error and an audit event."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jun_desk.domain.errors import PermissionDeniedError
from jun_desk.domain.roles import Role
from jun_desk.services.desk import Desk


def _refusals(desk: Desk) -> list:  # type: ignore[type-arg]
    return [e for e in desk.audit.latest(outcome="refused")]


@pytest.fixture
def lamp(desk: Desk, people):  # type: ignore[no-untyped-def]
    return desk.tickets.create_manual(people["ana"], department="obras", title="Farola apagada")


def test_operator_cannot_reassign_across_departments(desk: Desk, people, lamp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError, match="may not move tickets to another department"):
        desk.tickets.reassign_department(people["luis"], lamp.id, "policia", lamp.version)
    (event,) = _refusals(desk)
    assert (event.actor_name, event.action, event.ticket_id) == (
        "luis", "ticket.reassign_department", lamp.id)
    assert "ask a supervisor" in event.message
    assert desk.tickets.get(lamp.id).department == "obras"


def test_operator_cannot_give_a_ticket_to_someone_else(desk: Desk, people, lamp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError, match="assign tickets to other people"):
        desk.tickets.assign(people["luis"], lamp.id, people["rosa"].operator_id)
    desk.tickets.assign(people["luis"], lamp.id, people["luis"].operator_id)  # taking it is fine


def test_operator_cannot_take_or_work_outside_their_departments(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    police = desk.tickets.create_manual(people["ana"], department="policia",
                                        title="Furgoneta sospechosa")
    luis = people["luis"]
    with pytest.raises(PermissionDeniedError, match="works for limpieza, obras"):
        desk.tickets.assign(luis, police.id, luis.operator_id)
    with pytest.raises(PermissionDeniedError):
        desk.tickets.move(luis, police.id, "resolved")
    with pytest.raises(PermissionDeniedError):
        desk.tickets.add_note(luis, police.id, "nota")
    with pytest.raises(PermissionDeniedError):
        desk.outbox.enqueue(luis, police.id, "dm", "hola", account="AytoJun")
    assert len(_refusals(desk)) == 4


def test_operator_cannot_verify_citizens(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.items import Stream
    from tests.factories import MARIA, mention

    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [mention("hola")], [MARIA], None)
    citizen = desk.citizens.find("vecina_maria")
    with pytest.raises(PermissionDeniedError, match="verify citizens"):
        desk.citizens.set_verified(people["rosa"], citizen.id, True)
    assert not desk.citizens.find("vecina_maria").verified_resident
    assert _refusals(desk)[0].subject == f"citizen:{citizen.id}"
    verified = desk.citizens.set_verified(people["ana"], citizen.id, True)
    assert verified.verified_resident and verified.verified_by == "ana"


def test_operator_cannot_manage_operators(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError, match="manage operators"):
        desk.operators.add("pepe", "supervisor", actor=people["luis"])
    desk.operators.add("pepe", "operator", actor=people["ana"])


def test_a_forged_actor_gains_nothing(desk: Desk, people, lamp) -> None:  # type: ignore[no-untyped-def]
    forged = replace(people["luis"], role=Role.SUPERVISOR)
    with pytest.raises(PermissionDeniedError):
        desk.tickets.reassign_department(forged, lamp.id, "policia")


def test_a_disabled_operator_is_refused_at_once(desk: Desk, people, lamp) -> None:  # type: ignore[no-untyped-def]
    desk.operators.set_active(people["ana"], "luis", False)
    with pytest.raises(PermissionDeniedError, match="was deactivated by a supervisor"):
        desk.tickets.assign(people["luis"], lamp.id, people["luis"].operator_id)


def test_merge_across_departments_needs_a_supervisor(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    rosa = people["rosa"]
    a = desk.tickets.create_manual(rosa, department="obras", title="A")
    b = desk.tickets.create_manual(rosa, department="limpieza", title="B")
    with pytest.raises(PermissionDeniedError, match="another department"):
        desk.tickets.merge(rosa, a.id, b.id)
    desk.tickets.merge(people["ana"], a.id, b.id)


def test_an_operator_creates_tickets_only_in_their_departments(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: Ctrl+T made a ticket in a department the operator may not take. The
    service refuses it (audited, with the item), for a manual ticket and for a message;
    the operator's own departments, generalists and supervisors go through."""
    from jun_desk.domain.items import Stream
    from tests.factories import MARIA, mention

    luis, rosa, ana = people["luis"], people["rosa"], people["ana"]
    with pytest.raises(PermissionDeniedError, match="works for limpieza, obras"):
        desk.tickets.create_manual(luis, department="suministros", title="Sin agua en la calle")
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS,
                            [mention("No hay agua en la calle Real desde esta mañana")],
                            [MARIA], None)
    (item,) = desk.search.feed(limit=5)
    with pytest.raises(PermissionDeniedError):
        desk.tickets.create_from_item(luis, item.id, department="suministros")
    events = _refusals(desk)
    assert [(e.actor_name, e.action) for e in events] == [("luis", "ticket.create")] * 2
    assert any(e.subject == f"item:{item.id}" for e in events)
    assert desk.search.count() == 0
    mine = desk.tickets.create_from_item(luis, item.id, department="obras")
    assert mine.department == "obras"
    assert desk.tickets.create_manual(rosa, department="suministros", title="Agua").id
    assert desk.tickets.create_manual(ana, department="policia", title="Furgoneta").id
