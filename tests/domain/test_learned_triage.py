"""The learned half of triage: features, the model, unclassified messages, languages,
urgency and bad input."""

from __future__ import annotations

import math

import pytest

from jun_desk.domain.classifier import (
    CONFIDENCE,
    CONFIDENCE_FEATURES,
    LinearModel,
    confidence_features,
    learned_confidence,
    text_features,
    tokens,
    word_features,
)
from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.language import detect
from jun_desk.domain.training import (
    Example,
    calibrate,
    calibrate_threshold,
    choose_threshold,
    combined,
    cross_validate,
    fit_confidence,
    lexicon_examples,
    score,
    train,
    tune_offsets,
)
from jun_desk.domain.workflow import Priority
from jun_desk.services.context import Rules

CLASSES = ["obras", "limpieza", "policia"]
TINY = [
    ("la farola de mi calle está apagada", "obras"),
    ("farola rota y sin luz en la plaza", "obras"),
    ("hay un bache enorme en la calzada", "obras"),
    ("la acera está levantada", "obras"),
    ("el contenedor está lleno de basura", "limpieza"),
    ("no recogen la basura desde el lunes", "limpieza"),
    ("contenedores desbordados y bolsas en el suelo", "limpieza"),
    ("pintadas en la pared del parque", "limpieza"),
    ("un coche mal aparcado en mi cochera", "policia"),
    ("robo en la tienda de la esquina", "policia"),
    ("coche en doble fila tapando la salida", "policia"),
    ("música altísima a las tres de la mañana", "policia"),
]


@pytest.fixture(scope="module")
def tiny_model() -> LinearModel:
    return train([Example.from_text(t, d) for t, d in TINY], CLASSES, c=4.0, threshold=0.3)


def test_typos_and_missing_accents_share_most_features() -> None:
    exact, typo = set(word_features("farolas")), set(word_features("farloas"))
    assert tokens("FARÓLA apagáda @AytoJun https://t.co/x") == ["farola", "apagada"]
    assert len(exact & typo) >= 3
    assert text_features("Farola") == text_features("farola")


def test_a_tiny_model_learns_and_explains(tiny_model: LinearModel) -> None:
    prediction = tiny_model.predict("la farloa está apagda")  # two typos
    assert prediction.department == "obras"
    assert prediction.evidence and all(e in "farloa apagda esta la" for e in prediction.evidence)
    assert tiny_model.predict("contenedor de basura lleno").department == "limpieza"
    assert tiny_model.predict("").department is None
    assert tiny_model.predict("😡 123").department is None


def test_model_round_trips_through_bytes(tiny_model: LinearModel) -> None:
    again = LinearModel.from_bytes(tiny_model.to_bytes())
    assert again.classes == tiny_model.classes and again.threshold == tiny_model.threshold
    for text, _ in TINY:
        a, b = tiny_model.predict(text), again.predict(text)
        assert a.department == b.department and abs(a.probability - b.probability) < 1e-3


@pytest.mark.parametrize("blob", [b"", b"not gzip", b"\x1f\x8b\x08\x00garbage"])
def test_a_damaged_model_is_a_clear_error(blob: bytes) -> None:
    with pytest.raises(ValidationError, match="Cannot read the triage model"):
        LinearModel.from_bytes(blob)


def test_training_needs_two_departments() -> None:
    with pytest.raises(ValidationError, match="two departments"):
        train([Example.from_text("farola", "obras")], CLASSES)


def test_cross_validation_and_threshold(tiny_model: LinearModel) -> None:
    judged = cross_validate([Example.from_text(t, d) for t, d in TINY], CLASSES, 4.0, folds=3)
    assert len(judged) == len(TINY)
    assert 0 < choose_threshold(judged, 0.1) <= 0.5
    result = score(tiny_model, [Example.from_text(t, d) for t, d in TINY])
    assert result.accuracy >= 0.9 and result.recall("obras") == 1.0


def test_offsets_shift_the_bias_and_are_kept_in_the_model(tiny_model: LinearModel) -> None:
    examples = [Example.from_text(t, d) for t, d in TINY]
    shifted = train(examples, CLASSES, c=4.0, threshold=0.3, offsets=[0.5, 0.0, -0.25])
    assert [round(b - a, 6) for a, b in zip(tiny_model.bias, shifted.bias, strict=True)] == [
        0.5, 0.0, -0.25]
    again = LinearModel.from_bytes(shifted.to_bytes())
    assert again.meta["offsets"] == [0.5, 0.0, -0.25]
    with pytest.raises(ValueError, match="one offset per department"):
        train(examples, CLASSES, offsets=[1.0])


def test_combined_answers_apply_offsets_and_the_rules_lift() -> None:
    probs = [[0.6, 0.5, 0.1], [0.2, 0.3, 0.25]]
    assert [a for a, _p in combined(probs, CLASSES)] == ["obras", "limpieza"]
    # An offset for limpieza turns the first; the rules' verdict for policía the second.
    lifted = combined(probs, CLASSES, [(None, 0.0), ("policia", 0.5)], 1.0, [0.0, 1.0, 0.0])
    assert [a for a, _p in lifted] == ["limpieza", "policia"]
    assert lifted[1][1] == pytest.approx(0.25 + 0.5 * 0.75)


def test_offsets_favour_a_department_the_model_underrates() -> None:
    # Held-out answers where limpieza is always a little below obras, but true.
    probs = [[0.55, 0.45, 0.05]] * 5 + [[0.8, 0.1, 0.05]] * 5
    truth = ["limpieza"] * 5 + ["obras"] * 5
    offsets = tune_offsets(probs, truth, CLASSES)
    answers = [a for a, _p in combined(probs, CLASSES, offsets=offsets)]
    assert answers == truth and offsets[1] > offsets[0]
    assert offsets[2] == 0.0  # no held-out policía message: left alone


def test_threshold_leaves_mostly_wrong_low_confidence_answers_to_a_person() -> None:
    answers = [("obras", 0.1), ("obras", 0.15), ("obras", 0.2)] + [("obras", 0.9)] * 27
    truth = ["limpieza", "limpieza", "obras"] + ["obras"] * 27
    # The three least confident are right once in three: at 40 % all three go to a person,
    # at 30 % only the two wrong ones.
    assert calibrate_threshold(answers, truth, right_below=0.4) == pytest.approx(0.2, abs=1e-3)
    assert calibrate_threshold(answers, truth, right_below=0.3) == pytest.approx(0.15, abs=1e-3)
    assert calibrate_threshold(answers, ["obras"] * 30) == 0.0  # all right: none left
    assert calibrate_threshold(answers, truth, most=0.0) == 0.0  # at most none


def test_calibrate_on_held_out_training_answers() -> None:
    examples = [Example.from_text(t, d) for t, d in TINY] * 2
    offsets, threshold, held = calibrate(examples, [(None, 0.0)] * len(examples), CLASSES,
                                         4.0, 1.0, folds=3)
    assert len(offsets) == len(CLASSES) and 0.0 <= threshold < 1.0
    assert set(held) == {"held_out_before", "held_out_best", "held_out_after", CONFIDENCE}
    assert held["held_out_best"]["accuracy"] >= held["held_out_before"]["accuracy"] - 1e-9
    assert held["held_out_before"]["unclassified"] == 0.0  # judged without a threshold
    mapping = held[CONFIDENCE]
    assert mapping["features"] == list(CONFIDENCE_FEATURES)
    assert len(mapping["weights"]) == len(CONFIDENCE_FEATURES)


def test_learned_confidence_rises_with_the_gap_to_the_runner_up() -> None:
    # Held-out answers whose winner is far ahead are right; those in a near tie are not.
    rows = ([[0.9, 0.05, 0.05]] * 20 + [[0.5, 0.45, 0.05]] * 10 + [[0.5, 0.45, 0.05]] * 10
            + [[0.85, 0.1, 0.05]] * 2)
    truth = ["a"] * 20 + ["a"] * 5 + ["b"] * 5 + ["a"] * 5 + ["b"] * 5 + ["b", "b"]
    mapping = fit_confidence(rows, truth, ["a", "b", "c"])
    far = learned_confidence(mapping, confidence_features([0.9, 0.05, 0.05]))
    near = learned_confidence(mapping, confidence_features([0.5, 0.45, 0.05]))
    assert 0.0 < near < 0.6 < far < 1.0
    # Every answer right (or every one wrong): a constant, no division by nothing.
    assert fit_confidence(rows[:20], truth[:20], ["a", "b", "c"])["weights"] == [0.0] * 4


def test_a_model_reads_its_learned_confidence_and_keeps_it_when_stored() -> None:
    model = train([Example.from_text(t, d) for t, d in TINY], CLASSES, c=4.0)
    probs = [0.7, 0.2] + [0.01] * (len(CLASSES) - 2)
    assert model.confidence(probs) == pytest.approx(0.7)  # no mapping: the winner's own
    model.meta[CONFIDENCE] = {"features": list(CONFIDENCE_FEATURES),
                              "weights": [10.0, 0.0, 0.0, 2.0], "bias": -3.0}
    again = LinearModel.from_bytes(model.to_bytes())
    assert again.confidence(probs) == pytest.approx(1 / (1 + math.exp(-(5.0 - 3.0))))
    assert again.confidence(probs, rules=1) > again.confidence(probs) > again.confidence(
        probs, rules=-1)
    assert again.confidence([]) == 0.0


def test_lexicon_examples_come_from_the_rules(rules: Rules) -> None:
    examples = lexicon_examples(rules.triage.rules.terms, repeat=1)
    assert {e.department for e in examples} == {d.code for d in rules.catalogue.routable}


# ---------------------------------------------------------------- triage with the model
def test_shipped_model_routes_informal_spelling(rules: Rules) -> None:
    for text, dept in [("la farola d mi calle sta apagada", "obras"),
                       ("el contenedor ta lleno", "limpieza"),
                       ("ay un coche mal aparcao en mi cochera", "policia")]:
        result = rules.triage.classify(text)
        assert result.department == dept, (text, result)
        assert result.evidence and "modelo" in result.reason("es")
        assert "model" in result.reason("en")


def test_handle_and_hashtag_still_decide(rules: Rules) -> None:
    assert rules.triage.classify("@PoliciaJun hola buenas").department == "policia"
    assert rules.triage.classify("#EndesaMeEstresa la farola rota").department == "suministros"


def test_an_override_rule_decides(rules: Rules) -> None:
    from jun_desk.domain.triage import Triage, TriageRules

    triage = Triage(TriageRules.from_dict({"override": {"punto limpio": "limpieza"}},
                                          rules.catalogue), lambda: rules.triage.model)
    result = triage.classify("la farola del punto limpio está apagada")
    assert result.department == "limpieza" and "regla: punto limpio" in result.reason()


def test_without_a_model_the_rules_work_as_before(rules: Rules) -> None:
    bare = rules.triage.fork(None)
    assert bare.model is None
    assert bare.classify("farola apagada").department == "obras"
    assert bare.classify("@AytoJun buenos días").department == "atencion"


FOREIGN = [
    ("مرحبا، الشارع مظلم منذ أسبوع ولا أحد يصلح المصباح", "ar", "árabe", "Arabic"),
    ("Bună ziua, strada noastră nu are lumină de o săptămână", "ro", "rumano", "Romanian"),
    ("Bonjour, la rue est très sale depuis une semaine, merci", "fr", "francés", "French"),
]


@pytest.mark.parametrize(("text", "code", "es", "en"), FOREIGN)
def test_other_languages_are_unclassified_with_the_language_named(
        rules: Rules, text: str, code: str, es: str, en: str) -> None:
    result = rules.triage.classify(text)
    assert result.department == UNCLASSIFIED and result.unclassified
    assert result.language.code == code
    assert es in result.reason("es") and en in result.reason("en")


@pytest.mark.parametrize("text", [
    "", "   ", "😡😡😡🤬", "x" * 100_000, "farola " * 20_000, "🙂" * 50_000,
    "Hello, the street lamp outside my house has been broken for a week",
    "<script>alert('x')</script><b>hola</b>", "def f(x):\n    return x + 1\n",
    "SELECT * FROM tickets; DROP TABLE tickets;--", "\x00\ud800 texto roto",
    "١٢٣٤٥", "#" * 500, "@" * 300,
])
def test_bad_input_gets_a_result_never_an_exception(rules: Rules, text: str) -> None:
    result = rules.triage.classify(text)
    assert result.department in rules.catalogue
    assert 0.0 <= result.confidence <= 1.0
    assert result.reason("es") and result.reason("en")
    rules.privacy.scan(text)


def test_nothing_to_judge_is_unclassified_not_the_default(rules: Rules) -> None:
    for text in ("", "😡😡😡", "12345"):
        result = rules.triage.classify(text)
        assert result.department == UNCLASSIFIED
        assert "Nada en qué basarse" in result.reason("es")


def test_english_is_judged(rules: Rules) -> None:
    assert detect("Hello, the bin outside my house has not been emptied").code == "en"
    assert rules.triage.classify("Hello, the bin outside my house has not been emptied "
                                 "contenedor").language.judged


@pytest.mark.parametrize(("text", "code"), [
    ("farola apagada", "es"), ("la farola de la calle Real está apagada", "es"),
    ("The street light is off again", "en"), ("Bună ziua, vă rog", "ro"),
    ("Привет, на улице темно", "ru"), ("😡", "und"), ("", "und"),
    ("A porta da rua está partida e não abre", "pt"),
])
def test_language_detection(text: str, code: str) -> None:
    assert detect(text).code == code


# ---------------------------------------------------------------- urgency
@pytest.mark.parametrize("text", [
    "Falta la tapa de la alcantarilla en mitad de la calle",
    "Hay cables colgando de la farola, llegan al suelo",
    "Tubería rota, el agua está inundando la calle",
    "Huele muchísimo a gas en el portal",
    "Un árbol a punto de caer sobre el parque infantil",
    "Mi padre ha desaparecido desde esta mañana, tiene alzheimer",
    "Hay un hombre sangrando en la plaza",
    "Se oyen golpes, creo que le pega a su mujer, le pega todas las noches",
    "Hay fuego en el monte, urgente",
    "Socavón enorme en la carretera",
])
def test_urgent_messages(rules: Rules, text: str) -> None:
    assert rules.triage.classify(text).priority is Priority.URGENT


@pytest.mark.parametrize("text", [
    "Otra vez sin recoger la basura", "Llevamos una semana igual, como siempre",
    "Me muero de risa con el bando del alcalde", "Solicito un cubo nuevo con tapa naranja",
    "La maleza está alta, hay riesgo de incendio este verano", "¿Menú del comedor?",
    "Se me ha caído la cara de vergüenza con las fiestas",
])
def test_routine_repeats_and_idioms_are_not_urgent(rules: Rules, text: str) -> None:
    assert rules.triage.classify(text).priority is not Priority.URGENT


def test_training_needs_neither_numpy_nor_scipy() -> None:
    """The packaged desk leaves them out: LIBLINEAR's binding works on plain lists."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['numpy'] = None; sys.modules['scipy'] = None\n"
        "from jun_desk.domain.training import Example, train\n"
        "m = train([Example.from_text('farola apagada', 'obras'),"
        " Example.from_text('basura en la calle', 'limpieza')], ['obras', 'limpieza'])\n"
        "print(m.predict('la farola').department)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "obras"
