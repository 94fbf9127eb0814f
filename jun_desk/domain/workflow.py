"""Ticket statuses, priorities and the moves the workflow allows."""

from __future__ import annotations

from enum import StrEnum

from jun_desk.domain.errors import InvalidTransitionError


class Status(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    WAITING_CITIZEN = "waiting_citizen"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (Status.RESOLVED, Status.CLOSED)

    @property
    def needs_assignee(self) -> bool:
        return self in (Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING_CITIZEN)


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


OPEN_STATUSES = frozenset(s for s in Status if s.is_open)

_S = Status
ALLOWED_MOVES: dict[Status, frozenset[Status]] = {
    _S.NEW: frozenset({_S.ASSIGNED, _S.IN_PROGRESS, _S.RESOLVED, _S.CLOSED}),
    _S.ASSIGNED: frozenset({_S.NEW, _S.IN_PROGRESS, _S.WAITING_CITIZEN, _S.RESOLVED}),
    _S.IN_PROGRESS: frozenset({_S.ASSIGNED, _S.WAITING_CITIZEN, _S.RESOLVED}),
    _S.WAITING_CITIZEN: frozenset({_S.IN_PROGRESS, _S.RESOLVED}),
    # Leaving resolved or closed is a reopen.
    _S.RESOLVED: frozenset({_S.CLOSED, _S.NEW, _S.ASSIGNED, _S.IN_PROGRESS}),
    _S.CLOSED: frozenset({_S.NEW, _S.ASSIGNED, _S.IN_PROGRESS}),
}


def parse_status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise InvalidTransitionError.of("status.unknown", value=value,
                                        statuses=[s.value for s in Status]) from None


def parse_priority(value: str) -> Priority:
    try:
        return Priority(value)
    except ValueError:
        raise InvalidTransitionError.of("priority.unknown", value=value,
                                        priorities=[p.value for p in Priority]) from None


def is_reopen(current: Status, target: Status) -> bool:
    return not current.is_open and target.is_open


def check_move(current: Status, target: Status, *, has_assignee: bool) -> None:
    """Raise InvalidTransitionError with the reason if ``current → target`` is not allowed."""
    if current == target:
        raise InvalidTransitionError.of("move.same", status=current.value)
    if target not in ALLOWED_MOVES[current]:
        raise InvalidTransitionError.of(
            "move.refused", status=current.value, target=target.value,
            statuses=sorted(s.value for s in ALLOWED_MOVES[current]))
    if target.needs_assignee and not has_assignee:
        raise InvalidTransitionError.of("move.needs_assignee", target=target.value)


def reopen_target(has_assignee: bool) -> Status:
    return Status.ASSIGNED if has_assignee else Status.NEW
