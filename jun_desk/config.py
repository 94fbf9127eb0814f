"""Where things live: the database URL and the desk's folders (platformdirs)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP_NAME = "jun-desk"
APP_AUTHOR = "Ayuntamiento de Jun"
DB_ENV = "JUN_DESK_DB"
ACCOUNT_ENV = "JUN_DESK_ACCOUNT"
DEFAULT_ACCOUNT = "AytoJun"
DEFAULT_POLL_SECONDS = 15.0


def default_account() -> str:
    """The desk's X account (handle without @): $JUN_DESK_ACCOUNT or AytoJun."""
    return os.environ.get(ACCOUNT_ENV, DEFAULT_ACCOUNT).lstrip("@")


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path

    @classmethod
    def default(cls) -> Paths:
        home = os.environ.get("JUN_DESK_HOME")
        if home:  # one folder for everything: tests, portable installs, the sandbox
            base = Path(home)
            return cls(base / "data", base / "config", base / "logs")
        return cls(Path(user_data_dir(APP_NAME, APP_AUTHOR)),
                   Path(user_config_dir(APP_NAME, APP_AUTHOR)),
                   Path(user_log_dir(APP_NAME, APP_AUTHOR)))

    @property
    def default_database(self) -> Path:
        return self.data / "jun-desk.db"


def database_url(explicit: str | None = None, paths: Paths | None = None) -> str:
    """--db beats JUN_DESK_DB, which beats the SQLite file in the user data folder."""
    if explicit:
        return explicit
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{(paths or Paths.default()).default_database}"
