"""The pure checks of a downloaded image (issue 29): format, size from the header, whole
file, pixels, and a JPEG's EXIF GPS position."""

from __future__ import annotations

import struct

import pytest

from jun_desk.domain.error_codes import recognise
from jun_desk.domain.images import ImageRefused, exif_location, inspect, sniff
from jun_desk.x.sandbox import media as made


def _seen(data: bytes) -> tuple[str, int, int]:
    facts = inspect(data)
    return facts.format, facts.width, facts.height


def test_each_format_is_read_from_its_header() -> None:
    assert _seen(made.png(640, 480, 1)) == ("png", 640, 480)
    assert _seen(made.jpeg(333, 201, 2)) == ("jpeg", 333, 201)
    assert _seen(made.animated_gif(96, 64)) == ("gif", 96, 64)
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"


def test_a_jpeg_s_gps_position_is_read_north_south_east_west() -> None:
    for lat, lon in ((37.2203, -3.7372), (-33.8568, 151.2153), (0.5, 0.25)):
        facts = inspect(made.jpeg(64, 64, 3, gps=(lat, lon)))
        assert facts.location == pytest.approx((lat, lon), abs=1e-5)
    assert inspect(made.jpeg(64, 64, 3)).location is None


@pytest.mark.parametrize("tiff", [b"", b"XX\x00\x2a", b"MM\x00\x2a\x00\x00\x00\x08",
                                  b"II*\x00" + struct.pack("<I", 10**6)])
def test_malformed_exif_is_no_position_never_an_error(tiff: bytes) -> None:
    assert exif_location(tiff) is None


@pytest.mark.parametrize(("data", "code"), [
    (b"<html>not a photo</html>", "media.unknown_format"),
    (made.jpeg(200, 200, 1)[:300], "media.cut_short"),
    (made.png(50, 50, 1)[:-12], "media.cut_short"),
    (made.animated_gif(20, 20)[:-1], "media.cut_short"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "media.broken"),
    (b"\xff\xd8\xff\xd9", "media.broken"),
    (made.bomb_png(), "media.too_many_pixels"),
])
def test_broken_files_and_bombs_are_refused_with_a_code(data: bytes, code: str) -> None:
    with pytest.raises(ImageRefused) as refused:
        inspect(data)
    assert refused.value.code == code
    found = recognise(refused.value.reason)
    assert found is not None and found[0] == code  # the window words it in Spanish


def test_the_pixel_limit_is_a_setting() -> None:
    with pytest.raises(ImageRefused):
        inspect(made.png(100, 100, 1), max_pixels=9_999)
    assert inspect(made.png(100, 100, 1), max_pixels=10_000).width == 100
