"""Safe decoding of cached images: real JPEG and PNG files, a bomb's header and a broken
file; thumbnails decoded on a pool thread and kept in a bounded LRU."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSize

from jun_desk.ui.media.decode import Decoded, Failure, decode, placeholder
from jun_desk.ui.media.thumbs import Thumbnails, key_of
from tests.ui.media_files import write_bomb, write_broken, write_photo

FIT = QSize(160, 120)


def test_a_photo_decodes_scaled_to_its_thumbnail(tmp_path: Path) -> None:
    for fmt in ("JPEG", "PNG"):
        path = write_photo(tmp_path / f"calle.{fmt.lower()}", 1200, 900, fmt=fmt)
        result = decode(path, FIT)
        assert result.ok and result.image is not None, fmt
        assert result.image.size() == QSize(160, 120), fmt
        assert result.original == QSize(1200, 900)
        whole = decode(path)
        assert whole.image is not None and whole.image.size() == QSize(1200, 900)


def test_a_bomb_a_broken_file_and_a_missing_one_give_reasons_not_crashes(
        tmp_path: Path) -> None:
    bomb = decode(write_bomb(tmp_path / "bomba.png"), FIT)
    assert not bomb.ok and bomb.failure is Failure.TOO_LARGE
    assert bomb.original == QSize(100_000, 100_000)
    broken = decode(write_broken(tmp_path / "roto.jpg"), FIT)
    assert not broken.ok and broken.failure is Failure.BROKEN
    assert decode(tmp_path / "nada.jpg", FIT).failure is Failure.MISSING
    # Half a JPEG: whatever Qt makes of it, no exception and no hang.
    photo = write_photo(tmp_path / "entera.jpg")
    half = tmp_path / "media.jpg"
    half.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    decode(half, FIT)


def test_a_header_within_the_pixel_limit_still_meets_the_allocation_limit(
        tmp_path: Path) -> None:
    """30,000 × 2,000 is under the pixel count but over 256 MB? No: 240 MB as RGBA. A
    16,000 × 4,000 RGBA header (256 MB) with no rows: the reader refuses or fails, never
    allocates and crashes."""
    result = decode(write_bomb(tmp_path / "ancha.png", 16_000, 4_000), FIT)
    assert not result.ok


def test_the_placeholder_is_an_image_of_the_size_asked() -> None:
    image = placeholder(160, 120, "imagen no disponible")
    assert image.size() == QSize(160, 120) and not image.isNull()


def test_thumbnails_decode_off_the_gui_thread_and_are_announced(qtbot,
                                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []

    def watched(path: Path, fit: QSize | None) -> Decoded:
        threads.append(threading.current_thread())
        return decode(path, fit)

    thumbs = Thumbnails(decoder=watched)
    photo = write_photo(tmp_path / "farola.jpg")
    bomb = write_bomb(tmp_path / "bomba.png")
    assert thumbs.get(photo, FIT) is None  # asked: decoding
    assert thumbs.get(photo, FIT) is None  # asked again: still once
    with qtbot.waitSignals([thumbs.ready, thumbs.ready], timeout=10_000):
        assert thumbs.get(bomb, FIT) is None
    thumbs.wait()
    assert len(threads) == 2
    assert all(t is not threading.main_thread() for t in threads)
    got = thumbs.get(photo, FIT)
    assert got is not None and got.image is not None and got.image.width() == 160
    refused = thumbs.get(bomb, FIT)
    assert refused is not None and refused.failure is Failure.TOO_LARGE
    assert key_of(photo, FIT) == (str(photo), 160, 120)


def test_the_lru_stays_within_its_budget(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one = 160 * 120 * 4
    thumbs = Thumbnails(budget_bytes=one * 5)
    done: list[object] = []
    thumbs.ready.connect(done.append)
    paths = [write_photo(tmp_path / f"p{n}.jpg", 640, 480) for n in range(12)]
    for path in paths:
        thumbs.get(path, FIT)
    qtbot.waitUntil(lambda: len(done) == 12, timeout=20_000)
    thumbs.wait()
    assert thumbs.cached_bytes <= one * 5
    assert len(thumbs) == 5  # the five decoded last (two threads: in any order)
    last = [Path(key[0]) for key in done[-5:]]  # type: ignore[index]
    assert all(thumbs.get(p, FIT) is not None for p in last)
