"""Search and filters, backlog and median times."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.items import Stream
from jun_desk.domain.workflow import Status
from jun_desk.services.desk import Desk
from jun_desk.services.reports import format_duration
from jun_desk.services.search import TicketFilter
from tests.factories import MARIA, PEPE, mention


@pytest.fixture
def board(desk: Desk, people):  # type: ignore[no-untyped-def]
    items = [mention("Farola apagada en la calle Real", minutes=0),
             mention("Bache en el asfalto 50% más grande que ayer_", author=PEPE, minutes=1),
             mention("Contenedores llenos en la plaza", minutes=2),
             mention("¿Menú del comedor?", author=PEPE, minutes=3)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA, PEPE], items[-1].x_id)
    feed = {i.x_id: i.id for i in desk.search.feed()}
    tickets = [desk.tickets.create_from_item(people["rosa"], feed[i.x_id]) for i in items]
    return tickets


def ids(tickets) -> set[int]:  # type: ignore[no-untyped-def]
    return {t.id for t in tickets}


def test_filters(desk: Desk, people, board) -> None:  # type: ignore[no-untyped-def]
    lamp, pothole, bins, menu = board
    desk.tickets.assign(people["ana"], pothole.id, people["luis"].operator_id)
    s = desk.search
    assert ids(s.tickets(TicketFilter(departments=["obras"]))) == {lamp.id, pothole.id}
    assert ids(s.tickets(TicketFilter(statuses=["assigned"]))) == {pothole.id}
    assert ids(s.tickets(TicketFilter(assignee_id=people["luis"].operator_id))) == {pothole.id}
    assert pothole.id not in ids(s.tickets(TicketFilter(unassigned=True)))
    assert ids(s.tickets(TicketFilter(text="FAROLA"))) == {lamp.id}
    assert ids(s.tickets(TicketFilter(text="@pepe_jun"))) == {pothole.id, menu.id}
    assert ids(s.tickets(TicketFilter(text="plaza contenedores"))) == {bins.id}
    assert [t.id for t in s.tickets(TicketFilter(order="oldest", limit=2))] == [lamp.id,
                                                                                 pothole.id]
    assert s.count(TicketFilter(departments=["obras"])) == 2
    counts = s.counts_by_status()
    assert (counts[Status.NEW], counts[Status.ASSIGNED], counts[Status.CLOSED]) == (3, 1, 0)
    with pytest.raises(ValidationError):
        s.tickets(TicketFilter(departments=["nada"]))


@pytest.mark.parametrize("needle", ["50%", "ayer_", "%", "_", "' OR 1=1 --", "\\"])
def test_search_text_is_literal_not_sql(desk: Desk, board, needle: str) -> None:  # type: ignore[no-untyped-def]
    found = desk.search.tickets(TicketFilter(text=needle))
    # Words are looked for in the title, the messages and the citizen's handle.
    expected = {t.id for t in board
                if needle.lower() in f"{t.title} {t.citizen_handle}".lower()}
    assert {t.id for t in found} == expected


def test_feed_filters(desk: Desk, board) -> None:  # type: ignore[no-untyped-def]
    more = mention("Otro bache en el camino", minutes=10)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [more], [MARIA], more.x_id)
    assert [i.x_id for i in desk.search.feed(unhandled_only=True)] == [more.x_id]
    assert len(desk.search.feed(department="obras")) == 3
    assert len(desk.search.feed(text="bache")) == 2
    newest = desk.search.feed(limit=2)
    older = desk.search.feed(before_id=newest[-1].id)
    assert len(newest) + len(older) == 5


def test_backlog_and_medians(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    rosa = people["rosa"]
    plan = [("obras", 10, 60), ("obras", 30, 120), ("obras", 50, None), ("salud", None, None)]
    items = [mention(f"aviso {n}", minutes=n) for n in range(len(plan))]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA], items[-1].x_id)
    feed = {i.x_id: i.id for i in desk.search.feed()}
    t0 = items[0].created_at
    for item, (dept, answer_after, resolve_after) in zip(items, plan, strict=True):
        t = desk.tickets.create_from_item(rosa, feed[item.x_id], department=dept)
        assert t.created_at == item.created_at
        if answer_after is not None:
            clock.now = t.created_at + timedelta(minutes=answer_after)
            queued = desk.outbox.enqueue(rosa, t.id, "reply", "Recibido, gracias",
                                         account="AytoJun")
            desk.outbox.mark_sent(queued.id, f"77{t.id}")
        if resolve_after is not None:
            clock.now = t.created_at + timedelta(minutes=resolve_after)
            desk.tickets.resolve(rosa, t.id)
    clock.now = t0 + timedelta(hours=5)
    times = desk.reports.response_times(t0 - timedelta(days=1))
    assert (times.tickets, times.answered, times.resolved) == (4, 3, 2)
    assert times.median_first_response == timedelta(minutes=30)
    assert times.median_resolution == timedelta(minutes=90)
    per = {r.department: r for r in desk.reports.response_times_by_department(t0)}
    assert per["salud"].median_first_response is None
    assert per["obras"].median_first_response == timedelta(minutes=30)
    backlog = {b.department: b for b in desk.reports.backlog()}
    assert backlog["obras"].total == 1 and backlog["salud"].total == 1
    assert backlog["policia"].total == 0
    # salud's target is 60 minutes and nobody answered: overdue. obras' open one was answered.
    assert (backlog["salud"].overdue, backlog["obras"].overdue) == (1, 0)
    assert format_duration(timedelta(minutes=90)) == "1h 30m"
    assert format_duration(timedelta(days=2, hours=3)) == "2d 3h"
    assert format_duration(None) == "—"


def test_the_whole_board_in_one_read(desk: Desk, people, board, clock) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    extra = [desk.tickets.create_manual(ana, department="obras", title=f"Bache {n}")
             for n in range(3)]
    clock.advance(minutes=1)
    desk.tickets.resolve(ana, extra[1].id, extra[1].version)
    flt = TicketFilter(departments=["obras"])
    pages, counts = desk.search.board(flt, 2)
    assert counts == desk.search.counts_by_status(replace(flt, limit=None))
    for status, page in pages.items():
        assert len(page) == min(2, counts[status])
        assert all(t.status is status and t.department == "obras" for t in page)
    new = desk.search.tickets(replace(flt, statuses=["new"], order="oldest", limit=2))
    assert [t.id for t in pages[Status.NEW]] == [t.id for t in new]
    assert [t.id for t in pages[Status.RESOLVED]] == [extra[1].id]
