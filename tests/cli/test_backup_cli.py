"""`jun-desk db backup | backups | restore | backup-key` with the real keyring."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from jun_desk import secrets
from jun_desk.services.desk import Desk
from tests.cli.test_cli import run
from tests.pg_databases import PgDatabases


@pytest.fixture
def keyring_key(secret_service) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    keyring = secrets._keyring()
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(secrets.SERVICE, secrets.BACKUP_KEY_ENTRY)


def _seed(url: str, tickets: int) -> None:
    desk = Desk.open(url)
    desk.operators.add("ana", "supervisor")
    ana = desk.operators.actor("ana")
    for n in range(tickets):
        desk.tickets.create_manual(ana, department="obras", title=f"Bache {n}")
    desk.close()


def test_backup_list_restore_and_a_wrong_key(capsys, db_url: str, keyring_key,  # type: ignore[no-untyped-def]
                                             tmp_path: Path, monkeypatch) -> None:
    from jun_desk.store.backup import pg_tool

    if not db_url.startswith("sqlite") and pg_tool("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    _seed(db_url, 3)
    folder = tmp_path / "copias"
    code, out, err = run(capsys, "--db", db_url, "db", "backup", "--to", str(folder))
    assert code == 0, err
    assert "Backup written:" in out and "3 tickets" in out and "verified" in out
    assert "A new backup key was made" in err  # say so: without it nothing restores
    backup = next(folder.glob("*.jdbk"))
    code, out, _ = run(capsys, "--db", db_url, "db", "backups", "--in", str(folder))
    assert code == 0 and backup.name in out and "3 tickets" in out
    code, out, _ = run(capsys, "--db", db_url, "db", "backup-key")
    assert code == 0 and len(out.strip()) == 44
    code, out, err = run(capsys, "--db", db_url, "db", "restore", str(backup))
    assert code == 0, err
    assert f"Restored {backup.name}" in out and "What it replaced is kept in" in out

    other = secrets.encode_backup_key(bytes(32))
    monkeypatch.setattr("sys.stdin", io.StringIO(other + "\n"))
    code, out, _ = run(capsys, "db", "backup-key", "--set", "--stdin")
    assert code == 0 and "kept in this PC's keyring" in out
    code, out, err = run(capsys, "--db", db_url, "db", "restore", str(backup))
    assert code == 1 and out == ""
    assert "was encrypted with another key" in err and "Nothing was changed" in err
    assert "Traceback" not in err


def test_a_bad_key_and_a_missing_key_are_said(capsys, keyring_key, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("not-a-key\n"))
    code, _, err = run(capsys, "db", "backup-key", "--set", "--stdin")
    assert code == 1 and "not a Jun Desk backup key" in err
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    _seed(url, 1)
    fake = tmp_path / "jun-desk-20261207T000000Z.jdbk"
    fake.write_bytes(b"JUNDESK-BACKUP 1\n")
    code, _, err = run(capsys, "--db", url, "db", "restore", str(fake))
    assert code == 1 and "is not a Jun Desk backup" in err
    # A backup made on another PC, and this PC's keyring has no key yet.
    from jun_desk.domain.backups import BackupSettings

    desk = Desk.open(url)
    desk.backups.configure(BackupSettings(tmp_path / "b"), lambda: bytes(32))
    made = desk.backups.make().path
    desk.close()
    code, _, err = run(capsys, "--db", url, "db", "restore", str(made))
    assert code == 1 and "keyring has no backup key" in err and "--set" in err


@pytest.mark.postgres
def test_postgresql_without_pg_dump_says_the_servers_backups_apply(  # type: ignore[no-untyped-def]
        capsys, pg_databases: PgDatabases, keyring_key, tmp_path: Path, monkeypatch) -> None:
    url = pg_databases.take()
    try:
        monkeypatch.setenv("JUN_DESK_PG_BINDIR", str(tmp_path))  # no pg_dump there
        code, _, err = run(capsys, "--db", url, "db", "backup", "--to", str(tmp_path / "b"))
        assert code == 1
        assert "pg_dump is not installed" in err and "server's own backups" in err
    finally:
        pg_databases.give_back(url)


def test_the_backup_settings_come_from_settings_ini(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.config import Paths, backup_settings

    paths = Paths.default()
    assert backup_settings() == backup_settings(paths)
    assert backup_settings().folder == paths.data / "backups" and backup_settings().keep == 7
    paths.config.mkdir(parents=True, exist_ok=True)
    ini = paths.config / "settings.ini"
    ini.write_text(f"[backup]\nfolder = {tmp_path / 'nas'}\nkeep = 14\n", encoding="utf-8")
    assert backup_settings().folder == tmp_path / "nas" and backup_settings().keep == 14
    ini.write_text("[backup]\nkeep = 0\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    _seed(url, 1)
    code, out, err = run(capsys, "--db", url, "db", "backup")
    assert code == 1 and out == ""
    assert "number of backups kept must be at least 1, not '0'" in err
