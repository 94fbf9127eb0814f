"""Outage and works notices: drafted by an operator, linked to the open tickets they cover
(the operator confirms the candidates the desk finds), and "responder a todos": one
action that answers every linked open ticket once, through the persistent outbox.

Publishing a notice is the announcements' work (a supervisor's): ``mark_published`` only
records which announcement carried it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from jun_desk.domain.canned import reply_language
from jun_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from jun_desk.domain.items import ItemKind
from jun_desk.domain.notices import (
    NoticeFields,
    NoticeKind,
    answer_text,
    checked_fields,
    local_to_utc,
    names_street,
    notice_text,
    window,
)
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.workflow import Status
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.outbox import OutboxService, checked_text
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.insert import rowcount
from jun_desk.store.models import Notice, NoticeTicket, OutboxItem, Ticket, TicketItem

OPEN_STATUSES = tuple(s.value for s in Status if s.is_open)


@dataclass(frozen=True, slots=True)
class NoticeView:
    id: int
    kind: NoticeKind
    street: str
    starts_at: datetime
    ends_at: datetime
    department: str
    status: str
    announcement_id: int | None
    created_at: datetime
    text_es: str
    text_en: str
    answer_es: str
    answer_en: str

    @property
    def fields(self) -> NoticeFields:
        return NoticeFields(self.kind, self.street, self.starts_at, self.ends_at,
                            self.department)


@dataclass(frozen=True, slots=True)
class LinkedTicket:
    ticket_id: int
    title: str
    status: str
    department: str
    answered_at: datetime | None
    outbox_id: int | None

    @property
    def to_answer(self) -> bool:
        """Open and not answered yet: what "responder a todos" would answer."""
        return self.answered_at is None and Status(self.status).is_open


@dataclass(frozen=True, slots=True)
class NoticeDetail:
    notice: NoticeView
    linked: tuple[LinkedTicket, ...]

    @property
    def to_answer(self) -> int:
        return sum(1 for t in self.linked if t.to_answer)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An open ticket the notice may cover, for the operator to confirm."""

    ticket_id: int
    title: str
    status: str
    created_at: datetime
    excerpt: str  # the text that names the street (the ticket's title or a message)
    linked: bool


@dataclass(frozen=True, slots=True)
class AnswerResult:
    answered: tuple[int, ...]  # tickets answered now (each with one outbox item)
    skipped: tuple[tuple[int, str], ...]  # (ticket, why): "answered", "closed", "no_contact"
    outbox_ids: tuple[int, ...]
    notice: NoticeDetail  # as the answers left it


class NoticeService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading
    def get(self, notice_id: int) -> NoticeDetail:
        with self.ctx.db.session(readonly=True) as session:
            return self._detail(session, self._load(session, notice_id))

    def recent(self, limit: int = 50) -> list[NoticeView]:
        with self.ctx.db.session(readonly=True) as session:
            rows = session.scalars(select(Notice).order_by(Notice.starts_at.desc(),
                                                           Notice.id.desc()).limit(limit))
            return [self._view(r) for r in rows]

    def preview(self, *, kind: str, street: str, department: str, starts_local: datetime,
                ends_local: datetime) -> tuple[str, str]:
        """The notice's text and its answer in Spanish, as they would be (or why not)."""
        fields = self._fields(kind, street, department, starts_local, ends_local)
        name = self.ctx.rules.catalogue.get(fields.department).name("es")
        return (notice_text(fields, self.ctx.zone, name, "es"),
                answer_text(fields, self.ctx.zone, "es"))

    def candidates(self, notice_id: int) -> list[Candidate]:
        """The open tickets of the notice's department, written around its time, whose
        title or messages name its street; the linked ones marked. Newest first."""
        with self.ctx.db.session(readonly=True) as session:
            notice = self._load(session, notice_id)
            fields = self._view(notice).fields
            since, until = window(fields)
            tickets = session.scalars(select(Ticket).where(
                Ticket.department == notice.department, Ticket.status.in_(OPEN_STATUSES),
                Ticket.merged_into_id.is_(None), Ticket.created_at >= since,
                Ticket.created_at <= until).order_by(Ticket.created_at.desc())).all()
            linked = self._linked_ids(session, notice_id)
            texts: dict[int | None, list[str]] = {}
            if tickets:
                for ticket_id, text in session.execute(
                        select(TicketItem.ticket_id, TicketItem.text).where(
                            TicketItem.ticket_id.in_([t.id for t in tickets]),
                            TicketItem.kind.in_((ItemKind.MENTION.value,
                                                 ItemKind.DM_IN.value)))
                        .order_by(TicketItem.created_at)):
                    texts.setdefault(ticket_id, []).append(text)
            found = []
            for ticket in tickets:
                excerpt = next((t for t in (ticket.title, *texts.get(ticket.id, ()))
                                if names_street(t, notice.street)), None)
                if excerpt is not None or ticket.id in linked:
                    found.append(Candidate(ticket.id, ticket.title, ticket.status,
                                           ticket.created_at, excerpt or ticket.title,
                                           ticket.id in linked))
            return found

    # ---------------------------------------------------------------- changes
    def create(self, actor: Actor, *, kind: str, street: str, department: str,
               starts_local: datetime, ends_local: datetime) -> NoticeDetail:
        """A draft notice; ``starts_local``/``ends_local`` are the town's wall-clock times."""
        fields = self._fields(kind, street, department, starts_local, ends_local)
        self.preview(kind=kind, street=street, department=department,
                     starts_local=starts_local, ends_local=ends_local)  # fits in a post
        with unit_of_work(self.ctx, actor, "notice.create") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            fresh.require_department(fields.department)
            row = Notice(kind=fields.kind.value, street=fields.street,
                         starts_at=fields.starts_at, ends_at=fields.ends_at,
                         department=fields.department, status="draft",
                         created_by_id=fresh.operator_id, created_at=self.ctx.clock())
            session.add(row)
            session.flush()
            record(session, self.ctx, fresh, "notice.create", subject=f"notice:{row.id}",
                   after={"notice_id": row.id, "kind": row.kind, "street": row.street,
                          "department": row.department,
                          "starts_at": row.starts_at.isoformat(),
                          "ends_at": row.ends_at.isoformat()})
            return self._detail(session, row)

    def link(self, actor: Actor, notice_id: int, ticket_ids: Iterable[int],
             unlink: Iterable[int] = ()) -> NoticeDetail:
        """Link the tickets the operator confirmed (the ones linked already stay as they
        are), and take back those in ``unlink`` not answered yet, in one transaction. Each
        ticket linked must be open and of the notice's department."""
        wanted = sorted(set(ticket_ids))
        with unit_of_work(self.ctx, actor, "notice.link") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            notice = self._load(session, notice_id)
            fresh.require_department(notice.department)
            linked = self._linked_ids(session, notice_id)
            for ticket_id in wanted:
                if ticket_id in linked:
                    continue
                ticket = session.get(Ticket, ticket_id)
                if ticket is None:
                    raise NotFoundError.of("ticket.not_found", ticket=ticket_id)
                if not Status(ticket.status).is_open:
                    raise ValidationError.of("notice.ticket_closed", ticket=ticket_id,
                                             status=ticket.status)
                if ticket.department != notice.department:
                    raise ValidationError.of("notice.ticket_department", ticket=ticket_id,
                                             department=ticket.department)
                session.add(NoticeTicket(notice_id=notice_id, ticket_id=ticket_id,
                                         linked_by_id=fresh.operator_id,
                                         linked_at=self.ctx.clock()))
                record(session, self.ctx, fresh, "notice.link", ticket_id=ticket_id,
                       subject=f"notice:{notice_id}", after={"notice_id": notice_id})
            for ticket_id in sorted(set(unlink) - set(wanted)):
                self._unlink(session, fresh, notice_id, ticket_id)
            session.flush()
            return self._detail(session, notice)

    def unlink(self, actor: Actor, notice_id: int, ticket_id: int) -> NoticeDetail:
        """Take back a link not answered yet (an answered one is history: it stays)."""
        with unit_of_work(self.ctx, actor, "notice.unlink", ticket_id=ticket_id) as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            notice = self._load(session, notice_id)
            fresh.require_department(notice.department)
            self._unlink(session, fresh, notice_id, ticket_id)
            session.flush()
            return self._detail(session, notice)

    def _unlink(self, session: Session, actor: Actor, notice_id: int, ticket_id: int) -> None:
        link = session.get(NoticeTicket, (notice_id, ticket_id))
        if link is not None and link.answered_at is None:
            session.delete(link)
            record(session, self.ctx, actor, "notice.unlink", ticket_id=ticket_id,
                   subject=f"notice:{notice_id}", after={"notice_id": notice_id})

    def answer_all(self, actor: Actor, notice_id: int, *, account: str,
                   language: str | None = None) -> AnswerResult:
        """"Responder a todos": every linked ticket still open and not answered gets the
        notice's answer ("Ya lo sabemos: …") once, as a reply to its last mention (a DM
        when it has none), queued in the outbox in this one transaction. In ``language``,
        or (None) in each citizen's: English when what they wrote reads as English,
        Spanish otherwise. A second click, on
        this desk or another, answers none of them again: each link is claimed with a
        conditional update before its message is queued."""
        with unit_of_work(self.ctx, actor, "notice.answer") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            notice = self._load(session, notice_id)
            fresh.require_department(notice.department)
            fields = self._view(notice).fields
            links = session.scalars(select(NoticeTicket).where(
                NoticeTicket.notice_id == notice_id).order_by(NoticeTicket.ticket_id)).all()
            answered: list[int] = []
            outbox_ids: list[int] = []
            skipped: list[tuple[int, str]] = []
            outbox = OutboxService(self.ctx)
            now = self.ctx.clock()
            for link in links:
                if link.answered_at is not None:
                    skipped.append((link.ticket_id, "answered"))
                    continue
                ticket = session.get(Ticket, link.ticket_id)
                assert ticket is not None  # a foreign key
                if not Status(ticket.status).is_open:
                    skipped.append((ticket.id, "closed"))
                    continue
                kind = self._answer_kind(session, ticket)
                if kind is None:
                    skipped.append((ticket.id, "no_contact"))
                    continue
                if ticket.assignee_id != fresh.operator_id:
                    fresh.require_department(ticket.department)
                claimed = rowcount(session.execute(
                    update(NoticeTicket).where(NoticeTicket.notice_id == notice_id,
                                               NoticeTicket.ticket_id == ticket.id,
                                               NoticeTicket.answered_at.is_(None))
                    .values(answered_at=now)))
                if claimed != 1:  # another desk answered it meanwhile
                    skipped.append((ticket.id, "answered"))
                    continue
                text = answer_text(fields, self.ctx.zone,
                                   language or self._citizen_language(session, ticket),
                                   ticket.id)
                queued = outbox.queue(session, fresh, ticket, kind, checked_text(kind, text),
                                      account=account)
                # one outbox item per notice and ticket, whatever happens: the unique key
                item = session.get(OutboxItem, queued.id)
                assert item is not None
                item.idempotency_key = f"notice:{notice_id}:ticket:{ticket.id}"
                session.execute(update(NoticeTicket).where(
                    NoticeTicket.notice_id == notice_id, NoticeTicket.ticket_id == ticket.id)
                    .values(outbox_id=queued.id))
                session.execute(update(TicketItem).where(
                    TicketItem.ticket_id == ticket.id, TicketItem.handled.is_(False),
                    TicketItem.kind.in_((ItemKind.MENTION.value, ItemKind.DM_IN.value)))
                    .values(handled=True))
                ticket.updated_at = now  # the ticket's version moves: it was answered
                flag_modified(ticket, "updated_at")
                record(session, self.ctx, fresh, "notice.answer", ticket_id=ticket.id,
                       subject=f"notice:{notice_id}",
                       after={"notice_id": notice_id, "outbox_id": queued.id, "kind": kind})
                answered.append(ticket.id)
                outbox_ids.append(queued.id)
            session.flush()
            return AnswerResult(tuple(answered), tuple(skipped), tuple(outbox_ids),
                                self._detail(session, notice))

    def mark_published(self, actor: Actor, notice_id: int,
                       announcement_id: int | None = None) -> NoticeDetail:
        """Record that the notice was published (by the announcement ``announcement_id``).
        A supervisor's act, as publishing is."""
        with unit_of_work(self.ctx, actor, "notice.publish") as (session, fresh):
            assert fresh is not None
            if not fresh.is_supervisor:
                raise PermissionDeniedError.of("notice.publish_supervisor",
                                               username=fresh.username,
                                               role=fresh.role.value)
            notice = self._load(session, notice_id)
            if notice.status == "published":
                raise ValidationError.of("notice.published", notice=notice_id)
            notice.status = "published"
            notice.announcement_id = announcement_id
            record(session, self.ctx, fresh, "notice.publish", subject=f"notice:{notice_id}",
                   after={"notice_id": notice_id, "announcement_id": announcement_id})
            session.flush()
            return self._detail(session, notice)

    # ---------------------------------------------------------------- internals
    def _fields(self, kind: str, street: str, department: str, starts_local: datetime,
                ends_local: datetime) -> NoticeFields:
        self.ctx.rules.catalogue.get(department)  # a known department, or why not
        zone = self.ctx.zone
        return checked_fields(kind, street, local_to_utc(starts_local, zone),
                              local_to_utc(ends_local, zone), department)

    @staticmethod
    def _answer_kind(session: Session, ticket: Ticket) -> str | None:
        mention = session.scalar(select(TicketItem.id).where(
            TicketItem.ticket_id == ticket.id, TicketItem.kind == ItemKind.MENTION.value)
            .limit(1))
        if mention is not None:
            return "reply"
        return "dm" if ticket.citizen_id is not None else None

    @staticmethod
    def _citizen_language(session: Session, ticket: Ticket) -> str:
        return reply_language(list(session.scalars(select(TicketItem.text).where(
            TicketItem.ticket_id == ticket.id,
            TicketItem.kind.in_((ItemKind.MENTION.value, ItemKind.DM_IN.value))))))

    @staticmethod
    def _load(session: Session, notice_id: int) -> Notice:
        notice = session.get(Notice, notice_id)
        if notice is None:
            raise NotFoundError.of("notice.not_found", notice=notice_id)
        return notice

    @staticmethod
    def _linked_ids(session: Session, notice_id: int) -> set[int]:
        return set(session.scalars(select(NoticeTicket.ticket_id).where(
            NoticeTicket.notice_id == notice_id)))

    def _view(self, row: Notice) -> NoticeView:
        fields = NoticeFields(NoticeKind(row.kind), row.street, row.starts_at, row.ends_at,
                              row.department)
        zone = self.ctx.zone
        catalogue = self.ctx.rules.catalogue
        names = {lang: (catalogue.get(row.department).name(lang)
                        if row.department in catalogue else row.department)
                 for lang in ("es", "en")}
        return NoticeView(row.id, fields.kind, row.street, row.starts_at, row.ends_at,
                          row.department, row.status, row.announcement_id, row.created_at,
                          notice_text(fields, zone, names["es"], "es"),
                          notice_text(fields, zone, names["en"], "en"),
                          answer_text(fields, zone, "es"), answer_text(fields, zone, "en"))

    def _detail(self, session: Session, row: Notice) -> NoticeDetail:
        rows = session.execute(
            select(NoticeTicket, Ticket.title, Ticket.status, Ticket.department)
            .join(Ticket, Ticket.id == NoticeTicket.ticket_id)
            .where(NoticeTicket.notice_id == row.id).order_by(NoticeTicket.ticket_id)).all()
        linked = tuple(LinkedTicket(link.ticket_id, title, status, department,
                                    link.answered_at, link.outbox_id)
                       for link, title, status, department in rows)
        return NoticeDetail(self._view(row), linked)
