"""The quarantine: items X sent that the desk could not read whole.

The sync engine puts them here (with the raw JSON and the reason) instead of refusing the
page; operators see the list, ask for a retry (the next poll reads the item again from X)
or dismiss it. Every change is audited; nothing leaves the list silently.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from sqlalchemy import func, select

from jun_desk.domain.errors import NotFoundError, ValidationError
from jun_desk.domain.quarantine import QuarantineStatus, QuarantineView
from jun_desk.domain.roles import Actor, Permission
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import Operator, QuarantinedItem

PENDING = [QuarantineStatus.OPEN.value, QuarantineStatus.RETRY.value]


def _view(row: QuarantinedItem, closed_by: str | None) -> QuarantineView:
    return QuarantineView(
        id=row.id, account=row.account, stream=row.stream, x_id=row.x_id, reason=row.reason,
        status=QuarantineStatus(row.status), attempts=row.attempts, first_seen=row.first_seen,
        last_seen=row.last_seen, raw=row.raw, closed_by=closed_by, closed_at=row.closed_at,
    )


class QuarantineService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading
    def list(self, *, pending_only: bool = True, limit: int = 500) -> list[QuarantineView]:
        """Newest first; by default only what still waits (open or to be retried)."""
        with self.ctx.db.session(readonly=True) as session:
            query = (select(QuarantinedItem, Operator.username)
                     .outerjoin(Operator, Operator.id == QuarantinedItem.closed_by_id)
                     .order_by(QuarantinedItem.last_seen.desc(), QuarantinedItem.id.desc())
                     .limit(limit))
            if pending_only:
                query = query.where(QuarantinedItem.status.in_(PENDING))
            return [_view(row, name) for row, name in session.execute(query).all()]

    def count_pending(self) -> int:
        with self.ctx.db.session(readonly=True) as session:
            return int(session.scalar(select(func.count()).select_from(QuarantinedItem)
                                      .where(QuarantinedItem.status.in_(PENDING))) or 0)

    def due(self, account: str, limit: int = 100) -> builtins.list[QuarantineView]:
        """What the next poll should read again from X (the sync engine asks)."""
        with self.ctx.db.session(readonly=True) as session:
            rows = session.scalars(
                select(QuarantinedItem)
                .where(QuarantinedItem.account == account,
                       QuarantinedItem.status == QuarantineStatus.RETRY.value)
                .order_by(QuarantinedItem.id).limit(limit))
            return [_view(r, None) for r in rows]

    # ---------------------------------------------------------------- changing
    def retry(self, actor: Actor, ids: Sequence[int]) -> int:
        """Ask the next poll to read these items again from X. Returns how many."""
        return self._change(actor, ids, "quarantine.retry", QuarantineStatus.RETRY)

    def dismiss(self, actor: Actor, ids: Sequence[int]) -> int:
        """An operator decides these items are not worth keeping (audited, with who)."""
        return self._change(actor, ids, "quarantine.dismiss", QuarantineStatus.DISMISSED)

    def _change(self, actor: Actor, ids: Sequence[int], action: str,
                target: QuarantineStatus) -> int:
        wanted = sorted(set(ids))
        if not wanted:
            raise ValidationError.of("quarantine.none_chosen")
        subject = f"quarantine:{','.join(map(str, wanted))}"[:80]
        with unit_of_work(self.ctx, actor, action, subject=subject) as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            rows = {r.id: r for r in session.scalars(
                select(QuarantinedItem).where(QuarantinedItem.id.in_(wanted)))}
            missing = [i for i in wanted if i not in rows]
            if missing:
                raise NotFoundError.of("quarantine.not_found", items=missing)
            now = self.ctx.clock()
            changed = 0
            for item_id in wanted:
                row = rows[item_id]
                if not QuarantineStatus(row.status).pending or row.status == target.value:
                    continue
                before = {"status": row.status}
                row.status = target.value
                if target is QuarantineStatus.DISMISSED:
                    row.closed_by_id, row.closed_at = fresh.operator_id, now
                record(session, self.ctx, fresh, action, subject=f"quarantine:{row.id}",
                       before=before, after={"status": row.status, "x_id": row.x_id,
                                             "stream": row.stream})
                changed += 1
            return changed
