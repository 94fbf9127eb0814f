"""What other desks changed, as it happens: the audit trail is the change stream.

Every state change writes an audit event (services), so "what changed" is "which audit
events appeared". PostgreSQL announces them itself (NOTIFY from a trigger); on SQLite the
stream wakes when ``data_version`` moves and reads the new events. After a lost
connection the stream cannot know what it missed and asks for a full refresh (resync).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from jun_desk.domain.actions import Changes, Event, Kind
from jun_desk.domain.errors import StorageError
from jun_desk.services.context import DeskContext
from jun_desk.store.models import AuditEvent
from jun_desk.store.notify import ChangeWaiter, Notice, open_waiter

MAX_CATCH_UP = 2_000  # more events than this at once: refresh everything instead


@dataclass(frozen=True)
class ChangeBatch:
    """What the stream read at once; ``changes`` says it in the catalogue's terms (what
    kinds of things changed, which tickets), as an operation of this desk says its own."""

    notices: tuple[Notice, ...] = ()
    resync: bool = False  # what changed is unknown: refresh everything shown

    @property
    def changes(self) -> Changes:
        if self.resync:
            return Changes.all()
        return Changes(tuple(Event(n.event_id, n.action, n.ticket_id) for n in self.notices))

    @property
    def tickets(self) -> frozenset[int]:
        return frozenset(n.ticket_id for n in self.notices if n.ticket_id is not None)

    @property
    def feed(self) -> bool:
        return self.changes.touches(Kind.FEED)

    @property
    def dms(self) -> bool:
        return self.changes.touches(Kind.CONVERSATION)

    @property
    def outbox(self) -> bool:
        return self.changes.touches(Kind.OUTBOX)

    @property
    def quarantine(self) -> bool:
        return self.changes.touches(Kind.QUARANTINE)

    @property
    def operators(self) -> bool:
        return self.changes.touches(Kind.OPERATOR)

    def merged(self, other: ChangeBatch) -> ChangeBatch:
        return ChangeBatch(self.notices + other.notices, self.resync or other.resync)


class ChangeService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def latest_event_id(self) -> int:
        with self.ctx.db.session(readonly=True) as session:
            return int(session.scalar(select(func.max(AuditEvent.id))) or 0)

    def events_after(self, event_id: int, limit: int = MAX_CATCH_UP) -> list[Notice]:
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(
                select(AuditEvent.id, AuditEvent.ticket_id, AuditEvent.action,
                       AuditEvent.actor_name, AuditEvent.outcome)
                .where(AuditEvent.id > event_id).order_by(AuditEvent.id).limit(limit)
            ).all()
        # Refusals are kept in the list only to move past them: they changed nothing.
        return [Notice(r.id, r.ticket_id, r.action if r.outcome == "ok" else "",
                       r.actor_name) for r in rows]

    def stream(self, waiter_factory: Callable[[Engine], ChangeWaiter] = open_waiter
               ) -> ChangeStream:
        return ChangeStream(self, waiter_factory)


class ChangeStream:
    """Blocking reads of change batches, for one listener thread."""

    def __init__(self, service: ChangeService,
                 waiter_factory: Callable[[Engine], ChangeWaiter]) -> None:
        self._service = service
        self._factory = waiter_factory
        self._waiter: ChangeWaiter | None = None
        self._last_id: int | None = None

    def next(self, timeout: float) -> ChangeBatch | None:
        """The next batch of changes, or None after ``timeout`` seconds of quiet.
        Raises StorageError when the database cannot be reached (call again to retry)."""
        if self._waiter is None:
            reconnecting = self._last_id is not None
            waiter = self._factory(self._service.ctx.db.engine)
            try:
                self._last_id = self._service.latest_event_id()
            except StorageError:
                waiter.close()
                raise
            self._waiter = waiter
            if reconnecting:
                return ChangeBatch(resync=True)
        try:
            got = self._waiter.wait(timeout)
            if got is None:
                return None
            if not got:  # SQLite: something was committed; the audit trail says what
                got = self._service.events_after(self._last_id or 0)
                if len(got) >= MAX_CATCH_UP:
                    self._last_id = self._service.latest_event_id()
                    return ChangeBatch(resync=True)
        except StorageError:
            self.close()
            raise
        if got:
            self._last_id = max(self._last_id or 0, max(n.event_id for n in got))
        notices = tuple(n for n in got if n.action)
        return ChangeBatch(notices) if notices else None

    def close(self) -> None:
        if self._waiter is not None:
            self._waiter.close()
            self._waiter = None
