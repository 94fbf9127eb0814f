"""A database that cannot be used gives one clear sentence, never a traceback or a secret."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from jun_desk.domain.errors import StorageError
from jun_desk.services.desk import Desk
from jun_desk.store.engine import Database, describe_database_error, parse_database_url


def test_plain_path_means_sqlite(tmp_path: Path) -> None:
    url = parse_database_url(str(tmp_path / "x.db"))
    assert url.get_backend_name() == "sqlite" and url.database == str(tmp_path / "x.db")
    assert parse_database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("url, message", [
    ("", "empty"),
    ("mysql+nothere://u@h/db", "Unsupported database type"),
    ("postgresql+psycopg://u:pw@127.0.0.1:1/db", "cannot be reached"),
])
def test_unusable_urls(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message) as caught:
        Desk.open(url)
    assert "pw@" not in str(caught.value)


def test_password_never_appears_in_messages() -> None:
    with pytest.raises(StorageError) as caught:
        Desk.open("postgresql+psycopg://jun:Sup3rS3cret@127.0.0.1:1/jun")
    assert "Sup3rS3cret" not in str(caught.value)
    assert "***" in str(caught.value)


def test_corrupt_file(tmp_path: Path) -> None:
    bad = tmp_path / "desk.db"
    bad.write_bytes(b"this is not sqlite at all" * 200)
    with pytest.raises(StorageError, match="damaged or is not a Jun Desk database"):
        Desk.open(f"sqlite:///{bad}")


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Cannot create the folder"):
        Desk.open(f"sqlite:///{blocker / 'sub' / 'desk.db'}")


def test_read_only_database(tmp_path: Path) -> None:
    """A database opened read-only (a file on a read-only share, say): reads work, a write
    gets a clear message. Opened through SQLite's own read-only mode, so it also holds for
    root, whom file permissions do not stop."""
    path = tmp_path / "desk.db"
    Desk.open(f"sqlite:///{path}").close()
    desk = Desk.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert desk.operators.list() == []
    with pytest.raises(StorageError, match="read-only"):
        desk.operators.add("ana", "supervisor")
    desk.close()


def test_read_only_database_message() -> None:
    err = sqlite3.OperationalError("attempt to write a readonly database")
    assert "read-only" in describe_database_error(err)
    assert "disk is full" in describe_database_error(sqlite3.OperationalError(
        "database or disk is full"))


def test_locked_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds the write lock: after the busy timeout, a clear message."""
    monkeypatch.setattr("jun_desk.store.engine.SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "desk.db"
    desk = Desk.open(f"sqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            desk.operators.add("ana", "supervisor")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    desk.operators.add("ana", "supervisor")  # works again once the lock is gone
    desk.close()


def test_database_session_rolls_back_on_error(tmp_path: Path) -> None:
    desk = Desk.open(f"sqlite:///{tmp_path / 'desk.db'}")
    from jun_desk.store.models import Operator, utcnow

    with pytest.raises(RuntimeError), desk.db.session() as session:
        session.add(Operator(username="x", display_name="x", role="operator", departments="",
                             active=True, created_at=utcnow()))
        raise RuntimeError("boom")
    assert desk.operators.list() == []
    desk.close()


def test_writers_in_threads_wait_their_turn(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE + busy timeout: concurrent writers on one SQLite file all succeed."""
    desk = Desk.open(f"sqlite:///{tmp_path / 'desk.db'}")
    errors: list[BaseException] = []

    def add(n: int) -> None:
        try:
            desk.operators.add(f"op{n}", "operator")
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(desk.operators.list()) == 12
    desk.close()


def test_database_session_maps_driver_errors(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(StorageError, match="Database error"), db.session() as session:
        session.connection().exec_driver_sql("SELECT * FROM no_such_table_here")
    db.dispose()


@pytest.mark.postgres
def test_a_connection_cut_mid_transaction_keeps_the_real_error(pg_admin_url: str) -> None:
    """The server drops the connection (restart, network) while a unit of work runs: the
    rollback cannot reach it either. The caller still gets the error that happened, not the
    failed rollback, and the next unit of work reconnects."""
    from sqlalchemy import create_engine, text

    db = Database.open(pg_admin_url)
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    try:
        with pytest.raises(ValueError, match="the operator's action"), db.session() as session:
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            raise ValueError("the operator's action failed")
        with db.session(readonly=True) as session:
            assert session.execute(text("SELECT 1")).scalar() == 1
    finally:
        admin.dispose()
        db.dispose()
