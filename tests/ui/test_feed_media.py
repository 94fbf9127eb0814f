"""Photos in the feed, with the real media service and real image files in its cache:
the first photo's thumbnail under the text, +N, a placeholder for what cannot be shown;
media read for the rows on screen only; a click on the thumbnail opens the viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from jun_desk.domain.media import MediaState
from jun_desk.services.desk import Desk
from jun_desk.ui.context import UiContext
from jun_desk.ui.feed.delegate import THUMB
from jun_desk.ui.feed.panel import FeedPanel
from jun_desk.ui.media.viewer import MediaViewer
from tests.ui.media_desk import download_all, photo_item, store, with_cache


def _panel(qtbot, desk: Desk, actor) -> FeedPanel:  # type: ignore[no-untyped-def]
    panel = FeedPanel(UiContext(desk, actor))
    qtbot.addWidget(panel)
    panel.resize(520, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _thumb_box(panel: FeedPanel, row: int):  # type: ignore[no-untyped-def]
    delegate = panel.view.itemDelegate()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(panel.view)
    option.rect = panel.view.visualRect(panel.model.index(row))
    return delegate._thumb_rect(panel.model.item(row), option)


def _settled(panel: FeedPanel, rows: range) -> bool:
    """Every row's media read and its thumbnail decoded."""
    thumbs = panel.ui.thumbnails
    for row in rows:
        media = panel.model.media_of(panel.model.item(row).id)
        if media is None:
            return False
        first = media[0]
        if first.showable and first.path is not None and thumbs.get(first.path, THUMB) is None:
            return False
    return True


def test_the_feed_shows_the_first_photo_with_the_count_of_the_others(
        qtbot, desk: Desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_cache(desk, tmp_path)
    store(desk, [photo_item("@AytoJun mirad el bache de la calle Real", ["1_a", "1_b", "1_c"]),
                 photo_item("@AytoJun contenedor roto", ["2_a"], minutes=1)])
    assert download_all(desk, tmp_path) == 4
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: _settled(panel, range(2)), timeout=10_000)
    panel.ui.wait()
    qtbot.wait(50)
    row = next(r for r in range(2) if panel.model.item(r).media_count == 3)
    media = panel.model.media_of(panel.model.item(row).id)
    assert media is not None and [v.state for v in media] == [MediaState.CACHED] * 3
    # a screen reader hears of them too (the item's description)
    assert "Fotos y vídeos: 3" in panel.model.index(row).data(Qt.ItemDataRole.ToolTipRole)
    box = _thumb_box(panel, row)
    shot = panel.view.viewport().grab().toImage()
    # The photo's sky, painted in the thumbnail's top-left corner: a decoded image.
    sky = QColor(shot.pixel(int(box.left()) + 6, int(box.top()) + 6))
    assert abs(sky.red() - 0x9e) < 24 and abs(sky.blue() - 0xe8) < 24, sky.name()


def test_media_are_read_for_the_rows_on_screen_only(qtbot, desk: Desk, people,
                                                     tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_cache(desk, tmp_path)
    store(desk, [photo_item(f"@AytoJun farola {n} apagada", [f"{n}_p"], minutes=n)
                 for n in range(40)])
    download_all(desk, tmp_path)
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 40, timeout=5000)
    qtbot.waitUntil(lambda: bool(panel._media_asked) and not panel._media_wanted,
                    timeout=5000)
    panel.ui.wait()
    on_screen = {panel.model.item(r).id for r in range(40)
                 if panel.view.visualRect(panel.model.index(r)).intersects(
                     panel.view.viewport().rect())}
    assert panel._media_asked <= on_screen and len(on_screen) < 10
    assert len(panel.ui.thumbnails) <= len(on_screen)
    panel.view.scrollToBottom()
    bottom = panel.model.item(39).id
    qtbot.waitUntil(lambda: panel.model.media_of(bottom) is not None, timeout=5000)
    panel.ui.wait()


def test_broken_and_huge_images_and_waiting_ones_give_placeholders(
        qtbot, desk: Desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_cache(desk, tmp_path)
    ids = store(desk, [photo_item("@AytoJun foto rota", ["5_broken"]),
                       photo_item("@AytoJun foto enorme", ["6_bomb"], minutes=1),
                       photo_item("@AytoJun foto que no llega", ["7_wait"], minutes=2)])
    download_all(desk, tmp_path, broken={"5_broken"}, bombs={"6_bomb"}, leave={"7_wait"})
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: _settled(panel, range(3)), timeout=10_000)
    panel.ui.wait()
    thumbs = panel.ui.thumbnails
    states = {}
    for x_id, item_id in ids.items():
        (view,) = panel.model.media_of(item_id) or ()
        decoded = thumbs.get(view.path, THUMB) if view.path is not None else None
        failure = None if decoded is None or decoded.failure is None else decoded.failure.value
        states[x_id] = (view.state.value, failure)
    assert sorted(states.values(), key=str) == sorted(
        [("cached", "broken"), ("cached", "too_large"), ("pending", None)], key=str)
    assert not panel.grab().isNull()  # painted, placeholders and all


def test_a_click_on_the_thumbnail_opens_the_viewer_and_escape_closes_it(
        qtbot, desk: Desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_cache(desk, tmp_path)
    store(desk, [photo_item("@AytoJun mirad", ["8_a", "8_b"])])
    download_all(desk, tmp_path)
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: _settled(panel, range(1)), timeout=10_000)
    box = _thumb_box(panel, 0)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(int(box.center().x()), int(box.center().y())))
    viewer = panel.findChild(MediaViewer)
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.decoded is not None, timeout=10_000)
    assert viewer.counter.text().startswith("Foto 1 de 2")
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    # The keyboard: the chosen message's photos with Ctrl+Shift+V.
    panel.activateWindow()  # back from the dialog, as a window manager does
    qtbot.waitUntil(panel.isActiveWindow, timeout=5000)
    panel.select_row(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    opened = [v for v in panel.findChildren(MediaViewer) if v.isVisible()]
    assert len(opened) == 1 and opened[0].position == 0
    qtbot.waitUntil(lambda: opened[0].decoded is not None, timeout=10_000)
    qtbot.keyClick(opened[0], Qt.Key.Key_Escape)
    assert not opened[0].isVisible()
    panel.ui.wait()


def test_a_photo_downloaded_after_it_was_shown_replaces_its_placeholder(
        qtbot, desk: Desk, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The sync's media round stores the photo and says so (Kind.MEDIA): the feed and the
    ticket pane read it again, and the thumbnail takes the placeholder's place."""
    from jun_desk.domain.actions import Changes, Event
    from jun_desk.ui.detail.panel import DetailPanel
    from tests.ui.test_ticket_photos import _images

    with_cache(desk, tmp_path)
    item = photo_item("@AytoJun la rama sigue en la acera", ["9_late"])
    ids = store(desk, [item])
    panel = _panel(qtbot, desk, people["rosa"])
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    item_id = ids[item.x_id]
    qtbot.waitUntil(lambda: panel.model.media_of(item_id) is not None, timeout=5000)
    assert [v.state for v in panel.model.media_of(item_id) or ()] == [MediaState.PENDING]
    ticket = desk.tickets.create_from_item(people["ana"], item_id, department="limpieza")
    pane = DetailPanel(panel.ui)
    qtbot.addWidget(pane)
    pane.show()
    panel.ui.ticket_chosen.emit(ticket.id)
    qtbot.waitUntil(lambda: _images(pane) == [f"jun-thumb:{item_id}/0/none"], timeout=5000)
    panel.ui.wait()
    assert download_all(desk, tmp_path) == 1
    panel.ui.apply_changes(Changes(events=(Event(10**9, "media.stored"),)))
    qtbot.waitUntil(lambda: _settled(panel, range(1)) and [
        v.state for v in panel.model.media_of(item_id) or ()] == [MediaState.CACHED],
        timeout=10_000)
    qtbot.waitUntil(lambda: _images(pane) == [f"jun-thumb:{item_id}/0/ok"], timeout=10_000)
    panel.ui.wait()
