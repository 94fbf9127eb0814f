"""Spanish or English: the desk's own translations and Qt's (standard buttons, dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jun_desk.resources import resource_path
from jun_desk.ui import labels

LANGUAGES = ("es", "en")
_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: from the system locale)."""
    chosen = language or labels.default_language()
    if chosen not in LANGUAGES:
        chosen = "es"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt = QTranslator(app)
    if qt.load(QLocale(chosen), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if chosen != "es":  # Spanish is the source language of every string
        ours = QTranslator(app)
        if not ours.load(str(resource_path("translations", f"jun_desk_{chosen}.qm"))):
            raise FileNotFoundError(f"Missing translation jun_desk_{chosen}.qm")
        app.installTranslator(ours)
        _installed.append(ours)
    labels.set_language(chosen)
    return chosen
