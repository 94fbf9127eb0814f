"""Render the supervision panel with its X spend chart, offscreen, for the README.

Today's spend is what the desk's own meter recorded while it read the sandbox's scenario
day; the month's earlier days are laid out from the figures of bench/x_costs.py (an
ordinary day with the town's writers known 2.69 $, a #EndesaMeEstresa spike 7.29 $), with
a little day-to-day variation. Budget 100 $, daily alert 5 $.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/costs_screenshot.py [--lang en]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ORDINARY, SPIKE = 2_690_000, 7_290_000  # µ$, bench/x_costs.py (2026-11-27)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="resources/screenshots/costs.png")
    parser.add_argument("--lang", default="es")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUN_DESK_HOME"] = home
        render(Path(args.out), Path(home), args.lang)


def render(out: Path, home: Path, lang: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jun_desk.domain.costs import Charge, Kind
    from jun_desk.services.desk import Desk
    from jun_desk.ui import i18n
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.dashboard import Dashboard
    from jun_desk.x.client import XClient
    from jun_desk.x.sandbox.server import Sandbox
    from jun_desk.x.sync import SyncEngine

    app = QApplication(sys.argv[:1])
    i18n.install(app, lang)
    desk = Desk.open(f"sqlite:///{home / 'desk.db'}")
    ana = desk.operators.actor(desk.operators.add("ana", "supervisor").username)
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        SyncEngine(desk, client).sync_once()  # today: the meter's own figures
        client.close()
    today = desk.ctx.clock().date()
    rng = random.Random(17)
    for day in range(1, today.day):
        value = SPIKE if day == 12 else round(ORDINARY * rng.uniform(0.8, 1.25))
        posts = value // 5_000  # laid out as post reads, to the micro-dollar
        desk.costs.record("AytoJun", [Charge(date(today.year, today.month, day), "mentions",
                                             Kind.POST, f"{day}-{n}") for n in range(posts)])
    desk.costs.set_budget(ana, "AytoJun", monthly=100, daily_alert=5)
    ui = UiContext(desk, ana, account="AytoJun")
    panel = Dashboard(ui)
    panel.resize(1000, 640)
    panel.show()
    panel.refresh()
    out.parent.mkdir(parents=True, exist_ok=True)

    def shoot() -> None:
        ui.wait()
        app.processEvents()
        panel.grab().save(str(out))
        print(f"{out}: {panel.costs.figures.text()}")
        app.quit()

    QTimer.singleShot(1500, shoot)
    app.exec()
    desk.close()


if __name__ == "__main__":
    main()
