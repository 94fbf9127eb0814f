"""Menú escolar desde CSV…: a canteen's CSV (or a spreadsheet's CSV export) read into the
thread the town posts — the heading, the days, the allergen legend — shown as X would
show each post (the text escaped, its length against X's limit), or the error that names
the line and the field. The announcement editor hosts it and takes ``posts()``."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jun_desk.domain.announcement_templates import decode_menu_file, lunch_menu_posts
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.tweet_length import MAX_WEIGHTED_LENGTH, weighted_length
from jun_desk.ui.context import UiContext, describe
from jun_desk.ui.file_dialogs import ask_file
from jun_desk.ui.operations import Query
from jun_desk.ui.text_render import tweet_html

MAX_FILE = 1_000_000  # a week's menu is a few hundred bytes; a month's a few thousand


def read_menu_posts(path: Path, language: str) -> list[str]:
    """The thread of the menu in ``path`` (on a worker: it reads the disk)."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE + 1)
    except OSError as err:
        raise ValidationError.of("menu.file_unreadable", path=path.name,
                                 detail=err.strerror or type(err).__name__) from None
    if len(data) > MAX_FILE:
        raise ValidationError.of("menu.file_too_large", path=path.name, limit=MAX_FILE)
    return lunch_menu_posts(decode_menu_file(data), language=language)


class MenuCsvDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None, *,
                 start_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.start_folder = start_folder
        self.path: Path | None = None
        self._posts: list[str] = []
        self.setWindowTitle(self.tr("Menú escolar desde CSV"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Un CSV o la exportación CSV de una hoja de cálculo, con las columnas día o "
            "fecha, primer plato, segundo plato, postre y alérgenos (números 1-14 o sus "
            "nombres). Se convierte en un hilo: el título, los días y la leyenda de "
            "alérgenos."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Elegir archivo…"), self)
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        self.file_label = QLabel(self.tr("Ningún archivo elegido"), self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.file_label, 1)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Idioma del hilo"))
        self.language.addItem(self.tr("En español"), "es")
        self.language.addItem(self.tr("En inglés"), "en")
        self.language.currentIndexChanged.connect(lambda _i: self.reload())
        row.addWidget(self.language)
        layout.addLayout(row)
        self.problem = QLabel("", self)
        self.problem.setObjectName("menu-problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Vista previa del hilo"))
        self.preview.setOpenLinks(False)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(self)
        self.use_button = self.buttons.addButton(self.tr("Usar este hilo"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

    def posts(self) -> list[str]:
        """The thread's posts, in order (empty until a menu was read without errors)."""
        return list(self._posts)

    def ask_path(self) -> str | None:
        """The CSV to read; None: cancelled (the desk's file dialog)."""
        return ask_file(self, self.tr("Elegir el menú escolar"),
                        self.start_folder or Path.home(),
                        self.tr("CSV (*.csv *.txt);;Todos los archivos (*)"), self.tr("Abrir"))

    def choose(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read the menu in ``path`` (on the pool) and show its thread or its error."""
        self.path = path
        self.start_folder = path.parent
        self.file_label.setText(path.name)
        self.reload()

    def reload(self) -> None:
        if self.path is None:
            return
        path, language = self.path, str(self.language.currentData())
        self._posts = []
        self.use_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        Query(self.ui, lambda: read_menu_posts(path, language)).success(
            self._show).failure(self._failed).quietly().run()

    def _show(self, posts: list[str]) -> None:
        self.choose_button.setEnabled(True)
        self._posts = posts
        self.problem.hide()
        self.preview.setHtml(self._html(posts))
        self.use_button.setEnabled(bool(posts))

    def _failed(self, err: Exception) -> None:
        self.choose_button.setEnabled(True)
        self._posts = []
        self.preview.clear()
        self.problem.setText(describe(err))
        self.problem.show()
        self.use_button.setEnabled(False)

    def _html(self, posts: list[str]) -> str:
        parts = []
        total = len(posts)
        for number, post in enumerate(posts, start=1):
            length = weighted_length(post)
            head = self.tr("Publicación %d de %d · %d/%d") % (number, total, length,
                                                             MAX_WEIGHTED_LENGTH)
            body = tweet_html(post).replace("\n", "<br>")
            parts.append(f'<p style="color:#555;margin-top:8px">{html.escape(head)}</p>'
                         '<table border="1" cellpadding="6" cellspacing="0" width="100%" '
                         f'style="border-color:#ccc"><tr><td>{body}</td></tr></table>')
        summary = html.escape(self.tr("Un hilo de %d publicaciones") % total)
        return f"<p><b>{summary}</b></p>" + "".join(parts)
