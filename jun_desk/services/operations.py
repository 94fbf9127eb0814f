"""Operations and what they changed (as Anki's ``CollectionOp`` and ``OpChanges``).

Every state change writes an audit event (``services.audit.record``), so what an operation
changed is the audit events it committed. ``perform(work)`` runs a service call and returns
its result with those events as ``Changes`` (kinds and ticket ids from the action
catalogue): the window hands them to every view once, exactly as it hands on what another
desk committed, read from the change stream — the same events, so the same refresh.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import inspect

from jun_desk.domain.actions import Changes, Event

T = TypeVar("T")

_local = threading.local()


def _stack() -> list[list[Any]]:
    stack: list[list[Any]] | None = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def written(event: Any) -> None:
    """Called by ``audit.record`` for each event it adds (an ``AuditEvent`` row): the
    operations running on this thread will report it once it is committed."""
    for collected in _stack():
        collected.append(event)


@contextmanager
def collecting() -> Iterator[list[Any]]:
    """The audit rows written on this thread inside the block (committed or not)."""
    collected: list[Any] = []
    stack = _stack()
    stack.append(collected)
    try:
        yield collected
    finally:
        stack.remove(collected)


def committed(rows: list[Any]) -> Changes:
    """The committed, successful ones among ``rows``, as Changes (a rolled-back row has no
    identity; refusals changed nothing)."""
    events = []
    for row in rows:
        state = inspect(row)
        if row.outcome != "ok" or not state.has_identity or state.identity is None:
            continue
        if state.pending or state.transient:
            continue
        events.append(Event(int(state.identity[0]), row.action, row.ticket_id))
    return Changes(tuple(events))


def perform(work: Callable[[], T]) -> tuple[T, Changes]:
    """``work()`` and what it changed. A failure propagates, carrying what was committed
    before it (``changes_of(err)``: a sync that stored a page, then lost the network); a
    refusal is in the audit trail but changed nothing."""
    with collecting() as rows:
        try:
            result = work()
        except Exception as err:
            err.jun_changes = committed(rows)  # type: ignore[attr-defined]  # read by changes_of
            raise
    return result, committed(rows)


def changes_of(err: BaseException) -> Changes:
    """What an operation committed before it failed (nothing, for most failures)."""
    found = getattr(err, "jun_changes", None)
    return found if isinstance(found, Changes) else Changes()
