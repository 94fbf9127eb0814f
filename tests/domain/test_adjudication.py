"""Issue 26: the settled department boundaries (town policy in departments.json), the first
labels they move, the third reading of the readers' disagreements, the adjudicated
judgements, the routing threshold, and that the model learns from the train split only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jun_desk.domain.adjudicated_eval import Judged, at_threshold, figures, format_side_by_side
from jun_desk.domain.adjudication import (
    RELABELS_FILE,
    THIRD_READING_FILE,
    Judgement,
    Relabel,
    SecondReading,
    ThirdReading,
    agreement,
    judgements,
    read_relabels,
    read_second,
    read_third,
    settle,
)
from jun_desk.domain.classifier import LinearModel
from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.evaluation import Labelled
from jun_desk.domain.routing import routing_threshold_of
from jun_desk.domain.training import routing_threshold
from jun_desk.resources import resource_path
from jun_desk.services.triage_models import TrainingSet
from jun_desk.shared_material import TRIAGE_CORPUS, TRIAGE_SECOND_READER
from tests.material import need

CATALOGUE = DepartmentCatalogue.load(resource_path("departments.json"))
ISSUE_BOUNDARIES = {"fines_and_meters", "christmas_lights", "pests", "graffiti_and_debris"}


def test_the_boundaries_are_policy_in_both_languages_with_an_example():
    codes = {b.code for b in CATALOGUE.boundaries}
    assert codes >= ISSUE_BOUNDARIES
    for b in CATALOGUE.boundaries:
        assert b.rule_es and b.rule_en and b.example_es and b.example_en, b.code
        assert len(b.departments) >= 2
        assert b.example_es in b.text("es") and b.example_en in b.text("en")
    assert "fines_and_meters" in {b.code for b in CATALOGUE.boundaries_for("atencion")}
    assert "plagas" in CATALOGUE.get("limpieza").definition("es").lower()


def test_every_moved_label_and_third_reading_names_a_settled_boundary():
    relabels = read_relabels(resource_path("triage", RELABELS_FILE))
    assert len(relabels) > 300
    codes = {b.code for b in CATALOGUE.boundaries}
    for item_id, r in relabels.items():
        assert r.boundary in codes and r.reason and r.before != r.after, item_id
        assert {r.before, r.after} <= set(CATALOGUE.codes)
    third = read_third(resource_path("triage", THIRD_READING_FILE))
    assert third
    for item_id, t in third.items():
        assert t.department in t.acceptable and t.reason, item_id


def test_a_relabel_applies_only_to_the_label_it_was_made_for():
    relabels = {"a:1": Relabel("policia", "atencion", "fines_and_meters", "a fine")}
    assert settle("a:1", "policia", relabels) == "atencion"
    assert settle("a:1", "atencion", relabels) == "atencion"  # a rebuilt corpus
    assert settle("a:1", "obras", relabels) == "obras"
    assert settle("a:2", "policia", relabels) == "policia"


def test_judgements_follow_the_third_reading_and_the_second_readers_also():
    relabels = {"fine": Relabel("policia", "atencion", "fines_and_meters", "a fine")}
    second = {"fine": SecondReading("atencion", ("policia", "alcaldia"), 2),
              "torn": SecondReading("obras", (), 1),
              "lamp": SecondReading("obras", ("limpieza",), 3)}
    third = {"torn": ThirdReading("limpieza", frozenset({"limpieza", "obras"}), "graffiti")}
    out = judgements([("fine", "policia", "atencion"), ("torn", "limpieza", "limpieza"),
                      ("lamp", "obras", "obras"), ("once", "salud", "salud")],
                     relabels, second, third)
    # the boundary moved it from policía: policía is no longer acceptable
    assert out["fine"].truth == "atencion" and out["fine"].agreed
    assert out["fine"].acceptable == {"atencion", "alcaldia"}
    assert out["torn"].truth == "limpieza" and out["torn"].agreed is False
    assert out["lamp"].acceptable == {"obras", "limpieza"}
    assert out["once"].agreed is None and out["once"].acceptable == {"salud"}
    with pytest.raises(ValidationError, match="no third reading"):
        judgements([("torn", "limpieza", "limpieza")], {}, second, {})


def test_agreement_and_kappa():
    assert agreement([("a", "a"), ("b", "b")]) == (1.0, 1.0)
    exact, kappa = agreement([("a", "a"), ("a", "b"), ("b", "b"), ("b", "a")])
    assert exact == 0.5 and kappa == pytest.approx(0.0)


def test_routing_threshold_routes_only_what_is_right_often_enough():
    truth = ["a"] * 6
    answers = [("a", 0.95), ("a", 0.9), ("a", 0.85), ("b", 0.6), ("a", 0.5), ("b", 0.4)]
    threshold, share, right = routing_threshold(answers, truth, 0.97)
    assert 0.84 < threshold <= 0.85 and share == 0.5 and right == 1.0
    # unreachable: the threshold that routes the wanted share, its accuracy as it is
    threshold, share, right = routing_threshold([("b", 0.9), ("a", 0.8)], ["a", "a"], 0.97,
                                                fallback_share=1.0)
    assert share == 1.0 and right == 0.5


def test_the_figures_say_what_routing_at_the_calibrated_threshold_would_do():
    def row(n: int, best: str, confidence: float) -> Judged:
        item = Labelled(f"text {n}", "obras", id=f"x:{n}")
        return Judged(item, best, confidence, True,
                      Judgement("obras", frozenset({"obras", "limpieza"}), None, "obras", None))

    rows = [row(0, "obras", 0.97), row(1, "limpieza", 0.95), row(2, "policia", 0.93),
            row(3, "policia", 0.5)]
    at = at_threshold(rows, 0.94)
    assert at == {"threshold": 0.94, "share": 0.5, "right": 0.5, "acceptable": 1.0}
    assert figures(rows, ["obras"], 0.94)["at_routing_threshold"] == at
    assert figures(rows, ["obras"])["at_routing_threshold"] is None
    shown = format_side_by_side({"set": figures(rows, ["obras"], 0.94)})
    assert "at the routing threshold (0.940): routed" in shown


def test_a_model_names_the_routing_threshold_it_was_calibrated_for():
    model = LinearModel(["a", "b"], {}, [0.0, 0.0],
                        meta={"calibration": {"routing": {"threshold": 0.93}}})
    assert routing_threshold_of(model) == 0.93
    assert routing_threshold_of(LinearModel(["a", "b"], {}, [0.0, 0.0])) is None


def test_the_model_is_trained_on_the_train_split_only(tmp_path: Path):
    """The trainer (``triage train`` and ``retrain``) reads the corpus through
    ``TrainingSet.from_corpus``: test and replay items never reach ``train``."""
    rows = [{"id": f"x:{n}", "text": f"farola rota numero {n}", "department": "obras",
             "split": split} for n, split in enumerate(["train", "test", "replay"] * 3)]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    data = TrainingSet.from_corpus(path, ["obras", "limpieza"])
    assert data.train_texts == [r["text"] for r in rows if r["split"] == "train"]
    assert len(data.test) == 3


def test_every_disagreement_of_the_real_readers_has_a_third_reading():
    """On the material in ../shared: once the boundaries are applied, each doubly-read
    item the two readers still disagree on is resolved by a third reading."""
    corpus = need(TRIAGE_CORPUS)
    second = read_second(need(TRIAGE_SECOND_READER))
    relabels = read_relabels(resource_path("triage", RELABELS_FILE))
    third = read_third(resource_path("triage", THIRD_READING_FILE))
    rows = {r["id"]: r for r in map(json.loads, corpus.read_text(encoding="utf-8").splitlines())}
    assert set(second) <= {i for i, r in rows.items() if r["split"] == "test"}
    items = [(i, rows[i]["department"], settle(i, rows[i]["department"], relabels))
             for i in second]
    out = judgements(items, relabels, second, third)
    raw = agreement([(rows[i]["department"], second[i].department) for i in second])
    assert len(second) == 265 and round(raw[0], 3) == 0.796
    assert sum(j.agreed for j in out.values()) >= 211
    assert set(third) <= set(second)
