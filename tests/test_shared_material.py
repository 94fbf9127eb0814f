"""Third-party material in ../shared: found through one helper; a test without it skips
locally and fails in CI, except for material ../shared does not provide."""

from __future__ import annotations

from pathlib import Path

import pytest

from jun_desk import shared_material
from jun_desk.shared_material import MODERATION_CORPUS, TRIAGE_CORPUS, X_OPENAPI, Material
from tests.material import need

MISSING = Material("something of others", ("nowhere/x.json",), "JUN_DESK_TEST_NOWHERE")


def test_found_beside_the_repository_or_where_the_variable_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(X_OPENAPI.env, raising=False)
    assert X_OPENAPI.candidates() == [shared_material.SHARED / "x-api" / "openapi.json",
                                      shared_material.SHARED / "x-api" / "openapi-2.167.json"]
    assert shared_material.REPO.parent / "shared" == shared_material.SHARED
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    b.write_text("{}")
    monkeypatch.setenv(X_OPENAPI.env, f"{a}:{b}")
    assert X_OPENAPI.candidates() == [a, b] and X_OPENAPI.path() == b
    monkeypatch.setenv(TRIAGE_CORPUS.env, str(a))
    assert TRIAGE_CORPUS.path() is None and "JUN_DESK_TRIAGE_CORPUS" in TRIAGE_CORPUS.where()


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception),
                                         ("", pytest.skip.Exception)])
def test_missing_material_fails_in_ci_and_skips_elsewhere(
        monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type[BaseException]) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="JUN_DESK_TEST_NOWHERE"):
        need(MISSING)


def test_material_not_in_shared_only_skips_in_ci(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv(MODERATION_CORPUS.env, str(tmp_path / "none"))
    with pytest.raises(pytest.skip.Exception):
        need(MODERATION_CORPUS)
