"""Backups that restore (issue 30, item 0), on SQLite and PostgreSQL.

A backup taken while two desks (processes) write restores into a database that passes its
integrity check and holds every ticket committed before the backup began; a backup killed
with SIGKILL at each of its stages leaves the earlier backups intact and no file that looks
complete; a wrong key, a damaged file, a newer schema: a clear message and nothing changed;
an older schema is migrated; a restore keeps a backup of what it replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from jun_desk.domain.backups import BEFORE_RESTORE, SUFFIX, BackupSettings
from jun_desk.domain.errors import StorageError
from jun_desk.services.backup_file import read_backup, read_manifest
from jun_desk.services.backups import BackupService
from jun_desk.services.context import Rules
from jun_desk.services.desk import Desk
from jun_desk.store.backup import DumpReader, pg_tool
from jun_desk.store.engine import Database
from jun_desk.store.migrate import HEAD_REVISION, current_revision, upgrade
from jun_desk.store.models import Ticket
from tests.conftest import IN_CI, Clock, drop_pg_database
from tests.shared.test_shared_board import ROOT, _wait_for

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


@pytest.fixture
def another_url(db_url: str, request: pytest.FixtureRequest,
                tmp_path: Path) -> Iterator[str]:
    """A second, empty database of the same kind (for restores and forged backups)."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'other.db'}"
        return
    if pg_tool("pg_dump") is None or pg_tool("psql") is None:
        if IN_CI:  # .ci/run installs them (the postgresql package brings its client)
            pytest.fail("pg_dump and psql must be installed in CI")
        pytest.skip("pg_dump and psql are not installed")
    admin = request.getfixturevalue("pg_admin_url")
    name = f"jun_bare_{os.getpid()}_{abs(hash(str(tmp_path))) % 10**8}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # empty: no schema at all
    engine.dispose()
    url = admin.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        drop_pg_database(admin, url)


def service_for(desk: Desk, folder: Path, key: bytes = KEY, keep: int = 7) -> BackupService:
    service = BackupService(desk.ctx)
    service.configure(BackupSettings(folder, keep), lambda: key, host="test @ pc")
    return service


def seed(desk: Desk, tickets: int = 5) -> list[int]:
    desk.operators.add("ana", "supervisor", display_name="Ana García")
    ana = desk.operators.actor("ana")
    return [desk.tickets.create_manual(ana, department="obras", title=f"Bache {i}").id
            for i in range(tickets)]


def ticket_ids(desk: Desk) -> set[int]:
    with desk.db.session(readonly=True) as session:
        return set(session.scalars(select(Ticket.id)))


def integrity(url: str, desk: Desk) -> str:
    if url.startswith("sqlite"):
        path = desk.db.url.database
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        finally:
            conn.close()
    with desk.db.engine.connect() as conn:  # every row of every table reads back
        for (table,) in conn.exec_driver_sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                "current_schema() AND table_type = 'BASE TABLE'"):
            conn.exec_driver_sql(f'SELECT * FROM "{table}"').fetchall()
    return "ok"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.name.endswith(SUFFIX)}


# ---------------------------------------------------------------------- under load
def test_a_backup_taken_while_two_desks_write_restores_every_committed_ticket(
        db_url: str, another_url: str, desk: Desk, tmp_path: Path) -> None:
    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    seed(desk, 20)
    go, stop = tmp_path / "go", tmp_path / "stop"
    writers = [subprocess.Popen([sys.executable, "-m", "tests.shared.desk_worker", "create",
                                 db_url, str(go), str(stop)], cwd=ROOT, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for _ in range(2)]
    try:
        _wait_for(writers, "ready")
        go.touch()
        _wait_for(writers, "working")  # both are in the middle of their work
        committed = ticket_ids(desk)  # every ticket committed before the backup begins
        result = service_for(desk, tmp_path / "backups").make()
        _wait_for_more(desk, result.manifest.tickets, writers)  # they kept writing
    finally:
        stop.touch()
        outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    written = {t for out, _err in outputs for t in json.loads(out.strip().splitlines()[-1])}
    assert written - committed, "the writers wrote during the backup"
    assert result.manifest.tickets >= len(committed)

    target = Desk.open(another_url, migrate=False, rules=desk.ctx.rules)
    try:
        restored = service_for(target, tmp_path / "backups").restore(result.path)
        assert restored.revision == HEAD_REVISION
        assert integrity(another_url, target) == "ok"
        held = ticket_ids(target)
        assert committed <= held  # nothing committed before the backup is missing
        assert len(held) == result.manifest.tickets  # and exactly the copy's snapshot
    finally:
        target.close()


def _wait_for_more(desk: Desk, tickets: int, writers: list[subprocess.Popen[str]]) -> None:
    """Until a writer has committed a ticket after the copy (no clock: a count)."""
    while len(ticket_ids(desk)) <= tickets:
        assert any(w.poll() is None for w in writers), "the writers stopped"


# ---------------------------------------------------------------------- kill -9
@pytest.mark.parametrize("stage", ["copied", "writing", "written", "verified"])
def test_a_backup_killed_at_any_stage_leaves_earlier_backups_and_no_complete_looking_file(
        db_url: str, desk: Desk, tmp_path: Path, stage: str) -> None:
    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    seed(desk, 30)
    folder = tmp_path / "backups"
    service = service_for(desk, folder)
    first = service.make()
    before = digests(folder)
    state = (folder / "backups.json").read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "tests.shared.desk_worker", "backup", db_url,
                             str(folder), KEY.hex(), stage], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        _wait_for([proc], f"at {stage}")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    assert proc.returncode == -signal.SIGKILL
    assert digests(folder) == before  # no new backup, the earlier one byte for byte
    assert (folder / "backups.json").read_bytes() == state  # still names the earlier one
    left = [p.name for p in folder.iterdir() if p.name not in {*before, "backups.json"}]
    assert all(name.startswith(".") and not name.endswith(SUFFIX) for name in left), left
    assert [p.name for p, _m in service.list()] == [first.path.name]
    assert sum(len(b) for b in read_backup(first.path, KEY)) > 0  # still restorable
    # The next backup clears what the killed one left, and works.
    second = service.make()
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".lock")) == \
        sorted([first.path.name, second.path.name, "backups.json"])


# ---------------------------------------------------------------------- bad backups
def test_a_wrong_key_says_so_and_changes_nothing(db_url: str, desk: Desk,
                                                 tmp_path: Path) -> None:
    seed(desk, 3)
    folder = tmp_path / "backups"
    backup = service_for(desk, folder).make().path
    ana = desk.operators.actor("ana")
    desk.tickets.create_manual(ana, department="obras", title="Después de la copia")
    with pytest.raises(StorageError) as caught:
        service_for(desk, folder, key=OTHER_KEY).restore(backup)
    assert caught.value.code == "backup.wrong_key"
    assert "encrypted with another key" in str(caught.value)
    assert "Nothing was changed" in str(caught.value)
    assert len(ticket_ids(desk)) == 4
    assert not any(BEFORE_RESTORE in p.name for p in folder.iterdir())


def test_a_damaged_or_cut_backup_is_refused(desk: Desk, tmp_path: Path) -> None:
    seed(desk, 3)
    folder = tmp_path / "backups"
    service = service_for(desk, folder)
    good = service.make().path
    data = good.read_bytes()
    flipped = tmp_path / "flipped.jdbk"
    flipped.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    from jun_desk.services.backup_file import MAGIC

    body = len(MAGIC) + 4 + int.from_bytes(data[len(MAGIC):len(MAGIC) + 4], "big")
    header_only, cut = tmp_path / "header-only.jdbk", tmp_path / "cut.jdbk"
    header_only.write_bytes(data[:body])  # cut at a chunk's boundary
    cut.write_bytes(data[:-1])
    for bad in (flipped, header_only, cut):
        with pytest.raises(StorageError) as caught:
            service.restore(bad)
        assert caught.value.code == "backup.damaged", bad
        assert "damaged or incomplete" in str(caught.value)
    not_one = tmp_path / "notes.jdbk"
    not_one.write_text("hola")
    with pytest.raises(StorageError) as caught:
        service.restore(not_one)
    assert caught.value.code == "backup.not_a_backup"
    assert len(ticket_ids(desk)) == 3


def test_a_backup_of_a_newer_schema_is_refused(db_url: str, another_url: str, desk: Desk,
                                              rules: Rules, tmp_path: Path) -> None:
    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    seed(desk, 2)
    newer = Desk.open(another_url, rules=rules)
    try:
        seed(newer, 1)
        with newer.db.engine.begin() as conn:  # as a later Jun Desk would leave it
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        backup = service_for(newer, tmp_path / "elsewhere").make().path
    finally:
        newer.close()
    assert read_manifest(backup).schema_revision == "9999"
    with pytest.raises(StorageError) as caught:
        service_for(desk, tmp_path / "backups").restore(backup)
    assert caught.value.code == "backup.newer"
    assert "newer than this Jun Desk knows" in str(caught.value)
    assert current_revision(desk.db) == HEAD_REVISION and len(ticket_ids(desk)) == 2


def test_a_backup_of_an_older_schema_is_migrated(db_url: str, another_url: str, desk: Desk,
                                                tmp_path: Path) -> None:
    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    seed(desk, 2)
    old = Database.open(another_url)
    try:
        upgrade(old, "0011")
        with old.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO tickets (department, status, priority, title, personal_data, "
                "created_at, updated_at, version) VALUES ('obras', 'new', 'normal', "
                "'Farola de antes', '', '2026-01-05 10:00:00', '2026-01-05 10:00:00', 1)")
        service = BackupService(desk.ctx)
        service.configure(BackupSettings(tmp_path / "old"), lambda: KEY)
        backup = service.make(db=old).path
    finally:
        old.dispose()
    assert read_manifest(backup).schema_revision == "0011"
    result = service_for(desk, tmp_path / "backups").restore(backup)
    assert result.migrated_from == "0011" and result.revision == HEAD_REVISION
    assert current_revision(desk.db) == HEAD_REVISION
    assert [t.title for t in desk.search.tickets(_all())] == ["Farola de antes"]


def _all():  # type: ignore[no-untyped-def]
    from jun_desk.services.search import TicketFilter

    return TicketFilter(limit=None)


# ---------------------------------------------------------------------- restore
def test_a_restore_keeps_a_backup_of_what_it_replaces(db_url: str, desk: Desk,
                                                     tmp_path: Path) -> None:
    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    first = seed(desk, 3)
    folder = tmp_path / "backups"
    service = service_for(desk, folder, keep=1)
    backup = service.make().path
    ana = desk.operators.actor("ana")
    later = desk.tickets.create_manual(ana, department="obras", title="Después de la copia").id
    result = service.restore(backup)
    assert ticket_ids(desk) == set(first)
    assert result.kept is not None and BEFORE_RESTORE in result.kept.name
    assert read_manifest(result.kept).kind == BEFORE_RESTORE
    assert read_manifest(result.kept).tickets == 4
    # A later rotation never prunes it; restoring it brings back what was replaced.
    service.make()
    service.make()
    assert result.kept.exists()
    service.restore(result.kept)
    assert ticket_ids(desk) == {*first, later}


def test_a_restore_is_refused_while_a_desk_polls(desk: Desk, tmp_path: Path,
                                                clock: Clock) -> None:
    from datetime import timedelta

    from jun_desk.services.leases import PollerLease

    seed(desk, 1)
    service = service_for(desk, tmp_path / "backups")
    backup = service.make().path
    desk.leases.acquire("AytoJun", PollerLease("h1", "rosa @ PC-2", timedelta(seconds=30)))
    with pytest.raises(StorageError) as caught:
        service.restore(backup)
    assert caught.value.code == "backup.desks_open" and "rosa @ PC-2" in str(caught.value)
    clock.advance(seconds=31)  # that desk died: its lease ran out
    service.restore(backup)


# ---------------------------------------------------------------------- what is kept
def test_backups_say_what_they_hold_and_files_are_private(db_url: str, desk: Desk,
                                                         tmp_path: Path) -> None:
    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    seed(desk, 4)
    folder = tmp_path / "backups"
    result = service_for(desk, folder).make()
    m = read_manifest(result.path)  # no key needed
    assert m.database == ("sqlite" if db_url.startswith("sqlite") else "postgresql")
    assert m.schema_revision == HEAD_REVISION and m.tickets == 4
    assert m.counts["operators"] == 1 and m.created_at == desk.ctx.clock()
    from jun_desk import __version__

    assert m.desk_version == __version__
    assert m.crypto["cipher"] == "AES-256-GCM" and "key" not in m.crypto
    assert b"Bache 0" not in result.path.read_bytes()  # encrypted
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700
        assert {p.stat().st_mode & 0o777 for p in folder.iterdir()} == {0o600}
    state = BackupService.folder_state(folder)
    assert state["last_good"]["file"] == result.path.name
    assert state["last_good"]["counts"]["tickets"] == 4
    if m.database == "postgresql":
        reader = DumpReader()
        for block in read_backup(result.path, KEY):
            reader.feed(block)
        assert reader.complete and reader.counts == dict(m.counts)


def test_only_the_newest_are_kept(desk: Desk, tmp_path: Path, clock: Clock) -> None:
    seed(desk, 1)
    service = service_for(desk, tmp_path / "backups", keep=2)
    made = []
    for _ in range(4):
        made.append(service.make().path.name)
        clock.advance(days=1)
    assert [p.name for p, _m in service.list()] == made[:1:-1]


def test_the_daily_backup_is_due_a_day_after_the_last_good_one(desk: Desk, tmp_path: Path,
                                                              clock: Clock) -> None:
    seed(desk, 1)
    service = service_for(desk, tmp_path / "backups")
    assert service.status().last_good is None and service.status().stale
    first = service.run_if_due()
    assert first is not None and first.manifest.kind == "daily"
    status = service.status()
    assert status.last_good == clock.now and status.tickets == 1 and not status.stale
    assert status.by == "test @ pc"
    clock.advance(hours=23, minutes=59)
    assert service.run_if_due() is None
    clock.advance(minutes=1)
    assert service.run_if_due() is not None
    clock.advance(days=2, seconds=1)
    assert service.status().stale  # the dashboard's warning


def test_a_failed_daily_backup_waits_an_hour_before_trying_again(
        desk: Desk, tmp_path: Path, clock: Clock) -> None:
    seed(desk, 1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    service = service_for(desk, blocker)
    with pytest.raises(StorageError) as caught:
        service.run_if_due()
    assert caught.value.code == "backup.folder"
    clock.advance(minutes=59)
    assert service.run_if_due() is None
    service.configure(BackupSettings(tmp_path / "backups"), lambda: KEY)
    clock.advance(minutes=1)
    assert service.run_if_due() is not None


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_one_backup_at_a_time_per_folder(desk: Desk, tmp_path: Path) -> None:
    import fcntl

    seed(desk, 1)
    folder = tmp_path / "backups"
    service = service_for(desk, folder)
    service.make()
    with open(folder / ".lock", "a") as held:  # as another backup in progress holds it
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(StorageError) as caught:
            service.make()
    assert caught.value.code == "backup.busy"
    assert len(service.list()) == 1
    service.make()  # the lock went with its holder
