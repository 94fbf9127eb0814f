"""``jun-desk moderation``: list with flags, propose/approve/unhide against the sandbox X,
operators refused a direct hide, X's refusal in one line, the monthly report, the policy."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from jun_desk import cli_moderation
from jun_desk.cli import main
from jun_desk.domain.town_time import month_key, town_zone
from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def world(tmp_path, monkeypatch) -> Iterator[tuple[str, Sandbox]]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    with Sandbox(speed=math.inf) as sandbox:
        desk = Desk.open(url)
        desk.operators.add("ana", "supervisor")
        desk.operators.add("rosa", "operator")
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        SyncEngine(desk, client).sync_once()
        client.close()
        desk.close()
        # the keyring's credentials would name the real X; the sandbox's stand in
        monkeypatch.setattr(cli_moderation, "_client", lambda args: XClient(
            sandbox.credentials, api_base=sandbox.base_url))
        yield url, sandbox


def _x_id(sandbox: Sandbox, needle: str) -> str:
    return str(next(t.id for t in sandbox.state.tweets if needle in t.text))


def test_list_propose_approve_unhide_and_report(capsys, world) -> None:  # type: ignore[no-untyped-def]
    url, sandbox = world
    code, out, _ = run(capsys, "--db", url, "moderation", "list", "--flagged")
    assert code == 0 and "⚑ insult: inutil" in out and "⚑ spam:" in out
    assert "¿El corte afecta también" not in out
    reply = _x_id(sandbox, "sois unos inútiles")
    code, _out, err = run(capsys, "--db", url, "moderation", "hide", reply, "--reason",
                          "insult", "--as", "rosa")
    assert code == 1 and err.count("\n") == 1 and "propose it" in err
    code, out, _ = run(capsys, "--db", url, "moderation", "hide", reply, "--reason", "insult",
                       "--as", "rosa", "--propose")
    assert code == 0 and "Proposed #1" in out
    code, out, _ = run(capsys, "--db", url, "moderation", "approve", "1", "--as", "ana")
    assert code == 0 and "done on X" in out and int(reply) in sandbox.state.hidden
    code, out, _ = run(capsys, "--db", url, "moderation", "unhide", reply, "--as", "ana",
                       "--reason", "era una crítica")
    assert code == 0 and "undone on X" in out and int(reply) not in sandbox.state.hidden
    code, out, _ = run(capsys, "--db", url, "moderation", "report")
    # the month the report names is that of the desk's own clock when the hide was done
    # (read back, not this test's calendar: tests/services/test_town_calendar.py moves it)
    desk = Desk.open(url)
    applied = desk.moderation.action(1).decided_at
    desk.close()
    assert applied is not None
    assert code == 0 and month_key(applied, town_zone()) in out and "insult" in out
    code, out, _ = run(capsys, "--db", url, "moderation", "policy", "--lang", "en")
    assert code == 0 and "does not remove criticism" in out


def test_x_refusal_is_one_line_and_bad_reason_is_refused(capsys, world) -> None:  # type: ignore[no-untyped-def]
    url, sandbox = world
    code, _out, err = run(capsys, "--db", url, "moderation", "hide", "1460323737035677698",
                          "--reason", "spam", "--as", "ana")
    assert code == 1 and err.count("\n") == 1 and "No stored reply" in err
    desk_id = sandbox.scenario.desk.id
    followup = next(t for t in sandbox.state.tweets if t.in_reply_to_id is not None
                    and (root := sandbox.state.tweets_by_id.get(t.conversation_id))
                    and root.author_id != desk_id and t.mentions("AytoJun"))
    code, _out, err = run(capsys, "--db", url, "moderation", "hide", str(followup.id),
                          "--reason", "spam", "--as", "ana")
    assert code == 1 and err.count("\n") == 1 and "conversations you authored" in err
    code, _out, err = run(capsys, "--db", url, "moderation", "hide", str(followup.id),
                          "--reason", "rude", "--as", "ana")
    assert code == 1 and "not a reason of the moderation policy" in err
