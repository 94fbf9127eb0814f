"""INSERT statements that can say ON CONFLICT on the backend in use."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import Session


def insert_for(session: Session, table: Table):  # type: ignore[no-untyped-def]
    # Dialects imported on use: a SQLite desk never loads PostgreSQL's (nor asyncio).
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise NotImplementedError(f"Jun Desk does not support the '{dialect}' database")
