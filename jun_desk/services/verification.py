"""Verifying residents (issue 27, item 3): requests, one-time codes sent by DM through the
persistent outbox, confirmation at the counter or by another channel, revocation.

Permissions are checked here: any operator may start a verification and confirm one at the
counter (with the citizen's code and an identity document checked); only a supervisor
(``VERIFY_CITIZEN``) confirms by another channel and revokes. Every step writes an audit
event; a refused code is audited too, and its counted attempt is kept (committed) before
the refusal is raised, so three wrong codes spend the code whatever the caller does next.

The code itself is returned to nobody: it travels in the DM's text (the outbox must keep
that text to send it exactly once) and is hidden from the desk's copies of that DM once the
code is used, spent, expired or superseded (``hide_codes``). The database keeps its
Argon2id hash only.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jun_desk.domain.canned import VERIFICATION_CODE_DM, load_canned, reply_language
from jun_desk.domain.errors import JunDeskError, NotFoundError, ValidationError, bad_resource
from jun_desk.domain.items import ItemKind
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.verification import (
    CODE_ALPHABET,
    CODE_LENGTH,
    OPEN_STATES,
    Document,
    Method,
    Outcome,
    RequestedVia,
    State,
    VerificationSettings,
    badge_shown,
    check_transition,
    hide_codes,
    is_request,
    judge_code,
    normalize_code,
    parse_document,
    shown_code,
    well_formed,
)
from jun_desk.resources import resource_path
from jun_desk.services import passwords
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.outbox import WITHDRAWN, checked_text
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.insert import rowcount
from jun_desk.store.models import Citizen, Operator, OutboxItem, TicketItem, Verification

MAX_NOTE = 500


def load_settings(ctx: DeskContext) -> VerificationSettings:
    """``resources/verification.toml``, checked against the departments."""
    path = resource_path("verification.toml")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise bad_resource(f"Cannot read the verification settings {path}: {err}") from None
    return VerificationSettings.parse(text, frozenset(ctx.catalogue.codes))


def random_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@dataclass(frozen=True, slots=True)
class VerificationView:
    id: int
    citizen_id: int
    handle: str
    state: State
    requested_via: RequestedVia
    ticket_id: int | None
    created_at: datetime
    started_by: str | None
    code_sent_at: datetime | None
    code_expires_at: datetime | None
    attempts: int
    outbox_id: int | None
    outbox_status: str | None
    confirmed_by: str | None
    confirmed_at: datetime | None
    method: Method | None
    document: Document | None
    note: str | None
    verified_until: datetime | None
    closed_at: datetime | None
    revoked_by: str | None


@dataclass(frozen=True, slots=True)
class CitizenVerification:
    """What the citizen panel shows: whether the badge shows now, how, when and by whom,
    until when, and the latest verification (a request or a code waiting, say)."""

    citizen_id: int
    handle: str
    verified: bool  # the badge shows (verified and not lapsed)
    lapsed: bool  # verified once, but the period ran out
    verified_by: str | None
    verified_at: datetime | None
    verified_until: datetime | None
    how: Method | None
    latest: VerificationView | None


class VerificationService:
    def __init__(self, ctx: DeskContext, *, settings: VerificationSettings | None = None,
                 codes: Callable[[], str] = random_code) -> None:
        self.ctx = ctx
        self._codes = codes
        # Read with the desk's services (on the start's worker), never later on the GUI
        # thread when the ticket pane asks what needs a verified resident.
        self.settings = settings or load_settings(ctx)

    # ------------------------------------------------------------------ reading
    def status(self, citizen_id: int) -> CitizenVerification:
        return read_status(self.ctx, citizen_id)

    def list(self, *, states: Sequence[State] = (), limit: int = 200) -> list[VerificationView]:
        query = select(Verification).order_by(Verification.id.desc()).limit(limit)
        if states:
            query = query.where(Verification.state.in_([s.value for s in states]))
        with self.ctx.db.session(readonly=True) as session:
            return [_view(session, row) for row in session.scalars(query)]

    def needs_verified(self, department: str, language: str = "es") -> str | None:
        """What of ``department`` needs a verified resident (None: nothing does)."""
        matter = self.settings.needs_verified(department)
        if matter is None:
            return None
        return matter[1] if language.startswith("en") else matter[0]

    # ------------------------------------------------------------------ starting
    def start(self, actor: Actor, citizen_id: int, *, account: str,
              ticket_id: int | None = None) -> VerificationView:
        """Send ``citizen_id`` a one-time code by DM (queued in the outbox, sent once by
        the outbox worker), in the citizen's language. A code waiting is superseded; a
        request the citizen made becomes this one."""
        code = self._codes()
        hashed = passwords.hash_password(code)
        subject = f"citizen:{citizen_id}"
        with unit_of_work(self.ctx, actor, "verification.start", subject=subject,
                          ticket_id=ticket_id) as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            citizen = _citizen(session, citizen_id)
            now = self.ctx.clock()
            policy = self.settings.policy
            row = None
            for open_row in session.scalars(_open_for(citizen.id)):
                if open_row.state == State.REQUESTED.value and row is None:
                    row = open_row
                else:
                    self._close(session, open_row, State.CANCELLED, now)
            if row is None:
                row = Verification(citizen_id=citizen.id, state=State.REQUESTED.value,
                                   requested_via=RequestedVia.OPERATOR.value,
                                   ticket_id=ticket_id, started_by_id=fresh.operator_id,
                                   created_at=now, attempts=0,
                                   language=self._language(session, citizen))
                session.add(row)
            check_transition(State(row.state), State.CODE_SENT)
            row.state, row.code_hash = State.CODE_SENT.value, hashed
            row.code_sent_at, row.code_expires_at = now, policy.code_expires(now)
            row.attempts, row.started_by_id = 0, fresh.operator_id
            row.ticket_id = row.ticket_id or ticket_id
            text = self._code_text(citizen, row.language, code, policy.code_hours)
            outbox = OutboxItem(
                idempotency_key=uuid.uuid4().hex, kind="dm", account=account,
                ticket_id=row.ticket_id, recipient_x_id=citizen.x_user_id,
                text=checked_text("dm", text), status="pending", attempts=0,
                created_by_id=fresh.operator_id, created_at=now)
            session.add(outbox)
            session.flush()
            row.outbox_id = outbox.id
            record(session, self.ctx, fresh, "verification.start", subject=subject,
                   ticket_id=row.ticket_id,
                   after={"verification_id": row.id, "outbox_id": outbox.id,
                          "requested_via": row.requested_via,
                          "code_expires_at": row.code_expires_at.isoformat(
                              timespec="seconds")})
            return _view(session, row)

    def _language(self, session: Session, citizen: Citizen) -> str:
        texts = list(session.scalars(
            select(TicketItem.text).where(TicketItem.citizen_id == citizen.id,
                                          TicketItem.kind.in_([ItemKind.MENTION.value,
                                                               ItemKind.DM_IN.value]))
            .order_by(TicketItem.id.desc()).limit(5)))
        return reply_language(texts)

    @staticmethod
    def _code_text(citizen: Citizen, language: str, code: str, hours: float) -> str:
        canned = {r.id: r for r in load_canned(resource_path("canned_replies.json"))}
        name = (citizen.name or citizen.handle).split()[0] if (citizen.name or citizen.handle) \
            else ""
        return canned[VERIFICATION_CODE_DM].render(
            {"nombre": name, "codigo": shown_code(code), "horas": f"{hours:g}"}, language)

    # ------------------------------------------------------------------ confirming
    def confirm_at_counter(self, actor: Actor, citizen_id: int, code: str, *,
                           document: str, document_checked: bool) -> CitizenVerification:
        """The operator at the counter typed the code the citizen shows and checked an
        identity document (its kind is kept, never its number). A wrong, expired or
        spent code is refused with the reason; the wrong attempt is counted (kept)."""
        kind = parse_document(document)
        if not document_checked:
            raise ValidationError.of("verification.document_unchecked")
        typed = normalize_code(code)
        if not typed:
            raise ValidationError.of("verification.code_empty")
        if not well_formed(typed):  # can never match: a slip of the keyboard, not a guess
            raise ValidationError.of("verification.code_malformed", typed=code.strip()[:20],
                                     length=CODE_LENGTH)
        subject = f"citizen:{citizen_id}"
        refusal: JunDeskError | None = None
        with unit_of_work(self.ctx, actor, "verification.confirm", subject=subject) as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.WORK_TICKET)
            citizen = _citizen(session, citizen_id)
            row = session.scalar(_open_for(citizen.id).order_by(Verification.id.desc())
                                 .limit(1).with_for_update())
            now = self.ctx.clock()
            policy = self.settings.policy
            matches = (row is not None and row.code_hash is not None
                       and len(typed) <= 32
                       and passwords.verify_password(row.code_hash, typed))
            judged = judge_code(
                state=State(row.state) if row is not None else State.CANCELLED,
                attempts=row.attempts if row is not None else 0,
                expires_at=row.code_expires_at if row is not None else None,
                now=now, matches=matches, policy=policy)
            if judged.outcome is Outcome.OK:
                assert row is not None
                self._verify(session, fresh, citizen, row, Method.COUNTER, now,
                             document=kind)
                record(session, self.ctx, fresh, "verification.confirm", subject=subject,
                       ticket_id=row.ticket_id,
                       after={"verification_id": row.id, "method": Method.COUNTER.value,
                              "document": kind.value,
                              "verified_until": _iso(row.verified_until)})
                return self._status(session, citizen, row)
            refusal = self._refusal(session, citizen, row, judged.outcome, judged.left,
                                    judged.attempts, now)
            record(session, self.ctx, fresh, "verification.code_refused", subject=subject,
                   ticket_id=row.ticket_id if row is not None else None, outcome="refused",
                   message=str(refusal),
                   after={"error": refusal.code, "params": refusal.params,
                          "verification_id": row.id if row is not None else None,
                          "attempts": judged.attempts})
        raise refusal  # after the commit: the counted attempt and the audit event stay

    def _refusal(self, session: Session, citizen: Citizen, row: Verification | None,
                 outcome: Outcome, left: int, attempts: int, now: datetime) -> JunDeskError:
        handle = citizen.handle
        if row is None or outcome is Outcome.NOT_PENDING:
            return ValidationError.of("verification.no_code", handle=handle)
        if outcome is Outcome.EXPIRED:
            at = row.code_expires_at
            self._close(session, row, State.EXPIRED, now)
            return ValidationError.of("verification.code_expired", handle=handle,
                                      at=f"{at:%Y-%m-%d %H:%M}" if at else "?")
        row.attempts = attempts
        if outcome is Outcome.SPENT:
            self._close(session, row, State.SPENT, now)
            return ValidationError.of("verification.code_spent", handle=handle,
                                      attempts=attempts)
        return ValidationError.of("verification.code_wrong", handle=handle, left=left)

    def confirm_other_channel(self, actor: Actor, citizen_id: int,
                              note: str) -> CitizenVerification:
        """A supervisor verifies the citizen by another channel (a call, the padrón…),
        saying how in ``note``; any code waiting is superseded."""
        note = " ".join(note.split())[:MAX_NOTE]
        subject = f"citizen:{citizen_id}"
        with unit_of_work(self.ctx, actor, "verification.confirm", subject=subject) as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.VERIFY_CITIZEN)
            citizen = _citizen(session, citizen_id)
            if not note:
                raise ValidationError.of("verification.note_required", handle=citizen.handle)
            now = self.ctx.clock()
            row = None
            for open_row in session.scalars(_open_for(citizen.id)
                                            .order_by(Verification.id.desc())):
                if row is None:
                    row = open_row
                else:
                    self._close(session, open_row, State.CANCELLED, now)
            if row is None:
                row = Verification(citizen_id=citizen.id, state=State.REQUESTED.value,
                                   requested_via=RequestedVia.OPERATOR.value,
                                   started_by_id=fresh.operator_id, created_at=now,
                                   attempts=0, language="es")
                session.add(row)
            row.note = note
            self._verify(session, fresh, citizen, row, Method.OTHER_CHANNEL, now)
            record(session, self.ctx, fresh, "verification.confirm", subject=subject,
                   ticket_id=row.ticket_id,
                   after={"verification_id": row.id, "method": Method.OTHER_CHANNEL.value,
                          "verified_until": _iso(row.verified_until)}, message=note)
            return self._status(session, citizen, row)

    def _verify(self, session: Session, actor: Actor, citizen: Citizen, row: Verification,
                method: Method, now: datetime, *, document: Document | None = None) -> None:
        check_transition(State(row.state), State.VERIFIED)
        until = self.settings.policy.verified_until(now)
        row.state, row.method = State.VERIFIED.value, method.value
        row.document = document.value if document is not None else None
        row.confirmed_by_id, row.confirmed_at, row.verified_until = actor.operator_id, now, until
        row.code_hash = None
        self._hide_code(session, row)
        citizen.verified_resident, citizen.verified_by_id = True, actor.operator_id
        citizen.verified_at, citizen.verified_until = now, until
        citizen.verified_how = method.value

    # ------------------------------------------------------------------ revoking
    def revoke(self, actor: Actor, citizen_id: int, note: str) -> CitizenVerification:
        """A supervisor withdraws the citizen's verification, saying why."""
        note = " ".join(note.split())[:MAX_NOTE]
        subject = f"citizen:{citizen_id}"
        with unit_of_work(self.ctx, actor, "verification.revoke", subject=subject) as (
            session, fresh,
        ):
            assert fresh is not None
            fresh.require(Permission.VERIFY_CITIZEN)
            citizen = _citizen(session, citizen_id)
            if not citizen.verified_resident:
                raise ValidationError.of("verification.not_verified", handle=citizen.handle)
            if not note:
                raise ValidationError.of("verification.note_required", handle=citizen.handle)
            now = self.ctx.clock()
            row = session.scalar(select(Verification).where(
                Verification.citizen_id == citizen.id,
                Verification.state == State.VERIFIED.value)
                .order_by(Verification.id.desc()).limit(1))
            if row is not None:
                self._close(session, row, State.REVOKED, now)
                row.revoked_by_id, row.revoke_note = fresh.operator_id, note
            before = {"verified_resident": True, "verified_how": citizen.verified_how,
                      "verified_until": _iso(citizen.verified_until)}
            citizen.verified_resident, citizen.verified_by_id = False, None
            citizen.verified_at = citizen.verified_until = citizen.verified_how = None
            record(session, self.ctx, fresh, "verification.revoke", subject=subject,
                   before=before, after={"verified_resident": False}, message=note)
            return self._status(session, citizen, row)

    # ------------------------------------------------------------------ helpers
    def _close(self, session: Session, row: Verification, state: State,
               now: datetime) -> None:
        check_transition(State(row.state), state)
        row.state, row.closed_at = state.value, now
        if state is not State.REVOKED:
            row.code_hash = None
            self._hide_code(session, row)

    @staticmethod
    def _hide_code(session: Session, row: Verification) -> None:
        """The code out of the desk's copies of the DM that carried it, once it no longer
        serves. A DM still waiting (never tried) is withdrawn instead: a code that no longer
        works is not sent. One being sent or failed is left to the outbox."""
        if row.outbox_id is None:
            return
        withdrawn = rowcount(session.execute(
            update(OutboxItem).where(OutboxItem.id == row.outbox_id,
                                     OutboxItem.status == "pending",
                                     OutboxItem.attempts == 0)
            .values(status=WITHDRAWN, text=hide_codes(row_text(session, row.outbox_id)),
                    last_error="Withdrawn: the verification code it carried no longer "
                               "serves", next_attempt_at=None)
            .execution_options(synchronize_session="fetch")))
        if withdrawn:
            return
        outbox = session.get(OutboxItem, row.outbox_id)
        if outbox is None or outbox.status != "sent":
            return
        outbox.text = hide_codes(outbox.text)
        if outbox.sent_x_id is not None:
            for copy in session.scalars(select(TicketItem).where(
                    TicketItem.source == "dm", TicketItem.x_id == outbox.sent_x_id)):
                copy.text = hide_codes(copy.text)
                if copy.raw is not None:
                    copy.raw = _hidden(copy.raw)

    def _status(self, session: Session, citizen: Citizen,
                row: Verification | None) -> CitizenVerification:
        session.flush()
        shown = badge_shown(citizen.verified_resident, citizen.verified_until, self.ctx.clock())
        return CitizenVerification(
            citizen.id, citizen.handle, shown, citizen.verified_resident and not shown,
            _name(session, citizen.verified_by_id), citizen.verified_at,
            citizen.verified_until,
            Method(citizen.verified_how) if citizen.verified_how else None,
            _view(session, row) if row is not None else None)


def read_status(ctx: DeskContext, citizen_id: int) -> CitizenVerification:
    """A citizen's verification as the panel shows it (one read)."""
    with ctx.db.session(readonly=True) as session:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFoundError.of("citizen.not_found", citizen=citizen_id)
        latest = session.scalar(select(Verification)
                                .where(Verification.citizen_id == citizen_id)
                                .order_by(Verification.id.desc()).limit(1))
        now = ctx.clock()
        shown = badge_shown(citizen.verified_resident, citizen.verified_until, now)
        return CitizenVerification(
            citizen.id, citizen.handle, shown, citizen.verified_resident and not shown,
            _name(session, citizen.verified_by_id), citizen.verified_at,
            citizen.verified_until,
            Method(citizen.verified_how) if citizen.verified_how else None,
            _view(session, latest) if latest is not None else None)


def note_requests(session: Session, ctx: DeskContext, inserted: Sequence[dict[str, Any]]) -> int:
    """At ingest: the new mentions and DMs that ask to verify the writer's account become
    verification requests (one per message; none while one is open for the citizen). No
    code is sent by itself: an operator sends it from the citizen panel."""
    made = 0
    for row in inserted:
        if row.get("kind") not in (ItemKind.MENTION.value, ItemKind.DM_IN.value):
            continue
        citizen_id = row.get("citizen_id")
        if citizen_id is None or not is_request(str(row.get("text") or "")):
            continue
        if session.scalar(_open_for(citizen_id).limit(1)) is not None:
            continue
        via = RequestedVia.DM if row["kind"] == ItemKind.DM_IN.value else RequestedVia.MENTION
        request = Verification(citizen_id=citizen_id, state=State.REQUESTED.value,
                               requested_via=via.value, item_id=row["id"],
                               language=reply_language([str(row.get("text") or "")]),
                               created_at=ctx.clock(), attempts=0)
        session.add(request)
        session.flush()
        record(session, ctx, None, "verification.requested", subject=f"citizen:{citizen_id}",
               after={"verification_id": request.id, "item_id": row["id"],
                      "via": via.value})
        made += 1
    return made


def row_text(session: Session, outbox_id: int) -> str:
    return str(session.scalar(select(OutboxItem.text).where(OutboxItem.id == outbox_id)) or "")


def _open_for(citizen_id: int) -> Any:
    return select(Verification).where(Verification.citizen_id == citizen_id,
                                      Verification.state.in_([s.value for s in OPEN_STATES]))


def _citizen(session: Session, citizen_id: int) -> Citizen:
    citizen = session.get(Citizen, citizen_id, with_for_update=True)
    if citizen is None:
        raise NotFoundError.of("citizen.not_found", citizen=citizen_id)
    if citizen.anonymised_at is not None:
        raise ValidationError.of("verification.citizen_gone")
    return citizen


def _name(session: Session, operator_id: int | None) -> str | None:
    if operator_id is None:
        return None
    row = session.get(Operator, operator_id)
    return row.username if row is not None else None


def _iso(at: datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") if at is not None else None


def _hidden(value: Any) -> Any:
    if isinstance(value, str):
        return hide_codes(value)
    if isinstance(value, dict):
        return {k: _hidden(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hidden(v) for v in value]
    return value


def _view(session: Session, row: Verification) -> VerificationView:
    citizen = session.get(Citizen, row.citizen_id)
    outbox = session.get(OutboxItem, row.outbox_id) if row.outbox_id is not None else None
    return VerificationView(
        row.id, row.citizen_id, citizen.handle if citizen else "?", State(row.state),
        RequestedVia(row.requested_via), row.ticket_id, row.created_at,
        _name(session, row.started_by_id), row.code_sent_at, row.code_expires_at,
        row.attempts, row.outbox_id, outbox.status if outbox is not None else None,
        _name(session, row.confirmed_by_id), row.confirmed_at,
        Method(row.method) if row.method else None,
        Document(row.document) if row.document else None, row.note, row.verified_until,
        row.closed_at, _name(session, row.revoked_by_id))
