"""Apply Alembic migrations in-process (at start and by `jun-desk db upgrade`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import exc

from jun_desk.domain.errors import StorageError
from jun_desk.store.engine import Database, describe_database_error

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except exc.DBAPIError as err:
        raise StorageError(describe_database_error(err, db.url)) from None


def upgrade(db: Database, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the schema to ``revision``; returns (before, after) revisions."""
    before = current_revision(db)
    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if before is not None and before not in known:
        raise StorageError(
            f"The database is at schema revision {before}, newer than this Jun Desk knows: "
            "install the newer Jun Desk that created it"
        )
    cfg = _config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except exc.DBAPIError as err:
        raise StorageError(describe_database_error(err, db.url)) from None
    return before, current_revision(db)
