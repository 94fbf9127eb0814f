"""The desk's settings: the database URL, the X account, settings.ini (sign-in, X's prices).

Where its folders are is ``jun_desk.paths``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# Paths, private_file and private_folder are also taken from here (app.py, the window):
# the folders are jun_desk.paths's, the private files jun_desk.store.files's.
from jun_desk.paths import Paths as Paths
from jun_desk.store.files import open_private
from jun_desk.store.files import private_file as private_file
from jun_desk.store.files import private_folder as private_folder

if TYPE_CHECKING:  # the prices are read when the desk opens, not at start-up
    from jun_desk.domain.backups import BackupSettings
    from jun_desk.domain.costs import PriceTable
    from jun_desk.domain.media_settings import MediaSettings

DB_ENV = "JUN_DESK_DB"
ACCOUNT_ENV = "JUN_DESK_ACCOUNT"
DEFAULT_ACCOUNT = "AytoJun"
DEFAULT_POLL_SECONDS = 15.0


def default_account() -> str:
    """The desk's X account (handle without @): $JUN_DESK_ACCOUNT or AytoJun."""
    return os.environ.get(ACCOUNT_ENV, DEFAULT_ACCOUNT).lstrip("@")


def database_url(explicit: str | None = None, paths: Paths | None = None) -> str:
    """--db beats JUN_DESK_DB, which beats the settings dialog's choice, which beats the
    SQLite file in the user data folder. A server's password comes from the keyring."""
    # (Imported when asked: the keyring and the log are loaded once the window is shown.)
    from jun_desk.secrets import with_database_password

    paths = paths or Paths.default()
    chosen = explicit or os.environ.get(DB_ENV) or saved_database_url(paths)
    if chosen:
        return with_database_password(chosen)
    return f"sqlite:///{paths.default_database}"


def _settings_file(paths: Paths) -> Path:
    return paths.config / "settings.ini"


def saved_database_url(paths: Paths | None = None) -> str | None:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_settings_file(paths or Paths.default()), encoding="utf-8")
    return parser.get("database", "url", fallback=None) or None


def save_database_url(url: str | None, paths: Paths | None = None) -> Path:
    """Remember the database for the next start; never a password (that goes to the
    keyring). ``None`` forgets it (back to the local SQLite file)."""
    from sqlalchemy import make_url

    path = _settings_file(paths or Paths.default())
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    if url is None:
        parser.remove_section("database")
    else:
        if "://" in url:
            # URL.set ignores None: the password is dropped with _replace (a named tuple).
            url = make_url(url)._replace(password=None).render_as_string(hide_password=False)
        if not parser.has_section("database"):
            parser.add_section("database")
        parser.set("database", "url", url)
    private_folder(path.parent)
    with open_private(path, "w") as handle:
        parser.write(handle)
    return path


@dataclass(frozen=True)
class SignInSettings:
    """``[sign_in]`` of settings.ini: PINs of at least six digits instead of passwords;
    minutes without input before the desk locks itself (0: never); whether an operator
    bound to the operating-system user running the desk signs in without a password."""

    pin: bool = False
    idle_minutes: float = 10.0
    system_user: bool = False


def sign_in_settings(paths: Paths | None = None) -> SignInSettings:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_settings_file(paths or Paths.default()), encoding="utf-8")
    try:
        idle = parser.getfloat("sign_in", "idle_minutes", fallback=10.0)
    except ValueError:
        idle = 10.0
    try:
        pin = parser.getboolean("sign_in", "pin", fallback=False)
        system = parser.getboolean("sign_in", "system_user", fallback=False)
    except ValueError:
        pin, system = False, False
    return SignInSettings(pin=pin, idle_minutes=max(0.0, idle), system_user=system)


def x_prices(paths: Paths | None = None) -> PriceTable:
    """X's prices: the dated defaults of resources/x_prices.toml, with any price of
    settings.ini ``[x_prices]`` (``post_read = 0.005``, ``write_dm = 0.015``…) on top."""
    import configparser

    from jun_desk.domain.costs import PriceTable
    from jun_desk.domain.errors import JunDeskError
    from jun_desk.resources import resource_path

    parser = configparser.ConfigParser(interpolation=None)
    path = _settings_file(paths or Paths.default())
    parser.read(path, encoding="utf-8")
    overrides = dict(parser.items("x_prices")) if parser.has_section("x_prices") else {}
    try:
        return PriceTable.load(resource_path("x_prices.toml"), overrides)
    except ValueError as err:
        raise JunDeskError.of("resource.invalid", detail=f"{path} [x_prices]: {err}") from None


def media_settings(paths: Paths | None = None) -> MediaSettings:
    """``[media]`` of settings.ini (issue 29): ``folder`` of the photos' cache (default:
    media/ in the data folder), ``cache_mb`` (its bound, default 2048: the oldest out
    first, never an open ticket's), ``max_download_mb`` (default 15)."""
    import configparser

    from jun_desk.domain.media_settings import (
        DEFAULT_CACHE_LIMIT,
        DEFAULT_MAX_DOWNLOAD,
        MB,
        MediaSettings,
    )

    paths = paths or Paths.default()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_settings_file(paths), encoding="utf-8")
    folder = parser.get("media", "folder", fallback="").strip()
    try:
        cache = parser.getfloat("media", "cache_mb", fallback=DEFAULT_CACHE_LIMIT / MB)
        largest = parser.getfloat("media", "max_download_mb",
                                  fallback=DEFAULT_MAX_DOWNLOAD / MB)
    except ValueError:
        cache, largest = DEFAULT_CACHE_LIMIT / MB, DEFAULT_MAX_DOWNLOAD / MB
    return MediaSettings(Path(folder).expanduser() if folder else paths.data / "media",
                         cache_limit=int(max(cache, 0) * MB),
                         max_download=int(max(largest, 0.01) * MB))


def backup_settings(paths: Paths | None = None) -> BackupSettings:
    """``[backup]`` of settings.ini as a ``domain.backups.BackupSettings`` (imported when a
    backup is taken, not at start-up): ``folder`` (default: backups/ in the data folder)
    and ``keep`` (how many daily backups are kept, default 7)."""
    import configparser

    from jun_desk.domain.backups import DEFAULT_KEEP, BackupSettings

    paths = paths or Paths.default()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_settings_file(paths), encoding="utf-8")
    folder = parser.get("backup", "folder", fallback="").strip()
    try:
        keep = parser.getint("backup", "keep", fallback=DEFAULT_KEEP)
    except ValueError:
        keep = DEFAULT_KEEP
    return BackupSettings(Path(folder).expanduser() if folder else paths.data / "backups",
                          keep)
