"""Outage and works notices: a water or power cut, or works, in a street, from a time to a
time (the town's local time), of a department.

The notice's text is written from its fields, in Spanish and English (``notice_text``), and
so is the answer the desk gives every ticket the notice covers (``answer_text``: "Ya lo
sabemos: …"). Which tickets it covers is a suggestion the operator confirms: the tickets of
its department, open, written around its time, whose texts name its street however it is
written ("C/ Mayor", "calle mayor", "Avda. de la Constitución", "avenida Constitucion").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.text import clean_text, fold
from jun_desk.domain.tweet_length import MAX_WEIGHTED_LENGTH, weighted_length

MAX_STREET = 120
# Around the notice's time: complaints come before scheduled works start (the fences, the
# warning) and for a while after the water or light came back.
LEAD = timedelta(days=2)
TRAIL = timedelta(days=1)


class NoticeKind(StrEnum):
    WATER_CUT = "corte_agua"
    POWER_CUT = "corte_luz"
    WORKS = "obras"

    def label(self, language: str = "es") -> str:
        return _KIND_LABELS[self][1 if language.startswith("en") else 0]


_KIND_LABELS = {
    NoticeKind.WATER_CUT: ("corte de agua", "water cut"),
    NoticeKind.POWER_CUT: ("corte de luz", "power cut"),
    NoticeKind.WORKS: ("obras", "roadworks"),
}
_KIND_EMOJI = {NoticeKind.WATER_CUT: "🚱", NoticeKind.POWER_CUT: "💡",
               NoticeKind.WORKS: "🚧"}


def parse_kind(value: str) -> NoticeKind:
    try:
        return NoticeKind(value)
    except ValueError:
        raise ValidationError.of("notice.kind_unknown", value=value,
                                 kinds=[k.value for k in NoticeKind]) from None


@dataclass(frozen=True, slots=True)
class NoticeFields:
    kind: NoticeKind
    street: str
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    department: str


def local_to_utc(local: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time in the town (naive, or already aware) as an aware UTC instant.
    A time that does not exist (the hour skipped in March) or happens twice (October) is
    read as Python's ``fold=0`` does: the earlier offset."""
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC)


def checked_fields(kind: str, street: str, starts_at: datetime, ends_at: datetime,
                   department: str) -> NoticeFields:
    """The notice's fields as they will be stored, or a ``ValidationError`` naming the
    field (``street``, ``to``)."""
    street = " ".join(clean_text(street).split())
    if not street:
        raise ValidationError.of("notice.street_missing")
    if len(street) > MAX_STREET:
        raise ValidationError.of("notice.street_too_long", limit=MAX_STREET)
    if not street_words(street):
        raise ValidationError.of("notice.street_missing")
    if ends_at <= starts_at:
        raise ValidationError.of("notice.ends_before")
    return NoticeFields(parse_kind(kind), street, starts_at.astimezone(UTC),
                        ends_at.astimezone(UTC), department)


# ---------------------------------------------------------------------------- streets

# How the kind of street is written, folded: left out when matching.
STREET_TYPES = frozenset({
    "c", "cl", "cll", "calle", "avda", "avd", "av", "avenida", "plaza", "pza", "pl", "plz",
    "paseo", "po", "camino", "cno", "carretera", "ctra", "travesia", "trva", "ronda", "rda",
    "callejon", "cjon", "glorieta", "urbanizacion", "urb", "barrio", "bo", "pasaje", "psje",
})
_LINKING = frozenset({"de", "del", "la", "las", "el", "los", "y"})
# English writes the kind after the name: 'Mayor street'
_AFTER_A_NAME = frozenset({"street", "st", "avenue", "ave", "road", "rd", "square"})
_ABBREVIATION = re.compile(r"\b(c|cl|avda|avd|av|pza|pl|ctra|po|rda|urb)\s*[./]\s*")
_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    folded = _ABBREVIATION.sub(r"\1 ", fold(text).replace("º", "o").replace("ª", "a"))
    return _WORD.findall(folded)


def street_words(street: str) -> tuple[str, ...]:
    """The words that name a street, without its kind or linking words:
    'Avda. de la Constitución' → ('constitucion',); 'C/ Mayor' → ('mayor',)."""
    return tuple(w for w in _tokens(street) if w not in STREET_TYPES and w not in _LINKING)


def names_street(text: str, street: str) -> bool:
    """Whether ``text`` (a tweet, a ticket's title) names ``street``: its words, in order,
    among the text's words once kinds and linking words are left out."""
    wanted = street_words(street)
    if not wanted:
        return False
    words = [w for w in _tokens(text) if w not in _LINKING]
    size = len(wanted)
    for start in range(len(words) - size + 1):
        if tuple(words[start:start + size]) == wanted:
            # a longer name, a one-word name no ordinary word ("Fuencarral"), or an
            # ordinary word ("Mayor", "Vía") right after a kind of street ("calle Mayor";
            # "en la vía pública" is no street) or before an English one ("Mayor street")
            before = words[start - 1] if start else ""
            after = words[start + size] if start + size < len(words) else ""
            if size > 1 or not _is_common(wanted[0]) or before in STREET_TYPES \
                    or after in _AFTER_A_NAME:
                return True
    return False


# One-word street names that are ordinary words too: only after "calle", "en"...
_COMMON = frozenset({"mayor", "real", "nueva", "nuevo", "ancha", "alta", "baja", "iglesia",
                     "fuente", "sol", "luna", "paz", "rio", "mar", "agua", "luz", "cruz",
                     "estacion", "mercado", "castillo", "molino", "jardin", "huerta", "via",
                     "direccion", "verdad", "invierno", "verano", "centro", "parque"})


def _is_common(word: str) -> bool:
    return word in _COMMON or len(word) <= 3


def window(fields: NoticeFields) -> tuple[datetime, datetime]:
    """When the tickets a notice may cover were written."""
    return fields.starts_at - LEAD, fields.ends_at + TRAIL


# ---------------------------------------------------------------------------- texts

_WEEKDAYS = {"es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
                    "domingo"),
             "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday")}
_MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"),
           "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")}


def _lang(language: str) -> str:
    return "en" if language.startswith("en") else "es"


def _day(moment: datetime, lang: str) -> str:
    weekday = _WEEKDAYS[lang][moment.weekday()]
    month = _MONTHS[lang][moment.month - 1]
    return (f"{weekday} {moment.day} {month}" if lang == "en" else
            f"{weekday} {moment.day} de {month}")


def when_text(fields: NoticeFields, zone: tzinfo, language: str = "es") -> str:
    """'el lunes 14 de diciembre de 9:00 a 14:00' / 'from Monday 14 December 22:00 to
    Tuesday 15 December 6:00', in the town's local time."""
    lang = _lang(language)
    start, end = fields.starts_at.astimezone(zone), fields.ends_at.astimezone(zone)
    s_time, e_time = f"{start.hour}:{start.minute:02d}", f"{end.hour}:{end.minute:02d}"
    if start.date() == end.date():
        return (f"on {_day(start, lang)} from {s_time} to {e_time}" if lang == "en" else
                f"el {_day(start, lang)} de {s_time} a {e_time}")
    return (f"from {_day(start, lang)} {s_time} to {_day(end, lang)} {e_time}"
            if lang == "en" else
            f"desde el {_day(start, lang)} a las {s_time} hasta el {_day(end, lang)} a "
            f"las {e_time}")


def notice_text(fields: NoticeFields, zone: tzinfo, department_name: str,
                language: str = "es") -> str:
    """The notice as the town posts it."""
    lang = _lang(language)
    emoji = _KIND_EMOJI[fields.kind]
    kind = fields.kind.label(lang)
    when = when_text(fields, zone, lang)
    if lang == "en":
        text = (f"{emoji} Notice: {kind} in {fields.street} {when}. "
                f"{department_name}. We apologise for the inconvenience.")
    else:
        text = (f"{emoji} Aviso: {kind} en {fields.street} {when}. "
                f"{department_name}. Disculpen las molestias.")
    return _fit(text)


def answer_text(fields: NoticeFields, zone: tzinfo, language: str = "es",
                ticket_id: int | None = None) -> str:
    """The answer to a ticket the notice covers: we know, what and when. With the
    ticket's number as a reference: X refuses an account's second post of the same text
    (and the citizen can quote it)."""
    lang = _lang(language)
    kind = fields.kind.label(lang)
    when = when_text(fields, zone, lang)
    if lang == "en":
        text = (f"We know about it: there is a {kind} in {fields.street} {when}. "
                "Thank you for letting us know.")
    else:
        article = "unas" if fields.kind == NoticeKind.WORKS else "un"
        text = (f"Ya lo sabemos: hay {article} {kind} en {fields.street} {when}. "
                "Gracias por avisar.")
    if ticket_id is not None:
        text += f" Ref. #{ticket_id}"
    return _fit(text)


def _fit(text: str) -> str:
    length = weighted_length(text)
    if length > MAX_WEIGHTED_LENGTH:  # a street of 120 characters is the longest
        raise ValidationError.of("notice.too_long", length=length, limit=MAX_WEIGHTED_LENGTH)
    return text
