"""Settings → Base de datos, without Qt: the address a person types, read back from a saved
setting, and the connection check (open, check, close). The window asks these; it never
builds an engine or a SQLAlchemy URL itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from jun_desk.store.engine import Database

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class DatabaseAddress:
    """A database as the settings dialog shows it: a SQLite file (``path``) or a PostgreSQL
    server (``host``, ``port``, ``name``, ``user``). Passwords never travel in it."""

    kind: str  # "sqlite" or "postgresql"
    path: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    name: str = ""
    user: str = ""

    @classmethod
    def parse(cls, current: str) -> DatabaseAddress | None:
        """The saved address as fields; None for a plain path or an unreadable setting."""
        if "://" not in current:
            return None
        try:
            url = make_url(current)
        except (ArgumentError, ValueError):
            return None
        if url.get_backend_name() == "sqlite":
            return cls("sqlite", path=url.database or "")
        return cls("postgresql", host=url.host or "", port=url.port or DEFAULT_PORT,
                   name=url.database or "", user=url.username or "")

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL (with ``password`` when given: only for a connection test)."""
        if self.kind == "sqlite":
            return URL.create("sqlite", database=self.path).render_as_string()
        return URL.create(
            "postgresql+psycopg", username=self.user or None, password=password or None,
            host=self.host, port=self.port, database=self.name,
        ).render_as_string(hide_password=False)


def check_database(url: str) -> str:
    """Open, check and close: the database as the desk would see it (its display address).
    StorageError with one sentence saying why not."""
    db = Database.open(url)
    try:
        db.check_connection()
        return db.display_url
    finally:
        db.dispose()
