"""``DeskStart``: the steps walked in order behind the shown window. I/O (the keyring,
the sandbox, the database and its migrations, the operators) runs on one worker thread;
widgets are built on the GUI thread in short steps. What goes wrong is said over the
window."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

from jun_desk.start import credentials as keys
from jun_desk.start.options import EXIT_ERROR, EXIT_UNEXPECTED, Connection, GuiOptions
from jun_desk.start.stage import ENDINGS, Stage

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from jun_desk.domain.roles import Actor
    from jun_desk.services.desk import Desk
    from jun_desk.start.database import Opened
    from jun_desk.start.xside import XSide
    from jun_desk.ui.crash_dialog import CrashReporter
    from jun_desk.ui.live import ChangeListener
    from jun_desk.ui.main_window import MainWindow
    from jun_desk.ui.poller import Poller
    from jun_desk.ui.shell.desk import DeskShell
    from jun_desk.ui.sign_in import SignInPanel
    from jun_desk.x.sandbox.server import Sandbox

STUCK_SECONDS = 20.0  # at closing: how long a start's worker may still take
log = logging.getLogger(__name__)


class App(Protocol):
    """The application as the start uses it (tests give a stand-in)."""

    @property
    def aboutToQuit(self) -> SignalInstance: ...

    def exit(self, code: int = 0) -> None: ...

    def quit(self) -> None: ...


class DeskStart:
    """Opens the desk behind the shown window, one step after another (``Stage``)."""

    def __init__(self, app: App, window: MainWindow, options: GuiOptions) -> None:
        from PySide6.QtCore import QThreadPool

        self.app, self.window, self.options = app, window, options
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.stage = Stage.WAITING
        self.connection: Connection | None = None
        self.sandbox: Sandbox | None = None
        self.desk: Desk | None = None
        self.live: ChangeListener | None = None
        self.x: XSide | None = None
        self.poller: Poller | None = None
        self.crashes: CrashReporter | None = None
        self.failure: BaseException | None = None
        self.code: int | None = None
        self.announce = False  # print "shown"/"ready" (the start-up benchmark)
        self.quit_when_ready = False
        self.events: list[str] = []  # what happened, in order (tests read it)
        self.times: dict[str, float] = {}  # when (perf_counter), for JUN_DESK_START_TRACE
        self.is_ready = False
        self.on_shown: Callable[[], None] | None = None
        self.actor: Actor | None = None  # who signed in: built once connected to X too
        self.ahead: list[str] = []  # modules still to import while the sign-in waits
        self.early: SignInPanel | None = None  # the sign-in shown before the database
        self._on_signed_in = self.step(self.signed_in)
        app.aboutToQuit.connect(self._closing_now)
        window.close_hooks.append(self._closing_now)

    @property
    def closing(self) -> bool:
        """Failed, closed, or the application quitting while the desk was still opening:
        the steps already queued do nothing (no desk built into a closed window)."""
        return self.stage in ENDINGS

    # ------------------------------------------------------------------ machinery
    def step(self, fn: Callable[..., None]) -> Callable[..., None]:
        """A step run on the GUI thread (a worker's answer, a timer, a signal): skipped
        once the start has ended; a bug in it ends the start as a failure said over the
        window, never a window stuck on "Abriendo la mesa…"."""
        def run(*args: Any) -> None:
            if self.closing:
                return
            try:
                fn(*args)
            except Exception as err:  # said over the window, and reported
                log.exception("Start step %s failed", getattr(fn, "__name__", fn))
                self.failed(err)
        return run

    def later(self, fn: Callable[[], None]) -> None:
        """``fn`` as a step in the next turn of the event loop (paint what is there)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.step(fn))

    def work(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """``fn()`` on the start's worker, ``done(result)`` as a step after it."""
        from jun_desk.ui.workers import run_job

        run_job(self.pool, fn, self.step(done), self.step(self.failed))

    def enter(self, stage: Stage) -> None:
        """The start moves on to ``stage`` (recorded in ``events``); a step out of its
        order is a bug."""
        if not self.stage.may_go_to(stage):
            raise RuntimeError(f"the start cannot go from {self.stage.value} to {stage.value}")
        self.stage = stage
        if stage is not Stage.CLOSED:
            self._mark(stage.value)

    def _mark(self, name: str) -> None:
        self.events.append(name)
        self.times[name] = time.perf_counter()
        if os.environ.get("JUN_DESK_START_TRACE") == "1":
            print(f"{name} {time.time():.6f}", file=sys.stderr, flush=True)

    def _closing_now(self, *_args: Any) -> None:
        if not self.closing:
            self.enter(Stage.CLOSED)

    # ------------------------------------------------------------------ steps
    def shown(self) -> None:
        """The window is on screen: only now does the rest load."""
        self.enter(Stage.SHOWN)
        if self.announce:
            print(f"shown {time.time():.6f} {time.process_time():.6f}", flush=True)
        if self.on_shown is not None:
            self.on_shown()
        if self.announce and not self.quit_when_ready:
            self.app.quit()
            return
        if self.options.sandbox:
            self._use_sandbox()
        else:
            self.work(lambda: keys.read_credentials(self.options), self.credentials_read)
        from jun_desk.crash import write_crash_report
        from jun_desk.ui.crash_dialog import CrashReporter

        # Bugs anywhere in the window (slots, threads, background jobs): a crash report
        # (the command line's) and a dialog with its path; the desk keeps running.
        self.crashes = CrashReporter(self.window, write_crash_report)
        self.crashes.install()

    def _open_sandbox(self) -> Connection:  # worker
        from jun_desk.start.sandbox import sandbox_connection

        self.sandbox, connection = sandbox_connection(self.options)
        return connection

    def _use_sandbox(self) -> None:
        """The training desk: its database opens first and the sign-in is asked; the
        sandbox X starts behind it (on the same worker, after the database), and the desk
        is built once both someone signed in and the sandbox answers."""
        from jun_desk.start.sandbox import sandbox_database

        self.window.session.training = True
        self._open_database(sandbox_database(self.options), "sandbox", training=True)
        self.work(self._open_sandbox, self._sandbox_started)

    def _sandbox_started(self, connection: Connection) -> None:
        self.connection = connection
        if self.actor is not None:
            self._build_later()

    def credentials_read(self, result: keys.CredentialsRead) -> None:
        """Credentials from the keyring; the first-run dialog if there are none; the
        sandbox offered in plain words if there is no keyring at all."""
        if isinstance(result, keys.KeysFound):
            self.connected(result.connection)
        elif isinstance(result, keys.KeysMissing):
            answer, account = keys.ask_credentials(self.window, result.account,
                                                   result.api_base, lambda: self.closing)
            if answer == "quit":
                self.finish(1)
            elif answer == "sandbox":
                self._use_sandbox()
            else:
                assert account is not None
                api_base, db_url = result.api_base, self.options.db_url
                # its password is read from the keyring: on the worker
                self.work(lambda: keys.load_connection(account, api_base, db_url),
                          self.connected)
        elif not self.window.offer_sandbox(result.error):
            self.finish(1)
        else:
            self._use_sandbox()

    def connected(self, connection: Connection) -> None:
        """Where the desk connects is known (X's keys and the database): it opens."""
        self.connection = connection
        self._open_database(connection.db_url, connection.label,
                            training=connection.training)

    def _open_database(self, db_url: str, label: str, *, training: bool) -> None:
        """The database opened on the worker; when its last open asked for a sign-in
        (``hint``), the sign-in is on screen first and the data layer loads behind it."""
        from jun_desk.start import hint

        self.enter(Stage.CONNECTED)
        self.window.set_source(label, training=training)
        key = hint.database_key(db_url, training=training)
        if hint.sign_in_expected(key):
            self._early_sign_in()

        def open_it() -> Opened:  # worker
            from jun_desk.start.database import open_desk

            opened = open_desk(db_url, self._hold, training=training)
            hint.remember(key, opened.asks_sign_in)
            return opened

        self.work(open_it, self.opened)

    def _early_sign_in(self) -> None:
        """The sign-in before the database is open: typed in at once; Entrar waits for
        the database (``SignInPanel.attach_desk`` in ``opened``)."""
        self.early = self.window.first_sign_in(None, None)
        self.early.repaint()  # on screen now, as the board is when the desk is ready
        self._mark("early-sign-in")
        self._ready()

    def _hold(self, desk: Desk) -> None:  # worker: closed at the end whatever follows
        self.desk = desk

    def opened(self, opened: Opened) -> None:
        """Nobody can sign in (said, and the desk closes), someone is signed in already
        (built at once), or the sign-in asked inside the window (the desk built after)."""
        self.enter(Stage.OPENED)
        self.window.session.os_user = opened.session_os_user
        self.window.session.idle_minutes = opened.idle_minutes
        early, self.early = self.early, None
        if early is not None and not opened.asks_sign_in:
            # The note was wrong: nobody is asked after all; the page of today's start.
            early.attach_desk(opened.desk, pending=False)
            early.os_user = opened.session_os_user  # the lock screen's, as attach's own
            self.window.opening()
        if opened.no_operators:
            from PySide6.QtWidgets import QMessageBox

            from jun_desk.ui.sign_in import no_operators_text

            self.window.show_placeholder(no_operators_text())
            QMessageBox.warning(self.window, "Jun Desk", no_operators_text())
            self.finish(1)
            return
        if opened.actor is not None:
            self._signed_in_as(opened.actor)
            return
        if early is None:
            panel = self.window.first_sign_in(opened.desk, opened.dialog_os_user)
        else:  # already on screen, perhaps with Entrar pressed: carried out now
            panel = early
            panel.os_user = opened.dialog_os_user
        panel.signed_in.connect(self._on_signed_in)
        self.enter(Stage.SIGN_IN)
        if early is None:
            self._ready()
        else:
            panel.attach_desk(opened.desk)
        if not (self.announce and self.quit_when_ready):
            self._load_ahead()

    def _load_ahead(self) -> None:
        """While the sign-in waits for a person to type: the X adapter on the worker, and
        the desk's views on the GUI thread one module a turn of the event loop (the keys
        stay responsive); the desk is then built sooner once someone signs in. The
        worker's import is only ahead of the first poll: a failure of it is logged there,
        and met again by that poll."""
        from jun_desk.start import build
        from jun_desk.ui.workers import run_job

        run_job(self.pool, build.import_x_side, lambda _none: None, lambda _err: None)
        self.ahead = list(build.view_modules())
        self.later(self._import_ahead)

    def _import_ahead(self) -> None:
        if self.ahead and self.stage is Stage.SIGN_IN:
            import_module(self.ahead.pop(0))
            self.later(self._import_ahead)

    def signed_in(self, actor: Actor) -> None:
        self.ahead.clear()  # the build imports what is left, in one turn
        self.window.sign_in.signed_in.disconnect(self._on_signed_in)
        self.window.sign_in.os_user = self.window.session.os_user  # for the lock screen
        self.window.opening()
        self._signed_in_as(actor)

    def _signed_in_as(self, actor: Actor) -> None:
        self.actor = actor
        if self.connection is not None:  # else once the sandbox answers
            self._build_later()

    def _build_later(self) -> None:
        actor = self.actor
        assert actor is not None
        self.later(lambda: self.build(actor))

    def build(self, actor: Actor) -> None:
        """The services' side of the window, then the views' modules imported and the
        views built, each in a turn of the event loop of its own."""
        from jun_desk.start import build

        assert self.desk is not None and self.connection is not None
        services = build.build_services(self.desk, self.connection, self.options, actor,
                                        self.window)
        self.x, self.live = services.x, services.live
        self.app.aboutToQuit.connect(services.x.stop.set)
        self.app.aboutToQuit.connect(services.poller.stop)
        self.app.aboutToQuit.connect(services.backups.stop)
        if self.crashes is not None:
            services.ui.bug.connect(self.crashes.report)

        def attach() -> None:
            build.attach(self.window, services)
            self._shell().board.loaded.connect(self._board_loaded)
            self.enter(Stage.ATTACHED)
            services.live.start()
            services.keeper.start()
            services.backups.start()
            self.poller = services.poller  # started once the board is painted

        def import_views() -> None:
            build.import_views()
            self.later(attach)

        self.later(import_views)

    def _shell(self) -> DeskShell:
        """The desk inside the window (attached)."""
        assert self.window.desk is not None
        return self.window.desk

    def _board_loaded(self) -> None:
        self._shell().board.loaded.disconnect(self._board_loaded)
        self.later(self.painted)

    def painted(self) -> None:
        shell = self._shell()
        shell.board.repaint()  # the first page of every column, on screen now
        if self.window.focusWidget() is None:  # the placeholder had nothing to focus:
            self.window.finish()  # (the desk's keys come with its last step)
            shell.desk_actions.focus_board()  # the keys work from the first press
        self.enter(Stage.BOARD)
        self._ready()
        if self.poller is not None and not (self.announce and self.quit_when_ready):
            self.poller.start()

    def _ready(self) -> None:
        """Data loaded and the board painted, or the sign-in waiting for a name."""
        self.is_ready = True
        self._mark("ready")
        if self.announce:
            print(f"ready {time.time():.6f} {time.process_time():.6f}", flush=True)
            if self.quit_when_ready:
                self.app.quit()

    # ------------------------------------------------------------------ endings
    def failed(self, err: Exception) -> None:
        """The database cannot be opened, the sandbox cannot start…: said in the
        window's body and in a message over it; the desk then closes."""
        from jun_desk.domain.errors import JunDeskError
        from jun_desk.ui.context import describe as describe_error

        self.enter(Stage.FAILED)  # what was queued after the failing step does not run
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
        self._closing_now()
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
