"""Credentials live in the real Secret Service only, and never leak anywhere else."""

from __future__ import annotations

import io
import logging
import os
import secrets as pysecrets
import subprocess
import sys
from pathlib import Path

import pytest

from jun_desk import secrets
from jun_desk.cli import main
from jun_desk.logging_setup import MASK, mask, register_secret
from jun_desk.secrets import XCredentials
from jun_desk.x.sandbox.server import Faults, Sandbox
from tests.conftest import PG_TEMPLATE


def test_round_trip_in_the_secret_service(secret_service) -> None:  # type: ignore[no-untyped-def]
    creds = XCredentials(*(pysecrets.token_urlsafe(16) for _ in range(4)))
    secrets.store_credentials("RoundTrip", creds)
    try:
        assert secrets.load_credentials("RoundTrip") == creds
        assert set(secrets.credential_entries("RoundTrip")) == set(secrets.FIELDS)
    finally:
        assert secrets.clear_credentials("RoundTrip") == 4
    with pytest.raises(secrets.CredentialsMissingError, match="credentials set"):
        secrets.load_credentials("RoundTrip")


def test_the_bearer_token_lives_beside_the_keys(secret_service, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 27: the app's bearer token in the keyring too, shown by its last 4 only,
    removed with the keys; an empty one stores nothing."""
    token = "AAAA" + pysecrets.token_urlsafe(24)
    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    assert main(["credentials", "set-bearer", "--stdin", "--account", "BearerTest"]) == 0
    try:
        assert secrets.load_bearer_token("BearerTest") == token
        assert main(["credentials", "show", "--account", "BearerTest"]) == 1  # no keys yet
        out = capsys.readouterr().out
        assert f"…{token[-4:]}" in out and token not in out and mask(token) == MASK
        with pytest.raises(secrets.CredentialsMissingError):
            secrets.store_bearer_token("BearerTest", "  ")
        assert secrets.load_bearer_token("BearerTest") == token
    finally:
        assert secrets.clear_credentials("BearerTest") == 1
    assert secrets.load_bearer_token("BearerTest") is None


def test_credentials_never_print_themselves() -> None:
    creds = XCredentials("ck-visible-1234", "cs-SECRET", "at-SECRET", "ats-SECRET")
    assert "SECRET" not in repr(creds) and "SECRET" not in str(creds)
    assert "1234" in repr(creds)


def test_empty_values_are_refused_before_the_keyring() -> None:
    with pytest.raises(secrets.CredentialsMissingError, match="nothing was stored"):
        secrets.store_credentials("X", XCredentials("a", "", "c", "d"))


def test_no_keyring_backend_is_a_clear_refusal(tmp_path: Path) -> None:
    """With keyring's fail backend (a box without a Secret Service) nothing is written."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "JUN_DESK_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "jun_desk", "credentials", "set", "--stdin",
                           "--account", "NoBackend"], input="a1\nb2\nc3\nd4\n", env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "No keyring is available" in done.stderr and "gnome-keyring" in done.stderr
    assert "jun-desk --sandbox" in done.stderr
    assert "Traceback" not in done.stderr
    assert not any(p.is_file() and "b2" in p.read_text(errors="ignore")
                   for p in tmp_path.rglob("*"))


def test_log_lines_are_masked() -> None:
    register_secret("very-secret-token-value")
    assert mask("Authorization: very-secret-token-value") == f"Authorization: {MASK}"
    from jun_desk.logging_setup import RedactingFilter

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "got %s",
                               ("very-secret-token-value",), None)
    RedactingFilter().filter(record)
    assert "very-secret" not in record.getMessage()


def test_no_secret_reaches_the_database_config_or_logs(tmp_path: Path, monkeypatch,
                                                       capsys, secret_service) -> None:  # type: ignore[no-untyped-def]
    """A full sandbox session — sync, replies, DMs, errors — then every secret value is
    looked for in the database files, the config and data folders and the logs: none."""
    creds = XCredentials(*(f"leak{n}-" + pysecrets.token_urlsafe(18) for n in range(4)))
    account = "LeakCheck"
    home = Path(os.environ["JUN_DESK_HOME"])
    monkeypatch.setenv("JUN_DESK_LOG_LEVEL", "DEBUG")
    db_path = tmp_path / "desk.db"
    db = f"sqlite:///{db_path}"
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(creds.values())))
    assert main(["credentials", "set", "--stdin", "--account", account]) == 0
    try:
        with Sandbox(credentials=creds, faults=Faults.parse("5xx=0.2,drop=0.1")) as sandbox:
            url = sandbox.base_url
            assert main(["credentials", "test", "--account", account, "--api-base", url]) in (0, 1)
            for _ in range(3):
                main(["--db", db, "sync", "--once", "--account", account, "--api-base", url])
            assert main(["--db", db, "operators", "add", "ana", "--role", "supervisor"]) == 0
            from jun_desk.services.desk import Desk

            desk = Desk.open(db)
            ana = desk.operators.actor("ana")
            for item in desk.search.feed(limit=3):
                ticket = desk.tickets.create_from_item(ana, item.id)
                kind = "dm" if item.kind == "dm_in" else "reply"
                desk.outbox.enqueue(ana, ticket.id, kind, f"Gracias {ticket.id}",
                                    account=account)
            desk.close()
            for _ in range(3):
                main(["--db", db, "sync", "--once", "--account", account, "--api-base", url])
            # An error or two: a wrong account, an unreachable X.
            main(["--db", db, "sync", "--once", "--account", "Nobody", "--api-base", url])
        main(["--db", db, "sync", "--once", "--account", account, "--api-base", url])
    finally:
        secrets.clear_credentials(account)
    out, err = capsys.readouterr()
    files = [p for p in [*home.rglob("*"), *tmp_path.rglob("*")] if p.is_file()]
    logs = [p for p in files if p.name.startswith("jun-desk.log")]
    assert logs and logs[0].stat().st_size > 0, "the session wrote no log to search"
    assert any(p.name.startswith("desk.db") for p in files)
    for value in creds.values():
        assert value not in out and value not in err
        for path in files:
            assert value.encode() not in path.read_bytes(), f"{value[:6]}… found in {path}"


@pytest.mark.postgres
def test_the_database_password_stays_in_the_keyring(tmp_path: Path, monkeypatch, capsys,
                                                    secret_service, pg_admin_url: str) -> None:  # type: ignore[no-untyped-def]
    """A shared database chosen in the settings, its password in the keyring; commands that
    work and commands that fail, with debug logs: the password is in none of the files
    and none of the output."""
    from sqlalchemy import make_url

    from jun_desk import config

    password = "pg-" + pysecrets.token_urlsafe(18)
    home = Path(os.environ["JUN_DESK_HOME"])
    monkeypatch.setenv("JUN_DESK_LOG_LEVEL", "DEBUG")
    server = make_url(pg_admin_url)
    url = server.set(database=PG_TEMPLATE).render_as_string(hide_password=False)
    secrets.store_database_password(url, password)
    try:
        config.save_database_url(make_url(url).set(password=password)
                                 .render_as_string(hide_password=False))  # stripped on save
        assert make_url(config.database_url()).password == password
        assert main(["db", "current"]) == 0
        assert main(["tickets", "list"]) == 0
        assert main(["operators", "list"]) == 0
        wrong_port = make_url(url).set(port=1, password=password).render_as_string(
            hide_password=False)
        assert main(["--db", wrong_port, "tickets", "list"]) == 1
    finally:
        keyring_entry = secrets._database_entry(url)
        import keyring

        keyring.delete_password(secrets.SERVICE, keyring_entry)
    out, err = capsys.readouterr()
    assert "cannot be reached" in err
    assert password not in out and password not in err
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.name == "settings.ini" for p in files)
    for path in files:
        assert password.encode() not in path.read_bytes(), f"the password is in {path}"
