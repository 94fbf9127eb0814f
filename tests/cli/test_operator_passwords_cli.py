"""`jun-desk operators set-password` and friends: the password comes from a prompt or
standard input, never from the command line, and is never written anywhere in clear."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets as pysecrets
import subprocess
import sys
from pathlib import Path

import pytest

from jun_desk.cli import main
from jun_desk.domain.errors import SignInError
from jun_desk.services.desk import Desk


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_first_supervisor_and_password_from_stdin(capsys, db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", db_url, "operators", "add", "ana", "--role",
                       "supervisor", "--name", "Ana García")
    assert code == 0 and "jun-desk operators set-password ana" in out
    code, out, _ = run(capsys, "--db", db_url, "operators", "list")
    assert "(no password yet: issue-code)" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("contraseña de Ana\n"))
    code, out, _ = run(capsys, "--db", db_url, "operators", "set-password", "ana", "--stdin")
    assert code == 0 and "Password set for ana" in out
    desk = Desk.open(db_url)
    try:
        assert desk.operators.sign_in("ana", "contraseña de Ana").username == "ana"
    finally:
        desk.close()


def test_set_password_from_the_prompt_typed_twice(capsys, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'd.db'}"
    assert main(["--db", db, "operators", "add", "luis", "--role", "operator"]) == 0
    answers = iter(["clave-de-luis", "clave-de-luiz"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(answers))
    code, _, err = run(capsys, "--db", db, "operators", "set-password", "luis")
    assert code == 1 and "The two passwords differ: nothing was changed" in err
    answers = iter(["clave-de-luis", "clave-de-luis"])
    code, _out, _ = run(capsys, "--db", db, "operators", "set-password", "luis")
    assert code == 0


@pytest.mark.parametrize("typed, message", [
    ("", "The password is empty"), ("x" * 10_000, "too long (at most 1024"),
    ("corta", "at least 8 characters"),
])
def test_bad_passwords_are_one_clear_line(capsys, tmp_path: Path, monkeypatch, typed: str,
                                          message: str) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'd.db'}"
    assert main(["--db", db, "operators", "add", "luis", "--role", "operator"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(typed + "\n"))
    code, _, err = run(capsys, "--db", db, "operators", "set-password", "luis", "--stdin")
    assert code == 1 and message in err and "Traceback" not in err


def test_the_password_is_not_an_argument(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'd.db'}"
    with pytest.raises(SystemExit):
        main(["--db", db, "operators", "set-password", "luis", "secreto123"])
    assert "unrecognized arguments" in capsys.readouterr().err


def test_a_pin_desk_asks_for_digits(capsys, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    settings = Path(os.environ["JUN_DESK_HOME"]) / "config" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[sign_in]\npin = yes\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'd.db'}"
    assert main(["--db", db, "operators", "add", "rosa", "--role", "operator"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("contraseña-larga\n"))
    code, _, err = run(capsys, "--db", db, "operators", "set-password", "rosa", "--stdin")
    assert code == 1 and "at least 6 digits" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("480213\n"))
    assert run(capsys, "--db", db, "operators", "set-password", "rosa", "--stdin")[0] == 0


def test_bind_deactivate_and_activate(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'd.db'}"
    assert main(["--db", db, "operators", "add", "luis", "--role", "operator"]) == 0
    code, out, _ = run(capsys, "--db", db, "operators", "bind-system-user", "luis", "lperez")
    assert code == 0 and "signs in as system user lperez" in out
    code, out, _ = run(capsys, "--db", db, "operators", "deactivate", "luis")
    assert code == 0 and "luis is deactivated" in out
    code, out, _ = run(capsys, "--db", db, "operators", "list")
    assert "(inactive)" in out
    assert run(capsys, "--db", db, "operators", "activate", "luis")[0] == 0
    code, out, _ = run(capsys, "--db", db, "operators", "bind-system-user", "luis")
    assert code == 0 and "bound to no system user" in out


def test_no_password_reaches_the_database_settings_logs_or_output(capsys, tmp_path: Path,
                                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Passwords set from the command line and the services, right and wrong sign-ins,
    debug logs, a crash report: no password — nor its plain digest — is in any file of the
    desk or in what it printed; the database holds Argon2id hashes only."""
    home = Path(os.environ["JUN_DESK_HOME"])
    monkeypatch.setenv("JUN_DESK_LOG_LEVEL", "DEBUG")
    db_path = tmp_path / "desk.db"
    db = f"sqlite:///{db_path}"
    right = "Ñu-" + pysecrets.token_urlsafe(12)
    wrong = "Mal-" + pysecrets.token_urlsafe(12)
    pin_like = "".join(str(pysecrets.randbelow(10)) for _ in range(9))
    assert main(["--db", db, "operators", "add", "ana", "--role", "supervisor"]) == 0
    assert main(["--db", db, "operators", "add", "luis", "--role", "operator"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(right + "\n"))
    assert main(["--db", db, "operators", "set-password", "ana", "--stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(wrong[:3] + "\n"))  # too short: refused
    assert main(["--db", db, "operators", "set-password", "ana", "--stdin"]) == 1
    desk = Desk.open(db)
    try:
        code = desk.operators.issue_code(None, "luis").code
        desk.operators.set_first_password("luis", code, pin_like)
        for attempt in (wrong, wrong.upper(), right + " ", right):
            with contextlib.suppress(SignInError):
                desk.operators.sign_in("ana", attempt)
        with pytest.raises(SignInError):
            desk.operators.sign_in(wrong, wrong)  # a password typed in the name field
    finally:
        desk.close()
    assert main(["--db", db, "operators", "list", "--json"]) == 0
    assert main(["--db", db, "tickets", "list"]) == 0
    out, err = capsys.readouterr()
    files = [p for p in [*home.rglob("*"), *tmp_path.rglob("*")] if p.is_file()]
    assert any(p.name == "jun-desk.log" and p.stat().st_size for p in files)
    stored = db_path.read_bytes()
    assert b"$argon2id$v=19$" in stored
    for secret in (right, wrong, pin_like):
        needles = [secret, *(h(secret.encode()).hexdigest()
                             for h in (hashlib.md5, hashlib.sha1, hashlib.sha256))]
        for needle in needles:
            assert needle not in out and needle not in err
            for path in files:
                assert needle.encode() not in path.read_bytes(), f"found in {path}"


def test_issue_code_prints_it_once_and_the_operator_signs_in_with_it(capsys,
                                                                    tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'd.db'}"
    code, out, _ = run(capsys, "--db", db, "operators", "add", "luis", "--role", "operator")
    assert "jun-desk operators issue-code luis" in out
    assert "(no password yet: issue-code)" in run(capsys, "--db", db, "operators", "list")[1]
    code, out, _ = run(capsys, "--db", db, "operators", "issue-code", "luis", "--hours", "2")
    assert code == 0 and "not shown again" in out
    typed = out.split("First-access code for luis: ")[1].split()[0]
    listed = run(capsys, "--db", db, "operators", "list")[1]
    assert "(first-access code until " in listed and typed not in listed
    code, _, err = run(capsys, "--db", db, "operators", "issue-code", "luis", "--hours", "500")
    assert code == 1 and "at most 168 hours" in err
    desk = Desk.open(db)
    try:
        assert desk.operators.set_first_password("luis", typed, "elegida-por-luis").username \
            == "luis"
    finally:
        desk.close()
    assert typed.replace("-", "").encode() not in (tmp_path / "d.db").read_bytes()


def test_set_password_runs_as_a_program_reading_stdin(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'd.db'}"
    env = {**os.environ, "JUN_DESK_HOME": str(tmp_path / "home")}
    for args, stdin in ((["operators", "add", "ana", "--role", "supervisor"], ""),
                        (["operators", "set-password", "ana", "--stdin"], "clave-segura-1\n")):
        done = subprocess.run([sys.executable, "-m", "jun_desk", "--db", db, *args],
                              input=stdin, env=env, capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    assert "clave-segura-1" not in done.stdout + done.stderr
