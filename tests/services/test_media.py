"""Media of items (issue 29): stored with the item once, shown as MediaView, the cache's
bookkeeping (cached, failed with backoff, refused), its bound and erasure."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jun_desk.domain.images import ImageFacts
from jun_desk.domain.items import Stream, XItem
from jun_desk.domain.media import MediaKind, MediaRef, MediaState
from jun_desk.domain.media_settings import MediaSettings
from jun_desk.services.desk import Desk
from jun_desk.services.media import retry_delay
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


def _cache_photo(desk: Desk, clock, text: str, key: str, data: bytes,  # type: ignore[no-untyped-def]
                 minutes: float = 0) -> tuple[int, str]:
    """A mention with one photo, its image cached now; returns (item id, digest)."""
    item = photo_item(text, key, minutes=minutes)
    item_id = _store(desk, item)[item.x_id]
    job = next(j for j in desk.media.due() if j.url.endswith(f"/{key}.jpg"))
    sha, path = desk.media.cache.put(data)
    desk.media.cached(job.media_id, sha, path.stat().st_size, ImageFacts("jpeg", 8, 8))
    return item_id, sha


def test_the_cache_keeps_its_bound_oldest_first_never_an_open_ticket_s(
        desk: Desk, tmp_path: Path, clock, people) -> None:  # type: ignore[no-untyped-def]
    desk.media.configure(MediaSettings(folder=tmp_path / "media", cache_limit=2500))
    ana = people["ana"]
    first, sha1 = _cache_photo(desk, clock, "@AytoJun bache 1", "3_e1", b"1" * 1000)
    clock.advance(minutes=1)
    second, sha2 = _cache_photo(desk, clock, "@AytoJun bache 2", "3_e2", b"2" * 1000, 1)
    clock.advance(minutes=1)
    third, sha3 = _cache_photo(desk, clock, "@AytoJun bache 3", "3_e3", b"3" * 1000, 2)
    desk.tickets.create_from_item(ana, first, department="obras")  # open: never evicted
    assert desk.media.cache_bytes() == 3000
    gone = desk.media.evict()
    assert (gone.files, gone.bytes) == (1, 1000)
    # evicted: not downloaded again by itself (the cache would only fill again) ...
    assert desk.media.due() == []
    states = {i: desk.media.for_items([i])[i][0].state for i in (first, second, third)}
    assert states == {first: MediaState.CACHED, second: MediaState.PENDING,
                      third: MediaState.CACHED}
    assert not desk.media.cache.path_for(sha2).exists()
    assert desk.media.cache.path_for(sha1).exists() and desk.media.cache.path_for(sha3).exists()
    # ... but once the window has shown it (just above)
    assert [j.url for j in desk.media.due()] == ["https://pbs.twimg.com/media/3_e2.jpg"]
    assert desk.media.evict().files == 0


def test_erasure_deletes_the_photos_rows_and_files(desk: Desk, tmp_path: Path, clock,
                                                   people) -> None:  # type: ignore[no-untyped-def]
    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    ana = people["ana"]
    item_id, sha = _cache_photo(desk, clock, "@AytoJun contenedor roto", "3_er",
                                b"\xff\xd8 photo of a bin")
    ticket = desk.tickets.create_from_item(ana, item_id, department="limpieza")
    desk.tickets.resolve(ana, ticket.id)
    exported = desk.rights.export(ana, "@vecina_maria")
    (row,) = exported.sections["media"]
    assert row["sha256"] == sha and row["location_kept"] is False
    assert "gps_lat" not in row and "gps_lon" not in row
    report = desk.rights.erase(ana, "@vecina_maria", key=b"k" * 32, confirmed=True)
    assert report.scrubbed.media == 1
    assert desk.media.for_items([item_id]) == {}
    assert not desk.media.cache.path_for(sha).exists() and desk.media.cache.files() == []


def test_exports_carry_the_media_links_never_the_position(desk: Desk, tmp_path: Path, clock,
                                                          people) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io
    import json

    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    ana = people["ana"]
    item_id, sha = _cache_photo(desk, clock, "@AytoJun farola caída", "3_ex", b"photo")
    ticket = desk.tickets.create_from_item(ana, item_id, department="obras")
    (row,) = list(csv.DictReader(io.StringIO(desk.export.csv_text())))
    assert row["id"] == str(ticket.id)
    assert row["media_urls"] == "https://pbs.twimg.com/media/3_ex.jpg"
    assert row["media_files"] == str(desk.media.cache.path_for(sha))
    (published,) = json.loads(desk.export.open311_json(media_base="https://datos.jun.es/fotos/"))
    assert published["media_url"] == f"https://datos.jun.es/fotos/{sha}.bin"  # not an image
    assert published["lat"] is None and published["long"] is None
    assert json.loads(desk.export.open311_json())[0]["media_url"] is None
    assert desk.export.published_photos() == [(desk.media.cache.path_for(sha), f"{sha}.bin")]


def test_a_round_tells_the_window_and_each_ticket_it_touched(desk: Desk, tmp_path: Path,
                                                             clock, people) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.domain.actions import Changes, Event, Kind

    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    item = photo_item("@AytoJun un árbol caído en el parque", "3_t1", "3_t2")
    item_id = _store(desk, item)[item.x_id]
    ticket = desk.tickets.create_from_item(people["ana"], item_id, department="obras")
    first, second = desk.media.due()
    desk.media.stored([first.media_id, second.media_id], cached=1, failed=0, refused=1)
    events = [e for e in desk.audit.latest(10) if e.action == "media.stored"]
    assert {e.ticket_id for e in events} == {ticket.id, None}
    seen = Changes(tuple(Event(e.id, e.action, e.ticket_id) for e in events))
    assert seen.touches(Kind.MEDIA) and seen.tickets == {ticket.id}
    desk.media.stored([], 0, 0, 0)  # nothing happened: nothing recorded
    assert len([e for e in desk.audit.latest(10) if e.action == "media.stored"]) == 2


def test_hostile_alt_text_is_stored_clean(desk: Desk, tmp_path: Path) -> None:
    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    item = mention("@AytoJun foto")
    ref = MediaRef("3_h", MediaKind.PHOTO, url="https://pbs.twimg.com/media/h.jpg",
                   alt_text="nul\x00 y \ud800 " + "x" * 3000)
    item = replace(item, media=(ref,), raw={**(item.raw or {}),
                                            "attachments": {"media_keys": ["3_h"]}})
    item_id = _store(desk, item)[item.x_id]
    (view,) = desk.media.for_items([item_id])[item_id]
    assert view.ref.alt_text is not None and "\x00" not in view.ref.alt_text
    assert len(view.ref.alt_text) == 1000


def test_the_cache_is_its_user_s_alone(tmp_path: Path) -> None:
    import os
    import stat

    from jun_desk.services.media_cache import MediaCache

    old = os.umask(0o022)
    try:
        cache = MediaCache(tmp_path / "data" / "media")
        _sha, path = cache.put(b"a citizen's photo")
    finally:
        os.umask(old)
    for folder in (tmp_path / "data", tmp_path / "data" / "media", path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
