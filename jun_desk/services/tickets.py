"""Ticket use cases: create, assign, reassign, move, note, merge, resolve, reopen.

Every change checks the actor's rights here (not only in the UI), checks the version the
caller read (optimistic concurrency), and writes an audit event in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.attributes import flag_modified

from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from jun_desk.domain.items import ItemKind, StreamKind
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.text import clean_text, first_line
from jun_desk.domain.tickets import AuditView, ItemView, NoteView, TicketView
from jun_desk.domain.verification import badge_shown
from jun_desk.domain.workflow import (
    Priority,
    Status,
    check_move,
    is_reopen,
    parse_priority,
    parse_status,
    reopen_target,
)
from jun_desk.services.audit import for_ticket as audit_for_ticket
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.outbox import OutboxService, OutboxView, checked_text
from jun_desk.services.outbox import for_ticket as outbox_for_ticket
from jun_desk.services.triage_models import record_correction
from jun_desk.services.unit_of_work import conflict_for, unit_of_work
from jun_desk.store.insert import rowcount
from jun_desk.store.models import Citizen, Operator, StaffAccount, Ticket, TicketItem, TicketNote

MAX_NOTE = 5_000
_LINK = re.compile(r"https?://\S+")
MAX_TITLE = 200


@dataclass(frozen=True)
class ItemOnTicket:
    """A message and the ticket it is on now (``file_item``, ``join_item``): what the feed
    shows after it made a ticket of a message, without reading again."""

    ticket: TicketView
    item: ItemView


@dataclass(frozen=True)
class ResolvedWithReply:
    """A ticket resolved and the word to its citizen queued (``resolve_with_reply``)."""

    ticket: TicketView
    queued: OutboxView


@dataclass(frozen=True)
class TicketDetail:
    """What the ticket pane shows (``TicketService.detail``)."""

    ticket: TicketView
    items: list[ItemView]
    notes: list[NoteView]
    history: list[AuditView]
    outbox: list[OutboxView]
    people: dict[int, str] = field(default_factory=dict)  # operator id → name, for history
    # An unclassified ticket: the two departments triage judges most likely for its first
    # message, best first (the pane offers them as one-key choices; issue 26).
    choices: tuple[str, ...] = ()


def _items(session: Session, ticket_id: int, now: datetime) -> list[ItemView]:
    rows = session.execute(
        select(TicketItem, Citizen)
        .outerjoin(Citizen, Citizen.id == TicketItem.citizen_id)
        .where(TicketItem.ticket_id == ticket_id)
        .order_by(TicketItem.created_at, TicketItem.id)
    )
    return [item_view(item, citizen, now) for item, citizen in rows]


def _notes(session: Session, ticket_id: int) -> list[NoteView]:
    rows = session.execute(
        select(TicketNote, Operator.display_name)
        .join(Operator, Operator.id == TicketNote.author_id)
        .where(TicketNote.ticket_id == ticket_id).order_by(TicketNote.id)
    )
    return [NoteView(n.id, n.ticket_id, name, n.text, n.created_at) for n, name in rows]


def _split(flags: str) -> tuple[str, ...]:
    return tuple(f for f in flags.split(",") if f)


def add_personal_data(ticket: Ticket, *sources: Ticket | TicketItem) -> None:
    """The ticket carries every personal-data flag of what joins it (messages, a merged
    ticket), each once, sorted."""
    flags = set(_split(ticket.personal_data or ""))
    for source in sources:
        flags |= set(_split(source.personal_data or ""))
    ticket.personal_data = ",".join(sorted(flags))


def ticket_view(row: Ticket, item_count: int, now: datetime,
                media_count: int = 0, for_staff: str | None = None) -> TicketView:
    """``now``: a lapsed verification shows no badge; ``for_staff``: :func:`staff_for`."""
    citizen, assignee = row.citizen, row.assignee
    return TicketView(
        id=row.id, department=row.department, status=Status(row.status),
        priority=Priority(row.priority), title=row.title, citizen_id=row.citizen_id,
        citizen_handle=citizen.handle if citizen else None,
        citizen_name=citizen.name if citizen else None,
        citizen_verified_resident=_verified(citizen, now),
        assignee_id=row.assignee_id, assignee_name=assignee.display_name if assignee else None,
        item_count=item_count, media_count=media_count,
        personal_data=_split(row.personal_data),
        triage_reason=row.triage_reason, merged_into_id=row.merged_into_id,
        created_at=row.created_at, updated_at=row.updated_at,
        first_response_at=row.first_response_at, resolved_at=row.resolved_at,
        version=row.version, legal_hold=bool(row.legal_hold),
        legal_hold_reason=row.legal_hold_reason, for_staff=for_staff,
    )


def _verified(citizen: Citizen | None, now: datetime) -> bool:
    return citizen is not None and badge_shown(citizen.verified_resident,
                                               citizen.verified_until, now)


def item_view(row: TicketItem, citizen: Citizen | None, now: datetime) -> ItemView:
    return ItemView(
        id=row.id, x_id=row.x_id, kind=row.kind, ticket_id=row.ticket_id,
        author_handle=citizen.handle if citizen else None,
        text=row.text, created_at=row.created_at,
        suggested_department=row.suggested_department, triage_reason=row.triage_reason,
        personal_data=_split(row.personal_data), handled=row.handled,
        author_name=citizen.name if citizen else "",
        author_verified_resident=_verified(citizen, now),
        author_x_id=row.author_x_id, media_count=row.media_count,
        conversation_id=row.conversation_id, suggested_priority=row.suggested_priority,
        earlier_versions=tuple(str(v.get("text", "")) for v in row.edit_history or ()
                               if isinstance(v, dict)),
        via=row.via, for_staff=_staff_handle(row),
    )


def _staff_handles(session: Session) -> dict[str, str]:
    """Every staff account's handle by X user id, removed ones too: read once per session."""
    handles = session.info.get("staff_handles")
    if handles is None:
        handles = {x_id: handle for x_id, handle in session.execute(
            select(StaffAccount.x_user_id, StaffAccount.handle))}
        session.info["staff_handles"] = handles
    return cast("dict[str, str]", handles)


def _staff_handle(row: TicketItem) -> str | None:
    """The staff account a staff stream's item was for (or a staff reply was from)."""
    if not row.via or not row.via.startswith(("staff:", "staff_posts:")):
        return None
    session = object_session(row)
    if session is None:
        return None
    return _staff_handles(session).get(row.via.partition(":")[2])


def staff_for(session: Session, ticket_ids: list[int]) -> dict[int, str]:
    """The employee each ticket is for when made of a staff account's mention (issue 27):
    the handle of the account whose mentions stream brought its first such message,
    read from the stream (``via``) and the staff directory, whatever the words of its
    triage reason."""
    if not ticket_ids:
        return {}
    found: dict[int, str] = {}
    handles: dict[str, str] | None = None
    for ticket_id, via in session.execute(
            select(TicketItem.ticket_id, TicketItem.via).where(
                TicketItem.ticket_id.in_(ticket_ids),
                TicketItem.kind == ItemKind.MENTION.value,
                TicketItem.via.like(f"{StreamKind.STAFF.value}:%"))
            .order_by(TicketItem.id)):
        if ticket_id is None or ticket_id in found:
            continue
        handles = _staff_handles(session) if handles is None else handles
        handle = handles.get(str(via).partition(":")[2])
        if handle:
            found[ticket_id] = handle
    return found


def _snapshot(row: Ticket) -> dict[str, Any]:
    return {"department": row.department, "status": row.status, "priority": row.priority,
            "assignee_id": row.assignee_id}


class TicketService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading
    def get(self, ticket_id: int) -> TicketView:
        with self.ctx.db.session(readonly=True) as session:
            return self._view(session, self._load(session, ticket_id))

    def items(self, ticket_id: int) -> list[ItemView]:
        with self.ctx.db.session(readonly=True) as session:
            return _items(session, ticket_id, self.ctx.clock())

    def notes(self, ticket_id: int) -> list[NoteView]:
        with self.ctx.db.session(readonly=True) as session:
            return _notes(session, ticket_id)

    def detail(self, ticket_id: int) -> TicketDetail:
        """Everything the ticket pane shows, in one read-only transaction: the ticket, its
        messages, notes, history and sends, and the names of the people its history
        mentions."""
        with self.ctx.db.session(readonly=True) as session:
            ticket = self._view(session, self._load(session, ticket_id))
            history = audit_for_ticket(session, ticket_id)
            people = {int(v) for e in history for side in (e.before, e.after) if side
                      for k, v in side.items() if k == "assignee_id" and v is not None}
            names = {row.id: row.display_name for row in session.execute(
                select(Operator.id, Operator.display_name).where(Operator.id.in_(people)))
            } if people else {}
            items = _items(session, ticket_id, self.ctx.clock())
            return TicketDetail(ticket, items, _notes(session, ticket_id), history,
                                outbox_for_ticket(session, ticket_id), names,
                                self._choices(ticket, items))

    def _choices(self, ticket: TicketView, items: list[ItemView]) -> tuple[str, ...]:
        """Where triage would send an unclassified ticket: its first citizen's message
        judged again (the model's two most likely departments; none for an unreadable
        language or a message with nothing to judge)."""
        if ticket.department != UNCLASSIFIED:
            return ()
        first = next((i for i in items if i.kind in ("mention", "dm_in")), None)
        if first is None:
            return ()
        result = self.ctx.rules.triage.classify(first.text)
        if not result.language.judged:
            return ()
        return tuple(c for c in result.choices if c in self.ctx.catalogue)[:2]

    # ---------------------------------------------------------------- creating
    def create_from_item(self, actor: Actor, item_id: int, *, department: str | None = None,
                         priority: str | None = None) -> TicketView:
        """A ticket for a message, in ``department`` (default: triage's suggestion). An
        operator creates tickets only in the departments they serve (as they take them);
        a refusal is audited like any other."""
        return self.file_item(actor, item_id, department=department, priority=priority).ticket

    def file_item(self, actor: Actor, item_id: int, *, department: str | None = None,
                  priority: str | None = None) -> ItemOnTicket:
        """``create_from_item``, with the message as it is now on its new ticket."""
        with unit_of_work(self.ctx, actor, "ticket.create",
                          subject=f"item:{item_id}") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.CREATE_TICKET)
            item = session.get(TicketItem, item_id)
            if item is None:
                raise NotFoundError.of("message.not_found", item=item_id)
            if item.ticket_id is not None:
                raise ConflictError.of("message.has_ticket", ticket=item.ticket_id)
            ticket = self.open_for(session, fresh, [item], department, priority)
            record(session, self.ctx, fresh, "ticket.create", ticket_id=ticket.id,
                   after={**_snapshot(ticket), "item_id": item.id, "x_id": item.x_id})
            return ItemOnTicket(self._view(session, ticket), self._item_view(session, item))

    def open_for(self, session: Session, actor: Actor, items: list[TicketItem],
                 department: str | None, priority: str | None) -> Ticket:
        """A new ticket holding ``items`` (oldest first, none on a ticket yet): department
        and priority as triage suggested for the first (urgent if any is), or as chosen;
        titled by the first words among them; written when the first was. The caller
        checked CREATE_TICKET and records the event."""
        lead = items[0]
        dept = self.ctx.catalogue.get(
            department or lead.suggested_department or self.ctx.catalogue.default_code).code
        actor.require_department(dept)
        chosen = department is not None and dept != lead.suggested_department
        urgent = any(i.suggested_priority == Priority.URGENT.value for i in items)
        prio = parse_priority(priority or (Priority.URGENT.value if urgent else None)
                              or lead.suggested_priority or Priority.NORMAL.value)
        now = self.ctx.clock()
        # The first words among them: a photo sent alone ("https://t.co/…") has none.
        titles = [first_line(_LINK.sub("", i.text), MAX_TITLE) for i in items]
        title = next((t for t in titles if t), "") or first_line(lead.text, MAX_TITLE) \
            or "(sin texto)"
        flags = sorted({f for i in items for f in _split(i.personal_data)})
        ticket = Ticket(
            department=dept, status=Status.NEW.value, priority=prio.value, title=title,
            citizen_id=lead.citizen_id, created_by_id=actor.operator_id,
            triage_confidence=lead.triage_confidence, triage_reason=lead.triage_reason,
            personal_data=",".join(flags), created_at=lead.created_at, updated_at=now,
        )
        session.add(ticket)
        session.flush()
        for item in items:
            item.ticket_id = ticket.id
            item.handled = True
        # What a member of staff already answered on X to these messages (issue 27).
        for reply in session.scalars(select(TicketItem).where(
                TicketItem.kind == ItemKind.STAFF_REPLY.value, TicketItem.source == "tweet",
                TicketItem.ticket_id.is_(None),
                TicketItem.in_reply_to_x_id.in_([i.x_id for i in items if i.source == "tweet"]))):
            reply.ticket_id = ticket.id
        # A person chose the department over triage's suggestion, or kept it: either
        # way a labelled example (a later change of department supersedes it).
        record_correction(session, actor, ticket, lead.suggested_department, dept, now,
                          lead, confirmation=not chosen)
        return ticket

    def create_manual(self, actor: Actor, *, department: str, title: str,
                      citizen_id: int | None = None, priority: str = "normal") -> TicketView:
        """A ticket for a matter that arrived by phone or at the counter."""
        title = first_line(clean_text(title), MAX_TITLE)
        if not title:
            raise ValidationError.of("ticket.title_missing")
        with unit_of_work(self.ctx, actor, "ticket.create") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.CREATE_TICKET)
            dept = self.ctx.catalogue.get(department).code
            fresh.require_department(dept)
            if citizen_id is not None and session.get(Citizen, citizen_id) is None:
                raise NotFoundError.of("citizen.not_found", citizen=citizen_id)
            now = self.ctx.clock()
            ticket = Ticket(department=dept, status=Status.NEW.value,
                            priority=parse_priority(priority).value, title=title,
                            citizen_id=citizen_id, created_by_id=fresh.operator_id,
                            personal_data="", created_at=now, updated_at=now)
            session.add(ticket)
            session.flush()
            record(session, self.ctx, fresh, "ticket.create", ticket_id=ticket.id,
                   after=_snapshot(ticket))
            return self._view(session, ticket)

    def attach_item(self, actor: Actor, ticket_id: int, item_id: int,
                    expected_version: int | None = None) -> TicketView:
        """Add a mention or DM to an existing ticket ('this is about the same lamp')."""
        return self.join_item(actor, ticket_id, item_id, expected_version).ticket

    def join_item(self, actor: Actor, ticket_id: int, item_id: int,
                  expected_version: int | None = None) -> ItemOnTicket:
        """``attach_item``, with the message as it is now on the ticket."""
        with self._change(actor, "ticket.attach_item", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            item = session.get(TicketItem, item_id)
            if item is None:
                raise NotFoundError.of("message.not_found", item=item_id)
            if item.ticket_id is not None and item.ticket_id != ticket_id:
                raise ConflictError.of("message.has_ticket", ticket=item.ticket_id)
            item.ticket_id = ticket.id
            item.handled = True
            add_personal_data(ticket, item)
            self._touch(ticket)
            record(session, self.ctx, fresh, "ticket.attach_item", ticket_id=ticket.id,
                   after={"item_id": item.id, "x_id": item.x_id})
            return ItemOnTicket(self._view(session, ticket), self._item_view(session, item))

    # ---------------------------------------------------------------- people and departments
    def assign(self, actor: Actor, ticket_id: int, operator_id: int | None,
               expected_version: int | None = None) -> TicketView:
        """Give the ticket to ``operator_id`` (None: back to the department's queue).

        Operators may only take tickets themselves, in their departments; giving a ticket
        to someone else is a supervisor's reassignment.
        """
        with self._change(actor, "ticket.assign", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            before = _snapshot(ticket)
            taking = operator_id is not None and operator_id == fresh.operator_id
            dropping_own = operator_id is None and ticket.assignee_id == fresh.operator_id
            if taking or dropping_own:
                fresh.require(Permission.ASSIGN_SELF)
                fresh.require_department(ticket.department)
            else:
                fresh.require(Permission.REASSIGN_OPERATOR)
            if not Status(ticket.status).is_open:
                raise ValidationError.of("ticket.closed_assign", ticket=ticket.id,
                                         status=ticket.status)
            if operator_id is not None:
                target = session.get(Operator, operator_id)
                if target is None or not target.active:
                    raise NotFoundError.of("operator.id_not_active", operator=operator_id)
                codes = _split(target.departments)
                if target.role == "operator" and codes and ticket.department not in codes:
                    raise ValidationError.of("ticket.assignee_department",
                                             username=target.username,
                                             department=ticket.department)
            if operator_id == ticket.assignee_id:
                raise ValidationError.of("ticket.assign_same")
            ticket.assignee_id = operator_id
            if operator_id is not None and ticket.status == Status.NEW.value:
                ticket.status = Status.ASSIGNED.value
            elif operator_id is None and Status(ticket.status).needs_assignee:
                ticket.status = Status.NEW.value
            self._touch(ticket)
            record(session, self.ctx, fresh, "ticket.assign", ticket_id=ticket.id,
                   before=before, after=_snapshot(ticket))
            return self._view(session, ticket)

    def reassign_department(self, actor: Actor, ticket_id: int, department: str,
                            expected_version: int | None = None,
                            reason: str | None = None) -> TicketView:
        with self._change(actor, "ticket.reassign_department", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            if ticket.department == UNCLASSIFIED:
                # Routing what triage could not place is triage: any operator may do it.
                self._require_work(fresh, ticket)
            else:
                fresh.require(Permission.REASSIGN_DEPARTMENT)
            dept = self.ctx.catalogue.get(department).code
            if dept == ticket.department:
                raise ValidationError.of("department.same", ticket=ticket.id, department=dept)
            before = _snapshot(ticket)
            ticket.department = dept
            record_correction(session, fresh, ticket, before["department"], dept,
                              self.ctx.clock())
            assignee = session.get(Operator, ticket.assignee_id) if ticket.assignee_id else None
            if assignee is not None:
                codes = _split(assignee.departments)
                if assignee.role == "operator" and codes and dept not in codes:
                    ticket.assignee_id = None  # the new department picks it up from its queue
                    if Status(ticket.status).needs_assignee:
                        ticket.status = Status.NEW.value
            self._touch(ticket)
            record(session, self.ctx, fresh, "ticket.reassign_department", ticket_id=ticket.id,
                   before=before, after=_snapshot(ticket), message=reason)
            return self._view(session, ticket)

    def set_priority(self, actor: Actor, ticket_id: int, priority: str,
                     expected_version: int | None = None) -> TicketView:
        with self._change(actor, "ticket.set_priority", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            before = _snapshot(ticket)
            ticket.priority = parse_priority(priority).value
            self._touch(ticket)
            record(session, self.ctx, fresh, "ticket.set_priority", ticket_id=ticket.id,
                   before=before, after=_snapshot(ticket))
            return self._view(session, ticket)

    # ---------------------------------------------------------------- workflow
    def move(self, actor: Actor, ticket_id: int, status: str,
             expected_version: int | None = None) -> TicketView:
        """Move to ``status`` if the workflow allows it. An unassigned ticket moved to
        work by an operator becomes theirs, as at any help desk."""
        target = parse_status(status)
        action = "ticket.reopen" if target.is_open else "ticket.move"
        with self._change(actor, action, ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            self._apply_move(session, fresh, ticket, target)
            return self._view(session, ticket)

    def resolve(self, actor: Actor, ticket_id: int, expected_version: int | None = None,
                note: str | None = None) -> TicketView:
        with self._change(actor, "ticket.resolve", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            self._apply_move(session, fresh, ticket, Status.RESOLVED)
            if note:
                self._add_note(session, fresh, ticket, note)
            return self._view(session, ticket)

    def resolve_with_reply(self, actor: Actor, ticket_id: int, kind: str, text: str, *,
                           account: str, expected_version: int | None = None
                           ) -> ResolvedWithReply:
        """Resolve and queue a public reply or a DM (``kind``) telling the citizen, in one
        transaction: both happen or neither (a refused resolution tells nobody; a message
        that cannot go leaves the ticket open, the text with the operator)."""
        text = checked_text(kind, text)
        with self._change(actor, "ticket.resolve", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            self._apply_move(session, fresh, ticket, Status.RESOLVED)
            queued = OutboxService(self.ctx).queue(session, fresh, ticket, kind, text,
                                                   account=account)
            return ResolvedWithReply(self._view(session, ticket), queued)

    def reopen(self, actor: Actor, ticket_id: int, expected_version: int | None = None,
               reason: str | None = None) -> TicketView:
        with self._change(actor, "ticket.reopen", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            if Status(ticket.status).is_open:
                raise ValidationError.of("ticket.reopen_open", ticket=ticket.id,
                                         status=ticket.status)
            if ticket.merged_into_id:
                raise ValidationError.of("ticket.reopen_merged", ticket=ticket.id,
                                         target_ticket=ticket.merged_into_id)
            self._apply_move(session, fresh, ticket,
                             reopen_target(ticket.assignee_id is not None))
            if reason:
                self._add_note(session, fresh, ticket, reason)
            return self._view(session, ticket)

    def add_note(self, actor: Actor, ticket_id: int, text: str,
                 expected_version: int | None = None) -> NoteView:
        with self._change(actor, "ticket.note", ticket_id, expected_version) as (
            session, fresh, ticket,
        ):
            self._require_work(fresh, ticket)
            note = self._add_note(session, fresh, ticket, text)
            return NoteView(note.id, ticket.id, fresh.username, note.text, note.created_at)

    def merge(self, actor: Actor, source_id: int, target_id: int,
              source_version: int | None = None, target_version: int | None = None) -> TicketView:
        """Fold ``source`` into ``target``: its messages and notes move, it closes."""
        if source_id == target_id:
            raise ValidationError.of("ticket.merge_self")
        with self._change(actor, "ticket.merge", source_id, source_version) as (
            session, fresh, source,
        ):
            target = self._load(session, target_id)
            self._check_version(target, target_version)
            fresh.require(Permission.MERGE)
            self._require_work(fresh, source)
            self._require_work(fresh, target)
            if source.department != target.department:
                fresh.require(Permission.REASSIGN_DEPARTMENT)
            if not Status(target.status).is_open:
                raise ValidationError.of("ticket.merge_closed", ticket=target.id,
                                         status=target.status)
            if source.merged_into_id:
                raise ValidationError.of("ticket.merge_again", ticket=source.id)
            moved = rowcount(session.execute(
                update(TicketItem).where(TicketItem.ticket_id == source.id)
                .values(ticket_id=target.id)
            ))
            session.execute(update(TicketNote).where(TicketNote.ticket_id == source.id)
                            .values(ticket_id=target.id))
            add_personal_data(target, source)
            if target.citizen_id is None:
                target.citizen_id = source.citizen_id
            before = _snapshot(source)
            now = self.ctx.clock()
            source.status = Status.CLOSED.value
            source.merged_into_id = target.id
            source.closed_at = now
            self._touch(source)
            self._touch(target)
            record(session, self.ctx, fresh, "ticket.merge", ticket_id=source.id,
                   before=before, after={**_snapshot(source), "merged_into": target.id})
            record(session, self.ctx, fresh, "ticket.merge_in", ticket_id=target.id,
                   after={"merged_from": source.id, "items_moved": moved})
            return self._view(session, target)

    # ---------------------------------------------------------------- internals
    @contextmanager
    def _change(self, actor: Actor, action: str, ticket_id: int,
                expected_version: int | None) -> Iterator[tuple[Session, Actor, Ticket]]:
        """One audited unit of work on one ticket, refused with a conflict if the ticket
        changed since the caller read ``expected_version``."""
        with unit_of_work(self.ctx, actor, action, ticket_id=ticket_id,
                          read_version=expected_version) as (session, fresh):
            assert fresh is not None
            ticket = self._load(session, ticket_id)
            self._check_version(ticket, expected_version)
            yield session, fresh, ticket

    def _load(self, session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFoundError.of("ticket.not_found", ticket=ticket_id)
        return ticket

    def _check_version(self, ticket: Ticket, expected_version: int | None) -> None:
        if expected_version is not None and ticket.version != expected_version:
            raise conflict_for(self.ctx, ticket.id, expected_version)

    def _view(self, session: Session, ticket: Ticket) -> TicketView:
        session.flush()
        session.expire(ticket, ["assignee", "citizen"])  # ids may have changed
        count, media = session.execute(
            select(func.count(), func.coalesce(func.sum(TicketItem.media_count), 0))
            .select_from(TicketItem).where(TicketItem.ticket_id == ticket.id)
        ).one()
        return ticket_view(ticket, int(count or 0), self.ctx.clock(), int(media or 0),
                           staff_for(session, [ticket.id]).get(ticket.id))

    def _item_view(self, session: Session, item: TicketItem) -> ItemView:
        session.flush()
        return item_view(item, session.get(Citizen, item.citizen_id) if item.citizen_id
                         else None, self.ctx.clock())

    def _touch(self, ticket: Ticket) -> None:
        """Every change of a ticket bumps its version, even when only a note was added."""
        ticket.updated_at = self.ctx.clock()
        flag_modified(ticket, "updated_at")

    @staticmethod
    def _require_work(actor: Actor, ticket: Ticket) -> None:
        actor.require(Permission.WORK_TICKET)
        if ticket.assignee_id != actor.operator_id:
            actor.require_department(ticket.department)

    def _apply_move(self, session: Session, actor: Actor, ticket: Ticket, target: Status) -> None:
        current = Status(ticket.status)
        before = _snapshot(ticket)
        if target.needs_assignee and ticket.assignee_id is None and target != current:
            actor.require(Permission.ASSIGN_SELF)
            actor.require_department(ticket.department)
            ticket.assignee_id = actor.operator_id
        check_move(current, target, has_assignee=ticket.assignee_id is not None)
        now = self.ctx.clock()
        ticket.status = target.value
        if target == Status.RESOLVED:
            ticket.resolved_at = now
        elif target == Status.CLOSED:
            ticket.closed_at = now
            ticket.resolved_at = ticket.resolved_at or now
        if is_reopen(current, target):
            ticket.resolved_at = None
            ticket.closed_at = None
        self._touch(ticket)
        action = "ticket.reopen" if is_reopen(current, target) else "ticket.move"
        record(session, self.ctx, actor, action, ticket_id=ticket.id, before=before,
               after=_snapshot(ticket))

    def _add_note(self, session: Session, actor: Actor, ticket: Ticket, text: str) -> TicketNote:
        text = clean_text(text).strip()
        if not text:
            raise ValidationError.of("note.empty")
        if len(text) > MAX_NOTE:
            raise ValidationError.of("note.too_long", limit=MAX_NOTE)
        note = TicketNote(ticket_id=ticket.id, author_id=actor.operator_id, text=text,
                          created_at=self.ctx.clock())
        session.add(note)
        session.flush()
        self._touch(ticket)
        record(session, self.ctx, actor, "ticket.note", ticket_id=ticket.id,
               after={"note_id": note.id})
        return note

