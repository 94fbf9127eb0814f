"""Every ticket action, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from jun_desk.domain.errors import (
    ConflictError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from jun_desk.domain.items import Stream
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, mention


def _ingest(desk: Desk, *texts: str, author=MARIA) -> list[int]:  # type: ignore[no-untyped-def]
    items = [mention(t, author=author, minutes=n) for n, t in enumerate(texts)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [author], items[-1].x_id)
    by_x = {i.x_id: i.id for i in desk.search.feed(limit=1000)}
    return [by_x[i.x_id] for i in items]


def test_create_from_item_uses_triage_and_marks_item_handled(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    (item_id,) = _ingest(desk, "@AytoJun hay un bache enorme en el asfalto de la calle Ancha, "
                                "es urgente")
    ticket = desk.tickets.create_from_item(people["luis"], item_id)
    assert ticket.department == "obras"
    assert ticket.status is Status.NEW
    assert ticket.priority.value == "urgent"
    assert ticket.title.startswith("Hay un bache enorme")
    assert ticket.citizen_handle == "vecina_maria"
    assert ticket.item_count == 1 and ticket.version == 1
    assert desk.search.feed(unhandled_only=True) == []
    with pytest.raises(ConflictError, match=f"already belongs to ticket #{ticket.id}"):
        desk.tickets.create_from_item(people["luis"], item_id)


def test_operator_may_route_a_new_ticket_to_any_department(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    (item_id,) = _ingest(desk, "Algo raro pasa en la plaza")
    ticket = desk.tickets.create_from_item(people["rosa"], item_id, department="policia")
    assert ticket.department == "policia"
    with pytest.raises(ValidationError, match="Unknown department 'bomberos'"):
        desk.tickets.create_from_item(people["rosa"], _ingest(desk, "otra")[0],
                                      department="bomberos")
    with pytest.raises(NotFoundError):
        desk.tickets.create_from_item(people["rosa"], 999_999)


def test_manual_ticket(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ticket = desk.tickets.create_manual(people["ana"], department="atencion",
                                        title="Vecina llamó por teléfono por el IBI")
    assert ticket.citizen_id is None and ticket.item_count == 0
    with pytest.raises(ValidationError, match="needs a title"):
        desk.tickets.create_manual(people["ana"], department="atencion", title="   ")


def test_full_life_with_audit_trail(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    (item_id,) = _ingest(desk, "La farola de la plaza está apagada")
    t = desk.tickets.create_from_item(luis, item_id)
    t = desk.tickets.assign(luis, t.id, luis.operator_id, t.version)
    assert (t.status, t.assignee_name) == (Status.ASSIGNED, "Luis Pérez")
    t = desk.tickets.move(luis, t.id, "in_progress", t.version)
    t = desk.tickets.move(luis, t.id, "waiting_citizen", t.version)
    t = desk.tickets.move(luis, t.id, "in_progress", t.version)
    clock.advance(hours=2)
    t = desk.tickets.resolve(luis, t.id, t.version, note="Bombilla cambiada")
    assert t.status is Status.RESOLVED and t.resolved_at == clock.now
    t = desk.tickets.reopen(luis, t.id, t.version, reason="La vecina dice que sigue apagada")
    assert t.status is Status.ASSIGNED and t.resolved_at is None
    t = desk.tickets.resolve(luis, t.id, t.version)
    t = desk.tickets.move(luis, t.id, "closed", t.version)
    assert t.status is Status.CLOSED
    notes = desk.tickets.notes(t.id)
    assert [n.text for n in notes] == ["Bombilla cambiada", "La vecina dice que sigue apagada"]
    history = desk.audit.for_ticket(t.id)
    actions = [e.action for e in history]
    assert actions[0] == "ticket.create" and actions.count("ticket.reopen") == 1
    assert all(e.actor_name == "luis" and e.outcome == "ok" for e in history)
    move = next(e for e in history if e.action == "ticket.move")
    assert move.before["status"] == "assigned" and move.after["status"] == "in_progress"


def test_working_an_unassigned_ticket_takes_it(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    (item_id,) = _ingest(desk, "Contenedor lleno en la calle Baja")
    t = desk.tickets.create_from_item(people["luis"], item_id)
    t = desk.tickets.move(people["luis"], t.id, "in_progress", t.version)
    assert t.assignee_name == "Luis Pérez"


def test_disallowed_move_is_refused_with_reason(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    (item_id,) = _ingest(desk, "Farola apagada")
    t = desk.tickets.create_from_item(people["luis"], item_id)
    with pytest.raises(InvalidTransitionError, match="cannot move from 'new' to 'waiting_citizen'"):
        desk.tickets.move(people["luis"], t.id, "waiting_citizen", t.version)
    with pytest.raises(InvalidTransitionError, match="Unknown status"):
        desk.tickets.move(people["luis"], t.id, "hecho", t.version)
    assert desk.tickets.get(t.id).version == t.version  # nothing changed


def test_notes(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    t = desk.tickets.create_manual(people["rosa"], department="atencion", title="Consulta")
    note = desk.tickets.add_note(people["rosa"], t.id, "  Llamará mañana  ")
    assert note.text == "Llamará mañana"
    with pytest.raises(ValidationError, match="cannot be empty"):
        desk.tickets.add_note(people["rosa"], t.id, " \n ")
    with pytest.raises(ValidationError, match="at most 5000"):
        desk.tickets.add_note(people["rosa"], t.id, "x" * 5001)
    assert desk.tickets.get(t.id).version == t.version + 1


def test_attach_item_to_existing_ticket(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    a, b = _ingest(desk, "Farola apagada calle Real", "Mi teléfono 612345678, la farola sigue")
    t = desk.tickets.create_from_item(people["luis"], a)
    t = desk.tickets.attach_item(people["luis"], t.id, b, t.version)
    assert t.item_count == 2 and t.personal_data == ("phone",)
    other = desk.tickets.create_manual(people["luis"], department="obras", title="Otro")
    with pytest.raises(ConflictError, match=f"already belongs to ticket #{t.id}"):
        desk.tickets.attach_item(people["luis"], other.id, b)


def test_merge_moves_items_and_notes_and_closes_source(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    a, b = _ingest(desk, "Bache en la calle Ancha", "Otro aviso del bache de la calle Ancha")
    luis = people["luis"]
    source = desk.tickets.create_from_item(luis, b)
    target = desk.tickets.create_from_item(luis, a)
    desk.tickets.add_note(luis, source.id, "Avisó también por teléfono")
    source = desk.tickets.get(source.id)
    merged = desk.tickets.merge(luis, source.id, target.id, source.version, target.version)
    assert merged.id == target.id and merged.item_count == 2
    assert len(desk.tickets.notes(target.id)) == 1
    closed = desk.tickets.get(source.id)
    assert closed.status is Status.CLOSED and closed.merged_into_id == target.id
    with pytest.raises(ValidationError, match="into itself"):
        desk.tickets.merge(luis, target.id, target.id)
    with pytest.raises(ValidationError, match="merged into"):
        desk.tickets.reopen(luis, source.id)


def test_set_priority(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    t = desk.tickets.create_manual(people["rosa"], department="salud", title="Cita")
    t = desk.tickets.set_priority(people["rosa"], t.id, "high", t.version)
    assert t.priority.value == "high"


def test_supervisor_reassigns_department_and_person(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana, luis = people["ana"], people["luis"]
    (item_id,) = _ingest(desk, "Hay ratas en el contenedor", author=PEPE)
    t = desk.tickets.create_from_item(luis, item_id)
    assert t.department == "limpieza"
    t = desk.tickets.assign(ana, t.id, luis.operator_id, t.version)
    assert t.assignee_name == "Luis Pérez"
    t = desk.tickets.reassign_department(ana, t.id, "salud", t.version, reason="Plaga: sanidad")
    # Luis does not work for salud: the ticket goes back to salud's queue.
    assert (t.department, t.assignee_id, t.status) == ("salud", None, Status.NEW)
    t = desk.tickets.assign(ana, t.id, people["rosa"].operator_id, t.version)
    assert t.assignee_name == "Rosa Martín"
    with pytest.raises(ValidationError, match="does not work for 'salud'"):
        desk.tickets.assign(ana, t.id, luis.operator_id, t.version)
    with pytest.raises(ValidationError, match="already in 'salud'"):
        desk.tickets.reassign_department(ana, t.id, "salud", t.version)
    t = desk.tickets.assign(ana, t.id, None, t.version)
    assert (t.assignee_id, t.status) == (None, Status.NEW)


def test_unknown_ticket(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="#424242 does not exist"):
        desk.tickets.move(people["ana"], 424242, "closed")


def test_resolve_with_reply_resolves_and_queues_in_one_transaction(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    (item_id,) = _ingest(desk, "La farola de la calle Ancha está apagada")
    t = desk.tickets.create_from_item(luis, item_id)
    t = desk.tickets.assign(luis, t.id, luis.operator_id, t.version)
    done = desk.tickets.resolve_with_reply(luis, t.id, "reply", "  Farola arreglada, gracias ",
                                           account="AytoJun", expected_version=t.version)
    assert done.ticket.status is Status.RESOLVED and done.ticket.version > t.version
    assert (done.queued.kind, done.queued.text, done.queued.status) == (
        "reply", "Farola arreglada, gracias", "pending")
    assert done.queued.ticket_id == t.id and done.queued.in_reply_to_x_id is not None
    assert [o.id for o in desk.outbox.for_ticket(t.id)] == [done.queued.id]
    actions = [(e.action, e.outcome, e.actor_name) for e in desk.audit.for_ticket(t.id)]
    assert actions[-2:] == [("ticket.move", "ok", "luis"), ("outbox.reply", "ok", "luis")]


def test_resolve_with_reply_does_neither_when_either_is_refused(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    t = desk.tickets.create_manual(luis, department="obras", title="Bache en la calle Baja")
    # No mention to answer: the reply cannot go, so the ticket stays open.
    with pytest.raises(ValidationError, match="no mention to reply to"):
        desk.tickets.resolve_with_reply(luis, t.id, "reply", "Arreglado", account="AytoJun",
                                        expected_version=t.version)
    assert desk.tickets.get(t.id).status is Status.NEW
    assert desk.tickets.get(t.id).version == t.version
    # An empty message is refused before anything is read.
    with pytest.raises(ValidationError, match="empty"):
        desk.tickets.resolve_with_reply(luis, t.id, "dm", "  ", account="AytoJun")
    # A stale version: a conflict, and nothing queued.
    (item_id,) = _ingest(desk, "Contenedor roto en la plaza")
    u = desk.tickets.create_from_item(luis, item_id)
    desk.tickets.add_note(luis, u.id, "Pasa el camión el martes")
    with pytest.raises(ConflictError):
        desk.tickets.resolve_with_reply(luis, u.id, "reply", "Arreglado", account="AytoJun",
                                        expected_version=u.version)
    # Another department's operator: refused and audited as the resolve it was.
    v = desk.tickets.create_manual(people["ana"], department="policia", title="Ruido")
    with pytest.raises(PermissionDeniedError):
        desk.tickets.resolve_with_reply(luis, v.id, "dm", "Hecho", account="AytoJun")
    assert desk.outbox.for_ticket(u.id) == [] and desk.outbox.for_ticket(v.id) == []
    assert desk.tickets.get(u.id).status is Status.NEW
    refused = desk.audit.for_ticket(v.id)[-1]
    assert (refused.action, refused.outcome) == ("ticket.resolve", "refused")


def test_filing_or_joining_a_message_answers_with_the_message_now(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    luis = people["luis"]
    first, second = _ingest(desk, "Farola apagada en la calle Ancha", "Sigue apagada la farola")
    filed = desk.tickets.file_item(luis, first, department="obras")
    assert filed.item == desk.tickets.items(filed.ticket.id)[0]
    assert filed.item.ticket_id == filed.ticket.id and filed.item.handled
    joined = desk.tickets.join_item(luis, filed.ticket.id, second, filed.ticket.version)
    assert joined.ticket.item_count == 2 and joined.ticket.version > filed.ticket.version
    assert joined.item == next(i for i in desk.tickets.items(filed.ticket.id) if i.id == second)
    assert [e.action for e in desk.audit.for_ticket(filed.ticket.id)] == [
        "ticket.create", "ticket.attach_item"]
