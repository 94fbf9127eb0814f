"""Announcements, pure: the thread split, the schedule in the town's time, the cost."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from jun_desk.domain.announcements import (
    State,
    check_slot,
    checked_posts,
    estimate,
    local_slot,
    missed,
    parse_slot,
    require_state,
    split_thread,
)
from jun_desk.domain.costs import PriceTable
from jun_desk.domain.errors import InvalidTransitionError, ValidationError
from jun_desk.domain.tweet_length import weighted_length

MADRID = ZoneInfo("Europe/Madrid")
URL = "https://www.jun.es/corte-de-agua/calle-real-2026-12-14"
SENTENCES = [
    "El lunes 14 de diciembre habrá un corte de agua en la calle Real de 9:00 a 14:00.",
    "Los vecinos de los números 1 al 40 quedarán sin suministro durante las obras.",
    f"Más información en {URL} y en el teléfono del ayuntamiento.",
    "Rogamos disculpen las molestias; el servicio se restablecerá en cuanto sea posible.",
    "¿Dudas? Escríbanos por mensaje directo o acérquese a la oficina de atención.",
    "Gracias por su paciencia y colaboración, vecinos de Jun.",
]


def test_a_short_text_is_one_post_without_numbering() -> None:
    text = "Mañana, mercadillo en la plaza."
    assert split_thread(f"  {text}  ") == [text]


def test_a_long_text_becomes_a_numbered_thread_at_sentence_ends() -> None:
    text = " ".join(SENTENCES)
    posts = split_thread(text)
    assert len(posts) == 2
    assert [p.rsplit(" ", 1)[1] for p in posts] == ["1/2", "2/2"]
    assert all(weighted_length(p) <= 280 for p in posts)
    body = " ".join(p.rsplit(" ", 1)[0] for p in posts)
    assert body == text  # nothing lost, nothing reordered
    for post in posts:  # each post ends at a sentence's end
        assert post.rsplit(" ", 1)[0][-1] in ".?!"
    assert sum(URL in p for p in posts) == 1  # the URL whole, in one post


def test_a_sentence_longer_than_a_post_is_cut_at_spaces_never_inside_a_word() -> None:
    words = [f"palabra{i}" for i in range(120)]
    text = " ".join(words) + "."
    posts = split_thread(text)
    assert len(posts) >= 4
    rebuilt = " ".join(p.rsplit(" ", 1)[0] for p in posts)
    assert rebuilt == text
    assert all(weighted_length(p) <= 280 for p in posts)


def test_ten_or_more_posts_keep_their_wider_numbering_within_the_limit() -> None:
    text = " ".join(f"Frase número {i} del bando municipal de hoy, larga a propósito para llenar."
                    for i in range(60))
    posts = split_thread(text)
    assert len(posts) >= 10 and posts[-1].endswith(f" {len(posts)}/{len(posts)}")
    assert all(weighted_length(p) <= 280 for p in posts)


def test_an_unsplittable_word_and_an_empty_text_are_refused_by_name() -> None:
    with pytest.raises(ValidationError) as err:
        split_thread("x" * 400)
    assert err.value.code == "announcement.word_too_long"
    with pytest.raises(ValidationError) as err:
        split_thread("   ")
    assert err.value.code == "announcement.empty"


def test_checked_posts_names_the_post_that_is_too_long() -> None:
    with pytest.raises(ValidationError) as err:
        checked_posts(["bien", "a" * 281])
    assert err.value.code == "announcement.post_too_long"
    assert err.value.params["post"] == 2


def test_cost_a_post_a_post_with_a_link_and_a_thread_of_five() -> None:
    prices = PriceTable()
    assert estimate(["Hola"], prices).micro == 15_000
    assert estimate([f"Ver {URL}"], prices).micro == 200_000
    five = estimate(["uno", "dos", "tres", "cuatro", "cinco"], prices)
    assert (five.posts, five.micro) == (5, 75_000)


def test_slots_in_the_town_time_are_stored_in_utc_across_summer_time() -> None:
    winter = parse_slot("2026-12-14 09:00", MADRID)
    assert winter == datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
    summer = parse_slot("2027-06-14 09:00", MADRID)
    assert summer == datetime(2027, 6, 14, 7, 0, tzinfo=UTC)
    # 28 March 2027: 02:30 never happens in Madrid
    with pytest.raises(ValidationError) as err:
        local_slot(date(2027, 3, 28), time(2, 30), MADRID)
    assert err.value.code == "announcement.slot_nonexistent"
    # 31 October 2027: 02:30 happens twice; the first one (still summer time, UTC+2)
    assert local_slot(date(2027, 10, 31), time(2, 30), MADRID) == datetime(
        2027, 10, 31, 0, 30, tzinfo=UTC)


def test_a_slot_in_the_past_or_badly_written_is_refused_by_name() -> None:
    now = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as err:
        check_slot(datetime(2026, 12, 7, 19, 59, tzinfo=UTC), now, MADRID)
    assert err.value.code == "announcement.slot_past"
    assert err.value.params["slot"] == "2026-12-07 20:59"  # said in the town's time
    assert check_slot(parse_slot("2026-12-08 09:00", MADRID), now, MADRID) == datetime(
        2026, 12, 8, 8, 0, tzinfo=UTC)
    for bad in ("mañana", "2026-13-01 09:00", "2026-12-08 25:00", "2026-12-08"):
        with pytest.raises(ValidationError) as err:
            parse_slot(bad, MADRID)
        assert err.value.code == "announcement.slot_format"


def test_states_allow_only_their_steps() -> None:
    require_state("submit", State.DRAFT, 1)
    require_state("publish", State.DRAFT, 1)
    with pytest.raises(InvalidTransitionError) as err:
        require_state("approve", State.DRAFT, 7)
    assert err.value.code == "announcement.state" and err.value.params["number"] == 7
    with pytest.raises(InvalidTransitionError):
        require_state("cancel", State.PUBLISHING, 7)


def test_a_slot_is_missed_only_past_the_grace() -> None:
    slot = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    assert not missed(slot, datetime(2026, 12, 7, 8, 10, tzinfo=UTC))
    assert missed(slot, datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
    assert not missed(None, datetime(2026, 12, 7, 9, 0, tzinfo=UTC))


def test_a_numbered_thread_gives_back_the_text_it_was_split_from() -> None:
    from jun_desk.domain.announcements import unnumbered

    text = " ".join(SENTENCES)
    assert unnumbered(split_thread(text)) == text
    assert unnumbered(["Uno.", "Dos."]) == "Uno.\n---\nDos."  # written one by one


def test_posts_written_one_by_one_stay_as_written() -> None:
    from jun_desk.domain.announcements import thread_of

    menu = "Menú del lunes:\n\nLentejas\nPollo\n---\nLeyenda: 1 gluten"
    assert thread_of(menu) == ["Menú del lunes:\n\nLentejas\nPollo", "Leyenda: 1 gluten"]
    with pytest.raises(ValidationError) as err:
        thread_of("Bien.\n---\n" + "a " * 200)
    assert err.value.code == "announcement.post_too_long" and err.value.params["post"] == 2
    assert thread_of(" ".join(SENTENCES)) == split_thread(" ".join(SENTENCES))
