"""The sandbox's photos (issue 29): real image bytes, made deterministically from the media
key, served at X's media addresses through the loopback server (``/_media/<host>/<path>``).

The day's photos, in the order of their keys: a broken JPEG (cut in half), a decompression
bomb (a small PNG file of 20,000 x 20,000 pixels), a file over the desk's 15 MB cap, a JPEG
whose EXIF holds a GPS position in Jun, then PNGs and JPEGs of several sizes; the animated
GIF's preview is an animated GIF, a video's a JPEG. A DM's photo (``ton.twitter.com``) is
served only with the account's OAuth 1.0a signature (X's 401 without).

The encoders are small and exact: PNG (zlib, one IDAT), baseline greyscale JPEG made of
flat 8 x 8 blocks (a mosaic: only DC coefficients), GIF89a with fixed-width LZW codes.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from jun_desk.x.sandbox.world import Scenario

MEDIA_TYPES = {"3": "photo", "7": "video", "16": "animated_gif"}
JUN = (37.2203, -3.7372)  # the town hall of Jun, Granada
OVERSIZED_BYTES = 16 * 1024 * 1024


# ---------------------------------------------------------------------------- PNG
def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + \
        struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width: int, height: int, seed: int, *, extra: bytes = b"") -> bytes:
    """An RGB PNG: diagonal bands of colours chosen by ``seed``."""
    rng = hashlib.sha256(str(seed).encode()).digest()
    bands = [rng[b * 3:b * 3 + 3] * 16 for b in range(8)]  # 16 pixels of each colour
    line = b"".join(bands) * ((width + 128) // 128 + 1)  # pixel x has band (x // 16) % 8
    rows = [b"\x00" + line[(y % 128) * 3:(y % 128 + width) * 3] for y in range(height)]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + extra
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


@cache
def bomb_png(side: int = 20_000) -> bytes:
    """A 1-bit PNG of ``side`` x ``side`` white pixels: a few kilobytes that would take
    hundreds of megabytes to decode."""
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body)
            + _chunk(b"IEND", b""))


@cache
def oversized_png() -> bytes:
    """A valid small PNG carrying 16 MB of text: over the desk's download cap."""
    text = _chunk(b"tEXt", b"Comment\x00" + b"Jun " * (OVERSIZED_BYTES // 4))
    return png(64, 64, 99, extra=text)


# ---------------------------------------------------------------------------- JPEG
_DC_BITS = (0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0)  # ITU T.81 table K.3
_DC_VALUES = tuple(range(12))
_AC_BITS = (1,) + (0,) * 15  # one symbol: end of block (every block is flat)
_AC_VALUES = (0x00,)


def _codes(bits: tuple[int, ...], values: tuple[int, ...]) -> dict[int, tuple[int, int]]:
    """Canonical Huffman codes: symbol → (code, length)."""
    out: dict[int, tuple[int, int]] = {}
    code, k = 0, 0
    for length, count in enumerate(bits, start=1):
        for _ in range(count):
            out[values[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return out


def _segment(marker: int, data: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(data) + 2) + data


def exif_gps(lat: float, lon: float) -> bytes:
    """An APP1 EXIF segment whose GPS IFD holds this position (big-endian TIFF)."""
    def rationals(value: float) -> bytes:
        value = abs(value)
        d = int(value)
        m = int((value - d) * 60)
        s = round(((value - d) * 60 - m) * 60 * 1000)
        return struct.pack(">6I", d, 1, m, 1, s, 1000)

    # TIFF header, IFD0 (one entry: the GPS pointer) at 8, GPS IFD at 26, values at 80.
    ifd0 = struct.pack(">H", 1) + struct.pack(">HHII", 0x8825, 4, 1, 26) + b"\0\0\0\0"
    gps = struct.pack(">H", 4)
    gps += struct.pack(">HHI", 1, 2, 2) + (b"S\0" if lat < 0 else b"N\0") + b"\0\0"
    gps += struct.pack(">HHII", 2, 5, 3, 80)
    gps += struct.pack(">HHI", 3, 2, 2) + (b"W\0" if lon < 0 else b"E\0") + b"\0\0"
    gps += struct.pack(">HHII", 4, 5, 3, 104)
    gps += b"\0\0\0\0"
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + ifd0 + gps + rationals(lat) + rationals(lon)
    assert len(tiff) == 128, len(tiff)
    return _segment(0xE1, b"Exif\0\0" + tiff)


def jpeg(width: int, height: int, seed: int, *, gps: tuple[float, float] | None = None
         ) -> bytes:
    """A baseline greyscale JPEG: a mosaic of flat 8 x 8 blocks (rings around the middle,
    shaded by ``seed``)."""
    dc = _codes(_DC_BITS, _DC_VALUES)
    eob = _codes(_AC_BITS, _AC_VALUES)[0]
    bits: list[tuple[int, int]] = []
    previous = 0
    bw, bh = (width + 7) // 8, (height + 7) // 8
    for by in range(bh):
        for bx in range(bw):
            ring = int(((bx - bw / 2) ** 2 + (by - bh / 2) ** 2) ** 0.5)
            level = ((ring * 23 + seed * 37) % 200) + 28  # a grey from 28 to 227
            value = level - 128  # level-shifted; the quantiser of DC is 8 (8 * value / 8)
            diff, previous = value - previous, value
            size = abs(diff).bit_length()
            bits.append(dc[size])
            if size:
                bits.append((diff if diff > 0 else diff + (1 << size) - 1, size))
            bits.append(eob)
    scan = bytearray()
    acc, n = 0, 0
    for code, length in bits:
        acc = (acc << length) | code
        n += length
        while n >= 8:
            n -= 8
            byte = (acc >> n) & 0xFF
            scan.append(byte)
            if byte == 0xFF:
                scan.append(0)
    if n:
        byte = ((acc << (8 - n)) | ((1 << (8 - n)) - 1)) & 0xFF
        scan.append(byte)
        if byte == 0xFF:
            scan.append(0)

    def huffman(table_class: int, bits_: tuple[int, ...], values: tuple[int, ...]) -> bytes:
        return _segment(0xC4, bytes((table_class << 4,)) + bytes(bits_) + bytes(values))

    out = b"\xff\xd8" + _segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    if gps is not None:
        out += exif_gps(*gps)
    out += _segment(0xDB, b"\x00" + bytes([8] * 64))
    out += _segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    out += huffman(0, _DC_BITS, _DC_VALUES) + huffman(1, _AC_BITS, _AC_VALUES)
    out += _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    return out + bytes(scan) + b"\xff\xd9"


def _broken_jpeg() -> bytes:
    whole = jpeg(800, 600, 1)
    return whole[:len(whole) // 2]  # cut in half, as a lost connection leaves it


# ---------------------------------------------------------------------------- GIF
def animated_gif(width: int, height: int, frames: int = 3) -> bytes:
    """An animated GIF89a, looping: a bar moving across four colours. LZW with codes of a
    fixed width (a clear code every two pixels keeps the table from growing)."""
    palette = bytes((0, 90, 160, 240, 200, 40, 250, 250, 250, 30, 30, 30))
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x81, 0, 0) + palette
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop for ever
    for frame in range(frames):
        pixels = [(1 if (x // 4) % frames == frame else 0) if y % 8 else 3
                  for y in range(height) for x in range(width)]
        codes: list[int] = []
        for i in range(0, len(pixels), 2):
            codes += [4, *pixels[i:i + 2]]
        codes.append(5)
        data = bytearray()
        acc, n = 0, 0
        for code in codes:
            acc |= code << n
            n += 3
            while n >= 8:
                data.append(acc & 0xFF)
                acc >>= 8
                n -= 8
        if n:
            data.append(acc & 0xFF)
        out += b"\x21\xf9\x04\x04" + struct.pack("<H", 20) + b"\x00\x00"  # 0.2 s a frame
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02"
        for i in range(0, len(data), 255):
            block = data[i:i + 255]
            out += bytes((len(block),)) + bytes(block)
        out += b"\x00"
    return out + b";"


# ---------------------------------------------------------------------------- the day's
@dataclass(frozen=True)
class Served:
    body: Callable[[], bytes]
    content_type: str
    width: int | None = None
    height: int | None = None
    alt_text: str | None = None


SIZES = ((640, 480), (1024, 768), (320, 240), (800, 600), (1200, 900), (480, 640))


class MediaLibrary:
    """What the sandbox serves for each media key of its scenario."""

    def __init__(self, scenario: Scenario) -> None:
        keys = sorted({k for t in scenario.tweets for k in t.media_keys}
                      | {k for d in scenario.dms for k in d.media_keys},
                      key=lambda k: (k.split("_", 1)[0], k))
        photos = [k for k in keys if k.startswith("3_")]
        self.dm_keys = {k for d in scenario.dms for k in d.media_keys}
        self.dm_of = {k: d.id for d in scenario.dms for k in d.media_keys}
        self.served: dict[str, Served] = {}
        specials: list[Served] = [
            Served(_broken_jpeg, "image/jpeg", 800, 600),
            Served(bomb_png, "image/png", 20_000, 20_000),
            Served(oversized_png, "image/png", 64, 64),
            Served(lambda: jpeg(1024, 768, 2, gps=JUN), "image/jpeg", 1024, 768,
                   "Un bache en la calle Real, junto a la fuente"),
        ]
        tweet_photos = [k for k in photos if k not in self.dm_keys]
        for n, key in enumerate(tweet_photos):
            if n < len(specials):
                self.served[key] = specials[n]
                continue
            w, h = SIZES[n % len(SIZES)]
            seed = int(hashlib.sha256(key.encode()).hexdigest()[:6], 16)
            made = (lambda w=w, h=h, s=seed: png(w, h, s)) if n % 2 else \
                (lambda w=w, h=h, s=seed: jpeg(w, h, s))
            self.served[key] = Served(made, "image/png" if n % 2 else "image/jpeg", w, h,
                                      "Foto del vecino" if n % 3 == 0 else None)
        for key in self.dm_keys:
            self.served[key] = Served(lambda: jpeg(640, 480, 5), "image/jpeg", 640, 480)
        for key in keys:
            if key.startswith("16_"):
                self.served[key] = Served(lambda: animated_gif(96, 64), "image/gif", 96, 64)
            elif key.startswith("7_"):
                self.served[key] = Served(lambda: jpeg(1280, 720, 7), "image/jpeg", 1280, 720)
        self._by_path = {urlsplit_path(u): k for k in self.served
                         if (u := self.image_url(k)) is not None}

    def image_url(self, key: str) -> str | None:
        kind = MEDIA_TYPES.get(key.split("_", 1)[0], "photo")
        if key in self.dm_keys:
            return (f"https://ton.twitter.com/1.1/ton/data/dm/{self.dm_of[key]}/"
                    f"{key.split('_', 1)[1]}/photo.jpg")
        if kind == "photo":
            extension = "png" if self.served.get(key, Served(bytes, "image/jpeg"))\
                .content_type == "image/png" else "jpg"
            return f"https://pbs.twimg.com/media/{key}.{extension}"
        if kind == "animated_gif":
            return f"https://pbs.twimg.com/tweet_video_thumb/{key}.jpg"
        return f"https://pbs.twimg.com/ext_tw_video_thumb/{key}/pu/img/preview.jpg"

    def json(self, key: str) -> dict[str, Any]:
        """The media object X's ``includes.media`` holds for ``key``."""
        kind = MEDIA_TYPES.get(key.split("_", 1)[0], "photo")
        served = self.served.get(key)
        out: dict[str, Any] = {"media_key": key, "type": kind}
        image = self.image_url(key)
        if kind == "photo":
            out["url"] = image
        else:
            out["preview_image_url"] = image
            variant = {"content_type": "video/mp4", "url": f"https://video.twimg.com/{key}.mp4"}
            out["variants"] = [{**variant, "bit_rate": 832000}]
            if kind == "video":
                out["duration_ms"] = 12_480
        if served is not None:
            if served.width and served.height:
                out["width"], out["height"] = served.width, served.height
            if served.alt_text:
                out["alt_text"] = served.alt_text
        return out

    def find(self, host_and_path: str) -> tuple[str, Served] | None:
        """The key and what is served at ``<host>/<path>`` (the sandbox's media route)."""
        key = self._by_path.get(host_and_path)
        return (key, self.served[key]) if key is not None else None

    def needs_oauth(self, key: str) -> bool:
        return key in self.dm_keys


def urlsplit_path(url: str) -> str:
    """``https://pbs.twimg.com/media/x.jpg`` → ``pbs.twimg.com/media/x.jpg``."""
    return url.split("://", 1)[1]
