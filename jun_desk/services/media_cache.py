"""The desk's content-addressed media cache on disk (issue 29): each image under the
sha256 of its bytes, ``<data>/media/ab/abcdef…``. A file is written whole or not at all
(a temporary file beside it, fsync, atomic rename, the folder fsynced), so a kill -9
leaves at most a ``.part`` file, which the next run removes; an image already there (the
same photo twice, or a file whose row was never written) is reused, never written twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from jun_desk.domain.media_settings import MediaSettings
from jun_desk.store.files import private_folder

PART = ".part"


class MediaCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def at(cls, settings: MediaSettings) -> MediaCache:
        folder = settings.folder
        if folder is None:
            from jun_desk.paths import Paths

            folder = Paths.default().data / "media"
        return cls(folder)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 digest")
        return self.folder / sha256[:2] / sha256

    def put(self, data: bytes) -> tuple[str, Path]:
        """Keep ``data``; returns its digest and path."""
        digest = hashlib.sha256(data).hexdigest()
        path = self.path_for(digest)
        if path.is_file() and path.stat().st_size == len(data):
            return digest, path  # already there, whole (it was renamed into place)
        if not path.parent.is_dir():  # the desk's own: 0700 whatever the umask
            private_folder(path.parent, tighten_existing=False)
        part = path.with_name(f".{digest}.{os.getpid()}{PART}")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, path)
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
        _fsync_folder(path.parent)
        return digest, path

    def remove(self, sha256: str) -> int:
        """Remove one image; returns the bytes freed (0 if it was not there)."""
        path = self.path_for(sha256)
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0
        return size

    def clean_parts(self) -> int:
        """Remove what a killed download left half written; returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for part in self.folder.glob(f"*/.*{PART}"):
            with contextlib.suppress(OSError):
                part.unlink()
                removed += 1
        return removed

    def files(self) -> list[Path]:
        """The images in the cache (not the ``.part`` files)."""
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.glob("*/*") if not p.name.startswith(".")]


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform opens folders
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
