"""The first step: X's keys from the keyring (on the worker: a keyring may be slow), the
first-run dialog when there are none, the sandbox offered when there is no keyring at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from jun_desk.config import database_url, default_account
from jun_desk.start.options import Connection, GuiOptions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from jun_desk.domain.items import XUser
    from jun_desk.secrets import KeyringUnavailableError, XCredentials


@dataclass(frozen=True)
class KeysFound:
    connection: Connection


@dataclass(frozen=True)
class KeysMissing:
    """Nothing kept for ``account``: the first-run dialog asks for them."""

    account: str
    api_base: str


@dataclass(frozen=True)
class NoKeyring:
    """No keyring to keep them in (no backend, locked, refused)."""

    error: KeyringUnavailableError


CredentialsRead = KeysFound | KeysMissing | NoKeyring


def read_credentials(options: GuiOptions) -> CredentialsRead:
    """On the worker: the desk's X account's keys, or why there are none."""
    from jun_desk import secrets
    from jun_desk.x.transport import X_API_BASE

    account = options.account or default_account()
    api_base = options.api_base or X_API_BASE
    try:
        credentials = secrets.load_credentials(account)
    except secrets.CredentialsMissingError:
        return KeysMissing(account, api_base)
    except secrets.KeyringUnavailableError as err:
        return NoKeyring(err)
    return KeysFound(connect(credentials, api_base, account, options.db_url))


def connect(credentials: XCredentials, api_base: str, account: str,
            db_url: str | None) -> Connection:
    """The live desk's connection (``database_url`` reads a server's password from the
    keyring: on the worker)."""
    return Connection(credentials, api_base, account, database_url(db_url), f"@{account}")


def load_connection(account: str, api_base: str, db_url: str | None) -> Connection:
    """On the worker: the keys the first-run dialog has just kept, read back."""
    from jun_desk import secrets

    return connect(secrets.load_credentials(account), api_base, account, db_url)


def connection_check(api_base: str) -> Callable[[XCredentials], XUser]:
    """The credentials dialog's 'Probar conexión': the X adapter, loaded when pressed."""

    def check(credentials: XCredentials) -> XUser:
        from jun_desk.x.connection import check_connection

        return check_connection(credentials, api_base)

    return check


Asked = tuple[Literal["keys"], str] | tuple[Literal["sandbox", "quit"], None]


def ask_credentials(parent: QWidget, account: str, api_base: str,
                    closing: Callable[[], bool]) -> Asked:
    """On the GUI thread: the first-run dialog until the keys are kept (``("keys",
    handle)``); Cancel says what it means and offers the choices: back to the dialog, the
    sandbox, or quit. ``closing()``: the window closed meanwhile (Ctrl-C, SIGTERM): quit."""
    from PySide6.QtWidgets import QDialog

    from jun_desk.ui.credentials_dialog import CredentialsDialog, ask_after_cancel

    while True:
        dialog = CredentialsDialog(account, check=connection_check(api_base), parent=parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return "keys", dialog.handle()
        choice = "quit" if closing() else ask_after_cancel(parent)
        if choice == "quit" or closing():
            return "quit", None
        if choice == "sandbox":
            return "sandbox", None
