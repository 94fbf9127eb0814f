"""Screenshots of the photos (issue 29) on the sandbox, offscreen, at 1,366 × 768: the
window with a photo in the feed and the ticket pane, and the viewer.

    .venv/bin/python scripts/media_screenshots.py --out /tmp/shots

The sandbox's day is synced once (its streams, then the media round that downloads the
photos into the cache), a ticket made from the newest mention with a photo, the window
shown as on a laptop, then the viewer opened on that ticket's first photo.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="resources/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUN_DESK_HOME"] = home
        config = Path(home) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "screen", "x": 0, "y": 0, "width": 1366, "height": 768,
            "logicalDpi": 96}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        render(out, Path(home))


def render(out: Path, home: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from jun_desk.services.desk import Desk
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.main_window import MainWindow
    from jun_desk.ui.media.viewer import MediaViewer
    from jun_desk.x.client import XClient
    from jun_desk.x.sandbox.server import Sandbox
    from jun_desk.x.sync import SyncEngine

    app = QApplication(sys.argv[:1])
    desk = Desk.open(f"sqlite:///{home / 'desk.db'}")
    desk.operators.add("luis", "operator", display_name="Luis Pérez",
                       departments=["obras", "limpieza"])
    luis = desk.operators.actor("luis")
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        report = SyncEngine(desk, client).sync_once()
        print("media round:", report.media)
        feed = desk.search.feed(limit=2000, kinds=("mention",))
        with_photos = [i for i in feed if i.media_count]
        media = desk.media.for_items([i.id for i in with_photos])
        shown = next(i for i in with_photos
                     if any(v.showable and v.ref.kind.value == "photo"
                            for v in media.get(i.id, []))
                     and i.suggested_department in ("obras", "limpieza"))
        ticket = desk.tickets.create_from_item(luis, shown.id)
        ui = UiContext(desk, luis, account="AytoJun")
        window = MainWindow(ui, source="sandbox")
        window.show()
        window.desk.feed.unhandled.setChecked(False)
        QTimer.singleShot(600, lambda: ui.ticket_chosen.emit(ticket.id))

        def to_photo() -> None:
            window.desk.feed.show_item(shown.id)
            row = window.desk.feed.model.row_of(shown.id)
            if row is not None:
                window.desk.feed.view.scrollTo(window.desk.feed.model.index(row),
                                          QAbstractItemView.ScrollHint.PositionAtTop)

        QTimer.singleShot(2500, to_photo)

        def shoot() -> None:
            window.grab().save(str(out / "media-ui-window.png"))
            views = window.desk.detail.photos.views(shown.id)
            viewer = MediaViewer(views, 0, window)
            viewer.resize(1366, 768)
            viewer.show()
            QTimer.singleShot(2500, lambda: (viewer.grab().save(
                str(out / "media-ui-viewer-sandbox.png")), viewer.close(), app.quit()))

        QTimer.singleShot(6000, shoot)
        app.exec()
        ui.wait()
        window.close()
    desk.close()


if __name__ == "__main__":
    main()
