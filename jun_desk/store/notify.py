"""Waiting for other desks' commits: PostgreSQL LISTEN/NOTIFY, or SQLite's data_version.

A waiter blocks (in a listener thread, never the GUI thread) until the database says
something was committed, or until a timeout. PostgreSQL hands over what changed (the
audit trigger of migration 0004 sends the event id, ticket id, action and actor); SQLite
only says that another connection committed, and the caller reads the audit trail.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine

from jun_desk.domain.errors import StorageError
from jun_desk.store.engine import database_error

CHANNEL = "jun_desk_changes"
SQLITE_POLL_SECONDS = 0.05
PG_LIVENESS_SECONDS = 5.0  # with no news for this long, ask the server if it is still there


@dataclass(frozen=True)
class Notice:
    event_id: int
    ticket_id: int | None
    action: str
    actor: str


class ChangeWaiter(Protocol):
    def wait(self, timeout: float) -> list[Notice] | None:
        """Notices (PostgreSQL), [] when something changed but the database cannot say
        what (SQLite), or None when nothing happened before the timeout."""

    def close(self) -> None: ...


def parse_notice(payload: str) -> Notice | None:
    try:
        data = json.loads(payload)
        ticket = data.get("ticket")
        return Notice(int(data["id"]), int(ticket) if ticket is not None else None,
                      str(data["action"]), str(data.get("actor") or ""))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # not ours: someone else NOTIFYing on the channel


class PostgresWaiter:
    """A dedicated autocommit connection that LISTENs on the desk's channel."""

    def __init__(self, engine: Engine) -> None:
        import psycopg

        self._errors: tuple[type[BaseException], ...] = (psycopg.Error, OSError)
        self._url = engine.url
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        cparams.update(connect_timeout=5, application_name="jun-desk-listener",
                       keepalives=1, keepalives_idle=10, keepalives_interval=3,
                       keepalives_count=3)
        try:
            self._conn: Any = psycopg.connect(*cargs, autocommit=True, **cparams)
            self._conn.execute(f"LISTEN {CHANNEL}")
        except self._errors as err:
            raise database_error(err, self._url) from None
        self._quiet_since = time.monotonic()

    def _notices(self, **wait: Any) -> list[Notice]:
        return [n for n in (parse_notice(m.payload) for m in self._conn.notifies(**wait)) if n]

    def wait(self, timeout: float) -> list[Notice] | None:
        try:
            notices = self._notices(timeout=timeout, stop_after=1)
            if notices:
                notices += self._notices(timeout=0.001)  # what else already arrived
                self._quiet_since = time.monotonic()
                return notices
            if time.monotonic() - self._quiet_since > PG_LIVENESS_SECONDS:
                self._conn.execute("SELECT 1")
                self._quiet_since = time.monotonic()
            return None
        except self._errors as err:
            raise database_error(err, self._url) from None

    def close(self) -> None:
        with contextlib.suppress(*self._errors):
            self._conn.close()


class SqliteWaiter:
    """Polls ``PRAGMA data_version``: it changes when another connection commits."""

    def __init__(self, engine: Engine) -> None:
        self._path = engine.url.database or ""
        try:
            self._conn = sqlite3.connect(self._path, timeout=5, check_same_thread=False,
                                         isolation_level=None)
            self._version = self._read()
        except sqlite3.Error as err:
            raise database_error(err) from None

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> list[Notice] | None:
        deadline = time.monotonic() + timeout
        try:
            while True:
                version = self._read()
                if version != self._version:
                    self._version = version
                    return []
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                time.sleep(min(SQLITE_POLL_SECONDS, left))
        except sqlite3.Error as err:
            raise database_error(err) from None

    def close(self) -> None:
        self._conn.close()


def open_waiter(engine: Engine) -> ChangeWaiter:
    backend = engine.url.get_backend_name()
    if backend == "postgresql":
        return PostgresWaiter(engine)
    if backend == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        return SqliteWaiter(engine)
    raise StorageError.of("db.no_live", value=backend)
