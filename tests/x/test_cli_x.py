"""`jun-desk sandbox`, `jun-desk sync` and `jun-desk credentials` from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jun_desk import secrets
from jun_desk.cli import main
from jun_desk.x.sandbox.server import SANDBOX_CREDENTIALS, Sandbox
from tests.x.conftest import scenario_mention_ids


def test_sandbox_command_prints_where_it_listens(tmp_path: Path) -> None:
    env = {**os.environ, "JUN_DESK_HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "jun_desk", "sandbox", "--speed", "instant",
                             "--faults", "5xx=0.1"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.startswith("X API sandbox listening on http://127.0.0.1:")
        import requests

        answer = requests.get(first.split()[-1] + "/2/users/me", timeout=5)
        assert answer.status_code in (401, 500, 502, 503)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert proc.returncode == 0


@pytest.mark.parametrize("args, message", [
    (["sandbox", "--speed", "fast"], "--speed must be a number or 'instant'"),
    (["sandbox", "--faults", "boom=1"], "Unknown fault 'boom'"),
    (["sandbox", "--faults", "429=2"], "between 0 and 1"),
])
def test_sandbox_bad_options(capsys, args, message) -> None:  # type: ignore[no-untyped-def]
    assert main(args) == 1
    assert message in capsys.readouterr().err


def test_credentials_set_show_test_clear_and_sync(capsys, monkeypatch, tmp_path: Path,
                                                  secret_service) -> None:  # type: ignore[no-untyped-def]
    import io

    account = "AytoJunTest"
    with Sandbox() as sandbox:
        monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(SANDBOX_CREDENTIALS.values())))
        assert main(["credentials", "set", "--stdin", "--account", account]) == 0
        out = capsys.readouterr().out
        assert "Stored" in out
        assert main(["credentials", "show", "--account", account]) == 0
        shown = capsys.readouterr().out
        assert SANDBOX_CREDENTIALS.consumer_secret not in shown and "…cret" in shown
        assert main(["credentials", "test", "--account", account, "--api-base",
                     sandbox.base_url]) == 0
        assert "Connected to X as @AytoJun" in capsys.readouterr().out
        # The top-level flag, before the command, is honoured too (issue 24, item 11).
        assert main(["--api-base", sandbox.base_url, "credentials", "test", "--account",
                     account]) == 0
        assert "Connected to X as @AytoJun" in capsys.readouterr().out
        db = f"sqlite:///{tmp_path / 'd.db'}"
        assert main(["--db", db, "sync", "--once", "--account", account,
                     "--api-base", sandbox.base_url]) == 0
        out = capsys.readouterr().out
        mentions = scenario_mention_ids(sandbox)
        assert f"{len(mentions)} new mentions" in out
        photos = {k for t in sandbox.state.visible_tweets() if str(t.original_id) in mentions
                  for k in t.media_keys} | {k for d in sandbox.state.visible_dms()
                                            for k in d.media_keys}
        # issue 29: all but the broken one, the bomb and the one over the cap
        assert len(photos) >= 8
        assert f"; photos: {len(photos) - 3} cached, 3 refused, 0 to retry" in out
        assert main(["credentials", "clear", "--account", account]) == 0
        assert "Removed 4" in capsys.readouterr().out
        assert main(["--db", db, "sync", "--once", "--account", account,
                     "--api-base", sandbox.base_url]) == 1
        assert "jun-desk credentials set" in capsys.readouterr().err
    assert secrets.credential_entries(account) == {}


def test_credentials_stdin_needs_four_lines(capsys, monkeypatch, secret_service) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("only\ntwo\n"))
    assert main(["credentials", "set", "--stdin", "--account", "Nadie"]) == 1
    assert "expects 4 non-empty lines" in capsys.readouterr().err
    assert secrets.credential_entries("Nadie") == {}


def test_sync_reports_x_failures_in_one_line(capsys, tmp_path: Path, secret_service) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.secrets import XCredentials

    secrets.store_credentials("Wrong", XCredentials("a", "b", "c", "d"))
    try:
        with Sandbox() as sandbox:
            code = main(["--db", f"sqlite:///{tmp_path / 'd.db'}", "sync", "--once",
                         "--account", "Wrong", "--api-base", sandbox.base_url])
        err = capsys.readouterr().err
        assert code == 1 and "X rejected the credentials (401)" in err
        assert err.count("\n") == 1
    finally:
        secrets.clear_credentials("Wrong")


def test_sync_once_stores_what_it_can_and_says_what_it_could_not(capsys, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 sandbox_credentials) -> None:
    from tests.x.conftest import scenario_dm_ids

    db = f"sqlite:///{tmp_path / 'd.db'}"
    with Sandbox() as sandbox:
        mentions = sorted(scenario_mention_ids(sandbox), key=int)
        sandbox.item_faults.strip = {mentions[0]: ("author_id",)}
        sandbox.item_faults.strip_in_lookup = True
        sandbox.item_faults.broken_pages = {"GET /2/dm_events": 10_000}
        code = main(["--db", db, "sync", "--once", "--account", "AytoJun",
                     "--api-base", sandbox.base_url, "--no-outbox"])
        out, err = capsys.readouterr()
        # The mentions were stored (one quarantined); the DMs could not be read: exit 1.
        assert code == 1
        assert f"{len(mentions) - 1} new mentions, 0 new DMs" in out
        assert "1 could not be read whole (see `jun-desk quarantine list`)" in out
        assert "dms: X sent an answer that cannot be read" in err
        sandbox.item_faults.broken_pages = {}
        code = main(["--db", db, "sync", "--once", "--account", "AytoJun",
                     "--api-base", sandbox.base_url, "--no-outbox"])
        out, _err = capsys.readouterr()
        assert code == 0 and f"0 new mentions, {len(scenario_dm_ids(sandbox))} new DMs" in out
    assert main(["--db", db, "quarantine", "list"]) == 0
    assert mentions[0] in capsys.readouterr().out
