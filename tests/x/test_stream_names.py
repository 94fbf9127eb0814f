"""Staff streams named as people read them, and the employee a ticket is for read from data
(the stream that brought its mention), never from the words of its triage reason: over the
real sandbox, the real tweepy client and a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import update

from jun_desk.domain.items import Stream, StreamKind
from jun_desk.services.desk import Desk
from jun_desk.services.search import TicketFilter
from jun_desk.store.models import Ticket, TicketItem
from jun_desk.x.client import XClient
from jun_desk.x.sync import SyncEngine
from tests.x.test_streams import SWEEPER, add_sweeper

MENTIONS = Stream(StreamKind.STAFF, SWEEPER.id)


def _reword(desk: Desk, reason: str | None, *, ticket_id: int | None = None,
            item_id: int | None = None) -> None:
    """What a change of triage's wording or language would leave in the stored reasons."""
    with desk.db.session() as session:
        if item_id is not None:
            session.execute(update(TicketItem).where(TicketItem.id == item_id)
                            .values(triage_reason=reason))
        if ticket_id is not None:
            session.execute(update(Ticket).where(Ticket.id == ticket_id)
                            .values(triage_reason=reason, version=Ticket.version + 1))


def test_the_employee_a_ticket_is_for_comes_from_the_stream_not_the_reasons_words(
        desk: Desk, client: XClient, people: dict) -> None:  # type: ignore[type-arg]
    add_sweeper(desk, client, people)
    report = SyncEngine(desk, client, page_size=50).sync_once()
    assert report.streams[MENTIONS.value].inserted == SWEEPER.mentions
    feed = desk.search.feed(limit=1000)
    asks = [i for i in feed if i.via == MENTIONS.value]
    # Triage's words in English, then in other words: the employee stays on the card.
    english, other = asks[0], asks[1]
    _reword(desk, "staff mention: @BarrenderoJun", item_id=english.id)
    _reword(desk, "Limpieza viaria (regla 4)", item_id=other.id)
    tickets = [desk.tickets.file_item(people["ana"], i.id).ticket for i in (english, other)]
    assert [t.for_staff for t in tickets] == ["BarrenderoJun", "BarrenderoJun"]
    _reword(desk, None, ticket_id=tickets[0].id)
    _reword(desk, "mención del personal: @OtraPersona", ticket_id=tickets[1].id)
    assert [desk.tickets.get(t.id).for_staff for t in tickets] == ["BarrenderoJun"] * 2
    listed = {t.id: t.for_staff for t in desk.search.tickets(TicketFilter())}
    assert listed == {tickets[0].id: "BarrenderoJun", tickets[1].id: "BarrenderoJun"}
    pages, _ = desk.search.board(TicketFilter(), 50)
    assert {t.for_staff for page in pages.values() for t in page} == {"BarrenderoJun"}
    # The town's own mention worded like a staff one is for nobody.
    own = next(i for i in feed if i.via is None and i.kind == "mention")
    _reword(desk, "mención del personal: @BarrenderoJun", item_id=own.id)
    plain = desk.tickets.file_item(people["ana"], own.id).ticket
    assert plain.for_staff is None and desk.tickets.get(plain.id).for_staff is None
    # The account removed: its tickets still name the employee; the stream keeps a name.
    desk.streams.remove_staff(people["ana"], "@BarrenderoJun")
    assert desk.tickets.get(tickets[0].id).for_staff == "BarrenderoJun"
    names = desk.streams.names()
    assert names.name(MENTIONS) == "BarrenderoJun"
    assert names.name(Stream(StreamKind.STAFF_POSTS, SWEEPER.id)) == "BarrenderoJun"
    assert names.name(Stream.MENTIONS) is None


def test_the_directory_names_searches_by_their_query_removed_ones_too(
        desk: Desk, people: dict) -> None:  # type: ignore[type-arg]
    watched = desk.streams.add_search(people["ana"], "Jun luz", "Luz")
    desk.streams.remove_search(people["ana"], watched.id)
    names = desk.streams.names()
    assert names.name(watched.stream) == "Jun luz"
    assert names.name(Stream(StreamKind.SEARCH, str(watched.id + 1))) is None
    assert names.name(Stream(StreamKind.STAFF, "42")) is None
