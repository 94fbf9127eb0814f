"""Ingest: triaged, stored once, cursor moving with the data, threads joining tickets."""

from __future__ import annotations

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, dm, mention

ACCOUNT = "AytoJun"


def test_page_is_stored_triaged_and_flagged(desk: Desk) -> None:
    items = [mention("@AytoJun la farola de la calle Real está apagada"),
             mention("Necesito cita con el médico, DNI 12345678Z", author=PEPE, minutes=1)]
    result = desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items, [MARIA, PEPE],
                                     items[-1].x_id)
    assert (result.received, result.inserted, result.duplicates) == (2, 2, 0)
    feed = {i.x_id: i for i in desk.search.feed()}
    lamp, doctor = feed[items[0].x_id], feed[items[1].x_id]
    assert lamp.suggested_department == "obras" and "farola" in lamp.triage_reason
    assert lamp.author_handle == "vecina_maria"
    assert doctor.suggested_department == "salud"
    assert doctor.personal_data == ("dni",)
    assert desk.ingest.cursor(ACCOUNT, Stream.MENTIONS) == items[-1].x_id


def test_the_same_page_twice_stores_nothing_new(desk: Desk) -> None:
    items = [mention(f"bache número {n}", minutes=n) for n in range(5)]
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items, [MARIA], items[-1].x_id)
    again = desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items[2:] + items[:2], [MARIA],
                                    items[-1].x_id)
    assert (again.inserted, again.duplicates) == (0, 5)
    assert len(desk.search.feed()) == 5


def test_duplicates_inside_one_page_are_dropped(desk: Desk) -> None:
    item = mention("contenedor lleno")
    result = desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [item, item], [MARIA, MARIA],
                                     item.x_id)
    assert result.inserted == 1
    assert len(desk.search.feed()) == 1


def test_cursor_never_moves_back(desk: Desk) -> None:
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [], [], "1000")
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [], [], "999")  # an overlap poll
    assert desk.ingest.cursor(ACCOUNT, Stream.MENTIONS) == "1000"
    assert desk.ingest.cursor(ACCOUNT, Stream.DMS) is None
    assert desk.ingest.cursor("OtraCuenta", Stream.MENTIONS) is None


def test_a_failing_page_keeps_neither_items_nor_cursor(desk: Desk) -> None:
    import pytest

    good = mention("farola apagada")
    bad = mention("bache", minutes=1)
    bad = bad.__class__(**{**{f: getattr(bad, f) for f in bad.__slots__}, "created_at": None})
    with pytest.raises(Exception):  # noqa: B017 - any driver error; the point is what remains
        desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [good, bad], [MARIA], bad.x_id)
    assert desk.search.feed() == []
    assert desk.ingest.cursor(ACCOUNT, Stream.MENTIONS) is None


def test_citizen_profile_is_updated_not_duplicated(desk: Desk) -> None:
    from dataclasses import replace

    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [mention("hola")], [MARIA], None)
    renamed = replace(MARIA, handle="maria_jun", name="María L.")
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [mention("adiós")], [renamed], None)
    assert desk.citizens.find("maria_jun").name == "María L."
    handles = {i.author_handle for i in desk.search.feed()}
    assert handles == {"maria_jun"}


def test_citizen_reply_in_thread_joins_its_ticket_and_wakes_it(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    first = mention("@AytoJun farola apagada en la plaza")
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [first], [MARIA], first.x_id)
    luis = people["luis"]
    item = desk.search.feed()[0]
    ticket = desk.tickets.create_from_item(luis, item.id)
    ticket = desk.tickets.move(luis, ticket.id, "in_progress")
    ticket = desk.tickets.move(luis, ticket.id, "waiting_citizen")
    answer = mention("Sigue apagada esta noche", minutes=60, in_reply_to=first.x_id,
                     conversation=first.x_id)
    result = desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [answer], [MARIA], answer.x_id)
    assert result.attached == 1
    after = desk.tickets.get(ticket.id)
    assert after.status.value == "in_progress"
    assert after.item_count == 2
    assert after.version == ticket.version + 1
    assert [e.action for e in desk.audit.for_ticket(ticket.id)][-1] == "ticket.move"


def test_dm_conversation_joins_the_open_ticket(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    first = dm("Hola, os paso mi DNI por aquí: 12345678Z", conversation="c-1")
    desk.ingest.ingest_page(ACCOUNT, Stream.DMS, [first], [MARIA], first.x_id)
    ticket = desk.tickets.create_from_item(people["rosa"], desk.search.feed()[0].id)
    follow = dm("¿Me dais cita para el jueves?", conversation="c-1", minutes=5)
    other = dm("Otra cosa distinta", conversation="c-2", minutes=6, author=PEPE)
    result = desk.ingest.ingest_page(ACCOUNT, Stream.DMS, [follow, other], [MARIA, PEPE],
                                     other.x_id)
    assert result.attached == 1
    assert desk.tickets.get(ticket.id).item_count == 2
    assert desk.ingest.cursor(ACCOUNT, Stream.DMS) == other.x_id
    # Audited on the ticket, so the other desks' live refresh shows the new message.
    last = desk.audit.for_ticket(ticket.id)[-1]
    assert (last.action, last.actor_name, last.after) == ("ticket.attach_item", "sistema",
                                                          {"items": 1})


def test_hostile_text_is_stored_as_text(desk: Desk) -> None:
    text = "<b>hola</b>\x00'); DROP TABLE tickets;-- \ud800 \u202eevil 🙂"
    item = mention(text)
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [item], [MARIA], item.x_id)
    (stored,) = desk.search.feed()
    assert "DROP TABLE tickets" in stored.text and "<b>hola</b>" in stored.text
    assert "\x00" not in stored.text
    assert desk.search.count() == 0  # the tickets table is still there


def test_ingest_writes_one_audit_event_per_page(desk: Desk) -> None:
    items = [mention(f"farola {n}", minutes=n) for n in range(3)]
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items, [MARIA], items[-1].x_id)
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items, [MARIA], items[-1].x_id)
    events = [e for e in desk.audit.latest() if e.action == "ingest.page"]
    assert len(events) == 1
    assert events[0].after["inserted"] == 3


def test_an_unchanged_citizen_is_not_written_again(desk: Desk, clock) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from jun_desk.store.models import Citizen

    def updated_at():  # type: ignore[no-untyped-def]
        return desk.db.run(lambda s: s.scalar(select(Citizen.updated_at)), readonly=True)

    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [mention("hola")], [MARIA], None)
    first, stamp = desk.citizens.find("vecina_maria"), updated_at()
    clock.advance(minutes=5)
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [mention("otra vez")], [MARIA], None)
    assert updated_at() == stamp  # remembered, not rewritten
    assert desk.citizens.find("vecina_maria").id == first.id
    assert {i.author_handle for i in desk.search.feed()} == {"vecina_maria"}
    clock.advance(minutes=5)
    from dataclasses import replace

    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [mention("nuevo nombre")],
                            [replace(MARIA, name="María L.")], None)
    assert updated_at() > stamp and desk.citizens.find("vecina_maria").name == "María L."


def test_a_rolled_back_page_leaves_no_remembered_citizen(desk: Desk) -> None:
    import pytest

    bad = mention("bache")
    bad = bad.__class__(**{**{f: getattr(bad, f) for f in bad.__slots__}, "created_at": None})
    with pytest.raises(Exception):  # noqa: B017 - any driver error; the point is what remains
        desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [bad], [PEPE], bad.x_id)
    from jun_desk.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        desk.citizens.find("pepe_jun")
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [mention("hola", author=PEPE)], [PEPE],
                            None)
    pepe = desk.citizens.find("pepe_jun")
    assert pepe.handle == "pepe_jun" and desk.search.feed()[0].author_handle == "pepe_jun"


def test_mentions_stored_before_their_author_was_described_get_the_citizen(  # type: ignore[no-untyped-def]
        desk: Desk, people) -> None:
    """A users lookup whose answer was lost leaves mentions without their citizen: they are
    listed for the sync to ask again (skipping those it is asking or X does not know), and
    when X describes the author their mentions and tickets get the citizen, audited so the
    windows refresh."""
    from sqlalchemy import select

    from jun_desk.domain.items import XUser
    from jun_desk.store.models import AuditEvent

    strangers = [XUser(f"9{n:03d}", f"vecino{n}") for n in range(120)]
    items = [mention(f"farola apagada número {n}", author=s, minutes=n)
             for n, s in enumerate(strangers)]
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items, [], items[-1].x_id)
    first = desk.ingest.undescribed_authors()
    assert len(first) == 100 and first <= {s.x_id for s in strangers}
    rest = desk.ingest.undescribed_authors(exclude=first)
    assert rest == {s.x_id for s in strangers} - first
    assert desk.ingest.undescribed_authors(exclude={s.x_id for s in strangers}) == set()
    feed = {i.x_id: i for i in desk.search.feed(limit=200)}
    ticket = desk.tickets.create_from_item(people["rosa"], feed[items[0].x_id].id)
    assert ticket.citizen_handle is None
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, [], strangers[:2], None)
    assert strangers[0].x_id not in desk.ingest.undescribed_authors()
    assert desk.tickets.get(ticket.id).citizen_handle == "vecino0"
    feed = {i.x_id: i for i in desk.search.feed(limit=200)}
    assert feed[items[1].x_id].author_handle == "vecino1"
    with desk.db.session(readonly=True) as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "citizen.described")).all()
    assert {e.ticket_id for e in events} == {ticket.id, None}
