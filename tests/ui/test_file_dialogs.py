"""The desk's file dialog (jun_desk/ui/file_dialogs.py), driven for real: Qt's own dialog
(non-native, as where the system has none) is found while it is open, read, and accepted or
cancelled."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel

from jun_desk.ui import i18n
from jun_desk.ui.file_dialogs import ask_file

LABELS = {  # what the dialog's labels and cancel button say in each language
    "es": ("Buscar en:", "Nombre del archivo:", "Tipo de archivo:", "Cancelar"),
    "en": ("Look in:", "File name:", "File type:", "Cancel"),
}


@pytest.fixture(autouse=True)
def _qt_own_dialog(qapp: QApplication) -> Iterator[None]:
    """Qt's own dialog, not the system's (which no test can drive)."""
    before = qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)


@pytest.fixture(params=["es", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "es")


class Seen:
    """What the open dialog showed: its modes, title, folder, labels and buttons."""

    def __init__(self, box: QFileDialog) -> None:
        self.title = box.windowTitle()
        self.accept_mode = box.acceptMode()
        self.file_mode = box.fileMode()
        self.folder = Path(box.directory().absolutePath())
        self.texts = {w.text() for w in box.findChildren(QLabel) if w.isVisible()}
        self.texts |= {w.text() for w in box.findChildren(QAbstractButton) if w.isVisible()}
        self.accept_word = box.labelText(QFileDialog.DialogLabel.Accept)


def answer(act: Callable[[QFileDialog], None]) -> list[Seen]:
    """Once the dialog ``ask_file`` opens is on screen: read it, then ``act`` on it."""
    seen: list[Seen] = []
    tries = [500]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog) or not box.isVisible():
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(10, look)
            else:  # never seen: close what is open so that the test fails, not hangs
                for widget in QApplication.topLevelWidgets():
                    if isinstance(widget, QFileDialog):
                        widget.reject()
            return
        seen.append(Seen(box))
        act(box)

    QTimer.singleShot(0, look)
    return seen


def test_open_mode_in_the_desks_language(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "menu.csv").write_text("día;plato\n", encoding="utf-8")

    def choose(box: QFileDialog) -> None:
        box.selectFile(str(tmp_path / "menu.csv"))
        box.accept()

    seen = answer(choose)
    chosen = ask_file(None, "Elegir el menú", tmp_path, "CSV (*.csv)", "Abrir-es-en")
    assert len(seen) == 1
    box = seen[0]
    assert box.title == "Elegir el menú" and box.folder == tmp_path
    assert box.accept_mode == QFileDialog.AcceptMode.AcceptOpen
    assert box.file_mode == QFileDialog.FileMode.ExistingFile
    assert box.accept_word == "Abrir-es-en"  # the caller's word, as given
    assert set(LABELS[language]) <= box.texts
    other = LABELS["en" if language == "es" else "es"]
    assert not set(other) & box.texts, "a label in the other language"
    assert chosen == str(tmp_path / "menu.csv")


def test_save_mode_proposes_the_file_and_returns_a_new_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen = answer(QFileDialog.accept)  # the proposed name, as it stands
    chosen = ask_file(None, "Guardar la foto", tmp_path / "3_1.jpg", "Imágenes (*.jpg)",
                      "Guardar", save=True)
    assert len(seen) == 1
    assert seen[0].accept_mode == QFileDialog.AcceptMode.AcceptSave
    assert seen[0].file_mode != QFileDialog.FileMode.ExistingFile
    assert seen[0].folder == tmp_path and "Guardar" in seen[0].texts
    assert chosen == str(tmp_path / "3_1.jpg") and not (tmp_path / "3_1.jpg").exists()


@pytest.mark.parametrize("save", [False, True])
def test_cancel_is_none_and_the_dialog_is_gone(qtbot, tmp_path: Path, save: bool) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.png").write_bytes(b"")

    def cancel(box: QFileDialog) -> None:
        box.selectFile(str(tmp_path / "a.png"))  # chosen, then cancelled: nothing
        box.reject()

    seen = answer(cancel)
    assert ask_file(None, "Imagen", tmp_path, "Imágenes (*.png)", "Adjuntar", save=save) is None
    assert len(seen) == 1
    qtbot.waitUntil(lambda: not [w for w in QApplication.topLevelWidgets()
                                 if isinstance(w, QFileDialog)], timeout=5_000)
