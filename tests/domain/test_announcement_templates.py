"""The school lunch menu: a canteen's CSV export becomes a thread; bad input names the
line and the field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jun_desk.domain.announcement_templates import (
    decode_menu_file,
    lunch_menu_posts,
    read_menu,
)
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.tweet_length import fits_in_tweet

MENUS = Path(__file__).parents[1] / "data" / "menus"
CANTEEN = (MENUS / "comedor_semana_51.csv").read_text(encoding="utf-8")
HEADER = "fecha;primer plato;segundo plato;postre;alérgenos"


def _error(csv_text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        lunch_menu_posts(csv_text)
    return caught.value


def test_a_canteen_week_becomes_a_thread_with_the_legend() -> None:
    posts = lunch_menu_posts(CANTEEN)
    assert posts[0] == "🍽️ Menú escolar de la semana del 14 al 18 de diciembre"
    body = "\n\n".join(posts[1:-1])
    for weekday in ("Lunes 14", "Martes 15", "Miércoles 16", "Jueves 17", "Viernes 18"):
        assert body.count(weekday) == 1
    assert body.index("Lunes 14") < body.index("Viernes 18")
    assert "Calamares a la andaluza con ensalada" in body
    assert posts[-1].startswith("Alérgenos")
    assert "14 🦑 moluscos" in posts[-1] and "2 🦐" not in posts[-1]
    assert all(fits_in_tweet(post) for post in posts)
    assert len(posts) < 7  # days packed while they fit


def test_english_export_with_comma_and_allergen_names() -> None:
    posts = lunch_menu_posts((MENUS / "weekly_menu_en.csv").read_text(), language="en")
    assert posts[0] == "🍽️ School lunch menu for the week of 14 to 15 December"
    assert "Allergens: 1, 3, 4, 7" in posts[1]
    assert "7 🥛 milk" in posts[-1]


def test_latin1_export_with_bom_and_plain_headers_is_read() -> None:
    data = CANTEEN.encode("cp1252")
    assert decode_menu_file(data) == CANTEEN
    assert decode_menu_file(b"\xef\xbb\xbf" + CANTEEN.encode()) == CANTEEN
    plain = CANTEEN.replace("Día;Primer plato", "DIA;PRIMER PLATO").replace("Alérgenos",
                                                                            "ALERGENOS")
    assert lunch_menu_posts("\ufeff" + plain) == lunch_menu_posts(CANTEEN)


def test_dates_in_every_written_form_and_a_weekday_column() -> None:
    text = ("día,fecha,primero,segundo,postre\n"
            "lunes,2026-12-14,a,b,c\n"
            "martes,15-12-26,a,b,c\n"
            "miercoles,16 de diciembre de 2026,a,b,c\n")
    assert [d.day for d in read_menu(text)] == [date(2026, 12, 14), date(2026, 12, 15),
                                                date(2026, 12, 16)]


def test_allergens_by_number_name_and_emoji() -> None:
    text = f"{HEADER}\n14/12/2026;a;b;c;Gluten y LECHE / 🥚 + frutos de cáscara\n"
    assert read_menu(text)[0].allergens == (1, 3, 7, 8)
    assert read_menu(f"{HEADER}\n14/12/2026;a;b;c;1 3 7\n")[0].allergens == (1, 3, 7)
    assert read_menu(f"{HEADER}\n14/12/2026;a;b;c;ninguno\n")[0].allergens == ()


def test_month_spanning_menu_names_the_months() -> None:
    text = f"{HEADER}\n30/11/2026;a;b;c;\n01/12/2026;a;b;c;\n"
    posts = lunch_menu_posts(text)
    assert posts[0] == "🍽️ Menú escolar de la semana del 30 de noviembre al 1 de diciembre"
    assert "Lunes 30 de noviembre" in posts[1]
    assert len(posts) == 2  # no allergens: no legend


def test_missing_column_names_the_line_and_column() -> None:
    text = "Menú de diciembre;;\nfecha;primer plato;postre\n14/12/2026;a;c\n"
    err = _error(text)
    assert err.code == "menu.column_missing"
    assert err.params["line"] == 2 and err.params["column"] == "segundo plato"
    assert "Line 2" in str(err) and "segundo plato" in str(err)
    err = _error("fecha;comida\n14/12/2026;lentejas\n")  # only the date is known
    assert (err.code, err.params["line"], err.params["column"]) == (
        "menu.column_missing", 1, "primer plato")
    err = _error("semana;comida\n14/12/2026;lentejas\n")  # nothing known: the date first
    assert (err.params["line"], err.params["column"]) == (1, "fecha")


def test_bad_date_names_the_line_and_field() -> None:
    err = _error(f"{HEADER}\n14/12/2026;a;b;c;\n\n31/02/2026;a;b;c;\n")
    assert err.code == "menu.bad_date"
    assert err.params == {"line": 4, "column": "fecha", "value": "31/02/2026"}
    assert _error(f"{HEADER}\nel lunes;a;b;c;\n").code == "menu.bad_date"


def test_wrong_weekday_day_twice_unknown_allergen_no_dishes() -> None:
    err = _error(f"{HEADER}\nMartes 14/12/2026;a;b;c;\n")
    assert (err.code, err.params["line"]) == ("menu.weekday_mismatch", 2)
    err = _error(f"{HEADER}\n14/12/2026;a;b;c;\n2026-12-14;a;b;c;\n")
    assert (err.code, err.params["line"], err.params["first_line"]) == ("menu.day_twice", 3, 2)
    err = _error(f"{HEADER}\n14/12/2026;a;b;c;1, 15\n")
    assert err.code == "menu.allergen_unknown"
    assert (err.params["line"], err.params["column"], err.params["value"]) == (2, "alérgenos",
                                                                               "15")
    assert _error(f"{HEADER}\n14/12/2026;a;b;c;kiwi\n").params["value"] == "kiwi"
    err = _error(f"{HEADER}\n14/12/2026;;;;\n")
    assert (err.code, err.params["column"]) == ("menu.dishes_missing", "primer plato")


def test_empty_file_header_only_and_a_day_too_long() -> None:
    assert _error("").code == "menu.empty"
    assert _error("\ufeff\n;;;\n").code == "menu.empty"
    assert _error(HEADER + "\n").code == "menu.empty"
    err = _error(f"{HEADER}\n14/12/2026;{'x' * 300};b;c;\n")
    assert (err.code, err.params["line"]) == ("menu.day_too_long", 2)
    with pytest.raises(ValidationError):
        lunch_menu_posts(CANTEEN, language="fr")
