"""What a password (or PIN) must look like, and how long a desk waits after wrong ones.

Pure rules: the hashing itself is a service (argon2-cffi), never done here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from jun_desk.domain.errors import ValidationError

MAX_LENGTH = 1024  # characters; longer input is refused before any hashing
FREE_ATTEMPTS = 5  # wrong attempts in a row before the account has to wait
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60


def normalize(secret: str) -> str:
    """NFC, so the same word typed on two keyboards (é as one or two code points) is the
    same password."""
    return unicodedata.normalize("NFC", secret)


def wait_after(failures: int) -> int:
    """Seconds the account waits after ``failures`` wrong attempts in a row: nothing for
    the first five, then 30 s, doubling at each further wrong attempt, at most 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_ATTEMPTS)))


class PasswordRejected(ValidationError):
    """A password the policy does not accept; ``reason`` (empty, too_long, control,
    pin, short) lets a screen word it in its own language."""

    def __init__(self, message: str, reason: str, limit: int | None = None) -> None:
        super().__init__(message, code=f"password.{reason}",
                         params={"limit": limit} if limit is not None else None)
        self.reason = reason


@dataclass(frozen=True)
class PasswordPolicy:
    """``pin``: the desk uses PINs of at least six digits instead of passwords."""

    pin: bool = False
    min_password: int = 8
    min_pin: int = 6

    def check(self, secret: str) -> str:
        """The normalised secret, or a ValidationError that says what is wrong."""
        if not secret or not secret.strip():
            raise PasswordRejected("The password is empty", "empty")
        if len(secret) > MAX_LENGTH:
            raise PasswordRejected(
                f"The password is too long (at most {MAX_LENGTH} characters)", "too_long",
                MAX_LENGTH)
        if any(unicodedata.category(ch) == "Cc" for ch in secret):
            raise PasswordRejected("The password contains control characters", "control")
        secret = normalize(secret)
        if self.pin:
            if not (secret.isascii() and secret.isdigit()) or len(secret) < self.min_pin:
                raise PasswordRejected(f"The PIN must be at least {self.min_pin} digits", "pin",
                                       self.min_pin)
        elif len(secret) < self.min_password:
            raise PasswordRejected(
                f"The password must have at least {self.min_password} characters", "short",
                self.min_password)
        return secret


# First access: a one-time code a supervisor issues to an operator who has no password yet.
# Ten characters of an alphabet without look-alikes (no 0/O, 1/I/L): about 50 bits, shown
# as two groups of five; only its Argon2id hash is stored.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
CODE_HOURS = 24  # how long a code is valid unless the supervisor says otherwise
MAX_CODE_HOURS = 7 * 24


def normalize_code(typed: str) -> str:
    """A first-access code as typed (any case, with spaces or a dash) as it was hashed."""
    return "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")


def shown_code(code: str) -> str:
    """``ABCDE-FGHIJ``: easier to read out and to copy by hand."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"
