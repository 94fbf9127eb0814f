"""Notices: a street named however it is written, the town's time, the texts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.notices import (
    answer_text,
    checked_fields,
    local_to_utc,
    names_street,
    notice_text,
    street_words,
)
from jun_desk.domain.town_time import town_zone
from jun_desk.domain.tweet_length import fits_in_tweet

ZONE = town_zone()


@pytest.mark.parametrize(("street", "words"), [
    ("Calle Mayor", ("mayor",)), ("C/ Mayor", ("mayor",)), ("c/mayor", ("mayor",)),
    ("Avda. de la Constitución", ("constitucion",)), ("Avenida Constitucion", ("constitucion",)),
    ("Plaza del Ayuntamiento", ("ayuntamiento",)), ("C/ Real de Jun", ("real", "jun")),
])
def test_street_words_leave_out_the_kind_and_linking_words(street: str,
                                                           words: tuple[str, ...]) -> None:
    assert street_words(street) == words


@pytest.mark.parametrize(("text", "street", "found"), [
    ("Llevamos sin agua en la C/Mayor toda la mañana", "Calle Mayor", True),
    ("no hay luz en CALLE MAYOR 3", "C/ Mayor", True),
    ("sin agua en la calle Mayor desde las 9", "Calle Mayor", True),
    ("el alcalde mayor no contesta", "Calle Mayor", False),  # a common word, not after 'calle'
    ("escombros en la vía pública", "Calle de la Vía", False),
    ("escombros en la calle de la Vía", "Calle de la Vía", True),
    ("sin luz en Fuencarral 12", "Calle Fuencarral", True),  # no ordinary word: found alone
    ("cortada la avenida de la Constitución", "Avda. Constitución", True),
    ("obras en avda constitucion", "Avenida de la Constitución", True),
    ("obras en la Constitución", "Avenida de la Constitución", True),
    ("sin agua en calle Real", "Calle Mayor", False),
    ("no water on Mayor street", "Calle Mayor", True),
    ("c/ Real de Jun sin luz", "Calle Real de Jun", True),
    ("calle Real sin luz", "Calle Real de Jun", False),
])
def test_a_text_names_the_street_however_written(text: str, street: str, found: bool) -> None:
    assert names_street(text, street) is found


def test_local_times_become_utc_across_summer_time() -> None:
    assert local_to_utc(datetime(2026, 12, 14, 9, 0), ZONE) == datetime(2026, 12, 14, 8, 0,
                                                                        tzinfo=UTC)
    assert local_to_utc(datetime(2026, 7, 14, 9, 0), ZONE) == datetime(2026, 7, 14, 7, 0,
                                                                       tzinfo=UTC)


def test_texts_in_local_time_both_languages_and_spanning_days() -> None:
    fields = checked_fields("obras", "Avda. de la Constitución",
                            local_to_utc(datetime(2026, 12, 14, 22, 0), ZONE),
                            local_to_utc(datetime(2026, 12, 15, 6, 30), ZONE), "obras")
    es = notice_text(fields, ZONE, "Obras y mantenimiento")
    assert es == ("🚧 Aviso: obras en Avda. de la Constitución desde el lunes 14 de diciembre "
                  "a las 22:00 hasta el martes 15 de diciembre a las 6:30. Obras y "
                  "mantenimiento. Disculpen las molestias.")
    assert answer_text(fields, ZONE).startswith("Ya lo sabemos: hay unas obras en Avda.")
    en = answer_text(fields, ZONE, "en")
    assert "from Monday 14 December 22:00 to Tuesday 15 December 6:30" in en
    long_street = checked_fields("corte_luz", "x" * 120, fields.starts_at, fields.ends_at,
                                 "suministros")
    assert fits_in_tweet(notice_text(long_street, ZONE, "Suministros"))


def test_bad_fields() -> None:
    start = datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
    for args, code in [(("corte_agua", "", start, start.replace(hour=9)),
                        "notice.street_missing"),
                       (("corte_agua", "Calle", start, start.replace(hour=9)),
                        "notice.street_missing"),
                       (("corte_agua", "Mayor", start, start), "notice.ends_before"),
                       (("corte_agua", "M" * 121, start, start.replace(hour=9)),
                        "notice.street_too_long"),
                       (("riada", "Mayor", start, start.replace(hour=9)),
                        "notice.kind_unknown")]:
        with pytest.raises(ValidationError) as caught:
            checked_fields(*args, "suministros")
        assert caught.value.code == code
