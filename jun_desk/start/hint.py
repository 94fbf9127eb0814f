"""Whether a sign-in is expected, known before the database opens: after each open the
desk notes, per database, whether it asked someone to sign in (``start.ini`` in its
settings folder). Nothing secret and no names: one yes or no per database, keyed by a
digest of its address without any password. The start shows the sign-in at once when the
note says yes, and the data layer loads behind it; a wrong note only costs the look of
today's start (``DeskStart.opened`` puts the usual page back)."""

from __future__ import annotations

import configparser
import hashlib
import re
from pathlib import Path

from jun_desk.paths import Paths
from jun_desk.store.files import open_private, private_folder

FILE = "start.ini"
SECTION = "sign_in_expected"
_PASSWORD = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^:@/]*):[^@/]*@")


def database_key(db_url: str, *, training: bool) -> str:
    """The note's key for ``db_url``: its digest, the password left out (a server's
    password is put in the address from the keyring)."""
    without_password = _PASSWORD.sub(r"\1@", db_url)
    kind = "training" if training else "live"
    return hashlib.sha256(f"{kind} {without_password}".encode()).hexdigest()[:16]


def _file(paths: Paths | None) -> Path:
    return (paths or Paths.default()).config / FILE


def _read(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):  # a damaged note: as if none
        return configparser.ConfigParser(interpolation=None)
    return parser


def sign_in_expected(key: str, paths: Paths | None = None) -> bool:
    """Whether the last open of that database asked for a sign-in (no note: no)."""
    try:
        return _read(_file(paths)).getboolean(SECTION, key, fallback=False)
    except ValueError:
        return False


def remember(key: str, expected: bool, paths: Paths | None = None) -> None:
    """On the worker, after an open: the note for next time (written only when it
    changes; a folder that cannot be written only loses the head start)."""
    path = _file(paths)
    parser = _read(path)
    value = "yes" if expected else "no"
    if parser.get(SECTION, key, fallback="") == value:
        return
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    parser.set(SECTION, key, value)
    try:
        private_folder(path.parent)
        with open_private(path) as out:
            parser.write(out)
    except OSError:
        pass
