"""Render screenshots of the desk on the sandbox, offscreen, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out resources/screenshots]

Besides desk.png (and feed, board, lock, sign-in) it renders the whole window as it opens on
a 1,366 × 768 laptop, a 1,920 × 1,080 screen and that screen at 200 % scaling
(desk-1366x768.png, desk-1920x1080.png, desk-1920x1080-200.png), each in a process of its
own on an offscreen screen of that size. ``--screen WxH [--scale N]`` renders one of them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="resources/screenshots")
    parser.add_argument("--screen", help="WxH: only the window as it opens on such a screen")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--whole-screen", action="store_true",
                        help="grab the whole screen (under a real X server and window manager: "
                             "the title bar and the window's place on the screen show)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.screen:
        name = f"desk-{args.screen}" + (f"-{round(args.scale * 100)}" if args.scale != 1 else "")
        name += "-wm" if args.whole_screen else ""
        with tempfile.TemporaryDirectory() as home:
            os.environ["JUN_DESK_HOME"] = home
            render(out, Path(home), only=name, whole_screen=args.whole_screen)
        return
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUN_DESK_HOME"] = home
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # a screen larger than the shot
            config = Path(home) / "screen.json"
            config.write_text(json.dumps({"screens": [{
                "name": "screen", "x": 0, "y": 0, "width": 2560, "height": 1440,
                "logicalDpi": 96}]}))
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        render(out, Path(home))
    for screen, scale in (("1366x768", 1.0), ("1920x1080", 1.0), ("1920x1080", 2.0)):
        width, height = (int(n) for n in screen.split("x"))
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder) / "screen.json"
            config.write_text(json.dumps({"screens": [{
                "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                "logicalDpi": 96}]}))
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                       QT_SCALE_FACTOR=str(scale))
            subprocess.run([sys.executable, __file__, "--out", str(out), "--screen", screen,
                            "--scale", str(scale)], env=env, check=True)


def render(out: Path, home: Path, only: str | None = None, whole_screen: bool = False) -> None:
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
        if only is None:
            window.resize(1680, 980)
        window.show()
        poller.start()
        tickets = desk.search.tickets()
        # The urgent police ticket open, if the morning made one; else the newest.
        first = next((t for t in tickets if t.priority.value == "urgent"), tickets[0])
        QTimer.singleShot(800, lambda: ui.ticket_chosen.emit(first.id))
        QTimer.singleShot(1400, lambda: window.desk.detail.use_canned("recibido"))
        # The urgent Policía Local mention as it arrives: notification and banner.
        urgent = [i for i in desk.search.feed(limit=500, kinds=("mention",))
                  if i.suggested_department == "policia" and i.suggested_priority == "urgent"]
        QTimer.singleShot(1600, lambda: window.desk.notifier.arrivals(urgent[:1]))

        def shoot() -> None:
            if only is not None:  # the window as it opened on this screen
                grab(f"{only}.png")
                window.desk.docks.dms_dock.raise_()  # and its DMs tab, a conversation open
                window.desk.dms.list.setCurrentIndex(window.desk.dms.model.index(0))
                QTimer.singleShot(800, shoot_dms)
                return
            window.grab().save(str(out / "desk.png"))
            window.desk.feed.grab().save(str(out / "feed.png"))
            window.desk.board.grab().save(str(out / "board.png"))
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
                window.desk.session_control.lock()  # Ctrl+L: everything behind the sign-in
                QTimer.singleShot(300, shoot_locked)

            QTimer.singleShot(1500, chosen)

        def grab(name: str) -> None:
            shot = app.primaryScreen().grabWindow(0) if whole_screen else window.grab()
            shot.save(str(out / name))

        def shoot_dms() -> None:
            grab(f"{only}-dms.png")
            window.close()
            app.quit()

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
    print(f"Screenshots in {out}/: " + (f"{only}.png" if only else
                                        "desk.png, feed.png, board.png, moderation.png, "
                                        "lock.png, sign-in.png"))


if __name__ == "__main__":
    main()
