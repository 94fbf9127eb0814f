"""Verifying a citizen's X account as a resident's (issue 27, item 3): pure rules.

A verification starts when a citizen asks (a mention or DM the desk recognises) or an
operator starts it; the desk sends a one-time code by DM; the citizen shows it at the
counter, where an operator checks an identity document and confirms (no document number
is kept: who, when, how and which kind of document). A supervisor may confirm by another
channel (with a note) and revoke. Codes expire (48 h unless the settings say otherwise),
three wrong codes spend a code, and a verification lapses after a period (a year).

The clock is always given (``now``); hashing the code is a service's work.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from jun_desk.domain.errors import ValidationError, bad_resource

# No 0/O, 1/I/L: read out at a counter and typed from a phone's screen without doubt.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
_SHOWN_CODE = re.compile(rf"\b[{CODE_ALPHABET}]{{3}}-[{CODE_ALPHABET}]{{3}}\b")
HIDDEN_CODE = "•••-•••"


class State(StrEnum):
    REQUESTED = "requested"  # the citizen asked; no code sent yet
    CODE_SENT = "code_sent"  # a code is on its way or with the citizen
    VERIFIED = "verified"
    SPENT = "spent"  # the code was typed wrong too many times
    EXPIRED = "expired"  # the code's time ran out before it was confirmed
    CANCELLED = "cancelled"  # superseded by a new code, or dropped
    REVOKED = "revoked"  # a supervisor withdrew the verification


OPEN_STATES = frozenset({State.REQUESTED, State.CODE_SENT})
TRANSITIONS: dict[State, frozenset[State]] = {
    State.REQUESTED: frozenset({State.CODE_SENT, State.VERIFIED, State.CANCELLED}),
    State.CODE_SENT: frozenset({State.VERIFIED, State.SPENT, State.EXPIRED, State.CANCELLED}),
    State.VERIFIED: frozenset({State.REVOKED}),
    State.SPENT: frozenset(),
    State.EXPIRED: frozenset(),
    State.CANCELLED: frozenset(),
    State.REVOKED: frozenset(),
}


def check_transition(current: State, target: State) -> None:
    if target not in TRANSITIONS[current]:
        raise ValidationError.of("verification.transition", was=current.value,
                                 wanted=target.value)


class Method(StrEnum):
    COUNTER = "counter"  # code shown at the counter, identity document checked
    OTHER_CHANNEL = "other_channel"  # a supervisor, with a note (phone call, padrón, …)
    MANUAL = "manual"  # set by hand before issue 27 (the old toggle)


class Document(StrEnum):
    """Kinds of identity document checked at the counter; never their number."""

    DNI = "dni"
    NIE = "nie"
    PASSPORT = "passport"
    RESIDENCE_CARD = "residence_card"
    DRIVING_LICENCE = "driving_licence"


def parse_document(value: str) -> Document:
    try:
        return Document(value.strip().lower())
    except ValueError:
        raise ValidationError.of("verification.document_unknown", value=value,
                                 documents=[d.value for d in Document]) from None


class RequestedVia(StrEnum):
    MENTION = "mention"
    DM = "dm"
    OPERATOR = "operator"


@dataclass(frozen=True, slots=True)
class VerificationPolicy:
    code_hours: float = 48
    max_attempts: int = 3
    valid_days: int = 365

    def __post_init__(self) -> None:
        if not 0 < self.code_hours <= 24 * 30:
            raise ValidationError.of("verification.policy", field="code_hours")
        if not 1 <= self.max_attempts <= 10:
            raise ValidationError.of("verification.policy", field="max_attempts")
        if not 1 <= self.valid_days <= 365 * 10:
            raise ValidationError.of("verification.policy", field="valid_days")

    def code_expires(self, now: datetime) -> datetime:
        return now + timedelta(hours=self.code_hours)

    def verified_until(self, now: datetime) -> datetime:
        return now + timedelta(days=self.valid_days)


def normalize_code(typed: str) -> str:
    """A code as typed (any case, spaces, a dash) as it was hashed: ``ABC234``."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", typed).upper()
                   if not ch.isspace() and ch not in "-_.")


def shown_code(code: str) -> str:
    """``ABC-234``: easier to read out and to copy by hand."""
    return f"{code[:3]}-{code[3:]}"


def well_formed(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def hide_codes(text: str) -> str:
    """``text`` with any shown code (``ABC-234``) replaced: the DM's copy the desk keeps
    once the code is used, spent or expired."""
    return _SHOWN_CODE.sub(HIDDEN_CODE, text)


class Outcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # wrong, attempts remain
    SPENT = "spent"  # wrong, and that was the last attempt
    EXPIRED = "expired"
    NOT_PENDING = "not_pending"  # no code is waiting (never sent, used, spent, expired)


@dataclass(frozen=True, slots=True)
class CodeJudgement:
    outcome: Outcome
    attempts: int  # wrong attempts after this one
    left: int  # attempts left after this one


def judge_code(*, state: State, attempts: int, expires_at: datetime | None, now: datetime,
               matches: bool, policy: VerificationPolicy) -> CodeJudgement:
    """What typing a code does: accepted, refused with attempts left, the code spent by the
    last wrong attempt, or refused because it expired or no code is waiting. Expiry is
    checked first: an expired code is refused even when it is right."""
    left = max(policy.max_attempts - attempts, 0)
    if state is not State.CODE_SENT:
        return CodeJudgement(Outcome.NOT_PENDING, attempts, left)
    if expires_at is not None and expires_at <= now:
        return CodeJudgement(Outcome.EXPIRED, attempts, left)
    if matches:
        return CodeJudgement(Outcome.OK, attempts, left)
    attempts += 1
    left = max(policy.max_attempts - attempts, 0)
    return CodeJudgement(Outcome.SPENT if left == 0 else Outcome.WRONG, attempts, left)


def badge_shown(verified_resident: bool, verified_until: datetime | None,
                now: datetime) -> bool:
    """Whether the "vecino verificado" badge shows: verified and not lapsed (a verification
    set by hand before issue 27 has no end)."""
    return verified_resident and (verified_until is None or now < verified_until)


# -- a citizen asking to be verified, in Spanish or English --------------------------------

_REQUEST_PATTERNS = [
    # quiero verificar mi cuenta · verificarme · ¿cómo me verifico? · verificación de vecino
    r"\bverific(?:ar|arme|arnos|adme|ame|ad|a|o)\b.{0,30}\b(?:cuenta|perfil|usuario|vecin[oa]|"
    r"empadronad[oa]|residente)",
    r"\bverificarme\b",
    r"\bme\s+verifi(?:co|quen|cais|quéis|queis)\b",
    r"\bverificaci[oó]n\b.{0,30}\b(?:cuenta|perfil|vecin[oa]|residente|empadronad[oa])",
    r"\b(?:c[oó]digo|codigo)\s+de\s+verificaci[oó]n\b",
    r"\bcomo\s+vecin[oa]\s+verificad[oa]\b|\bvecin[oa]\s+verificad[oa]\b",
    # verify my account · get verified · verification code · verify me as a resident
    r"\bverify\b.{0,30}\b(?:account|profile|me|resident)",
    r"\bget\s+verified\b|\bbe\s+verified\b|\bverification\s+code\b",
    r"\bverified\s+resident\b",
]
_REQUEST = re.compile("|".join(f"(?:{p})" for p in _REQUEST_PATTERNS), re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def is_request(text: str) -> bool:
    """Whether a mention or DM asks the town to verify the writer's account."""
    return bool(_REQUEST.search(_fold(text)))


# -- the settings file: resources/verification.toml ------------------------------------------

@dataclass(frozen=True, slots=True)
class VerificationSettings:
    """The policy and the matters that need a verified resident, per department
    (``department code → what needs it``, in Spanish and English)."""

    policy: VerificationPolicy
    matters: dict[str, tuple[str, str]]

    def needs_verified(self, department: str) -> tuple[str, str] | None:
        return self.matters.get(department)

    @classmethod
    def parse(cls, text: str, departments: frozenset[str]) -> VerificationSettings:
        try:
            data = tomllib.loads(text)
            codes = data.get("codes", {})
            policy = VerificationPolicy(code_hours=float(codes.get("expire_hours", 48)),
                                        max_attempts=int(codes.get("attempts", 3)),
                                        valid_days=int(data.get("verification", {})
                                                       .get("valid_days", 365)))
            matters: dict[str, tuple[str, str]] = {}
            for code, entry in data.get("needs_verified", {}).items():
                if code not in departments:
                    raise ValueError(f"unknown department '{code}'")
                matters[code] = (str(entry["es"]), str(entry["en"]))
        except (tomllib.TOMLDecodeError, ValueError, KeyError, TypeError,
                ValidationError) as err:
            raise bad_resource(f"Cannot read the verification settings: {err}") from None
        return cls(policy, matters)
