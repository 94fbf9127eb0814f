"""One poller per X account among all the desks on a database: a lease row with expiry.

The holder renews the lease well before it runs out (every poll, and a heartbeat in
between); a desk that dies stops renewing, so another desk takes over when the lease
expires. Every page the holder stores re-checks the lease in the same transaction (a
fence): a desk that was cut off and lost its lease cannot store anything afterwards.
Unique X ids stay the last line of defence.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jun_desk.domain.errors import LeaseLostError, ValidationError
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.store.insert import insert_for, rowcount
from jun_desk.store.models import SyncLease


def lease_timing(interval: float) -> tuple[timedelta, float]:
    """(lease duration, heartbeat) for a poll interval: a dead holder's lease runs out and a
    standby desk notices within one interval (2/3 + 2/9 of it)."""
    ttl = max(interval * 2 / 3, 1.0)
    return timedelta(seconds=ttl), ttl / 3


@dataclass(frozen=True)
class PollerLease:
    """Who this desk is when it asks for the lease, and for how long a grant lasts."""

    holder: str  # unique per running desk
    label: str  # what other desks show: "ana @ PC-ATENCION-2"
    ttl: timedelta

    @classmethod
    def for_this_desk(cls, who: str, ttl: timedelta) -> PollerLease:
        if ttl <= timedelta(0):
            raise ValidationError.of("lease.too_short")
        holder = f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        return cls(holder, f"{who} @ {socket.gethostname()}"[:200], ttl)


@dataclass(frozen=True)
class LeaseState:
    account: str
    held: bool  # by the desk that asked
    holder_label: str | None  # who polls now (None: nobody)
    expires_at: datetime | None


def _running(row: SyncLease, now: datetime) -> bool:
    """Somebody holds the lease and it has not run out."""
    return row.holder is not None and row.expires_at is not None and row.expires_at > now


class LeaseService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def acquire(self, account: str, lease: PollerLease) -> LeaseState:
        """Renew the lease if this desk holds it, take it if it is free or expired, else
        say who holds it. A change of holder is audited (and so announced to the desks)."""
        now = self.ctx.clock()
        with self.ctx.db.session() as session:
            row = self._locked_row(session, account)
            if row.holder != lease.holder and _running(row, now):
                return LeaseState(account, False, row.holder_label, row.expires_at)
            if row.holder != lease.holder:
                record(session, self.ctx, None, "poller.take", subject=f"account:{account}",
                       before={"holder": row.holder_label,
                               "expired": row.expires_at.isoformat() if row.expires_at
                               else None},
                       after={"holder": lease.label})
                row.holder, row.holder_label, row.acquired_at = lease.holder, lease.label, now
            row.expires_at = now + lease.ttl
            return LeaseState(account, True, lease.label, row.expires_at)

    def release(self, account: str, lease: PollerLease) -> None:
        """On a clean exit: another desk may take over at once instead of waiting."""
        with self.ctx.db.session() as session:
            row = session.get(SyncLease, account)
            if row is None or row.holder != lease.holder:
                return
            record(session, self.ctx, None, "poller.release", subject=f"account:{account}",
                   before={"holder": row.holder_label}, after={"holder": None})
            row.holder, row.holder_label, row.expires_at = None, None, None

    def current(self, account: str) -> LeaseState:
        with self.ctx.db.session(readonly=True) as session:
            row = session.get(SyncLease, account)
        if row is None or not _running(row, self.ctx.clock()):
            return LeaseState(account, False, None, None)
        return LeaseState(account, False, row.holder_label, row.expires_at)

    def fence(self, session: Session, account: str, lease: PollerLease) -> None:
        """Inside a storing transaction: renew, or refuse if the lease was lost."""
        now = self.ctx.clock()
        renewed = rowcount(session.execute(
            update(SyncLease)
            .where(SyncLease.account == account, SyncLease.holder == lease.holder,
                   SyncLease.expires_at > now)
            .values(expires_at=now + lease.ttl)
        ))
        if not renewed:
            raise LeaseLostError.of("lease.lost", account=account)

    @staticmethod
    def _locked_row(session: Session, account: str) -> SyncLease:
        session.execute(insert_for(session, SyncLease.__table__)
                        .values(account=account).on_conflict_do_nothing())
        # PostgreSQL: row lock until commit; SQLite: the writer lock of BEGIN IMMEDIATE.
        return session.scalars(select(SyncLease).where(SyncLease.account == account)
                               .with_for_update()).one()
