"""A DM conversation and its ticket: a ticket made from the conversation, a link to an
existing ticket, and the link undone.

A conversation belongs to the ticket its messages are on. What the citizen wrote before
anyone made a ticket (a photo, then the words) is one matter: the ticket takes all of the
conversation's messages not on a ticket yet, in order. A link made by mistake (another
citizen's ticket) is undone explicitly, audited like the link."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jun_desk.domain.errors import ConflictError, NotFoundError
from jun_desk.domain.items import ItemKind
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.tickets import TicketView
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.tickets import TicketService, _snapshot, add_personal_data
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import Citizen, TicketItem


def _messages(session: Session, conversation_id: str, *, ticket_id: int | None = None,
              unattached: bool = False) -> list[TicketItem]:
    query = (select(TicketItem)
             .where(TicketItem.source == "dm", TicketItem.conversation_id == conversation_id)
             .order_by(TicketItem.created_at, TicketItem.id))
    if unattached:
        query = query.where(TicketItem.ticket_id.is_(None))
    if ticket_id is not None:
        query = query.where(TicketItem.ticket_id == ticket_id)
    return list(session.scalars(query))


def _handle(session: Session, items: list[TicketItem]) -> str:
    """Whom the conversation is with, as the history names them."""
    incoming = next((i for i in items if i.kind == ItemKind.DM_IN.value), None)
    citizen = session.get(Citizen, incoming.citizen_id) \
        if incoming is not None and incoming.citizen_id else None
    return f"@{citizen.handle}" if citizen else (incoming.author_x_id if incoming else "?")


class ConversationTickets:
    def __init__(self, ctx: DeskContext, tickets: TicketService) -> None:
        self.ctx = ctx
        self.tickets = tickets

    def create_ticket(self, actor: Actor, conversation_id: str, *,
                      department: str | None = None,
                      priority: str | None = None) -> TicketView:
        """A ticket for everything the conversation holds that is on no ticket yet, in the
        order it was written, titled by its first words."""
        with unit_of_work(self.ctx, actor, "ticket.create",
                          subject=f"conversation:{conversation_id}") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.CREATE_TICKET)
            items = self._new_messages(session, conversation_id)
            ticket = self.tickets.open_for(session, fresh, items, department, priority)
            record(session, self.ctx, fresh, "ticket.create", ticket_id=ticket.id,
                   after={**_snapshot(ticket), "conversation_id": conversation_id,
                          "item_ids": [i.id for i in items]})
            return self.tickets._view(session, ticket)

    def link(self, actor: Actor, ticket_id: int, conversation_id: str,
             expected_version: int | None = None) -> TicketView:
        """The conversation's messages not on a ticket yet join ``ticket_id``."""
        with self.tickets._change(actor, "ticket.link_conversation", ticket_id,
                                  expected_version) as (session, fresh, ticket):
            self.tickets._require_work(fresh, ticket)
            items = self._new_messages(session, conversation_id)
            for item in items:
                item.ticket_id = ticket.id
                item.handled = True
            add_personal_data(ticket, *items)
            self.tickets._touch(ticket)
            record(session, self.ctx, fresh, "ticket.link_conversation", ticket_id=ticket.id,
                   subject=f"conversation:{conversation_id}",
                   after={"conversation_id": conversation_id, "ticket": ticket.id,
                          "handle": _handle(session, items),
                          "item_ids": [i.id for i in items]})
            return self.tickets._view(session, ticket)

    def unlink(self, actor: Actor, ticket_id: int, conversation_id: str,
               expected_version: int | None = None) -> TicketView:
        """Undo a link: the conversation's messages leave ``ticket_id``; what the citizen
        wrote waits for the desk again (the feed's unhandled list). What the desk sent
        stays in the ticket's outbox."""
        with self.tickets._change(actor, "ticket.unlink_conversation", ticket_id,
                                  expected_version) as (session, fresh, ticket):
            self.tickets._require_work(fresh, ticket)
            items = _messages(session, conversation_id, ticket_id=ticket.id)
            if not items:
                raise ConflictError.of("conversation.not_linked", ticket=ticket.id)
            if len(items) == session.scalar(select(func.count()).select_from(TicketItem)
                                            .where(TicketItem.ticket_id == ticket.id)):
                # A ticket made from the conversation alone: unlinking would empty it.
                raise ConflictError.of("conversation.only_messages", ticket=ticket.id)
            for item in items:
                item.ticket_id = None
                if item.kind == ItemKind.DM_IN.value:
                    item.handled = False
            self.tickets._touch(ticket)
            record(session, self.ctx, fresh, "ticket.unlink_conversation",
                   ticket_id=ticket.id, subject=f"conversation:{conversation_id}",
                   before={"item_ids": [i.id for i in items]},
                   after={"conversation_id": conversation_id, "ticket": ticket.id,
                          "handle": _handle(session, items)})
            return self.tickets._view(session, ticket)

    @staticmethod
    def _new_messages(session: Session, conversation_id: str) -> list[TicketItem]:
        items = _messages(session, conversation_id, unattached=True)
        if not any(i.kind == ItemKind.DM_IN.value for i in items):
            raise NotFoundError.of("conversation.nothing_new", conversation=conversation_id)
        return items
