"""The start's steps, each alone (``jun_desk/start/``): what the credentials step makes of
the keyring, what the database step makes of the database and its operators, and the
order the stages may follow. The walk through them in a window is tests/ui/test_startup.py."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.compat import properties

from jun_desk import secrets
from jun_desk.config import SignInSettings
from jun_desk.domain.errors import StorageError
from jun_desk.secrets import XCredentials
from jun_desk.services.desk import Desk
from jun_desk.start.credentials import KeysFound, KeysMissing, NoKeyring, read_credentials
from jun_desk.start.database import open_desk, who_signs_in
from jun_desk.start.options import Connection, GuiOptions
from jun_desk.start.stage import ENDINGS, Stage

KEYS = XCredentials("ck", "cs", "at", "ats")


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its secrets in a dict, for the credentials step alone. Never
    viable: keyring offers every subclass of ``KeyringBackend`` to its detection, and a
    second viable one would make later tests' keyring a chain instead of the real Secret
    Service (``tests/test_keyring_backend.py``)."""

    @properties.classproperty
    def priority(cls) -> float:  # type: ignore[override]  # keyring's is a classproperty
        raise RuntimeError("a test's keyring, used only where a test sets it")

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def use_keyring() -> Iterator[object]:
    """``use_keyring(backend)`` for this test; the backend before it given back after."""
    before = keyring.get_keyring()
    try:
        yield keyring.set_keyring
    finally:
        keyring.set_keyring(before)


# ---------------------------------------------------------------- credentials
def test_no_keyring_backend_is_no_keyring_and_says_why(use_keyring) -> None:  # type: ignore[no-untyped-def]
    use_keyring(fail.Keyring())
    read = read_credentials(GuiOptions(account="AytoJun"))
    assert isinstance(read, NoKeyring) and read.error.code == "keyring.missing"


def test_no_keys_kept_asks_for_the_desks_account(use_keyring) -> None:  # type: ignore[no-untyped-def]
    use_keyring(MemoryKeyring())
    read = read_credentials(GuiOptions(account="@AytoJun", api_base="http://x.test"))
    assert read == KeysMissing("@AytoJun", "http://x.test")


def test_keys_kept_connect_to_the_database_asked(use_keyring, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    use_keyring(MemoryKeyring())
    secrets.store_credentials("AytoJun", KEYS)
    db_url = f"sqlite:///{tmp_path / 'desk.db'}"
    read = read_credentials(GuiOptions(account="AytoJun", db_url=db_url,
                                       api_base="http://x.test"))
    assert isinstance(read, KeysFound)
    assert read.connection == Connection(KEYS, "http://x.test", "AytoJun", db_url,
                                         "@AytoJun", training=False)


# ---------------------------------------------------------------- the database
def test_an_unreachable_database_fails_with_its_code_and_holds_nothing() -> None:
    held: list[Desk] = []
    with pytest.raises(StorageError) as raised:
        open_desk("postgresql+psycopg://desk:x@127.0.0.1:9/jun", held.append, training=False)
    assert raised.value.code == "db.unreachable" and held == []


def test_the_desk_is_held_before_anything_after_it_can_fail(tmp_path: Path) -> None:
    """Settings that cannot be read after the database opened: the desk is already the
    start's to close."""
    held: list[Desk] = []

    def unreadable() -> SignInSettings:
        raise OSError("settings.ini: permission denied")

    with pytest.raises(OSError):
        open_desk(f"sqlite:///{tmp_path / 'desk.db'}", held.append, training=False,
                  settings=unreadable)
    assert len(held) == 1
    held[0].close()


def test_nobody_to_sign_in_is_said(desk: Desk) -> None:
    opened = who_signs_in(desk, SignInSettings(), training=False)
    assert opened.no_operators and opened.actor is None


def test_operators_are_asked_inside_the_window(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    opened = who_signs_in(desk, SignInSettings(idle_minutes=3), training=False,
                          os_user=lambda: "rosa")  # not bound: the settings do not allow it
    assert not opened.no_operators and opened.actor is None
    assert opened.dialog_os_user is None and opened.session_os_user is None
    assert opened.idle_minutes == 3


def test_the_sandbox_signs_its_own_supervisor_in(desk: Desk) -> None:
    """A training database with only trainees (here: made so by this step)."""
    opened = who_signs_in(desk, SignInSettings(), training=True)
    assert opened.actor is not None and opened.actor.username == "formacion"
    assert {v.username for v in desk.operators.list()} == {"formacion", "practicas"}


def test_a_sandbox_database_with_real_operators_asks_who(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    opened = who_signs_in(desk, SignInSettings(), training=True)
    assert opened.actor is None and not opened.no_operators


def test_the_system_user_offered_when_the_settings_allow_it(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    """Nobody bound to this system user: the sign-in asks, and offers it on the lock screen."""
    opened = who_signs_in(desk, SignInSettings(system_user=True), training=False,
                          os_user=lambda: "pc-ventanilla-2")
    assert opened.actor is None and opened.dialog_os_user is None
    assert opened.session_os_user == "pc-ventanilla-2"


# ---------------------------------------------------------------- the stages
def test_the_stages_follow_in_order_and_end_once() -> None:
    walk = [Stage.WAITING, Stage.SHOWN, Stage.CONNECTED, Stage.OPENED, Stage.SIGN_IN,
            Stage.ATTACHED, Stage.BOARD]
    for before, after in pairwise(walk):
        assert before.may_go_to(after), (before, after)
        assert not after.may_go_to(before), (after, before)  # never backwards
    assert Stage.OPENED.may_go_to(Stage.ATTACHED)  # signed in already: no sign-in asked
    assert not Stage.SHOWN.may_go_to(Stage.OPENED)  # no database before the connection
    assert not Stage.BOARD.may_go_to(Stage.BOARD)  # a step never runs twice
    for stage in walk:
        assert all(stage.may_go_to(end) for end in ENDINGS)
    assert Stage.FAILED.may_go_to(Stage.CLOSED)
    assert not any(Stage.CLOSED.may_go_to(s) for s in Stage)
    assert not Stage.FAILED.may_go_to(Stage.FAILED)
