"""The feed's own actions: marking messages handled, and the DM conversations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, case, func, select

from jun_desk.domain.errors import NotFoundError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.tickets import ItemView
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.tickets import item_view
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import Citizen, TicketItem


@dataclass(frozen=True, slots=True)
class Conversation:
    conversation_id: str
    citizen_id: int | None
    citizen_handle: str | None
    citizen_name: str
    last_text: str
    last_at: datetime
    unhandled: int
    ticket_id: int | None
    unattached: int = 0  # the citizen's messages on no ticket: a ticket can be made of them


class FeedService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def mark_handled(self, actor: Actor, item_id: int, handled: bool = True) -> ItemView:
        """'Nothing to do' (thanks, spam) or back to the unhandled list."""
        with unit_of_work(self.ctx, actor, "item.handled", subject=f"item:{item_id}") as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            item = session.get(TicketItem, item_id)
            if item is None:
                raise NotFoundError.of("message.not_found", item=item_id)
            before = item.handled
            item.handled = handled
            record(session, self.ctx, fresh, "item.handled", subject=f"item:{item_id}",
                   ticket_id=item.ticket_id, before={"handled": before},
                   after={"handled": handled})
            citizen = session.get(Citizen, item.citizen_id) if item.citizen_id else None
            return item_view(item, citizen, self.ctx.clock())

    def conversations(self, limit: int = 500,
                      citizen_id: int | None = None) -> list[Conversation]:
        """DM conversations, most recent first, with how many messages await the desk;
        ``citizen_id``: only that citizen's."""
        incoming = (TicketItem.kind == "dm_in")
        with self.ctx.db.session(readonly=True) as session:
            groups = (select(
                TicketItem.conversation_id.label("conversation_id"),
                func.max(TicketItem.id).label("last_id"),
                func.sum((incoming & TicketItem.handled.is_(False)).cast(Integer))
                .label("unhandled"),
                func.max(case((incoming, TicketItem.citizen_id))).label("citizen_id"),
                func.max(TicketItem.ticket_id).label("ticket_id"),
                func.sum((incoming & TicketItem.ticket_id.is_(None)).cast(Integer))
                .label("unattached"),
            ).where(TicketItem.source == "dm", TicketItem.conversation_id.is_not(None))
                .group_by(TicketItem.conversation_id).subquery())
            query = (select(groups, TicketItem.text, TicketItem.created_at, Citizen.handle,
                            Citizen.name)
                     .join(TicketItem, TicketItem.id == groups.c.last_id)
                     .outerjoin(Citizen, Citizen.id == groups.c.citizen_id))
            if citizen_id is not None:
                query = query.where(groups.c.citizen_id == citizen_id)
            rows = session.execute(
                query.order_by(groups.c.last_id.desc()).limit(limit)).all()
            return [Conversation(r.conversation_id, r.citizen_id, r.handle, r.name or "",
                                 r.text, r.created_at, int(r.unhandled or 0), r.ticket_id,
                                 int(r.unattached or 0))
                    for r in rows]

    def conversation(self, conversation_id: str) -> list[ItemView]:
        """One DM conversation, oldest first."""
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(
                select(TicketItem, Citizen)
                .outerjoin(Citizen, Citizen.id == TicketItem.citizen_id)
                .where(TicketItem.source == "dm", TicketItem.conversation_id == conversation_id)
                .order_by(TicketItem.created_at, TicketItem.id))
            now = self.ctx.clock()
            return [item_view(item, citizen, now) for item, citizen in rows]
