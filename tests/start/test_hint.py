"""The note that lets the start show the sign-in before the database opens: per
database, keyed without its password, nothing secret in it; a damaged or missing note is
no sign-in expected."""

from __future__ import annotations

import os
from pathlib import Path

from jun_desk.config import SignInSettings
from jun_desk.paths import Paths
from jun_desk.services.desk import Desk
from jun_desk.start import hint
from jun_desk.start.database import who_signs_in


def _paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config", tmp_path / "logs")


def test_the_key_leaves_the_password_out_and_tells_databases_apart() -> None:
    with_password = "postgresql+psycopg://desk:s3cr3t-pw@db.jun.es:5432/desk"
    other_password = "postgresql+psycopg://desk:another@db.jun.es:5432/desk"
    key = hint.database_key(with_password, training=False)
    assert key == hint.database_key(other_password, training=False)
    assert key == hint.database_key("postgresql+psycopg://desk@db.jun.es:5432/desk",
                                    training=False)
    assert key != hint.database_key(with_password, training=True)
    assert key != hint.database_key("postgresql+psycopg://desk@db.jun.es:5432/other",
                                    training=False)
    assert "s3cr3t" not in key


def test_remembered_per_database_in_a_private_file_with_no_names(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    url = "postgresql://desk:s3cr3t-pw@db/desk"
    one, two = (hint.database_key(u, training=False) for u in (url, "sqlite:///x.db"))
    assert not hint.sign_in_expected(one, paths)  # no note: no
    hint.remember(one, True, paths)
    hint.remember(two, False, paths)
    assert hint.sign_in_expected(one, paths) and not hint.sign_in_expected(two, paths)
    hint.remember(one, False, paths)
    assert not hint.sign_in_expected(one, paths)
    written = (paths.config / hint.FILE).read_text(encoding="utf-8")
    assert "s3cr3t" not in written and "desk" not in written
    if os.name == "posix":
        assert (paths.config / hint.FILE).stat().st_mode & 0o777 == 0o600


def test_a_damaged_note_is_no_sign_in_expected_and_is_written_anew(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    paths.config.mkdir(parents=True)
    (paths.config / hint.FILE).write_bytes(b"\xff\xfe[not ini\n= =\n")
    assert not hint.sign_in_expected("abc", paths)
    hint.remember("abc", True, paths)
    assert hint.sign_in_expected("abc", paths)


def test_an_open_asks_a_sign_in_only_when_someone_is_to_type(desk: Desk) -> None:
    assert not who_signs_in(desk, SignInSettings(), training=False).asks_sign_in  # nobody
    assert not who_signs_in(desk, SignInSettings(), training=True).asks_sign_in  # trainees
    desk.operators.add("ana", "supervisor")
    assert who_signs_in(desk, SignInSettings(), training=False).asks_sign_in
