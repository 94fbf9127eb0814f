"""The ticket pane shows each message's photos under it (real media service, real image
files in its cache); a click, or Tab and Enter, opens the viewer; Escape closes it. The
photo's place is shown to obras staff only, as the media service decides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl

from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.detail.panel import DetailPanel
from jun_desk.ui.media.thread_photos import SCHEME_THUMB
from jun_desk.ui.media.viewer import MediaViewer
from tests.ui.media_desk import download_all, photo_item, store, with_cache


def _images(panel) -> list[str]:  # type: ignore[no-untyped-def]
    """The image names in the conversation's laid-out document."""
    doc = panel.thread_view.document()
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return found


def _pane_with_photos(qtbot, desk: Desk, people, tmp_path: Path, *, actor="luis",  # type: ignore[no-untyped-def]
                      broken: frozenset[str] = frozenset()):
    with_cache(desk, tmp_path)
    item = photo_item("@AytoJun hay un bache enorme en la calle Real", ["4_a", "4_b"])
    ids = store(desk, [item])
    download_all(desk, tmp_path, broken=set(broken), location=(42.12345, -3.70001))
    ticket = desk.tickets.create_from_item(people["ana"], ids[item.x_id], department="obras")
    panel = DetailPanel(UiContext(desk, people[actor], account="AytoJun"))
    qtbot.addWidget(panel)
    panel.resize(600, 700)
    panel.show()
    panel.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: len(_images(panel)) == 2
                    and all(n.endswith(("/ok", "/failed")) for n in _images(panel)),
                    timeout=10_000)
    return panel, ids[item.x_id]


def test_the_ticket_pane_shows_the_photos_and_opens_the_viewer(qtbot, desk: Desk, people,
                                                               tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel, item_id = _pane_with_photos(qtbot, desk, people, tmp_path)
    assert _images(panel) == [f"{SCHEME_THUMB}:{item_id}/0/ok", f"{SCHEME_THUMB}:{item_id}/1/ok"]
    image = panel.thread_view.document().resource(
        panel.thread_view.document().ResourceType.ImageResource.value,
        QUrl(f"{SCHEME_THUMB}:{item_id}/0/ok"))
    assert image is not None and image.width() == 160  # the decoded thumbnail
    assert "Foto 1: Bache en la calle Real" in panel.thread_view.toPlainText()
    # The keyboard: Tab reaches the first photo's link, Enter opens it.
    panel.thread_view.setFocus()
    qtbot.keyClick(panel.thread_view, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.thread_view, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.thread_view, Qt.Key.Key_Return)
    viewer = panel.findChild(MediaViewer)
    assert viewer is not None and viewer.isVisible()
    assert viewer.position == 1
    qtbot.waitUntil(lambda: viewer.decoded is not None, timeout=10_000)
    assert viewer.decoded is not None and viewer.decoded.ok
    # luis serves obras: the photo's place is his to see
    assert "42.12345" in viewer.links.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    panel.thread_view.anchorClicked.emit(QUrl(f"jun-media:{item_id}/0"))
    second = [v for v in panel.findChildren(MediaViewer) if v.isVisible()]
    assert len(second) == 1 and second[0].position == 0
    second[0].close()
    panel.ui.wait()


def test_a_broken_photo_is_a_placeholder_in_the_conversation(qtbot, desk: Desk, people,
                                                            tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel, item_id = _pane_with_photos(qtbot, desk, people, tmp_path,
                                       broken=frozenset({"4_b"}))
    assert _images(panel) == [f"{SCHEME_THUMB}:{item_id}/0/ok",
                              f"{SCHEME_THUMB}:{item_id}/1/failed"]
    panel.ui.wait()


def test_links_that_are_not_the_desks_photos_open_nothing(qtbot, desk: Desk, people,
                                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel, item_id = _pane_with_photos(qtbot, desk, people, tmp_path)
    for url in ("https://evil.example/x.jpg", f"jun-media:{item_id}/9", "jun-media:abc/0"):
        panel.thread_view.anchorClicked.emit(QUrl(url))
    assert not [v for v in panel.findChildren(MediaViewer) if v.isVisible()]
    assert panel.thread_view.loadResource(
        panel.thread_view.document().ResourceType.ImageResource.value,
        QUrl("https://evil.example/x.jpg")).isNull()
    panel.ui.wait()
