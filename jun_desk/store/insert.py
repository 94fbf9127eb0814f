"""INSERT statements that can say ON CONFLICT on the backend in use."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, FromClause, Result, TableClause
from sqlalchemy.orm import Session


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched. SQLAlchemy types ``Session.execute`` as returning
    a ``Result``; for those statements it is a ``CursorResult``, which has ``rowcount``."""
    return int(cast("CursorResult[Any]", result).rowcount)


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
