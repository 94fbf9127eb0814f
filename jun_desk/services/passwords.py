"""Password hashing: Argon2id through argon2-cffi with its recommended parameters
(``PasswordHasher()``: RFC 9106's low-memory profile, 64 MiB, 3 passes, 4 lanes, a random
16-byte salt per hash). Only the PHC string (``$argon2id$v=19$m=…$salt$hash``) is stored.

argon2 is imported on first use: commands that never check a password start without it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

_hasher: PasswordHasher | None = None
_dummy: str | None = None
_lock = threading.Lock()


def _get() -> PasswordHasher:
    global _hasher
    with _lock:
        if _hasher is None:
            from argon2 import PasswordHasher

            _hasher = PasswordHasher()
        return _hasher


def hash_password(secret: str) -> str:
    return _get().hash(secret)


def verify_password(stored: str | None, secret: str) -> bool:
    """True if ``secret`` matches ``stored``. With no stored hash (an unknown name) a dummy
    hash is checked anyway, so a wrong name takes as long as a wrong password."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    global _dummy
    hasher = _get()
    if stored is None:
        with _lock:
            if _dummy is None:
                _dummy = hasher.hash("jun-desk-dummy-password")
        stored, secret = _dummy, secret + "\x00"  # never matches
    try:
        return hasher.verify(stored, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    from argon2.exceptions import InvalidHashError

    try:
        return _get().check_needs_rehash(stored)
    except InvalidHashError:
        return True
