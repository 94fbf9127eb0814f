"""A sandbox day's photos in the window: synced by the real sync (tweepy against the
sandbox, then the media round downloading X's image bytes into the cache), shown in the
feed and the ticket pane; what the sync refused (a JPEG cut short, a bomb, a 16 MB file)
is a placeholder that says so."""

from __future__ import annotations

import math
from pathlib import Path

from jun_desk.domain.media import MediaKind, MediaState
from jun_desk.domain.media_settings import MediaSettings
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.detail.panel import DetailPanel
from jun_desk.ui.feed.delegate import THUMB
from jun_desk.ui.feed.panel import FeedPanel
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine
from tests.ui.test_ticket_photos import _images


def test_a_sandbox_days_photos_in_the_feed_and_the_ticket(qtbot, desk: Desk, people,
                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
        try:
            SyncEngine(desk, client, page_size=100).sync_once()
        finally:
            client.close()
    items = [i for i in desk.search.feed(limit=5000) if i.media_count]
    media = desk.media.for_items([i.id for i in items])
    photo = next(i for i in items if media[i.id][0].state is MediaState.CACHED
                 and media[i.id][0].ref.kind is MediaKind.PHOTO)
    gif = next(i for i in items if media[i.id][0].ref.kind is MediaKind.ANIMATED_GIF)
    refused = [i for i in items if media[i.id][0].state is MediaState.REFUSED]
    assert len(refused) == 3

    panel = FeedPanel(UiContext(desk, people["rosa"]))
    qtbot.addWidget(panel)
    panel.resize(520, 1400)
    panel.show()
    qtbot.waitExposed(panel)
    shown = [photo, gif, *refused]
    panel.model.reset(desk.search.feed(ids=[i.id for i in shown], limit=len(shown)))
    thumbs = panel.ui.thumbnails

    def settled() -> bool:
        for item in shown:
            views = panel.model.media_of(item.id)
            if views is None:
                return False
            if views[0].showable and thumbs.get(views[0].path, THUMB) is None:
                return False
        return True

    qtbot.waitUntil(settled, timeout=15_000)
    for item in (photo, gif):
        (view, *_) = panel.model.media_of(item.id) or ()
        got = thumbs.get(view.path, THUMB)
        assert got is not None and got.image is not None, item.text  # decoded, whole
    for item in refused:
        (view,) = panel.model.media_of(item.id) or ()
        assert view.state is MediaState.REFUSED and view.path is None and view.reason
    assert not panel.grab().isNull()
    panel.ui.wait()

    ticket = desk.tickets.create_from_item(people["ana"], photo.id, department="obras")
    pane = DetailPanel(UiContext(desk, people["luis"], account="AytoJun"))
    qtbot.addWidget(pane)
    pane.resize(600, 700)
    pane.show()
    pane.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: bool(_images(pane)) and all(
        n.endswith("/ok") for n in _images(pane)), timeout=15_000)
    assert len(_images(pane)) == photo.media_count
    pane.ui.wait()


def test_a_dm_photo_from_the_sandbox_in_the_dm_thread(qtbot, desk: Desk, people,
                                                      tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The DM's photo (fetched with the account's OAuth signature) under its message in
    the DM thread; Enter on it opens the viewer."""
    from PySide6.QtCore import QUrl

    from jun_desk.ui.dms.panel import DmPanel
    from jun_desk.ui.media.viewer import MediaViewer

    desk.media.configure(MediaSettings(folder=tmp_path / "media"))
    with Sandbox(speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(2.0, 5.0))
        try:
            SyncEngine(desk, client, page_size=100).sync_once()
        finally:
            client.close()
    dms = [i for i in desk.search.feed(limit=5000, kinds=("dm_in",)) if i.media_count]
    assert dms
    dm = dms[0]
    assert desk.media.for_items([dm.id])[dm.id][0].state is MediaState.CACHED
    panel = DmPanel(UiContext(desk, people["rosa"], account="AytoJun"))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.row_of(dm.conversation_id or "") is not None,
                    timeout=10_000)
    panel.open_conversation(dm.conversation_id or "", clear_search=True)
    qtbot.waitUntil(lambda: any(n.endswith("/ok") for n in _images(panel)), timeout=15_000)
    panel.thread_view.anchorClicked.emit(QUrl(f"jun-media:{dm.id}/0"))
    viewer = panel.findChild(MediaViewer)
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.decoded is not None, timeout=10_000)
    assert viewer.decoded is not None and viewer.decoded.ok
    viewer.close()
    panel.ui.wait()
