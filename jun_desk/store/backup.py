"""Consistent copies of the database while desks keep working, and putting one back.

SQLite: the online backup API, inside the read transaction that counted the rows (the copy
and the counts are the same snapshot; WAL writers carry on meanwhile). PostgreSQL:
``pg_dump`` on a snapshot exported by the transaction that counted the rows. Restoring:
SQLite through the backup API again (into the live file, under SQLite's locks), PostgreSQL
through ``psql`` in one transaction.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import exc
from sqlalchemy.engine import URL

from jun_desk.domain.errors import StorageError
from jun_desk.store.engine import Database, database_error

PG_TOOLS_ENV = "JUN_DESK_PG_BINDIR"  # where pg_dump and psql are, when not on PATH
READ_SIZE = 1 << 20


# ------------------------------------------------------------------------------- SQLite
def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    return [str(r[0]) for r in rows]


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in _sqlite_tables(conn)}


def sqlite_snapshot(db: Database, dest: Path) -> tuple[dict[str, int], str | None]:
    """Copy the database into the new file ``dest`` (SQLite's online backup API); return
    the rows per table of the source as of that copy, and its schema revision: one read
    transaction holds the three."""
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(dest)
        try:
            source.execute("BEGIN")  # deferred: a snapshot, writers (WAL) not blocked
            try:
                counts = _sqlite_counts(source)  # the read transaction starts here
                revision = _sqlite_revision(source, counts)
                source.backup(target)  # in that same transaction: the same snapshot
            finally:
                source.execute("ROLLBACK")
            # One self-contained file (the source's WAL mode came with the pages).
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    except sqlite3.Error as err:
        raise database_error(err, db.url) from None
    finally:
        raw.close()
    return counts, revision


def _sqlite_revision(conn: sqlite3.Connection, counts: dict[str, int]) -> str | None:
    if "alembic_version" not in counts:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def sqlite_check(path: Path) -> tuple[str, dict[str, int], str | None]:
    """Open a copy: (``PRAGMA integrity_check``'s verdict, rows per table, schema
    revision)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
            counts = _sqlite_counts(conn)
            return verdict, counts, _sqlite_revision(conn, counts)
        finally:
            conn.close()
    except sqlite3.Error as err:
        return f"cannot be read: {err}", {}, None


def set_sqlite_revision(path: Path, revision: str) -> None:
    """Write another schema revision into a copy (tests: a backup from a newer desk)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    finally:
        conn.close()


def sqlite_restore(copy: Path, db: Database) -> None:
    """Put the checked copy into the live database file through the backup API: under
    SQLite's own locks, with the WAL and every open connection kept consistent."""
    raw = db.engine.raw_connection()
    try:
        target = raw.driver_connection
        assert isinstance(target, sqlite3.Connection)
        source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            source.backup(target)
        finally:
            source.close()
    except sqlite3.Error as err:
        raise database_error(err, db.url) from None
    finally:
        raw.close()


# ---------------------------------------------------------------------------- PostgreSQL
def pg_tool(name: str) -> str | None:
    """``pg_dump`` or ``psql``: from $JUN_DESK_PG_BINDIR, else PATH."""
    folder = os.environ.get(PG_TOOLS_ENV)
    if folder:
        candidate = Path(folder) / name
        return str(candidate) if candidate.exists() else None
    return shutil.which(name)


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq connection URI without the password, and the environment that carries it
    (never on a command line other users can read)."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _pg_counts(conn: object) -> dict[str, int]:
    from sqlalchemy import Connection

    assert isinstance(conn, Connection)
    tables = [str(r[0]) for r in conn.exec_driver_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")]
    return {t: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() or 0)
            for t in tables}


Start = Callable[[dict[str, int], "str | None"], Callable[[bytes], None]]


def pg_snapshot(db: Database, start: Start) -> None:
    """``pg_dump`` (plain SQL, no owners or privileges) on the snapshot of the transaction
    that counted the rows: ``start(counts, revision)`` is told them first and gives the
    sink the dump goes to."""
    tool = pg_tool("pg_dump")
    if tool is None:
        raise StorageError.of("backup.no_pg_dump")
    conninfo, env = _libpq(db.url)
    try:
        with db.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar())
                counts = _pg_counts(conn)
                revision = None
                if "alembic_version" in counts:
                    found = conn.exec_driver_sql("SELECT version_num FROM alembic_version")
                    revision = found.scalar()
                sink = start(counts, str(revision) if revision is not None else None)
                _run_dump(tool, conninfo, env, snapshot, sink)
    except exc.DBAPIError as err:
        raise database_error(err, db.url) from None


def _run_dump(tool: str, conninfo: str, env: dict[str, str], snapshot: str,
              sink: Callable[[bytes], None]) -> None:
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [tool, "--format=plain", "--no-owner", "--no-privileges", "--clean",
             "--if-exists", f"--snapshot={snapshot}", f"--dbname={conninfo}"],
            stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, env=env)
        assert proc.stdout is not None
        try:
            while block := proc.stdout.read(READ_SIZE):
                sink(block)
        finally:
            proc.stdout.close()
            code = proc.wait()
        if code != 0:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace").strip().splitlines()
            raise StorageError.of("backup.pg_dump_failed",
                                  detail=detail[-1] if detail else f"exit {code}")


class DumpReader:
    """Reads a plain pg_dump script as it streams by: rows per table (one COPY line is one
    row) and the schema revision in alembic_version."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.revision: str | None = None
        self.complete = False  # pg_dump's last line was seen
        self._table: str | None = None
        self._rest = b""

    def feed(self, block: bytes) -> None:
        lines = (self._rest + block).split(b"\n")
        self._rest = lines.pop()
        for line in lines:
            self._line(line)

    def _line(self, line: bytes) -> None:
        if self._table is not None:
            if line == b"\\.":
                self._table = None
                return
            self.counts[self._table] += 1
            if self._table == "alembic_version":
                self.revision = line.decode("utf-8", "replace").split("\t")[0]
            return
        if line.startswith(b"COPY ") and line.endswith(b"FROM stdin;"):
            name = line[5:].split(b" ", 1)[0].decode("utf-8").split(".")[-1].strip('"')
            self._table = name
            self.counts.setdefault(name, 0)
        elif line.startswith(b"-- PostgreSQL database dump complete"):
            self.complete = True


def pg_restore(db: Database, script: Iterable[bytes]) -> None:
    """Replace the database's tables with a pg_dump script's, in one transaction (``psql
    --single-transaction``): an error leaves the database as it was."""
    tool = pg_tool("psql")
    if tool is None:
        raise StorageError.of("backup.no_psql")
    from jun_desk.store.models import Base

    ours = {*Base.metadata.tables, "alembic_version"}
    try:
        with db.engine.connect() as conn:
            tables = [t for t in _pg_counts(conn) if t in ours]  # never another program's
    except exc.DBAPIError as err:
        raise database_error(err, db.url) from None
    # The desk's tables that the dump may lack (a newer schema's) go too: the migrations
    # make them again.
    drop = "".join(f'DROP TABLE IF EXISTS "{t}" CASCADE;\n' for t in tables).encode()
    conninfo, env = _libpq(db.url)
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [tool, "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1",
             f"--dbname={conninfo}"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        assert proc.stdin is not None
        try:
            _feed(proc.stdin, [drop], script)
        except BrokenPipeError:
            pass  # psql stopped at an error: its words are in ``errors``
        finally:
            code = proc.wait()
        if code != 0:
            errors.seek(0)
            detail = [ln for ln in errors.read().decode("utf-8", "replace").splitlines()
                      if ln.strip()]
            raise StorageError.of("backup.restore_failed",
                                  detail=detail[0] if detail else f"psql exit {code}")


def _feed(stdin: IO[bytes], *parts: Iterable[bytes]) -> None:
    try:
        for part in parts:
            for block in part:
                stdin.write(block)
    finally:
        with contextlib.suppress(BrokenPipeError):
            stdin.close()


def chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while block := handle.read(READ_SIZE):
        yield block
