"""Operators sign in with a password: wrong ones wait, every attempt is audited, only the
hash is kept, and an account removed on another desk is refused at its next action."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, update

from jun_desk.domain.errors import (
    PermissionDeniedError,
    SessionEndedError,
    SignInError,
    ValidationError,
)
from jun_desk.domain.passwords import PasswordPolicy, wait_after
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, Operator

PASSWORD = "farola-rota-42"


@pytest.fixture
def with_passwords(desk: Desk, people):  # type: ignore[no-untyped-def]
    for name in people:
        desk.operators.set_password(None, name, f"{PASSWORD}-{name}")
    return people


def _actions(desk: Desk) -> list[str]:
    with desk.db.session(readonly=True) as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_right_password_signs_in_and_a_wrong_one_is_refused(desk: Desk,
                                                                with_passwords) -> None:  # type: ignore[no-untyped-def]
    actor = desk.operators.sign_in("Luis", f"{PASSWORD}-luis")
    assert actor == with_passwords["luis"]
    with pytest.raises(SignInError, match="Wrong user name or password") as wrong:
        desk.operators.sign_in("luis", "not-his-password")
    assert wrong.value.reason == "wrong" and wrong.value.wait_seconds == 0
    with pytest.raises(SignInError, match="Wrong user name or password") as nobody:
        desk.operators.sign_in("pepe", "whatever-he-types")
    assert nobody.value.reason == "wrong"  # an unknown name reads exactly like a wrong password
    assert _actions(desk)[-3:] == ["session.sign_in", "session.sign_in_failed",
                                   "session.sign_in_failed"]


def test_after_five_wrong_attempts_the_account_waits_longer_each_time(desk: Desk, clock,
                                                                      with_passwords) -> None:  # type: ignore[no-untyped-def]
    right = f"{PASSWORD}-rosa"
    for n in range(1, 5):
        with pytest.raises(SignInError) as err:
            desk.operators.sign_in("rosa", f"wrong-{n}")
        assert err.value.wait_seconds == 0
    with pytest.raises(SignInError, match="wait 30 s") as fifth:
        desk.operators.sign_in("rosa", "wrong-5")
    assert fifth.value.wait_seconds == 30
    # Even the right password is not looked at while the account waits.
    clock.advance(seconds=20)
    with pytest.raises(SignInError, match="wait 10 s") as waiting:
        desk.operators.sign_in("rosa", right)
    assert waiting.value.reason == "wait" and waiting.value.wait_seconds == 10
    clock.advance(seconds=11)
    with pytest.raises(SignInError, match="wait 60 s"):  # the sixth wrong one doubles it
        desk.operators.sign_in("rosa", "wrong-6")
    clock.advance(seconds=61)
    assert desk.operators.sign_in("rosa", right).username == "rosa"
    # A success starts the count again.
    with pytest.raises(SignInError) as again:
        desk.operators.sign_in("rosa", "wrong-7")
    assert again.value.wait_seconds == 0
    actions = _actions(desk)
    assert actions.count("operator.locked_out") == 2
    assert actions.count("session.sign_in_failed") == 8
    assert [wait_after(n) for n in (4, 5, 6, 7, 12, 50)] == [0, 30, 60, 120, 900, 900]


def test_an_account_without_a_password_cannot_be_claimed_by_typing_its_name(
        desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Issue 24, item 9: whoever sat at the desk could type the name of an operator with no
    password yet and choose it for them. Now only the code a supervisor issued lets them in."""
    with pytest.raises(SignInError) as none:
        desk.operators.sign_in("luis", "")
    assert none.value.reason == "no_password" and "first-access code" in str(none.value)
    with pytest.raises(SignInError) as no_code:
        desk.operators.sign_in("luis", "la-que-yo-quiera")
    assert no_code.value.reason == "no_code"
    with pytest.raises(SignInError) as still:
        desk.operators.set_first_password("luis", "", "la-que-yo-quiera")
    assert still.value.reason == "no_code"
    assert not any(v.has_password for v in desk.operators.list())
    assert _actions(desk)[-2:] == ["session.sign_in_failed", "session.sign_in_failed"]


def test_first_sign_in_with_the_code_a_supervisor_issued(desk: Desk, clock, people) -> None:  # type: ignore[no-untyped-def]
    ana, luis = people["ana"], people["luis"]
    with pytest.raises(PermissionDeniedError):  # an operator issues nobody a code
        desk.operators.issue_code(luis, "rosa")
    issued = desk.operators.issue_code(ana, "luis")
    assert issued.expires_at == clock() + timedelta(hours=24)
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", issued.code)
    assert [v.code_until for v in desk.operators.list()] == [None, issued.expires_at, None]
    with pytest.raises(SignInError) as right:  # the code as typed, any case and spacing
        desk.operators.sign_in("luis", issued.code.lower().replace("-", " "))
    assert right.value.reason == "choose_password"
    actor = desk.operators.set_first_password("luis", issued.code, "mi clave nueva")
    assert actor.username == "luis"
    with pytest.raises(SignInError) as used:  # used up: nobody chooses it a second time
        desk.operators.set_first_password("luis", issued.code, "otra clave más")
    assert used.value.reason == "has_password"
    with pytest.raises(SignInError):  # nor is the code a password
        desk.operators.sign_in("luis", issued.code)
    assert desk.operators.sign_in("luis", "mi clave nueva").username == "luis"
    with desk.db.session(readonly=True) as session:
        row = session.scalar(select(Operator).where(Operator.username == "luis"))
        assert row.first_code_hash is None and row.first_code_expires_at is None
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action.like("operator.first_code%")).order_by(AuditEvent.id)).all()
        audit = " ".join(repr((e.before, e.after, e.message))
                         for e in session.scalars(select(AuditEvent)))
    assert [(e.action, e.actor_name, e.outcome) for e in events] == [
        ("operator.first_code_issued", "luis", "refused"),
        ("operator.first_code_issued", "ana", "ok"),
        ("operator.first_code_used", "luis", "ok")]
    assert issued.code.replace("-", "") not in audit.replace("-", "")


def test_a_first_access_code_expires(desk: Desk, clock, people) -> None:  # type: ignore[no-untyped-def]
    issued = desk.operators.issue_code(people["ana"], "rosa", hours=2)
    clock.advance(hours=2)
    with pytest.raises(SignInError) as expired:
        desk.operators.set_first_password("rosa", issued.code, "demasiado tarde")
    assert expired.value.reason == "code_expired"
    with pytest.raises(SignInError) as gone:  # and it is gone, not valid again
        desk.operators.sign_in("rosa", issued.code)
    assert gone.value.reason == "no_code"
    assert "operator.first_code_expired" in _actions(desk)
    with pytest.raises(ValidationError, match="at most 168 hours"):
        desk.operators.issue_code(people["ana"], "rosa", hours=169)
    fresh = desk.operators.issue_code(None, "rosa")  # the console's administrator
    assert desk.operators.set_first_password("rosa", fresh.code, "a tiempo ya").username == "rosa"


def test_wrong_codes_wait_as_wrong_passwords_do(desk: Desk, clock, people) -> None:  # type: ignore[no-untyped-def]
    issued = desk.operators.issue_code(people["ana"], "luis")
    for n in range(1, 5):
        with pytest.raises(SignInError) as wrong:
            desk.operators.sign_in("luis", f"AAAAA-AAAA{n}")
        assert wrong.value.reason == "wrong" and wrong.value.wait_seconds == 0
    with pytest.raises(SignInError) as fifth:
        desk.operators.set_first_password("luis", "AAAAA-AAAA5", "por fuerza bruta")
    assert fifth.value.wait_seconds == 30
    with pytest.raises(SignInError) as waiting:  # even the right code waits
        desk.operators.set_first_password("luis", issued.code, "la buena ya")
    assert waiting.value.reason == "wait"
    clock.advance(seconds=31)
    assert desk.operators.set_first_password("luis", issued.code, "la buena ya").username == "luis"


def test_a_code_for_someone_with_a_password_replaces_it(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """A forgotten password: the supervisor issues a code instead of choosing one."""
    desk.operators.set_password(None, "rosa", "la-olvidada-1")
    issued = desk.operators.issue_code(people["ana"], "rosa")
    with pytest.raises(SignInError):
        desk.operators.sign_in("rosa", "la-olvidada-1")
    desk.operators.set_first_password("rosa", issued.code, "la-recordada-2")
    assert desk.operators.sign_in("rosa", "la-recordada-2").username == "rosa"
    # A password set at the console supersedes a pending code.
    again = desk.operators.issue_code(people["ana"], "rosa")
    desk.operators.set_password(None, "rosa", "puesta-a-mano-3")
    with pytest.raises(SignInError):
        desk.operators.sign_in("luis", "")  # luis: no password, prompts for his code
    with pytest.raises(SignInError):
        desk.operators.set_first_password("rosa", again.code, "ya no vale-4")


def test_who_may_set_whose_password(desk: Desk, with_passwords) -> None:  # type: ignore[no-untyped-def]
    ana, luis = with_passwords["ana"], with_passwords["luis"]
    with pytest.raises(PermissionDeniedError, match="may not manage operators"):
        desk.operators.set_password(luis, "rosa", "luis-sets-rosas")
    with pytest.raises(PermissionDeniedError, match="current password is wrong"):
        desk.operators.change_password(luis, "not-the-old-one", "new-password-luis")
    desk.operators.change_password(luis, f"{PASSWORD}-luis", "new-password-luis")
    assert desk.operators.sign_in("luis", "new-password-luis").username == "luis"
    desk.operators.set_password(ana, "luis", "reset-by-ana")  # a supervisor's reset
    assert desk.operators.sign_in("luis", "reset-by-ana").username == "luis"
    with desk.db.session(readonly=True) as session:
        refused = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "operator.set_password",
            AuditEvent.outcome == "refused")).all()
    assert len(refused) == 2


def test_a_reset_lifts_the_wait(desk: Desk, with_passwords) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        with pytest.raises(SignInError):
            desk.operators.sign_in("rosa", f"wrong-{n}")
    desk.operators.set_password(with_passwords["ana"], "rosa", "fresh-start-rosa")
    assert desk.operators.sign_in("rosa", "fresh-start-rosa").username == "rosa"


@pytest.mark.parametrize("bad, message", [
    ("", "empty"), ("   ", "empty"), ("x" * 10_000, "too long"), ("corta", "at least 8"),
    ("abc\x00defghij", "control characters"),
])
def test_bad_passwords_are_refused_with_a_reason(desk: Desk, people, bad: str,
                                                 message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message):
        desk.operators.set_password(None, "luis", bad)
    issued = desk.operators.issue_code(None, "luis")
    with pytest.raises(ValidationError, match=message):
        desk.operators.set_first_password("luis", issued.code, bad)


def test_bad_input_at_sign_in_is_a_clear_refusal(desk: Desk, with_passwords) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SignInError, match="Type your password") as empty:
        desk.operators.sign_in("luis", "")
    assert empty.value.reason == "empty"
    with pytest.raises(SignInError, match="Type your user name"):
        desk.operators.sign_in("  ", "x")
    with pytest.raises(SignInError, match="too long") as long:
        desk.operators.sign_in("luis", "x" * 10_000)
    assert long.value.reason == "too_long"


def test_non_ascii_passwords_work_however_they_are_typed(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    composed = "contraseña-ñandú-€-🔑-日本"
    decomposed = composed.replace("ñ", "n\u0303").replace("ú", "u\u0301")
    assert composed != decomposed
    desk.operators.set_password(None, "rosa", composed)
    assert desk.operators.sign_in("rosa", decomposed).username == "rosa"
    with pytest.raises(SignInError):
        desk.operators.sign_in("rosa", "contrasena-nandu-€-🔑-日本")


def test_a_pin_desk_wants_six_digits(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    desk.operators.policy = PasswordPolicy(pin=True)
    for bad in ("12345", "12345a", "١٢٣٤٥٦"):  # the last: Arabic-Indic digits
        with pytest.raises(ValidationError, match="at least 6 digits"):
            desk.operators.set_password(None, "rosa", bad)
    desk.operators.set_password(None, "rosa", "204816")
    assert desk.operators.sign_in("rosa", "204816").username == "rosa"


@pytest.mark.real_password_hashing
def test_only_an_argon2id_hash_is_stored(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    secret = "mi-Clave-Muy-Secreta-7"
    desk.operators.set_password(None, "ana", secret)
    with desk.db.session(readonly=True) as session:
        stored = session.scalar(select(Operator.password_hash).where(Operator.username == "ana"))
        audit = " ".join(repr((e.before, e.after, e.message))
                         for e in session.scalars(select(AuditEvent)))
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert secret not in stored and secret not in audit
    for digest in (hashlib.md5, hashlib.sha1, hashlib.sha256, hashlib.sha512):
        plain = digest(secret.encode()).hexdigest()
        assert plain not in stored
    desk.operators.set_password(None, "rosa", secret)
    with desk.db.session(readonly=True) as session:
        rosa = session.scalar(select(Operator.password_hash).where(Operator.username == "rosa"))
    assert rosa != stored  # salted: the same password never gives the same hash


def test_a_removed_or_deactivated_operator_is_refused_at_the_next_action(
        desk: Desk, with_passwords) -> None:  # type: ignore[no-untyped-def]
    rosa = desk.operators.sign_in("rosa", f"{PASSWORD}-rosa")
    desk.operators.add("pepe", "operator")
    pepe = desk.operators.actor("pepe")  # signed in on a training desk: no audit row yet
    ticket = desk.tickets.create_manual(rosa, department="obras", title="Farola")
    # Another desk deactivates rosa while she is still signed in here.
    desk.operators.set_active(with_passwords["ana"], "rosa", False)
    with pytest.raises(SessionEndedError, match="rosa's account was deactivated"):
        desk.tickets.add_note(rosa, ticket.id, "sigo aquí")
    with pytest.raises(SignInError):
        desk.operators.sign_in("rosa", f"{PASSWORD}-rosa")
    # A row removed outright (an operator who never did anything: the audit trail keeps
    # everyone else), then a name given to someone else.
    with desk.db.session() as session:
        session.execute(delete(Operator).where(Operator.id == pepe.operator_id))
    with pytest.raises(SessionEndedError, match="no longer an operator of this desk"):
        desk.tickets.add_note(pepe, ticket.id, "hola")
    with desk.db.session() as session:
        session.execute(update(Operator).where(Operator.username == "luis")
                        .values(username="luis.old"))
    with pytest.raises(SessionEndedError, match="no longer an operator of this desk"):
        desk.tickets.add_note(with_passwords["luis"], ticket.id, "hola")
    assert desk.tickets.notes(ticket.id) == []


def test_a_bound_system_user_signs_in_without_a_password(desk: Desk, with_passwords) -> None:  # type: ignore[no-untyped-def]
    ana, luis = with_passwords["ana"], with_passwords["luis"]
    with pytest.raises(PermissionDeniedError):
        desk.operators.bind_os_user(luis, "luis", "luis")
    desk.operators.bind_os_user(ana, "luis", "lperez")
    with pytest.raises(ValidationError, match="already bound to luis"):
        desk.operators.bind_os_user(ana, "rosa", "lperez")
    assert desk.operators.sign_in_system("lperez") == luis
    assert desk.operators.sign_in_system("someone-else") is None
    desk.operators.bind_os_user(None, "luis", None)
    assert desk.operators.sign_in_system("lperez") is None


def test_lock_unlock_and_switch_are_audited(desk: Desk, with_passwords) -> None:  # type: ignore[no-untyped-def]
    luis = desk.operators.sign_in("luis", f"{PASSWORD}-luis")
    desk.operators.record_session(luis, "lock")
    desk.operators.sign_in("luis", f"{PASSWORD}-luis", purpose="unlock")
    desk.operators.sign_in("ana", f"{PASSWORD}-ana", purpose="switch", previous=luis)
    with desk.db.session(readonly=True) as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())
                                 .limit(4)).all()[::-1]
    assert [(e.actor_name, e.action) for e in events] == [
        ("luis", "session.sign_in"), ("luis", "session.lock"), ("luis", "session.unlock"),
        ("ana", "session.switch")]
    assert events[-1].before == {"operator": "luis"}
