"""Render screenshots of the desk on the sandbox, offscreen, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out resources/screenshots]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="resources/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUN_DESK_HOME"] = home
        render(out, Path(home))


def render(out: Path, home: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jun_desk.services.desk import Desk
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow
    from jun_desk.ui.moderation.panel import ModerationPanel
    from jun_desk.ui.poller import Poller
    from jun_desk.ui.sign_in import SignInDialog
    from jun_desk.x.client import XClient
    from jun_desk.x.outbox_sender import OutboxSender
    from jun_desk.x.sandbox.server import Sandbox
    from jun_desk.x.sync import SyncEngine

    app = QApplication(sys.argv[:1])
    desk = Desk.open(f"sqlite:///{home / 'desk.db'}")
    desk.operators.add("ana", "supervisor", display_name="Ana García")
    desk.operators.add("luis", "operator", display_name="Luis Pérez",
                       departments=["obras", "limpieza"])
    ana, luis = desk.operators.actor("ana"), desk.operators.actor("luis")
    desk.operators.set_password(None, "ana", "clave-de-ana")
    desk.operators.set_password(None, "luis", "clave-de-luis")
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client)
        engine.sync_once()
        # A morning's work: tickets in every column.
        for n, item in enumerate(desk.search.feed(limit=70, kinds=("mention",))):
            ticket = desk.tickets.create_from_item(ana, item.id)
            if n % 4 == 1:
                desk.tickets.assign(ana, ticket.id, ana.operator_id)
            elif n % 4 == 2 and ticket.department in ("obras", "limpieza"):
                desk.tickets.move(luis, ticket.id, "in_progress")
            elif n % 9 == 3:
                desk.tickets.resolve(ana, ticket.id)
        sender = OutboxSender(desk, client, "AytoJun")
        poller = Poller(lambda: (engine.sync_once(), sender.send_due()), lambda: 3600)
        ui = UiContext(desk, ana, account="AytoJun")
        window = MainWindow(ui, poller=poller, source="sandbox",
                            budget=lambda: client.budget.summary())
        windows: list = []  # type: ignore[type-arg]
        window.resize(1680, 980)
        window.show()
        poller.start()
        first = desk.search.tickets()[0]
        QTimer.singleShot(800, lambda: ui.ticket_chosen.emit(first.id))
        QTimer.singleShot(1400, lambda: window.detail.use_canned("recibido"))

        def shoot() -> None:
            window.grab().save(str(out / "desk.png"))
            window.feed.grab().save(str(out / "feed.png"))
            window.board.grab().save(str(out / "board.png"))
            shoot_moderation()

        def shoot_moderation() -> None:
            # Luis proposes to hide the spam; Ana already hid a threat and muted its author.
            replies = {r.text: r for g in desk.moderation.conversations() for r in g.replies}
            spam = next(r for t, r in replies.items() if "GANA 300€" in t)
            threat = next(r for t, r in replies.items() if "quemar el ayuntamiento" in t)
            desk.moderation.propose(luis, "hide", spam.x_id, "spam",
                                    note="mismo texto bajo las tres publicaciones")
            desk.moderation.act(ana, "hide", threat.x_id, "threat", client)
            desk.moderation.act(ana, "mute", threat.x_id, "threat", client)
            panel = ModerationPanel(ui, lambda: client)
            panel.resize(1560, 860)
            panel.show()
            panel.reload()
            windows.append(panel)

            def chosen() -> None:
                panel.select_reply("GANA 300€")
                QTimer.singleShot(400, grab)

            def grab() -> None:
                panel.grab().save(str(out / "moderation.png"))
                panel.close()
                window.lock()  # Ctrl+L: everything behind the sign-in
                QTimer.singleShot(300, shoot_locked)

            QTimer.singleShot(1500, chosen)

        def shoot_locked() -> None:
            window.grab().save(str(out / "lock.png"))
            window.close()
            dialog = SignInDialog(desk)
            dialog.show()
            dialog.panel.name.setText("luis")
            dialog.panel.password.setText("clave-equivocada")
            dialog.panel.submit()
            QTimer.singleShot(1500, lambda: shoot_sign_in(dialog))

        def shoot_sign_in(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.grab().save(str(out / "sign-in.png"))
            dialog.close()
            app.quit()

        QTimer.singleShot(3000, shoot)
        app.exec()
        poller.stop()
        client.close()
    desk.close()
    print(f"Screenshots in {out}/: desk.png, feed.png, board.png, moderation.png, lock.png, "
          "sign-in.png")


if __name__ == "__main__":
    main()
