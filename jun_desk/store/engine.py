"""Opening the database: URL checks, SQLite pragmas, and errors a person can act on."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, exc, make_url
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from jun_desk.domain.errors import StorageError

T = TypeVar("T")
log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5_000


def _display_url(url: URL) -> str:
    """The URL without its password, for messages and logs."""
    return url.render_as_string(hide_password=True)


def parse_database_url(value: str) -> URL:
    """A SQLAlchemy URL, or a plain file path taken as a SQLite database."""
    value = value.strip()
    if not value:
        raise StorageError.of("db.url_empty")
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = make_url(value)
    except (exc.ArgumentError, ValueError):
        # Never echo the value: it may hold a password.
        raise StorageError.of("db.url_invalid") from None
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3, the driver we ship
    return url


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
        if mode and str(mode[0]).lower() == "wal":
            cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # A writing transaction takes the write lock at BEGIN, so a read-then-write unit of
    # work waits its turn (busy_timeout) instead of failing halfway with SQLITE_BUSY.
    # Read-only sessions keep a plain deferred BEGIN and never block the writers (WAL).
    if conn.get_execution_options().get("jun_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(url: URL | str, *, echo: bool = False) -> Engine:
    url = parse_database_url(url) if isinstance(url, str) else url
    backend = url.get_backend_name()
    try:
        if backend == "sqlite":
            if url.database and url.database != ":memory:" \
                    and not url.database.startswith("file:"):
                _private_database_file(Path(url.database))
            engine = create_engine(url, echo=echo, connect_args={"timeout": 5,
                                   "check_same_thread": False, "isolation_level": None})
            event.listen(engine, "connect", _sqlite_on_connect)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url, echo=echo, pool_pre_ping=True,
                                   connect_args=_connect_args(backend))
    except exc.NoSuchModuleError:
        raise StorageError.of("db.unsupported", value=url.drivername) from None
    except ModuleNotFoundError as err:
        raise StorageError.of("db.driver_missing", value=err.name) from None
    except exc.ArgumentError as err:
        raise StorageError.of("db.settings_invalid", detail=err) from None
    return engine


def _private_database_file(path: Path) -> None:
    """The database holds citizens' DNI numbers and health details: a new file is created
    0600 in a 0700 folder whatever the umask (SQLite gives its WAL and SHM files the
    database file's mode), and an existing one readable by others is tightened."""
    from jun_desk.store.files import PRIVATE_FILE, private_folder, tighten_file

    try:
        # A folder the person chose may be shared: it is created private when missing,
        # never tightened (the database and its WAL and SHM files are made 0600 below).
        private_folder(path.parent, tighten_existing=False)
    except OSError as err:
        raise StorageError.of("db.folder", path=path, detail=err.strerror) from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
        os.close(fd)  # an empty file is a new SQLite database
        return
    except FileExistsError:
        pass
    except OSError:
        return  # SQLite will say what is wrong, in its words
    for suffix in ("", "-wal", "-shm", "-journal"):
        for line in tighten_file(path.with_name(path.name + suffix)):
            log.info("%s", line)


def _connect_args(backend: str) -> dict[str, Any]:
    if backend == "postgresql":
        return {"connect_timeout": 5, "application_name": "jun-desk"}
    return {}


_PG_REASONS = [
    (re.compile(r"password authentication failed|no password supplied", re.I),
     "db.login_refused"),
    (re.compile(r"database \".*\" does not exist", re.I), "db.no_such_database"),
    (re.compile(r"connection refused|could not connect|timeout expired|Name or service not known"
                r"|failed to resolve|No route to host|server closed the connection", re.I),
     "db.unreachable"),
]


def database_error(err: BaseException, url: URL | None = None) -> StorageError:
    """What went wrong with the database, as an error with its code, without secrets."""
    where = f" ({_display_url(url)})" if url is not None else ""
    text = str(getattr(err, "orig", None) or err)
    low = text.lower()
    if "database is locked" in low or "database table is locked" in low:
        return StorageError.of("db.locked", where=where)
    if "file is not a database" in low or "database disk image is malformed" in low:
        return StorageError.of("db.damaged", where=where)
    if "readonly database" in low or "read-only" in low:
        return StorageError.of("db.read_only", where=where)
    if "unable to open database file" in low:
        return StorageError.of("db.cannot_open", where=where)
    if "disk is full" in low or "no space left" in low:
        return StorageError.of("db.disk_full", where=where)
    for pattern, code in _PG_REASONS:
        if pattern.search(text):
            return StorageError.of(code, where=where)
    first = text.strip().splitlines()[0] if text.strip() else type(err).__name__
    return StorageError.of("db.error", where=where, detail=first)


def describe_database_error(err: BaseException, url: URL | None = None) -> str:
    """One line that says what went wrong with the database, without secrets (English)."""
    return str(database_error(err, url))


def _rollback(session: Session) -> None:
    """Roll back after a failure. When the connection itself is gone (server restarted),
    the rollback fails too: nothing was committed, so the original error is the one to
    report, and the dead connection is dropped from the pool."""
    try:
        session.rollback()
    except (exc.OperationalError, exc.InterfaceError):
        session.invalidate()


class Database:
    """The engine plus a session factory: one session per unit of work."""

    def __init__(self, engine: Engine) -> None:
        from jun_desk.store.models import use_dialect

        use_dialect(engine.dialect.name)  # the partial indexes' WHERE, for this dialect
        self.engine = engine
        self.url = engine.url
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: URL | str) -> Database:
        return cls(create_database_engine(url))

    @property
    def display_url(self) -> str:
        return _display_url(self.url)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error.

        Driver errors come out as StorageError with a readable message.
        """
        session = self._sessions()
        try:
            if readonly:
                session.connection(execution_options={"jun_readonly": True})
            yield session
            session.commit()
        except (exc.OperationalError, exc.InterfaceError) as err:
            _rollback(session)
            raise database_error(err, self.url) from None
        except BaseException:
            _rollback(session)
            raise
        finally:
            session.close()

    def run(self, work: Callable[[Session], T], *, readonly: bool = False) -> T:
        with self.session(readonly=readonly) as session:
            return work(session)

    def check_connection(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except exc.DBAPIError as err:
            raise database_error(err, self.url) from None

    def dispose(self) -> None:
        self.engine.dispose()
