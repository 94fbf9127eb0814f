"""A DM conversation and its ticket (issue 24, items 4 and 5): a ticket made from the
conversation takes everything on no ticket yet, in order; a link to another citizen's
ticket can be undone; an answer covers what came before it."""

from __future__ import annotations

import pytest

from jun_desk.domain.actions import history_sentence
from jun_desk.domain.errors import ConflictError, NotFoundError, PermissionDeniedError
from jun_desk.domain.items import Stream, XUser
from jun_desk.services.desk import Desk
from tests.factories import MARIA, dm, mention

PILAR = XUser("1003", "pilar_jun", "Pilar Gómez")
SERGIO = XUser("1004", "sergio_jun", "Sergio Ortega")


def _pilar_wrote_twice(desk: Desk) -> None:
    photo = dm("https://t.co/foto", author=PILAR, minutes=1, conversation="c-pilar")
    words = dm("El banco del parque está roto, os mando la foto", author=PILAR, minutes=2,
               conversation="c-pilar")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [photo, words], [PILAR], words.x_id)


def test_a_ticket_from_a_conversation_takes_all_its_new_messages_in_order(
        desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    _pilar_wrote_twice(desk)
    ticket = desk.conversations.create_ticket(people["luis"], "c-pilar", department="obras")
    texts = [i.text for i in desk.tickets.items(ticket.id)]
    assert texts == ["https://t.co/foto", "El banco del parque está roto, os mando la foto"]
    assert ticket.title == "El banco del parque está roto, os mando la foto"  # (the
    # photo alone has no words)
    (conversation,) = desk.feed.conversations()
    assert conversation.unhandled == 0 and conversation.unattached == 0
    assert conversation.ticket_id == ticket.id
    with pytest.raises(NotFoundError):  # nothing new to make a ticket of
        desk.conversations.create_ticket(people["luis"], "c-pilar")


def test_a_link_to_another_citizens_ticket_is_told_and_can_be_undone(
        desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    lamp = mention("La farola de mi calle no enciende", author=MARIA)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [lamp], [MARIA], lamp.x_id)
    marias = desk.tickets.create_from_item(people["luis"], desk.search.feed()[0].id)
    hello = dm("Hola, ¿me ayudáis con lo de la farola?", author=SERGIO, conversation="c-s")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [hello], [SERGIO], hello.x_id)
    luis = people["luis"]
    desk.conversations.link(luis, marias.id, "c-s")
    (conversation,) = desk.feed.conversations()
    assert conversation.ticket_id == marias.id and conversation.unhandled == 0
    # An operator of other departments may not undo it.
    desk.operators.add("eva", "operator", departments=["salud"])
    with pytest.raises(PermissionDeniedError):
        desk.conversations.unlink(desk.operators.actor("eva"), marias.id, "c-s")
    after = desk.conversations.unlink(luis, marias.id, "c-s")
    assert [i.kind for i in desk.tickets.items(after.id)] == ["mention"]
    (conversation,) = desk.feed.conversations()
    assert conversation.ticket_id is None and conversation.unhandled == 1
    assert [i.text for i in desk.search.feed(unhandled_only=True)] == [hello.text]
    history = desk.tickets.detail(marias.id).history
    told = {lang: [history_sentence(e.actor_name, e.action, e.outcome, e.before, e.after,
                                    language=lang) for e in history] for lang in ("es", "en")}
    assert f"luis vinculó la conversación de @sergio_jun al ticket #{marias.id}" in told["es"]
    assert f"luis desvinculó la conversación de @sergio_jun del ticket #{marias.id}" \
        in told["es"]
    assert f"luis linked @sergio_jun's conversation to ticket #{marias.id}" in told["en"]
    with pytest.raises(ConflictError):  # nothing left to unlink
        desk.conversations.unlink(luis, marias.id, "c-s")


def test_an_answer_covers_what_the_citizen_wrote_before_it(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Pilar writes again after her ticket was resolved; the desk's answer in the
    conversation takes her new message in: nothing stays unread for ever."""
    _pilar_wrote_twice(desk)
    luis = people["luis"]
    ticket = desk.conversations.create_ticket(luis, "c-pilar", department="obras")
    desk.tickets.resolve(luis, ticket.id)
    again = dm("Sigue roto", author=PILAR, minutes=30, conversation="c-pilar")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [again], [PILAR], again.x_id)
    (conversation,) = desk.feed.conversations()
    assert conversation.unhandled == 1 and conversation.unattached == 1
    desk.outbox.enqueue(luis, ticket.id, "dm", "Mañana pasa el operario", account="AytoJun",
                        conversation_id="c-pilar")
    (conversation,) = desk.feed.conversations()
    assert conversation.unhandled == 0 and conversation.unattached == 0
    assert "Sigue roto" in [i.text for i in desk.tickets.items(ticket.id)]
