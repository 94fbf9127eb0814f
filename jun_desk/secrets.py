"""The one place that touches the OS keyring (service ``jun-desk``).

X credentials are the town's voice: they live in the keyring only, never in the database,
config files, logs or exception texts.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from jun_desk.domain.errors import JunDeskError
from jun_desk.logging_setup import register_secret

SERVICE = "jun-desk"


class KeyringUnavailableError(JunDeskError):
    """No usable keyring backend (no Secret Service, a locked keyring the user refused)."""


class CredentialsMissingError(JunDeskError):
    pass


@dataclass(frozen=True)
class XCredentials:
    """OAuth 1.0a user-context credentials of one desk account."""

    consumer_key: str
    consumer_secret: str
    access_token: str
    access_token_secret: str

    def __repr__(self) -> str:  # never print a secret, even in a traceback
        return f"XCredentials(consumer_key='…{self.consumer_key[-4:]}', <secrets hidden>)"

    __str__ = __repr__

    def values(self) -> list[str]:
        return [getattr(self, f.name) for f in fields(self)]


FIELDS = [f.name for f in fields(XCredentials)]


def _keyring() -> Any:  # the keyring module, imported on first use (no type information)
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailableError.of("keyring.missing")
    return keyring


def _read_entry(entry: str) -> str | None:
    """One entry of the desk's own (not X's) secrets; a keyring that refuses is said."""
    keyring = _keyring()
    try:
        value: str | None = keyring.get_password(SERVICE, entry)
    except keyring.errors.KeyringError as err:
        raise KeyringUnavailableError.of("keyring.refused_read",
                                         detail=type(err).__name__) from None
    return value


def _write_entry(entry: str, value: str, refused: str = "keyring.refused_store") -> None:
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, entry, value)
    except keyring.errors.KeyringError as err:
        raise KeyringUnavailableError.of(refused, detail=type(err).__name__) from None


def _entry(account: str, name: str) -> str:
    return f"{account}:{name}"


def load_credentials(account: str) -> XCredentials:
    keyring = _keyring()
    try:
        values = {name: keyring.get_password(SERVICE, _entry(account, name)) for name in FIELDS}
    except keyring.errors.KeyringError as err:
        raise KeyringUnavailableError.of("keyring.refused_read",
                                         detail=type(err).__name__) from None
    register_secret(*(v for v in values.values() if v))
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise CredentialsMissingError.of("credentials.missing", account=account, names=missing)
    return XCredentials(**values)


def store_credentials(account: str, credentials: XCredentials) -> None:
    register_secret(*credentials.values())
    missing = [name for name in FIELDS if not getattr(credentials, name).strip()]
    if missing:
        raise CredentialsMissingError.of("credentials.empty", names=missing)
    keyring = _keyring()
    try:
        for name in FIELDS:
            keyring.set_password(SERVICE, _entry(account, name), getattr(credentials, name))
    except keyring.errors.KeyringError as err:
        raise KeyringUnavailableError.of("keyring.refused_store",
                                         detail=type(err).__name__) from None


BEARER = "bearer_token"  # the app's OAuth 2.0 bearer token (app-only reads; issue 27)


def store_bearer_token(account: str, token: str) -> None:
    """The app's bearer token, beside the account's four keys: public timelines and
    recent search accept it (README: which auth each call needs)."""
    token = token.strip()
    register_secret(token)
    if not token:
        raise CredentialsMissingError.of("credentials.empty", names=[BEARER])
    _write_entry(_entry(account, BEARER), token)


def load_bearer_token(account: str) -> str | None:
    token = _read_entry(_entry(account, BEARER))
    if token:
        register_secret(token)
    return token or None


def credential_entries(account: str) -> dict[str, str]:
    """Which entries exist (the bearer token too), each shown only by its last 4
    characters."""
    keyring = _keyring()
    found = {}
    for name in (*FIELDS, BEARER):
        value = keyring.get_password(SERVICE, _entry(account, name))
        if value:
            found[name] = value[-4:]
    return found


def clear_credentials(account: str) -> int:
    keyring = _keyring()
    removed = 0
    for name in (*FIELDS, BEARER):
        try:
            keyring.delete_password(SERVICE, _entry(account, name))
            removed += 1
        except keyring.errors.PasswordDeleteError:
            continue
    return removed


# ---------------------------------------------------------------------- database password
def _database_entry(url: str) -> str | None:
    """The keyring entry of a server database's password: db:user@host:port/name."""
    from sqlalchemy import make_url

    try:
        parsed = make_url(url)
    except Exception:  # not a URL: a plain SQLite path has no password
        return None
    if parsed.get_backend_name() == "sqlite" or not parsed.host:
        return None
    return f"db:{parsed.username or ''}@{parsed.host}:{parsed.port or ''}/{parsed.database}"


def store_database_password(url: str, password: str) -> None:
    entry = _database_entry(url)
    if entry is None:
        raise CredentialsMissingError.of("db.password_only_server")
    register_secret(password)
    _write_entry(entry, password, refused="keyring.refused_db_password")


def with_database_password(url: str) -> str:
    """``url`` with the password from the keyring, if it names none and one is stored.
    Without a keyring the URL stays as it is (the server may need no password)."""
    entry = _database_entry(url)
    if entry is None:
        return url
    from sqlalchemy import make_url

    parsed = make_url(url)
    if parsed.password:
        return url
    try:
        password = _keyring().get_password(SERVICE, entry)
    except Exception:  # no keyring (or it failed): connect without a password
        return url
    if not password:
        return url
    register_secret(password)
    return parsed.set(password=password).render_as_string(hide_password=False)


# ---------------------------------------------------------------------- pseudonyms
PSEUDONYM_ENTRY = "privacy:pseudonym-key"


def pseudonym_key() -> bytes:
    """The key of the keyed hash that names an erased citizen (a request recorded under a
    pseudonym): made once, at random, and kept in the keyring like the other secrets. Every
    desk of one town should hold the same key for a returning citizen to be recognised
    across desks; a desk without it makes its own."""
    import secrets as random

    stored = _read_entry(PSEUDONYM_ENTRY)
    if not stored:
        stored = random.token_hex(32)
        _write_entry(PSEUDONYM_ENTRY, stored, refused="keyring.refused_read")
    register_secret(stored)
    return bytes.fromhex(stored)


# ---------------------------------------------------------------------- backup key
BACKUP_KEY_ENTRY = "backup-key"
BACKUP_KEY_BYTES = 32


def decode_backup_key(text: str) -> bytes:
    """A backup key as `jun-desk db backup-key` shows it (URL-safe base64, 44 characters)."""
    import base64
    import binascii

    from jun_desk.domain.errors import StorageError

    text = "".join(text.split())
    try:
        key = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise StorageError.of("backup.key_invalid") from None
    if len(key) != BACKUP_KEY_BYTES or len(text) != 44:
        raise StorageError.of("backup.key_invalid")
    return key


def encode_backup_key(key: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(key).decode("ascii")


def backup_key(*, create: bool = False) -> tuple[bytes, bool]:
    """The key the backups are encrypted with, from the keyring: (key, just created).
    ``create``: make one when there is none (the first backup); else a missing key is an
    error that says how to set it (a restore on a new PC)."""
    import os

    from jun_desk.domain.errors import StorageError

    text = _read_entry(BACKUP_KEY_ENTRY)
    if text:
        register_secret(text)
        return decode_backup_key(text), False
    if not create:
        raise StorageError.of("backup.key_missing")
    key = os.urandom(BACKUP_KEY_BYTES)
    store_backup_key(encode_backup_key(key))
    return key, True


def store_backup_key(text: str) -> bytes:
    """Keep a backup key (typed from where the town keeps it) in this PC's keyring."""
    key = decode_backup_key(text)
    encoded = encode_backup_key(key)
    register_secret(encoded)
    _write_entry(BACKUP_KEY_ENTRY, encoded)
    return key
