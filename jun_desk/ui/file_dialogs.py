"""The desk's file dialog: Qt's own dialog (where the system has none) gets its words from
the desk, in the desk's language: Qt's Spanish lacks some."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

translate = QCoreApplication.translate


def ask_file(parent: QWidget | None, title: str, start: str | Path, name_filter: str,
             accept_word: str, save: bool = False) -> str | None:
    """The file chosen (an existing one to open; with ``save``, one to write); None:
    cancelled. ``start``: the folder (or, to save, the proposed file) it opens on;
    ``accept_word``: the accept button's word, already translated by the caller."""
    box = QFileDialog(parent, title, str(start), name_filter)
    if save:
        box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    else:
        box.setFileMode(QFileDialog.FileMode.ExistingFile)
    Label = QFileDialog.DialogLabel
    for label, text in ((Label.LookIn, translate("FileDialogs", "Buscar en:")),
                        (Label.FileName, translate("FileDialogs", "Nombre del archivo:")),
                        (Label.FileType, translate("FileDialogs", "Tipo de archivo:")),
                        (Label.Accept, accept_word),
                        (Label.Reject, translate("FileDialogs", "Cancelar"))):
        box.setLabelText(label, text)
    try:
        chosen = box.selectedFiles() if box.exec() == QDialog.DialogCode.Accepted else []
    finally:
        box.deleteLater()
    return chosen[0] if chosen and chosen[0] else None
