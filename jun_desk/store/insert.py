"""INSERT statements that can say ON CONFLICT on the backend in use."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import FromClause, TableClause
from sqlalchemy.orm import Session


def insert_for(session: Session, table: FromClause) -> Any:
    """INSERT for the session's dialect (``ON CONFLICT`` and ``RETURNING`` on both); the
    statement is dialect-specific, hence ``Any``. ``table``: a model's ``__table__``
    (typed as a FromClause by SQLAlchemy; a Table here)."""
    table = cast(TableClause, table)
    # Dialects imported on use: a SQLite desk never loads PostgreSQL's (nor asyncio).
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise NotImplementedError(f"Jun Desk does not support the '{dialect}' database")
