"""Citizens: X users the desk serves, and their verification as residents of Jun."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jun_desk.domain.errors import NotFoundError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.tickets import NoteView, TicketView
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.services.verification import CitizenVerification, read_status
from jun_desk.store.models import Citizen, Operator, Ticket, TicketNote

if TYPE_CHECKING:
    from jun_desk.services.feed import Conversation


@dataclass(frozen=True, slots=True)
class CitizenView:
    id: int
    x_user_id: str
    handle: str
    name: str
    verified_resident: bool
    verified_by: str | None
    verified_at: datetime | None


@dataclass(frozen=True)
class CitizenProfile:
    """What the desk knows about one citizen, for the panel beside the ticket: who they
    are, whether the town verified them, their tickets (newest first), their DM
    conversations, and the internal notes written on their tickets."""

    citizen: CitizenView
    tickets: list[TicketView]
    conversations: list[Conversation]
    notes: list[NoteView]
    verification: CitizenVerification | None = None  # how, when, by whom, until when


class CitizenService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def _view(self, session: Session, row: Citizen) -> CitizenView:
        by = session.get(Operator, row.verified_by_id) if row.verified_by_id else None
        return CitizenView(row.id, row.x_user_id, row.handle, row.name, row.verified_resident,
                           by.username if by else None, row.verified_at)

    def find(self, handle: str) -> CitizenView:
        with self.ctx.db.session(readonly=True) as session:
            row = session.scalar(
                select(Citizen).where(func.lower(Citizen.handle) == handle.lstrip("@").lower())
            )
            if row is None:
                raise NotFoundError.of("citizen.handle_unknown", handle=handle.lstrip("@"))
            return self._view(session, row)

    def profile(self, citizen_id: int | None = None, *,
                x_user_id: str | None = None) -> CitizenProfile:
        """One citizen's profile, by id or by X user id."""
        from jun_desk.services.feed import FeedService
        from jun_desk.services.search import SearchService, TicketFilter

        with self.ctx.db.session(readonly=True) as session:
            if citizen_id is not None:
                row = session.get(Citizen, citizen_id)
            else:
                row = session.scalar(select(Citizen).where(Citizen.x_user_id == x_user_id))
            if row is None:
                raise NotFoundError.of("citizen.unknown")
            view = self._view(session, row)
            notes = [NoteView(n.id, n.ticket_id, name, n.text, n.created_at)
                     for n, name in session.execute(
                         select(TicketNote, Operator.display_name)
                         .join(Operator, Operator.id == TicketNote.author_id)
                         .join(Ticket, Ticket.id == TicketNote.ticket_id)
                         .where(Ticket.citizen_id == row.id)
                         .order_by(TicketNote.id.desc()).limit(50))]
        tickets = SearchService(self.ctx).tickets(TicketFilter(citizen_id=view.id, limit=50,
                                                              include_merged=False))
        conversations = FeedService(self.ctx).conversations(limit=20, citizen_id=view.id)
        verification = read_status(self.ctx, view.id)
        return CitizenProfile(view, tickets, conversations, notes, verification)

    def set_verified(self, actor: Actor, citizen_id: int, verified: bool) -> CitizenView:
        """Record (or withdraw) that the town verified this account as a resident's."""
        action = "citizen.verify" if verified else "citizen.unverify"
        with unit_of_work(self.ctx, actor, action, subject=f"citizen:{citizen_id}") as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.VERIFY_CITIZEN)
            row = session.get(Citizen, citizen_id)
            if row is None:
                raise NotFoundError.of("citizen.not_found", citizen=citizen_id)
            before = {"verified_resident": row.verified_resident}
            row.verified_resident = verified
            row.verified_by_id = fresh.operator_id if verified else None
            row.verified_at = self.ctx.clock() if verified else None
            # by hand, as before issue 27: no end (a verification at the counter has one)
            row.verified_how = "manual" if verified else None
            row.verified_until = None
            record(session, self.ctx, fresh, action, subject=f"citizen:{row.id}",
                   before=before, after={"verified_resident": verified})
            return self._view(session, row)
