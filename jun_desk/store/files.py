"""Files only this desk's user may read: the database with its WAL and SHM files, logs, crash
reports, settings. Folders 0700, files 0600 on POSIX whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Any

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> list[str]:
    """Create ``folder`` (and the missing folders above it) 0700 whatever the umask; an
    existing folder the desk owns is tightened to 0700. Returns what was changed."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        if _POSIX:
            os.chmod(path, PRIVATE_DIR)
    return [] if missing else _tighten(folder, PRIVATE_DIR)


def _tighten(path: Path, mode: int) -> list[str]:
    if not _POSIX:
        return []
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return []  # not ours to change
        old = stat.S_IMODE(info.st_mode)
        if old & 0o077 == 0:
            return []
        new = (old & ~0o077) | (mode & 0o600)
        os.chmod(path, new)
    except OSError as err:
        return [f"Could not make {path} private: {err.strerror}"]
    return [f"Made {path} private to this user: {old:04o} → {new:04o}"]


def tighten_tree(folder: Path) -> list[str]:
    """Folders 0700 and files 0600 below ``folder`` (an existing install's database, WAL
    and SHM files, logs, crash reports, settings)."""
    if not _POSIX or not folder.is_dir():
        return []
    changes: list[str] = []
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            changes += _tighten(Path(root) / name, PRIVATE_DIR)
        for name in files:
            changes += _tighten(Path(root) / name, PRIVATE_FILE)
    return changes


def tighten_file(path: Path) -> list[str]:
    """A file of the desk that exists: 0600 if it was readable by others."""
    return _tighten(path, PRIVATE_FILE) if path.exists() else []


def private_file(path: Path) -> None:
    """Make sure a file the desk wrote is 0600 (QSettings and other writers that do not
    take a mode)."""
    if _POSIX and path.exists():
        os.chmod(path, PRIVATE_FILE)


def _private_opener(path: str, flags: int) -> int:
    fd = os.open(path, flags, PRIVATE_FILE)
    if _POSIX:
        os.fchmod(fd, PRIVATE_FILE)
    return fd


def open_private(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> IO[Any]:
    """``open`` for a file only this user may read (0600 whatever the umask)."""
    if "b" in mode:
        return open(path, mode, opener=_private_opener)
    return open(path, mode, encoding=encoding, opener=_private_opener)
