"""``jun-desk privacy``: report, retention periods, apply-retention (dry and real), legal
hold, the access log, a citizen's export to JSON + HTML, erasure with its confirmation;
bad input in one line with nothing changed."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from jun_desk import secrets
from jun_desk.cli import main
from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, mention


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """María with a closed Salud ticket, Pepe with an open one; a supervisor and an
    operator. The pseudonym key stands in for the keyring's."""
    db_url = f"sqlite:///{tmp_path / 'desk.db'}"
    desk = Desk.open(db_url)
    desk.operators.add("ana", "supervisor")
    desk.operators.add("rosa", "operator")
    ana = desk.operators.actor("ana")
    items = [mention("@AytoJun necesito cita con el médico de cabecera"),
             mention("@AytoJun contenedores llenos", author=PEPE, minutes=1)]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA, PEPE], items[-1].x_id)
    feed = {i.x_id: i.id for i in desk.search.feed()}
    salud = desk.tickets.create_from_item(ana, feed[items[0].x_id], department="salud")
    desk.tickets.create_from_item(ana, feed[items[1].x_id], department="limpieza")
    desk.tickets.move(ana, salud.id, "closed")
    desk.access_log.opened(desk.operators.actor("rosa"), salud.id)
    desk.close()
    monkeypatch.setattr(secrets, "pseudonym_key", lambda: b"k" * 32)
    return db_url


def test_report_retention_and_apply(capsys, url: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", url, "privacy", "report")
    assert code == 0 and "citizens" in out and "legal basis to be confirmed" in out
    code, out, _ = run(capsys, "--db", url, "privacy", "retention")
    assert code == 0 and "salud" in out and "730 days  (default)" in out
    code, _, err = run(capsys, "--db", url, "privacy", "retention", "--set", "salud", "0",
                       "--as", "ana")
    assert code == 1 and "between 1 and" in err and "nothing was changed" in err
    code, _, err = run(capsys, "--db", url, "privacy", "retention", "--set", "salud", "7",
                       "--as", "rosa")
    assert code == 1 and "ask a supervisor" in err
    code, out, _ = run(capsys, "--db", url, "privacy", "retention", "--set", "salud", "1",
                       "--as", "ana")
    assert code == 0 and "kept whole 1 days" in out
    code, out, _ = run(capsys, "--db", url, "privacy", "apply-retention", "--dry-run")
    assert code == 0 and out.startswith("Would anonymise 0 ticket(s)")  # closed today
    data = json.loads(run(capsys, "--db", url, "privacy", "report", "--json")[1])
    assert {c["name"]: c["anonymised"] for c in data["categories"]}["tickets"] == 0


def test_hold_access_log_export_and_erase(capsys, url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", url, "privacy", "access-log", "--ticket", "1",
                       "--as", "ana")
    assert code == 0 and "rosa" in out and "salud" in out
    code, _, err = run(capsys, "--db", url, "privacy", "access-log", "--operator", "rosa",
                       "--as", "rosa")
    assert code == 1 and "ask a supervisor" in err
    out_base = tmp_path / "maria"
    code, _, err = run(capsys, "--db", url, "privacy", "export", "@vecina_maria", "--out",
                       str(out_base), "--as", "ana")
    assert code == 0 and "maria.json" in err
    data = json.loads((tmp_path / "maria.json").read_text(encoding="utf-8"))
    assert data["contents"]["tickets"] == 1 and data["contents"]["access_log"] == 1
    assert stat.S_IMODE((tmp_path / "maria.html").stat().st_mode) == 0o600
    code, _, err = run(capsys, "--db", url, "privacy", "export", "@vecina_maria", "--out",
                       str(out_base), "--as", "ana")
    assert code == 1 and "exists already" in err  # never over a file
    code, _, err = run(capsys, "--db", url, "privacy", "export", "@nadie", "--out",
                       str(tmp_path / "x"), "--as", "ana")
    assert code == 1 and "No citizen @nadie" in err and not (tmp_path / "x.json").exists()
    # Pepe's ticket is open: refused, nothing changed.
    code, _, err = run(capsys, "--db", url, "privacy", "erase", "@pepe_jun", "--as", "ana",
                       "--yes")
    assert code == 1 and "still has open tickets (#2)" in err
    code, out, _ = run(capsys, "--db", url, "privacy", "hold", "1", "--reason",
                       "Expediente 7/2026", "--as", "ana")
    assert code == 0 and "under legal hold" in out
    code, out, _ = run(capsys, "--db", url, "privacy", "erase", "@vecina_maria", "--as",
                       "ana", "--yes")
    assert code == 0 and "Kept under legal hold: ticket(s) #1" in out
    code, out, _ = run(capsys, "--db", url, "privacy", "release", "1", "--as", "ana")
    assert code == 0 and "no longer held" in out


def test_erase_asks_for_the_handle_again(capsys, url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("builtins.input", lambda prompt: "@otra")
    code, _, err = run(capsys, "--db", url, "privacy", "erase", "@vecina_maria", "--as",
                       "ana")
    assert code == 1 and "was not confirmed" in err
    monkeypatch.setattr("builtins.input", lambda prompt: "@vecina_maria")
    code, out, _ = run(capsys, "--db", url, "privacy", "erase", "@vecina_maria", "--as",
                       "ana")
    assert code == 0 and "Erased @vecina_maria" in out and "pseudonym" in out
    code, _, err = run(capsys, "--db", url, "privacy", "erase", "@vecina_maria", "--as",
                       "ana", "--yes")
    assert code == 1 and "No citizen @vecina_maria" in err
