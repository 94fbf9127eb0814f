"""Words the desk shows for the domain's codes, through Qt's translations (Spanish source,
English in resources/translations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from jun_desk.domain.items import Stream, StreamKind
from jun_desk.domain.streams import NO_NAMES, StreamNames

if TYPE_CHECKING:  # (the language is set before the window is shown, the rest later)
    from jun_desk.domain.departments import Department, DepartmentCatalogue
    from jun_desk.domain.workflow import Status

_language = "es"
_catalogue: DepartmentCatalogue | None = None


def set_catalogue(catalogue: DepartmentCatalogue) -> None:
    """The departments the desk knows, for words that name one (errors)."""
    global _catalogue
    _catalogue = catalogue


def catalogue() -> DepartmentCatalogue | None:
    return _catalogue


def set_language(code: str) -> None:
    global _language
    _language = code


def language() -> str:
    return _language


# The languages of Spain whose speakers read the desk in Spanish (README, "The window").
SPANISH_LOCALES = ("es", "ca", "gl", "eu")


def language_for_locale(name: str) -> str:
    """Spanish for a Spanish, Catalan, Galician or Basque locale, and for one that says
    nothing (``C``/``POSIX``, with or without ``.UTF-8``, or empty: a bare Linux install);
    English for any other."""
    base = name.split(".")[0].split("@")[0]
    if base in ("", "C", "POSIX"):
        return "es"
    return "es" if base.split("_")[0].split("-")[0].lower() in SPANISH_LOCALES else "en"


def default_language() -> str:
    """From the system locale Qt reads (on Linux ``LC_ALL``, else ``LC_MESSAGES``, else
    ``LANG``)."""
    return language_for_locale(QLocale.system().name())


def status_names() -> dict[Status, str]:
    from jun_desk.domain.workflow import Status

    return {
        Status.NEW: QCoreApplication.translate("Labels", "Nuevos"),
        Status.ASSIGNED: QCoreApplication.translate("Labels", "Asignados"),
        Status.IN_PROGRESS: QCoreApplication.translate("Labels", "En curso"),
        Status.WAITING_CITIZEN: QCoreApplication.translate("Labels", "Esperando al vecino"),
        Status.RESOLVED: QCoreApplication.translate("Labels", "Resueltos"),
        Status.CLOSED: QCoreApplication.translate("Labels", "Cerrados"),
    }


def status_singular() -> dict[Status, str]:
    from jun_desk.domain.workflow import Status

    return {
        Status.NEW: QCoreApplication.translate("Labels", "nuevo"),
        Status.ASSIGNED: QCoreApplication.translate("Labels", "asignado"),
        Status.IN_PROGRESS: QCoreApplication.translate("Labels", "en curso"),
        Status.WAITING_CITIZEN: QCoreApplication.translate("Labels", "esperando al vecino"),
        Status.RESOLVED: QCoreApplication.translate("Labels", "resuelto"),
        Status.CLOSED: QCoreApplication.translate("Labels", "cerrado"),
    }


def role_names() -> dict[str, str]:
    return {
        "operator": QCoreApplication.translate("Labels", "operador/a"),
        "supervisor": QCoreApplication.translate("Labels", "supervisor/a"),
    }


def privacy_labels() -> dict[str, str]:
    return {
        "dni": "DNI",
        "nie": "NIE",
        "phone": QCoreApplication.translate("Labels", "teléfono"),
        "email": QCoreApplication.translate("Labels", "correo"),
        "iban": QCoreApplication.translate("Labels", "cuenta bancaria"),
        "health": QCoreApplication.translate("Labels", "salud"),
    }


def kind_labels() -> dict[str, str]:
    return {
        "mention": QCoreApplication.translate("Labels", "Mención"),
        "dm_in": QCoreApplication.translate("Labels", "DM del vecino"),
        "reply_out": QCoreApplication.translate("Labels", "Respuesta"),
        "dm_out": QCoreApplication.translate("Labels", "DM enviado"),
        "staff_reply": QCoreApplication.translate("Labels", "Respuesta del personal"),
    }


def stream_label(value: str, names: StreamNames = NO_NAMES) -> str:
    """A stream by its stored name (issue 27), as a person reads it: the town's mentions
    and DMs, a staff account's mentions or posts by its handle, a watched search by its
    query, from ``names`` (``StreamsService.names``, removed ones included); by the X user
    id or the search's number only when the directory does not know them."""
    try:
        stream = Stream.parse(value)
    except ValueError:
        return value
    name = names.name(stream)
    kind, key = stream.kind, stream.key
    if kind is StreamKind.MENTIONS:
        return QCoreApplication.translate("Labels", "menciones")
    if kind is StreamKind.DMS:
        return QCoreApplication.translate("Labels", "mensajes")
    if kind is StreamKind.STAFF and name:
        return QCoreApplication.translate("Labels", "menciones de @%s") % name
    if kind is StreamKind.STAFF:
        return QCoreApplication.translate("Labels", "menciones de la cuenta del personal %s") % key
    if kind is StreamKind.STAFF_POSTS and name:
        return QCoreApplication.translate("Labels", "publicaciones de @%s") % name
    if kind is StreamKind.STAFF_POSTS:
        text = QCoreApplication.translate("Labels", "publicaciones de la cuenta del personal %s")
        return text % key
    if name:
        return QCoreApplication.translate("Labels", "búsqueda «%s»") % name
    return QCoreApplication.translate("Labels", "búsqueda n.º %s") % key


def outbox_labels() -> dict[str, str]:
    return {
        "pending": QCoreApplication.translate("Labels", "pendiente"),
        "sending": QCoreApplication.translate("Labels", "enviando"),
        "sent": QCoreApplication.translate("Labels", "enviado"),
        "failed": QCoreApplication.translate("Labels", "falló"),
        "withdrawn": QCoreApplication.translate("Labels", "retirado"),
    }


def department_name(dept: Department) -> str:
    return dept.name(_language)


def department_help(catalogue: DepartmentCatalogue, code: str) -> str:
    """A department's definition and the settled boundaries it takes part in (issue 26),
    in the window's language: what an operator reads before routing a ticket."""
    dept = catalogue.get(code)
    parts = [dept.definition(_language)]
    parts += ["• " + b.text(_language) for b in catalogue.boundaries_for(code)]
    return "\n".join(p for p in parts if p)
