"""Announcements: the town's own posts and threads (issue 28).

Operators draft, edit and submit; supervisors approve or return with a comment, schedule,
and may publish directly. Publishing puts every post of the thread in the persistent outbox
(kind "post") in one transaction: the first post ``pending`` and due at the slot, the
others ``waiting`` until the previous one is on X (``OutboxService.mark_sent`` then makes
the next one pending, replying to it). So whichever desk's sender runs sends each post
once, in order, after a restart too. Cancel or edit before anything left: the outbox items
are withdrawn with a conditional update, so a sender that claimed the first post meanwhile
wins and the edit is refused. When X refuses a post for good the thread is stuck there: a
supervisor retries from it (``retry``, its text edited or not) or stops it (``stop``).
Every step is an audit event.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from jun_desk.domain.announcements import (
    LEFT,
    STUCK_STATES,
    CostEstimate,
    MissedSlot,
    State,
    check_slot,
    checked_posts,
    estimate,
    missed,
    over_budget,
    refused_post,
    require_state,
    split_thread,
)
from jun_desk.domain.costs import dollars
from jun_desk.domain.errors import InvalidTransitionError, NotFoundError, ValidationError
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.text import first_line
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.costs import CostService
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import Announcement, AnnouncementPost, Operator, OutboxItem

MEDIA_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})  # X v2 upload's types
MAX_IMAGE_BYTES = 5 * 1024 * 1024  # X's limit for an image


@dataclass(frozen=True, slots=True)
class PostView:
    position: int
    text: str
    x_id: str | None
    outbox_status: str | None  # pending | waiting | sending | sent | failed | cancelled
    error: str | None = None  # X's words when it refused this post


@dataclass(frozen=True, slots=True)
class AnnouncementView:
    id: int
    account: str
    state: State
    title: str
    posts: tuple[PostView, ...]
    scheduled_at: datetime | None
    if_missed: MissedSlot
    media_path: str | None
    comment: str | None
    cost_micro: int
    created_by: str | None
    approved_by: str | None
    created_at: datetime
    published_at: datetime | None

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.posts]

    @property
    def refused(self) -> PostView | None:
        """The post X refused for good, where the thread is stuck (else None)."""
        if self.state not in STUCK_STATES:
            return None
        position = refused_post([(p.position, p.outbox_status) for p in self.posts])
        return None if position is None else self.posts[position - 1]


def check_image(path: str) -> str:
    """An image to attach, or why not (the file, its kind, its size), before X sees it."""
    file = Path(path)
    try:
        size = file.stat().st_size
        with file.open("rb") as fh:
            head = fh.read(16)
    except OSError as err:
        raise ValidationError.of("announcement.image_missing", path=path,
                                 detail=err.strerror or str(err)) from None
    if file.suffix.lower() not in MEDIA_SUFFIXES or not _looks_like_image(head):
        raise ValidationError.of("announcement.image_type", path=path)
    if size > MAX_IMAGE_BYTES:
        raise ValidationError.of("announcement.image_refused", path=path,
                                 detail=f"{size} bytes, more than X's {MAX_IMAGE_BYTES}")
    return str(file)


def _looks_like_image(head: bytes) -> bool:
    return (head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"))
            or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"))


class AnnouncementService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.costs = CostService(ctx)

    # ------------------------------------------------------------------ reading
    def find(self, *, states: Sequence[State] | None = None) -> list[AnnouncementView]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(Announcement).order_by(Announcement.id.desc())
            if states:
                query = query.where(Announcement.state.in_([s.value for s in states]))
            return [self._view(session, row) for row in session.scalars(query)]

    def get(self, announcement_id: int) -> AnnouncementView:
        with self.ctx.db.session(readonly=True) as session:
            return self._view(session, self._row(session, announcement_id))

    def estimate(self, posts: Sequence[str]) -> CostEstimate:
        return estimate(posts, self.ctx.price_table)

    def preview(self, text: str) -> list[str]:
        """The posts ``text`` becomes (the editor's split preview)."""
        return split_thread(text)

    # ------------------------------------------------------------------ drafting
    def draft(self, actor: Actor, *, account: str, text: str | None = None,
              posts: Sequence[str] | None = None, scheduled_at: datetime | None = None,
              if_missed: MissedSlot = MissedSlot.LATE, media_path: str | None = None,
              submit: bool = False) -> AnnouncementView:
        """A new draft from a text (split into a thread if long) or from posts as given;
        ``submit``: sent for approval in the same transaction."""
        texts = self._texts(text, posts)
        slot = self._slot(scheduled_at)
        media = check_image(media_path) if media_path else None
        with unit_of_work(self.ctx, actor, "announcement.draft") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.DRAFT_ANNOUNCEMENT)
            row = Announcement(account=account, state=State.DRAFT.value,
                               title=first_line(texts[0], 120), scheduled_at=slot,
                               if_missed=MissedSlot(if_missed).value, media_path=media,
                               cost_micro=self.estimate(texts).micro,
                               created_by_id=fresh.operator_id, created_at=self.ctx.clock())
            row.posts = [AnnouncementPost(position=i, text=t) for i, t in enumerate(texts, 1)]
            session.add(row)
            session.flush()
            record(session, self.ctx, fresh, "announcement.draft",
                   subject=f"announcement:{row.id}",
                   after={"announcement": row.id, "posts": len(texts)})
            if submit:
                return self._move(session, fresh, row, State.PENDING, "announcement.submit")
            return self._view(session, row)

    def edit(self, actor: Actor, announcement_id: int, *, text: str | None = None,
             posts: Sequence[str] | None = None, scheduled_at: datetime | None = None,
             clear_schedule: bool = False, if_missed: MissedSlot | None = None,
             media_path: str | None = None, clear_media: bool = False,
             submit: bool = False) -> AnnouncementView:
        """Change a draft, or an announcement not yet on X: it goes back to a draft (to be
        approved again) and what waited in the outbox is withdrawn. ``submit``: sent for
        approval in the same transaction."""
        texts = self._texts(text, posts) if (text is not None or posts is not None) else None
        slot = self._slot(scheduled_at)
        media = check_image(media_path) if media_path else None
        with unit_of_work(self.ctx, actor, "announcement.edit") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.DRAFT_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            before = State(row.state)
            require_state("edit", before, row.id)
            self._withdraw(session, row)
            if texts is not None:
                for post in list(row.posts):
                    session.delete(post)
                session.flush()
                row.posts = [AnnouncementPost(position=i, text=t)
                             for i, t in enumerate(texts, 1)]
                row.title = first_line(texts[0], 120)
                row.cost_micro = self.estimate(texts).micro
            if slot is not None or clear_schedule:
                row.scheduled_at = slot
            if if_missed is not None:
                row.if_missed = MissedSlot(if_missed).value
            if media is not None or clear_media:
                row.media_path, row.media_x_id = media, None
            row.state = State.DRAFT.value
            row.approved_by_id = row.approved_at = None
            record(session, self.ctx, fresh, "announcement.edit",
                   subject=f"announcement:{row.id}",
                   before={"state": before.value},
                   after={"announcement": row.id, "state": row.state})
            if submit:
                return self._move(session, fresh, row, State.PENDING, "announcement.submit")
            return self._view(session, row)

    def submit(self, actor: Actor, announcement_id: int) -> AnnouncementView:
        with unit_of_work(self.ctx, actor, "announcement.submit") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.DRAFT_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            require_state("submit", State(row.state), row.id)
            return self._move(session, fresh, row, State.PENDING, "announcement.submit")

    # ------------------------------------------------------------------ supervising
    def approve(self, actor: Actor, announcement_id: int, *,
                confirm_over_budget: bool = False) -> AnnouncementView:
        """Approve; an announcement with a slot goes to the outbox at once (scheduled)."""
        with unit_of_work(self.ctx, actor, "announcement.approve") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            require_state("approve", State(row.state), row.id)
            row.approved_by_id, row.approved_at = fresh.operator_id, self.ctx.clock()
            row.comment = None
            if row.scheduled_at is not None:
                check_slot(row.scheduled_at, self.ctx.clock(), self.ctx.zone)
                self._check_budget(row, confirm_over_budget)
                self._enqueue(session, row, row.scheduled_at)
                return self._move(session, fresh, row, State.SCHEDULED, "announcement.approve")
            return self._move(session, fresh, row, State.APPROVED, "announcement.approve")

    def return_to_author(self, actor: Actor, announcement_id: int,
                         comment: str) -> AnnouncementView:
        comment = comment.strip()
        if not comment:
            raise ValidationError.of("announcement.return_comment")
        with unit_of_work(self.ctx, actor, "announcement.return") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            require_state("return", State(row.state), row.id)
            row.comment = comment[:2000]
            return self._move(session, fresh, row, State.RETURNED, "announcement.return",
                              message=row.comment)

    def schedule(self, actor: Actor, announcement_id: int, slot: datetime, *,
                 confirm_over_budget: bool = False) -> AnnouncementView:
        """Give an approved (or already scheduled) announcement its slot: into the outbox,
        due then. A draft takes its slot through ``edit``."""
        slot = check_slot(slot, self.ctx.clock(), self.ctx.zone)
        with unit_of_work(self.ctx, actor, "announcement.schedule") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            require_state("schedule", State(row.state), row.id)
            self._check_budget(row, confirm_over_budget)
            self._withdraw(session, row)
            row.scheduled_at = slot
            self._enqueue(session, row, slot)
            return self._move(session, fresh, row, State.SCHEDULED, "announcement.schedule",
                              extra={"scheduled_at": slot.isoformat()})

    def publish(self, actor: Actor, announcement_id: int, *, at: datetime | None = None,
                confirm_over_budget: bool = False) -> AnnouncementView:
        """A supervisor publishes, approval included: now, or ``at`` a later time."""
        slot = None if at is None else check_slot(at, self.ctx.clock(), self.ctx.zone)
        with unit_of_work(self.ctx, actor, "announcement.publish") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            require_state("publish", State(row.state), row.id)
            self._check_budget(row, confirm_over_budget)
            self._withdraw(session, row)
            now = self.ctx.clock()
            if row.approved_by_id is None:
                row.approved_by_id, row.approved_at = fresh.operator_id, now
            row.scheduled_at = slot  # now: no slot of its own (nor one to miss)
            self._enqueue(session, row, slot or now)
            return self._move(session, fresh, row, State.SCHEDULED, "announcement.publish",
                              extra={"scheduled_at": (slot or now).isoformat()})

    def cancel(self, actor: Actor, announcement_id: int) -> AnnouncementView:
        with unit_of_work(self.ctx, actor, "announcement.cancel") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.DRAFT_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            state = State(row.state)
            require_state("cancel", state, row.id)
            if state in (State.APPROVED, State.SCHEDULED):
                fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            self._withdraw(session, row)
            return self._move(session, fresh, row, State.CANCELLED, "announcement.cancel")

    # ------------------------------------------------------------------ a stuck thread
    def retry(self, actor: Actor, announcement_id: int, *,
              text: str | None = None) -> AnnouncementView:
        """A thread stuck on a post X refused: that post (``text``: edited) goes again, as a
        reply to the last post on X; the posts on X stay, the later ones follow it."""
        new_text = checked_posts([text])[0] if text is not None else None
        with unit_of_work(self.ctx, actor, "announcement.retry") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            post, failed = self._refused(session, row, "retry")
            before_text = post.text
            if new_text is not None:
                post.text = new_text
                if post.position == 1:
                    row.title = first_line(new_text, 120)
                row.cost_micro = self.estimate([p.text for p in row.posts]).micro
            previous = next((p for p in row.posts if p.position == post.position - 1), None)
            item = OutboxItem(
                idempotency_key=uuid.uuid4().hex, kind="post", account=row.account,
                ticket_id=None, in_reply_to_x_id=previous.x_id if previous else None,
                recipient_x_id=None, text=post.text, status="pending", attempts=0,
                next_attempt_at=self.ctx.clock(), created_by_id=fresh.operator_id,
                created_at=self.ctx.clock(), announcement_id=row.id, position=post.position)
            session.add(item)
            session.flush()
            post.outbox_id = item.id  # the refused item stays "failed", for the record
            row.comment = None
            return self._move(session, fresh, row, State(row.state), "announcement.retry",
                              message=failed.last_error,
                              extra={"position": post.position, "edited": new_text
                                     is not None and new_text != before_text,
                                     "refused_outbox_id": failed.id,
                                     "outbox_id": item.id})

    def stop(self, actor: Actor, announcement_id: int) -> AnnouncementView:
        """A thread stuck on a post X refused ends there: that post and the rest cancelled;
        the announcement published in part (or cancelled when nothing had left)."""
        with unit_of_work(self.ctx, actor, "announcement.stop") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.PUBLISH_ANNOUNCEMENT)
            row = self._row(session, announcement_id, lock=True)
            post, failed = self._refused(session, row, "stop")
            ids = [p.outbox_id for p in row.posts
                   if p.position >= post.position and p.outbox_id is not None]
            # the later posts only wait (never claimed while the refused one is not sent)
            session.execute(update(OutboxItem).where(
                OutboxItem.id.in_(ids), OutboxItem.status.in_(("failed", "waiting")))
                .values(status="cancelled", next_attempt_at=None))
            on_x = [p for p in row.posts if p.x_id is not None]
            if on_x:
                row.published_at = self.ctx.clock()
            return self._move(session, fresh, row,
                              State.PARTIAL if on_x else State.CANCELLED, "announcement.stop",
                              message=failed.last_error,
                              extra={"position": post.position,
                                     "on_x": {str(p.position): p.x_id for p in on_x},
                                     "cancelled": [p.position for p in row.posts
                                                   if p.position >= post.position]})

    @staticmethod
    def _refused(session: Session, row: Announcement,
                 step: str) -> tuple[AnnouncementPost, OutboxItem]:
        """The post where ``row``'s thread is stuck and its refused outbox item, or why
        the announcement is not stuck."""
        require_state(step, State(row.state), row.id)
        ids = [p.outbox_id for p in row.posts if p.outbox_id is not None]
        items = {i.id: i for i in session.scalars(
            select(OutboxItem).where(OutboxItem.id.in_(ids)))} if ids else {}
        position = refused_post([(p.position, items[p.outbox_id].status
                                  if p.outbox_id in items else None) for p in row.posts])
        if position is None:
            raise InvalidTransitionError.of("announcement.not_stuck", number=row.id)
        post = row.posts[position - 1]
        assert post.outbox_id is not None
        return post, items[post.outbox_id]

    # ------------------------------------------------------------------ the sender's side
    def hold_missed(self, account: str) -> list[int]:
        """Scheduled announcements whose slot passed while every desk was off and that
        say "hold": withdrawn from the outbox, back to a supervisor (pending). The
        "late" ones are left to go; their first post's event says it left late."""
        now = self.ctx.clock()
        held: list[int] = []
        with self.ctx.db.session() as session:
            rows = session.scalars(select(Announcement).where(
                Announcement.account == account,
                Announcement.state == State.SCHEDULED.value,
                Announcement.if_missed == MissedSlot.HOLD.value))
            for row in rows:
                if not missed(row.scheduled_at, now):
                    continue
                try:
                    self._withdraw(session, row)
                except InvalidTransitionError:
                    continue  # a sender took it meanwhile: it goes
                row.state = State.PENDING.value
                row.approved_by_id = row.approved_at = None
                slot = row.scheduled_at
                assert slot is not None
                row.comment = (f"missed its slot {slot.astimezone(self.ctx.zone):%Y-%m-%d %H:%M}"
                               " while every desk was off: held for approval")
                record(session, self.ctx, None, "announcement.missed",
                       subject=f"announcement:{row.id}",
                       after={"announcement": row.id, "state": row.state},
                       message=row.comment)
                held.append(row.id)
        return held

    def media_for(self, announcement_id: int) -> tuple[str | None, str | None]:
        """(the image's path, its X media id once uploaded)."""
        with self.ctx.db.session(readonly=True) as session:
            row = self._row(session, announcement_id)
            return row.media_path, row.media_x_id

    def media_uploaded(self, announcement_id: int, media_x_id: str) -> None:
        with self.ctx.db.session() as session:
            row = self._row(session, announcement_id)
            row.media_x_id = media_x_id

    def media_refused(self, announcement_id: int, detail: str) -> AnnouncementView:
        """X refused the image: nothing was posted; the announcement goes back to a draft,
        kept whole, with X's words as the comment."""
        with self.ctx.db.session() as session:
            row = self._row(session, announcement_id, lock=True)
            # The image goes before the first post: nothing of the thread is on X, even
            # the post the sender holds ("sending") may go back.
            ids = [p.outbox_id for p in row.posts if p.outbox_id is not None]
            session.execute(update(OutboxItem).where(OutboxItem.id.in_(ids),
                                                     OutboxItem.status != "sent")
                            .values(status="cancelled", next_attempt_at=None))
            for post in row.posts:
                post.outbox_id = None
            row.state = State.DRAFT.value
            row.approved_by_id = row.approved_at = None
            row.comment = f"X refused the image {row.media_path}: {detail}"[:2000]
            record(session, self.ctx, None, "announcement.media_refused",
                   subject=f"announcement:{row.id}",
                   after={"announcement": row.id, "state": row.state,
                          "error": "announcement.image_refused",
                          "params": {"path": row.media_path, "detail": detail}},
                   message=row.comment)
            return self._view(session, row)

    # ------------------------------------------------------------------ helpers
    def _texts(self, text: str | None, posts: Sequence[str] | None) -> list[str]:
        if posts is not None:
            return checked_posts(posts)
        return split_thread(text or "")

    def _slot(self, slot: datetime | None) -> datetime | None:
        return None if slot is None else check_slot(slot, self.ctx.clock(), self.ctx.zone)

    def _check_budget(self, row: Announcement, confirmed: bool) -> None:
        state = self.costs.state(row.account)
        budget = state.budget.monthly_micro
        if over_budget(row.cost_micro, state.month_micro, budget) and not confirmed:
            raise ValidationError.of("announcement.over_budget",
                                     cost=dollars(row.cost_micro),
                                     spent=dollars(state.month_micro),
                                     budget=dollars(budget))

    def _enqueue(self, session: Session, row: Announcement, due: datetime) -> None:
        created = self.ctx.clock()
        for post in row.posts:
            item = OutboxItem(
                idempotency_key=uuid.uuid4().hex, kind="post", account=row.account,
                ticket_id=None, in_reply_to_x_id=None, recipient_x_id=None, text=post.text,
                status="pending" if post.position == 1 else "waiting", attempts=0,
                next_attempt_at=due if post.position == 1 else None,
                created_by_id=row.approved_by_id, created_at=created,
                announcement_id=row.id, position=post.position)
            session.add(item)
            session.flush()
            post.outbox_id = item.id

    def _withdraw(self, session: Session, row: Announcement) -> None:
        """Take the announcement's posts out of the outbox, unless one left or is leaving
        (then refused: it is on its way to X)."""
        if State(row.state) in LEFT:
            require_state("edit", State(row.state), row.id)
        ids = [p.outbox_id for p in row.posts if p.outbox_id is not None]
        if not ids:
            return
        # Never tried, or refused by X for good: not on X. Anything else may be on its way.
        session.execute(
            update(OutboxItem).where(
                OutboxItem.id.in_(ids),
                or_(and_(OutboxItem.status.in_(("pending", "waiting")),
                         OutboxItem.attempts == 0),
                    OutboxItem.status == "failed"))
            .values(status="cancelled", next_attempt_at=None))
        live = session.scalar(select(OutboxItem.id).where(
            OutboxItem.id.in_(ids), OutboxItem.status != "cancelled").limit(1))
        if live is not None:
            # a sender claimed the first post meanwhile: it is leaving, too late to change
            raise InvalidTransitionError.of(
                "announcement.state", number=row.id, ann_step="edit",
                ann_state=State.PUBLISHING.value,
                ann_states=sorted(s.value for s in (State.DRAFT, State.APPROVED,
                                                     State.SCHEDULED)))
        for post in row.posts:
            post.outbox_id = None

    def _move(self, session: Session, actor: Actor, row: Announcement, to: State, code: str,
              *, message: str | None = None,
              extra: dict[str, object] | None = None) -> AnnouncementView:
        before = row.state
        row.state = to.value
        record(session, self.ctx, actor, code, subject=f"announcement:{row.id}",
               before={"state": before},
               after={"announcement": row.id, "state": to.value, **(extra or {})},
               message=message)
        session.flush()
        return self._view(session, row)

    @staticmethod
    def _row(session: Session, announcement_id: int, *, lock: bool = False) -> Announcement:
        query = select(Announcement).where(Announcement.id == announcement_id)
        if lock:
            query = query.with_for_update()
        row = session.scalar(query)
        if row is None:
            raise NotFoundError.of("announcement.not_found", number=announcement_id)
        return row

    @staticmethod
    def _view(session: Session, row: Announcement) -> AnnouncementView:
        ids = [p.outbox_id for p in row.posts if p.outbox_id is not None]
        statuses: dict[int, str] = {}
        errors: dict[int, str | None] = {}
        if ids:
            for outbox_id, status, error in session.execute(
                    select(OutboxItem.id, OutboxItem.status, OutboxItem.last_error)
                    .where(OutboxItem.id.in_(ids))):
                statuses[outbox_id] = status
                errors[outbox_id] = error if status == "failed" else None
        people = [i for i in (row.created_by_id, row.approved_by_id) if i]
        names: dict[int, str] = {}
        for operator_id, username in session.execute(
                select(Operator.id, Operator.username).where(Operator.id.in_(people))):
            names[operator_id] = username
        return AnnouncementView(
            row.id, row.account, State(row.state), row.title,
            tuple(PostView(p.position, p.text, p.x_id,
                           statuses.get(p.outbox_id) if p.outbox_id else None,
                           errors.get(p.outbox_id) if p.outbox_id else None)
                  for p in row.posts),
            row.scheduled_at, MissedSlot(row.if_missed), row.media_path, row.comment,
            row.cost_micro, names.get(row.created_by_id) if row.created_by_id else None,
            names.get(row.approved_by_id) if row.approved_by_id else None,
            row.created_at, row.published_at)


def post_sent(session: Session, ctx: DeskContext, item: OutboxItem, x_id: str) -> None:
    """A post of a thread is on X (the outbox's ``mark_sent``, same transaction): its X id
    kept, the next post made due as a reply to it, the announcement publishing or
    published. The first post sent past its slot's grace says so in the history."""
    row = session.get(Announcement, item.announcement_id)
    if row is None:
        return
    now = ctx.clock()
    for post in row.posts:
        if post.position == item.position:
            post.x_id = x_id
    nxt = next((p for p in row.posts if p.position == (item.position or 0) + 1), None)
    if nxt is not None and nxt.outbox_id is not None:
        session.execute(update(OutboxItem).where(OutboxItem.id == nxt.outbox_id,
                                                 OutboxItem.status == "waiting")
                        .values(status="pending", in_reply_to_x_id=x_id,
                                next_attempt_at=None))
    before = row.state
    row.state = (State.PUBLISHED if nxt is None else State.PUBLISHING).value
    if nxt is None:
        row.published_at = now
    late = item.position == 1 and missed(row.scheduled_at, now)
    message = None
    if late and row.scheduled_at is not None:
        message = (f"published late: its slot was "
                   f"{row.scheduled_at.astimezone(ctx.zone):%Y-%m-%d %H:%M} and every desk "
                   "was off")
    record(session, ctx, None, "announcement.post_sent", subject=f"announcement:{row.id}",
           before={"state": before},
           after={"announcement": row.id, "state": row.state, "position": item.position,
                  "x_id": x_id, **({"late": True} if late else {})},
           message=message)


def post_failed(session: Session, ctx: DeskContext, item: OutboxItem) -> None:
    """X refused a post for good (the outbox's ``mark_failed``, same transaction): the
    posts after it wait; the announcement says which post and why, for a person to see."""
    row = session.get(Announcement, item.announcement_id)
    if row is None:
        return
    row.comment = f"post {item.position} was not published: {item.last_error}"[:2000]
    record(session, ctx, None, "announcement.post_failed", subject=f"announcement:{row.id}",
           after={"announcement": row.id, "state": row.state, "position": item.position},
           message=row.comment)
