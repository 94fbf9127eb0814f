"""`jun-desk db backup | restore | backups | backup-key`: the town's copies of its database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jun_desk.config import backup_settings, database_url

if TYPE_CHECKING:  # imported when a command runs
    from jun_desk.services.backups import BackupService

COMMANDS = ("backup", "restore", "backups", "backup-key")


def add_parsers(db: Any) -> None:  # the subparsers of `jun-desk db`
    backup = db.add_parser("backup", help="a verified, encrypted copy of the database, taken "
                                          "while the desks keep working")
    backup.add_argument("--to", metavar="DIR",
                        help="write it to DIR (default: [backup] folder of settings.ini, else "
                             "backups/ in the data folder; only that folder is rotated)")
    restore = db.add_parser("restore", help="put a backup back (what it replaces is backed "
                                            "up first; an older schema is migrated)")
    restore.add_argument("file", help="a .jdbk file made by jun-desk db backup")
    listing = db.add_parser("backups", help="the backups kept and what each one holds")
    listing.add_argument("--in", dest="folder", metavar="DIR", help="another folder")
    key = db.add_parser("backup-key", help="show the key the backups are encrypted with, to "
                                           "keep it safe away from this PC; --set: give this "
                                           "PC the key of existing backups")
    key.add_argument("--set", action="store_true",
                     help="read the key from a prompt (or the first line of standard input "
                          "with --stdin)")
    key.add_argument("--stdin", action="store_true")


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    size = float(n)
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    return f"{size:.1f} {unit}"


def _service(args: argparse.Namespace, *,
             create_key: bool) -> tuple[BackupService, list[bool]]:
    """The backup service over the database, with its settings and the keyring's key; the
    database is not migrated (a backup of an older schema is what one takes before)."""
    from jun_desk import secrets
    from jun_desk.services.backups import BackupService
    from jun_desk.services.context import DeskContext, Rules
    from jun_desk.store.engine import Database

    created: list[bool] = []

    def key() -> bytes:
        value, new = secrets.backup_key(create=create_key)
        created.append(new)
        return value

    db = Database.open(database_url(args.db))
    try:
        db.check_connection()
    except BaseException:
        db.dispose()
        raise
    service = BackupService(DeskContext(db, Rules.load()))
    service.configure(backup_settings(), key, host=_host())
    return service, created


def _host() -> str:
    import getpass
    import socket

    try:
        return f"{getpass.getuser()} @ {socket.gethostname()}"
    except Exception:  # no user name (a container): the PC alone
        return socket.gethostname()


def run(args: argparse.Namespace) -> int:
    if args.db_command == "backup-key":
        return _key(args)
    service, created = _service(args, create_key=args.db_command == "backup")
    try:
        if args.db_command == "backup":
            return _backup(service, args, created)
        if args.db_command == "restore":
            return _restore(service, args)
        return _list(service, args)
    finally:
        service.ctx.db.dispose()


def _backup(service: BackupService, args: argparse.Namespace, created: list[bool]) -> int:
    to = Path(args.to).expanduser() if args.to else None
    result = service.make("manual", to=to)
    m = result.manifest
    print(f"Backup written: {result.path}")
    print(f"  {_size(result.size)} ({_size(result.plain_size)} before compression), "
          f"{m.database}, schema {m.schema_revision}, {m.tickets} tickets, "
          f"{sum(m.counts.values())} rows in {len(m.counts)} tables")
    check = "integrity check ok" if m.database == "sqlite" else "the dump is complete"
    print(f"  verified: read back and decrypted, {check}, rows per table equal to the "
          "database's as of the copy")
    if result.pruned:
        print(f"  removed the oldest beyond {service.configured.keep}: "
              + ", ".join(result.pruned))
    if any(created):
        print("A new backup key was made and kept in this PC's keyring. Without it the "
              "backups cannot be restored: run `jun-desk db backup-key` and keep the key "
              "somewhere safe away from this PC.", file=sys.stderr)
    return 0


def _restore(service: BackupService, args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    result = service.restore(path)
    m = result.manifest
    print(f"Restored {path.name}: taken {m.created_at:%Y-%m-%d %H:%M} UTC by Jun Desk "
          f"{m.desk_version}, {m.tickets} tickets, schema {m.schema_revision}.")
    if result.migrated_from:
        print(f"  Migrated from schema {result.migrated_from} to {result.revision}.")
    if result.kept is not None:
        print(f"  What it replaced is kept in {result.kept} "
              f"(jun-desk db restore {result.kept} puts it back).")
    return 0


def _list(service: BackupService, args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser() if args.folder else None
    found = service.list(folder)
    if not found:
        print(f"No backups in {folder or service.configured.folder}.")
        return 0
    for path, m in found:
        if m is None:
            print(f"{path.name}: not readable as a backup")
            continue
        print(f"{path.name}  {_size(path.stat().st_size):>9}  {m.kind:<14} {m.database:<10} "
              f"schema {m.schema_revision}  {m.tickets} tickets  Jun Desk {m.desk_version}")
    return 0


def _key(args: argparse.Namespace) -> int:
    from jun_desk import secrets

    if args.set:
        if args.stdin:
            text = sys.stdin.readline()
        else:
            import getpass

            text = getpass.getpass("Backup key: ")
        key = secrets.store_backup_key(text)
        from jun_desk.services.backup_file import key_id

        print(f"Backup key {key_id(key)} kept in this PC's keyring.")
        return 0
    key, _new = secrets.backup_key(create=True)
    from jun_desk.services.backup_file import key_id

    print(secrets.encode_backup_key(key))
    print(f"(key {key_id(key)}: write it down and keep it away from this PC; another PC "
          "restores these backups after `jun-desk db backup-key --set`)", file=sys.stderr)
    return 0
