"""The weekly school lunch menu, from a CSV (or a spreadsheet's CSV export) to a thread.

``lunch_menu_posts(csv_text)`` reads the menu and returns the thread's posts: a heading
("Menú escolar de la semana del 14 al 18 de diciembre"), the days (packed into one post
while they fit in X's weighted length), and the legend of the allergens the menu names.

What it reads:

* comma or semicolon separated (the Spanish Excel exports with ``;``), with or without a
  title row or two above the header; ``decode_menu_file`` turns a file's bytes into text
  (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252/Latin-1);
* header names in Spanish or English, accents and case ignored: día/fecha/day/date,
  primer plato/primero/first course, segundo plato/segundo/second course, postre/dessert,
  alérgenos/allergens (this last one may be left out: then there is no legend);
* dates as dd/mm/yyyy (or dd-mm-yyyy, dd.mm.yyyy, two-digit years), yyyy-mm-dd, or
  "14 de diciembre de 2026", optionally after the weekday's name ("Lunes 14/12/2026"),
  which must then be the date's; or a "día" column of weekday names beside a "fecha" one;
* allergens as the usual numbers 1–14 of the EU's list (Regulation 1169/2011, Annex II,
  the order Spanish canteens number them in), their names (Spanish or English), or their
  emoji; "-", "ninguno" or an empty cell for none.

Bad input raises a ``ValidationError`` whose code names the line (the file's line, the
header being the line it is on) and the field: an empty file, a missing column, a bad date,
a day twice, an unknown allergen, a day with no dishes, a day too long for one post.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.text import fold
from jun_desk.domain.tweet_length import MAX_WEIGHTED_LENGTH, weighted_length

LANGUAGES = ("es", "en")


@dataclass(frozen=True, slots=True)
class Allergen:
    number: int
    emoji: str
    es: str
    en: str
    names: tuple[str, ...]  # folded names and synonyms, Spanish and English


# The EU's 14 allergens in Annex II's order: the numbers Spanish school menus use.
ALLERGENS: tuple[Allergen, ...] = (
    Allergen(1, "🌾", "gluten", "gluten",
             ("gluten", "cereales", "cereales con gluten", "trigo", "cereals",
              "cereals containing gluten", "wheat")),
    Allergen(2, "🦐", "crustáceos", "crustaceans",
             ("crustaceos", "crustaceo", "crustaceans", "crustacean")),
    Allergen(3, "🥚", "huevo", "eggs", ("huevo", "huevos", "egg", "eggs")),
    Allergen(4, "🐟", "pescado", "fish", ("pescado", "pescados", "fish")),
    Allergen(5, "🥜", "cacahuetes", "peanuts",
             ("cacahuete", "cacahuetes", "mani", "peanut", "peanuts")),
    Allergen(6, "🫘", "soja", "soybeans", ("soja", "soya", "soy", "soybeans", "soybean")),
    Allergen(7, "🥛", "leche", "milk",
             ("leche", "lacteos", "lacteo", "lactosa", "milk", "dairy", "lactose")),
    Allergen(8, "🌰", "frutos de cáscara", "tree nuts",
             ("frutos de cascara", "frutos con cascara", "frutos secos", "nuts",
              "tree nuts")),
    Allergen(9, "🥬", "apio", "celery", ("apio", "celery")),
    Allergen(10, "🟡", "mostaza", "mustard", ("mostaza", "mustard")),
    Allergen(11, "⚪", "sésamo", "sesame",
             ("sesamo", "granos de sesamo", "sesame", "sesame seeds")),
    Allergen(12, "🍷", "sulfitos", "sulphites",
             ("sulfitos", "sulfito", "dioxido de azufre", "dioxido de azufre y sulfitos",
              "sulphites", "sulfites", "sulphur dioxide", "so2")),
    Allergen(13, "🌼", "altramuces", "lupin",
             ("altramuces", "altramuz", "lupin", "lupins", "lupino")),
    Allergen(14, "🦑", "moluscos", "molluscs",
             ("moluscos", "molusco", "molluscs", "mollusks", "mollusc")),
)
_BY_NAME = {name: a for a in ALLERGENS for name in a.names}
_BY_EMOJI = {a.emoji: a for a in ALLERGENS}
_NONE = {"", "-", "--", "—", "ninguno", "ninguna", "no", "sin alergenos", "none", "n/a"}

# Header names (folded) → the field they hold.
_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "day": ("dia", "fecha", "day", "date", "jornada"),
    "first": ("primer plato", "primero", "1er plato", "1º plato", "1o plato", "plato 1",
              "first course", "first", "starter"),
    "second": ("segundo plato", "segundo", "2º plato", "2o plato", "plato 2",
               "second course", "second", "main course", "main"),
    "dessert": ("postre", "postres", "dessert", "desserts"),
    "allergens": ("alergenos", "alergeno", "allergens", "allergen"),
}
_REQUIRED = ("day", "first", "second", "dessert")
# How a missing column is named in the error (the Spanish header a school would write).
COLUMN_NAMES = {"day": "fecha", "first": "primer plato", "second": "segundo plato",
                "dessert": "postre", "allergens": "alérgenos"}

WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
               "Sunday")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_WEEKDAY_BY_NAME = {fold(name): i for i, name in enumerate(WEEKDAYS_ES)} | {
    "miercoles": 2, "sabado": 5} | {name.lower(): i for i, name in enumerate(WEEKDAYS_EN)}
_MONTH_BY_NAME = {fold(name): i + 1 for i, name in enumerate(MONTHS_ES)} | {
    "setiembre": 9} | {name.lower(): i + 1 for i, name in enumerate(MONTHS_EN)}

_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDED_DATE = re.compile(r"(\d{1,2})\s+(?:de\s+)?([a-z]+)(?:\s+(?:de\s+)?(\d{4}))?")
_TIME_TAIL = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
_ALLERGEN_SPLIT = re.compile(r"[,;/+|·]|\s+y\s+|\s+and\s+")
_NUMBERS_ONLY = re.compile(r"\d{1,2}(\s+\d{1,2})+")


@dataclass(frozen=True, slots=True)
class MenuDay:
    line: int
    day: date
    first: str
    second: str
    dessert: str
    allergens: tuple[int, ...]


# ---------------------------------------------------------------------------- reading


def decode_menu_file(data: bytes) -> str:
    """A menu file's text: UTF-8 (with or without BOM), UTF-16 with its BOM, else the
    Windows-1252 a Spanish Excel writes (Latin-1 for the bytes it leaves undefined)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _delimiter(lines: Sequence[str]) -> str:
    sample = "\n".join(lines[:20])
    return ";" if sample.count(";") > sample.count(",") else ","


def _field_of(header: str) -> str | None:
    name = fold(header).strip(" :.*")
    for field, names in _FIELD_NAMES.items():
        if name in names:
            return field
    return None


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    cells: list[str]


def _rows(text: str) -> list[_Row]:
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines))
    rows: list[_Row] = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(_Row(start, [cell.strip() for cell in cells]))
            start = reader.line_num + 1
    except csv.Error:
        raise ValidationError.of("menu.unreadable", line=start) from None
    return rows


def _header(rows: list[_Row]) -> tuple[int, dict[str, int], dict[str, int] | None]:
    """Where the header is (its index in ``rows``: the first of the first ten rows naming
    the most known columns), its columns by field, and a separate weekday column when the
    dates are in their own one."""
    best: tuple[int, dict[str, int], dict[str, int] | None] | None = None
    for index, row in enumerate(rows[:10]):
        found, weekday = _columns(row)
        if found and (best is None or len(found) > len(best[1])):
            best = (index, found, weekday)
    index, found, weekday = best if best is not None else (0, {}, None)
    row = rows[index]
    for field in _REQUIRED:
        if field not in found:
            raise ValidationError.of(
                "menu.column_missing", line=row.line, column=COLUMN_NAMES[field],
                columns=", ".join(c for c in row.cells if c) or "—")
    return index, found, weekday


def _columns(row: _Row) -> tuple[dict[str, int], dict[str, int] | None]:
    found: dict[str, int] = {}
    weekday: dict[str, int] | None = None
    for col, cell in enumerate(row.cells):
        field = _field_of(cell)
        if field is None or (field in found and field != "day"):
            continue
        if field == "day" and "day" in found:
            # "día" and "fecha" both: the date is in the one named fecha/date
            if fold(cell) in ("fecha", "date"):
                weekday = {"weekday": found["day"]}
                found["day"] = col
            else:
                weekday = {"weekday": col}
            continue
        found[field] = col
    return found, weekday


def _parse_date(value: str) -> tuple[date, int | None] | None:
    """The date in ``value`` and the weekday named before it, if any."""
    text = _TIME_TAIL.sub("", fold(value).replace(",", " ").strip())
    weekday = None
    head, _, rest = text.partition(" ")
    if head in _WEEKDAY_BY_NAME:
        weekday = _WEEKDAY_BY_NAME[head]
        text = rest.strip()
    try:
        if found := _ISO_DATE.fullmatch(text):
            return date(int(found[1]), int(found[2]), int(found[3])), weekday
        if found := _NUMERIC_DATE.fullmatch(text):
            year = int(found[3]) + (2000 if len(found[3]) == 2 else 0)
            return date(year, int(found[2]), int(found[1])), weekday
        if (found := _WORDED_DATE.fullmatch(text)) and found[2] in _MONTH_BY_NAME:
            if found[3] is None:
                return None  # a day without its year cannot be placed
            return date(int(found[3]), _MONTH_BY_NAME[found[2]], int(found[1])), weekday
    except ValueError:  # 31/02/2026
        return None
    return None


def _allergens(value: str, line: int, column: str) -> tuple[int, ...]:
    if fold(value) in _NONE:
        return ()
    numbers: set[int] = set()
    for raw in _ALLERGEN_SPLIT.split(value):
        token = raw.strip().strip(".()[]")
        if not token or fold(token) in _NONE:
            continue
        parts = token.split() if _NUMBERS_ONLY.fullmatch(token) else [token]
        for part in parts:
            numbers.add(_allergen(part, line, column).number)
    return tuple(sorted(numbers))


def _allergen(token: str, line: int, column: str) -> Allergen:
    if token.isdigit() and 1 <= int(token) <= len(ALLERGENS):
        return ALLERGENS[int(token) - 1]
    found = _BY_EMOJI.get(token.replace("\ufe0f", "")) or _BY_NAME.get(fold(token))
    if found is None:
        raise ValidationError.of("menu.allergen_unknown", line=line, column=column,
                                 value=token)
    return found


def read_menu(csv_text: str) -> list[MenuDay]:
    """The menu's days in date order; a ``ValidationError`` naming the line and field."""
    rows = _rows(csv_text)
    if not rows:
        raise ValidationError.of("menu.empty")
    index, columns, weekday_column = _header(rows)
    header = rows[index].cells
    days: list[MenuDay] = []
    seen: dict[date, int] = {}

    def cell(row: _Row, col: int) -> str:
        return row.cells[col] if col < len(row.cells) else ""

    for row in rows[index + 1:]:
        day_name = header[columns["day"]]
        day_value = cell(row, columns["day"])
        parsed = _parse_date(day_value)
        if parsed is None:
            raise ValidationError.of("menu.bad_date", line=row.line, column=day_name,
                                     value=day_value)
        day, weekday = parsed
        if weekday_column is not None:
            named = fold(cell(row, weekday_column["weekday"]))
            weekday = _WEEKDAY_BY_NAME.get(named, weekday) if named else weekday
        if weekday is not None and weekday != day.weekday():
            raise ValidationError.of("menu.weekday_mismatch", line=row.line,
                                     column=day_name, value=day_value,
                                     weekday=WEEKDAYS_ES[day.weekday()])
        if day in seen:
            raise ValidationError.of("menu.day_twice", line=row.line, column=day_name,
                                     value=day_value, first_line=seen[day])
        seen[day] = row.line
        first, second, dessert = (cell(row, columns[f]) for f in ("first", "second",
                                                                   "dessert"))
        if not (first or second or dessert):
            raise ValidationError.of("menu.dishes_missing", line=row.line,
                                     column=header[columns["first"]])
        allergens: tuple[int, ...] = ()
        if "allergens" in columns:
            allergens = _allergens(cell(row, columns["allergens"]), row.line,
                                   header[columns["allergens"]])
        days.append(MenuDay(row.line, day, first, second, dessert, allergens))
    if not days:
        raise ValidationError.of("menu.empty")
    return sorted(days, key=lambda d: d.day)


# ---------------------------------------------------------------------------- writing


def _day_month(day: date, language: str) -> str:
    if language == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]}"
    return f"{day.day} de {MONTHS_ES[day.month - 1]}"


def heading(days: Sequence[MenuDay], language: str) -> str:
    first, last = days[0].day, days[-1].day
    same_week = first.isocalendar()[:2] == last.isocalendar()[:2]
    en = language == "en"
    if first == last:
        return (f"🍽️ School lunch menu for {WEEKDAYS_EN[first.weekday()]} "
                f"{_day_month(first, 'en')}" if en else
                f"🍽️ Menú escolar del {WEEKDAYS_ES[first.weekday()]} "
                f"{_day_month(first, 'es')}")
    if first.year != last.year:
        start = (f"{_day_month(first, language)} {first.year}" if en else
                 f"{_day_month(first, language)} de {first.year}")
    elif first.month != last.month:
        start = _day_month(first, language)
    else:
        start = str(first.day)
    end = _day_month(last, language)
    if en:
        span = f"{start} to {end}"
        return (f"🍽️ School lunch menu for the week of {span}" if same_week else
                f"🍽️ School lunch menu from {span}")
    span = f"del {start} al {end}"
    return (f"🍽️ Menú escolar de la semana {span}" if same_week else
            f"🍽️ Menú escolar {span}")


def day_text(day: MenuDay, language: str, *, with_month: bool) -> str:
    en = language == "en"
    name = (WEEKDAYS_EN[day.day.weekday()] if en else
            WEEKDAYS_ES[day.day.weekday()].capitalize())
    when = _day_month(day.day, language) if with_month else str(day.day.day)
    lines = [f"📅 {name} {when}"]
    labels = (("First", "Second", "Dessert") if en else ("1.º", "2.º", "Postre"))
    for label, dish in zip(labels, (day.first, day.second, day.dessert), strict=True):
        if dish:
            lines.append(f"{label}: {dish}")
    if day.allergens:
        numbers = ", ".join(str(n) for n in day.allergens)
        lines.append(f"{'Allergens' if en else 'Alérgenos'}: {numbers}")
    return "\n".join(lines)


def legend_posts(numbers: Sequence[int], language: str) -> list[str]:
    """The legend of the allergens named, as few posts as it takes."""
    if not numbers:
        return []
    en = language == "en"
    title = ("Allergens (EU list, Regulation 1169/2011):" if en else
             "Alérgenos (lista de la UE, Reglamento 1169/2011):")
    entries = [f"{a.number} {a.emoji} {a.en if en else a.es}"
               for a in ALLERGENS if a.number in numbers]
    return _pack([title + "\n" + entries[0], *entries[1:]], "\n")


def _pack(blocks: Sequence[str], joiner: str) -> list[str]:
    posts: list[str] = []
    for block in blocks:
        if posts and weighted_length(posts[-1] + joiner + block) <= MAX_WEIGHTED_LENGTH:
            posts[-1] = posts[-1] + joiner + block
        else:
            posts.append(block)
    return posts


def lunch_menu_posts(csv_text: str, *, language: str = "es") -> list[str]:
    """The thread for the menu in ``csv_text``: a heading, the days (packed while they fit
    in a post), the allergen legend. Each post fits in X's weighted length."""
    if language not in LANGUAGES:
        raise ValidationError.of("menu.language_unknown", value=language,
                                 languages=", ".join(LANGUAGES))
    days = read_menu(csv_text)
    with_month = len({(d.day.year, d.day.month) for d in days}) > 1
    blocks = []
    for day in days:
        text = day_text(day, language, with_month=with_month)
        length = weighted_length(text)
        if length > MAX_WEIGHTED_LENGTH:
            raise ValidationError.of("menu.day_too_long", line=day.line, length=length,
                                     limit=MAX_WEIGHTED_LENGTH)
        blocks.append(text)
    used = sorted({n for d in days for n in d.allergens})
    return [heading(days, language), *_pack(blocks, "\n\n"), *legend_posts(used, language)]
