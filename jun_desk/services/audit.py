"""The append-only audit trail: who did what, when, before → after."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jun_desk.domain.actions import SYSTEM_ACTOR
from jun_desk.domain.error_codes import plain
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.roles import Actor
from jun_desk.domain.tickets import AuditView
from jun_desk.services import operations
from jun_desk.services.context import DeskContext
from jun_desk.store.models import AuditEvent

SYSTEM = SYSTEM_ACTOR


def record(
    session: Session,
    ctx: DeskContext,
    actor: Actor | None,
    action: str,
    *,
    ticket_id: int | None = None,
    subject: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    outcome: str = "ok",
    message: str | None = None,
    actor_name: str | None = None,
) -> None:
    """``actor_name`` without ``actor``: someone whose operator row is gone. The operation
    running on this thread hears of the event (``operations.perform``)."""
    event = AuditEvent(
        at=ctx.clock(),
        actor_id=actor.operator_id if actor else None,
        actor_name=actor.username if actor else (actor_name or SYSTEM),
        action=action, outcome=outcome, ticket_id=ticket_id, subject=subject,
        before=before, after=after, message=message,
    )
    session.add(event)
    operations.written(event)


def record_refusal(ctx: DeskContext, actor: Actor | None, action: str, message: str, *,
                   ticket_id: int | None = None, subject: str | None = None,
                   outcome: str = "refused", gone: bool = False,
                   error: BaseException | None = None) -> None:
    """Written in its own transaction: the refused work itself was rolled back. ``gone``:
    the actor's operator row no longer exists, so the event names them without an id.
    ``message`` is the English reason (the audit trail, the command line); the code and
    parameters of ``error`` are kept beside it (``after``: ``{"error": code, "params":
    ...}``), so the window tells the reason in its own language."""
    after = None
    if isinstance(error, JunDeskError) and error.code is not None:
        after = {"error": error.code,
                 "params": {k: v if isinstance(v, (int, str, list)) else plain(v)
                            for k, v in error.params.items()}}
    with ctx.db.session() as session:
        record(session, ctx, None if gone else actor, action, ticket_id=ticket_id,
               subject=subject, outcome=outcome, message=message,
               actor_name=actor.username if actor else None, after=after)


def _view(event: AuditEvent) -> AuditView:
    return AuditView(
        id=event.id, at=event.at, actor_name=event.actor_name, action=event.action,
        outcome=event.outcome, ticket_id=event.ticket_id, subject=event.subject,
        before=event.before, after=event.after, message=event.message,
    )


def for_ticket(session: Session, ticket_id: int) -> list[AuditView]:
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.ticket_id == ticket_id).order_by(AuditEvent.id))
    return [_view(e) for e in rows]


class AuditService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def for_ticket(self, ticket_id: int) -> list[AuditView]:
        with self.ctx.db.session(readonly=True) as session:
            return for_ticket(session, ticket_id)

    def latest(self, limit: int = 100, *, outcome: str | None = None) -> list[AuditView]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
            if outcome:
                query = query.where(AuditEvent.outcome == outcome)
            return [_view(e) for e in session.scalars(query)]
