"""``jun-desk verify``: start (the code by DM through the outbox, never printed), confirm at
the counter or by another channel, revoke, list; a code typed wrong three times says so in
one line and verifies nobody (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.store.models import OutboxItem
from tests.cli.test_cli import run
from tests.conftest import migrated
from tests.factories import MARIA, PEPE, dm


@pytest.fixture
def url(request: pytest.FixtureRequest, db_url: str) -> str:
    desk = Desk.open(migrated(request, db_url))
    desk.operators.add("ana", "supervisor")
    desk.operators.add("rosa", "operator")
    asks = dm("Hola, quiero verificar mi cuenta", author=MARIA)
    other = dm("Buenas, se me ha roto la farola", author=PEPE, conversation="c-1002")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [asks, other], [MARIA, PEPE], other.x_id)
    desk.close()
    return db_url


def _code_in_dm(url: str) -> str:
    """The code as the citizen will read it: in the DM the outbox holds for them."""
    desk = Desk.open(url, migrate=False)
    try:
        with desk.db.session(readonly=True) as session:
            texts = list(session.scalars(select(OutboxItem.text).order_by(OutboxItem.id)))
    finally:
        desk.close()
    found = re.search(r"\b([2-9A-Z]{3}-[2-9A-Z]{3})\b", texts[-1])
    assert found is not None
    return found.group(1)


def test_verify_from_the_command_line(capsys, url: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", url, "verify", "list")
    assert code == 0 and "@vecina_maria requested via dm" in out
    code, out, err = run(capsys, "--db", url, "verify", "start", "@vecina_maria", "--as",
                         "rosa")
    assert code == 0, err
    assert "queued in the outbox as a DM" in out
    secret = _code_in_dm(url)
    assert secret not in out  # shown to nobody but the citizen
    # At the counter without saying the document was checked: refused, nothing counted.
    code, _, err = run(capsys, "--db", url, "verify", "confirm", "@vecina_maria", secret,
                       "--document", "dni", "--as", "rosa")
    assert code == 1 and "document checked" in err
    code, out, err = run(capsys, "--db", url, "verify", "confirm", "@vecina_maria", secret,
                         "--document", "dni", "--document-checked", "--as", "rosa")
    assert code == 0, err
    assert "@vecina_maria is a verified resident (by rosa, counter" in out
    code, out, _ = run(capsys, "--db", url, "verify", "list", "--json")
    (row,) = json.loads(out)
    assert row["state"] == "verified" and row["document"] == "dni"
    assert row["confirmed_by"] == "rosa"
    # Revoking is a supervisor's.
    code, _, err = run(capsys, "--db", url, "verify", "revoke", "@vecina_maria", "--note",
                       "error", "--as", "rosa")
    assert code == 1 and "rosa" in err
    code, out, _ = run(capsys, "--db", url, "verify", "revoke", "@vecina_maria", "--note",
                       "Se mudó", "--as", "ana")
    assert code == 0 and "is not a verified resident" in out


def test_three_wrong_codes_spend_it(capsys, url: str) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "--db", url, "verify", "start", "@pepe_jun", "--as", "rosa")[0] == 0
    secret = _code_in_dm(url)
    errors = []
    for wrong in ("AAA-AAA", "BBB-BBB", "CCC-CCC", secret):
        code, _, err = run(capsys, "--db", url, "verify", "confirm", "@pepe_jun", wrong,
                           "--document", "nie", "--document-checked", "--as", "rosa")
        assert code == 1
        errors.append(err.strip())
    assert errors[0] == ("jun-desk: error: Wrong code for @pepe_jun: 2 attempt(s) left "
                         "before the code is spent")
    assert "1 attempt(s) left" in errors[1]
    assert errors[2] == ("jun-desk: error: Wrong code for @pepe_jun 3 times: the code is "
                         "spent and no longer valid. Send a new code")
    assert "has no verification code waiting" in errors[3]
    code, out, _ = run(capsys, "--db", url, "verify", "list", "--state", "spent")
    assert "@pepe_jun spent" in out and "attempts 3" in out
    # Another channel, for a supervisor, with a note.
    code, _, err = run(capsys, "--db", url, "verify", "confirm", "@pepe_jun",
                       "--other-channel", "--as", "ana")
    assert code == 1 and "a note" in err
    code, out, _ = run(capsys, "--db", url, "verify", "confirm", "@pepe_jun",
                       "--other-channel", "--note", "Padrón comprobado", "--as", "ana")
    assert code == 0 and "other_channel" in out
