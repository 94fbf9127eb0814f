"""What the desk checks of a downloaded image before it keeps it (issue 29), in pure Python:
its format from its first bytes (PNG, JPEG, GIF, WebP), its size in pixels from its header
(a decompression bomb is refused before anything decodes it), that the file is whole (a
PNG ends with IEND, a JPEG with EOI, a GIF with its trailer), and a JPEG's EXIF GPS
position. The window decodes what passed with Qt's readers, with their own limits.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from jun_desk.domain.error_codes import english

MAX_PIXELS = 40_000_000  # 40 megapixels: more than any photo X serves (4096 x 4096)
MAX_SIDE = 16_384

CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif",
                 "webp": "image/webp"}


class ImageRefused(ValueError):
    """Not an image the desk keeps: an error code of ``media.*`` and its English."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        self.reason = english(code, params)
        super().__init__(self.reason)


@dataclass(frozen=True, slots=True)
class ImageFacts:
    format: str  # png, jpeg, gif, webp
    width: int
    height: int
    location: tuple[float, float] | None = None  # EXIF GPS (latitude, longitude)


def sniff(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def inspect(data: bytes, *, max_pixels: int = MAX_PIXELS) -> ImageFacts:
    """The image's facts, or ImageRefused saying why the desk does not keep it."""
    kind = sniff(data)
    if kind is None:
        raise ImageRefused("media.unknown_format")
    try:
        width, height, location = _READERS[kind](data)
    except (struct.error, IndexError, ValueError) as err:
        if isinstance(err, ImageRefused):
            raise
        raise ImageRefused("media.broken", format=kind.upper()) from None
    if width <= 0 or height <= 0:
        raise ImageRefused("media.broken", format=kind.upper())
    if width > MAX_SIDE or height > MAX_SIDE or width * height > max_pixels:
        raise ImageRefused("media.too_many_pixels", width=width, height=height)
    return ImageFacts(kind, width, height, location)


# ---------------------------------------------------------------------------- PNG
def _png(data: bytes) -> tuple[int, int, None]:
    if data[12:16] != b"IHDR":
        raise ImageRefused("media.broken", format="PNG")
    width, height = struct.unpack(">II", data[16:24])
    if not data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82"):
        raise ImageRefused("media.cut_short", format="PNG")
    return width, height, None


# ---------------------------------------------------------------------------- GIF
def _gif(data: bytes) -> tuple[int, int, None]:
    width, height = struct.unpack("<HH", data[6:10])
    if not data.endswith(b";"):
        raise ImageRefused("media.cut_short", format="GIF")
    return width, height, None


# ---------------------------------------------------------------------------- WebP
def _webp(data: bytes) -> tuple[int, int, None]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    if riff_size + 8 > len(data):
        raise ImageRefused("media.cut_short", format="WebP")
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
    elif chunk == b"VP8 ":
        width, height = (v & 0x3FFF for v in struct.unpack("<HH", data[26:30]))
    elif chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    else:
        raise ImageRefused("media.unknown_format")
    return width, height, None


# ---------------------------------------------------------------------------- JPEG
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> tuple[int, int, tuple[float, float] | None]:
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise ImageRefused("media.cut_short", format="JPEG")
    pos = 2
    size: tuple[int, int] | None = None
    location = None
    while pos + 4 <= len(data) and size is None:
        if data[pos] != 0xFF:
            raise ImageRefused("media.broken", format="JPEG")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        segment = data[pos + 4:pos + 2 + length]
        if marker == 0xE1 and segment.startswith(b"Exif\x00\x00") and location is None:
            location = exif_location(segment[6:])
        elif marker in _SOF:
            height, width = struct.unpack(">HH", segment[1:5])
            size = (width, height)
        elif marker == 0xDA:
            break  # the scan began without a frame header
        pos += 2 + length
    if size is None:
        raise ImageRefused("media.broken", format="JPEG")
    return size[0], size[1], location


def exif_location(tiff: bytes) -> tuple[float, float] | None:
    """The GPS position an EXIF block (the TIFF structure after ``Exif\\0\\0``) holds, or
    None; anything malformed is None, never an error."""
    try:
        return _exif_location(tiff)
    except (struct.error, IndexError, ValueError, ZeroDivisionError):
        return None


def _exif_location(tiff: bytes) -> tuple[float, float] | None:
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None

    def entries(offset: int) -> dict[int, tuple[int, int, bytes]]:
        (count,) = struct.unpack(order + "H", tiff[offset:offset + 2])
        out = {}
        for i in range(min(count, 512)):
            start = offset + 2 + 12 * i
            tag, kind, n = struct.unpack(order + "HHI", tiff[start:start + 8])
            out[tag] = (kind, n, tiff[start + 8:start + 12])
        return out

    (ifd0,) = struct.unpack(order + "I", tiff[4:8])
    gps_pointer = entries(ifd0).get(0x8825)
    if gps_pointer is None:
        return None
    (gps_offset,) = struct.unpack(order + "I", gps_pointer[2])
    gps = entries(gps_offset)

    def degrees(tag: int) -> float | None:
        found = gps.get(tag)
        if found is None or found[0] != 5 or found[1] != 3:  # three RATIONALs
            return None
        (at,) = struct.unpack(order + "I", found[2])
        parts = struct.unpack(order + "6I", tiff[at:at + 24])
        d, m, s = (float(parts[i]) / float(parts[i + 1]) for i in (0, 2, 4))
        return float(d + m / 60 + s / 3600)

    def hemisphere(tag: int) -> str:
        found = gps.get(tag)
        return found[2][:1].decode("ascii", "replace") if found else ""

    lat, lon = degrees(2), degrees(4)
    if lat is None or lon is None or lat > 90 or lon > 180:
        return None
    if hemisphere(1) == "S":
        lat = -lat
    if hemisphere(3) == "W":
        lon = -lon
    return round(lat, 6), round(lon, 6)


_READERS = {"png": _png, "jpeg": _jpeg, "gif": _gif, "webp": _webp}
