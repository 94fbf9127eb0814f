"""The photo viewer, offscreen, with real image files: it opens and closes (keys too),
moves between photos, zooms, saves without the photo's EXIF, opens X and the map through
Qt's URL handlers, and shows a placeholder for what cannot be shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage, QImageReader

from jun_desk.domain.media import MediaKind, MediaState
from jun_desk.ui.media.viewer import MediaViewer, map_link
from tests.ui.media_files import view_of, write_bomb, write_broken, write_photo


class _Opened(QObject):
    """Receives what the desk asks the system to open (QDesktopServices.setUrlHandler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def _viewer(qtbot, views, start: int = 0) -> MediaViewer:  # type: ignore[no-untyped-def]
    viewer = MediaViewer(views, start)
    qtbot.addWidget(viewer)
    if viewer.current is not None and not viewer.current.showable:
        viewer.show()  # its placeholder was there at once
        return viewer
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        viewer.show()
    return viewer


def test_the_viewer_shows_moves_zooms_and_closes_with_escape(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    views = [view_of(write_photo(tmp_path / "bache.jpg", 1200, 900), "1_a",
                     alt="Un bache lleno de agua"),
             view_of(write_photo(tmp_path / "farola.png", 800, 600, fmt="PNG"), "1_b")]
    viewer = _viewer(qtbot, views)
    assert viewer.decoded is not None and viewer.decoded.image is not None
    assert viewer.decoded.image.size() == QSize(1200, 900)
    assert "Un bache lleno de agua" in viewer.alt.text() and viewer.alt.isVisible()
    assert viewer.counter.text().startswith("Foto 1 de 2")
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.position == 1 and viewer.decoded.image.size() == QSize(800, 600)
    assert not viewer.alt.isVisible()
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.position == 0
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    first = viewer.zoom
    assert first is not None
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.zoom is not None and viewer.zoom > first
    assert viewer.canvas.width() == round(1200 * viewer.zoom)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert abs(viewer.zoom - first) < 1e-9
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.zoom is None and viewer.scroller.widgetResizable()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_save_as_writes_the_photo_without_its_exif(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    viewer = _viewer(qtbot, [view_of(write_photo(tmp_path / "cache" / "ab.jpg"), "2_a")])
    target = tmp_path / "guardada.jpg"
    viewer.save_to(target)
    qtbot.waitUntil(lambda: "Guardada" in viewer.status.text(), timeout=10_000)
    reader = QImageReader(str(target))
    assert reader.size() == QSize(1200, 900)
    assert not reader.read().isNull()
    viewer.close()


def test_open_on_x_and_the_map_go_through_the_system(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = _Opened()
    QDesktopServices.setUrlHandler("https", opened, "open")
    try:
        view = view_of(write_photo(tmp_path / "c.jpg"), "3_a", location=(40.41678, -3.70379),
                       x_link="https://x.com/vecina/status/33")
        viewer = _viewer(qtbot, [view])
        assert "40.41678" in viewer.links.text() and "abrir en mapa" in viewer.links.text()
        qtbot.keyClick(viewer, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        viewer.links.linkActivated.emit(map_link((40.41678, -3.70379)))
        assert opened.urls[0] == "https://x.com/vecina/status/33"
        assert opened.urls[1].startswith("https://www.openstreetmap.org/?mlat=40.416780")
        viewer.close()
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_a_video_shows_its_preview_and_a_link_to_x(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = view_of(write_photo(tmp_path / "v.jpg", 640, 360), "7_v", kind=MediaKind.VIDEO)
    viewer = _viewer(qtbot, [view])
    assert "vídeo" in viewer.counter.text()
    assert "ver en X" in viewer.links.text()
    assert viewer.decoded is not None and viewer.decoded.image is not None
    viewer.close()


def test_what_cannot_be_shown_is_a_placeholder_without_freezing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    views = [view_of(write_bomb(tmp_path / "bomba.png"), "9_a"),
             view_of(write_broken(tmp_path / "roto.jpg"), "9_b"),
             view_of(None, "9_c", state=MediaState.PENDING),
             view_of(None, "9_d", state=MediaState.FAILED, reason="X answered 404")]
    viewer = _viewer(qtbot, views)
    for position in range(4):
        if position:
            with qtbot.waitSignal(viewer.shown, timeout=10_000):
                viewer.next()
        image = viewer.canvas.image
        assert isinstance(image, QImage) and image.size() == QSize(480, 360), position
        assert not viewer.buttons["save"].isEnabled()
    assert viewer.status.text() == "X answered 404"  # the reason, as stored (not a code)
    viewer.close()
    english = "Too large to show safely (100000 x 100000 pixels)"
    refused = _viewer(qtbot, [view_of(None, "9_e", state=MediaState.REFUSED, reason=english)])
    assert refused.status.text() and refused.status.text() != english  # said in Spanish
    assert "100000" in refused.status.text()
    refused.close()


def test_the_wheel_zooms_and_shift_wheel_scrolls(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewer = _viewer(qtbot, [view_of(write_photo(tmp_path / "w.jpg", 2400, 1800), "6_w")])

    def wheel(steps: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        centre = QPointF(viewer.scroller.viewport().rect().center())
        event = QWheelEvent(centre, QPointF(viewer.scroller.viewport().mapToGlobal(
            centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
            modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewer.scroller.viewport(), event)

    assert viewer.zoom is None
    wheel(1)
    zoomed = viewer.zoom
    assert zoomed is not None
    wheel(1)
    assert viewer.zoom is not None and viewer.zoom > zoomed
    wheel(-1)
    assert viewer.zoom is not None and abs(viewer.zoom - zoomed) < 1e-9
    wheel(-1, Qt.KeyboardModifier.ShiftModifier)  # scrolls: the zoom stays
    assert viewer.zoom is not None and abs(viewer.zoom - zoomed) < 1e-9
    viewer.close()
