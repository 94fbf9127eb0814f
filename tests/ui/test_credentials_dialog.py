"""The credentials dialog against the real Secret Service and the sandbox, by qtbot."""

from __future__ import annotations

import contextlib
import math
import socket

import pytest
from PySide6.QtCore import Qt

from jun_desk import secrets
from jun_desk.secrets import FIELDS, XCredentials
from jun_desk.start.credentials import connection_check
from jun_desk.ui.credentials_dialog import CredentialsDialog
from jun_desk.x.sandbox.server import SANDBOX_CREDENTIALS, Faults, Sandbox

ACCOUNT = "AytoJunDialog"


@pytest.fixture
def keyring_clean(secret_service):  # type: ignore[no-untyped-def]
    secrets.clear_credentials(ACCOUNT)
    yield
    secrets.clear_credentials(ACCOUNT)


def type_credentials(qtbot, dialog: CredentialsDialog, creds: XCredentials) -> None:  # type: ignore[no-untyped-def]
    for name, value in zip(FIELDS, creds.values(), strict=True):
        qtbot.keyClicks(dialog.fields[name], value)


def test_save_writes_to_the_keyring_only(qtbot, keyring_clean, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = CredentialsDialog(ACCOUNT)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    type_credentials(qtbot, dialog, SANDBOX_CREDENTIALS)
    assert dialog.fields["consumer_secret"].echoMode().name == "Password"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert secrets.load_credentials(ACCOUNT) == SANDBOX_CREDENTIALS
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancel_writes_nothing(qtbot, keyring_clean) -> None:  # type: ignore[no-untyped-def]
    dialog = CredentialsDialog(ACCOUNT)
    qtbot.addWidget(dialog)
    type_credentials(qtbot, dialog, SANDBOX_CREDENTIALS)
    dialog.buttons.rejected.emit()
    assert secrets.credential_entries(ACCOUNT) == {}


def test_forget_removes_the_entries(qtbot, keyring_clean) -> None:  # type: ignore[no-untyped-def]
    secrets.store_credentials(ACCOUNT, SANDBOX_CREDENTIALS)
    dialog = CredentialsDialog(ACCOUNT)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.forgotten, timeout=10_000):
        qtbot.mouseClick(dialog.forget_button, Qt.MouseButton.LeftButton)
    assert secrets.credential_entries(ACCOUNT) == {}
    assert "borradas (4 entradas)" in dialog.result_label.text()


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # nothing listens once closed


@pytest.mark.parametrize("setup, expected", [
    ("ok", "Conectado como @AytoJun (Ayuntamiento de Jun)"),
    ("wrong keys", "X rechazó las credenciales (401)"),
    ("read-only app", "oauth1 app permissions"),
    ("rate limited", "Límite de peticiones de X alcanzado"),
    ("no network", "No se puede conectar con X (conexión rechazada)"),
])
def test_test_connection_says_who_we_are_or_why_not(qtbot, setup: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    creds = (XCredentials("wrong", "keys", "for", "sure") if setup == "wrong keys"
             else SANDBOX_CREDENTIALS)
    with contextlib.ExitStack() as stack:
        if setup == "no network":
            base = _closed_port_url()
        else:
            sandbox = stack.enter_context(Sandbox(
                speed=math.inf, permissions="read" if setup == "read-only app" else "dm",
                faults=Faults.parse("429=1") if setup == "rate limited" else None))
            base = sandbox.base_url
        dialog = CredentialsDialog("AytoJun", check=connection_check(base))
        qtbot.addWidget(dialog)
        type_credentials(qtbot, dialog, creds)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: expected in dialog.result_label.text(), timeout=15_000)
        assert dialog.test_button.isEnabled()
