"""The training desk: its own database, known at once, and the sandbox X, started on the
worker once that database is open."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jun_desk.config import Paths
from jun_desk.start.options import Connection, GuiOptions

if TYPE_CHECKING:
    from jun_desk.x.sandbox.server import Sandbox

# A new training day starts already under way: its first hour and a bit (the photo of the
# pothole in calle Ancha among it) is waiting at the first sync, so whoever opens the
# training desk meets messages to read at once, not an empty desk for the minute the
# first message takes to arrive at 60x; the day then goes on live.
UNDER_WAY = timedelta(minutes=65)


def sandbox_database(options: GuiOptions) -> str:
    """The training desk's database: ``--db``, or its own file in the sandbox folder.
    Known without starting the sandbox, so that it opens first (the sandbox after it)."""
    folder = Paths.default().data / "sandbox"
    return options.db_url or f"sqlite:///{folder / 'jun-desk-sandbox.db'}"


def sandbox_connection(options: GuiOptions, **clocks: Any) -> tuple[Sandbox, Connection]:
    """The sandbox X and the training desk's connection. The day the sandbox plays is
    recorded beside its database, so a restart on it the same UTC day stores and bills
    nothing twice (``x/sandbox/day.py``). A new day starts ``UNDER_WAY``. ``clocks``: the
    sandbox's ``wall`` and ``timer`` (tests)."""
    from jun_desk.x.sandbox.day import record_path
    from jun_desk.x.sandbox.server import Sandbox

    folder = Paths.default().data / "sandbox"
    db_url = sandbox_database(options)
    if db_url.startswith("sqlite:///") and ":memory:" not in db_url:
        day_file = record_path(Path(db_url.removeprefix("sqlite:///")))
    else:  # a server database: its record in the sandbox folder, by its address
        day_file = folder / f"day-{hashlib.sha256(db_url.encode()).hexdigest()[:16]}.json"
    sandbox = Sandbox(speed=options.speed, day_file=day_file, under_way=UNDER_WAY,
                      **clocks).start()
    try:
        return sandbox, Connection(sandbox.credentials, sandbox.base_url,
                                   sandbox.scenario.desk.username, db_url, "sandbox",
                                   training=True)
    except BaseException:
        sandbox.stop()  # nobody else holds it yet
        raise
