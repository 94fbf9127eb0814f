"""A DM typed in a conversation goes to that conversation's citizen, never to another.

The incident this guards against: Pilar's conversation linked (by a bare number) to Elena's
resolved ticket; the DM typed for Pilar went to Elena.
"""

from __future__ import annotations

import pytest

from jun_desk.domain.errors import RecipientMismatchError
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, OutboxItem
from jun_desk.ui.error_texts import render  # the window's wording (Spanish: the source)
from tests.factories import PEPE, dm

ELENA = PEPE  # any second citizen


@pytest.fixture
def two_conversations(desk: Desk, people):  # type: ignore[no-untyped-def]
    from tests.factories import MARIA as PILAR

    elena_dm = dm("La fuente de la plaza pierde agua", author=ELENA, conversation="c-elena")
    pilar_dm = dm("Hay un bache enorme en la calle Sol", author=PILAR, minutes=5,
                  conversation="c-pilar")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [elena_dm, pilar_dm], [ELENA, PILAR],
                            pilar_dm.x_id)
    items = {i.conversation_id: i for i in desk.search.feed() if i.kind == "dm_in"}
    luis = people["luis"]
    elena_ticket = desk.tickets.create_from_item(luis, items["c-elena"].id)
    return elena_ticket, items, PILAR


def _recipient(desk: Desk, outbox_id: int) -> str | None:
    with desk.db.session() as session:
        return session.get(OutboxItem, outbox_id).recipient_x_id


def test_a_dm_for_another_citizens_ticket_is_refused(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                     two_conversations) -> None:
    elena_ticket, items, pilar = two_conversations
    luis = people["luis"]
    # Not linked yet: refused, nothing queued.
    with pytest.raises(RecipientMismatchError, match="not linked") as not_linked:
        desk.outbox.enqueue(luis, elena_ticket.id, "dm", "Gracias Pilar", account="AytoJun",
                            conversation_id="c-pilar")
    assert "no está vinculada" in render(not_linked.value)
    # Linked (Pilar's message is about the same fountain): still refused without a word
    # from the operator, in their language.
    desk.tickets.attach_item(luis, elena_ticket.id, items["c-pilar"].id)
    with pytest.raises(RecipientMismatchError) as refused:
        desk.outbox.enqueue(luis, elena_ticket.id, "dm", "Gracias Pilar, ya lo hemos pasado "
                            "a Obras.", account="AytoJun", conversation_id="c-pilar")
    assert f"@{ELENA.handle}'s, not @{pilar.handle}'s" in str(refused.value)
    spanish = render(refused.value)
    assert f"es de @{ELENA.handle}, no de @{pilar.handle}" in spanish
    assert "no se ha enviado nada" in spanish
    assert desk.outbox.list() == []
    # Confirmed: it goes to Pilar — the conversation's citizen — never to Elena.
    queued = desk.outbox.enqueue(luis, elena_ticket.id, "dm", "Gracias Pilar, ya lo hemos "
                                 "pasado a Obras.", account="AytoJun", conversation_id="c-pilar",
                                 confirm_other_citizen=True)
    assert _recipient(desk, queued.id) == pilar.x_id
    with desk.db.session() as session:
        event = session.query(AuditEvent).filter(AuditEvent.action == "outbox.dm").one()
        assert event.after["other_citizen_confirmed"] is True
        assert event.after["recipient_x_id"] == pilar.x_id
    assert [o.id for o in desk.outbox.pending_for_conversation("c-pilar")] == [queued.id]
    assert desk.outbox.pending_for_conversation("c-elena") == []
    # Sent: the copy lands in Pilar's conversation, not Elena's.
    desk.outbox.mark_sent(queued.id, "dm-out-1")
    assert sorted(m.kind for m in desk.feed.conversation("c-pilar")) == ["dm_in", "dm_out"]
    assert [m.kind for m in desk.feed.conversation("c-elena")] == ["dm_in"]
    assert desk.outbox.pending_for_conversation("c-pilar") == []


def test_a_dm_in_the_ticket_citizens_own_conversation_needs_no_confirmation(  # type: ignore[no-untyped-def]
        desk: Desk, people, two_conversations) -> None:
    elena_ticket, _items, _pilar = two_conversations
    queued = desk.outbox.enqueue(people["luis"], elena_ticket.id, "dm", "Vamos hoy",
                                 account="AytoJun", conversation_id="c-elena")
    assert _recipient(desk, queued.id) == ELENA.x_id
    with pytest.raises(RecipientMismatchError):  # confirming does not make a wrong link right
        desk.outbox.enqueue(people["luis"], elena_ticket.id, "dm", "x", account="AytoJun",
                            conversation_id="c-pilar", confirm_other_citizen=True)
