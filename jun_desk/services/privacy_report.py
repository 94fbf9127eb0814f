"""Records of processing (GDPR art. 30): what the desk stores, per category, how much and
since when, for the town's data-protection officer (``jun-desk privacy report``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from jun_desk.services.context import DeskContext
from jun_desk.services.retention import RetentionService, done_at
from jun_desk.store.models import (
    AccessLogEntry,
    AuditEvent,
    Citizen,
    ItemMedia,
    ModerationAction,
    Operator,
    OutboxItem,
    QuarantinedItem,
    Ticket,
    TicketItem,
    TicketNote,
    TriageCorrection,
)


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    holds: str  # what personal data it holds
    count: int
    anonymised: int | None  # None: the category is not anonymised (nothing personal)
    oldest: datetime | None


# (name, what it holds, model, the date it is aged by, the anonymised mark or None)
_CATEGORIES: tuple[tuple[str, str, Any, Any, Any], ...] = (
    ("citizens", "X handle, name, picture, account id, verification as a resident",
     Citizen, Citizen.created_at, Citizen.anonymised_at),
    ("tickets", "the matter's title (the citizen's first words), department, dates",
     Ticket, Ticket.created_at, Ticket.anonymised_at),
    ("messages", "mentions and DMs with X's raw payload; the town's replies and DMs",
     TicketItem, TicketItem.created_at, TicketItem.anonymised_at),
    ("media", "photos of messages: X's description (alt text), the cached file, where a "
     "photo was taken (deleted with their message's erasure or retention)", ItemMedia,
     ItemMedia.cached_at, None),
    ("notes", "operators' internal notes on tickets", TicketNote, TicketNote.created_at,
     None),
    ("outbox", "replies and DMs to send or sent, with the recipient", OutboxItem,
     OutboxItem.created_at, None),
    ("moderation", "moderated replies' text and author", ModerationAction,
     ModerationAction.proposed_at, None),
    ("quarantine", "raw items from X the desk could not read", QuarantinedItem,
     QuarantinedItem.first_seen, None),
    ("triage_corrections", "message texts with the department people chose",
     TriageCorrection, TriageCorrection.created_at, None),
    ("audit_events", "who did what, when; before → after of changes", AuditEvent,
     AuditEvent.at, AuditEvent.redacted_at),
    ("access_log", "who opened Salud, Policía and personal-data tickets", AccessLogEntry,
     AccessLogEntry.at, None),
    ("operators", "the desk's staff: user name, name, role, password hash", Operator,
     Operator.created_at, None),
)


@dataclass(frozen=True)
class PrivacyReport:
    at: datetime
    categories: list[Category]
    legal_holds: int
    retention: list[dict[str, Any]]  # per department: days, default, due now


class PrivacyReportService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def report(self) -> PrivacyReport:
        now = self.ctx.clock()
        policies = RetentionService(self.ctx).policies()
        with self.ctx.db.session(readonly=True) as session:
            categories = []
            for name, holds, model, aged, mark in _CATEGORIES:
                count = session.scalar(select(func.count()).select_from(model)) or 0
                oldest = session.scalar(select(func.min(aged)))
                anonymised = None if mark is None else \
                    session.scalar(select(func.count()).select_from(model)
                                   .where(mark.isnot(None))) or 0
                categories.append(Category(name, holds, count, anonymised, oldest))
            held = session.scalar(select(func.count()).select_from(Ticket)
                                  .where(Ticket.legal_hold.is_(True))) or 0
            retention = []
            for p in policies:
                due = session.scalar(select(func.count()).select_from(Ticket).where(
                    Ticket.department == p.department, Ticket.anonymised_at.is_(None),
                    Ticket.status.in_(("resolved", "closed")),
                    Ticket.legal_hold.is_(False),
                    done_at() < now - timedelta(days=p.days))) or 0
                retention.append({"department": p.department, "days": p.days,
                                  "default": p.default, "due": due})
        return PrivacyReport(now, categories, held, retention)
