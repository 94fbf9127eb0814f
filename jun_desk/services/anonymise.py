"""Removing a citizen's personal data in place, keeping what the town counts.

Shared by retention (tickets past their period) and erasure (one citizen's request). What
goes: handles, names, pictures, the citizens' and the desk's words (messages, titles,
notes, replies, moderated texts), raw payloads from X, conversation ids, the personal-data
flags, and the content of the audit events about them. What stays: departments, statuses,
priorities, dates and times to answer, counts, X ids of messages (so the same message read
again from X is recognised, never stored twice) and the audit trail's skeleton (who did
what, when, to which ticket). Triage corrections of those messages are deleted (their text
is the citizen's; a marker would teach the model nothing).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Text, cast, delete, false, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from jun_desk.domain.retention import MARKER, redact_json
from jun_desk.store.insert import rowcount
from jun_desk.store.models import (
    AuditEvent,
    Citizen,
    ItemMedia,
    ModerationAction,
    OutboxItem,
    QuarantinedItem,
    Ticket,
    TicketItem,
    TicketNote,
    TriageCorrection,
    Verification,
    XSeen,
)

_CHUNK = 500  # ids per IN (...) list: well under every backend's parameter limit
UNSENT = ("pending", "sending")


@dataclass
class Scrubbed:
    """How many rows of each kind lost their personal data."""

    tickets: int = 0
    citizens: int = 0
    messages: int = 0
    notes: int = 0
    outbox: int = 0
    moderation: int = 0
    quarantine: int = 0
    corrections: int = 0
    audit_events: int = 0
    media: int = 0  # photos' rows deleted (their files go once the transaction committed)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def total(self) -> int:
        return sum(self.as_dict().values())


def chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def scrub_tickets(session: Session, ticket_ids: Collection[int], now: datetime,
                  done: Scrubbed) -> list[int]:
    """The tickets, their notes, outbox items and messages (both ways); returns the ids of
    the messages scrubbed. The caller chose tickets that are done and not held."""
    item_ids: list[int] = []
    for batch in chunks(sorted(ticket_ids)):
        done.tickets += rowcount(session.execute(
            update(Ticket).where(Ticket.id.in_(batch), Ticket.legal_hold == false())
            .values(title=MARKER, triage_reason=None, personal_data="", anonymised_at=now,
                    version=Ticket.version + 1)
            .execution_options(synchronize_session=False)))
        done.notes += rowcount(session.execute(
            update(TicketNote).where(TicketNote.ticket_id.in_(batch)).values(text=MARKER)
            .execution_options(synchronize_session=False)))
        done.outbox += rowcount(session.execute(
            update(OutboxItem).where(OutboxItem.ticket_id.in_(batch),
                                     OutboxItem.status.notin_(UNSENT))
            .values(text=MARKER, recipient_x_id=None, last_error=None)
            .execution_options(synchronize_session=False)))
        item_ids += session.scalars(
            select(TicketItem.id).where(TicketItem.ticket_id.in_(batch))).all()
    scrub_items(session, item_ids, now, done)
    redact_audit(session, now, done, ticket_ids=ticket_ids)
    return item_ids


def scrub_items(session: Session, item_ids: Collection[int], now: datetime,
                done: Scrubbed) -> None:
    """Messages: their words, raw payload, edits, author and conversation; the moderation
    acts on them; the quarantined copies of them; their triage corrections; their photos'
    rows (the files are removed by ``MediaService.sweep`` after the commit)."""
    for batch in chunks(sorted(item_ids)):
        x_ids = session.scalars(select(TicketItem.x_id).where(TicketItem.id.in_(batch))).all()
        done.messages += rowcount(session.execute(
            update(TicketItem).where(TicketItem.id.in_(batch))
            .values(text=MARKER, raw=None, edit_history=None, version_x_id=None,
                    author_x_id=MARKER, conversation_id=None, triage_reason=None,
                    personal_data="", anonymised_at=now)
            .execution_options(synchronize_session=False)))
        moderation = session.scalars(
            select(ModerationAction.id).where(ModerationAction.item_id.in_(batch))).all()
        scrub_moderation(session, moderation, now, done)
        quarantined = session.scalars(
            select(QuarantinedItem.id).where(QuarantinedItem.x_id.in_(x_ids))).all()
        scrub_quarantine(session, quarantined, now, done)
        done.corrections += rowcount(session.execute(
            delete(TriageCorrection).where(TriageCorrection.item_id.in_(batch))
            .execution_options(synchronize_session=False)))
        done.media += rowcount(session.execute(
            delete(ItemMedia).where(ItemMedia.item_id.in_(batch))
            .execution_options(synchronize_session=False)))
        redact_audit(session, now, done, subjects=[f"item:{i}" for i in batch])


def scrub_moderation(session: Session, ids: Collection[int], now: datetime,
                     done: Scrubbed) -> None:
    """A mute keeps its target (the account id X needs to unmute it); the rest goes."""
    for batch in chunks(sorted(ids)):
        done.moderation += rowcount(session.execute(
            update(ModerationAction).where(ModerationAction.id.in_(batch))
            .values(text=MARKER, note=MARKER, undo_note=None, author_handle=None,
                    author_x_id=None, conversation_id=None, flags=None, last_error=None)
            .execution_options(synchronize_session=False)))
        redact_audit(session, now, done, subjects=[f"moderation:{i}" for i in batch])


def scrub_quarantine(session: Session, ids: Collection[int], now: datetime,
                     done: Scrubbed) -> None:
    for batch in chunks(sorted(ids)):
        done.quarantine += rowcount(session.execute(
            update(QuarantinedItem).where(QuarantinedItem.id.in_(batch))
            .values(raw=None, reason=MARKER)
            .execution_options(synchronize_session=False)))
        redact_audit(session, now, done, subjects=[f"quarantine:{i}" for i in batch])


def scrub_citizens(session: Session, citizens: Collection[Citizen], now: datetime,
                   done: Scrubbed, *, search: bool = True) -> None:
    """The citizens' records: handle, name, picture and X account id go (a pseudonymous
    'anon:<id>' keeps the unique column unique; the same account writing again becomes a
    new citizen). Audit events about them are redacted; with ``search`` (an erasure: one
    citizen) also those naming their handle or account id anywhere, and quarantined items
    naming them (each a scan of its table)."""
    rows = sorted(citizens, key=lambda c: c.id)
    for start in range(0, len(rows), _CHUNK):
        batch = rows[start:start + _CHUNK]
        session.execute(delete(XSeen).where(XSeen.x_id.in_([c.x_user_id for c in batch]))
                        .execution_options(synchronize_session=False))
        if search:
            for c in batch:
                scrub_quarantine(session, quarantined_naming(session, [c.x_user_id, c.handle]),
                                 now, done)
        needles = [n for c in batch for n in (c.handle, c.x_user_id) if len(n) >= 4] \
            if search else []
        session.execute(update(Citizen), [
            {"id": c.id, "handle": MARKER, "name": "", "profile_image_url": None,
             "x_user_id": f"anon:{c.id}", "anonymised_at": now} for c in batch])
        # a supervisor's notes on their verification may name them (issue 27)
        session.execute(update(Verification).where(
            Verification.citizen_id.in_([c.id for c in batch]))
            .values(note=None, revoke_note=None)
            .execution_options(synchronize_session=False))
        done.citizens += len(batch)
        redact_audit(session, now, done, subjects=[f"citizen:{c.id}" for c in batch],
                     naming=needles)


def redact_audit(session: Session, now: datetime, done: Scrubbed, *,
                 ticket_ids: Collection[int] = (), subjects: Collection[str] = (),
                 naming: Collection[str] = ()) -> None:
    """Redact, once, the content of the audit events about these tickets or subjects, or
    whose content names one of ``naming``. The triggers of migration 0013 allow exactly
    this change (content and ``redacted_at``, skeleton untouched)."""
    conditions: list[ColumnElement[bool]] = []
    for batch in chunks(sorted(ticket_ids)):
        conditions.append(AuditEvent.ticket_id.in_(batch))
    subject_list = sorted(subjects)
    for start in range(0, len(subject_list), _CHUNK):
        conditions.append(AuditEvent.subject.in_(subject_list[start:start + _CHUNK]))
    for needle in naming:
        for column in (AuditEvent.message, cast(AuditEvent.before, Text),
                       cast(AuditEvent.after, Text)):
            conditions.append(column.contains(needle, autoescape=True))
    if not conditions:
        return
    for condition in conditions:
        rows = session.execute(
            select(AuditEvent.id, AuditEvent.before, AuditEvent.after, AuditEvent.message)
            .where(AuditEvent.redacted_at.is_(None), condition)).all()
        if not rows:
            continue
        session.execute(update(AuditEvent), [
            {"id": row.id, "before": redact_json(row.before) if row.before else None,
             "after": redact_json(row.after) if row.after else None,
             "message": MARKER if row.message else None, "redacted_at": now}
            for row in rows])
        done.audit_events += len(rows)


def quarantined_naming(session: Session, needles: Collection[str]) -> list[int]:
    """Quarantined items whose raw JSON names the account (its id or handle)."""
    conditions = [cast(QuarantinedItem.raw, Text).contains(n, autoescape=True)
                  for n in needles if len(n) >= 4]
    if not conditions:
        return []
    return list(session.scalars(select(QuarantinedItem.id).where(
        QuarantinedItem.raw.isnot(None), or_(*conditions))).all())
