"""The routing policy (issue 26): which threshold a model is read at, and triage by it."""

from __future__ import annotations

from jun_desk.domain.classifier import LinearModel
from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.routing import (
    DEFAULT_POLICY,
    RoutingPolicy,
    routing_threshold_of,
    threshold_for,
)
from jun_desk.domain.training import ROUTE_RIGHT, Example, calibrate
from jun_desk.services.context import Rules
from tests.domain.test_learned_triage import CLASSES, TINY


def model(threshold: float, routing: dict[str, object] | None = None) -> LinearModel:
    meta = {"calibration": {"routing": routing}} if routing is not None else {}
    return LinearModel(["a", "b"], {}, [0.0, 0.0], threshold=threshold, meta=meta)


def test_the_default_is_to_route_only_when_it_is_safe() -> None:
    assert DEFAULT_POLICY is RoutingPolicy.SAFE


def test_a_model_with_the_routing_threshold_applied_keeps_the_lower_one() -> None:
    shipped = model(0.93, {"threshold": 0.93, "applied": True, "unclassified": 0.46})
    assert threshold_for(shipped, RoutingPolicy.SAFE) == 0.93
    assert threshold_for(shipped, RoutingPolicy.ALWAYS) == 0.46
    assert routing_threshold_of(shipped) == 0.93


def test_a_model_calibrated_before_routing_was_applied_is_read_the_same_way() -> None:
    # The routing threshold recorded, not applied: the model's own is "sin clasificar"'s.
    before = model(0.46, {"threshold": 0.93, "applied": False})
    assert threshold_for(before, RoutingPolicy.SAFE) == 0.93
    assert threshold_for(before, RoutingPolicy.ALWAYS) == 0.46


def test_a_model_without_routing_figures_has_one_threshold_for_both() -> None:
    plain = model(0.3)
    assert {threshold_for(plain, p) for p in RoutingPolicy} == {0.3}
    assert routing_threshold_of(plain) is None
    # A routing threshold below "sin clasificar"'s never routes more than "always".
    odd = model(0.5, {"threshold": 0.2, "unclassified": 0.5})
    assert threshold_for(odd, RoutingPolicy.SAFE) == 0.5


def test_calibrate_keeps_both_thresholds_and_applies_the_routing_one_when_told() -> None:
    examples = [Example.from_text(t, d) for t, d in TINY] * 2
    verdicts = [(None, 0.0)] * len(examples)
    _o, lower, held = calibrate(examples, verdicts, CLASSES, 4.0, 1.0, folds=3,
                                route_right=ROUTE_RIGHT)
    routing = held["routing"]
    assert routing["unclassified"] == lower and routing["applied"] is False
    _o, applied, held = calibrate(examples, verdicts, CLASSES, 4.0, 1.0, folds=3,
                                  route_right=ROUTE_RIGHT, route=True)
    assert applied == held["routing"]["threshold"] == routing["threshold"]
    assert held["routing"]["unclassified"] == lower and held["routing"]["applied"] is True


def test_the_shipped_model_routes_when_safe_and_keeps_the_threshold_of_always(
        rules: Rules) -> None:
    shipped = rules.triage.model
    assert shipped is not None
    safe, always = (threshold_for(shipped, p) for p in (RoutingPolicy.SAFE,
                                                        RoutingPolicy.ALWAYS))
    assert shipped.threshold == safe == routing_threshold_of(shipped) > always > 0.0


def test_triage_routes_by_its_policy(rules: Rules) -> None:
    """A message the model is fairly but not 97 % sure of: sin clasificar when routing only
    what is safe (its two choices offered), its department when routing always."""
    shipped = rules.triage.model
    assert shipped is not None
    triage = rules.triage.fork(lambda: shipped)
    text = "han hecho pintadas en la fachada de la biblioteca esta noche"
    safe = triage.classify(text)
    assert threshold_for(shipped, RoutingPolicy.ALWAYS) <= safe.confidence \
        < threshold_for(shipped, RoutingPolicy.SAFE)
    assert safe.department == UNCLASSIFIED and safe.choices[0] == "limpieza"
    assert "Dudoso" in safe.reason("es")
    triage.use_policy(RoutingPolicy.ALWAYS)
    always = triage.classify(text)
    assert always.department == "limpieza" and always.confidence == safe.confidence
    assert rules.triage.policy is RoutingPolicy.SAFE  # the fork's own policy


def test_an_urgent_message_for_the_police_never_waits(rules: Rules) -> None:
    """[priority] urgent_at_once: an accident the model places with the police below the
    safe threshold goes to the police at once (its urgent alert fires); an urgent message for
    another department, and a routine one for the police, still wait when unsure."""
    shipped = rules.triage.model
    assert shipped is not None and rules.triage.rules.urgent_at_once == {"policia"}
    triage = rules.triage.fork(lambda: shipped)
    safe_at = threshold_for(shipped, RoutingPolicy.SAFE)
    accident = triage.classify("@AytoJun accidente en la rotonda de la entrada, dos coches, "
                               "parece que no hay heridos pero está cortado el tráfico")
    assert accident.priority.value == "urgent" and accident.confidence < safe_at
    assert accident.department == "policia"
    branch = triage.classify("@AytoJun se ha caído una rama grande en calle Real y no se "
                             "puede pasar")
    assert branch.priority.value == "urgent" and branch.confidence < safe_at
    assert branch.department == UNCLASSIFIED and branch.best == "obras"
    # Without the line in the rules, the accident waits like any unsure message.
    plain = rules.triage.rules.__class__(**{**vars(rules.triage.rules),
                                            "urgent_at_once": frozenset()})
    waiting = type(rules.triage)(plain, lambda: shipped, rules.triage.urgency)
    assert waiting.classify("@AytoJun accidente en la rotonda de la entrada, dos coches, "
                            "parece que no hay heridos pero está cortado el tráfico"
                            ).department == UNCLASSIFIED


def test_an_unsure_answer_is_never_shown_at_the_threshold_it_missed(rules: Rules) -> None:
    """The percentage an unsure message shows is rounded down: 92.6 % below a 92.9 %
    threshold reads "92 %", not "93 %"."""
    from dataclasses import replace

    shipped = rules.triage.model
    assert shipped is not None
    unsure = replace(rules.triage.fork(lambda: shipped).classify(
        "han hecho pintadas en la fachada de la biblioteca esta noche"), confidence=0.926)
    assert "Dudoso (92%)" in unsure.reason("es") and "Unsure (92%)" in unsure.reason("en")
