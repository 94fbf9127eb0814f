"""Announcements through the services: drafts, approval, schedule, cancel, every step audited
(real SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from jun_desk.domain.announcements import MissedSlot, State
from jun_desk.domain.errors import InvalidTransitionError, PermissionDeniedError, ValidationError
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent

ACCOUNT = "AytoJun"
LONG = " ".join([
    "El lunes 14 de diciembre habrá un corte de agua en la calle Real de 9:00 a 14:00.",
    "Los vecinos de los números 1 al 40 quedarán sin suministro durante las obras.",
    "Rogamos disculpen las molestias; el servicio se restablecerá en cuanto sea posible.",
    "¿Dudas? Escríbanos por mensaje directo o acérquese a la oficina de atención.",
])


def _events(desk: Desk, announcement_id: int) -> list[tuple[str, str]]:
    with desk.db.session(readonly=True) as session:
        return [(e.action, e.actor_name) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.subject == f"announcement:{announcement_id}")
            .order_by(AuditEvent.id))]


def _outbox(desk: Desk, announcement_id: int) -> list[tuple[int | None, str]]:
    from jun_desk.store.models import OutboxItem
    with desk.db.session(readonly=True) as session:
        return [(r.position, r.status) for r in session.scalars(
            select(OutboxItem).where(OutboxItem.announcement_id == announcement_id)
            .order_by(OutboxItem.id))]


def test_draft_submit_approve_schedule_each_step_audited(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text=LONG)
    assert draft.state is State.DRAFT and len(draft.posts) == 2
    assert draft.cost_micro == 30_000  # two posts without a link
    assert desk.announcements.submit(people["rosa"], draft.id).state is State.PENDING
    approved = desk.announcements.approve(people["ana"], draft.id)
    assert approved.state is State.APPROVED and approved.approved_by == "ana"
    assert _outbox(desk, draft.id) == []  # no slot yet: nothing queued
    slot = clock.now + timedelta(days=1)
    scheduled = desk.announcements.schedule(people["ana"], draft.id, slot)
    assert scheduled.state is State.SCHEDULED and scheduled.scheduled_at == slot
    assert _outbox(desk, draft.id) == [(1, "pending"), (2, "waiting")]
    assert _events(desk, draft.id) == [
        ("announcement.draft", "rosa"), ("announcement.submit", "rosa"),
        ("announcement.approve", "ana"), ("announcement.schedule", "ana")]


def test_an_operator_may_not_approve_schedule_or_publish(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text="Feria el sábado.")
    desk.announcements.submit(people["rosa"], draft.id)
    for attempt in (lambda: desk.announcements.approve(people["luis"], draft.id),
                    lambda: desk.announcements.publish(people["luis"], draft.id),
                    lambda: desk.announcements.return_to_author(people["luis"], draft.id, "no")):
        with pytest.raises(PermissionDeniedError):
            attempt()
    assert desk.announcements.get(draft.id).state is State.PENDING
    refused = [a for a, _who in _events(desk, draft.id)]
    assert refused == ["announcement.draft", "announcement.submit"]  # refusals: own events
    with desk.db.session(readonly=True) as session:
        outcomes = list(session.scalars(select(AuditEvent.outcome).where(
            AuditEvent.action.like("announcement.%"), AuditEvent.outcome == "refused")))
    assert len(outcomes) == 3


def test_return_needs_a_comment_and_the_author_edits_and_resubmits(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text="Feria el sábado.")
    desk.announcements.submit(people["rosa"], draft.id)
    with pytest.raises(ValidationError) as err:
        desk.announcements.return_to_author(people["ana"], draft.id, "  ")
    assert err.value.code == "announcement.return_comment"
    back = desk.announcements.return_to_author(people["ana"], draft.id, "Falta la hora")
    assert back.state is State.RETURNED and back.comment == "Falta la hora"
    edited = desk.announcements.edit(people["rosa"], draft.id,
                                     text="Feria el sábado a las 11:00.")
    assert edited.state is State.DRAFT and edited.texts == ["Feria el sábado a las 11:00."]
    assert desk.announcements.submit(people["rosa"], draft.id).state is State.PENDING


def test_a_supervisor_publishes_directly(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text="Feria el sábado.")
    done = desk.announcements.publish(people["ana"], draft.id)
    assert done.state is State.SCHEDULED and done.scheduled_at is None  # now
    assert _outbox(desk, draft.id) == [(1, "pending")]
    assert [i.id for i in desk.outbox.due(ACCOUNT)]  # due now


def test_a_slot_in_the_past_is_refused_and_the_draft_kept(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text="Feria el sábado.")
    with pytest.raises(ValidationError) as err:
        desk.announcements.edit(people["rosa"], draft.id, text="Otra cosa.",
                                scheduled_at=clock.now - timedelta(minutes=1))
    assert err.value.code == "announcement.slot_past"
    kept = desk.announcements.get(draft.id)
    assert kept.texts == ["Feria el sábado."] and kept.scheduled_at is None
    with pytest.raises(ValidationError):
        desk.announcements.draft(people["rosa"], account=ACCOUNT, text="x",
                                 scheduled_at=clock.now - timedelta(hours=1))


def test_cancel_or_edit_before_it_leaves_withdraws_it_from_the_outbox(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                                      clock) -> None:
    slot = clock.now + timedelta(hours=2)
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text=LONG,
                                     scheduled_at=slot)
    desk.announcements.submit(people["rosa"], draft.id)
    assert desk.announcements.approve(people["ana"], draft.id).state is State.SCHEDULED
    edited = desk.announcements.edit(people["rosa"], draft.id, text="Corte de agua el lunes.")
    assert edited.state is State.DRAFT  # to be approved again
    assert _outbox(desk, draft.id) == [(1, "cancelled"), (2, "cancelled")]
    desk.announcements.submit(people["rosa"], draft.id)
    desk.announcements.approve(people["ana"], draft.id)
    with pytest.raises(PermissionDeniedError):  # a scheduled one is a supervisor's to cancel
        desk.announcements.cancel(people["rosa"], draft.id)
    assert desk.announcements.cancel(people["ana"], draft.id).state is State.CANCELLED
    assert [s for _p, s in _outbox(desk, draft.id)] == ["cancelled"] * 3
    with pytest.raises(InvalidTransitionError):
        desk.announcements.submit(people["rosa"], draft.id)


def test_once_the_sender_claimed_the_first_post_it_can_no_longer_change(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                                         clock) -> None:
    draft = desk.announcements.draft(people["ana"], account=ACCOUNT, text=LONG)
    desk.announcements.publish(people["ana"], draft.id)
    (first,) = desk.outbox.due(ACCOUNT)
    assert desk.outbox.claim(first.id, "pending")
    with pytest.raises(InvalidTransitionError):
        desk.announcements.cancel(people["ana"], draft.id)
    assert _outbox(desk, draft.id) == [(1, "sending"), (2, "waiting")]


def test_over_budget_needs_a_supervisor_confirmation(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly="0.02")
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text=LONG)  # $0.03
    with pytest.raises(ValidationError) as err:
        desk.announcements.publish(people["ana"], draft.id)
    assert err.value.code == "announcement.over_budget"
    assert desk.announcements.get(draft.id).state is State.DRAFT
    done = desk.announcements.publish(people["ana"], draft.id, confirm_over_budget=True)
    assert done.state is State.SCHEDULED


def test_a_missed_slot_is_held_for_approval_when_it_says_so(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    slot = clock.now + timedelta(hours=1)
    late = desk.announcements.draft(people["ana"], account=ACCOUNT, text="Uno.",
                                    scheduled_at=slot)
    held = desk.announcements.draft(people["ana"], account=ACCOUNT, text="Dos.",
                                    scheduled_at=slot, if_missed=MissedSlot.HOLD)
    for a in (late, held):
        desk.announcements.submit(people["ana"], a.id)
        desk.announcements.approve(people["ana"], a.id)
    clock.advance(hours=5)  # every desk was off
    assert desk.announcements.hold_missed(ACCOUNT) == [held.id]
    again = desk.announcements.get(held.id)
    assert again.state is State.PENDING and "missed its slot" in (again.comment or "")
    assert _outbox(desk, held.id) == [(1, "cancelled")]
    assert desk.announcements.get(late.id).state is State.SCHEDULED


def test_the_slot_is_stored_in_utc(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo
    slot = datetime(2026, 12, 14, 9, 0, tzinfo=ZoneInfo("Europe/Madrid"))
    draft = desk.announcements.draft(people["rosa"], account=ACCOUNT, text="Menú.",
                                     scheduled_at=slot)
    assert draft.scheduled_at == datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
