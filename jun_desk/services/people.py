"""Who can take work: each active person with their departments and open tickets, for the
assignee picker."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from jun_desk.domain.workflow import OPEN_STATUSES
from jun_desk.services.context import DeskContext
from jun_desk.store.models import Operator, Ticket


@dataclass(frozen=True, slots=True)
class Workload:
    operator_id: int
    username: str
    display_name: str
    role: str
    departments: tuple[str, ...]  # empty: a generalist (or a supervisor): every department
    open_tickets: int


class PeopleService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def workload(self) -> list[Workload]:
        """Active operators and supervisors, by name, with their open tickets."""
        open_values = sorted(s.value for s in OPEN_STATUSES)
        with self.ctx.db.session(readonly=True) as session:
            counts = dict(session.execute(
                select(Ticket.assignee_id, func.count())
                .where(Ticket.status.in_(open_values), Ticket.assignee_id.is_not(None),
                       Ticket.merged_into_id.is_(None))
                .group_by(Ticket.assignee_id)).all())
            rows = session.scalars(select(Operator).where(Operator.active.is_(True))
                                   .order_by(func.lower(Operator.display_name)))
            return [Workload(r.id, r.username, r.display_name, r.role,
                             tuple(d for d in r.departments.split(",") if d),
                             int(counts.get(r.id, 0))) for r in rows]
