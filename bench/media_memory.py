"""Media memory benchmark: 1,000 cached photos (1200 × 900 JPEG, each its own picture)
scrolled through the real feed, offscreen, top to bottom and back.

Every row is painted on its way past, so every row's media are read and its thumbnail
decoded (off the GUI thread, into the bounded LRU). Prints the peak RSS against the
board's budget (300 MB, bench/board.py), the RSS before the photos were scrolled, the
thumbnails kept and their bytes, and how long the scroll took.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/media_memory.py [--photos 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_MB = 300


def rss_mb() -> float:
    """The resident set now (Linux), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def photo_bytes(n: int, folder: Path) -> bytes:
    """A photo-like 1200 × 900 JPEG, different for each ``n`` (the cache is content-
    addressed: equal bytes would be one file)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(n * 7 % 360, 90, 230))
    painter = QPainter(image)
    painter.fillRect(QRectF(0, 400, 1200, 500), QColor("#6d6d6d"))
    painter.setBrush(QColor("#2b2b2b"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(300 + n % 300, 560, 420, 150))
    # Gravel, leaves, a texture: a photo's detail, not flat colour (what JPEG sizes and
    # decoding times depend on).
    grain = QImage(random.Random(n).randbytes(400 * 300 * 3), 400, 300, 400 * 3,
                   QImage.Format.Format_RGB888)
    painter.setOpacity(0.3)
    painter.drawImage(QRectF(0, 0, 1200, 900), grain)
    painter.setOpacity(1.0)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(90)
    painter.setFont(font)
    painter.drawText(QRectF(0, 80, 1200, 200), Qt.AlignmentFlag.AlignCenter, f"foto {n}")
    painter.end()
    path = folder / f"{n}.jpg"
    image.save(str(path), "JPEG", 85)
    data = path.read_bytes()
    path.unlink()
    return data


def populate(desk, count: int, folder: Path) -> int:  # type: ignore[no-untyped-def]
    """``count`` mentions with one photo each, ingested as a sync would store them, and
    each photo's bytes put in the cache and marked cached, as the downloader does."""
    from jun_desk.domain.images import ImageFacts
    from jun_desk.domain.items import ItemKind, Stream, XItem, XUser
    from jun_desk.domain.media import MediaKind, MediaRef

    citizen = XUser("1001", "vecina_maria", "María López")
    start = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    for first in range(0, count, 200):
        items = []
        for n in range(first, min(count, first + 200)):
            x_id = str(1_900_000_000_000_000_000 + n)
            key = f"3_{n}"
            items.append(XItem(
                x_id=x_id, kind=ItemKind.MENTION, author_x_id=citizen.x_id,
                text=f"@AytoJun bache {n} en la calle Real, mirad la foto",
                created_at=start + timedelta(minutes=n), conversation_id=x_id,
                media_count=1, raw={"id": x_id, "attachments": {"media_keys": [key]}},
                media=(MediaRef(key, MediaKind.PHOTO, f"https://pbs.twimg.com/media/{key}.jpg",
                                width=1200, height=900),)))
        desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [citizen], items[-1].x_id)
    cached = 0
    for job in desk.media.due(limit=count):
        n = int(job.url.rsplit("_", 1)[1].removesuffix(".jpg"))
        sha, path = desk.media.cache.put(photo_bytes(n, folder))
        desk.media.cached(job.media_id, sha, path.stat().st_size,
                          ImageFacts("jpeg", 1200, 900))
        cached += 1
    return cached


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=1000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from jun_desk.domain.media_settings import MediaSettings
    from jun_desk.services.desk import Desk
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.feed.panel import FeedPanel

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JUN_DESK_HOME"] = tmp
        desk = Desk.open(f"sqlite:///{tmp}/media.db")
        desk.media.configure(MediaSettings(folder=Path(tmp) / "media"))
        desk.operators.add("ana", "supervisor")
        started = time.perf_counter()
        cached = populate(desk, args.photos, Path(tmp))
        size = sum(p.stat().st_size for p in (Path(tmp) / "media").rglob("*") if p.is_file())
        print(f"cached {cached:,} photos ({size / 1e6:.0f} MB on disk) in "
              f"{time.perf_counter() - started:.1f} s")
        ui = UiContext(desk, desk.operators.actor("ana"))
        feed = FeedPanel(ui)
        feed.unhandled.setChecked(False)
        feed.resize(520, 900)
        feed.show()

        def settle() -> None:
            for _ in range(4):
                app.processEvents()
                ui.wait()
                app.processEvents()

        feed.reload()
        settle()
        before = rss_mb()
        bar = feed.view.verticalScrollBar()
        painted = 0
        started = time.perf_counter()
        deadline = started + 600
        while time.perf_counter() < deadline:  # down, a screen at a time, older pages too
            feed.view.viewport().repaint()
            settle()
            feed.view.viewport().repaint()
            painted += 1
            if bar.value() >= bar.maximum() and feed.model.rowCount() >= args.photos:
                break
            bar.setValue(bar.value() + feed.view.viewport().height())
        while bar.value() > 0:  # and back up to the top
            bar.setValue(bar.value() - feed.view.viewport().height())
            feed.view.viewport().repaint()
            settle()
            painted += 1
        scrolled = time.perf_counter() - started
        read = sum(1 for i in feed.model.ids() if feed.model.media_of(i) is not None)
        thumbs = ui.thumbnails
        after = rss_mb()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"feed: {feed.model.rowCount():,} rows, media read for {read:,}, "
              f"{painted} screens painted in {scrolled:.1f} s; thumbnails kept "
              f"{len(thumbs)} ({thumbs.cached_bytes / 1e6:.1f} MB of "
              f"{thumbs.budget_bytes / 1e6:.0f} MB)")
        print(f"RSS before scrolling {before:.0f} MB, after {after:.0f} MB; peak RSS "
              f"{peak:.0f} MB (budget {BUDGET_MB} MB: "
              f"{'within' if peak <= BUDGET_MB else 'OVER'})")
        ui.wait()
        desk.close()


if __name__ == "__main__":
    main()
