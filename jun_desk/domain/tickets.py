"""Read-only snapshots of tickets and their history, handed from services to the UI/CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jun_desk.domain.workflow import Priority, Status

# How ingest words the department of a staff account's mention (a triage reason, kept in
# Spanish as triage's own; domain.triage.reason_in says it in English). Only words: the
# employee it was for is read from the stream that brought it (``ItemView.via``).
STAFF_REASON = "mención del personal: @"

@dataclass(frozen=True, slots=True)
class TicketView:
    id: int
    department: str
    status: Status
    priority: Priority
    title: str
    citizen_id: int | None
    citizen_handle: str | None
    citizen_name: str | None
    citizen_verified_resident: bool
    assignee_id: int | None
    assignee_name: str | None
    item_count: int
    personal_data: tuple[str, ...]
    triage_reason: str | None
    merged_into_id: int | None
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    version: int
    # Kept whole past retention and erasure (a supervisor's flag, with the law or case why).
    legal_hold: bool = False
    legal_hold_reason: str | None = None
    media_count: int = 0  # photos, videos and GIFs of its messages (the card's badge)

    # The employee a ticket made of a staff account's mention is for (issue 27): the
    # handle of the account whose stream brought it (its messages' ``via``), not its words.
    for_staff: str | None = None


@dataclass(frozen=True, slots=True)
class AuditView:
    id: int
    at: datetime
    actor_name: str
    action: str
    outcome: str
    ticket_id: int | None
    subject: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    message: str | None


@dataclass(frozen=True, slots=True)
class NoteView:
    id: int
    ticket_id: int
    author_name: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ItemView:
    id: int
    x_id: str
    kind: str
    ticket_id: int | None
    author_handle: str | None
    text: str
    created_at: datetime
    suggested_department: str | None
    triage_reason: str | None
    personal_data: tuple[str, ...]
    handled: bool
    author_name: str = ""
    author_verified_resident: bool = False
    author_x_id: str = ""
    media_count: int = 0
    conversation_id: str | None = None
    suggested_priority: str | None = None
    # An edited tweet: the texts of its earlier versions, oldest first (``text`` is the newest).
    earlier_versions: tuple[str, ...] = ()
    # The stream that brought it when not the town's own mentions or DMs (issue 27):
    # ``staff:<id>`` or ``search:<id>``; ``for_staff``: the employee's handle it was for.
    via: str | None = None
    for_staff: str | None = None

    @property
    def found_by_search(self) -> bool:
        return bool(self.via and self.via.startswith("search:"))
