"""Several desks on one database: the change stream, and the one-poller lease."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from jun_desk.domain.errors import LeaseLostError, StorageError
from jun_desk.services.changes import ChangeBatch, ChangeStream
from jun_desk.services.desk import Desk
from jun_desk.services.leases import PollerLease
from jun_desk.store.notify import open_waiter
from tests.factories import mention


@pytest.fixture
def other_desk(db_url: str, desk: Desk, rules, clock) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    other = Desk.open(db_url, rules=rules, clock=clock)
    yield other
    other.close()


def _next(stream: ChangeStream, seconds: float = 5.0) -> ChangeBatch:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        batch = stream.next(0.2)
        if batch is not None:
            return batch
    raise AssertionError("no change arrived")


def test_another_desks_changes_arrive_with_the_tickets_they_touched(
        desk: Desk, other_desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    stream = desk.changes.stream()
    assert stream.next(0.05) is None  # connects; nothing happened yet
    ana = other_desk.operators.actor("ana")
    ticket = other_desk.tickets.create_manual(ana, department="obras", title="Bache")
    batch = _next(stream)
    assert ticket.id in batch.tickets and not batch.resync
    assert [n.action for n in batch.notices] == ["ticket.create"]
    assert batch.notices[0].actor == "ana"
    other_desk.tickets.assign(ana, ticket.id, people["luis"].operator_id, ticket.version)
    batch = _next(stream)
    assert batch.tickets == {ticket.id}
    assert [n.action for n in batch.notices] == ["ticket.assign"]
    stream.close()


def test_refusals_change_nothing_and_are_not_announced(
        desk: Desk, other_desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    stream = desk.changes.stream()
    stream.next(0.05)
    luis = other_desk.operators.actor("luis")
    ticket = desk.tickets.create_manual(people["ana"], department="policia", title="Ruido")
    _next(stream)
    with pytest.raises(Exception):  # noqa: B017 - the refusal itself is tested elsewhere
        other_desk.tickets.assign(luis, ticket.id, luis.operator_id, ticket.version)
    other_desk.tickets.add_note(people["ana"], ticket.id, "Llamar a la Policía Local")
    batch = _next(stream)
    assert [n.action for n in batch.notices] == ["ticket.note"]
    stream.close()


def test_ingest_by_the_poller_refreshes_feed_and_dms(desk: Desk, other_desk: Desk) -> None:
    stream = desk.changes.stream()
    stream.next(0.05)
    from jun_desk.domain.items import Stream

    item = mention("@AytoJun farola apagada en la calle Real")
    other_desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [item], [], item.x_id)
    batch = _next(stream)
    assert batch.feed and batch.dms and not batch.tickets


def test_a_lost_connection_comes_back_as_a_full_refresh(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    broken = {"on": False}

    def factory(engine):  # type: ignore[no-untyped-def]
        if broken["on"]:
            raise StorageError("Cannot open the database: the server cannot be reached")
        return open_waiter(engine)

    stream = desk.changes.stream(factory)
    assert stream.next(0.05) is None
    stream.close()  # as after a failed wait
    broken["on"] = True
    with pytest.raises(StorageError):
        stream.next(0.05)
    broken["on"] = False
    assert stream.next(0.05) == ChangeBatch(resync=True)


# ---------------------------------------------------------------------- lease
def _lease(name: str, seconds: float = 10) -> PollerLease:
    return PollerLease.for_this_desk(name, timedelta(seconds=seconds))


def test_one_desk_polls_the_other_stands_by_until_the_lease_runs_out(
        desk: Desk, other_desk: Desk, clock) -> None:  # type: ignore[no-untyped-def]
    first, second = _lease("ana"), _lease("luis")
    assert desk.leases.acquire("AytoJun", first).held
    standby = other_desk.leases.acquire("AytoJun", second)
    assert not standby.held and standby.holder_label == first.label
    clock.advance(seconds=5)
    assert desk.leases.acquire("AytoJun", first).held  # renewed: runs to t+15 s
    clock.advance(seconds=9)
    assert not other_desk.leases.acquire("AytoJun", second).held
    clock.advance(seconds=2)  # the holder stopped renewing (died) 11 s ago
    taken = other_desk.leases.acquire("AytoJun", second)
    assert taken.held and taken.holder_label == second.label
    assert desk.leases.current("AytoJun").holder_label == second.label
    takes = [e for e in desk.audit.latest() if e.action == "poller.take"]
    assert [t.after["holder"] for t in takes] == [second.label, first.label]
    # Another account has its own lease.
    assert desk.leases.acquire("OtraCuenta", first).held


def test_a_desk_that_lost_its_lease_stores_nothing(desk: Desk, other_desk: Desk, clock) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.items import Stream

    first, second = _lease("ana"), _lease("luis")
    desk.leases.acquire("AytoJun", first)
    clock.advance(seconds=11)
    other_desk.leases.acquire("AytoJun", second)
    item = mention("@AytoJun contenedor quemado")
    with pytest.raises(LeaseLostError):
        desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [item], [], item.x_id,
                                fence=lambda s: desk.leases.fence(s, "AytoJun", first))
    assert desk.search.feed() == []
    assert desk.ingest.cursor("AytoJun", Stream.MENTIONS) is None
    result = other_desk.ingest.ingest_page(
        "AytoJun", Stream.MENTIONS, [item], [], item.x_id,
        fence=lambda s: other_desk.leases.fence(s, "AytoJun", second))
    assert result.inserted == 1


def test_release_lets_the_next_desk_take_over_at_once(desk: Desk, other_desk: Desk) -> None:
    first, second = _lease("ana"), _lease("luis")
    desk.leases.acquire("AytoJun", first)
    desk.leases.release("AytoJun", first)
    assert other_desk.leases.acquire("AytoJun", second).held
    desk.leases.release("AytoJun", first)  # not the holder: changes nothing
    assert desk.leases.current("AytoJun").holder_label == second.label


def test_a_lease_must_last_some_time() -> None:
    with pytest.raises(Exception, match="must last"):
        _lease("ana", 0)
