"""The moderation view's words: categories, the detector's signals and the actions, in
the window's language (context "Moderation"), and the colours of a flag and a hidden reply."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from jun_desk.domain.moderation import ActionKind, Category
from jun_desk.ui import labels

FLAG_COLOUR = QColor("#c62828")
HIDDEN_COLOUR = QColor("#757575")


def category_names() -> dict[str, str]:
    return {
        Category.INSULT.value: QCoreApplication.translate("Moderation", "Insulto"),
        Category.THREAT.value: QCoreApplication.translate("Moderation", "Amenaza"),
        Category.HATE.value: QCoreApplication.translate("Moderation", "Odio"),
        Category.SPAM.value: QCoreApplication.translate("Moderation", "Spam"),
        Category.PERSONAL_DATA.value: QCoreApplication.translate(
            "Moderation", "Datos personales de otros"),
        Category.ADVERTISING.value: QCoreApplication.translate("Moderation", "Publicidad"),
    }


_LINKS = re.compile(r"(\d+) enlaces")
_REPEATED = re.compile(r"texto repetido ×(\d+)")
_PERSONAL = re.compile(r"(dni|nie|phone|email|iban) (.+)")


def evidence_shown(signal: str) -> str:
    """One of a flag's signals in the window's language: the signals the detector words
    itself (``domain/moderation.py``, in Spanish) translated, the words it quotes from the
    reply left as they are."""
    translate = QCoreApplication.translate
    fixed = {"enlace": translate("Moderation", "enlace"),
             "cuenta nueva con enlace": translate("Moderation", "cuenta nueva con enlace"),
             "avatar por defecto con enlace": translate("Moderation",
                                                        "avatar por defecto con enlace")}
    if signal in fixed:
        return fixed[signal]
    if found := _LINKS.fullmatch(signal):
        return translate("Moderation", "%d enlaces") % int(found.group(1))
    if found := _REPEATED.fullmatch(signal):
        return translate("Moderation", "texto repetido ×%d") % int(found.group(1))
    if found := _PERSONAL.fullmatch(signal):
        return f"{labels.privacy_labels()[found.group(1)]} {found.group(2)}"
    if signal.startswith("salud: "):
        return f"{labels.privacy_labels()['health']}: {signal.removeprefix('salud: ')}"
    return signal


def flag_text(flag: Any) -> str:
    """"Spam: enlace, texto repetido ×3" in the window's language."""
    name = category_names().get(flag.category.value, flag.category.value)
    return f"{name}: {', '.join(evidence_shown(s) for s in flag.evidence)}"


def action_names() -> dict[str, str]:
    return {ActionKind.HIDE.value: QCoreApplication.translate("Moderation", "ocultar"),
            ActionKind.MUTE.value: QCoreApplication.translate("Moderation", "silenciar"),
            ActionKind.DELETE.value: QCoreApplication.translate("Moderation", "borrar")}
