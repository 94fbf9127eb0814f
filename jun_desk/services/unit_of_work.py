"""One transaction per use case, with the acting operator re-read and refusals audited."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from jun_desk.domain.actions import action as catalogue_action
from jun_desk.domain.errors import ConflictError, PermissionDeniedError, SessionEndedError
from jun_desk.domain.roles import Actor, Role
from jun_desk.services.audit import record_refusal
from jun_desk.services.context import DeskContext
from jun_desk.store.models import AuditEvent, Operator, Ticket


def actor_from_row(row: Operator) -> Actor:
    departments = frozenset(d for d in row.departments.split(",") if d)
    return Actor(row.id, row.username, Role(row.role), departments)


def current_actor(session: Session, actor: Actor) -> Actor:
    """The actor as the database knows them now: a demoted or disabled account loses its
    rights at once, and an Actor object built by hand grants nothing it does not hold."""
    row = session.get(Operator, actor.operator_id)
    if row is None or row.username != actor.username:
        raise SessionEndedError(
            f"{actor.username} is no longer an operator of this desk (the account was removed, "
            "perhaps from another desk): nothing was done; sign in again as someone else",
            gone=row is None, code="session.removed", params={"username": actor.username})
    if not row.active:
        raise SessionEndedError(
            f"{actor.username}'s account was deactivated by a supervisor (perhaps from "
            "another desk): nothing was done; sign in again as someone else",
            code="session.deactivated", params={"username": actor.username})
    return actor_from_row(row)


def conflict_for(ctx: DeskContext, ticket_id: int, read_version: int | None) -> ConflictError:
    """A conflict error that says who changed the ticket and what they did."""
    with ctx.db.session(readonly=True) as session:
        ticket = session.get(Ticket, ticket_id)
        last = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.ticket_id == ticket_id, AuditEvent.outcome == "ok")
            .order_by(AuditEvent.id.desc()).limit(1)
        ).first()
        names = dict(session.execute(select(Operator.id, Operator.username)).all()) \
            if last is not None else {}
    current = ticket.version if ticket else None
    who = last.actor_name if last else None
    what = last.action if last else None
    when = last.at.strftime("%H:%M:%S") if last else None
    fields = _what_changed(last, names) if last else ()
    changes = "; ".join(f"{f}: {b} → {a}" for f, b, a in fields)
    read = f" (you had version {read_version}, it is now {current})" if read_version else ""
    named = catalogue_action(what).en if what else None
    detail = (f": {who} did '{named}' at {when} UTC{f' ({changes})' if changes else ''}"
              if last else "")
    return ConflictError(
        f"Ticket #{ticket_id} was changed by someone else{detail}{read}. "
        "Nothing was overwritten: reload the ticket and try again.",
        current_version=current, changed_by=who, change=what, ticket_id=ticket_id, at=when,
        fields=fields, code="ticket.conflict_by" if last else "ticket.conflict",
        params={"ticket": ticket_id, "username": who, "action": what, "at": when,
                "changes": f" ({changes})" if changes else "",
                # kept in the audit trail, so the history words the changes too
                "fields": [list(f) for f in fields]} if last else {"ticket": ticket_id},
    )


def _what_changed(event: AuditEvent, names: dict[int, str]) -> tuple[tuple[str, str, str], ...]:
    """(field, before, after) of what the event changed, people by name, at most four."""
    before, after = event.before or {}, event.after or {}

    def shown(key: str, value: object) -> str:
        if key == "assignee_id":
            return names.get(value, "-") if isinstance(value, int) else "-"
        return "-" if value is None else str(value)

    return tuple((key.removesuffix("_id"), shown(key, before.get(key)), shown(key, after[key]))
                 for key in after if before.get(key) != after[key])[:4]


@contextmanager
def unit_of_work(
    ctx: DeskContext, actor: Actor | None, action: str, *, ticket_id: int | None = None,
    subject: str | None = None, read_version: int | None = None,
) -> Iterator[tuple[Session, Actor | None]]:
    try:
        with ctx.db.session() as session:
            fresh = current_actor(session, actor) if actor is not None else None
            yield session, fresh
    except SessionEndedError as err:
        record_refusal(ctx, actor, action, str(err), ticket_id=ticket_id, subject=subject,
                       gone=err.gone, error=err)
        raise
    except PermissionDeniedError as err:
        err.action = err.action or action
        record_refusal(ctx, actor, action, str(err), ticket_id=ticket_id, subject=subject,
                       error=err)
        raise
    except StaleDataError:
        # Two desks passed the version check at the same moment; the database let one win.
        if ticket_id is None:
            raise
        conflict = conflict_for(ctx, ticket_id, read_version)
        record_refusal(ctx, actor, action, str(conflict), ticket_id=ticket_id, error=conflict,
                       outcome="conflict")
        raise conflict from None
    except ConflictError as err:
        record_refusal(ctx, actor, action, str(err), ticket_id=ticket_id, outcome="conflict",
                       error=err)
        raise
