"""Media of items (issue 29): stored with the item once, shown as MediaView, the cache's
bookkeeping (cached, failed with backoff, refused), its bound and erasure."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jun_desk.domain.images import ImageFacts
from jun_desk.domain.items import Stream, XItem
from jun_desk.domain.media import MediaKind, MediaRef, MediaState
from jun_desk.services.desk import Desk
from jun_desk.services.media import retry_delay
from jun_desk.services.media_cache import MediaSettings
from tests.factories import MARIA, mention

ACCOUNT = "AytoJun"


def photo_item(text: str, *keys: str, minutes: float = 0) -> XItem:
    item = mention(text, minutes=minutes)
    refs = tuple(MediaRef(k, MediaKind.PHOTO, url=f"https://pbs.twimg.com/media/{k}.jpg",
                          alt_text="un bache" if i == 0 else None, width=800, height=600)
                 for i, k in enumerate(keys))
    raw = {**(item.raw or {}), "attachments": {"media_keys": list(keys)}}
    return replace(item, media=refs, media_count=len(keys), raw=raw)


def _store(desk: Desk, *items: XItem) -> dict[str, int]:
    desk.ingest.ingest_page(ACCOUNT, Stream.MENTIONS, list(items), [MARIA], items[-1].x_id)
    return {i.x_id: i.id for i in desk.search.feed()}


def test_media_are_stored_with_their_item_once(desk: Desk, tmp_path: Path) -> None:
    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    item = photo_item("@AytoJun mirad este bache", "3_1", "3_2")
    ids = _store(desk, item)
    _store(desk, item)  # the same page again: nothing twice
    views = desk.media.for_items([ids[item.x_id]])[ids[item.x_id]]
    assert [v.ref.media_key for v in views] == ["3_1", "3_2"]
    assert {v.state for v in views} == {MediaState.PENDING}
    assert views[0].ref.alt_text == "un bache" and views[0].ref.width == 800
    assert views[0].x_link == f"https://x.com/i/web/status/{item.x_id}"
    assert [j.url for j in desk.media.due()] == ["https://pbs.twimg.com/media/3_1.jpg",
                                                  "https://pbs.twimg.com/media/3_2.jpg"]


def test_cached_failed_and_refused(desk: Desk, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    item = photo_item("@AytoJun basura", "3_a", "3_b", "3_c")
    item_id = _store(desk, item)[item.x_id]
    first, second, third = desk.media.due()
    sha, path = desk.media.cache.put(b"\x89PNG fake bytes")
    desk.media.cached(first.media_id, sha, path.stat().st_size,
                      ImageFacts("png", 10, 20, (40.0, -3.5)))
    desk.media.failed(second.media_id, "X answered 503")
    desk.media.refused(third.media_id, "not an image")
    views = desk.media.for_items([item_id])[item_id]
    assert [v.state for v in views] == [MediaState.CACHED, MediaState.FAILED,
                                        MediaState.REFUSED]
    assert views[0].path == path and views[0].showable and views[0].location is None
    assert views[1].reason == "X answered 503"
    assert desk.media.due() == []  # the failed one waits for its next try
    clock.advance(seconds=retry_delay(1).total_seconds())
    assert [j.media_id for j in desk.media.due()] == [second.media_id]


def test_location_only_for_obras_and_limpieza_staff(desk: Desk, tmp_path: Path,
                                                    people) -> None:  # type: ignore[no-untyped-def]
    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    item = photo_item("@AytoJun hay un bache enorme en la calle Real", "3_gps")
    item_id = _store(desk, item)[item.x_id]
    (job,) = desk.media.due()
    sha, _path = desk.media.cache.put(b"jpeg bytes")
    desk.media.cached(job.media_id, sha, 10, ImageFacts("jpeg", 4, 4, (42.1, -3.7)))
    ticket = desk.tickets.create_from_item(people["ana"], item_id, department="obras")
    luis, rosa = people["luis"], people["rosa"]
    shown = desk.media.for_ticket(ticket.id, viewer=luis)[item_id][0]
    assert shown.location == (42.1, -3.7)
    assert desk.media.for_ticket(ticket.id)[item_id][0].location is None
    # rosa serves every department, so she is staff of obras too
    assert desk.media.for_ticket(ticket.id, viewer=rosa)[item_id][0].location == (42.1, -3.7)
    desk.operators.add("marta", "operator", display_name="Marta", departments=["salud"])
    marta = desk.operators.actor("marta")
    assert desk.media.for_ticket(ticket.id, viewer=marta)[item_id][0].location is None
