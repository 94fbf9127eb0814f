"""Cross-validated comparison of triage learner settings, on the corpus's TRAIN split only.

Never reads the test split: every figure here is 5-fold cross-validation inside the train
split, with the whole classification (rules, language, the rules' lift, the threshold) run
by the real ``Triage.classify`` on each held-out message, the model of its fold loaded in.

    python -m scripts.triage_corpus.tune /work/data/triage-corpus/corpus.jsonl \
        [--c 1 2 4] [--balance 0 0.5 1] [--offsets]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from jun_desk.domain.adjudication import settle
from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.training import (
    Example,
    calibrate_threshold,
    choose_threshold,
    class_probabilities,
    combined,
    lexicon_examples,
    predict_features,
    train,
    tune_offsets,
)
from jun_desk.services.context import Rules
from jun_desk.services.triage_models import corpus_relabels


def load_train(path: Path, classes: list[str]) -> list[tuple[str, str]]:
    """The train split's texts and labels, the settled department boundaries applied."""
    relabels = corpus_relabels()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        department = settle(str(row.get("id", "")), row["department"], relabels)
        if row.get("split") == "train" and department in classes:
            out.append((row["text"], department))
    return out


def report(name: str, truth: list[str], answers: list[str], classes: list[str]) -> dict:
    right = sum(t == a for t, a in zip(truth, answers, strict=True))
    unclassified = sum(a == UNCLASSIFIED for a in answers)
    per = Counter(truth)
    hit = Counter(t for t, a in zip(truth, answers, strict=True) if t == a)
    recall = {d: hit[d] / per[d] for d in classes if per[d]}
    row = {"name": name, "accuracy": right / len(truth), "unclassified": unclassified / len(truth),
           "macro_recall": sum(recall.values()) / len(recall), "min_recall": min(recall.values()),
           "recall": recall}
    print(f"{name:<40} acc {row['accuracy']:.1%} uncl {row['unclassified']:.1%} "
          f"macro {row['macro_recall']:.1%} min {row['min_recall']:.1%} | "
          + " ".join(f"{d[:4]} {r:.0%}" for d, r in recall.items()), flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--c", type=float, nargs="+", default=[4.0])
    ap.add_argument("--balance", type=float, nargs="+", default=[1.0])
    ap.add_argument("--cap", type=float, default=10.0)
    ap.add_argument("--solver", type=int, default=0)
    ap.add_argument("--scale", type=float, nargs="+", default=[1.0])
    ap.add_argument("--unclassified", type=float, default=0.08)
    ap.add_argument("--offsets", action="store_true", help="also tune per-department offsets")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--most", type=float, nargs="+", default=[0.1])
    ap.add_argument("--rules-weight", type=float, default=1.5)
    ap.add_argument("--recall-weight", type=float, nargs="+", default=[1.0])
    args = ap.parse_args(argv)
    rules = Rules.load()
    classes = [d.code for d in rules.catalogue.routable]
    items = load_train(args.corpus, classes)
    examples = [Example.from_text(t, d) for t, d in items]
    truth = [d for _t, d in items]
    lexicon = lexicon_examples(rules.triage.rules.terms)
    bare = rules.triage.fork(None)
    verdicts = []
    for text, _d in items:
        ruled = bare.classify(text)
        verdicts.append((ruled.department, ruled.confidence) if ruled.matches
                        and ruled.source == "rules" else (None, 0.0))
    print(f"{len(items)} train items, {args.folds}-fold", file=sys.stderr)
    for c, balance, scale in [(c, b, s) for c in args.c for b in args.balance
                              for s in args.scale]:
        if True:
            models = []
            judged = []
            order: list[int] = []
            for k in range(args.folds):
                rest = [e for i, e in enumerate(examples) if i % args.folds != k] + lexicon
                m = train(rest, classes, c=c, balance=balance, cap=args.cap,
                          solver=args.solver, scale=scale)
                models.append(m)
                for i, e in enumerate(examples):
                    if i % args.folds == k:
                        ans, p = predict_features(m, e.features)
                        judged.append((e.department, ans, p))
                        order.append(i)
            threshold = choose_threshold(judged, args.unclassified)
            variants = [("plain", None, threshold)]
            if args.offsets:
                probs = [[] for _ in examples]
                for k, m in enumerate(models):
                    for i, e in enumerate(examples):
                        if i % args.folds == k:
                            probs[i] = class_probabilities(m, e.features)
                for rw in args.recall_weight:
                    offsets = tune_offsets(probs, truth, classes, verdicts, args.rules_weight,
                                           recall_weight=rw)
                    answers = combined(probs, classes, verdicts, args.rules_weight, offsets)
                    for most in args.most:
                        t = calibrate_threshold(answers, truth, most=most)
                        variants.append((f"offsets rw={rw} most={most} t={t}", offsets, t))
            for label, offsets, threshold in variants:
                answers = [""] * len(items)
                for k, m in enumerate(models):
                    m.threshold = threshold
                    m.rules_weight = args.rules_weight
                    if offsets:
                        m.bias = [b + o for b, o in zip(m.bias, offsets, strict=False)]
                    triage = rules.triage.fork(lambda m=m: m)
                    for i, (text, _d) in enumerate(items):
                        if i % args.folds == k:
                            answers[i] = triage.classify(text).department
                    if offsets:
                        m.bias = [b - o for b, o in zip(m.bias, offsets, strict=False)]
                name = f"s{args.solver} C={c} b={balance} x{scale} thr={threshold:.3f} {label}"
                report(name, truth, answers, classes)
                if offsets:
                    print("   offsets " + " ".join(f"{d[:4]} {o:+.2f}"
                                               for d, o in zip(classes, offsets, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
