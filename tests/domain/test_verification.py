"""Verifying residents, the pure rules: codes, attempts, expiry, states, requests, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.verification import (
    CODE_ALPHABET,
    HIDDEN_CODE,
    Outcome,
    State,
    VerificationPolicy,
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
from jun_desk.services.context import Rules

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
POLICY = VerificationPolicy()


def test_the_alphabet_has_no_look_alikes() -> None:
    assert not set("01OIL") & set(CODE_ALPHABET)
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET)


def test_a_code_is_read_as_typed() -> None:
    assert normalize_code(" abc-234 ") == "ABC234"
    assert normalize_code("ab c2 34") == "ABC234"
    assert shown_code("ABC234") == "ABC-234"
    assert well_formed("ABC234") and not well_formed("ABC2340") and not well_formed("ABO234")


def test_codes_are_hidden_from_kept_copies() -> None:
    text = "Hola María, tu código es K7M-Q2X. Enséñalo en el mostrador."
    assert hide_codes(text) == f"Hola María, tu código es {HIDDEN_CODE}. Enséñalo en el mostrador."
    assert hide_codes("aviso n.º 1234, calle ABC") == "aviso n.º 1234, calle ABC"


def _judge(**kw: object) -> tuple[Outcome, int, int]:
    args: dict[str, object] = {"state": State.CODE_SENT, "attempts": 0,
                               "expires_at": NOW + timedelta(hours=48), "now": NOW,
                               "matches": False, "policy": POLICY}
    args.update(kw)
    j = judge_code(**args)  # type: ignore[arg-type]
    return j.outcome, j.attempts, j.left


def test_three_wrong_codes_spend_it() -> None:
    assert _judge(attempts=0) == (Outcome.WRONG, 1, 2)
    assert _judge(attempts=1) == (Outcome.WRONG, 2, 1)
    assert _judge(attempts=2) == (Outcome.SPENT, 3, 0)
    assert _judge(attempts=2, matches=True) == (Outcome.OK, 2, 1)


def test_an_expired_code_is_refused_even_when_right() -> None:
    assert _judge(matches=True, now=NOW + timedelta(hours=48))[0] is Outcome.EXPIRED
    assert _judge(matches=True, now=NOW + timedelta(hours=47, minutes=59))[0] is Outcome.OK


def test_no_code_waiting() -> None:
    for state in (State.REQUESTED, State.SPENT, State.VERIFIED, State.EXPIRED):
        assert _judge(state=state, matches=True)[0] is Outcome.NOT_PENDING


def test_transitions() -> None:
    check_transition(State.REQUESTED, State.CODE_SENT)
    check_transition(State.CODE_SENT, State.VERIFIED)
    check_transition(State.VERIFIED, State.REVOKED)
    for current, target in ((State.SPENT, State.VERIFIED), (State.REVOKED, State.VERIFIED),
                            (State.VERIFIED, State.CODE_SENT)):
        with pytest.raises(ValidationError) as err:
            check_transition(current, target)
        assert err.value.code == "verification.transition"


def test_a_verification_lapses() -> None:
    until = POLICY.verified_until(NOW)
    assert until == NOW + timedelta(days=365)
    assert badge_shown(True, until, NOW + timedelta(days=364))
    assert not badge_shown(True, until, until)
    assert badge_shown(True, None, NOW)  # set by hand before issue 27: no end
    assert not badge_shown(False, None, NOW)


@pytest.mark.parametrize("text", [
    "@AytoJun hola, quiero verificar mi cuenta",
    "Buenas, ¿cómo puedo verificarme como vecina?",
    "Quisiera verificar mi perfil de vecino",
    "¿Dónde me verifico?",
    "Necesito el código de verificación",
    "Hi, I'd like to verify my account as a resident",
    "How do I get verified?",
    "VERIFICAR   MI   CUENTA por favor",
])
def test_requests_are_recognised(text: str) -> None:
    assert is_request(text)


@pytest.mark.parametrize("text", [
    "@AytoJun la farola de la calle Real está apagada",
    "¿Habéis verificado si el agua es potable?",
    "Can you verify the bin collection times?",
    "Mi cuenta del agua viene mal",
])
def test_other_messages_are_not_requests(text: str) -> None:
    assert not is_request(text)


def test_documents() -> None:
    assert parse_document(" DNI ").value == "dni"
    with pytest.raises(ValidationError) as err:
        parse_document("número 12345678Z")
    assert err.value.code == "verification.document_unknown"


def test_the_shipped_settings(rules: Rules) -> None:
    codes = frozenset(rules.catalogue.codes)
    settings = VerificationSettings.parse(
        resource_path("verification.toml").read_text(encoding="utf-8"), codes)
    assert settings.policy == VerificationPolicy(48, 3, 365)
    assert settings.needs_verified("salud") is not None
    assert settings.needs_verified("obras") is None
    with pytest.raises(ValidationError):
        VerificationSettings.parse('[needs_verified.nada]\nes = "x"\nen = "y"\n', codes)
    with pytest.raises(ValidationError):
        VerificationSettings.parse("[codes]\nattempts = 0\n", codes)


def test_real_citizens_reports_are_not_taken_for_requests() -> None:
    """The triage corpus (real messages to town halls, none asking to verify an account;
    ten of them say "verificar" about something else): not one is a request."""
    import json

    from jun_desk.shared_material import TRIAGE_CORPUS
    from tests.material import need

    texts = [json.loads(line)["text"] for line in
             need(TRIAGE_CORPUS).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 2000
    assert sum("verific" in t.lower() for t in texts) >= 5
    assert [t for t in texts if is_request(t)] == []
