"""Supervisor figures: backlog per department, median first-response and resolution times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from jun_desk.domain.campaigns import Campaign, detect_campaigns
from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.workflow import OPEN_STATUSES, Status
from jun_desk.services.context import DeskContext
from jun_desk.store.models import Ticket, TicketItem

INCOMING = ("mention", "dm_in")


@dataclass(frozen=True, slots=True)
class DepartmentBacklog:
    department: str
    by_status: dict[Status, int]
    overdue: int  # open, never answered, older than the department's target time

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True, slots=True)
class ResponseTimes:
    department: str | None  # None = the whole desk
    tickets: int
    answered: int
    resolved: int
    median_first_response: timedelta | None
    median_resolution: timedelta | None


@dataclass(frozen=True, slots=True)
class RoutingShare:
    """Incoming messages triaged in a period, and how many triage routed to a department
    by itself (the rest waited "sin clasificar" for a person)."""

    messages: int
    routed: int

    @property
    def share(self) -> float | None:
        return self.routed / self.messages if self.messages else None


class ReportService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def backlog(self) -> list[DepartmentBacklog]:
        """Open tickets per department and status, every department listed (zeros too)."""
        now = self.ctx.clock()
        open_values = [s.value for s in OPEN_STATUSES]
        with self.ctx.db.session(readonly=True) as session:
            counts = session.execute(
                select(Ticket.department, Ticket.status, func.count())
                .where(Ticket.status.in_(open_values))
                .group_by(Ticket.department, Ticket.status)
            ).all()
            overdue: dict[str, int] = {}
            for dept in self.ctx.catalogue:
                limit = now - timedelta(minutes=dept.target_response_minutes)
                overdue[dept.code] = int(session.scalar(
                    select(func.count()).select_from(Ticket).where(
                        Ticket.department == dept.code, Ticket.status.in_(open_values),
                        Ticket.first_response_at.is_(None), Ticket.created_at < limit)
                ) or 0)
        table: dict[str, dict[Status, int]] = {
            d.code: dict.fromkeys(sorted(OPEN_STATUSES, key=list(Status).index), 0)
            for d in self.ctx.catalogue
        }
        for code, status, n in counts:
            table.setdefault(code, {})[Status(status)] = int(n)
        return [DepartmentBacklog(code, by_status, overdue.get(code, 0))
                for code, by_status in table.items()]

    def response_times(self, since: datetime, until: datetime | None = None,
                       department: str | None = None) -> ResponseTimes:
        """Medians over tickets created in [since, until)."""
        until = until or self.ctx.clock()
        query = select(Ticket.created_at, Ticket.first_response_at, Ticket.resolved_at).where(
            Ticket.created_at >= since, Ticket.created_at < until,
            Ticket.merged_into_id.is_(None))
        if department:
            query = query.where(Ticket.department == self.ctx.catalogue.get(department).code)
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(query).all()
        first = [(r.first_response_at - r.created_at) for r in rows if r.first_response_at]
        solved = [(r.resolved_at - r.created_at) for r in rows if r.resolved_at]
        return ResponseTimes(
            department=department, tickets=len(rows), answered=len(first), resolved=len(solved),
            median_first_response=_median(first), median_resolution=_median(solved),
        )

    def routing(self, since: datetime, until: datetime | None = None) -> RoutingShare:
        """Citizens' mentions and DMs received in [since, until): how many triage routed to
        a department without a person (the share the dashboard shows, issue 26)."""
        until = until or self.ctx.clock()
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(
                select(TicketItem.suggested_department, func.count())
                .where(TicketItem.kind.in_(INCOMING), TicketItem.created_at >= since,
                       TicketItem.created_at < until,
                       TicketItem.suggested_department.is_not(None))
                .group_by(TicketItem.suggested_department)).all()
        waiting = sum(int(n) for department, n in rows if department == UNCLASSIFIED)
        total = sum(int(n) for _u, n in rows)
        return RoutingShare(total, total - waiting)

    def campaigns(self, since: datetime) -> list[Campaign]:
        """Hashtag spikes since ``since``, each as one incident."""
        with self.ctx.db.session(readonly=True) as session:
            rows = _campaign_rows(session, since)
        return detect_campaigns((r.created_at, r.author_x_id, r.text) for r in rows)

    def response_times_by_department(self, since: datetime,
                                     until: datetime | None = None) -> list[ResponseTimes]:
        return [self.response_times(since, until, d.code) for d in self.ctx.catalogue]


def _campaign_rows(session: Session, since: datetime
                   ) -> Sequence[Row[datetime, str, str]]:
    return session.execute(
        select(TicketItem.created_at, TicketItem.author_x_id, TicketItem.text)
        .where(TicketItem.kind == "mention", TicketItem.created_at >= since,
               TicketItem.text.contains("#"))
    ).all()


def _median(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    return timedelta(seconds=median(v.total_seconds() for v in values))


def format_duration(value: timedelta | None) -> str:
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"
