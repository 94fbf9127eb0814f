"""What X costs the town: the meter (per day, stream and kind), the shared monthly budget.

``record`` writes charges inside the caller's transaction (the page that brought them, the
outbox row that sent a reply), so a desk killed at any moment neither loses nor doubles
them: a read whose page was not stored is read again, and X does not charge a resource
twice within one UTC day, nor does the meter (``x_seen``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jun_desk.domain.costs import (
    Budget,
    BudgetState,
    Charge,
    Kind,
    budget_state,
    to_micro,
    utc_day,
)
from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.services.audit import record as audit
from jun_desk.services.audit import record_refusal
from jun_desk.services.context import DeskContext
from jun_desk.store.insert import insert_for
from jun_desk.store.models import XBudget, XSeen, XSpend

SEEN_DAYS = 2  # resources remembered for de-duplication (today and yesterday)


def record(session: Session, ctx: DeskContext, account: str,
           charges: Sequence[Charge]) -> int:
    """Charge what is new today (reads once per resource and UTC day, writes always), in
    the caller's transaction. Returns the micro-dollars charged."""
    if not charges:
        return 0
    prices = ctx.price_table
    reads: dict[tuple[date, str, str], Charge] = {}
    units: dict[tuple[date, str, str], int] = {}
    for c in charges:
        if c.x_id is None:
            key = (c.day, c.stream, c.kind.value)
            units[key] = units.get(key, 0) + 1
        else:
            reads.setdefault((c.day, c.kind.value, c.x_id), c)
    if reads:
        stmt = insert_for(session, XSeen.__table__)
        rows = [{"account": account, "day": d, "kind": k, "x_id": x} for d, k, x in reads]
        new: set[tuple[date, str, str]] = set()
        for at in range(0, len(rows), 500):
            result = session.execute(
                stmt.on_conflict_do_nothing().returning(XSeen.day, XSeen.kind, XSeen.x_id),
                rows[at:at + 500])
            new |= {(d, k, x) for d, k, x in result}
        for key in new:
            c = reads[key]
            skey = (c.day, c.stream, c.kind.value)
            units[skey] = units.get(skey, 0) + 1
    total = 0
    table = XSpend.__table__
    for (day, stream, kind), n in sorted(units.items()):
        micro = prices.micro[Kind(kind)] * n
        total += micro
        stmt = insert_for(session, table).values(account=account, day=day, stream=stream,
                                                 kind=kind, units=n, micro=micro)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["account", "day", "stream", "kind"],
            set_={"units": table.c.units + stmt.excluded.units,
                  "micro": table.c.micro + stmt.excluded.micro}))
    return total


@dataclass(frozen=True)
class SpendRow:
    day: date
    stream: str
    kind: str
    units: int
    micro: int


class CostService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ meter
    def record(self, account: str, charges: Sequence[Charge]) -> int:
        """Charges that belong to no stored page (its own transaction)."""
        if not charges:
            return 0
        with self.ctx.db.session() as session:
            return record(session, self.ctx, account, charges)

    def rows(self, account: str | None, first: date, last: date) -> list[SpendRow]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(XSpend).where(XSpend.day >= first, XSpend.day <= last)
            if account:
                query = query.where(XSpend.account == account)
            return [SpendRow(r.day, r.stream, r.kind, r.units, r.micro)
                    for r in session.scalars(query.order_by(XSpend.day, XSpend.stream,
                                                            XSpend.kind))]

    def per_day(self, account: str | None, first: date, last: date) -> dict[date, int]:
        out: dict[date, int] = {}
        for r in self.rows(account, first, last):
            out[r.day] = out.get(r.day, 0) + r.micro
        return out

    def forget_old(self, account: str) -> None:
        """Drop de-duplication entries of days X no longer de-duplicates against."""
        with self.ctx.db.session() as session:
            oldest = utc_day(self.ctx.clock()) - timedelta(days=SEEN_DAYS - 1)
            session.execute(delete(XSeen).where(XSeen.account == account,
                                                XSeen.day < oldest))

    # ------------------------------------------------------------------ budget
    def budget(self, account: str) -> Budget:
        with self.ctx.db.session(readonly=True) as session:
            row = session.get(XBudget, account)
            if row is None:
                return Budget()
            return Budget(row.monthly_micro, row.daily_alert_micro, row.stop_writes,
                          row.updated_by, row.updated_at)

    def state(self, account: str) -> BudgetState:
        now = self.ctx.clock()
        first = utc_day(now).replace(day=1)
        today = utc_day(now)
        return budget_state(self.budget(account), self.per_day(account, first, today), now)

    def set_budget(self, actor: Actor, account: str, *, monthly: float | str,
                   daily_alert: float | str = 0, stop_writes: bool = False) -> Budget:
        """A supervisor sets the month's X budget and the daily alert level (dollars);
        refused (and audited) for anyone else."""
        try:
            actor.require(Permission.SET_X_BUDGET)
        except PermissionDeniedError as err:
            record_refusal(self.ctx, actor, "x_budget.set", str(err), subject=account,
                           error=err)
            raise
        try:
            monthly_micro, alert_micro = to_micro(monthly), to_micro(daily_alert)
        except (TypeError, ValueError):
            raise ValidationError.of("budget.not_amount", monthly=monthly,
                                     daily=daily_alert) from None
        if monthly_micro and alert_micro > monthly_micro:
            raise ValidationError.of("budget.alert_above")
        with self.ctx.db.session() as session:
            row = session.get(XBudget, account, with_for_update=True)
            before = None
            if row is None:
                row = XBudget(account=account)
                session.add(row)
            else:
                before = {"monthly": row.monthly_micro / 1e6,
                          "daily_alert": row.daily_alert_micro / 1e6,
                          "stop_writes": row.stop_writes}
            row.monthly_micro, row.daily_alert_micro = monthly_micro, alert_micro
            row.stop_writes = bool(stop_writes)
            row.updated_by, row.updated_at = actor.username, self.ctx.clock()
            audit(session, self.ctx, actor, "x_budget.set", subject=account, before=before,
                  after={"monthly": monthly_micro / 1e6, "daily_alert": alert_micro / 1e6,
                         "stop_writes": bool(stop_writes)})
        return self.budget(account)
