"""The access log: who opened a Salud or Policía ticket, or one holding personal data, and
when. Append-only (the database refuses UPDATE and DELETE, migration 0013); supervisors
read it per ticket or per operator, and a citizen's export includes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from jun_desk.domain.retention import SENSITIVE_DEPARTMENTS
from jun_desk.domain.roles import Actor, Permission
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import AccessLogEntry, Ticket

if TYPE_CHECKING:
    from jun_desk.services.tickets import TicketDetail


@dataclass(frozen=True, slots=True)
class AccessView:
    id: int
    at: datetime
    operator: str
    ticket_id: int
    department: str
    reason: str


def _view(row: AccessLogEntry) -> AccessView:
    return AccessView(row.id, row.at, row.operator_name, row.ticket_id, row.department,
                      row.reason)


def why_logged(department: str, personal_data: str) -> str | None:
    """Why opening such a ticket is logged ('department' or its personal-data flags)."""
    if department in SENSITIVE_DEPARTMENTS:
        return "department"
    flags = [f for f in personal_data.split(",") if f]
    return "personal_data:" + ",".join(flags) if flags else None


class AccessLogService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def opened(self, actor: Actor, ticket_id: int) -> bool:
        """Record that ``actor`` opened the ticket, if it is one that is logged."""
        with self.ctx.db.session(readonly=True) as session:
            row = session.execute(select(Ticket.department, Ticket.personal_data)
                                  .where(Ticket.id == ticket_id)).first()
        reason = why_logged(row.department, row.personal_data) if row else None
        if row is None or reason is None:
            return False
        self._write(actor, ticket_id, row.department, reason)
        return True

    def _write(self, actor: Actor, ticket_id: int, department: str, reason: str) -> None:
        with self.ctx.db.session() as session:
            session.add(AccessLogEntry(at=self.ctx.clock(), operator_id=actor.operator_id,
                                       operator_name=actor.username, ticket_id=ticket_id,
                                       department=department, reason=reason))

    def opening(self, actor: Actor, ticket_id: int, first: bool,
                read: Callable[[int], TicketDetail]) -> TicketDetail:
        """The detail pane's read of a ticket, logged when it is first opened (a reload
        after a change is not a new opening). Judged on what was read, so opening any
        other ticket costs no extra query; a log that cannot be written fails the opening."""
        detail = read(ticket_id)
        ticket = detail.ticket
        reason = why_logged(ticket.department, ",".join(ticket.personal_data))
        if first and reason is not None:
            self._write(actor, ticket.id, ticket.department, reason)
        return detail

    def entries(self, actor: Actor, *, ticket_id: int | None = None,
                operator: str | None = None, limit: int = 1000) -> list[AccessView]:
        """Newest first, for a supervisor."""
        with unit_of_work(self.ctx, actor, "privacy.access_log") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.MANAGE_PRIVACY)
            query = select(AccessLogEntry).order_by(AccessLogEntry.id.desc()).limit(limit)
            if ticket_id is not None:
                query = query.where(AccessLogEntry.ticket_id == ticket_id)
            if operator is not None:
                query = query.where(AccessLogEntry.operator_name == operator)
            return [_view(r) for r in session.scalars(query)]
