"""A citizen's photos, full size: zoom (wheel, + and -, 0 to fit), the previous and the
next (arrows), save as (Ctrl+S), open on X (Ctrl+O); the alt text X gives; a video or GIF
as its preview image and a link to watch it on X; where the photo was taken, for the staff
who may see it, with a link to the map. Escape closes.

The image is decoded whole on the dialog's own pool thread, with the same limits as the
thumbnails; one that cannot be shown is a placeholder saying why."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImage,
    QImageWriter,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.media import MediaKind, MediaView
from jun_desk.ui.error_texts import render_stored
from jun_desk.ui.file_dialogs import ask_file
from jun_desk.ui.media.decode import Decoded, decode, failure_text, placeholder, state_text
from jun_desk.ui.workers import run_job

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


def map_link(location: tuple[float, float]) -> str:
    """The place on OpenStreetMap (the map a town's staff may open without an account)."""
    lat, lon = location
    return (f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}"
            f"#map=18/{lat:.6f}/{lon:.6f}")


class ImageCanvas(QWidget):
    """Paints the image scaled into its own rectangle (the scroll area sizes it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.fitted = True  # False: zoomed, the canvas sized to the zoomed image
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def fit_scale(self, room: QSize) -> float:
        if self.image is None or self.image.isNull():
            return 1.0
        return min(room.width() / self.image.width(), room.height() / self.image.height(), 1.0)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.image is None or self.image.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        if self.fitted:  # fitted: made smaller to fit, never blown up past its own size
            scale = min(scale, 1.0)
        width, height = self.image.width() * scale, self.image.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width,
                        height)
        painter.drawImage(target, self.image)
        painter.end()


class _Scroller(QScrollArea):
    """The wheel zooms (Shift+wheel scrolls, as in an image viewer)."""

    wheel_zoom = Signal(int)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        steps = event.angleDelta().y()
        if steps:
            self.wheel_zoom.emit(1 if steps > 0 else -1)
        event.accept()


class MediaViewer(QDialog):
    """``views`` of one message (or one ticket), starting at ``start``."""

    shown = Signal(int)  # the position shown (after its image is there or said missing)

    def __init__(self, views: list[MediaView], start: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Foto del vecino"))
        self.setObjectName("media-viewer")
        self.views = list(views)
        self.position = max(0, min(start, len(self.views) - 1))
        self.zoom: float | None = None  # None: fit to the window
        self.decoded: Decoded | None = None
        self._loads = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        layout = QVBoxLayout(self)
        self.counter = QLabel("", self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.counter)
        self.canvas = ImageCanvas()
        self.scroller = _Scroller(self)
        self.scroller.setWidget(self.canvas)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.setWidgetResizable(True)
        self.scroller.wheel_zoom.connect(lambda d: self.zoom_in() if d > 0 else self.zoom_out())
        self.scroller.setAccessibleName(self.tr("Imagen"))
        layout.addWidget(self.scroller, 1)
        self.alt = QLabel("", self)  # the citizen's words: plain text, never markup
        self.alt.setTextFormat(Qt.TextFormat.PlainText)
        self.alt.setWordWrap(True)
        self.alt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.alt)
        self.links = QLabel("", self)  # built by the desk from numbers and its own words
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setOpenExternalLinks(False)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                           | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.links.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        layout.addWidget(self.links)
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self._build_buttons(layout)
        self.resize(1000, 720)
        self.show_at(self.position)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, keys, slot in (
            ("previous", self.tr("◀ Anterior"), [QKeySequence(Qt.Key.Key_Left)], self.previous),
            ("next", self.tr("Siguiente ▶"), [QKeySequence(Qt.Key.Key_Right)], self.next),
            ("out", self.tr("Alejar"), [QKeySequence(Qt.Key.Key_Minus)], self.zoom_out),
            ("in", self.tr("Acercar"), [QKeySequence(Qt.Key.Key_Plus),
                                        QKeySequence(Qt.Key.Key_Equal)], self.zoom_in),
            ("fit", self.tr("Ajustar"), [QKeySequence(Qt.Key.Key_0)], self.fit),
            ("save", self.tr("Guardar como…"), [QKeySequence("Ctrl+S")], self.save_as),
            ("x", self.tr("Abrir en X"), [QKeySequence("Ctrl+O")], self.open_on_x),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            action = QAction(self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            self.addAction(action)
            shown = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            button.setToolTip(f"{text} ({shown})")
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QPushButton(self.tr("Cerrar"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        close.setToolTip(self.tr("Cerrar (Esc)"))
        row.addWidget(close)
        layout.addLayout(row)

    # ------------------------------------------------------------------ showing
    @property
    def current(self) -> MediaView | None:
        return self.views[self.position] if self.views else None

    def show_at(self, position: int) -> None:
        if not self.views:
            return
        self.position = position % len(self.views)
        view = self.views[self.position]
        self.counter.setText(self.tr("Foto %d de %d") % (self.position + 1, len(self.views))
                             + _kind_note(view))
        self.alt.setText(self.tr("Texto alternativo: %s") % view.ref.alt_text
                         if view.ref.alt_text else "")
        self.alt.setVisible(bool(view.ref.alt_text))
        self.links.setText(self._links(view))
        self.status.setText("")
        self.buttons["previous"].setEnabled(len(self.views) > 1)
        self.buttons["next"].setEnabled(len(self.views) > 1)
        self.buttons["x"].setEnabled(bool(view.x_link))
        self.buttons["save"].setEnabled(False)
        self.decoded = None
        self.zoom = None
        self._loads += 1
        load = self._loads
        if not view.showable or view.path is None:
            self._show_image(placeholder(480, 360, state_text(view)))
            if view.reason:  # why it failed or was refused, in the window's language
                self.status.setText(render_stored(view.reason))
            self.shown.emit(self.position)
            return
        self._show_image(None)
        self.status.setText(self.tr("Cargando…"))
        path = view.path
        run_job(self.pool, lambda: decode(path),
                lambda result: self._decoded(load, result),
                lambda _err: self._decoded(load, Decoded(None)))

    def _decoded(self, load: int, result: Decoded) -> None:
        if load != self._loads:  # the operator moved on meanwhile
            return
        self.decoded = result
        self.status.setText("")
        if result.image is None:
            self._show_image(placeholder(480, 360, failure_text(result.failure)))
        else:
            self._show_image(result.image)
            self.buttons["save"].setEnabled(True)
        self.shown.emit(self.position)

    def _show_image(self, image: QImage | None) -> None:
        self.canvas.set_image(image)
        self._apply_zoom()

    def _links(self, view: MediaView) -> str:
        parts = []
        if view.ref.kind in (MediaKind.VIDEO, MediaKind.ANIMATED_GIF, MediaKind.OTHER) \
                and view.x_link:
            see_on_x = html.escape(self.tr("ver en X"))
            parts.append(f'<a href="{html.escape(view.x_link)}">{see_on_x}</a>')
        if view.location is not None:
            lat, lon = view.location
            place = html.escape(self.tr("Ubicación de la foto: %s, %s")
                                % (f"{lat:.5f}", f"{lon:.5f}"))
            open_map = html.escape(self.tr("abrir en mapa"))
            parts.append(f'{place} · <a href="{html.escape(map_link(view.location))}">'
                         f'{open_map}</a>')
        return " &nbsp;·&nbsp; ".join(parts)

    # ------------------------------------------------------------------ moving, zooming
    def next(self) -> None:
        if len(self.views) > 1:
            self.show_at(self.position + 1)

    def previous(self) -> None:
        if len(self.views) > 1:
            self.show_at(self.position - 1)

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.zoom = None
        self._apply_zoom()

    def _zoom_by(self, factor: float) -> None:
        base = self.zoom if self.zoom is not None else \
            self.canvas.fit_scale(self.scroller.viewport().size())
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, base * factor))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        image = self.canvas.image
        self.canvas.fitted = self.zoom is None or image is None or image.isNull()
        if self.zoom is None or image is None or image.isNull():
            self.scroller.setWidgetResizable(True)
            self.canvas.update()
            return
        self.scroller.setWidgetResizable(False)
        self.canvas.resize(max(1, round(image.width() * self.zoom)),
                           max(1, round(image.height() * self.zoom)))

    # ------------------------------------------------------------------ saving, X
    def save_as(self) -> None:
        view = self.current
        if view is None or self.decoded is None or self.decoded.image is None:
            return
        target = self.ask_target(view)
        if target is not None:
            self.save_to(target)

    def ask_target(self, view: MediaView) -> Path | None:
        """Where to save the photo; None: cancelled (the desk's file dialog)."""
        suffix = "png" if view.path is not None and view.path.suffix.lower() == ".png" \
            else "jpg"
        chosen = ask_file(self, self.tr("Guardar la foto"),
                          Path.home() / f"{view.ref.media_key}.{suffix}",
                          self.tr("Imágenes (*.jpg *.jpeg *.png)"), self.tr("Guardar"),
                          save=True)
        return Path(chosen) if chosen is not None else None

    def save_to(self, target: Path) -> None:
        """Write the photo as shown, re-encoded on the pool: what the camera wrote beside
        it (EXIF, the place) stays in the desk."""
        image = self.decoded.image if self.decoded is not None else None
        if image is None:
            return
        fmt = "PNG" if target.suffix.lower() == ".png" else "JPEG"

        def write() -> bool:
            writer = QImageWriter(str(target), fmt.encode())
            writer.setQuality(95)
            return writer.write(image)

        self.status.setText(self.tr("Guardando…"))
        run_job(self.pool, write, lambda ok: self._saved(target, bool(ok)),
                lambda _err: self._saved(target, False))

    def _saved(self, target: Path, ok: bool) -> None:
        self.status.setText(self.tr("Guardada en %s") % target if ok
                            else self.tr("No se pudo guardar en %s") % target)

    def open_on_x(self) -> None:
        view = self.current
        if view is not None and view.x_link:
            QDesktopServices.openUrl(QUrl(view.x_link))

    def done(self, result: int) -> None:
        self._loads += 1  # a decoding still running is dropped when it ends
        self.pool.waitForDone(5000)
        super().done(result)


def _kind_note(view: MediaView) -> str:
    if view.ref.kind is MediaKind.VIDEO:
        return " · " + QCoreApplication.translate("MediaViewer", "vídeo (vista previa)")
    if view.ref.kind is MediaKind.ANIMATED_GIF:
        return " · " + QCoreApplication.translate("MediaViewer", "GIF animado (vista previa)")
    return ""
