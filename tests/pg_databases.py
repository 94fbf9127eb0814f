"""Fresh PostgreSQL databases for the tests, copied from the migrated template ahead of need.

``CREATE DATABASE … TEMPLATE`` costs the server a few tenths of a second and ``DROP`` a
tenth more, and every PostgreSQL test used to wait for both. Here one background thread
makes the next copies while the current test runs and drops the used ones after it: the
server works on the other core, and a test waits only if it outruns the server. Each test
still gets a database nobody else has touched, made from the same template.
"""

from __future__ import annotations

import itertools
import os
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import create_engine, exc, text

# CREATE DATABASE refuses while someone is connected to the template (a few tests open
# the template itself, as a person would name an existing database): try again.
_TEMPLATE_BUSY = "55006"  # object_in_use
_BUSY_PATIENCE_SECONDS = 60.0


class PgDatabases:
    """``take()`` a fresh database's URL, ``give_back(url)`` when the test is done."""

    def __init__(self, admin_url: str, template: str = "jun_template", ahead: int = 2) -> None:
        self._admin_url = admin_url
        self._server = admin_url.rsplit("/", 1)[0]
        self._template = template
        self._ahead = ahead
        self._engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-databases")
        self._coming: deque[Future[str]] = deque()
        self._dropping: list[Future[None]] = []
        self._names = itertools.count()

    def take(self) -> str:
        self._fill()
        url = self._coming.popleft().result()
        self._fill()
        return url

    def give_back(self, url: str) -> None:
        """Dropped in the background; a failure is raised by ``close``."""
        self._dropping = [f for f in self._dropping if not f.done() or f.exception()]
        self._dropping.append(self._worker.submit(self._drop, url.rsplit("/", 1)[1]))

    def close(self) -> None:
        try:
            for future in self._coming:
                self._drop(future.result().rsplit("/", 1)[1])
            for future in self._dropping:
                future.result()
        finally:
            self._coming.clear()
            self._worker.shutdown(wait=True)
            self._engine.dispose()

    def _fill(self) -> None:
        while len(self._coming) < self._ahead:
            self._coming.append(self._worker.submit(self._create))

    def _create(self) -> str:
        name = f"jun_test_{os.getpid()}_{next(self._names)}"
        deadline = time.monotonic() + _BUSY_PATIENCE_SECONDS
        while True:
            try:
                with self._engine.connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE {self._template}'))
                return f"{self._server}/{name}"
            except exc.DBAPIError as err:
                busy = getattr(err.orig, "sqlstate", None) == _TEMPLATE_BUSY
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _drop(self, name: str) -> None:
        with self._engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
