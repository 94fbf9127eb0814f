"""Moderation of the replies under the town's posts, under the published policy.

- Replies (mentions that answer a post: ``conversation_id`` differs from their own id) are
  read by conversation, each with the detector's flags and reasons, whether it is hidden or
  waits for a decision, and whether its author is muted.
- Operators *propose* (hide a reply, mute its author, delete one of the town's own posts);
  supervisors *approve* (X is asked, then the desk records it) or *reject*. Supervisors may
  act directly; an operator only for the reasons the policy lists in ``operator_direct``
  (obvious spam by default), and only when the detector calls the reply obvious.
- Every step is audited with who, why and the text as it was; the text stays in the
  archive (``moderation_actions.text``). Undo (unhide, unmute) is always possible.
- A hidden reply that also reports a problem (triage found a department) still becomes a
  ticket: moderation never drops a service request.
- When X refuses, X's reason comes back in one line and nothing changes locally (the
  refusal is written to the audit trail).

X is reached through a small port (``ModerationX``: the desk's XClient has these methods);
this module never imports the X adapter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import (
    ConflictError,
    JunDeskError,
    NotFoundError,
    PermissionDeniedError,
    SessionEndedError,
    ValidationError,
)
from jun_desk.domain.moderation import (
    ActionKind,
    ActionStatus,
    Assessment,
    Category,
    ModerationDetector,
    Policy,
    ReplyContext,
    load_detector,
    normalise,
)
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.text import clean_text
from jun_desk.domain.town_time import month_key
from jun_desk.resources import resource_path
from jun_desk.services.audit import record, record_refusal
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.models import Citizen, ModerationAction, Operator, TicketItem

DEFAULT_AVATAR = "default_profile_images"
_REVERSIBLE = {ActionKind.HIDE, ActionKind.MUTE}


class ModerationX(Protocol):
    """What the service needs of X (the desk's XClient provides it)."""

    def hide_reply(self, tweet_id: str, hidden: bool = True) -> bool: ...

    def mute(self, user_id: str, muted: bool = True) -> bool: ...

    def delete_tweet(self, tweet_id: str) -> bool: ...


class XRefusedError(JunDeskError):
    """X refused a moderation request: its reason, in one line; nothing changed here."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        # X's own failure (an XApiError) keeps its code, for the window to word it
        coded = cause if isinstance(cause, JunDeskError) and cause.code is not None else None
        super().__init__(message, code=coded.code if coded else "moderation.x_refused",
                         params=coded.params if coded else {"detail": message})


@cache
def shipped_policy() -> Policy:
    return Policy.load(resource_path("moderation", "policy.json"))


@dataclass(frozen=True, slots=True)
class ReplyView:
    item_id: int
    x_id: str
    conversation_id: str
    author_x_id: str
    author_handle: str | None
    text: str
    created_at: datetime
    assessment: Assessment
    ticket_id: int | None
    reports_problem: bool  # triage found a department: a service request inside
    hidden: bool
    pending: tuple[int, ...] = ()  # proposals waiting for a supervisor (action ids)
    pending_actions: tuple[str, ...] = ()
    muted: bool = False
    suggested_department: str | None = None  # triage's, where a ticket would go


@dataclass(frozen=True, slots=True)
class ConversationView:
    conversation_id: str
    replies: tuple[ReplyView, ...]
    # Who started it, as a direct reply to the first post says (X's in_reply_to_user_id):
    # the town's account (X lets it hide replies here) or a citizen (X does not).
    started_by_town: bool | None = None
    started_by: str | None = None  # the account's handle

    @property
    def flagged(self) -> int:
        return sum(1 for r in self.replies if r.assessment.flagged)


@dataclass(frozen=True, slots=True)
class ActionView:
    id: int
    action: ActionKind
    target_x_id: str
    item_id: int | None
    author_handle: str | None
    reason: str
    note: str | None
    text: str | None
    flags: tuple[str, ...]
    status: ActionStatus
    proposed_by: str | None
    proposed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    undone_by: str | None
    undone_at: datetime | None
    ticket_id: int | None = None  # a ticket the hidden reply still became


@dataclass(frozen=True, slots=True)
class ReportRow:
    month: str  # YYYY-MM
    reason: str
    action: str
    applied: int
    undone: int


@dataclass
class _Names:
    by_id: dict[int, str] = field(default_factory=dict)

    def __call__(self, operator_id: int | None) -> str | None:
        return self.by_id.get(operator_id) if operator_id is not None else None


def _flags(assessment: Assessment) -> list[str]:
    return [f.describe() for f in assessment.flags]


def _reports_problem(item: TicketItem) -> bool:
    return item.suggested_department not in (None, "", UNCLASSIFIED)


class ModerationService:
    def __init__(self, ctx: DeskContext, policy: Policy | None = None,
                 detector: ModerationDetector | None = None) -> None:
        self.ctx = ctx
        self._policy = policy
        self._detector = detector

    @property
    def policy(self) -> Policy:
        if self._policy is None:
            self._policy = shipped_policy()
        return self._policy

    @property
    def detector(self) -> ModerationDetector:
        if self._detector is None:
            self._detector = load_detector(resource_path("moderation", "lexicon.toml"),
                                           self.ctx.rules.privacy)
        return self._detector

    # ---------------------------------------------------------------- reading
    def conversations(self, *, flagged_only: bool = False, limit: int = 1000) \
            -> list[ConversationView]:
        """Replies under posts, grouped by conversation, newest conversation first."""
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(
                select(TicketItem, Citizen)
                .outerjoin(Citizen, Citizen.id == TicketItem.citizen_id)
                .where(TicketItem.kind == "mention", TicketItem.source == "tweet",
                       TicketItem.in_reply_to_x_id.is_not(None),
                       TicketItem.conversation_id != TicketItem.x_id)
                .order_by(TicketItem.id.desc()).limit(limit)).all()
            actions = list(session.scalars(select(ModerationAction).where(
                ModerationAction.status.in_([ActionStatus.PROPOSED.value,
                                             ActionStatus.APPLIED.value]))))
        hidden = {a.target_x_id for a in actions if a.action == ActionKind.HIDE.value
                  and a.status == ActionStatus.APPLIED.value}
        muted = {a.target_x_id for a in actions if a.action == ActionKind.MUTE.value
                 and a.status == ActionStatus.APPLIED.value}
        pending: dict[str, list[ModerationAction]] = {}
        for a in actions:
            if a.status == ActionStatus.PROPOSED.value:
                key = a.target_x_id if a.action != ActionKind.MUTE.value else \
                    f"user:{a.target_x_id}"
                pending.setdefault(key, []).append(a)
        texts = Counter(normalise(item.text) for item, _c in rows)
        roots = self._roots(rows)
        groups: dict[str, list[ReplyView]] = {}
        for item, citizen in rows:
            context = ReplyContext(
                repeats=texts[normalise(item.text)] - 1,
                default_avatar=bool(citizen and citizen.profile_image_url
                                    and DEFAULT_AVATAR in citizen.profile_image_url))
            assessment = self.detector.assess(item.text, context)
            if flagged_only and not assessment.flagged:
                continue
            waiting = pending.get(item.x_id, []) + pending.get(f"user:{item.author_x_id}", [])
            view = ReplyView(
                item_id=item.id, x_id=item.x_id, conversation_id=str(item.conversation_id),
                author_x_id=item.author_x_id, author_handle=citizen.handle if citizen else None,
                text=item.text, created_at=item.created_at, assessment=assessment,
                ticket_id=item.ticket_id, reports_problem=_reports_problem(item),
                hidden=item.x_id in hidden, pending=tuple(a.id for a in waiting),
                pending_actions=tuple(a.action for a in waiting),
                muted=item.author_x_id in muted,
                suggested_department=item.suggested_department)
            groups.setdefault(view.conversation_id, []).append(view)
        views = [ConversationView(cid, tuple(sorted(replies, key=lambda r: r.created_at)),
                                  *roots.get(cid, (None, None)))
                 for cid, replies in groups.items()]
        # the town's own posts first (where X lets the desk hide replies), newest first
        return sorted(views, key=lambda v: not v.started_by_town)

    def _roots(self, rows: Sequence[Any]) -> dict[str, tuple[bool, str | None]]:
        """Who started each conversation, from a direct reply to its first post."""
        authors: dict[str, str] = {}
        for item, _citizen in rows:
            raw = item.raw if isinstance(item.raw, dict) else {}
            author = raw.get("in_reply_to_user_id")
            if item.in_reply_to_x_id == item.conversation_id and author:
                authors[str(item.conversation_id)] = str(author)
        if not authors:
            return {}
        with self.ctx.db.session(readonly=True) as session:
            handles = dict(session.execute(select(Citizen.x_user_id, Citizen.handle).where(
                Citizen.x_user_id.in_(set(authors.values())))).all())
        accounts = {str(item.conversation_id): item.account for item, _c in rows}
        out: dict[str, tuple[bool, str | None]] = {}
        for cid, author in authors.items():
            account = accounts.get(cid) or ""
            handle = handles.get(author)
            # the desk's own account may be stored like a citizen: it is the town by name
            town = handle is None or handle.lower() == account.lower()
            out[cid] = (town, handle or account)
        return out

    def actions(self, *, status: str | None = None, limit: int = 500) -> list[ActionView]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(ModerationAction).order_by(ModerationAction.id.desc()).limit(limit)
            if status:
                query = query.where(ModerationAction.status == ActionStatus(status).value)
            rows = list(session.scalars(query))
            names = _Names(dict(session.execute(select(Operator.id, Operator.username)).all()))
            tickets = {i.id: i.ticket_id for i in session.scalars(select(TicketItem).where(
                TicketItem.id.in_([r.item_id for r in rows if r.item_id])))}
            return [self._view(r, names, tickets.get(r.item_id) if r.item_id else None)
                    for r in rows]

    def action(self, action_id: int) -> ActionView:
        with self.ctx.db.session(readonly=True) as session:
            row = session.get(ModerationAction, action_id)
            if row is None:
                raise NotFoundError.of("moderation.not_found", number=action_id)
            names = _Names(dict(session.execute(select(Operator.id, Operator.username)).all()))
            item = session.get(TicketItem, row.item_id) if row.item_id else None
            return self._view(row, names, item.ticket_id if item else None)

    def applied_for(self, action: str, target: str) -> int:
        """The id of the action in force on ``target`` (a reply's X id for hide; a user id
        or a reply's X id, standing for its author, for mute)."""
        kind = self._kind(action)
        with self.ctx.db.session(readonly=True) as session:
            targets = [target]
            if kind is ActionKind.MUTE:
                item = session.scalars(select(TicketItem).where(
                    TicketItem.source == "tweet", TicketItem.x_id == target)).first()
                if item is not None:
                    targets.append(item.author_x_id)
            row = session.scalars(select(ModerationAction).where(
                ModerationAction.action == kind.value,
                ModerationAction.target_x_id.in_(targets),
                ModerationAction.status == ActionStatus.APPLIED.value)
                .order_by(ModerationAction.id.desc())).first()
            if row is None:
                raise NotFoundError.of("moderation.nothing_in_force", move=kind.value,
                                       target_id=target)
            return row.id

    def report(self) -> list[ReportRow]:
        """Actions carried out per month of the town's calendar, reason and kind (what a
        transparency report publishes), with how many were undone since."""
        counts: Counter[tuple[str, str, str]] = Counter()
        undone: Counter[tuple[str, str, str]] = Counter()
        with self.ctx.db.session(readonly=True) as session:
            for row in session.scalars(select(ModerationAction).where(
                    ModerationAction.applied_at.is_not(None))):
                if row.applied_at is None:  # the query excludes it; the type does not know
                    continue
                key = (month_key(row.applied_at, self.ctx.zone), row.reason, row.action)
                counts[key] += 1
                if row.status == ActionStatus.UNDONE.value:
                    undone[key] += 1
        return [ReportRow(m, r, a, n, undone[(m, r, a)])
                for (m, r, a), n in sorted(counts.items())]

    # ---------------------------------------------------------------- changing
    def propose(self, actor: Actor, action: str, target: str, reason: str, *,
                note: str | None = None) -> ActionView:
        """An operator (or supervisor) proposes; nothing is asked of X yet. ``target``: a
        stored reply's X id (hide; mute takes its author) or a user id (mute), or one of
        the town's post ids (delete)."""
        kind = self._kind(action)
        self.policy.reason(reason, kind)
        note = clean_text(note.strip(), 2000) if note and note.strip() else None
        with unit_of_work(self.ctx, actor, "moderation.propose", subject=f"x:{target}"[:80]) \
                as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            row = self._new_row(session, kind, target, reason, note, fresh)
            duplicate = session.scalars(select(ModerationAction).where(
                ModerationAction.action == kind.value,
                ModerationAction.target_x_id == row.target_x_id,
                ModerationAction.status == ActionStatus.PROPOSED.value)).first()
            if duplicate is not None:
                raise ConflictError.of("moderation.duplicate", move=kind.value,
                                       number=duplicate.id)
            session.add(row)
            session.flush()
            record(session, self.ctx, fresh, "moderation.propose",
                   subject=f"moderation:{row.id}", after=self._audit(row), message=note)
            return self._view(row, _Names({fresh.operator_id: fresh.username}), None)

    def approve(self, actor: Actor, action_id: int, x: ModerationX, *,
                note: str | None = None) -> ActionView:
        """A supervisor approves a proposal: X is asked, then the desk records it."""
        with unit_of_work(self.ctx, actor, "moderation.approve",
                          subject=f"moderation:{action_id}") as (session, fresh):
            assert fresh is not None
            self._require_supervisor(fresh, "permission.moderation_approve")
            row = self._load(session, action_id)
            if row.status != ActionStatus.PROPOSED.value:
                raise ConflictError.of("moderation.decided", number=action_id,
                                       state=row.status)
        return self._apply(actor, action_id, x, note, "moderation.approve")

    def reject(self, actor: Actor, action_id: int, *, note: str | None = None) -> ActionView:
        with unit_of_work(self.ctx, actor, "moderation.reject",
                          subject=f"moderation:{action_id}") as (session, fresh):
            assert fresh is not None
            self._require_supervisor(fresh, "permission.moderation_reject")
            row = self._load(session, action_id)
            if row.status != ActionStatus.PROPOSED.value:
                raise ConflictError.of("moderation.decided", number=action_id,
                                       state=row.status)
            before = {"status": row.status}
            row.status = ActionStatus.REJECTED.value
            row.decided_by_id, row.decided_at = fresh.operator_id, self.ctx.clock()
            record(session, self.ctx, fresh, "moderation.reject",
                   subject=f"moderation:{row.id}", before=before, after=self._audit(row),
                   message=note)
        return self.action(action_id)

    def act(self, actor: Actor, action: str, target: str, reason: str, x: ModerationX, *,
            note: str | None = None) -> ActionView:
        """Act at once: supervisors; an operator only for the policy's ``operator_direct``
        reasons when the detector calls the reply obvious. Refused otherwise (audited).
        X is asked first; the desk records the action only once X has done it."""
        kind = self._kind(action)
        self.policy.reason(reason, kind)
        note = clean_text(note.strip(), 2000) if note and note.strip() else None
        audit_action = f"moderation.{kind.value}"
        with unit_of_work(self.ctx, actor, audit_action, subject=f"x:{target}"[:80]) \
                as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            row = self._new_row(session, kind, target, reason, note, fresh)
            if not fresh.is_supervisor and not self._operator_may(session, row, reason):
                raise PermissionDeniedError.of("permission.moderation_direct",
                                               username=fresh.username, move=kind.value,
                                               reason=reason)
            final_target = row.target_x_id
        self._ask_x(actor, f"x:{final_target}", audit_action,
                    self._x_call(kind, final_target, x))
        with unit_of_work(self.ctx, actor, audit_action, subject=f"x:{target}"[:80]) \
                as (session, fresh):
            assert fresh is not None
            row = self._new_row(session, kind, target, reason, note, fresh)
            session.add(row)
            session.flush()
            ticket_needed = self._record_applied(session, fresh, row, note, audit_action)
            action_id = row.id
        self._ticket_for(actor, ticket_needed)
        return self.action(action_id)

    def undo(self, actor: Actor, action_id: int, x: ModerationX, *,
             note: str | None = None) -> ActionView:
        """Unhide or unmute (anyone who works the desk; audited). A deleted post cannot
        come back on X: its text stays in the archive."""
        with unit_of_work(self.ctx, actor, "moderation.undo",
                          subject=f"moderation:{action_id}") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            row = self._load(session, action_id)
            kind = ActionKind(row.action)
            if kind not in _REVERSIBLE:
                raise ValidationError.of("moderation.undo_delete", number=action_id)
            if row.status != ActionStatus.APPLIED.value:
                raise ConflictError.of("moderation.not_applied", number=action_id,
                                       state=row.status)
            target = row.target_x_id
        self._ask_x(actor, f"moderation:{action_id}", "moderation.undo",
                    lambda: x.hide_reply(target, False) if kind is ActionKind.HIDE
                    else x.mute(target, False))
        with unit_of_work(self.ctx, actor, "moderation.undo",
                          subject=f"moderation:{action_id}") as (session, fresh):
            assert fresh is not None
            row = self._load(session, action_id)
            before = {"status": row.status}
            row.status = ActionStatus.UNDONE.value
            row.undone_by_id, row.undone_at = fresh.operator_id, self.ctx.clock()
            row.undo_note = clean_text(note, 2000) if note else None
            record(session, self.ctx, fresh, f"moderation.un{kind.value}",
                   subject=f"moderation:{row.id}", before=before, after=self._audit(row),
                   message=note)
        return self.action(action_id)

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _x_call(kind: ActionKind, target: str, x: ModerationX) -> Callable[[], bool]:
        return {
            ActionKind.HIDE: lambda: x.hide_reply(target, True),
            ActionKind.MUTE: lambda: x.mute(target, True),
            ActionKind.DELETE: lambda: x.delete_tweet(target),
        }[kind]

    def _apply(self, actor: Actor, action_id: int, x: ModerationX, note: str | None,
               audit_action: str) -> ActionView:
        with self.ctx.db.session(readonly=True) as session:
            row = self._load(session, action_id)
            kind, target = ActionKind(row.action), row.target_x_id
        self._ask_x(actor, f"moderation:{action_id}", audit_action,
                    self._x_call(kind, target, x))
        with unit_of_work(self.ctx, actor, audit_action,
                          subject=f"moderation:{action_id}") as (session, fresh):
            assert fresh is not None
            row = self._load(session, action_id)
            ticket_needed = self._record_applied(session, fresh, row, note, audit_action)
        self._ticket_for(actor, ticket_needed)
        return self.action(action_id)

    def _record_applied(self, session: Session, fresh: Actor, row: ModerationAction,
                        note: str | None, audit_action: str) -> int | None:
        """Mark the action applied (audited); the id of a hidden reply that reports a
        problem and has no ticket yet."""
        now = self.ctx.clock()
        before = {"status": row.status}
        row.status = ActionStatus.APPLIED.value
        row.decided_by_id, row.decided_at, row.applied_at = fresh.operator_id, now, now
        row.last_error = None
        record(session, self.ctx, fresh, audit_action, subject=f"moderation:{row.id}",
               before=before, after=self._audit(row), message=note)
        item = session.get(TicketItem, row.item_id) if row.item_id else None
        if (row.action == ActionKind.HIDE.value and item is not None and item.ticket_id is None
                and _reports_problem(item)):
            return int(item.id)
        return None

    def _ticket_for(self, actor: Actor, item_id: int | None) -> None:
        """A moderated citizen keeps their case: the report inside becomes a ticket."""
        if item_id is None:
            return
        from jun_desk.services.tickets import TicketService

        # it joined a ticket meanwhile; or its department is not the actor's (the refusal
        # is audited, and the message stays unhandled in the feed for that department)
        try:
            TicketService(self.ctx).create_from_item(actor, item_id)
        except SessionEndedError:
            raise  # signed out meanwhile: that is not a department question
        except (ConflictError, PermissionDeniedError):
            pass

    def _ask_x(self, actor: Actor, subject: str, audit_action: str,
               call: Callable[[], bool]) -> None:
        try:
            call()
        except (JunDeskError, OSError) as err:  # X refused or was not reached: nothing changed
            # (a bug here is not dressed up as X's refusal: it reaches the crash report)
            english = " ".join(str(err).split()) or type(err).__name__
            record_refusal(self.ctx, actor, audit_action, english, subject=subject[:80], error=err,
                           outcome="x_refused")
            raise XRefusedError(english, err) from None

    def _operator_may(self, session: Session, row: ModerationAction, reason: str) -> bool:
        if reason not in self.policy.operator_direct or row.action != ActionKind.HIDE.value:
            return False
        category = {c.value: c for c in Category}.get(reason)
        if category is None or row.item_id is None:
            return False
        item = session.get(TicketItem, row.item_id)
        citizen = session.get(Citizen, item.citizen_id) if item and item.citizen_id else None
        if item is None:
            return False
        same = session.scalars(select(TicketItem.text).where(
            TicketItem.conversation_id.is_not(None), TicketItem.kind == "mention",
            TicketItem.author_x_id != item.author_x_id).limit(5000)).all()
        norm = normalise(item.text)
        repeats = sum(1 for t in same if normalise(t) == norm)
        context = ReplyContext(repeats=repeats, default_avatar=bool(
            citizen and citizen.profile_image_url
            and DEFAULT_AVATAR in citizen.profile_image_url))
        return self.detector.assess(item.text, context).obvious(category)

    def _new_row(self, session: Session, kind: ActionKind, target: str, reason: str,
                 note: str | None, fresh: Actor) -> ModerationAction:
        target = str(target).strip()
        if not target.isascii() or not target.isdigit():
            raise ValidationError.of("moderation.bad_target", value=target[:40])
        item = session.scalars(select(TicketItem).where(
            TicketItem.source == "tweet", TicketItem.x_id == target)).first()
        citizen = session.get(Citizen, item.citizen_id) if item and item.citizen_id else None
        user_id: str | None  # whom it is about (None: a post the desk has not stored)
        if kind is ActionKind.HIDE:
            if item is None:
                raise NotFoundError.of("moderation.no_reply", target_id=target)
            user_id = item.author_x_id
        elif kind is ActionKind.MUTE:
            # a reply's id stands for its author
            if item is not None:
                target = item.author_x_id
            else:
                citizen = session.scalars(select(Citizen).where(
                    Citizen.x_user_id == target)).first()
            user_id = target
        else:
            user_id = item.author_x_id if item is not None else None
        if item is not None and kind is not ActionKind.DELETE:
            assessment = self.detector.assess(item.text)
        else:
            assessment = Assessment()
        return ModerationAction(
            account=item.account if item is not None else "",
            action=kind.value, target_x_id=target, item_id=item.id if item else None,
            author_x_id=user_id, author_handle=citizen.handle if citizen else None,
            conversation_id=item.conversation_id if item else None, reason=reason, note=note,
            text=item.text if item is not None else None, flags=_flags(assessment),
            status=ActionStatus.PROPOSED.value, proposed_by_id=fresh.operator_id,
            proposed_at=self.ctx.clock())

    @staticmethod
    def _kind(action: str) -> ActionKind:
        try:
            return ActionKind(action)
        except ValueError:
            raise ValidationError.of("moderation.unknown_action", value=action,
                                     moves=[a.value for a in ActionKind]) from None

    @staticmethod
    def _require_supervisor(actor: Actor, code: str) -> None:
        if not actor.is_supervisor:
            raise PermissionDeniedError.of(code, username=actor.username,
                                           role=actor.role.value)

    @staticmethod
    def _load(session: Session, action_id: int) -> ModerationAction:
        row = session.get(ModerationAction, action_id)
        if row is None:
            raise NotFoundError.of("moderation.not_found", number=action_id)
        return row

    @staticmethod
    def _audit(row: ModerationAction) -> dict[str, Any]:
        return {"action": row.action, "target_x_id": row.target_x_id, "reason": row.reason,
                "status": row.status, "text": row.text, "author": row.author_handle,
                "flags": row.flags}

    @staticmethod
    def _view(row: ModerationAction, names: _Names, ticket_id: int | None) -> ActionView:
        return ActionView(
            id=row.id, action=ActionKind(row.action), target_x_id=row.target_x_id,
            item_id=row.item_id, author_handle=row.author_handle, reason=row.reason,
            note=row.note, text=row.text, flags=tuple(row.flags or ()),
            status=ActionStatus(row.status), proposed_by=names(row.proposed_by_id),
            proposed_at=row.proposed_at, decided_by=names(row.decided_by_id),
            decided_at=row.decided_at, undone_by=names(row.undone_by_id),
            undone_at=row.undone_at, ticket_id=ticket_id)
