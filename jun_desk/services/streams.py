"""Staff accounts and watched searches (issue 27): kept by supervisors, read as streams.

The X side (``x/watch.py``) resolves a handle to its user id and tries a search before
anything is saved; this service only stores what X accepted, checks the permission and
audits every change in its transaction. A refused or failed change stores nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select

from jun_desk.domain.costs import Kind as CostKind
from jun_desk.domain.costs import PriceTable
from jun_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from jun_desk.domain.items import Stream, StreamKind, XUser
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.streams import (
    Expected,
    StaffMember,
    StreamNames,
    StreamSpend,
    Watched,
    WatchedStream,
    clean_handle,
    clean_query,
    expected_monthly,
)
from jun_desk.services.audit import record, record_refusal
from jun_desk.services.context import DeskContext
from jun_desk.store.models import StaffAccount, TicketItem, WatchedSearch, XSpend


def _staff(row: StaffAccount) -> StaffMember:
    return StaffMember(row.id, row.handle, row.x_user_id, row.name, row.department, row.role,
                       row.active, row.pause_rank, row.updated_at)


def _watched(row: WatchedSearch) -> Watched:
    return Watched(row.id, row.query, row.label, row.active, row.pause_rank, row.created_at)


class StreamsService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading
    def staff(self, *, include_inactive: bool = False) -> list[StaffMember]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(StaffAccount).order_by(StaffAccount.department,
                                                  StaffAccount.handle)
            if not include_inactive:
                query = query.where(StaffAccount.active.is_(True))
            return [_staff(r) for r in session.scalars(query)]

    def searches(self, *, include_inactive: bool = False) -> list[Watched]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(WatchedSearch).order_by(WatchedSearch.id)
            if not include_inactive:
                query = query.where(WatchedSearch.active.is_(True))
            return [_watched(r) for r in session.scalars(query)]

    def watched(self) -> list[WatchedStream]:
        """Every active stream besides the town's own two, as the poller reads them."""
        out: list[WatchedStream] = []
        for member in self.staff():
            for stream in member.streams:
                out.append(WatchedStream(stream, member.pause_rank, member.x_user_id,
                                         member.department, member.handle, member.since))
        for search in self.searches():
            out.append(WatchedStream(search.stream, search.pause_rank, search.query,
                                     since=search.since))
        return out

    def names(self) -> StreamNames:
        """The handles and queries the stored stream names stand for, removed ones too."""
        with self.ctx.db.session(readonly=True) as session:
            staff = {str(x_id): str(handle) for x_id, handle in session.execute(
                select(StaffAccount.x_user_id, StaffAccount.handle))}
            searches = {str(n): str(query) for n, query in session.execute(
                select(WatchedSearch.id, WatchedSearch.query))}
        return StreamNames(staff, searches)

    def staff_ids(self) -> set[str]:
        """Every staff account ever added (a removed one's posts are still not tickets)."""
        with self.ctx.db.session(readonly=True) as session:
            return set(session.scalars(select(StaffAccount.x_user_id)))

    def volume(self, stream: Stream, days: int = 7) -> int:
        """Posts the stream brought in the last ``days`` days."""
        since = self.ctx.clock() - timedelta(days=days)
        with self.ctx.db.session(readonly=True) as session:
            return int(session.scalar(select(func.count(TicketItem.id)).where(
                TicketItem.via == stream.value, TicketItem.ingested_at >= since)) or 0)

    def expected(self, prices: PriceTable, posts: int | None = None,
                 days: float = 7.0) -> Expected:
        """What a stream is expected to cost a month: from ``posts`` seen over ``days``
        (last week's volume, or a probe's) where known, else the stated default."""
        return expected_monthly(posts, days, prices.price(CostKind.POST),
                                prices.price(CostKind.USER))

    def volumes(self, days: int = 7) -> Counter[str]:
        since = self.ctx.clock() - timedelta(days=days)
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(select(TicketItem.via, func.count(TicketItem.id))
                                   .where(TicketItem.via.is_not(None),
                                          TicketItem.ingested_at >= since)
                                   .group_by(TicketItem.via)).all()
        return Counter({str(via): int(n) for via, n in rows})

    def spend(self, account: str, first: date, last: date) -> list[StreamSpend]:
        """What each stream cost from ``first`` to ``last`` (UTC days), largest first; the
        town's mentions and DMs first of all."""
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(select(XSpend.stream, func.sum(XSpend.micro))
                                   .where(XSpend.account == account, XSpend.day >= first,
                                          XSpend.day <= last)
                                   .group_by(XSpend.stream)).all()
            handles = {x: h for x, h in session.execute(
                select(StaffAccount.x_user_id, StaffAccount.handle))}
            queries = {str(i): q for i, q in session.execute(
                select(WatchedSearch.id, WatchedSearch.query))}
        lines: dict[tuple[str, str], int] = {}
        for name, micro in rows:
            kind, _, key = str(name).partition(":")
            if kind in ("mentions", "dms"):
                line = (kind, "")
            elif kind in (StreamKind.STAFF.value, StreamKind.STAFF_POSTS.value):
                line = ("staff", handles.get(key, key))
            elif kind == StreamKind.SEARCH.value:
                line = ("search", queries.get(key, key))
            else:
                line = ("other", "")
            lines[line] = lines.get(line, 0) + int(micro or 0)
        order = {"mentions": 0, "dms": 1, "other": 3}
        return [StreamSpend(k, n, m) for (k, n), m in sorted(
            lines.items(), key=lambda e: (order.get(e[0][0], 2), -e[1], e[0][1]))]

    # ------------------------------------------------------------------ staff
    def add_staff(self, actor: Actor, user: XUser, department: str, role: str = "", *,
                  town_id: str | None = None, pause_rank: int = 100) -> StaffMember:
        """A staff account X knows (``user``, resolved by its handle); its department is
        the catalogue's. Adding one removed before makes it active again."""
        self._require(actor, "staff.add", f"staff:@{user.handle}")
        self.ctx.rules.catalogue.get(department)
        if town_id is not None and user.x_id == town_id:
            raise ValidationError.of("staff.town_account", handle=user.handle)
        now = self.ctx.clock()
        with self.ctx.db.session() as session:
            row = session.scalar(select(StaffAccount).where(
                StaffAccount.x_user_id == user.x_id).with_for_update())
            before = None
            if row is None:
                row = StaffAccount(x_user_id=user.x_id, created_at=now,
                                   added_by_id=actor.operator_id)
                session.add(row)
            else:
                before = {"handle": row.handle, "department": row.department,
                          "role": row.role, "active": row.active}
            row.handle, row.name = user.handle, user.name[:200]
            row.department, row.role = department, role.strip()[:100]
            row.active, row.pause_rank, row.updated_at = True, pause_rank, now
            session.flush()
            record(session, self.ctx, actor, "staff.add", subject=f"staff:@{user.handle}",
                   before=before,
                   after={"handle": user.handle, "x_user_id": user.x_id,
                          "department": department, "role": row.role, "active": True})
            return _staff(row)

    def remove_staff(self, actor: Actor, handle: str) -> StaffMember:
        name = clean_handle(handle)
        self._require(actor, "staff.remove", f"staff:@{name}")
        with self.ctx.db.session() as session:
            row = session.scalar(select(StaffAccount).where(
                func.lower(StaffAccount.handle) == name.lower(),
                StaffAccount.active.is_(True)).with_for_update())
            if row is None:
                raise NotFoundError.of("staff.not_found", handle=name)
            row.active, row.updated_at = False, self.ctx.clock()
            record(session, self.ctx, actor, "staff.remove", subject=f"staff:@{row.handle}",
                   before={"active": True}, after={"active": False,
                                                   "department": row.department})
            return _staff(row)

    # ------------------------------------------------------------------ searches
    def add_search(self, actor: Actor, query: str, label: str = "", *,
                   pause_rank: int = 50) -> Watched:
        """A search X accepted (tried by the X side first). Searches pause before staff
        accounts by default (rank 50 against 100). The same search twice is one."""
        text = clean_query(query)
        self._require(actor, "search.add", f"search:{text[:60]}")
        now = self.ctx.clock()
        with self.ctx.db.session() as session:
            same = session.scalar(select(WatchedSearch).where(
                WatchedSearch.query == text, WatchedSearch.active.is_(True)))
            if same is not None:  # watched already: one stream, read (and billed) once
                return _watched(same)
            row = WatchedSearch(query=text, label=(label.strip() or text)[:200], active=True,
                                pause_rank=pause_rank, added_by_id=actor.operator_id,
                                created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            record(session, self.ctx, actor, "search.add", subject=f"search:{row.id}",
                   after={"query": text, "label": row.label})
            return _watched(row)

    def remove_search(self, actor: Actor, search_id: int) -> Watched:
        self._require(actor, "search.remove", f"search:{search_id}")
        with self.ctx.db.session() as session:
            row = session.get(WatchedSearch, search_id, with_for_update=True)
            if row is None or not row.active:
                raise NotFoundError.of("search.not_found", search=search_id)
            row.active, row.updated_at = False, self.ctx.clock()
            record(session, self.ctx, actor, "search.remove", subject=f"search:{row.id}",
                   before={"active": True}, after={"active": False, "query": row.query})
            return _watched(row)

    # ------------------------------------------------------------------ pause order
    def set_pause_rank(self, actor: Actor, stream: Stream, rank: int) -> None:
        """The supervisor's pause order: lower ranks pause first when the budget runs
        short (the town's own mentions and DMs always last)."""
        self._require(actor, "streams.pause_order", stream.value)
        with self.ctx.db.session() as session:
            row: StaffAccount | WatchedSearch | None
            if stream.kind is StreamKind.SEARCH:
                row = session.get(WatchedSearch, int(stream.key))
            elif stream.kind in (StreamKind.STAFF, StreamKind.STAFF_POSTS):
                row = session.scalar(select(StaffAccount).where(
                    StaffAccount.x_user_id == stream.key))
            else:
                row = None
            if row is None:
                raise ValidationError.of("streams.unknown", value=stream.value,
                                         streams=[w.stream.value for w in self.watched()])
            before = row.pause_rank
            row.pause_rank = rank
            record(session, self.ctx, actor, "streams.pause_order", subject=stream.value,
                   before={"pause_rank": before}, after={"pause_rank": rank})

    def _require(self, actor: Actor, action: str, subject: str) -> None:
        try:
            actor.require(Permission.MANAGE_STREAMS)
        except PermissionDeniedError as err:
            err.action = err.action or action
            record_refusal(self.ctx, actor, action, str(err), subject=subject, error=err)
            raise
