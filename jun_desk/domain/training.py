"""Training the triage model: one-vs-rest L2 logistic regression with LIBLINEAR.

LIBLINEAR (``liblinear-official``, the authors' own binding: a small C library reached
through ctypes) takes plain Python lists of sparse dictionaries, so neither numpy nor
scipy is needed to train. Hashed features are renumbered 1..N for it, and its weights are
read back into a :class:`LinearModel`, which predicts without LIBLINEAR.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jun_desk.domain.classifier import (
    CONFIDENCE,
    CONFIDENCE_FEATURES,
    LinearModel,
    confidence_features,
    learned_confidence,
    text_features,
)
from jun_desk.domain.errors import bad_resource
from jun_desk.domain.routing import ROUTING_AT, UNCLASSIFIED_AT

DEFAULT_C = 4.0
RULES_WEIGHT_FLOOR = 1.0
LEXICON_REPEAT = 3
OFFSET_STEPS = tuple(x / 4 for x in range(-8, 9))  # -2 .. +2 in quarters


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled message as the trainer sees it: its hashed features and department."""

    features: dict[int, float]
    department: str

    @classmethod
    def from_text(cls, text: str, department: str) -> Example:
        return cls(text_features(text), department)


def train(examples: Sequence[Example], classes: Sequence[str], *, c: float = DEFAULT_C,
          threshold: float = 0.5, meta: dict[str, Any] | None = None,
          balance: float = 1.0, cap: float = 10.0,
          offsets: Sequence[float] | None = None, solver: int = 0,
          scale: float = 1.0) -> LinearModel:
    """A model for ``classes`` learned from ``examples`` (departments outside ``classes``
    are left out). ``balance``: departments with few examples weigh (mean / n) ** balance
    times more, at most ``cap`` times (0: all weigh the same). ``offsets``: added to each
    department's bias (see ``tune_offsets``). Raises ValidationError when there is too
    little to learn from."""
    try:
        from liblinear.liblinearutil import train as ll_train
    except ImportError as exc:  # pragma: no cover - the dependency is declared
        raise bad_resource(f"Training needs the liblinear-official package: {exc}") from None
    wanted = list(classes)
    usable = [e for e in examples if e.department in wanted and e.features]
    present = {e.department for e in usable}
    if len(present) < 2:
        raise bad_resource("Training needs labelled messages of at least two departments")
    index: dict[int, int] = {}
    rows: list[dict[int, float]] = []
    labels: list[int] = []
    for e in usable:
        row = {}
        for f, v in e.features.items():
            i = index.get(f)
            if i is None:
                i = index[f] = len(index) + 1
            row[i] = v
        rows.append(row)
        labels.append(wanted.index(e.department))
    options = f"-s {solver} -c {c} -B 1 -q"
    if balance:
        # Departments with few examples weigh more (up to ``cap`` times), so the largest
        # one does not win every doubtful message.
        counts = Counter(labels)
        mean = len(labels) / len(counts)
        for label, n in sorted(counts.items()):
            options += f" -w{label} {min(cap, max(1.0, (mean / n) ** balance)):.3f}"
    model = ll_train(labels, rows, options)
    trained = model.get_labels()
    n = len(wanted)
    by_class = {label: k for k, label in enumerate(trained)}
    nr_feature = model.get_nr_feature()
    weights: dict[int, list[float]] = {}
    reverse = {i: f for f, i in index.items()}
    columns: list[int | None] = []
    for label in range(n):
        k = by_class.get(label)
        if k is None:  # a department with no example: never predicted
            columns.append(None)
        else:
            columns.append(k)
    for i in range(1, nr_feature + 1):
        w = [scale * model.get_decfun_coef(i, k) if k is not None else 0.0 for k in columns]
        if any(abs(x) > 1e-6 for x in w):
            weights[reverse[i]] = w
    # The bias is LIBLINEAR's extra feature (-B 1): its weight is the bias.
    bias = [scale * model.get_decfun_bias(k) if k is not None else -30.0 for k in columns]
    info = {"examples": len(usable), "c": c, "balance": balance, "solver": solver,
            "scale": scale,
            "per_department": dict(Counter(e.department for e in usable)), **(meta or {})}
    if offsets is not None:
        if len(offsets) != n:
            raise ValueError(f"one offset per department is needed: {len(offsets)} for {n}")
        bias = [b + o if b > -30.0 else b for b, o in zip(bias, offsets, strict=True)]
        info["offsets"] = [round(o, 4) for o in offsets]
    return LinearModel(wanted, weights, bias, threshold=threshold, meta=info)


def _scores(model: LinearModel, features: dict[int, float]) -> list[float]:
    """Each class's linear score (bias + weights · features) for a featurised message."""
    scores = list(model.bias)
    for f, v in features.items():
        w = model.weights.get(f)
        if w is not None:
            for k, x in enumerate(w):
                scores[k] += x * v
    return scores


def predict_features(model: LinearModel, features: dict[int, float]) -> tuple[str | None, float]:
    """(department, probability) of an already featurised message."""
    if not features:
        return None, 0.0
    probs = class_probabilities(model, features)
    best = max(range(len(model.classes)), key=probs.__getitem__)
    return model.classes[best], model.confidence(probs)


@dataclass
class Score:
    """How a model does on labelled examples, with unsure answers left unclassified."""

    total: int = 0
    correct: int = 0
    unclassified: int = 0
    per_department: dict[str, list[int]] = field(default_factory=dict)  # tp, fn
    best_correct: int = 0  # the department judged most likely right, also when unsure

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def best_accuracy(self) -> float:
        """How often the model's choice is right, the routing threshold aside."""
        return self.best_correct / self.total if self.total else 0.0

    def recall(self, department: str) -> float:
        tp, fn = self.per_department.get(department, [0, 0])
        return tp / (tp + fn) if tp + fn else 0.0


def score(model: LinearModel, examples: Iterable[Example],
          threshold: float | None = None) -> Score:
    limit = model.threshold if threshold is None else threshold
    result = Score()
    for e in examples:
        department, p = predict_features(model, e.features)
        result.total += 1
        counts = result.per_department.setdefault(e.department, [0, 0])
        result.best_correct += department == e.department
        if department is None or p < limit:
            result.unclassified += 1
            counts[1] += 1
        elif department == e.department:
            result.correct += 1
            counts[0] += 1
        else:
            counts[1] += 1
    return result


def lexicon_examples(terms: dict[str, dict[str, int]], repeat: int = LEXICON_REPEAT,
                     ) -> list[Example]:
    """The rules' department terms as tiny labelled messages ('farola' → obras): they teach
    the model the words of departments the corpus has few messages for."""
    out = []
    for department, weights in terms.items():
        for term in weights:
            example = Example.from_text(term.rstrip().rstrip("*"), department)
            if example.features:
                out.extend([example] * repeat)
    return out


def _logit(p: float) -> float:
    p = min(1.0 - 1e-9, max(1e-9, p))
    return math.log(p / (1.0 - p))


def combined(probabilities: Sequence[Sequence[float]], classes: Sequence[str],
             verdicts: Sequence[tuple[str | None, float]] = (), rules_weight: float = 0.0,
             offsets: Sequence[float] | None = None) -> list[tuple[str, float]]:
    """(answer, confidence) of each message from its held-out department probabilities,
    as ``Triage.classify`` combines them: ``offsets`` added to the decision values, then
    the rules' verdict (department, confidence) lifting its department by ``rules_weight``."""
    out = []
    for probs in lifted(probabilities, classes, verdicts, rules_weight, offsets):
        best = max(range(len(classes)), key=probs.__getitem__)
        out.append((classes[best], probs[best]))
    return out


def lifted(probabilities: Sequence[Sequence[float]], classes: Sequence[str],
           verdicts: Sequence[tuple[str | None, float]] = (), rules_weight: float = 0.0,
           offsets: Sequence[float] | None = None) -> list[list[float]]:
    """Each message's department probabilities as ``Triage.classify`` sees them before
    choosing: ``offsets`` added to the decision values, then the rules' lift."""
    n = len(classes)
    index = {d: k for k, d in enumerate(classes)}
    shift = list(offsets) if offsets is not None else [0.0] * n
    out = []
    for i, row in enumerate(probabilities):
        probs = [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, _logit(p) + o))))
                 for p, o in zip(row[:n], shift, strict=True)]
        if i < len(verdicts):
            ruled, confidence = verdicts[i]
            k = index.get(ruled, -1) if ruled else -1
            if k >= 0:
                probs[k] += min(1.0, rules_weight * confidence) * (1.0 - probs[k])
        out.append(probs)
    return out


def rules_say(probs: Sequence[float], classes: Sequence[str], ruled: str | None) -> int:
    """+1 when the rules' verdict names the most likely department, -1 another, 0 none."""
    if not ruled:
        return 0
    best = max(range(len(classes)), key=probs.__getitem__)
    return 1 if classes[best] == ruled else -1


def fit_confidence(rows: Sequence[Sequence[float]], truth: Sequence[str],
                   classes: Sequence[str], verdicts: Sequence[tuple[str | None, float]] = (),
                   c: float = 10.0) -> dict[str, Any]:
    """The routing confidence (issue 26): a logistic regression, learned on held-out
    answers, of whether the most likely department is right, from the gap to the
    runner-up, that gap in log-odds, the winner's probability and the rules' say (see
    ``classifier.CONFIDENCE_FEATURES``). Platt scaling with a few more inputs: a winner
    far ahead of the second, that the rules agree with, is right far more often than its
    own one-vs-rest probability says."""
    from liblinear.liblinearutil import train as ll_train

    features: list[dict[int, float]] = []
    labels: list[int] = []
    for i, (probs, t) in enumerate(zip(rows, truth, strict=True)):
        ruled = verdicts[i][0] if i < len(verdicts) else None
        values = confidence_features(probs, rules_say(probs, classes, ruled))
        features.append({k + 1: v for k, v in enumerate(values)})
        best = max(range(len(classes)), key=probs.__getitem__)
        labels.append(int(classes[best] == t))
    if len(set(labels)) < 2:  # all right or all wrong: nothing to learn, a constant
        p = min(1.0 - 1e-6, max(1e-6, sum(labels) / max(1, len(labels))))
        return {"features": list(CONFIDENCE_FEATURES), "weights": [0.0] * len(CONFIDENCE_FEATURES),
                "bias": _logit(p)}
    model = ll_train(labels, features, f"-s 0 -c {c} -B 1 -q")
    sign = 1.0 if model.get_labels()[0] == 1 else -1.0
    return {"features": list(CONFIDENCE_FEATURES),
            "weights": [round(sign * model.get_decfun_coef(k + 1, 0), 6)
                        for k in range(len(CONFIDENCE_FEATURES))],
            "bias": round(sign * model.get_decfun_bias(0), 6)}


def confident_answers(rows: Sequence[Sequence[float]], classes: Sequence[str],
                      mapping: dict[str, Any],
                      verdicts: Sequence[tuple[str | None, float]] = (),
                      ) -> list[tuple[str, float]]:
    """(answer, learned confidence) of each message's lifted probabilities."""
    out = []
    for i, probs in enumerate(rows):
        ruled = verdicts[i][0] if i < len(verdicts) else None
        best = max(range(len(classes)), key=probs.__getitem__)
        out.append((classes[best], learned_confidence(
            mapping, confidence_features(probs, rules_say(probs, classes, ruled)))))
    return out


def tune_offsets(probabilities: Sequence[Sequence[float]], truth: Sequence[str],
                 classes: Sequence[str], verdicts: Sequence[tuple[str | None, float]] = (),
                 rules_weight: float = 0.0, steps: Sequence[float] = OFFSET_STEPS,
                 rounds: int = 3, recall_weight: float = 1.0) -> list[float]:
    """Per-department offsets to the decision value, chosen on held-out (cross-validated)
    probabilities: coordinate ascent on accuracy + ``recall_weight`` × the mean of the
    departments' recalls, so a thin department is not sacrificed to the big ones. With
    ``verdicts`` and ``rules_weight`` the rules' lift is applied as ``Triage.classify``
    does. Offsets stay within ``steps``; ties keep the smaller offset."""
    n = len(classes)
    counts = Counter(truth)

    def objective(offsets: list[float]) -> float:
        answers = combined(probabilities, classes, verdicts, rules_weight, offsets)
        hits = Counter(t for t, (a, _p) in zip(truth, answers, strict=True) if t == a)
        accuracy = sum(hits.values()) / max(1, len(truth))
        recalls = [hits[d] / counts[d] for d in classes if counts[d]]
        return accuracy + recall_weight * sum(recalls) / max(1, len(recalls))

    offsets = [0.0] * n
    best_value = objective(offsets)
    for _round in range(rounds):
        moved = False
        for k in range(n):
            if not counts[classes[k]]:
                continue
            for step in sorted(steps, key=abs):
                trial = list(offsets)
                trial[k] = step
                value = objective(trial)
                if value > best_value + 1e-9:
                    best_value, offsets, moved = value, trial, True
        if not moved:
            break
    return offsets


def calibrate_threshold(answers: Sequence[tuple[str, float]], truth: Sequence[str],
                        right_below: float = 0.5, most: float = 0.10) -> float:
    """The "sin clasificar" threshold from held-out answers: the highest confidence below
    which the answers are right at most ``right_below`` of the time (a person routes those
    better than a coin), leaving at most ``most`` of the messages unclassified."""
    judged = sorted((p, a == t) for (a, p), t in zip(answers, truth, strict=True))
    limit = int(len(judged) * most)
    threshold = 0.0
    right = 0
    for i, (p, ok) in enumerate(judged[:limit], 1):
        right += ok
        if right / i <= right_below:
            threshold = p + 1e-6
    return round(threshold, 4)


ROUTE_RIGHT = 0.97
ROUTE_SHARE = 0.70


def routing_threshold(answers: Sequence[tuple[str, float]], truth: Sequence[str],
                      right: float = ROUTE_RIGHT, fallback_share: float = ROUTE_SHARE,
                      ) -> tuple[float, float, float]:
    """The lowest confidence at which the (held-out) answers at or above it are right at
    least ``right`` of the time: messages below it wait "sin clasificar" for a person.
    When no confidence reaches ``right``, the one that routes ``fallback_share`` of the
    messages (the share the desk needs routed) — its accuracy is then reported as it is.
    Returns the threshold, the share routed and how often those were right."""
    judged = sorted(((p, a == t) for (a, p), t in zip(answers, truth, strict=True)),
                    reverse=True)
    if not judged:
        return 1.0, 0.0, 0.0
    cuts: list[tuple[float, int, int]] = []  # (confidence, routed, right) at each distinct p
    hits = 0
    for n, (p, ok) in enumerate(judged, 1):
        hits += ok
        if n == len(judged) or judged[n][0] < p:
            cuts.append((p, n, hits))
    good = [c for c in cuts if c[2] / c[1] >= right]
    if good:
        p, n, hits = good[-1]
    else:
        want = fallback_share * len(judged)
        p, n, hits = next((c for c in cuts if c[1] >= want), cuts[-1])
    return round(max(0.0, p - 1e-6), 6), n / len(judged), hits / n


def cross_validate(examples: Sequence[Example], classes: Sequence[str], c: float,
                   folds: int = 5, extra: Sequence[Example] = (),
                   ) -> list[tuple[str, str | None, float]]:
    """(truth, answer, probability) of every example, each judged by a model trained
    without it (``folds``-fold, examples dealt round-robin: deterministic). ``extra``
    examples are always trained on, never judged."""
    out: list[tuple[str, str | None, float]] = []
    for k in range(folds):
        held = [e for i, e in enumerate(examples) if i % folds == k]
        rest = [e for i, e in enumerate(examples) if i % folds != k] + list(extra)
        model = train(rest, classes, c=c)
        for e in held:
            answer, p = predict_features(model, e.features)
            out.append((e.department, answer, p))
    return out


def choose_threshold(judged: Sequence[tuple[str, str | None, float]],
                     unclassified: float = 0.05, ceiling: float = 0.5) -> float:
    """The confidence below which a message is left unclassified: the level that leaves
    about ``unclassified`` of held-out messages to a person (at most ``ceiling``)."""
    probs = sorted(p for _t, _a, p in judged)
    if not probs:
        return ceiling
    at = probs[min(len(probs) - 1, int(len(probs) * unclassified))]
    return round(min(ceiling, at), 4)


def fit(examples: Sequence[Example], classes: Sequence[str],
        cs: Sequence[float] = (4.0, 16.0, 32.0), unclassified: float = 0.08,
        meta: dict[str, Any] | None = None, extra: Sequence[Example] = ()) -> LinearModel:
    """Choose C and the threshold by cross-validation on ``examples``, then train on all
    (and on ``extra``, e.g. ``lexicon_examples``)."""
    best: tuple[float, float, list[Any]] | None = None
    for c in cs:
        judged = cross_validate(examples, classes, c, extra=extra)
        accuracy = sum(t == a for t, a, _p in judged) / max(1, len(judged))
        if best is None or accuracy > best[0]:
            best = (accuracy, c, judged)
    assert best is not None
    accuracy, c, judged = best
    threshold = choose_threshold(judged, unclassified)
    return train(list(examples) + list(extra), classes, c=c, threshold=threshold,
                 meta={"cv_accuracy": round(accuracy, 4), "lexicon": len(extra),
                       **(meta or {})})


def cv_probabilities(examples: Sequence[Example], classes: Sequence[str], c: float,
                     extra: Sequence[Example] = (), folds: int = 5) -> list[list[float]]:
    """Each example's department probabilities from a model trained without it."""
    out: list[list[float]] = [[] for _ in examples]
    for k in range(folds):
        rest = [e for i, e in enumerate(examples) if i % folds != k] + list(extra)
        model = train(rest, classes, c=c)
        for i, e in enumerate(examples):
            if i % folds == k:
                out[i] = class_probabilities(model, e.features)
    return out


def calibrate(examples: Sequence[Example], verdicts: Sequence[tuple[str | None, float]],
              classes: Sequence[str], c: float, rules_weight: float,
              extra: Sequence[Example] = (), folds: int = 5, recall_weight: float = 0.5,
              right_below: float = 0.4, most: float = 0.10,
              route_right: float | None = None, route: bool = False,
              ) -> tuple[list[float], float, dict[str, Any]]:
    """Per-department offsets and the "sin clasificar" threshold, both chosen on held-out
    (``folds``-fold) answers of the training examples as ``Triage.classify`` would give
    them (model, offsets, the rules' lift): see ``tune_offsets`` and
    ``calibrate_threshold``. Returns the offsets, the threshold and the held-out figures."""
    probs = cv_probabilities(examples, classes, c, extra, folds)
    truth = [e.department for e in examples]
    before = combined(probs, classes, verdicts, rules_weight)
    offsets = tune_offsets(probs, truth, classes, verdicts, rules_weight,
                           recall_weight=recall_weight)
    rows = lifted(probs, classes, verdicts, rules_weight, offsets)
    mapping = fit_confidence(rows, truth, classes, verdicts)
    after = confident_answers(rows, classes, mapping, verdicts)
    threshold = calibrate_threshold(after, truth, right_below, most)
    routing: dict[str, Any] = {CONFIDENCE: mapping}
    if route_right is not None:
        # Routing the desk can trust without looking (issue 26): below this confidence a
        # message waits "sin clasificar" with its two most likely departments offered.
        at, share, hit = routing_threshold(after, truth, route_right)
        # Both thresholds are kept: the town's routing policy chooses between them
        # (``domain.routing``); ``route`` makes the routing one the model's own.
        routing["routing"] = {"right": route_right, ROUTING_AT: at, "applied": route,
                              UNCLASSIFIED_AT: threshold, "routed_held_out": round(share, 4),
                              "right_held_out": round(hit, 4)}
        if route:  # applied: below it the message waits "sin clasificar"
            threshold = at

    def figures(answers: list[tuple[str, float]], limit: float) -> dict[str, Any]:
        counts = Counter(truth)
        hits = Counter(t for t, (a, p) in zip(truth, answers, strict=True)
                       if t == a and p >= limit)
        return {"accuracy": round(sum(hits.values()) / max(1, len(truth)), 4),
                "unclassified": round(sum(p < limit for _a, p in answers) / max(1, len(truth)),
                                      4),
                "recall": {d: round(hits[d] / counts[d], 3) for d in classes if counts[d]}}

    # Before: the offsets and the learned confidence not yet applied, every answer judged.
    return offsets, threshold, {"held_out_before": figures(before, 0.0),
                                "held_out_best": figures(after, 0.0),
                                "held_out_after": figures(after, threshold), **routing}


def class_probabilities(model: LinearModel, features: dict[int, float]) -> list[float]:
    """Each department's own (one-vs-rest) probability for a featurised message."""
    scores = _scores(model, features)
    return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))
            for s in scores[:len(model.classes)]]


def tune_rules_weight(examples: Sequence[Example], verdicts: Sequence[tuple[str | None, float]],
                      classes: Sequence[str], c: float, extra: Sequence[Example] = (),
                      weights: Sequence[float] = (0.0, 0.5, 1.0, 1.5, 2.0),
                      folds: int = 5, minimum: float = RULES_WEIGHT_FLOOR,
                      ) -> tuple[float, dict[float, float]]:
    """How much the rules' verdict (department, confidence) of each example should lift the
    model's probability (see ``Triage.classify``): the weight with the best held-out
    accuracy, but at least ``minimum``. The corpus comes from other cities, while the rules
    hold the town's own words (its streets, festivities, the clinic's name), which held-out
    corpus messages cannot value: the floor keeps the rules' say. Returns the weight and the
    held-out accuracy of each weight tried."""
    judged: list[tuple[str, list[float], tuple[str | None, float]]] = []
    for k in range(folds):
        rest = [e for i, e in enumerate(examples) if i % folds != k] + list(extra)
        model = train(rest, classes, c=c)
        for i, e in enumerate(examples):
            if i % folds == k:
                judged.append((e.department, class_probabilities(model, e.features),
                               verdicts[i]))
    index = {d: k for k, d in enumerate(classes)}
    accuracy: dict[float, float] = {}
    for weight in weights:
        right = 0
        for truth, probs, (ruled, confidence) in judged:
            lifted = list(probs)
            if ruled in index:
                k = index[ruled]
                lifted[k] += min(1.0, weight * confidence) * (1.0 - lifted[k])
            best = max(range(len(lifted)), key=lifted.__getitem__)
            right += classes[best] == truth
        accuracy[weight] = right / max(1, len(judged))
    best_weight = max(weights, key=lambda w: (accuracy[w], -abs(w - 1.0)))
    return max(best_weight, minimum), accuracy


URGENT, ROUTINE = "urgent", "routine"


def urgency_head(examples: Sequence[Example], c: float = DEFAULT_C, false_alarms: float = 0.01,
                 folds: int = 5) -> tuple[dict[int, float], float, float, dict[str, Any]]:
    """A learned urgency column from messages labelled URGENT or ROUTINE: its weights,
    bias and threshold. The threshold is the lowest at which held-out routine messages are
    flagged at most ``false_alarms`` of the time (the maintained lexicon catches the rest;
    this head adds what the lexicon misses without flagging routine repeats)."""
    classes = [URGENT, ROUTINE]
    judged: list[tuple[bool, float]] = []
    for k in range(folds):
        rest = [e for i, e in enumerate(examples) if i % folds != k]
        model = train(rest, classes, c=c)
        for i, e in enumerate(examples):
            if i % folds == k:
                judged.append((e.department == URGENT,
                               class_probabilities(model, e.features)[0]))
    routine = sorted((p for urgent, p in judged if not urgent), reverse=True)
    allowed = int(len(routine) * false_alarms)
    threshold = routine[allowed] + 1e-6 if routine and allowed < len(routine) else 0.5
    threshold = round(max(0.5, min(0.99, threshold)), 4)
    caught = sum(1 for urgent, p in judged if urgent and p >= threshold)
    total = sum(1 for urgent, _p in judged if urgent)
    model = train(list(examples), classes, c=c)
    weights = {f: w[0] for f, w in model.weights.items() if w[0]}
    stats = {"urgent": total, "caught_held_out": caught, "threshold": threshold}
    return weights, model.bias[0], threshold, stats
