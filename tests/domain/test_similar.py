"""The words that tie two messages to one matter."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from jun_desk.domain.similar import GAP, key_words


def test_key_words_drop_what_every_message_has() -> None:
    assert key_words("Farola apagada en la calle Real desde hace 3 días @AytoJun #Jun "
                     "https://x.com/a") == ["apagada", "farola", "real"]
    assert key_words("Hola, gracias por todo") == []
    assert key_words("Hello, the street lamp is broken") == ["broken", "lamp"]


def _scenario_reports(*needles: str) -> list:  # type: ignore[type-arg]
    """The sandbox day's own tweets holding any of ``needles``, with their authors."""
    from jun_desk.x.sandbox.scenario import build_scenario

    scenario = build_scenario(2026)
    return [t for t in scenario.tweets if any(n in t.text for n in needles)]


def test_the_sandbox_accident_told_by_four_neighbours_is_one_matter() -> None:
    from jun_desk.domain.similar import group_reports

    reports = _scenario_reports("accidente en la rotonda", "furgoneta gris")
    assert len(reports) == 5 and len({r.author_id for r in reports}) == 5
    groups = group_reports(reports)
    assert sorted(len(g) for g in groups) == [1, 4]
    accident = next(g for g in groups if len(g) == 4)
    assert all("rotonda" in r.text for r in accident)
    assert [r.created_at for r in accident] == sorted((r.created_at for r in accident),
                                                      reverse=True)  # newest first
    assert groups[0][0].created_at == max(r.created_at for r in reports)


def test_the_same_words_at_another_place_or_time_are_another_matter() -> None:
    from jun_desk.domain.similar import group_reports, same_matter

    vado = "@AytoJun hay un coche mal aparcado tapando mi vado en {} y no puedo salir"
    assert same_matter(vado.format("calle Real"), vado.format("calle Real") + " 😡")
    assert not same_matter(vado.format("calle Real"), vado.format("calle Ancha"))
    assert not same_matter("@AytoJun música a todo volumen en calle Baja a las 23:15",
                           "@AytoJun música a todo volumen en calle Baja a las 2:00")
    assert not same_matter(_scenario_reports("accidente en la rotonda")[0].text,
                           _scenario_reports("furgoneta gris")[0].text)
    assert same_matter("@AytoJun 😡😡😡", "@AytoJun 😡😡😡")
    accident = _scenario_reports("accidente en la rotonda")
    far = [accident[0], replace(accident[1], created_at=accident[0].created_at
                                + GAP + timedelta(minutes=1))]
    assert len(group_reports(far)) == 2  # hours later, at the same place: another accident
