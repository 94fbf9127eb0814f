"""The quarantine service: what X sent unreadable, listed, retried and dismissed by
operators, every change audited, refusals too (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from jun_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from jun_desk.domain.items import Stream, Unreadable
from jun_desk.domain.quarantine import QuarantineStatus
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent


def _quarantine(desk: Desk, clock) -> list[int]:  # type: ignore[no-untyped-def]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [], [], None, unreadable=[
        Unreadable(Stream.MENTIONS, "1860000000000000001", "author_id missing",
                   {"id": "1860000000000000001"})])
    clock.advance(minutes=1)
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [], [], None, unreadable=[
        Unreadable(Stream.DMS, None, "not a JSON object", "<html>")])
    return [q.id for q in desk.quarantine.list()]


def test_list_is_newest_first_and_counts_what_waits(desk: Desk, clock) -> None:  # type: ignore[no-untyped-def]
    newest, oldest = _quarantine(desk, clock)
    entries = desk.quarantine.list()
    assert [e.stream for e in entries] == ["dms", "mentions"]
    assert entries[0].x_id is None and entries[0].raw == "<html>"
    assert entries[1].first_seen == entries[1].last_seen and entries[1].attempts == 1
    assert desk.quarantine.count_pending() == 2 and newest != oldest


def test_retry_and_dismiss_are_audited_and_idempotent(desk: Desk, clock, people) -> None:  # type: ignore[no-untyped-def]
    dm, mention = _quarantine(desk, clock)
    assert desk.quarantine.retry(people["luis"], [mention]) == 1
    assert desk.quarantine.retry(people["luis"], [mention]) == 0  # already waiting
    assert [q.x_id for q in desk.quarantine.due("AytoJun")] == ["1860000000000000001"]
    assert desk.quarantine.dismiss(people["rosa"], [dm, mention]) == 2
    assert desk.quarantine.dismiss(people["rosa"], [dm]) == 0
    assert desk.quarantine.count_pending() == 0 and desk.quarantine.due("AytoJun") == []
    every = {q.id: q for q in desk.quarantine.list(pending_only=False)}
    assert {q.status for q in every.values()} == {QuarantineStatus.DISMISSED}
    assert {q.closed_by for q in every.values()} == {"rosa"}
    with desk.db.session(readonly=True) as session:
        events = [(e.action, e.actor_name, e.subject, e.before["status"]) for e in
                  session.scalars(select(AuditEvent).where(AuditEvent.action.in_(
                      ["quarantine.retry", "quarantine.dismiss"])).order_by(AuditEvent.id))]
    assert events[0] == ("quarantine.retry", "luis", f"quarantine:{mention}", "open")
    assert sorted(events[1:]) == sorted([
        ("quarantine.dismiss", "rosa", f"quarantine:{dm}", "open"),
        ("quarantine.dismiss", "rosa", f"quarantine:{mention}", "retry")])


def test_bad_requests_and_refusals(desk: Desk, clock, people) -> None:  # type: ignore[no-untyped-def]
    dm, _mention = _quarantine(desk, clock)
    with pytest.raises(ValidationError):
        desk.quarantine.dismiss(people["luis"], [])
    with pytest.raises(NotFoundError, match="No item 999"):
        desk.quarantine.retry(people["luis"], [dm, 999])
    desk.operators.set_active(people["ana"], "luis", False)
    with pytest.raises(PermissionDeniedError):
        desk.quarantine.dismiss(people["luis"], [dm])
    with desk.db.session(readonly=True) as session:
        refused = session.scalars(select(AuditEvent).where(
            AuditEvent.outcome == "refused", AuditEvent.action == "quarantine.dismiss")).all()
    assert [e.actor_name for e in refused] == ["luis"]
    assert desk.quarantine.count_pending() == 2
