"""Crash reports: an unexpected failure's traceback in a private file of the log folder, with
every known secret masked. The command line prints its path; the window shows it."""

from __future__ import annotations

import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from jun_desk.logging_setup import mask
from jun_desk.paths import Paths
from jun_desk.store.files import open_private, private_folder


def write_crash_report(err: BaseException, *, context: str = "") -> Path:
    """Write the report and return its path (the log folder; the temporary folder if that
    cannot be created). ``context`` says where it happened (a thread's name)."""
    logs = Paths.default().logs
    try:
        private_folder(logs)
    except OSError:
        logs = Path(tempfile.gettempdir())
    now = datetime.now(UTC)
    path = logs / f"crash-{now:%Y%m%d-%H%M%S}-{now.microsecond:06d}.txt"
    text = "".join(traceback.format_exception(err))
    if context:
        text = f"{context}\n{text}"
    with open_private(path, "w") as handle:  # the traceback may quote a citizen's data
        handle.write(mask(text))
    return path
