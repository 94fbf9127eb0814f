"""``jun-desk staff`` and ``jun-desk search`` against the sandbox X: add (X asked first, the
expected monthly cost said), list, remove; a handle X does not know and a search X refuses
in one line, nothing saved; an operator refused."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from jun_desk import cli_streams
from jun_desk.cli import main
from jun_desk.services.desk import Desk
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def world(tmp_path, monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    with Sandbox(speed=math.inf) as sandbox:
        desk = Desk.open(url)
        desk.operators.add("ana", "supervisor")
        desk.operators.add("rosa", "operator")
        desk.close()
        monkeypatch.setattr(cli_streams, "_client", lambda args: XClient(
            sandbox.credentials, api_base=sandbox.base_url))
        yield url


def test_staff_add_list_remove(capsys, world) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--db", world, "staff", "add", "@BarrenderoJun",
                         "--department", "limpieza", "--role", "barrendero", "--as", "ana")
    assert code == 0, err
    assert "@BarrenderoJun (1300000000000000001) added to limpieza" in out
    assert "a month" in out and "default of 20 posts a day" in out
    code, out, _ = run(capsys, "--db", world, "staff", "list")
    assert code == 0 and "@BarrenderoJun" in out and "barrendero" in out
    code, out, err = run(capsys, "--db", world, "staff", "add", "NadieEnJun",
                         "--department", "limpieza", "--as", "ana")
    assert code == 1 and err.count("\n") == 1 and "X does not know the account @NadieEnJun" in err
    code, out, err = run(capsys, "--db", world, "staff", "add", "AgenteRuizJun",
                         "--department", "policia", "--as", "rosa")
    assert code == 1 and err.count("\n") == 1
    code, out, _ = run(capsys, "--db", world, "staff", "remove", "barrenderojun", "--as", "ana")
    assert code == 0 and "removed" in out
    code, out, _ = run(capsys, "--db", world, "staff", "list")
    assert out.strip() == "No staff accounts."


def test_search_add_list_remove(capsys, world) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--db", world, "search", "add", "#EndesaMeEstresa",
                         "--label", "Endesa", "--as", "ana")
    assert code == 0, err
    assert "Search #1 ('#EndesaMeEstresa') watched" in out and "posts in" in out
    code, out, err = run(capsys, "--db", world, "search", "add", "(luz OR", "--as", "ana")
    assert code == 1 and err.count("\n") == 1 and "X rejected the search '(luz OR'" in err
    code, out, _ = run(capsys, "--db", world, "search", "list")
    assert code == 0 and out.count("\n") == 1 and "Endesa" in out
    code, out, _ = run(capsys, "--db", world, "search", "remove", "1", "--as", "ana")
    assert code == 0 and "no longer watched" in out
