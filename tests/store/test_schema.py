"""The schema on real SQLite files and a real PostgreSQL server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from jun_desk.store.engine import Database
from jun_desk.store.migrate import current_revision, head_revision, upgrade
from jun_desk.store.models import AuditEvent, Base, Ticket, TicketItem

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def empty_db(db_url: str):  # type: ignore[no-untyped-def]
    """A database with no schema at all (PostgreSQL: the migrated template undone)."""
    db = Database.open(db_url)
    if db.backend == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    yield db
    db.dispose()


def test_migrations_build_the_whole_schema_from_empty(empty_db: Database) -> None:
    assert current_revision(empty_db) is None
    before, after = upgrade(empty_db)
    assert (before, after) == (None, head_revision())
    tables = set(inspect(empty_db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert upgrade(empty_db) == (after, after)  # idempotent


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrated_schema_matches_the_models(empty_db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    upgrade(empty_db)
    with empty_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Expression indexes cannot be reflected on every backend; nothing else may differ.
    assert [d for d in diff if "ix_citizens_handle" not in str(d)] == []


def test_newer_schema_than_the_app_is_refused(empty_db: Database) -> None:
    from jun_desk.domain.errors import StorageError

    upgrade(empty_db)
    with empty_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="newer than this Jun Desk knows"):
        upgrade(empty_db)


@pytest.fixture
def db(db_url: str):  # type: ignore[no-untyped-def]
    database = Database.open(db_url)
    upgrade(database)
    yield database
    database.dispose()


def _audit(session: Session) -> AuditEvent:
    event = AuditEvent(at=NOW, actor_name="ana", action="ticket.move", outcome="ok")
    session.add(event)
    session.flush()
    return event


def test_audit_trail_is_append_only_in_the_database(db: Database) -> None:
    with db.session() as session:
        event_id = _audit(session).id
    for statement in (f"UPDATE audit_events SET action = 'x' WHERE id = {event_id}",
                      f"DELETE FROM audit_events WHERE id = {event_id}"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.session() as session:
        assert session.get(AuditEvent, event_id).action == "ticket.move"


def _item(x_id: str, source: str = "tweet") -> TicketItem:
    return TicketItem(source=source, x_id=x_id, kind="mention" if source == "tweet" else "dm_in",
                      account="AytoJun", author_x_id="1", text="hola", created_at=NOW,
                      ingested_at=NOW, personal_data="", handled=False, media_count=0)


def test_an_x_item_is_stored_once(db: Database) -> None:
    with db.session() as session:
        session.add(_item("42"))
        session.add(_item("42", source="dm"))  # DM ids are another id space
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(_item("42"))


def _ticket() -> Ticket:
    return Ticket(department="obras", status="new", priority="normal", title="Farola",
                  personal_data="", created_at=NOW, updated_at=NOW)


def test_version_column_refuses_a_stale_write(db: Database) -> None:
    with db.session() as session:
        session.add(_ticket())
    with db.session() as session:  # desk A reads the ticket (version 1) and keeps it
        ticket = session.get(Ticket, 1)
    assert ticket.version == 1
    # Desk B changes the ticket...
    with db.session() as session:
        session.get(Ticket, ticket.id).status = "assigned"
    # ...while desk A still holds version 1 and writes: nothing is overwritten.
    ticket.priority = "high"
    with pytest.raises(StaleDataError), db.session() as session:
        session.add(ticket)
    with db.session() as session:
        fresh = session.get(Ticket, 1)
        assert (fresh.status, fresh.priority, fresh.version) == ("assigned", "normal", 2)


def test_timestamps_come_back_in_utc(db: Database) -> None:
    with db.session() as session:
        session.add(_ticket())
    with db.session() as session:
        assert session.get(Ticket, 1).created_at == NOW
        assert session.get(Ticket, 1).created_at.tzinfo is not None


def test_naive_datetimes_are_refused(db: Database) -> None:
    ticket = _ticket()
    ticket.created_at = datetime(2026, 1, 1)
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        session.add(ticket)


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database.open(f"sqlite:///{tmp_path / 'desk.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    upgrade(db)
    with pytest.raises(IntegrityError), db.session() as session:
        item = _item("7")
        item.ticket_id = 999  # no such ticket
        session.add(item)
    db.dispose()


def test_head_revision_constant_follows_the_migration_scripts() -> None:
    from jun_desk.store.migrate import HEAD_REVISION, head_revision

    assert head_revision() == HEAD_REVISION


def test_a_current_database_opens_without_loading_alembic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from jun_desk.services.desk import Desk

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    Desk.open(url).close()
    probe = ("import sys; from jun_desk.services.desk import Desk; Desk.open(sys.argv[1])"
             ".close(); print('alembic' in sys.modules,"
             " 'sqlalchemy.dialects.postgresql' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True,
                          check=True)
    # Nor PostgreSQL's dialect: the partial indexes' WHERE is given to the dialect in use.
    assert done.stdout.strip() == "False False"


def test_stored_revision_of_an_empty_database_is_none(empty_db: Database) -> None:
    from jun_desk.store.migrate import stored_revision

    assert stored_revision(empty_db) is None
    upgrade(empty_db)
    assert stored_revision(empty_db) == head_revision()
