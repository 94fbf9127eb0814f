"""Outbox queueing and the operators and citizens services."""

from __future__ import annotations

import pytest

from jun_desk.domain.errors import NotFoundError, ValidationError
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from tests.factories import MARIA, mention


@pytest.fixture
def ticket(desk: Desk, people):  # type: ignore[no-untyped-def]
    item = mention("Farola apagada en la calle Real")
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [item], [MARIA], item.x_id)
    t = desk.tickets.create_from_item(people["luis"], desk.search.feed()[0].id)
    return t, item


def test_reply_is_queued_against_the_mention(desk: Desk, people, ticket) -> None:  # type: ignore[no-untyped-def]
    t, item = ticket
    queued = desk.outbox.enqueue(people["luis"], t.id, "reply", "Gracias, avisamos a Obras",
                                 account="AytoJun")
    assert queued.status == "pending" and queued.attempts == 0
    from jun_desk.store.models import OutboxItem

    with desk.db.session() as session:
        assert session.get(OutboxItem, queued.id).in_reply_to_x_id == item.x_id
    assert [o.id for o in desk.outbox.list()] == [queued.id]
    assert desk.outbox.claim(queued.id, "pending")
    assert not desk.outbox.claim(queued.id, "pending")  # a second sender gets nothing
    sent = desk.outbox.mark_sent(queued.id, "555")
    assert sent.status == "sent" and sent.sent_x_id == "555"
    assert desk.outbox.mark_sent(queued.id, "555").attempts == 1  # a second call changes nothing
    after = desk.tickets.get(t.id)
    assert after.first_response_at is not None and after.item_count == 2
    kinds = [i.kind for i in desk.tickets.items(t.id)]
    assert kinds == ["mention", "reply_out"]


def test_dm_goes_to_the_ticket_citizen(desk: Desk, people, ticket) -> None:  # type: ignore[no-untyped-def]
    t, _item = ticket
    from jun_desk.store.models import OutboxItem

    queued = desk.outbox.enqueue(people["luis"], t.id, "dm", "¿Nos dice el número?",
                                 account="AytoJun")
    with desk.db.session() as session:
        assert session.get(OutboxItem, queued.id).recipient_x_id == MARIA.x_id
    failed = desk.outbox.mark_failed(queued.id, "X said 503", retry_at=None)
    assert failed.status == "failed" and failed.last_error == "X said 503"


def test_bad_outbox_input(desk: Desk, people, ticket) -> None:  # type: ignore[no-untyped-def]
    t, _item = ticket
    luis = people["luis"]
    with pytest.raises(ValidationError, match="empty"):
        desk.outbox.enqueue(luis, t.id, "reply", "   ", account="AytoJun")
    with pytest.raises(ValidationError, match="as X counts them"):
        desk.outbox.enqueue(luis, t.id, "reply", "a" * 281, account="AytoJun")
    with pytest.raises(ValidationError, match="Unknown outbox kind"):
        desk.outbox.enqueue(luis, t.id, "fax", "hola", account="AytoJun")
    manual = desk.tickets.create_manual(luis, department="obras", title="Por teléfono")
    with pytest.raises(ValidationError, match="no mention to reply to"):
        desk.outbox.enqueue(luis, manual.id, "reply", "hola", account="AytoJun")
    with pytest.raises(ValidationError, match="no citizen"):
        desk.outbox.enqueue(luis, manual.id, "dm", "hola", account="AytoJun")
    assert desk.outbox.list() == []


def test_operators(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    listed = {o.username: o for o in desk.operators.list()}
    assert listed["luis"].departments == ("limpieza", "obras")
    assert listed["rosa"].departments == ()
    with pytest.raises(ValidationError, match="already an operator called 'LUIS'"):
        desk.operators.add("LUIS", "operator")
    with pytest.raises(ValidationError, match="Invalid user name"):
        desk.operators.add("a b;", "operator")
    with pytest.raises(NotFoundError, match="No active operator called 'nadie'"):
        desk.operators.actor("nadie")
    assert desk.operators.actor("Ana").username == "ana"
    desk.operators.set_active(None, "rosa", False)
    assert "rosa" not in {o.username for o in desk.operators.list()}
    with pytest.raises(NotFoundError):
        desk.operators.actor("rosa")
    events = [e.action for e in desk.audit.latest()]
    assert events.count("operator.add") == 3 and "operator.set_active" in events


def test_citizen_lookup(desk: Desk) -> None:
    with pytest.raises(NotFoundError, match="No citizen @nadie"):
        desk.citizens.find("@nadie")
