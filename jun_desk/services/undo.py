"""Undo: the operator takes back their own last change of a ticket (a move, a take or an
assignment, a change of department or priority) while nothing else has happened to it.

An undo is a change like any other: it checks the operator's rights for what it restores,
checks the version the operator saw after their change (a conflict if someone else acted
since), and writes its own audit event (``ticket.undo``, before → after, naming the event
it takes back). Nothing that reached X is undone here: a sent reply stays sent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import Status
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.tickets import TicketService, _snapshot
from jun_desk.services.triage_models import record_correction
from jun_desk.store.models import AuditEvent, Operator

UNDOABLE = frozenset({"ticket.move", "ticket.reopen", "ticket.assign",
                      "ticket.reassign_department", "ticket.set_priority"})
_FIELDS = ("department", "status", "priority", "assignee_id")


class UndoService:
    def __init__(self, ctx: DeskContext, tickets: TicketService) -> None:
        self.ctx = ctx
        self.tickets = tickets

    def undo_last(self, actor: Actor, ticket_id: int,
                  expected_version: int | None = None) -> TicketView:
        """Take back ``actor``'s last change of the ticket. ``expected_version``: the
        version the change left (what the operator's screen shows)."""
        with self.tickets._change(actor, "ticket.undo", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            last = session.scalars(
                select(AuditEvent)
                .where(AuditEvent.ticket_id == ticket_id, AuditEvent.outcome == "ok")
                .order_by(AuditEvent.id.desc()).limit(1)).first()
            if (last is None or last.action not in UNDOABLE
                    or last.actor_id != fresh.operator_id or not last.before):
                raise ValidationError.of("undo.not_yours", ticket=ticket_id,
                                         username=fresh.username)
            now = _snapshot(ticket)
            after = last.after or {}
            if any(key in after and after[key] != now[key] for key in _FIELDS):
                raise ValidationError.of("undo.changed", ticket=ticket_id)
            restore = {key: last.before[key] for key in _FIELDS
                       if key in last.before and last.before[key] != now[key]}
            if not restore:
                raise ValidationError.of("undo.nothing", ticket=ticket_id)
            self._require(session, fresh, ticket.department, now, restore)
            if "department" in restore:
                ticket.department = restore["department"]
                record_correction(session, fresh, ticket, now["department"],
                                  ticket.department, self.ctx.clock())
            if "assignee_id" in restore:
                ticket.assignee_id = restore["assignee_id"]
            if "priority" in restore:
                ticket.priority = restore["priority"]
            if "status" in restore:
                status = Status(restore["status"])
                ticket.status = status.value
                if status.is_open:
                    ticket.resolved_at = None
                    ticket.closed_at = None
                elif status == Status.RESOLVED:
                    ticket.closed_at = None
            self.tickets._touch(ticket)
            record(session, self.ctx, fresh, "ticket.undo", ticket_id=ticket.id,
                   before=now, after=_snapshot(ticket),
                   message=f"undo of #{last.id} ({last.action})")
            return self.tickets._view(session, ticket)

    @staticmethod
    def _require(session: Session, actor: Actor, department: str, now: dict[str, Any],
                 restore: dict[str, Any]) -> None:
        """The rights the restored values need, as the original change needed them."""
        actor.require(Permission.WORK_TICKET)
        # Back to unclassified undoes a routing, which any operator may do; any other
        # change of department is a supervisor's.
        if "department" in restore and restore["department"] != UNCLASSIFIED:
            actor.require(Permission.REASSIGN_DEPARTMENT)
        if "assignee_id" in restore:
            people = {now["assignee_id"], restore["assignee_id"]} - {None}
            if people <= {actor.operator_id}:
                actor.require(Permission.ASSIGN_SELF)
            else:
                actor.require(Permission.REASSIGN_OPERATOR)
                target = restore["assignee_id"]
                if target is not None:
                    row = session.get(Operator, target)
                    if row is None or not row.active:
                        raise ValidationError.of("operator.inactive", operator=target)
        if actor.operator_id not in {now["assignee_id"], restore.get("assignee_id")}:
            actor.require_department(restore.get("department", department))
