"""Retention: closed tickets older than their department's period lose their personal data.

A ticket is due when it is done (resolved or closed), was done more than the period ago,
is not under legal hold, and has nothing waiting in the outbox. Messages that never made a
ticket are due by the period of the department triage suggested for them, counted from
when they were written. A citizen's own record goes when nothing of theirs remains whole.
Runs daily on the desk that polls X (``app._XSide.poll``) and as ``jun-desk privacy
apply-retention [--dry-run]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, false, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from jun_desk.domain.errors import NotFoundError, ValidationError
from jun_desk.domain.retention import check_days, default_days
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.workflow import Status
from jun_desk.services.anonymise import (
    UNSENT,
    Scrubbed,
    chunks,
    scrub_citizens,
    scrub_items,
    scrub_quarantine,
    scrub_tickets,
)
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.media import MediaService
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import (
    AuditEvent,
    Citizen,
    OutboxItem,
    QuarantinedItem,
    RetentionPolicy,
    Ticket,
    TicketItem,
)

DONE = (Status.RESOLVED.value, Status.CLOSED.value)
DAILY = timedelta(hours=23)  # a poll a little early the next day still runs it


@dataclass(frozen=True, slots=True)
class PolicyView:
    department: str
    days: int
    default: bool  # no supervisor set it: the documented default
    updated_by: str | None
    updated_at: datetime | None


@dataclass
class RetentionReport:
    """What a run changed (or, dry, would change)."""

    at: datetime
    dry_run: bool
    tickets: list[int] = field(default_factory=list)  # ids anonymised
    by_department: dict[str, int] = field(default_factory=dict)
    loose_messages: int = 0  # messages on no ticket
    quarantined: int = 0  # unreadable items from X past the shortest period
    held: int = 0  # past their period but under legal hold: kept
    citizens: int = 0
    scrubbed: Scrubbed = field(default_factory=Scrubbed)


def done_at() -> ColumnElement[datetime]:
    """When a ticket was done: closed, else resolved."""
    return func.coalesce(Ticket.closed_at, Ticket.resolved_at)


class RetentionService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- the periods
    def policies(self) -> list[PolicyView]:
        with self.ctx.db.session(readonly=True) as session:
            rows = {r.department: r for r in session.scalars(select(RetentionPolicy))}
        out = []
        for dept in self.ctx.catalogue:
            row = rows.get(dept.code)
            out.append(PolicyView(dept.code, row.days if row else default_days(dept.code),
                                  row is None, row.updated_by if row else None,
                                  row.updated_at if row else None))
        return out

    def set_days(self, actor: Actor, department: str, days: int) -> PolicyView:
        """A supervisor sets a department's period (audited, before → after)."""
        with unit_of_work(self.ctx, actor, "privacy.set_retention",
                          subject=f"department:{department}") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.MANAGE_PRIVACY)
            code = self.ctx.catalogue.get(department).code
            check_days(days)
            row = session.get(RetentionPolicy, code)
            before = row.days if row else default_days(code)
            if row is None:
                row = RetentionPolicy(department=code)
                session.add(row)
            row.days, row.updated_by, row.updated_at = days, fresh.username, self.ctx.clock()
            record(session, self.ctx, fresh, "privacy.set_retention",
                   subject=f"department:{code}", before={"department": code, "days": before},
                   after={"department": code, "days": days})
            return PolicyView(code, days, False, row.updated_by, row.updated_at)

    def _days(self, session: Session) -> dict[str, int]:
        stored = {d: n for d, n in session.execute(
            select(RetentionPolicy.department, RetentionPolicy.days))}
        used = set(session.scalars(select(Ticket.department).distinct()).all())
        used |= {d.code for d in self.ctx.catalogue}
        return {d: stored.get(d, default_days(d)) for d in used}

    # ---------------------------------------------------------------- running
    def due(self) -> bool:
        """Whether a day has passed since the last run (any desk's)."""
        with self.ctx.db.session(readonly=True) as session:
            last = session.scalar(select(func.max(AuditEvent.at))
                                  .where(AuditEvent.action == "privacy.retention"))
        return last is None or self.ctx.clock() - last >= DAILY

    def apply_if_due(self) -> RetentionReport | None:
        """The poller's daily run (as the system): None when it ran within the day."""
        return self.apply(None) if self.due() else None

    def apply(self, actor: Actor | None, *, dry_run: bool = False) -> RetentionReport:
        """Anonymise what is past its period; ``actor`` None: the desk itself (the poller,
        the command line without --as). One transaction: all or nothing."""
        with unit_of_work(self.ctx, actor, "privacy.retention") as (session, fresh):
            if fresh is not None:
                fresh.require(Permission.MANAGE_PRIVACY)
            now = self.ctx.clock()
            report = RetentionReport(at=now, dry_run=dry_run)
            days = self._days(session)
            tickets = self._due_tickets(session, days, now, report)
            loose = self._due_loose(session, days, now)
            report.loose_messages = len(loose)
            quarantined = self._due_quarantine(session, days, now)
            report.quarantined = len(quarantined)
            if dry_run:
                report.citizens = len(self._citizens_left(session, tickets, loose,
                                                          pretend=True))
                return report
            scrub_tickets(session, tickets, now, report.scrubbed)
            scrub_items(session, loose, now, report.scrubbed)
            scrub_quarantine(session, quarantined, now, report.scrubbed)
            session.flush()
            scrub_citizens(session, self._citizens_left(session, tickets, loose), now,
                           report.scrubbed, search=False)
            report.citizens = report.scrubbed.citizens
            record(session, self.ctx, fresh, "privacy.retention", after={
                "tickets": len(tickets), "by_department": report.by_department,
                "loose_messages": len(loose), "quarantined": len(quarantined),
                "held": report.held,
                **report.scrubbed.as_dict()})
        MediaService(self.ctx).sweep()  # the files of the media rows deleted, once committed
        return report

    def _due_tickets(self, session: Session, days: dict[str, int], now: datetime,
                     report: RetentionReport) -> list[int]:
        waiting = exists().where(OutboxItem.ticket_id == Ticket.id,
                                 OutboxItem.status.in_(UNSENT))
        found: list[int] = []
        for dept, period in sorted(days.items()):
            base = (select(Ticket.id).where(
                Ticket.department == dept, Ticket.status.in_(DONE),
                Ticket.anonymised_at.is_(None), done_at() < now - timedelta(days=period),
                ~waiting))
            held = session.scalar(select(func.count()).select_from(
                base.where(Ticket.legal_hold.is_(True)).subquery())) or 0
            ids = list(session.scalars(base.where(Ticket.legal_hold == false())).all())
            report.held += held
            if ids:
                report.by_department[dept] = len(ids)
            found += ids
        report.tickets = sorted(found)
        return report.tickets

    def _due_loose(self, session: Session, days: dict[str, int], now: datetime) -> list[int]:
        found: list[int] = []
        default = self.ctx.catalogue.default_code
        for dept, period in days.items():
            dept_match = (TicketItem.suggested_department == dept if dept != default else
                          or_(TicketItem.suggested_department == dept,
                              TicketItem.suggested_department.is_(None)))
            found += session.scalars(select(TicketItem.id).where(
                TicketItem.ticket_id.is_(None), TicketItem.anonymised_at.is_(None),
                dept_match, TicketItem.created_at < now - timedelta(days=period))).all()
        return sorted(found)

    def _citizens_left(self, session: Session, tickets: list[int], loose: list[int], *,
                       pretend: bool = False) -> list[Citizen]:
        """Citizens of these tickets and messages with nothing else of theirs left whole
        (``pretend``: as if these were anonymised already). Two reads per 500 citizens."""
        ids: set[int] = set()
        for batch in chunks(tickets):
            ids |= {i for i in session.scalars(select(Ticket.citizen_id)
                                               .where(Ticket.id.in_(batch))) if i}
        for batch in chunks(loose):
            ids |= {i for i in session.scalars(select(TicketItem.citizen_id)
                                               .where(TicketItem.id.in_(batch))) if i}
        gone_t = set(tickets) if pretend else set()
        gone_i = set(loose) if pretend else set()
        left: list[Citizen] = []
        for batch in chunks(sorted(ids)):
            whole = {c for c, t in session.execute(
                select(Ticket.citizen_id, Ticket.id).where(
                    Ticket.citizen_id.in_(batch), Ticket.anonymised_at.is_(None)))
                if t not in gone_t}
            whole |= {c for c, i, t in session.execute(
                select(TicketItem.citizen_id, TicketItem.id, TicketItem.ticket_id).where(
                    TicketItem.citizen_id.in_(batch), TicketItem.anonymised_at.is_(None)))
                if i not in gone_i and t not in gone_t}
            rest = [c for c in batch if c not in whole]
            if rest:
                left += session.scalars(select(Citizen).where(
                    Citizen.id.in_(rest), Citizen.anonymised_at.is_(None))).all()
        return left

    def _due_quarantine(self, session: Session, days: dict[str, int],
                        now: datetime) -> list[int]:
        """Quarantined items (no department known) keep their raw payload for the
        shortest period of any department, counted from when X last sent them."""
        cutoff = now - timedelta(days=min(days.values()))
        return list(session.scalars(select(QuarantinedItem.id).where(
            QuarantinedItem.raw.isnot(None), QuarantinedItem.last_seen < cutoff)).all())

    # ---------------------------------------------------------------- legal hold
    def set_legal_hold(self, actor: Actor, ticket_id: int, hold: bool,
                       reason: str | None = None) -> bool:
        """A supervisor puts a ticket under legal hold (with the reason) or releases it."""
        action = "ticket.legal_hold" if hold else "ticket.legal_hold_release"
        with unit_of_work(self.ctx, actor, action, ticket_id=ticket_id) as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.MANAGE_PRIVACY)
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFoundError.of("ticket.not_found", ticket=ticket_id)
            if hold and ticket.legal_hold:
                raise ValidationError.of("privacy.hold_same", ticket=ticket_id)
            if not hold and not ticket.legal_hold:
                raise ValidationError.of("privacy.hold_none", ticket=ticket_id)
            if hold and ticket.anonymised_at is not None:
                raise ValidationError.of("privacy.hold_anonymised", ticket=ticket_id)
            reason = (reason or "").strip()[:200]
            if hold and not reason:
                raise ValidationError.of("privacy.hold_reason")
            ticket.legal_hold, ticket.legal_hold_reason = hold, reason if hold else None
            record(session, self.ctx, fresh, action, ticket_id=ticket_id,
                   before={"legal_hold": not hold}, after={"legal_hold": hold},
                   message=reason or None)
            return hold
