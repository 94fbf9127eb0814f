"""The outbox: replies and DMs are persisted before any attempt to send them.

The sender (jun_desk.x) takes pending items, sends each once and records the X id it got.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from jun_desk.domain.costs import Charge
from jun_desk.domain.errors import NotFoundError, RecipientMismatchError, ValidationError
from jun_desk.domain.items import ItemKind
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.text import clean_text
from jun_desk.domain.tweet_length import (
    MAX_DM_LENGTH,
    MAX_WEIGHTED_LENGTH,
    fits_in_tweet,
    weighted_length,
)
from jun_desk.services.announcements import post_failed, post_sent
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.costs import record as record_charges
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.insert import rowcount
from jun_desk.store.models import Citizen, OutboxItem, Ticket, TicketItem

SEND_LEASE = timedelta(seconds=90)  # a "sending" item older than this is in doubt
# Taken back before any attempt (a verification code that no longer serves): never sent.
WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class OutboxView:
    id: int
    kind: str
    account: str
    ticket_id: int | None
    in_reply_to_x_id: str | None
    recipient_x_id: str | None
    text: str
    status: str
    attempts: int
    last_error: str | None
    sent_x_id: str | None
    created_at: datetime
    announcement_id: int | None = None
    position: int | None = None


def for_ticket(session: Session, ticket_id: int) -> list[OutboxView]:
    rows = session.scalars(select(OutboxItem).where(OutboxItem.ticket_id == ticket_id)
                           .order_by(OutboxItem.id))
    return [_view(r) for r in rows]


def _view(row: OutboxItem) -> OutboxView:
    return OutboxView(row.id, row.kind, row.account, row.ticket_id, row.in_reply_to_x_id,
                      row.recipient_x_id, row.text, row.status, row.attempts, row.last_error,
                      row.sent_x_id, row.created_at, row.announcement_id, row.position)


def checked_text(kind: str, text: str) -> str:
    """A reply's or DM's text as it will be stored, or why it cannot go."""
    if kind not in ("reply", "dm"):
        raise ValidationError.of("outbox.kind", value=kind)
    text = clean_text(text).strip()
    if not text:
        raise ValidationError.of("outbox.empty")
    if kind == "reply" and not fits_in_tweet(text):
        raise ValidationError.of("outbox.reply_too_long", length=weighted_length(text),
                                 limit=MAX_WEIGHTED_LENGTH)
    if kind == "dm" and len(text) > MAX_DM_LENGTH:
        raise ValidationError.of("outbox.dm_too_long", limit=MAX_DM_LENGTH)
    return text


class OutboxService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def enqueue(self, actor: Actor, ticket_id: int, kind: str, text: str, *, account: str,
                in_reply_to_x_id: str | None = None, conversation_id: str | None = None,
                confirm_other_citizen: bool = False) -> OutboxView:
        """Queue a public reply (to the ticket's last mention unless told) or a DM.
        Nothing goes to X here: the outbox worker sends it.

        A DM typed in a conversation (``conversation_id``) goes to the citizen that
        conversation is with — never to the ticket's citizen instead. The conversation must
        be linked to the ticket, and when the ticket is another citizen's the DM is refused
        (``RecipientMismatchError``) unless the operator confirmed it
        (``confirm_other_citizen``): linking a neighbour's message to a ticket says "same
        case", not "write to this person about someone else's case". Without a
        conversation the DM goes to the ticket's citizen, in their conversation."""
        text = checked_text(kind, text)
        with unit_of_work(self.ctx, actor, f"outbox.{kind}", ticket_id=ticket_id) as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFoundError.of("ticket.not_found", ticket=ticket_id)
            if ticket.assignee_id != fresh.operator_id:
                fresh.require_department(ticket.department)
            return self.queue(session, fresh, ticket, kind, text, account=account,
                              in_reply_to_x_id=in_reply_to_x_id,
                              conversation_id=conversation_id,
                              confirm_other_citizen=confirm_other_citizen)

    def queue(self, session: Session, actor: Actor, ticket: Ticket, kind: str, text: str, *,
              account: str, in_reply_to_x_id: str | None = None,
              conversation_id: str | None = None,
              confirm_other_citizen: bool = False) -> OutboxView:
        """``enqueue``'s work inside a unit of work that checked the actor may work the
        ticket and ``text`` (``checked_text``): for a use case that queues a message beside
        another change, in one transaction (``TicketService.resolve_with_reply``)."""
        recipient = None
        audit_extra: dict[str, object] = {}
        if kind == "reply":
            if in_reply_to_x_id is None:
                in_reply_to_x_id = session.scalar(
                    select(TicketItem.x_id).where(TicketItem.ticket_id == ticket.id,
                                                  TicketItem.kind == ItemKind.MENTION.value)
                    .order_by(TicketItem.created_at.desc()).limit(1))
            if in_reply_to_x_id is None:
                raise ValidationError.of("outbox.no_mention", ticket=ticket.id)
        elif conversation_id is not None:
            recipient, audit_extra = self._conversation_recipient(
                session, ticket, conversation_id, confirm_other_citizen)
            # The answer covers what the citizen wrote before it: messages that came
            # on no ticket (the ticket was closed, say) join this one, handled.
            answered = list(session.scalars(select(TicketItem).where(
                TicketItem.source == "dm", TicketItem.conversation_id == conversation_id,
                TicketItem.kind == ItemKind.DM_IN.value, TicketItem.ticket_id.is_(None))))
            for item in answered:
                item.ticket_id, item.handled = ticket.id, True
            if answered:
                audit_extra["answered_item_ids"] = [i.id for i in answered]
        else:
            citizen = session.get(Citizen, ticket.citizen_id) if ticket.citizen_id else None
            if citizen is None:
                raise ValidationError.of("outbox.no_citizen", ticket=ticket.id)
            recipient = citizen.x_user_id
        row = OutboxItem(
            idempotency_key=uuid.uuid4().hex, kind=kind, account=account,
            ticket_id=ticket.id, in_reply_to_x_id=in_reply_to_x_id,
            recipient_x_id=recipient, text=text, status="pending", attempts=0,
            created_by_id=actor.operator_id, created_at=self.ctx.clock(),
        )
        session.add(row)
        session.flush()
        record(session, self.ctx, actor, f"outbox.{kind}", ticket_id=ticket.id,
               after={"outbox_id": row.id, **audit_extra})
        return _view(row)

    @staticmethod
    def _conversation_recipient(session: Session, ticket: Ticket, conversation_id: str,
                                confirmed: bool) -> tuple[str, dict[str, object]]:
        """The X user a DM typed in ``conversation_id`` goes to: the citizen who writes in
        it. Refused when the conversation is not linked to the ticket, or the ticket is
        another citizen's and the operator did not confirm."""
        incoming = session.execute(
            select(TicketItem.author_x_id, TicketItem.citizen_id).where(
                TicketItem.source == "dm", TicketItem.conversation_id == conversation_id,
                TicketItem.kind == ItemKind.DM_IN.value)
            .order_by(TicketItem.id.desc()).limit(1)).first()
        if incoming is None:
            raise ValidationError.of("outbox.no_incoming", conversation=conversation_id)
        participant = session.get(Citizen, incoming.citizen_id) if incoming.citizen_id else None
        handle = participant.handle if participant else incoming.author_x_id
        linked = session.scalar(select(TicketItem.id).where(
            TicketItem.source == "dm", TicketItem.conversation_id == conversation_id,
            TicketItem.ticket_id == ticket.id).limit(1))
        if linked is None:
            raise RecipientMismatchError(
                f"This conversation (with @{handle}) is not linked to ticket #{ticket.id}: "
                "nothing was sent; link it first",
                ticket_id=ticket.id, conversation_handle=handle, ticket_handle=None,
                linked=False, code="dm.not_linked",
                params={"handle": handle, "ticket": ticket.id})
        extra: dict[str, object] = {"conversation_id": conversation_id,
                                    "recipient_x_id": incoming.author_x_id}
        same = ticket.citizen_id is not None and ticket.citizen_id == incoming.citizen_id
        if not same:
            owner = session.get(Citizen, ticket.citizen_id) if ticket.citizen_id else None
            if not confirmed:
                who = f"@{owner.handle}" if owner else "someone else"
                raise RecipientMismatchError(
                    f"Ticket #{ticket.id} is {who}'s, not @{handle}'s, whom this "
                    f"conversation is with: nothing was sent. Confirm the DM is for @{handle}",
                    ticket_id=ticket.id, conversation_handle=handle,
                    ticket_handle=owner.handle if owner else None,
                    code="dm.other_citizen" if owner else "dm.other_nobody",
                    params={"ticket": ticket.id, "handle": handle,
                            **({"owner": f"@{owner.handle}"} if owner else {})})
            extra["other_citizen_confirmed"] = True
        return incoming.author_x_id, extra

    def pending_for_conversation(self, conversation_id: str) -> list[OutboxView]:
        """DMs queued for the citizen of a conversation and not sent yet (pending, being
        sent or failed): the thread shows them at once, before X has them."""
        with self.ctx.db.session(readonly=True) as session:
            participant = session.scalar(
                select(TicketItem.author_x_id).where(
                    TicketItem.source == "dm", TicketItem.conversation_id == conversation_id,
                    TicketItem.kind == ItemKind.DM_IN.value)
                .order_by(TicketItem.id.desc()).limit(1))
            if participant is None:
                return []
            rows = session.scalars(select(OutboxItem).where(
                OutboxItem.kind == "dm", OutboxItem.recipient_x_id == participant,
                OutboxItem.status != "sent").order_by(OutboxItem.id))
            return [_view(r) for r in rows]

    def mark_sent(self, outbox_id: int, sent_x_id: str,
                  charges: Sequence[Charge] = ()) -> OutboxView:
        """Record a send: the X id, the outgoing item in the ticket, the first response;
        ``charges``: what X billed for it, metered in the same transaction."""
        with self.ctx.db.session() as session:
            row = session.get(OutboxItem, outbox_id)
            if row is None:
                raise NotFoundError.of("outbox.not_found", outbox=outbox_id)
            record_charges(session, self.ctx, row.account, charges)
            if row.status == "sent":
                return _view(row)
            now = self.ctx.clock()
            row.status, row.sent_x_id, row.sent_at = "sent", sent_x_id, now
            row.next_attempt_at = None
            if row.kind == "post":  # a town's announcement: no ticket, the thread goes on
                post_sent(session, self.ctx, row, sent_x_id)
                record(session, self.ctx, None, "outbox.sent",
                       after={"outbox_id": row.id, "x_id": sent_x_id})
                return _view(row)
            kind = ItemKind.REPLY_OUT if row.kind == "reply" else ItemKind.DM_OUT
            copy = session.scalar(select(TicketItem).where(TicketItem.source == kind.source,
                                                           TicketItem.x_id == sent_x_id))
            if copy is None:
                session.add(TicketItem(
                    source=kind.source, x_id=sent_x_id, kind=kind.value, account=row.account,
                    ticket_id=row.ticket_id, author_x_id=row.account, text=row.text,
                    created_at=now, in_reply_to_x_id=row.in_reply_to_x_id, handled=True,
                    ingested_at=now, personal_data="",
                    conversation_id=self._conversation_of(session, row),
                ))
            elif copy.ticket_id is None:  # the sync saw our message first
                copy.ticket_id = row.ticket_id
            if row.ticket_id is not None:
                # The first answer stamps the ticket once. A plain conditional UPDATE: two
                # desks sending for one ticket at once must not fight over its version
                # (bookkeeping, not an operator's change; the audit event below tells).
                session.execute(update(Ticket).where(Ticket.id == row.ticket_id,
                                                     Ticket.first_response_at.is_(None))
                                .values(first_response_at=now))
            record(session, self.ctx, None, "outbox.sent", ticket_id=row.ticket_id,
                   after={"outbox_id": row.id, "x_id": sent_x_id})
            return _view(row)

    @staticmethod
    def _conversation_of(session: Session, row: OutboxItem) -> str | None:
        """The thread or DM conversation the sent message belongs to."""
        if row.kind == "reply":
            return session.scalar(select(TicketItem.conversation_id).where(
                TicketItem.source == "tweet", TicketItem.x_id == row.in_reply_to_x_id))
        return session.scalar(
            select(TicketItem.conversation_id).where(
                TicketItem.source == "dm", TicketItem.author_x_id == row.recipient_x_id,
                TicketItem.conversation_id.is_not(None))
            .order_by(TicketItem.id.desc()).limit(1))

    def mark_failed(self, outbox_id: int, reason: str, *, retry_at: datetime | None) -> OutboxView:
        with self.ctx.db.session() as session:
            row = session.get(OutboxItem, outbox_id)
            if row is None:
                raise NotFoundError.of("outbox.not_found", outbox=outbox_id)
            row.last_error = reason[:1000]
            row.next_attempt_at = retry_at
            row.status = "pending" if retry_at is not None else "failed"
            record(session, self.ctx, None, "outbox.failed", ticket_id=row.ticket_id,
                   after={"outbox_id": row.id, "status": row.status}, message=row.last_error)
            if row.kind == "post" and row.status == "failed":
                post_failed(session, self.ctx, row)
            return _view(row)

    def due(self, account: str, limit: int = 20) -> list[OutboxView]:
        """Items to work on now: pending ones whose retry time has come, and "sending"
        ones whose lease ran out (the sender died mid-send: in doubt, check X first)."""
        now = self.ctx.clock()
        with self.ctx.db.session(readonly=True) as session:
            rows = session.scalars(
                select(OutboxItem).where(
                    OutboxItem.account == account,
                    or_(OutboxItem.status == "pending", OutboxItem.status == "sending"),
                    or_(OutboxItem.next_attempt_at.is_(None), OutboxItem.next_attempt_at <= now),
                ).order_by(OutboxItem.id).limit(limit))
            return [_view(r) for r in rows]

    def claim(self, outbox_id: int, status: str) -> bool:
        """Take the item for one send attempt; False if another sender took it first."""
        now = self.ctx.clock()
        with self.ctx.db.session() as session:
            taken = rowcount(session.execute(
                update(OutboxItem)
                .where(OutboxItem.id == outbox_id, OutboxItem.status == status,
                       or_(OutboxItem.next_attempt_at.is_(None),
                           OutboxItem.next_attempt_at <= now))
                .values(status="sending", next_attempt_at=now + SEND_LEASE,
                        attempts=OutboxItem.attempts + 1)
            ))
            return bool(taken == 1)

    def for_ticket(self, ticket_id: int) -> list[OutboxView]:
        with self.ctx.db.session(readonly=True) as session:
            return for_ticket(session, ticket_id)

    def list(self, *, statuses: tuple[str, ...] = ("pending", "failed")) -> list[OutboxView]:
        with self.ctx.db.session(readonly=True) as session:
            rows = session.scalars(select(OutboxItem).where(OutboxItem.status.in_(statuses))
                                   .order_by(OutboxItem.id))
            return [_view(r) for r in rows]
