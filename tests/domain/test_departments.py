import json

import pytest

from jun_desk.domain.departments import DepartmentCatalogue, contrast_ratio
from jun_desk.domain.errors import ValidationError
from jun_desk.resources import resource_path


@pytest.fixture
def catalogue() -> DepartmentCatalogue:
    return DepartmentCatalogue.load(resource_path("departments.json"))


def test_catalogue_has_the_towns_departments(catalogue: DepartmentCatalogue) -> None:
    assert catalogue.codes == ["policia", "obras", "limpieza", "salud", "educacion",
                               "suministros", "atencion", "alcaldia", "sin_clasificar"]
    assert [d.code for d in catalogue.routable] == catalogue.codes[:-1]
    assert catalogue.unclassified_code == "sin_clasificar"
    assert catalogue.default.code == "atencion"
    assert catalogue.get("policia").name("es") == "Policía Local"
    assert catalogue.get("policia").name("en") == "Local Police"


def test_every_department_colour_has_readable_text(catalogue: DepartmentCatalogue) -> None:
    for dept in catalogue:
        assert contrast_ratio(dept.colour, dept.text_colour) >= 4.5, dept.code


def test_colours_are_distinct(catalogue: DepartmentCatalogue) -> None:
    colours = [d.colour.lower() for d in catalogue]
    assert len(set(colours)) == len(colours)


def test_unknown_department_names_the_valid_ones(catalogue: DepartmentCatalogue) -> None:
    with pytest.raises(ValidationError, match=r"Unknown department 'bomberos'.*policia"):
        catalogue.get("bomberos")


def test_handle_lookup_ignores_case_and_at(catalogue: DepartmentCatalogue) -> None:
    assert catalogue.by_handle("@policiajun").code == "policia"
    assert catalogue.by_handle("nobody") is None


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["departments"].append(dict(d["departments"][0])), "twice"),
    (lambda d: d.update(default="nada"), "Default department"),
    (lambda d: d["departments"][0].update(colour="red"), "invalid colour"),
    (lambda d: d["departments"][0].update(code="Policía!"), "Invalid department code"),
    (lambda d: d["departments"][0].update(target_response_minutes=0), "positive"),
    (lambda d: d.pop("departments"), "lacks"),
])
def test_broken_catalogue_is_refused_clearly(mutate, message) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(resource_path("departments.json").read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(ValidationError, match=message):
        DepartmentCatalogue.from_dict(data)


def test_unreadable_catalogue_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "departments.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="Cannot read the department catalogue"):
        DepartmentCatalogue.load(bad)
