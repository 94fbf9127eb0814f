"""The feed's actions and the DM conversations list."""

from __future__ import annotations

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, dm, mention


def test_mark_handled_and_back(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    thanks = mention("¡Gracias por todo! 👏")
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [thanks], [MARIA], thanks.x_id)
    (item,) = desk.search.feed()
    assert item.author_name == "María López" and not item.handled
    done = desk.feed.mark_handled(people["rosa"], item.id)
    assert done.handled and desk.search.feed(unhandled_only=True) == []
    desk.feed.mark_handled(people["rosa"], item.id, False)
    assert len(desk.search.feed(unhandled_only=True)) == 1
    assert [e.action for e in desk.audit.latest()][:2] == ["item.handled", "item.handled"]


def test_feed_after_id_gives_only_the_new_ones(desk: Desk) -> None:
    first = [mention(f"farola {n}", minutes=n) for n in range(3)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, first, [MARIA], first[-1].x_id)
    newest = desk.search.feed()[0].id
    later = mention("bache nuevo", minutes=10)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [later], [MARIA], later.x_id)
    assert [i.x_id for i in desk.search.feed(after_id=newest)] == [later.x_id]


def test_conversations_newest_first_with_unhandled_counts(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    items = [dm("Hola", conversation="c-1", minutes=0),
             dm("¿Me ayudáis?", conversation="c-1", minutes=1),
             dm("Buenas", conversation="c-2", minutes=2, author=PEPE)]
    desk.ingest.ingest_page("AytoJun", Stream.DMS, items, [MARIA, PEPE], items[-1].x_id)
    convs = desk.feed.conversations()
    assert [c.conversation_id for c in convs] == ["c-2", "c-1"]
    assert (convs[1].unhandled, convs[1].citizen_handle, convs[1].last_text) == (
        2, "vecina_maria", "¿Me ayudáis?")
    feed_item = next(i for i in desk.search.feed() if i.conversation_id == "c-1")
    ticket = desk.tickets.create_from_item(people["rosa"], feed_item.id)
    convs = {c.conversation_id: c for c in desk.feed.conversations()}
    assert convs["c-1"].ticket_id == ticket.id and convs["c-1"].unhandled == 1
    assert [i.text for i in desk.feed.conversation("c-1")] == ["Hola", "¿Me ayudáis?"]
