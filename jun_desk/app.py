"""Composition root: configuration → database → services → X client → Qt window."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from jun_desk.config import (
    DEFAULT_POLL_SECONDS,
    Paths,
    database_url,
    default_account,
    sign_in_settings,
)
from jun_desk.domain.items import XUser
from jun_desk.secrets import XCredentials
from jun_desk.services.desk import Desk


@dataclass
class GuiOptions:
    db_url: str | None = None
    sandbox: bool = False
    speed: float = 60.0
    api_base: str | None = None
    account: str | None = None
    interval: float = DEFAULT_POLL_SECONDS
    language: str | None = None


@dataclass
class Connection:
    credentials: XCredentials
    api_base: str
    account: str
    db_url: str
    label: str  # shown in the title bar
    training: bool = False


def run_gui(options: GuiOptions) -> int:
    from jun_desk.ui.platform_check import display_problem

    problem = display_problem()
    if problem:
        print(f"jun-desk: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Jun Desk")
    app.setOrganizationName("Ayuntamiento de Jun")
    from jun_desk.ui import i18n

    i18n.install(app, options.language)
    sandbox = None
    try:
        if options.sandbox:
            sandbox, connection = _sandbox_connection(options)
        else:
            connection = _x_connection(options)
            if connection == "sandbox":
                sandbox, connection = _sandbox_connection(options)
            elif connection is None:
                return 1
        return _run(app, options, connection)
    finally:
        if sandbox is not None:
            sandbox.stop()


def _quit_on_signals(app, window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C or SIGTERM close the window as the close button does (layout saved, poller
    stopped, lease released) instead of a traceback in whatever slot was running."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: QTimer.singleShot(0, window.close))
    tick = QTimer(window)  # lets the interpreter run its signal handlers now and then
    tick.timeout.connect(lambda: None)
    tick.start(250)


def _sandbox_connection(options: GuiOptions):  # type: ignore[no-untyped-def]
    from jun_desk.x.sandbox.server import Sandbox

    sandbox = Sandbox(speed=options.speed).start()
    default_db = Paths.default().data / "sandbox" / "jun-desk-sandbox.db"
    return sandbox, Connection(sandbox.credentials, sandbox.base_url,
                               sandbox.scenario.desk.username,
                               options.db_url or f"sqlite:///{default_db}", "sandbox",
                               training=True)


def connection_check(api_base: str) -> Callable[[XCredentials], XUser]:
    """The credentials dialog's 'Probar conexión': the X adapter, loaded when pressed."""

    def check(credentials: XCredentials) -> XUser:
        from jun_desk.x.connection import check_connection

        return check_connection(credentials, api_base)

    return check


def _x_connection(options: GuiOptions) -> Connection | str | None:
    """Credentials from the keyring; the first-run dialog if there are none; the sandbox
    offered in plain words if there is no keyring at all."""
    from PySide6.QtWidgets import QDialog

    from jun_desk import secrets
    from jun_desk.ui.credentials_dialog import CredentialsDialog
    from jun_desk.x.transport import X_API_BASE

    account = options.account or default_account()
    api_base = options.api_base or X_API_BASE
    try:
        credentials = secrets.load_credentials(account)
    except secrets.CredentialsMissingError:
        dialog = CredentialsDialog(account, check=connection_check(api_base))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        account = dialog.handle()
        credentials = secrets.load_credentials(account)
    except secrets.KeyringUnavailableError as err:
        from jun_desk.ui.credentials_dialog import keyring_missing_box

        box, use_sandbox = keyring_missing_box(err)
        box.exec()
        return "sandbox" if box.clickedButton() is use_sandbox else None
    return Connection(credentials, api_base, account, database_url(options.db_url),
                      f"@{account}")


class _XSide:
    """The X client, sync engine and outbox sender, built by the first poll on the
    poller's worker thread: tweepy and requests load after the window is up."""

    def __init__(self, desk: Desk, connection: Connection, lease) -> None:  # type: ignore[no-untyped-def]
        self.desk = desk
        self.connection = connection
        self.lease = lease
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self.engine = None
        self.sender = None
        self._moderation = None

    def _built(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self.engine is None:
                from jun_desk.x.client import XClient
                from jun_desk.x.outbox_sender import OutboxSender
                from jun_desk.x.sync import SyncEngine

                client = XClient(self.connection.credentials, api_base=self.connection.api_base)
                self.engine = SyncEngine(self.desk, client, lease=self.lease, stop=self.stop)
                self.sender = OutboxSender(self.desk, client, self.connection.account)
            return self.engine, self.sender

    def moderation_client(self):  # type: ignore[no-untyped-def]
        """A client of its own for moderation (called on a worker thread, never the
        poller's): hide, mute, delete."""
        with self._lock:
            if self._moderation is None:
                from jun_desk.x.client import XClient

                self._moderation = XClient(self.connection.credentials,
                                           api_base=self.connection.api_base)
            return self._moderation

    def poll(self):  # type: ignore[no-untyped-def]
        engine, sender = self._built()
        return engine.sync_once(), sender.send_due()

    def next_delay(self, floor: float) -> float:
        return self.engine.next_delay(floor) if self.engine is not None else floor

    def stalled(self) -> list:  # type: ignore[type-arg]
        return self.engine.stalled() if self.engine is not None else []

    def budget(self) -> dict[str, tuple[int, int]]:
        return self.engine.client.budget.summary() if self.engine is not None else {}

    def account(self) -> str:
        me = self.engine.me if self.engine is not None else None
        return me.handle if me is not None else self.connection.account

    def use_credentials(self, credentials: XCredentials, account: str) -> None:
        """New keys between two polls (the poller is stopped while this runs)."""
        from jun_desk.x.client import XClient

        self.connection.credentials, self.connection.account = credentials, account
        engine, sender = self._built()
        new_client = XClient(credentials, api_base=self.connection.api_base)
        old, engine.client, engine.me = engine.client, new_client, None
        sender.client, sender.account = new_client, account
        old.close()
        with self._lock:  # the next moderation request builds a client with the new keys
            moderation, self._moderation = self._moderation, None
        if moderation is not None:
            moderation.close()

    def close(self) -> None:
        self.stop.set()
        if self.engine is not None:
            self.engine.client.close()
        if self._moderation is not None:
            self._moderation.close()


def _run(app, options: GuiOptions, connection: Connection) -> int:  # type: ignore[no-untyped-def]
    from jun_desk.domain.passwords import PasswordPolicy
    from jun_desk.services.leases import PollerLease, lease_timing
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.lease_keeper import LeaseKeeper
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.main_window import MainWindow, SessionOptions
    from jun_desk.ui.poller import Poller
    from jun_desk.ui.sign_in import sign_in, system_user

    desk = Desk.open(connection.db_url)
    from jun_desk.config import x_prices

    desk.ctx.prices = x_prices()  # X's prices: the dated defaults, settings.ini on top
    live: ChangeListener | None = None
    crashes = None
    x: _XSide | None = None
    try:
        settings = sign_in_settings()
        desk.operators.policy = PasswordPolicy(pin=settings.pin)
        if connection.training and not desk.operators.list():
            desk.operators.add("formacion", "supervisor", display_name="Formación")
        # The sandbox is training: names without passwords, said in the title bar.
        actor = sign_in(desk, training=connection.training,
                        system_sign_in=settings.system_user)
        if actor is None:
            return 1
        session = SessionOptions(
            training=connection.training, idle_minutes=settings.idle_minutes,
            os_user=system_user() if settings.system_user and not connection.training
            else None)
        # Several desks may share the database: one polls X, the others stand by.
        ttl, heartbeat = lease_timing(options.interval)
        x = _XSide(desk, connection, PollerLease.for_this_desk(actor.username, ttl))
        poller = Poller(x.poll, lambda: x.next_delay(options.interval))
        app.aboutToQuit.connect(x.stop.set)
        app.aboutToQuit.connect(poller.stop)
        ui = UiContext(desk, actor, account=connection.account)

        def open_credentials() -> None:
            from jun_desk import secrets
            from jun_desk.ui.credentials_dialog import CredentialsDialog

            dialog = CredentialsDialog(connection.account,
                                       check=connection_check(connection.api_base),
                                       parent=window)
            if dialog.exec() != dialog.DialogCode.Accepted or connection.training:
                return
            poller.stop()
            account = dialog.handle()
            x.use_credentials(secrets.load_credentials(account), account)
            ui.account = account
            poller.start()

        keeper = LeaseKeeper(ui, x.lease, x.account, heartbeat)
        live = ChangeListener(desk.changes.stream())
        window = MainWindow(ui, poller=poller, source=connection.label,
                            open_credentials=open_credentials,
                            budget=x.budget,
                            live=live, lease_keeper=keeper, session=session,
                            stalled=x.stalled, moderation_x=x.moderation_client)
        # Bugs anywhere in the window (slots, threads, background jobs): a crash report
        # (the command line's) and a dialog with its path; the desk keeps running.
        from jun_desk.crash import write_crash_report
        from jun_desk.ui.crash_dialog import CrashReporter

        crashes = CrashReporter(window, write_crash_report)
        crashes.install()
        ui.bug.connect(crashes.report)
        window.show()
        live.start()
        keeper.start()
        poller.start()
        if os.environ.get("JUN_DESK_QUIT_WHEN_SHOWN") == "1":  # start-up benchmark
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True),
                                          app.quit()))
        _quit_on_signals(app, window)
        return app.exec()
    finally:
        if crashes is not None:
            crashes.uninstall()
        if live is not None:
            live.stop()
        if x is not None:
            x.close()
        desk.close()
