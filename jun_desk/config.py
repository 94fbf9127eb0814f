"""Where things live: the database URL and the desk's folders (platformdirs)."""

from __future__ import annotations

import configparser
import os
import stat
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

    def make_private(self) -> list[str]:
        """Create the data, settings and log folders for this user only (0700) and tighten
        what an older Jun Desk left readable by others: the folders to 0700, the files
        the desk writes there to 0600. Returns one line per change, for the log."""
        changes: list[str] = []
        home = os.environ.get("JUN_DESK_HOME")
        if home:
            changes += private_folder(Path(home))
        for folder in (self.data, self.config, self.logs):
            changes += private_folder(folder)
            changes += tighten_tree(folder)
        return changes


def database_url(explicit: str | None = None, paths: Paths | None = None) -> str:
    """--db beats JUN_DESK_DB, which beats the settings dialog's choice, which beats the
    SQLite file in the user data folder. A server's password comes from the keyring."""
    from jun_desk.secrets import with_database_password

    paths = paths or Paths.default()
    chosen = explicit or os.environ.get(DB_ENV) or saved_database_url(paths)
    if chosen:
        return with_database_password(chosen)
    return f"sqlite:///{paths.default_database}"


def _settings_file(paths: Paths) -> Path:
    return paths.config / "settings.ini"


def saved_database_url(paths: Paths | None = None) -> str | None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_settings_file(paths or Paths.default()), encoding="utf-8")
    return parser.get("database", "url", fallback=None) or None


def save_database_url(url: str | None, paths: Paths | None = None) -> Path:
    """Remember the database for the next start; never a password (that goes to the
    keyring). ``None`` forgets it (back to the local SQLite file)."""
    from sqlalchemy import make_url

    path = _settings_file(paths or Paths.default())
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


# ---------------------------------------------------------------------- private files
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> list[str]:
    """Create ``folder`` (and the missing folders above it) 0700 whatever the umask; an
    existing folder the desk owns is tightened to 0700. Returns what was changed."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        if _POSIX:
            os.chmod(path, PRIVATE_DIR)
    return [] if missing else _tighten(folder, PRIVATE_DIR)


def _tighten(path: Path, mode: int) -> list[str]:
    if not _POSIX:
        return []
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return []  # not ours to change
        old = stat.S_IMODE(info.st_mode)
        if old & 0o077 == 0:
            return []
        new = (old & ~0o077) | (mode & 0o600)
        os.chmod(path, new)
    except OSError as err:
        return [f"Could not make {path} private: {err.strerror}"]
    return [f"Made {path} private to this user: {old:04o} → {new:04o}"]


def tighten_tree(folder: Path) -> list[str]:
    """Folders 0700 and files 0600 below ``folder`` (an existing install's database, WAL
    and SHM files, logs, crash reports, settings)."""
    if not _POSIX or not folder.is_dir():
        return []
    changes: list[str] = []
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            changes += _tighten(Path(root) / name, PRIVATE_DIR)
        for name in files:
            changes += _tighten(Path(root) / name, PRIVATE_FILE)
    return changes


def tighten_file(path: Path) -> list[str]:
    """A file of the desk that exists: 0600 if it was readable by others."""
    return _tighten(path, PRIVATE_FILE) if path.exists() else []


def private_file(path: Path) -> None:
    """Make sure a file the desk wrote is 0600 (QSettings and other writers that do not
    take a mode)."""
    if _POSIX and path.exists():
        os.chmod(path, PRIVATE_FILE)


def _private_opener(path: str, flags: int) -> int:
    fd = os.open(path, flags, PRIVATE_FILE)
    if _POSIX:
        os.fchmod(fd, PRIVATE_FILE)
    return fd


def open_private(path: Path, mode: str = "w", encoding: str | None = "utf-8"):  # type: ignore[no-untyped-def]
    """``open`` for a file only this user may read (0600 whatever the umask)."""
    if "b" in mode:
        return open(path, mode, opener=_private_opener)
    return open(path, mode, encoding=encoding, opener=_private_opener)


def x_prices(paths: Paths | None = None):  # type: ignore[no-untyped-def]
    """X's prices: the dated defaults of resources/x_prices.toml, with any price of
    settings.ini ``[x_prices]`` (``post_read = 0.005``, ``write_dm = 0.015``…) on top."""
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
        raise JunDeskError(f"{path} [x_prices]: {err}") from None
