"""How much of the train split a confidence can route at 97 % right, by 5-fold
cross-validation on the TRAIN split only (issue 26): the winner's own one-vs-rest
probability (the confidence before) against the learned confidence (``fit_confidence``),
the latter fitted on four folds' held-out answers and judged on the fifth, so no answer
is judged by a mapping that saw it.

    python -m scripts.triage_corpus.confidence ../shared/triage-corpus/corpus.jsonl [--c 32]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jun_desk.domain.training import (
    Example,
    combined,
    confident_answers,
    cv_probabilities,
    fit_confidence,
    lexicon_examples,
    lifted,
    routing_threshold,
    tune_offsets,
)
from jun_desk.services.context import Rules
from scripts.triage_corpus.tune import load_train


def routed_at(answers: list[tuple[str, float]], truth: list[str], right: float = 0.97,
              ) -> tuple[float, float]:
    """The largest share of the most confident answers that is right ``right`` of the
    time, and how often the most confident 70 % are right."""
    ranked = sorted(((p, a == t) for (a, p), t in zip(answers, truth, strict=True)),
                    reverse=True)
    best = hits = 0
    for n, (_p, ok) in enumerate(ranked, 1):
        hits += ok
        if hits / n >= right:
            best = n
    top = ranked[:int(0.7 * len(ranked))]
    return best / len(ranked), sum(ok for _p, ok in top) / max(1, len(top))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--c", type=float, default=32.0)
    ap.add_argument("--rules-weight", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    rules = Rules.load()
    classes = [d.code for d in rules.catalogue.routable]
    items = load_train(args.corpus, classes)
    examples = [Example.from_text(t, d) for t, d in items]
    truth = [d for _t, d in items]
    bare = rules.triage.fork(None)
    verdicts: list[tuple[str | None, float]] = []
    for text, _d in items:
        ruled = bare.classify(text)
        verdicts.append((ruled.department, ruled.confidence) if ruled.matches
                        and ruled.source == "rules" else (None, 0.0))
    print(f"{len(items)} train items, {args.folds}-fold", file=sys.stderr)
    lexicon = lexicon_examples(rules.triage.rules.terms)
    probs = cv_probabilities(examples, classes, args.c, lexicon, args.folds)
    offsets = tune_offsets(probs, truth, classes, verdicts, args.rules_weight,
                           recall_weight=0.5)
    rows = lifted(probs, classes, verdicts, args.rules_weight, offsets)
    plain = combined(probs, classes, verdicts, args.rules_weight, offsets)
    learned: list[tuple[str, float]] = [("", 0.0)] * len(rows)
    k = args.folds
    for fold in range(k):
        fit = [i for i in range(len(rows)) if i % k != fold]
        mapping = fit_confidence([rows[i] for i in fit], [truth[i] for i in fit], classes,
                                 [verdicts[i] for i in fit])
        held = [i for i in range(len(rows)) if i % k == fold]
        for i, answer in zip(held, confident_answers([rows[i] for i in held], classes,
                                                     mapping, [verdicts[i] for i in held]),
                             strict=True):
            learned[i] = answer
    accuracy = sum(a == t for (a, _p), t in zip(plain, truth, strict=True)) / len(truth)
    print(f"held-out accuracy (C {args.c}, rules weight {args.rules_weight}, offsets): "
          f"{accuracy:.1%}")
    for name, answers in (("one-vs-rest probability", plain), ("learned confidence", learned)):
        share, top70 = routed_at(answers, truth)
        at, routed, right = routing_threshold(answers, truth)
        print(f"{name:<24} routable at 97 % right: {share:.1%}; the top 70 % right "
              f"{top70:.1%}; routing_threshold {at:.3f} routes {routed:.1%} at {right:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
