"""Composition root: configuration → database → services → X client → Qt window."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from jun_desk.config import DEFAULT_POLL_SECONDS, Paths, database_url, default_account
from jun_desk.domain.errors import JunDeskError
from jun_desk.services.desk import Desk


@dataclass
class GuiOptions:
    db_url: str | None = None
    sandbox: bool = False
    speed: float = 60.0
    api_base: str | None = None
    account: str | None = None
    interval: float = DEFAULT_POLL_SECONDS


def run_gui(options: GuiOptions) -> int:
    from jun_desk.ui.platform_check import display_problem

    problem = display_problem()
    if problem:
        print(f"jun-desk: {problem}", file=sys.stderr)
        return 1
    sandbox = None
    if options.sandbox:
        from jun_desk.x.sandbox.server import Sandbox

        sandbox = Sandbox(speed=options.speed).start()
        default_db = Paths.default().data / "sandbox" / "jun-desk-sandbox.db"
        url = options.db_url or f"sqlite:///{default_db}"
        credentials, api_base = sandbox.credentials, sandbox.base_url
        account = sandbox.scenario.desk.username
        source = "sandbox"
    else:
        from jun_desk import secrets
        from jun_desk.x.transport import X_API_BASE

        url = database_url(options.db_url)
        account = options.account or default_account()
        api_base = options.api_base or X_API_BASE
        try:
            credentials = secrets.load_credentials(account)
        except JunDeskError as err:
            print(f"jun-desk: {err}\nTo try the desk without X: jun-desk --sandbox",
                  file=sys.stderr)
            return 1
        source = f"@{account}"

    try:
        return _run(options, url, credentials, api_base, account, source, sandbox is not None)
    finally:
        if sandbox is not None:
            sandbox.stop()


def _run(options: GuiOptions, url: str, credentials, api_base: str, account: str,  # type: ignore[no-untyped-def]
         source: str, training: bool) -> int:
    from PySide6.QtWidgets import QApplication

    from jun_desk.ui.main_window import MainWindow
    from jun_desk.ui.poller import Poller
    from jun_desk.x.client import XClient
    from jun_desk.x.outbox_sender import OutboxSender
    from jun_desk.x.sync import SyncEngine

    desk = Desk.open(url)
    client = XClient(credentials, api_base=api_base)
    engine = SyncEngine(desk, client)
    try:
        if training and not desk.operators.list():
            desk.operators.add("formacion", "supervisor", display_name="Formación")
        sender = OutboxSender(desk, client, account)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("Jun Desk")
        app.setOrganizationName("Ayuntamiento de Jun")
        poller = Poller(lambda: (engine.sync_once(), sender.send_due()),
                        lambda: engine.next_delay(options.interval))
        app.aboutToQuit.connect(engine.stop.set)
        app.aboutToQuit.connect(poller.stop)
        window = MainWindow(desk, poller=poller, source=source)
        window.show()
        poller.start()
        return app.exec()
    finally:
        engine.stop.set()
        client.close()
        desk.close()
