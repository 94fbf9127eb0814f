"""Backups that restore: taken while desks keep working, verified, encrypted, kept N.

A backup is written under a hidden temporary name in the backups folder (0700, its files
0600), verified there (decrypted again, opened, integrity-checked, rows counted against the
source as of the copy), and only then renamed to its ``.jdbk`` name: a backup killed at any
point leaves no file that looks complete, and the earlier backups untouched. The folder's
``backups.json`` remembers the last good one; each good backup is also an audit event, so
every desk on the database (its dashboard) knows when the last one was taken, whichever PC
took it. No database table of its own: nothing to migrate.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from jun_desk import __version__
from jun_desk.domain.backups import (
    BEFORE_RESTORE,
    BackupSettings,
    Manifest,
    backup_due,
    file_name,
    is_stale,
    taken_at,
    to_prune,
)
from jun_desk.domain.errors import JunDeskError, StorageError
from jun_desk.services.audit import record
from jun_desk.services.backup_file import BackupWriter, read_backup, read_manifest
from jun_desk.services.context import DeskContext
from jun_desk.store import backup as copies
from jun_desk.store.engine import Database
from jun_desk.store.files import PRIVATE_FILE, open_private, private_folder
from jun_desk.store.migrate import HEAD_REVISION, current_revision, known_revisions, upgrade
from jun_desk.store.models import AuditEvent, SyncLease

log = logging.getLogger(__name__)

STATE_FILE = "backups.json"
LOCK_FILE = ".lock"
PARTIAL = ".partial-"  # a backup being written: hidden, and named .part, never .jdbk
WORK = ".work-"  # a plain copy being made or checked: removed however the backup ends

# Told where a backup is: copied, writing, written, verified, renamed (the tests stop a
# backup there to kill it).
Stage = Callable[[str], None]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int  # bytes on disk
    plain_size: int  # bytes of the copy before compression and encryption
    pruned: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    kept: Path | None  # the backup of what was replaced (None: there was nothing)
    migrated_from: str | None  # the backup's revision, when it had to be migrated
    revision: str | None


@dataclass(frozen=True)
class BackupStatus:
    """For the dashboard: the last good backup of this database, from any desk."""

    last_good: datetime | None
    file: str | None
    tickets: int | None
    by: str | None  # which desk took it
    stale: bool


class BackupService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.settings: BackupSettings | None = None
        self._key: Callable[[], bytes] | None = None
        self.host = ""  # who this desk is, in the audit event ("ana @ PC-2")
        self._last_attempt: datetime | None = None

    def configure(self, settings: BackupSettings, key: Callable[[], bytes],
                  host: str = "") -> None:
        """Where backups go and the key (from the keyring): the composition root's part."""
        if settings.keep < 1:
            raise StorageError.of("backup.keep_invalid", value=settings.keep)
        self.settings, self._key, self.host = settings, key, host

    @property
    def configured(self) -> BackupSettings:
        """The settings in use (an error if there are none)."""
        return self._configured()[0]

    def _configured(self) -> tuple[BackupSettings, Callable[[], bytes]]:
        if self.settings is None or self._key is None:
            raise StorageError.of("backup.not_configured")
        return self.settings, self._key

    # ------------------------------------------------------------------ status, schedule
    def status(self) -> BackupStatus:
        with self.ctx.db.session(readonly=True) as session:
            event = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "backup.made",
                                         AuditEvent.outcome == "ok")
                .order_by(AuditEvent.id.desc()).limit(1)).first()
        now = self.ctx.clock()
        if event is None:
            return BackupStatus(None, None, None, None, is_stale(None, now))
        after = event.after or {}
        tickets = after.get("tickets")
        return BackupStatus(event.at, str(after.get("file") or ""),
                            int(tickets) if isinstance(tickets, int) else None,
                            str(after.get("by") or event.actor_name),
                            is_stale(event.at, now))

    def due(self) -> bool:
        return backup_due(self.status().last_good, self._last_attempt, self.ctx.clock())

    def run_if_due(self, stage: Stage | None = None) -> BackupResult | None:
        """The daily backup, by the desk that holds the poller lease (it calls this, off
        the GUI thread): None when the last good one is recent enough."""
        if self.settings is None or not self.due():
            return None
        self._last_attempt = self.ctx.clock()
        try:
            return self.make("daily", stage=stage)
        except JunDeskError as err:
            self._failed(err)
            raise

    def _failed(self, err: JunDeskError) -> None:
        with contextlib.suppress(JunDeskError), self.ctx.db.session() as session:
            record(session, self.ctx, None, "backup.made", subject="backup",
                   outcome="failed", message=str(err),
                   after={"error": err.code, "by": self.host or None})

    # ------------------------------------------------------------------ backing up
    def make(self, kind: str = "manual", *, to: Path | None = None,
             stage: Stage | None = None, db: Database | None = None) -> BackupResult:
        """A verified, encrypted backup in the backups folder (or ``to``)."""
        settings, key_of = self._configured()
        folder = (to or settings.folder).expanduser()
        db = db or self.ctx.db
        tell = stage or (lambda _s: None)
        try:
            private_folder(folder, tighten_existing=to is None)
        except OSError as err:
            raise StorageError.of("backup.folder", path=folder,
                                  detail=err.strerror or str(err)) from None
        if not folder.is_dir():
            raise StorageError.of("backup.folder", path=folder, detail="not a folder")
        key = key_of()
        with _folder_lock(folder):
            _remove_leftovers(folder)
            result = self._make_locked(db, key, folder, kind, tell,
                                       settings.keep if to is None else None)
        self._record(result)
        return result

    def _make_locked(self, db: Database, key: bytes, folder: Path, kind: str, tell: Stage,
                     keep: int | None) -> BackupResult:
        """A backup, the folder's lock held; ``keep``: prune the rotation to that many."""
        created = self.ctx.clock()
        name = file_name(created, kind)
        while (folder / name).exists():  # two in the same second
            created = created.replace(microsecond=0) + timedelta(seconds=1)
            name = file_name(created, kind)
        partial = folder / f"{PARTIAL}{name}.part"
        work = folder / f"{WORK}{os.getpid()}.db"
        try:
            manifest, plain = self._write(db, key, created, kind, partial, work, tell)
            tell("written")
            self._verify(partial, key, manifest, work)
            tell("verified")
            os.replace(partial, folder / name)
            _sync_folder(folder)
        except OSError as err:  # a full disk, a folder gone: the earlier backups stay
            raise StorageError.of("backup.write_failed", path=folder,
                                  detail=err.strerror or str(err)) from None
        finally:
            _remove(partial, work)
        tell("renamed")
        path = folder / name
        pruned = self._prune(folder, keep, name) if keep is not None else []
        result = BackupResult(path, manifest, path.stat().st_size, plain, pruned)
        self._remember(folder, result)
        return result

    def _write(self, db: Database, key: bytes, created: datetime, kind: str, partial: Path,
               work: Path, tell: Stage) -> tuple[Manifest, int]:
        def manifest_of(counts: dict[str, int], revision: str | None) -> Manifest:
            return Manifest(desk_version=__version__, schema_revision=revision,
                            created_at=created, database=db.backend, counts=counts,
                            kind=kind)

        with _open_new(partial) as handle:
            if db.backend == "sqlite":
                counts, revision = copies.sqlite_snapshot(db, _fresh(work))
                tell("copied")
                writer = BackupWriter(handle, manifest_of(counts, revision), key)
                with open(work, "rb") as plain:
                    for n, block in enumerate(copies.chunks(plain)):
                        writer.write(block)
                        if n == 0:  # the file is half-written from here on
                            handle.flush()
                            tell("writing")
                _remove(work)
            elif db.backend == "postgresql":
                holder: list[BackupWriter] = []

                def start(counts: dict[str, int], revision: str | None) -> Callable[
                        [bytes], None]:
                    holder.append(BackupWriter(handle, manifest_of(counts, revision), key))
                    tell("copied")

                    def sink(block: bytes) -> None:
                        holder[0].write(block)
                        if len(holder) == 1:  # the file is half-written from here on
                            holder.append(holder[0])
                            handle.flush()
                            tell("writing")

                    return sink

                copies.pg_snapshot(db, start)
                writer = holder[0]
            else:
                raise StorageError.of("backup.unsupported", value=db.backend)
            writer.finish()
            handle.flush()
            os.fsync(handle.fileno())
        return writer.manifest, writer.plain_bytes

    def _verify(self, path: Path, key: bytes, manifest: Manifest, work: Path) -> None:
        """Read the written file back as a restore would, and compare it with the source
        as of the copy."""
        if manifest.database == "sqlite":
            _decrypt_to(path, key, work)
            verdict, counts, revision = copies.sqlite_check(work)
            _remove(work)
            if verdict != "ok":
                raise StorageError.of("backup.verify_failed", detail=verdict)
        else:
            reader = copies.DumpReader()
            for block in read_backup(path, key):
                reader.feed(block)
            if not reader.complete:
                raise StorageError.of("backup.verify_failed", detail="the dump is incomplete")
            counts, revision = reader.counts, reader.revision
        if counts != dict(manifest.counts):
            differ = sorted(t for t in set(counts) | set(manifest.counts)
                            if counts.get(t) != manifest.counts.get(t))
            raise StorageError.of("backup.verify_failed",
                                  detail=f"rows differ from the source in {', '.join(differ)}")
        if revision != manifest.schema_revision:
            raise StorageError.of("backup.verify_failed",
                                  detail=f"schema revision {revision}, expected "
                                         f"{manifest.schema_revision}")

    def _prune(self, folder: Path, keep: int, new: str) -> list[str]:
        """The one just written, and the newest ``keep`` - 1 others (whatever the clocks of
        the PCs that wrote them said)."""
        gone = to_prune((p.name for p in folder.iterdir() if p.name != new), keep - 1)
        for name in gone:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        return gone

    def _remember(self, folder: Path, result: BackupResult) -> None:
        """backups.json: the last good backup of this folder, and what each one holds."""
        state = self.folder_state(folder)
        entries = [e for e in state.get("backups", [])
                   if isinstance(e, dict) and (folder / str(e.get("file"))).exists()]
        entry = {"file": result.path.name, "size": result.size,
                 "verified_at": self.ctx.clock().isoformat(),
                 **json.loads(result.manifest.to_json())}
        entry.pop("crypto", None)
        entries.append(entry)
        state = {"last_good": entry, "backups": entries}
        _write_atomic(folder / STATE_FILE, json.dumps(state, indent=2, ensure_ascii=False))

    @staticmethod
    def folder_state(folder: Path) -> dict[str, Any]:
        try:
            data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _record(self, result: BackupResult) -> None:
        try:
            with self.ctx.db.session() as session:
                record(session, self.ctx, None, "backup.made", subject="backup",
                       after={"file": result.path.name, "size": result.size,
                              "tickets": result.manifest.tickets,
                              "revision": result.manifest.schema_revision,
                              "kind": result.manifest.kind, "by": self.host or None})
        except JunDeskError as err:  # the backup itself is good and on disk
            log.warning("Backup %s written, but not recorded in the database: %s",
                        result.path, err)

    def list(self, folder: Path | None = None) -> list[tuple[Path, Manifest | None]]:
        """The backups of a folder, newest first, each with what it says it holds."""
        settings, _key = self._configured()
        folder = (folder or settings.folder).expanduser()
        if not folder.is_dir():
            return []
        found = sorted((p for p in folder.iterdir() if taken_at(p.name) is not None),
                       key=lambda p: p.name, reverse=True)
        out: list[tuple[Path, Manifest | None]] = []
        for path in found:
            try:
                out.append((path, read_manifest(path)))
            except StorageError:
                out.append((path, None))
        return out

    # ------------------------------------------------------------------ restoring
    def restore(self, path: Path, *, stage: Stage | None = None) -> RestoreResult:
        """Put a backup back into this desk's database. Refuses a backup of a newer schema
        than this desk knows; migrates an older one; keeps a backup of what it replaces
        first (never pruned). A wrong key or a damaged file: nothing is touched."""
        settings, key_of = self._configured()
        tell = stage or (lambda _s: None)
        manifest = read_manifest(path)
        db = self.ctx.db
        if manifest.database != db.backend:
            raise StorageError.of("backup.other_kind", backup=manifest.database,
                                  database=db.backend)
        known = known_revisions()
        if manifest.schema_revision is not None and manifest.schema_revision not in known:
            raise StorageError.of("backup.newer", revision=manifest.schema_revision,
                                  version=manifest.desk_version)
        self._refuse_while_polling()
        key = key_of()
        folder = settings.folder.expanduser()
        private_folder(folder)
        with _folder_lock(folder):
            _remove_leftovers(folder)
            kept, migrated = self._restore_locked(path, manifest, key, folder, tell)
        tell("restored")
        result = RestoreResult(manifest, kept, migrated, current_revision(db))
        with contextlib.suppress(JunDeskError), self.ctx.db.session() as session:
            record(session, self.ctx, None, "backup.restored", subject="backup",
                   after={"file": path.name, "created_at": manifest.created_at.isoformat(),
                          "kept": kept.name if kept else None,
                          "migrated_from": migrated, "by": self.host or None})
        return result

    def _refuse_while_polling(self) -> None:
        """A desk that polls X would write into the database being replaced."""
        now = self.ctx.clock()
        try:
            with self.ctx.db.session(readonly=True) as session:
                holders = [r.holder_label for r in session.scalars(select(SyncLease))
                           if r.holder is not None and r.expires_at is not None
                           and r.expires_at > now]
        except (JunDeskError, SQLAlchemyError):  # an empty or older database: no desks
            return
        if holders:
            raise StorageError.of("backup.desks_open", holder=holders[0])

    def _restore_locked(self, path: Path, manifest: Manifest, key: bytes, folder: Path,
                        tell: Stage) -> tuple[Path | None, str | None]:
        db = self.ctx.db
        work = folder / f"{WORK}{os.getpid()}-restore.db"
        kept: Path | None = None
        try:
            if db.backend == "sqlite":
                _decrypt_to(path, key, work)  # a wrong key fails here, before any change
                verdict, counts, _revision = copies.sqlite_check(work)
                if verdict != "ok" or counts != dict(manifest.counts):
                    raise StorageError.of("backup.verify_failed",
                                          detail=verdict if verdict != "ok"
                                          else "rows differ from the manifest")
                tell("checked")
                kept = self._keep_current(key, folder, tell)
                tell("kept")
                copies.sqlite_restore(work, db)
            else:
                reader = copies.DumpReader()
                for block in read_backup(path, key):  # the whole file, before any change
                    reader.feed(block)
                if not reader.complete or reader.counts != dict(manifest.counts):
                    raise StorageError.of("backup.verify_failed",
                                          detail="rows differ from the manifest")
                tell("checked")
                kept = self._keep_current(key, folder, tell)
                tell("kept")
                copies.pg_restore(db, read_backup(path, key))
        finally:
            _remove(work)
        before = current_revision(db)
        migrated = None
        if before is not None and before != HEAD_REVISION:
            upgrade(db)
            migrated = before
        return kept, migrated

    def _keep_current(self, key: bytes, folder: Path, tell: Stage) -> Path | None:
        """A backup of what the restore is about to replace (nothing if it is empty)."""
        if current_revision(self.ctx.db) is None:
            return None
        kept = self._make_locked(self.ctx.db, key, folder, BEFORE_RESTORE, tell, None)
        self._record(kept)
        return kept.path


# ---------------------------------------------------------------------- files
def _remove(*paths: Path) -> None:
    """Files of a backup in progress, with what SQLite may have put beside a copy."""
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + suffix).unlink()


def _fresh(path: Path) -> Path:
    """An empty file only this user may read, for SQLite to fill."""
    _remove(path)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    os.close(fd)
    return path


@contextlib.contextmanager
def _open_new(path: Path) -> Iterator[IO[bytes]]:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as handle:
        yield handle


def _decrypt_to(path: Path, key: bytes, dest: Path) -> None:
    with open(_fresh(dest), "wb") as out:
        for block in read_backup(path, key):
            out.write(block)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f"{PARTIAL}{path.name}")
    with open_private(tmp, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _sync_folder(folder: Path) -> None:
    """The rename reaches the disk (POSIX): a crash right after keeps the new name."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_leftovers(folder: Path) -> None:
    """What a backup killed half-way left (under the folder's lock: no backup runs)."""
    for path in folder.iterdir():
        if path.name.startswith((PARTIAL, WORK)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                log.info("Removed %s, left by an interrupted backup", path.name)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """One backup at a time per folder; the lock dies with its process (kill -9)."""
    try:
        handle = open_private(folder / LOCK_FILE, "a")
    except OSError as err:
        raise StorageError.of("backup.folder", path=folder,
                              detail=err.strerror or str(err)) from None
    try:
        try:
            _lock(handle)
        except OSError:
            raise StorageError.of("backup.busy", path=folder) from None
        yield
    finally:
        handle.close()


def _lock(handle: IO[Any]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
