"""Password hashing: Argon2id through argon2-cffi with its recommended parameters
(``PasswordHasher()``: RFC 9106's low-memory profile, 64 MiB, 3 passes, 4 lanes, a random
16-byte salt per hash). Only the PHC string (``$argon2id$v=19$m=…$salt$hash``) is stored."""

from __future__ import annotations

import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
_dummy: str | None = None
_lock = threading.Lock()


def hash_password(secret: str) -> str:
    return _hasher.hash(secret)


def verify_password(stored: str | None, secret: str) -> bool:
    """True if ``secret`` matches ``stored``. With no stored hash (an unknown name) a dummy
    hash is checked anyway, so a wrong name takes as long as a wrong password."""
    global _dummy
    if stored is None:
        with _lock:
            if _dummy is None:
                _dummy = _hasher.hash("jun-desk-dummy-password")
        stored, secret = _dummy, secret + "\x00"  # never matches
    try:
        return _hasher.verify(stored, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return True
