"""Items X sent that the desk could not read whole, as the services show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class QuarantineStatus(StrEnum):
    OPEN = "open"  # waiting for an operator: retry or dismiss
    RETRY = "retry"  # the next poll reads it again from X
    STORED = "stored"  # read whole later: it is in the feed now
    DISMISSED = "dismissed"  # an operator decided it is not worth keeping

    @property
    def pending(self) -> bool:
        return self in (QuarantineStatus.OPEN, QuarantineStatus.RETRY)


@dataclass(frozen=True, slots=True)
class QuarantineView:
    id: int
    account: str
    stream: str  # mentions | dms
    x_id: str | None
    reason: str
    status: QuarantineStatus
    attempts: int
    first_seen: datetime
    last_seen: datetime
    raw: object  # the JSON as X sent it (untrusted: escape before showing as rich text)
    closed_by: str | None = None
    closed_at: datetime | None = None
