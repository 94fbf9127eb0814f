"""The desk's log file, with every known secret masked before it is written."""

from __future__ import annotations

import logging
import threading
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import cast

from jun_desk.store.files import open_private, private_folder

_secrets: set[str] = set()
_lock = threading.Lock()
MASK = "********"


def register_secret(*values: str) -> None:
    """Values that must never reach a log line (credentials read from the keyring)."""
    with _lock:
        _secrets.update(v for v in values if v and len(v) >= 4)


def mask(text: str) -> str:
    with _lock:
        values = sorted(_secrets, key=len, reverse=True)
    for value in values:
        if value in text:
            text = text.replace(value, MASK)
    return text


class PrivateRotatingFileHandler(RotatingFileHandler):
    """The log and its rotated copies are 0600 whatever the umask: they may quote a
    citizen's message."""

    _jun_desk: bool  # set on the desk's own handler (setup_logging replaces it, not others)

    def _open(self) -> TextIOWrapper:
        # A text mode: open() gives a TextIOWrapper, which is what the handler writes to.
        return cast(TextIOWrapper,
                    open_private(Path(self.baseFilename), self.mode, encoding=self.encoding))


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message or record.exc_info:
            record.msg, record.args = masked, None
            if record.exc_info:
                formatted = logging.Formatter().formatException(record.exc_info)
                record.msg = f"{masked}\n{mask(formatted)}"
                record.exc_info = None
                record.exc_text = None
        return True


def setup_logging(folder: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``folder/jun-desk.log`` (rotated); returns the path, or None if unwritable."""
    try:
        private_folder(folder)
        path = folder / "jun-desk.log"
        handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                             encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_jun_desk", False)]:
        root.removeHandler(old)
        old.close()
    handler._jun_desk = True
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
