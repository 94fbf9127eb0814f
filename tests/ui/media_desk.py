"""A desk with citizens' photos in its media cache, through the real media service: items
ingested with X's media descriptions, real image bytes (drawn and saved by Qt) put in the
content-addressed cache and marked cached, as the downloader does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jun_desk.domain.images import ImageFacts
from jun_desk.domain.items import Stream, XItem
from jun_desk.domain.media import MediaKind, MediaRef
from jun_desk.domain.media_settings import MediaSettings
from jun_desk.services.desk import Desk
from tests.factories import MARIA, PEPE, mention
from tests.ui.media_files import write_bomb, write_broken, write_photo

ACCOUNT = "AytoJun"


def photo_item(text: str, keys: list[str], *, minutes: float = 0,
               kind: MediaKind = MediaKind.PHOTO, author=MARIA) -> XItem:  # type: ignore[no-untyped-def]
    item = mention(text, minutes=minutes, author=author)
    refs = tuple(MediaRef(k, kind, url=f"https://pbs.twimg.com/media/{k}.jpg"
                          if kind is MediaKind.PHOTO else None,
                          preview_image_url=None if kind is MediaKind.PHOTO
                          else f"https://pbs.twimg.com/ext_tw_video_thumb/{k}.jpg",
                          alt_text="Bache en la calle Real" if n == 0 else None,
                          width=1200, height=900)
                 for n, k in enumerate(keys))
    raw = {**(item.raw or {}), "attachments": {"media_keys": list(keys)}}
    return replace(item, media=refs, media_count=len(keys), raw=raw)


def store(desk: Desk, items: list[XItem]) -> dict[str, int]:
    """Ingest ``items``; their ids in the desk by X id."""
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, items, [MARIA, PEPE], items[-1].x_id)
    return {i.x_id: i.id for i in desk.search.feed(unhandled_only=False, limit=10_000)}


def download_all(desk: Desk, folder: Path, *, broken: set[str] = frozenset(),  # type: ignore[assignment]
                 bombs: set[str] = frozenset(), leave: set[str] = frozenset(),  # type: ignore[assignment]
                 location: tuple[float, float] | None = None) -> int:
    """What the downloader does, with image files made here: each due image's bytes into
    the cache, marked cached. URLs ending in a key of ``broken``/``bombs`` get those files;
    those of ``leave`` stay pending. Returns how many were cached."""
    drawn = folder / "drawn"
    count = 0
    for job in desk.media.due(limit=10_000):
        key = job.url.rsplit("/", 1)[-1].removesuffix(".jpg")
        if key in leave:
            continue
        if key in broken:
            data, facts = write_broken(drawn / f"{key}.jpg").read_bytes(), None
        elif key in bombs:
            data, facts = write_bomb(drawn / f"{key}.png").read_bytes(), None
        else:
            colour = "#%02x7942" % (count * 37 % 256)
            data = write_photo(drawn / f"{key}.jpg", 1200, 900, colour=colour).read_bytes()
            facts = ImageFacts("jpeg", 1200, 900, location)
        sha, path = desk.media.cache.put(data)
        desk.media.cached(job.media_id, sha, path.stat().st_size,
                          facts or ImageFacts("jpeg", 1200, 900, None))
        count += 1
    return count


def with_cache(desk: Desk, folder: Path) -> Desk:
    desk.media.configure(MediaSettings(folder=folder / "media"))
    return desk
