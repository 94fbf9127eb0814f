"""The desk's people: operators and supervisors, and how they sign in."""

from __future__ import annotations

import contextlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jun_desk.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    SignInError,
    ValidationError,
)
from jun_desk.domain.passwords import (
    CODE_ALPHABET,
    CODE_HOURS,
    CODE_LENGTH,
    MAX_CODE_HOURS,
    MAX_LENGTH,
    PasswordPolicy,
    normalize,
    normalize_code,
    shown_code,
    wait_after,
)
from jun_desk.domain.roles import Actor, Permission, Role, parse_role
from jun_desk.services import passwords
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.unit_of_work import actor_from_row, unit_of_work
from jun_desk.store.models import Operator

# What a successful sign-in was for, as the audit trail names it.
SESSION_ACTIONS = {"sign_in": "session.sign_in", "unlock": "session.unlock",
                   "switch": "session.switch"}

_USERNAME = re.compile(r"^[\w.\-]{2,64}$")

# The sandbox's training room: one person per role. Training has no passwords (the title
# bar says so): the name is the credential. The desk opens as the first; "Cambiar de
# operador" and the second's name make an operator of the trainee.
TRAINEES = (("formacion", "supervisor", "Formación"), ("practicas", "operator", "Prácticas"))


@dataclass(frozen=True, slots=True)
class OperatorView:
    id: int
    username: str
    display_name: str
    role: Role
    departments: tuple[str, ...]
    active: bool
    has_password: bool = False
    os_user: str | None = None
    code_until: datetime | None = None  # a first-access code issued, valid until then


@dataclass(frozen=True, slots=True)
class FirstCode:
    """A first-access code just issued: ``code`` is shown once and kept nowhere."""

    username: str
    code: str
    expires_at: datetime


def _view(row: Operator) -> OperatorView:
    return OperatorView(row.id, row.username, row.display_name, Role(row.role),
                        tuple(d for d in row.departments.split(",") if d), row.active,
                        row.password_hash is not None, row.os_user,
                        row.first_code_expires_at if row.first_code_hash is not None else None)


def _by_name(session: Session, username: str, *, for_update: bool = False) -> Operator | None:
    query = select(Operator).where(func.lower(Operator.username) == username.strip().lower())
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


class OperatorService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        # PINs or passwords: the desk's setting ([sign_in] pin in settings.ini).
        self.policy = PasswordPolicy()

    def add(self, username: str, role: str, *, display_name: str | None = None,
            departments: list[str] | None = None, actor: Actor | None = None) -> OperatorView:
        """Add an operator. ``actor`` None means the desk's administrator at the console
        (the CLI on the desk machine, e.g. to create the first supervisor)."""
        username = username.strip()
        if not _USERNAME.match(username):
            raise ValidationError.of("operator.bad_name", username=_shown(username))
        parsed_role = parse_role(role)
        codes = sorted({self.ctx.catalogue.get(c.strip()).code
                        for c in (departments or []) if c.strip()})
        with unit_of_work(self.ctx, actor, "operator.add", subject=f"operator:{username}") as (
            session, fresh,
        ):
            if fresh is not None:
                fresh.require(Permission.MANAGE_OPERATORS)
            exists = session.scalar(
                select(Operator.id).where(func.lower(Operator.username) == username.lower())
            )
            if exists:
                raise ValidationError.of("operator.exists", username=username)
            row = Operator(username=username, display_name=(display_name or username).strip(),
                           role=parsed_role.value, departments=",".join(codes), active=True,
                           created_at=self.ctx.clock())
            session.add(row)
            session.flush()
            record(session, self.ctx, fresh, "operator.add", subject=f"operator:{row.id}",
                   after={"username": username, "role": parsed_role.value,
                          "departments": codes})
            return _view(row)

    def ensure_trainees(self) -> bool:
        """On a training (sandbox) database: the trainees that are missing are added. True
        if the database has only trainees; a database with anyone else is left alone."""
        names = {v.username for v in self.list(include_inactive=True)}
        if names - {name for name, _role, _shown in TRAINEES}:
            return False
        for name, role, shown in TRAINEES:
            if name not in names:
                with contextlib.suppress(ValidationError):  # another desk added it just now
                    self.add(name, role, display_name=shown)
        return True

    def list(self, *, include_inactive: bool = False) -> list[OperatorView]:
        with self.ctx.db.session(readonly=True) as session:
            query = select(Operator).order_by(Operator.username)
            if not include_inactive:
                query = query.where(Operator.active.is_(True))
            return [_view(r) for r in session.scalars(query)]

    def actor(self, username: str) -> Actor:
        """Sign in as ``username``: the Actor the services need for that person."""
        with self.ctx.db.session(readonly=True) as session:
            row = session.scalar(
                select(Operator).where(func.lower(Operator.username) == username.lower())
            )
            if row is None or not row.active:
                raise NotFoundError.of("operator.not_active", username=username)
            return actor_from_row(row)

    def set_active(self, actor: Actor | None, username: str, active: bool) -> OperatorView:
        with unit_of_work(self.ctx, actor, "operator.set_active",
                          subject=f"operator:{username}") as (session, fresh):
            if fresh is not None:
                fresh.require(Permission.MANAGE_OPERATORS)
            row = session.scalar(select(Operator).where(Operator.username == username))
            if row is None:
                raise NotFoundError.of("operator.not_found", username=username)
            before = row.active
            row.active = active
            record(session, self.ctx, fresh, "operator.set_active",
                   subject=f"operator:{row.id}", before={"active": before},
                   after={"active": active})
            return _view(row)

    # ------------------------------------------------------------------ signing in
    def sign_in(self, username: str, password: str, *, purpose: str = "sign_in",
                previous: Actor | None = None) -> Actor:
        """The Actor for ``username`` if ``password`` is theirs; else SignInError. After
        five wrong attempts in a row the account waits (30 s, doubling each further wrong
        attempt, at most 15 min) and nothing is checked until then. Every attempt is
        audited; a typed name that is no operator's is not written anywhere (people type
        passwords into the name field).

        An account with no password yet is not claimed by typing its name: what is typed
        must be the first-access code a supervisor issued (``issue_code``). A right code
        is refused with reason ``choose_password`` (nothing is used up yet); the person
        then chooses their password with ``set_first_password``. Wrong codes count as
        wrong passwords (the same wait)."""
        action = SESSION_ACTIONS.get(purpose)
        if action is None:
            raise ValueError(f"unknown sign-in purpose {purpose!r}")
        if not username.strip():
            raise SignInError("Type your user name", "empty")
        now = self.ctx.clock()
        refusal: SignInError | None = None
        with self.ctx.db.session() as session:
            row = _by_name(session, username, for_update=True)
            first = row is not None and row.active and row.password_hash is None
            if first and not password:
                assert row is not None
                raise SignInError(
                    f"{row.username} has no password yet: type the first-access code a "
                    "supervisor gave you", "no_password", params={"username": row.username})
            if not password:
                raise SignInError("Type your password", "empty")
            refusal = self._waiting(session, row, now) if row is not None else None
            if refusal is not None:
                pass  # nothing is checked while the account waits
            elif first:
                assert row is not None
                refusal = self._code_refusal(session, row, password, now)
                if refusal is None:
                    refusal = SignInError(
                        f"The first-access code of {row.username} is right: choose a "
                        "password now", "choose_password", params={"username": row.username})
            else:
                too_long = len(password) > MAX_LENGTH
                ok = (not too_long and row is not None and row.active
                      and passwords.verify_password(row.password_hash, normalize(password)))
                if row is None or not row.active:
                    if not too_long:
                        passwords.verify_password(None, password)  # same time as a wrong one
                    record(session, self.ctx, None, "session.sign_in_failed",
                           subject="operator:?", outcome="refused",
                           message="no active operator by the name typed")
                    refusal = _wrong(too_long, 0)
                elif not ok:
                    refusal = _wrong(too_long, self._failed(session, row, now, "wrong password"))
                else:
                    row.failed_attempts = 0
                    row.locked_until = None
                    if passwords.needs_rehash(row.password_hash or ""):
                        row.password_hash = passwords.hash_password(normalize(password))
                    actor = actor_from_row(row)
                    record(session, self.ctx, actor, action, subject=f"operator:{row.id}",
                           **_session_details(previous, "password"))
                    return actor
        assert refusal is not None
        raise refusal

    def _waiting(self, session: Session, row: Operator, now: datetime) -> SignInError | None:
        """The refusal while the account waits after wrong attempts (audited), else None."""
        if row.locked_until is None or row.locked_until <= now:
            return None
        wait = max(1, int((row.locked_until - now).total_seconds() + 0.999))
        record(session, self.ctx, None, "session.sign_in_failed",
               subject=f"operator:{row.id}", outcome="refused",
               message=f"{row.username}: too many wrong attempts, {wait} s to wait")
        return SignInError(f"Too many wrong attempts: wait {wait} s and try again", "wait",
                           wait_seconds=wait)

    def _failed(self, session: Session, row: Operator, now: datetime, what: str) -> int:
        """One more wrong attempt in a row (audited); the seconds the account now waits."""
        row.failed_attempts = (row.failed_attempts or 0) + 1
        wait = wait_after(row.failed_attempts)
        record(session, self.ctx, None, "session.sign_in_failed",
               subject=f"operator:{row.id}", outcome="refused",
               message=f"{row.username}: {what} ({row.failed_attempts} in a row)")
        if wait:
            row.locked_until = now + timedelta(seconds=wait)
            record(session, self.ctx, None, "operator.locked_out",
                   subject=f"operator:{row.id}",
                   after={"failed_attempts": row.failed_attempts, "wait_seconds": wait})
        return wait

    def _code_refusal(self, session: Session, row: Operator, typed: str,
                      now: datetime) -> SignInError | None:
        """None if ``typed`` is the account's first-access code and it has not expired;
        else the refusal, audited (a wrong code counts as a wrong password)."""
        too_long = len(typed) > MAX_LENGTH
        code = normalize_code(typed)
        if row.first_code_hash is None:
            if not too_long:
                passwords.verify_password(None, code)  # same time as a wrong one
            record(session, self.ctx, None, "session.sign_in_failed",
                   subject=f"operator:{row.id}", outcome="refused",
                   message=f"{row.username}: no password and no first-access code")
            return SignInError(
                f"{row.username} has no password and no first-access code: ask a supervisor "
                "for one", "no_code", params={"username": row.username})
        ok = not too_long and passwords.verify_password(row.first_code_hash, code)
        if not ok:
            return _wrong(too_long, self._failed(session, row, now, "wrong first-access code"))
        expires = row.first_code_expires_at
        if expires is not None and expires <= now:
            row.first_code_hash = row.first_code_expires_at = None
            record(session, self.ctx, None, "operator.first_code_expired",
                   subject=f"operator:{row.id}", outcome="refused",
                   message=f"{row.username}: first-access code expired at "
                           f"{expires:%Y-%m-%d %H:%M} UTC")
            return SignInError(
                f"The first-access code of {row.username} has expired: ask a supervisor "
                "for a new one", "code_expired", params={"username": row.username})
        return None

    def sign_in_system(self, os_user: str, *, purpose: str = "sign_in",
                       previous: Actor | None = None) -> Actor | None:
        """The operator bound to this operating-system user, signed in without a password
        (for PCs with personal logins; the desk must allow it in its settings)."""
        if not os_user:
            return None
        with self.ctx.db.session() as session:
            row = session.scalar(select(Operator).where(Operator.os_user == os_user,
                                                        Operator.active.is_(True)))
            if row is None:
                return None
            actor = actor_from_row(row)
            record(session, self.ctx, actor, SESSION_ACTIONS[purpose],
                   subject=f"operator:{row.id}", **_session_details(previous, "system"))
            return actor

    def set_first_password(self, username: str, code: str, password: str, *,
                           purpose: str = "sign_in", previous: Actor | None = None) -> Actor:
        """First sign-in of an account that has no password yet: with the first-access
        code a supervisor issued, it gets this password and the person is signed in; the
        code is used up. Refused once a password exists, without a right and current
        code, and while the account waits after wrong attempts."""
        secret = self.policy.check(password)
        hashed = passwords.hash_password(secret)
        now = self.ctx.clock()
        with self.ctx.db.session() as session:
            row = _by_name(session, username, for_update=True)
            if row is None or not row.active:
                raise SignInError("Wrong user name or password", "wrong")
            if row.password_hash is not None:
                raise SignInError(f"{row.username} already has a password: type it",
                                  "has_password", params={"username": row.username})
            refusal = self._waiting(session, row, now) or self._code_refusal(
                session, row, code, now)
            if refusal is None:
                row.password_hash, row.password_set_at = hashed, now
                row.first_code_hash = row.first_code_expires_at = None
                row.failed_attempts, row.locked_until = 0, None
                actor = actor_from_row(row)
                record(session, self.ctx, actor, "operator.first_code_used",
                       subject=f"operator:{row.id}")
                record(session, self.ctx, actor, "operator.set_password",
                       subject=f"operator:{row.id}", after={"password": "set", "first": True})
                record(session, self.ctx, actor, SESSION_ACTIONS[purpose],
                       subject=f"operator:{row.id}", **_session_details(previous, "code"))
                return actor
        raise refusal

    def issue_code(self, actor: Actor | None, username: str, *,
                   hours: float = CODE_HOURS) -> FirstCode:
        """A one-time first-access code for ``username`` (a supervisor, or ``actor`` None:
        the desk's administrator at the console). It is returned once — only its hash is
        kept — and is valid for ``hours``. Any password the account had is removed (a
        forgotten one), as is an earlier code and the wait after wrong attempts: the
        person signs in with the code and chooses a new password."""
        if not 0 < hours <= MAX_CODE_HOURS:
            raise ValidationError.of("operator.code_hours", limit=MAX_CODE_HOURS)
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        hashed = passwords.hash_password(code)
        with unit_of_work(self.ctx, actor, "operator.first_code_issued",
                          subject=f"operator:{username}") as (session, fresh):
            if fresh is not None:
                fresh.require(Permission.MANAGE_OPERATORS)
            row = _by_name(session, username, for_update=True)
            if row is None or not row.active:
                raise NotFoundError.of("operator.not_active", username=username)
            expires = self.ctx.clock() + timedelta(hours=hours)
            before = {"password": "set" if row.password_hash is not None else "none",
                      "code": "pending" if row.first_code_hash is not None else "none"}
            row.first_code_hash, row.first_code_expires_at = hashed, expires
            row.password_hash = row.password_set_at = None
            row.failed_attempts, row.locked_until = 0, None
            record(session, self.ctx, fresh, "operator.first_code_issued",
                   subject=f"operator:{row.id}", before=before,
                   after={"password": "none", "code": "pending",
                          "expires_at": expires.isoformat(timespec="seconds")})
            return FirstCode(row.username, shown_code(code), expires)

    def set_password(self, actor: Actor | None, username: str, password: str, *,
                     old: str | None = None) -> OperatorView:
        """A new password for ``username``. A supervisor sets anyone else's (a reset; the
        wait after wrong attempts is lifted too); everyone changes their own with the old
        one. ``actor`` None is the desk's administrator at the console."""
        secret = self.policy.check(password)
        hashed = passwords.hash_password(secret)
        with unit_of_work(self.ctx, actor, "operator.set_password",
                          subject=f"operator:{username}") as (session, fresh):
            row = _by_name(session, username, for_update=True)
            if row is None:
                raise NotFoundError.of("operator.not_found", username=username)
            own = fresh is not None and fresh.operator_id == row.id
            if fresh is not None and not own:
                fresh.require(Permission.MANAGE_OPERATORS)
            if own and row.password_hash is not None and not (
                    old and len(old) <= MAX_LENGTH
                    and passwords.verify_password(row.password_hash, normalize(old))):
                raise PermissionDeniedError.of("password.wrong_current")
            row.password_hash, row.password_set_at = hashed, self.ctx.clock()
            row.first_code_hash = row.first_code_expires_at = None  # a code is superseded
            row.failed_attempts, row.locked_until = 0, None
            record(session, self.ctx, fresh, "operator.set_password",
                   subject=f"operator:{row.id}",
                   after={"password": "changed" if own else "reset"})
            return _view(row)

    def change_password(self, actor: Actor, old: str, new: str) -> OperatorView:
        return self.set_password(actor, actor.username, new, old=old)

    def bind_os_user(self, actor: Actor | None, username: str,
                     os_user: str | None) -> OperatorView:
        """Let the operating-system user ``os_user`` sign in as ``username`` without a
        password (None removes the binding)."""
        os_user = (os_user or "").strip() or None
        if os_user is not None and not _USERNAME.match(os_user):
            raise ValidationError.of("operator.bad_system_user", system_user=_shown(os_user))
        with unit_of_work(self.ctx, actor, "operator.bind_os_user",
                          subject=f"operator:{username}") as (session, fresh):
            if fresh is not None:
                fresh.require(Permission.MANAGE_OPERATORS)
            row = _by_name(session, username)
            if row is None:
                raise NotFoundError.of("operator.not_found", username=username)
            if os_user is not None:
                taken = session.scalar(select(Operator.username).where(
                    Operator.os_user == os_user, Operator.id != row.id))
                if taken:
                    raise ValidationError.of("operator.system_user_taken", system_user=os_user,
                                             username=taken)
            before, row.os_user = row.os_user, os_user
            record(session, self.ctx, fresh, "operator.bind_os_user",
                   subject=f"operator:{row.id}", before={"os_user": before},
                   after={"os_user": os_user})
            return _view(row)

    def record_session(self, actor: Actor, event: str) -> None:
        """``lock``: the desk was locked (shortcut, menu or idle time)."""
        with unit_of_work(self.ctx, actor, f"session.{event}") as (session, fresh):
            record(session, self.ctx, fresh, f"session.{event}",
                   subject=f"operator:{actor.operator_id}")


def _wrong(too_long: bool, wait: int) -> SignInError:
    if too_long:
        text = f"The password is too long (at most {MAX_LENGTH} characters)"
        reason = "too_long"
    else:
        text, reason = "Wrong user name or password", "wrong"
    if wait:
        text += f". Too many wrong attempts: wait {wait} s before the next one"
    return SignInError(text, reason, wait_seconds=wait,
                       params={"limit": MAX_LENGTH} if too_long else None)


def _session_details(previous: Actor | None, method: str) -> dict[str, Any]:
    details: dict[str, Any] = {"after": {"method": method}}
    if previous is not None:
        details["before"] = {"operator": previous.username}
    return details


def _shown(name: str) -> str:
    """A refused name as a message may quote it: control characters escaped, cut short."""
    return repr(name[:80])[1:-1]
