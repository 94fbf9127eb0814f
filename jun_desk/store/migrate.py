"""Apply Alembic migrations in-process (at start and by `jun-desk db upgrade`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc

from jun_desk.domain.errors import StorageError
from jun_desk.store.engine import Database, database_error

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. A database already there opens without loading Alembic (a fifth of
# the desk's start-up); a test checks this against the migration scripts.
HEAD_REVISION = "0019"


def stored_revision(db: Database) -> str | None:
    """The schema revision recorded in the database, read with one plain query."""
    try:
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except exc.OperationalError as err:
        if "no such table" in str(err).lower():
            return None
        raise database_error(err, db.url) from None
    except exc.ProgrammingError:  # PostgreSQL: relation "alembic_version" does not exist
        return None
    except exc.DBAPIError as err:
        raise database_error(err, db.url) from None


def ensure_current(db: Database) -> None:
    """Migrate only when the database is not at this version's head."""
    if stored_revision(db) != HEAD_REVISION:
        upgrade(db)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    try:
        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except exc.DBAPIError as err:
        raise database_error(err, db.url) from None


def known_revisions() -> set[str]:
    """Every schema revision this version of the desk can migrate from."""
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def upgrade(db: Database, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the schema to ``revision``; returns (before, after) revisions."""
    from alembic import command

    before = current_revision(db)
    if before is not None and before not in known_revisions():
        raise StorageError.of("db.newer", revision=before)
    cfg = _config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except exc.DBAPIError as err:
        raise database_error(err, db.url) from None
    return before, current_revision(db)
