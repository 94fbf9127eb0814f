"""The CIE-10 part of the health terms: how candidates are taken, and what the list holds."""

from __future__ import annotations

from jun_desk.domain.privacy import PrivacyScanner, load_health_terms
from jun_desk.resources import resource_path
from scripts.health_terms_cie10 import DROP, NOT_CONDITIONS, candidates


def test_candidates_are_condition_names_not_everyday_words() -> None:
    rows = [{"description": d} for d in (
        "Asma predominantemente alérgica", "Epilepsia y síndromes epilépticos",
        "Fractura del cuello del fémur", "Gota idiopática", "Peste bubónica",
        "Otras enfermedades de la piel", "Exhibicionismo", "Obstrucción intestinal",
        "Psoriasis vulgar", "Psoriasis pustulosa")]
    assert candidates(rows) == ["asma", "epilepsia", "fractura", "psoriasis"]


def test_the_shipped_list_holds_cie10_terms_and_none_dropped() -> None:
    terms = load_health_terms(resource_path("health_terms.txt"))
    assert {"asma", "glaucoma", "psoriasis", "herida"} <= set(terms)
    assert not (set(terms) & (DROP | NOT_CONDITIONS))
    scanner = PrivacyScanner(terms)
    assert [f.kind.value for f in scanner.scan("Mi hijo tiene epilepsia y no puede ir solo")] == [
        "health"]
    for routine in ("La tubería tiene una fisura y gotea", "Hay una peste horrible en la calle",
                    "Ningún operador instala fibra en el barrio"):
        assert scanner.scan(routine) == []
