"""Composition root: configuration → database → services → X client → Qt window.

The start is staged so that the operator's window is on screen at once: ``run_gui``
creates the application and shows the main window (title, menus, "Abriendo la mesa…" in
its body) with only PySide6 and a few light modules loaded; ``DeskStart`` then reads the
X credentials and opens the database on a worker thread, asks who signs in inside that
window, and builds the desk in it in short steps on the GUI thread."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jun_desk.config import (
    DEFAULT_POLL_SECONDS,
    Paths,
    database_url,
    default_account,
    sign_in_settings,
)

if TYPE_CHECKING:  # loaded behind the shown window
    from jun_desk.domain.items import XUser
    from jun_desk.domain.roles import Actor
    from jun_desk.secrets import XCredentials
    from jun_desk.services.desk import Desk

EXIT_ERROR = 1  # as the command line's
EXIT_UNEXPECTED = 70
STUCK_SECONDS = 20.0  # at closing: how long a start's worker may still take
EXPOSE_FALLBACK_MS = 2000  # a window not exposed by then (minimised): the desk opens anyway
log = logging.getLogger(__name__)


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


def run_gui(options: GuiOptions, *, on_shown: Callable[[], None] | None = None) -> int:
    """The desk window. ``on_shown``: what waits until it is on screen (the command
    line's folders and log file)."""
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
    from jun_desk.ui.main_window import MainWindow, SessionOptions

    i18n.install(app, options.language)
    # The window first, with what is known without the database: where the desk
    # connects (the title) and whether it is training.
    label = "sandbox" if options.sandbox else f"@{options.account or default_account()}"
    window = MainWindow(source=label, session=SessionOptions(training=options.sandbox))
    start = DeskStart(app, window, options)
    start.on_shown = on_shown
    window.show()
    quit_when_shown = os.environ.get("JUN_DESK_QUIT_WHEN_SHOWN") == "1"
    start.announce = quit_when_shown or os.environ.get("JUN_DESK_QUIT_WHEN_READY") == "1"
    start.quit_when_ready = not quit_when_shown and start.announce
    when_exposed(window, start._step(start.shown))
    _quit_on_signals(app, window)
    try:
        code = app.exec()
    finally:
        _default_signals()  # no event loop now: Ctrl-C and SIGTERM end the process
        start.close()
    if start.failure is not None:
        raise start.failure  # the command line says it on stderr, as before the window
    if start.code is not None:
        return start.code
    if not window.attached and not start.announce:
        return 1  # closed at the first sign-in or while the desk was opening
    return code


def when_exposed(window, then: Callable[[], None],  # type: ignore[no-untyped-def]
                 fallback_ms: int = EXPOSE_FALLBACK_MS) -> None:
    """``then()`` once ``window`` is really on screen (exposed), from the event loop; or
    after ``fallback_ms`` if it is not (started minimised, on a locked session): the desk
    still opens, signs in its system user and polls X. Once, whichever comes first."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            then()

    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, once)
        return

    class Exposed(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Expose and watched.isExposed():  # type: ignore[attr-defined]
                watched.removeEventFilter(self)
                QTimer.singleShot(0, once)
            return False

    (handle or window).installEventFilter(Exposed(window))
    QTimer.singleShot(fallback_ms, once)


def _default_signals() -> None:
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


def _quit_on_signals(app, window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C or SIGTERM close the window as the close button does (layout saved, poller
    stopped, lease released) instead of a traceback in whatever slot was running."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: QTimer.singleShot(0, lambda: close_all(window)))
    tick = QTimer(window)  # lets the interpreter run its signal handlers now and then
    tick.timeout.connect(lambda: None)
    tick.start(250)


def close_all(window) -> None:  # type: ignore[no-untyped-def]
    """The window closed, and first any dialog open over it (as Cancel): a dialog the start
    is waiting on (the credentials, the choices after Cancel) would keep the process alive
    behind a closed window."""
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    window.close()


def _sandbox_connection(options: GuiOptions, **clocks):  # type: ignore[no-untyped-def]
    """The sandbox X and the training desk's connection. The day the sandbox plays is
    recorded beside its database, so a restart on it the same UTC day stores and bills
    nothing twice (``x/sandbox/day.py``); ``clocks``: the sandbox's ``wall`` and
    ``timer`` (tests)."""
    import hashlib
    from pathlib import Path

    from jun_desk.x.sandbox.day import record_path
    from jun_desk.x.sandbox.server import Sandbox

    folder = Paths.default().data / "sandbox"
    db_url = options.db_url or f"sqlite:///{folder / 'jun-desk-sandbox.db'}"
    if db_url.startswith("sqlite:///") and ":memory:" not in db_url:
        day_file = record_path(Path(db_url.removeprefix("sqlite:///")))
    else:  # a server database: its record in the sandbox folder, by its address
        day_file = folder / f"day-{hashlib.sha256(db_url.encode()).hexdigest()[:16]}.json"
    sandbox = Sandbox(speed=options.speed, day_file=day_file, **clocks).start()
    try:
        return sandbox, Connection(sandbox.credentials, sandbox.base_url,
                                   sandbox.scenario.desk.username, db_url, "sandbox",
                                   training=True)
    except BaseException:
        sandbox.stop()  # nobody else holds it yet
        raise


def connection_check(api_base: str) -> Callable[[XCredentials], XUser]:
    """The credentials dialog's 'Probar conexión': the X adapter, loaded when pressed."""

    def check(credentials: XCredentials) -> XUser:
        from jun_desk.x.connection import check_connection

        return check_connection(credentials, api_base)

    return check


def _configure_backups(desk: Desk, who: str) -> None:
    """Daily backups where settings.ini's [backup] says, with the keyring's key (made on
    the first backup if this PC has none)."""
    from jun_desk import secrets
    from jun_desk.config import backup_settings
    from jun_desk.domain.errors import JunDeskError

    try:
        desk.backups.configure(backup_settings(),
                               lambda: secrets.backup_key(create=True)[0], host=who)
    except JunDeskError as err:
        logging.getLogger(__name__).warning("Daily backups are off: %s", err)


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


@dataclass
class _Opened:
    """What the start's worker thread prepared: the open desk and who may sign in."""

    desk: Desk
    actor: Actor | None  # signed in already (the system user, the sandbox's trainee)
    no_operators: bool
    dialog_os_user: str | None  # offered on the first sign-in
    session_os_user: str | None  # offered on the lock screen
    idle_minutes: float


class DeskStart:
    """Opens the desk behind the shown window. I/O (the keyring, the sandbox, the
    database and its migrations, the operators) runs on one worker thread; widgets are
    built on the GUI thread in short steps. What goes wrong is said over the window."""

    def __init__(self, app, window, options: GuiOptions) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QThreadPool

        self.app, self.window, self.options = app, window, options
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.connection: Connection | None = None
        self.sandbox = None
        self.desk: Desk | None = None
        self.live = None
        self.x: _XSide | None = None
        self.poller = None
        self.backup_keeper = None
        self.crashes = None
        self.failure: BaseException | None = None
        self.code: int | None = None
        self.announce = False  # print "shown"/"ready" (the start-up benchmark)
        self.quit_when_ready = False
        self.events: list[str] = []  # what happened, in order (tests read it)
        self.times: dict[str, float] = {}  # when (perf_counter), for JUN_DESK_START_TRACE
        self.is_ready = False
        self.on_shown: Callable[[], None] | None = None
        # Closed (or the application quitting) while the desk was still opening: the
        # steps already queued do nothing (no desk built into a closed window).
        self.closing = False
        self._on_signed_in = self._step(self._signed_in)
        app.aboutToQuit.connect(self._closing_now)
        window.close_hooks.append(self._closing_now)

    def _step(self, fn: Callable[..., None]) -> Callable[..., None]:
        """A step run on the GUI thread (a worker's answer, a timer, a signal): skipped
        once the window is closing; a bug in it ends the start as a failure said over
        the window, never a window stuck on "Abriendo la mesa…"."""
        def run(*args: Any) -> None:
            if self.closing:
                return
            try:
                fn(*args)
            except Exception as err:  # said over the window, and reported
                log.exception("Start step %s failed", getattr(fn, "__name__", fn))
                self._failed(err)
        return run

    def _closing_now(self, *_args: Any) -> None:
        self.closing = True

    def _event(self, name: str) -> None:
        self.events.append(name)
        self.times[name] = time.perf_counter()
        if os.environ.get("JUN_DESK_START_TRACE") == "1":
            print(f"{name} {time.time():.6f}", file=sys.stderr, flush=True)

    # ------------------------------------------------------------------ steps
    def shown(self) -> None:
        """The window is on screen: only now does the rest load."""
        self._event("shown")
        if self.announce:
            print(f"shown {time.time():.6f} {time.process_time():.6f}", flush=True)
        if self.on_shown is not None:
            self.on_shown()
        if self.announce and not self.quit_when_ready:
            self.app.quit()
            return
        from jun_desk.crash import write_crash_report
        from jun_desk.ui.crash_dialog import CrashReporter

        # Bugs anywhere in the window (slots, threads, background jobs): a crash report
        # (the command line's) and a dialog with its path; the desk keeps running.
        self.crashes = CrashReporter(self.window, write_crash_report)
        self.crashes.install()
        if self.options.sandbox:
            self._work(self._open_sandbox, self._connected)
        else:
            self._work(self._read_credentials, self._credentials_read)

    def _work(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        from jun_desk.ui.workers import run_job

        run_job(self.pool, fn, self._step(done), self._step(self._failed))

    def _open_sandbox(self) -> Connection:  # worker
        sandbox, connection = _sandbox_connection(self.options)
        self.sandbox = sandbox
        return connection

    def _read_credentials(self) -> tuple[str, Any]:  # worker: the keyring may be slow
        from jun_desk import secrets
        from jun_desk.x.transport import X_API_BASE

        account = self.options.account or default_account()
        api_base = self.options.api_base or X_API_BASE
        try:
            credentials = secrets.load_credentials(account)
        except secrets.CredentialsMissingError:
            return "missing", (account, api_base)
        except secrets.KeyringUnavailableError as err:
            return "no_keyring", err
        return "ok", Connection(credentials, api_base, account,
                                database_url(self.options.db_url), f"@{account}")

    def _credentials_read(self, result: tuple[str, Any]) -> None:
        """Credentials from the keyring; the first-run dialog if there are none; the
        sandbox offered in plain words if there is no keyring at all."""
        from PySide6.QtWidgets import QDialog

        what, value = result
        if what == "ok":
            self._connected(value)
        elif what == "missing":
            from jun_desk import secrets
            from jun_desk.ui.credentials_dialog import CredentialsDialog, ask_after_cancel

            account, api_base = value
            while True:  # Cancel says what it means and offers the choices
                dialog = CredentialsDialog(account, check=connection_check(api_base),
                                           parent=self.window)
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    break
                choice = "quit" if self.closing else ask_after_cancel(self.window)
                if choice == "quit" or self.closing:
                    self.finish(1)
                    return
                if choice == "sandbox":
                    self.window.session.training = True
                    self._work(self._open_sandbox, self._connected)
                    return
            account = dialog.handle()
            db_url = self.options.db_url  # its password is read from the keyring: worker
            self._work(lambda: Connection(secrets.load_credentials(account), api_base,
                                          account, database_url(db_url), f"@{account}"),
                       self._connected)
        else:
            if not self.window.offer_sandbox(value):
                self.finish(1)
                return
            self.window.session.training = True
            self._work(self._open_sandbox, self._connected)

    def _connected(self, connection: Connection) -> None:
        self._event("connected")
        self.connection = connection
        self.window.set_source(connection.label, training=connection.training)
        self._work(lambda: self._open_desk(connection), self._opened)

    def _open_desk(self, connection: Connection) -> _Opened:  # worker
        from jun_desk.config import x_prices
        from jun_desk.domain.passwords import PasswordPolicy
        from jun_desk.services.desk import Desk
        from jun_desk.services.operators import TRAINEES
        from jun_desk.ui.sign_in import system_user

        desk = self.desk = Desk.open(connection.db_url)
        desk.ctx.prices = x_prices()  # X's prices: the dated defaults, settings.ini on top
        settings = sign_in_settings()
        desk.operators.policy = PasswordPolicy(pin=settings.pin)
        trainees_only = connection.training and desk.operators.ensure_trainees()
        operators = desk.operators.list()
        session_os_user = system_user() if settings.system_user and not connection.training \
            else None
        actor = None
        dialog_os_user = session_os_user
        if operators and session_os_user:
            actor = desk.operators.sign_in_system(session_os_user)
            dialog_os_user = None  # nobody bound to this system user: the usual sign-in
        if operators and actor is None and trainees_only:  # the sandbox's own supervisor
            actor = desk.operators.actor(TRAINEES[0][0])
        return _Opened(desk, actor, not operators, dialog_os_user, session_os_user,
                       settings.idle_minutes)

    def _opened(self, opened: _Opened) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        from jun_desk.ui.sign_in import no_operators_text

        self._event("opened")
        self.window.session.os_user = opened.session_os_user
        self.window.session.idle_minutes = opened.idle_minutes
        if opened.no_operators:
            self.window.show_placeholder(no_operators_text())
            QMessageBox.warning(self.window, "Jun Desk", no_operators_text())
            self.finish(1)
            return
        if opened.actor is not None:
            actor = opened.actor
            QTimer.singleShot(0, self._step(lambda: self._build(actor)))
            return
        # Who works at the desk, asked inside the window; the desk is built after.
        panel = self.window.first_sign_in(opened.desk, opened.dialog_os_user)
        panel.signed_in.connect(self._on_signed_in)
        self._event("sign-in")
        self._ready()

    def _signed_in(self, actor: Actor) -> None:
        from PySide6.QtCore import QTimer

        self.window.sign_in.signed_in.disconnect(self._on_signed_in)
        self.window.sign_in.os_user = self.window.session.os_user  # for the lock screen
        self.window.opening()
        QTimer.singleShot(0, self._step(lambda: self._build(actor)))

    def _build(self, actor: Actor) -> None:
        """The services' side of the window (poller, lease, change stream), then the
        window's views in the next turn of the event loop."""
        from PySide6.QtCore import QTimer

        from jun_desk.services.leases import PollerLease, lease_timing
        from jun_desk.ui.backup_keeper import BackupKeeper
        from jun_desk.ui.context import UiContext
        from jun_desk.ui.lease_keeper import LeaseKeeper
        from jun_desk.ui.live import ChangeListener
        from jun_desk.ui.poller import Poller

        desk, connection, options = self.desk, self.connection, self.options
        assert desk is not None and connection is not None
        # Several desks may share the database: one polls X, the others stand by.
        ttl, heartbeat = lease_timing(options.interval)
        x = self.x = _XSide(desk, connection, PollerLease.for_this_desk(actor.username, ttl))
        poller = Poller(x.poll, lambda: x.next_delay(options.interval))
        self.app.aboutToQuit.connect(x.stop.set)
        self.app.aboutToQuit.connect(poller.stop)
        ui = UiContext(desk, actor, account=connection.account)
        window = self.window

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
        # The daily backup, by the desk that polls X; it lives and dies with the window.
        backups = self.backup_keeper = BackupKeeper(ui, lambda: keeper.held, parent=window)
        if not connection.training:
            _configure_backups(desk, x.lease.label)
        backups.failed.connect(ui.message)
        self.app.aboutToQuit.connect(backups.stop)
        live = self.live = ChangeListener(desk.changes.stream())
        if self.crashes is not None:
            ui.bug.connect(self.crashes.report)

        def attach() -> None:  # the step after the views' modules are imported
            window.attach(ui, poller=poller, open_credentials=open_credentials,
                          budget=x.budget, live=live, lease_keeper=keeper,
                          stalled=x.stalled, moderation_x=x.moderation_client)
            window.board.loaded.connect(self._board_loaded)
            self._event("attached")
            live.start()
            keeper.start()
            backups.start()
            self.poller = poller  # started once the board is painted: the first poll
            # loads the X client (tweepy, requests) and would compete with the first page


        def import_views() -> None:
            from jun_desk.ui.main_window import import_views

            import_views()
            QTimer.singleShot(0, self._step(attach))

        QTimer.singleShot(0, self._step(import_views))

    def _board_loaded(self) -> None:
        from PySide6.QtCore import QTimer

        self.window.board.loaded.disconnect(self._board_loaded)
        QTimer.singleShot(0, self._step(self._painted))

    def _painted(self) -> None:
        self.window.board.repaint()  # the first page of every column, on screen now
        if self.window.focusWidget() is None:  # the placeholder had nothing to focus:
            self.window.desk_actions.focus_board()  # the keys work from the first press
        self._event("board")
        self._ready()
        if self.poller is not None and not (self.announce and self.quit_when_ready):
            self.poller.start()

    def _ready(self) -> None:
        """Data loaded and the board painted, or the sign-in waiting for a name."""
        self.is_ready = True
        self._event("ready")
        if self.announce:
            print(f"ready {time.time():.6f} {time.process_time():.6f}", flush=True)
            if self.quit_when_ready:
                self.app.quit()

    # ------------------------------------------------------------------ endings
    def _failed(self, err: Exception) -> None:
        """The database cannot be opened, the sandbox cannot start…: said in the
        window's body and in a message over it; the desk then closes."""
        from jun_desk.domain.errors import JunDeskError
        from jun_desk.ui.context import describe as describe_error

        self._event("failed")
        self.closing = True  # what was queued after the failing step does not run
        if isinstance(err, JunDeskError):
            text = describe_error(err)  # by its code, in the window's language
            self.failure = err
        else:  # a bug: the command line's crash report, and where it is
            from jun_desk.crash import write_crash_report

            report = write_crash_report(err)
            text = self.window.unexpected_text(type(err).__name__, report)
            print(f"jun-desk: unexpected error ({type(err).__name__}); details in {report}",
                  file=sys.stderr)
            self.code = EXIT_UNEXPECTED
        box = self.window.start_failed(text)
        box.finished.connect(lambda _result: self.app.exit(EXIT_ERROR))

    def finish(self, code: int) -> None:
        self.code = code
        self.app.exit(code)

    def close(self) -> None:
        """After the event loop: wait for the worker, stop what runs, close the desk.
        A worker that does not come back (a keyring waiting for its unlock prompt, a
        server that does not answer) does not keep an invisible desk running: after
        ``STUCK_SECONDS`` the process ends without it."""
        self.closing = True
        if not self.pool.waitForDone(int(STUCK_SECONDS * 1000)):
            print(f"jun-desk: the desk was still opening after {STUCK_SECONDS:.0f} s "
                  "(keyring, database or X not answering); closed without it",
                  file=sys.stderr, flush=True)
            os._exit(self.code if self.code is not None else EXIT_ERROR)
        if self.crashes is not None:
            self.crashes.uninstall()
        if self.live is not None:
            self.live.stop()
        if self.x is not None:
            self.x.close()
        if self.desk is not None:
            self.desk.close()
        if self.sandbox is not None:
            self.sandbox.stop()
