"""Finding tickets and feed items: filters by status, department, person and text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from jun_desk.domain.text import clean_text
from jun_desk.domain.tickets import ItemView, TicketView
from jun_desk.domain.workflow import Status, parse_status
from jun_desk.services.context import DeskContext
from jun_desk.services.tickets import item_view, staff_for, ticket_view
from jun_desk.store.models import Citizen, Ticket, TicketItem

MAX_QUERY = 200


@dataclass(frozen=True)
class TicketFilter:
    statuses: Sequence[str] = ()
    departments: Sequence[str] = ()
    assignee_id: int | None = None
    unassigned: bool = False
    text: str = ""  # words in the title, the messages or the citizen's handle
    created_from: datetime | None = None
    created_to: datetime | None = None
    include_merged: bool = False
    ids: Sequence[int] = ()  # only these tickets (live refresh: the ones that changed)
    citizen_id: int | None = None  # one citizen's tickets (the citizen panel)
    limit: int | None = 500
    offset: int = 0
    order: str = field(default="newest")  # newest | oldest | urgent_oldest | updated


class SearchService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def _query(self, flt: TicketFilter) -> Select[Ticket]:
        query = select(Ticket)
        if flt.ids:
            query = query.where(Ticket.id.in_(list(flt.ids)))
        if flt.statuses:
            query = query.where(Ticket.status.in_([parse_status(s).value for s in flt.statuses]))
        if flt.departments:
            codes = [self.ctx.catalogue.get(d).code for d in flt.departments]
            query = query.where(Ticket.department.in_(codes))
        if flt.assignee_id is not None:
            query = query.where(Ticket.assignee_id == flt.assignee_id)
        if flt.citizen_id is not None:
            query = query.where(Ticket.citizen_id == flt.citizen_id)
        if flt.unassigned:
            query = query.where(Ticket.assignee_id.is_(None))
        if flt.created_from is not None:
            query = query.where(Ticket.created_at >= flt.created_from)
        if flt.created_to is not None:
            query = query.where(Ticket.created_at < flt.created_to)
        if not flt.include_merged:
            query = query.where(Ticket.merged_into_id.is_(None))
        # Pasted text may hold NULs or lone surrogates: the driver would refuse them.
        for word in clean_text(flt.text, MAX_QUERY * 10).split()[:10]:
            # Bound parameters with LIKE wildcards escaped: '%', '_' and quotes are literal.
            needle = word[:MAX_QUERY].lower()
            in_items = exists().where(TicketItem.ticket_id == Ticket.id,
                                      func.lower(TicketItem.text).contains(needle,
                                                                           autoescape=True))
            in_citizen = exists().where(Citizen.id == Ticket.citizen_id,
                                        func.lower(Citizen.handle).contains(
                                            needle.lstrip("@"), autoescape=True))
            query = query.where(or_(func.lower(Ticket.title).contains(needle, autoescape=True),
                                    in_items, in_citizen))
        return query

    def tickets(self, flt: TicketFilter | None = None) -> list[TicketView]:
        with self.ctx.db.session(readonly=True) as session:
            return self._tickets(session, flt or TicketFilter())

    def board(self, flt: TicketFilter, limit: int) -> tuple[dict[Status, list[TicketView]],
                                                          dict[Status, int]]:
        """The first page of every board column and the column counts, read in one
        transaction (one worker, one snapshot): open columns oldest first, closed ones by
        latest change."""
        with self.ctx.db.session(readonly=True) as session:
            pages = {status: self._tickets(session, replace(
                flt, statuses=[status.value], offset=0, limit=limit,
                order="urgent_oldest" if status.is_open else "updated")) for status in Status}
            return pages, self._counts_by_status(session, replace(flt, limit=None))

    def _tickets(self, session: Session, flt: TicketFilter) -> list[TicketView]:
        query = self._query(flt)
        order = {
            "newest": (Ticket.created_at.desc(), Ticket.id.desc()),
            "oldest": (Ticket.created_at.asc(), Ticket.id.asc()),
            # The board's open columns: urgent tickets first, then the oldest.
            "urgent_oldest": (case((Ticket.priority == "urgent", 0), else_=1),
                              Ticket.created_at.asc(), Ticket.id.asc()),
            "updated": (Ticket.updated_at.desc(), Ticket.id.desc()),
        }[flt.order]
        query = query.order_by(*order).offset(flt.offset)
        if flt.limit is not None:
            query = query.limit(flt.limit)
        rows = list(session.scalars(query).unique())
        now = self.ctx.clock()
        staff = staff_for(session, [r.id for r in rows])
        return [ticket_view(r, c, now, m, staff.get(r.id))
                for r, (c, m) in zip(rows, self._counts(session, rows), strict=True)]

    def count(self, flt: TicketFilter | None = None) -> int:
        flt = flt or TicketFilter()
        query = select(func.count()).select_from(self._query(flt).subquery())
        with self.ctx.db.session(readonly=True) as session:
            return int(session.scalar(query) or 0)

    def counts_by_status(self, flt: TicketFilter | None = None) -> dict[Status, int]:
        with self.ctx.db.session(readonly=True) as session:
            return self._counts_by_status(session, flt or TicketFilter())

    def _counts_by_status(self, session: Session, flt: TicketFilter) -> dict[Status, int]:
        sub = self._query(flt).subquery()
        query = select(sub.c.status, func.count()).group_by(sub.c.status)
        found: dict[str, int] = {row[0]: row[1] for row in session.execute(query)}
        return {s: int(found.get(s.value, 0)) for s in Status}

    @staticmethod
    def _counts(session: Session, rows: list[Ticket]) -> list[tuple[int, int]]:
        """Each ticket's messages and their attachments, in one query."""
        if not rows:
            return []
        found = {ticket_id: (int(items), int(media or 0)) for ticket_id, items, media in
                 session.execute(
            select(TicketItem.ticket_id, func.count(), func.sum(TicketItem.media_count)).where(
                TicketItem.ticket_id.in_([r.id for r in rows])
            ).group_by(TicketItem.ticket_id)
        ).all()}
        return [found.get(r.id, (0, 0)) for r in rows]

    def feed(self, *, unhandled_only: bool = False, department: str | None = None,
             text: str = "", limit: int = 200, before_id: int | None = None,
             after_id: int | None = None, ids: Sequence[int] = (),
             kinds: tuple[str, ...] = ("mention", "dm_in")) -> list[ItemView]:
        """Incoming mentions and DMs, newest first by when they were written (ids follow
        arrival: a sync stores mentions and DMs in separate batches, and an older message
        can arrive late). ``after_id``: only what arrived since the feed last looked (by
        id); ``before_id``: the next older page, after that item in this order."""
        query = (select(TicketItem, Citizen)
                 .outerjoin(Citizen, Citizen.id == TicketItem.citizen_id)
                 .where(TicketItem.kind.in_(list(kinds))))
        if unhandled_only:
            query = query.where(TicketItem.handled.is_(False))
        if department:
            query = query.where(
                TicketItem.suggested_department == self.ctx.catalogue.get(department).code
            )
        for word in clean_text(text, MAX_QUERY * 10).split()[:10]:
            query = query.where(func.lower(TicketItem.text).contains(word[:MAX_QUERY].lower(),
                                                                      autoescape=True))
        if ids:
            query = query.where(TicketItem.id.in_(list(ids)))
        if before_id is not None:
            anchor = (select(TicketItem.created_at).where(TicketItem.id == before_id)
                      .scalar_subquery())
            query = query.where(or_(TicketItem.created_at < anchor,
                                    and_(TicketItem.created_at == anchor,
                                         TicketItem.id < before_id)))
        if after_id is not None:
            query = query.where(TicketItem.id > after_id)
        query = query.order_by(TicketItem.created_at.desc(), TicketItem.id.desc()).limit(limit)
        with self.ctx.db.session(readonly=True) as session:
            now = self.ctx.clock()
            return [item_view(item, citizen, now)
                    for item, citizen in session.execute(query)]
