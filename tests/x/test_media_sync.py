"""Citizens' photos over a sandbox day (issue 29): the sync caches every photo once as a
valid image, refuses the broken, the bomb and the oversized file, fetches a DM's photo with
the account's signature, and fetches nothing from anywhere but X's media hosts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QImageReader
from sqlalchemy import select

from jun_desk.domain.media import MediaState
from jun_desk.domain.media_settings import MediaSettings
from jun_desk.services.desk import Desk
from jun_desk.store.models import ItemMedia, TicketItem
from jun_desk.x.client import XClient
from jun_desk.x.media import MediaFetcher, MediaRefused, media_address
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine


def decodes(path: Path) -> bool:
    """Qt's own reader decodes it whole (what the window will do)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(path.read_bytes()))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    return not reader.read().isNull()


def media_rows(desk: Desk) -> list[tuple[ItemMedia, str]]:
    with desk.db.session(readonly=True) as session:
        rows = session.execute(select(ItemMedia, TicketItem.source)
                               .join(TicketItem, TicketItem.id == ItemMedia.item_id)).all()
        session.expunge_all()
        return [(m, s) for m, s in rows]


@pytest.fixture
def cache(desk: Desk, tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    desk.media.configure(MediaSettings(folder=folder))
    return folder


def test_a_sandbox_day_caches_every_photo_once(desk: Desk, client: XClient, sandbox: Sandbox,
                                               cache: Path) -> None:
    report = SyncEngine(desk, client, page_size=100).sync_once()
    rows = media_rows(desk)
    keys = {k for t in sandbox.state.visible_tweets() for k in t.media_keys} | \
        {k for d in sandbox.state.visible_dms() for k in d.media_keys}
    assert {m.media_key for m, _ in rows} == keys and len(rows) == len(keys) >= 8
    states = {m.media_key: m for m, _ in rows}
    refused = {k: m.reason for k, m in states.items() if m.state == MediaState.REFUSED}
    assert sorted(refused.values()) == [
        "A JPEG file cut short", "Larger than 15 MB",
        "Too large to show safely (20000 x 20000 pixels)"]
    cached = [m for m in states.values() if m.state == MediaState.CACHED]
    assert len(cached) == len(keys) - 3 and report.media is not None
    assert (report.media.cached, report.media.refused, report.media.failed) == (
        len(cached), 3, 0)
    files = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(files) == len({m.sha256 for m in cached})  # once each, no half file
    for path in files:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name
        assert decodes(path), path
    # the DM's photo came through its OAuth-signed address; the GIF's preview is a GIF
    assert any(m.dm and m.state == MediaState.CACHED for m in states.values())
    assert any(m.kind == "animated_gif" and m.state == MediaState.CACHED
               for m in states.values())
    located = [m for m in cached if m.gps_lat is not None]
    assert [(m.gps_lat, m.gps_lon) for m in located] == [(37.2203, -3.7372)]
    assert any(m.alt_text for m in cached)
    # a second poll downloads nothing again
    before = sandbox.state.stats.media_requests
    again = SyncEngine(desk, client).sync_once()
    assert again.media is not None and again.media.cached == 0
    assert sandbox.state.stats.media_requests == before


def test_a_dm_that_says_it_sends_a_photo_brings_one(desk: Desk, client: XClient,
                                                    cache: Path) -> None:
    """"Os paso foto del bache…" (the first screen of the sandbox's window shows it) comes
    with its photo, downloaded and shown like any other."""
    SyncEngine(desk, client, page_size=100).sync_once()
    said = [i for i in desk.search.feed(limit=5000, kinds=("dm_in",))
            if i.text.startswith("Os paso foto")]
    assert len(said) >= 3
    media = desk.media.for_items([i.id for i in said])
    assert [i.media_count for i in said] == [1] * len(said)
    assert all(media[i.id][0].state is MediaState.CACHED for i in said)


def test_a_dm_photo_needs_the_signature(sandbox: Sandbox, client: XClient) -> None:
    key = next(k for d in sandbox.state.visible_dms() for k in d.media_keys)
    url = sandbox.state.media.image_url(key)
    assert url is not None and url.startswith("https://ton.twitter.com/")
    address = media_address(url, sandbox.base_url)
    assert requests.get(address, timeout=5).status_code == 401
    fetcher = MediaFetcher.like(client)
    assert fetcher.fetch(url, dm=True).startswith(b"\xff\xd8")


@pytest.mark.parametrize("url", [
    "http://pbs.twimg.com/media/a.jpg",  # not https
    "https://evil.example/media/a.jpg",
    "https://pbs.twimg.com.evil.example/a.jpg",
    "https://user@pbs.twimg.com/a.jpg",
    "https://pbs.twimg.com:8443/a.jpg",
    "file:///etc/passwd",
    "https://127.0.0.1/media/a.jpg",
])
def test_only_x_media_hosts_are_asked(url: str) -> None:
    with pytest.raises(MediaRefused):
        media_address(url)


def test_failures_are_retried_and_never_block_the_sync(desk: Desk, sandbox: Sandbox,
                                                        client: XClient, cache: Path,
                                                        clock) -> None:  # type: ignore[no-untyped-def]
    fetcher = MediaFetcher.like(client)
    fetcher.sandbox_base = "http://127.0.0.1:9"  # nothing listens there: connection refused
    engine = SyncEngine(desk, client, media=True)
    assert engine.media is not None
    engine.media.fetcher = fetcher
    report = engine.sync_once()
    assert report.inserted > 0 and report.media is not None
    assert report.media.failed > 0 and report.media.cached == 0
    failed = [m for m, _ in media_rows(desk) if m.state == MediaState.FAILED]
    assert failed and all(m.reason == "The download failed (ConnectionError)" for m in failed)
    clock.advance(minutes=1)
    engine.media.fetcher = MediaFetcher.like(client)
    assert engine.sync_once().media.cached > 0  # type: ignore[union-attr]


def test_photos_whose_files_are_gone_are_downloaded_again(desk: Desk, client: XClient,
                                                          sandbox: Sandbox,
                                                          cache: Path) -> None:
    """After a restore (the backup holds the rows, not the files) or a cache emptied by hand."""
    first = SyncEngine(desk, client).sync_once().media
    assert first is not None and first.cached >= 5
    import shutil

    shutil.rmtree(cache)
    again = SyncEngine(desk, client).sync_once().media  # a new run of the desk
    assert again is not None and again.missing == first.cached
    assert again.cached == first.cached and again.refused == 0
    assert all(decodes(p) for p in cache.rglob("*") if p.is_file())


def test_a_round_keeps_to_its_time(desk: Desk, client: XClient, sandbox: Sandbox,
                                   cache: Path) -> None:
    from jun_desk.x.media import MediaDownloader

    ticks = iter(range(1000))
    SyncEngine(desk, client, media=False).sync_once()
    downloader = MediaDownloader(desk, MediaFetcher.like(client), seconds=3.5,
                                 monotonic=lambda: float(next(ticks)))
    done = downloader.run()  # the clock: 0 (until 3.5), 1 the loop, 2 and 3 two jobs, 4 stops
    assert done.cached + done.refused + done.failed == 2
    assert len(desk.media.due()) > 0  # the rest waits for the next poll


def test_what_x_says_of_media_is_read_warily() -> None:
    from jun_desk.domain.media import MediaKind
    from jun_desk.x.client import media_refs

    found = media_refs({"media": [
        {"media_key": "3_1", "type": "photo", "url": "https://pbs.twimg.com/media/a.jpg",
         "alt_text": "un bache\x00", "width": 800, "height": True},
        {"media_key": "3_\x00", "type": "photo", "url": "https://pbs.twimg.com/b.jpg"},
        {"media_key": "7_2", "type": "video", "preview_image_url": "https://x y/z.jpg"},
        {"media_key": "99_3", "type": "hologram"}, "not an object", {"type": "photo"},
    ]})
    assert set(found) == {"3_1", "7_2", "99_3"}
    photo = found["3_1"]
    assert (photo.width, photo.height, photo.alt_text) == (800, None, "un bache\x00")
    assert found["7_2"].preview_image_url is None and found["7_2"].image_url is None
    assert found["99_3"].kind is MediaKind.OTHER
    assert media_refs(None) == {} and media_refs({"media": "no"}) == {}


def test_new_keys_sign_the_dm_photos_too(desk: Desk, sandbox: Sandbox, client: XClient,
                                         cache: Path) -> None:
    engine = SyncEngine(desk, client)
    assert engine.media is not None
    before = engine.media.fetcher
    engine.client = XClient(sandbox.credentials, api_base=sandbox.base_url)
    engine.renew_media_fetcher()
    assert engine.media.fetcher is not before
    key = next(k for d in sandbox.state.visible_dms() for k in d.media_keys)
    url = sandbox.state.media.image_url(key)
    assert url is not None and engine.media.fetcher.fetch(url, dm=True)[:2] == b"\xff\xd8"
    engine.client.close()
