"""Triage benchmark: the shipped model's size and load time, and the time to classify the
corpus's texts (rules, language, model, the learned confidence), first with an empty word
cache and then warm. Median of runs; figures only, never an assertion.

    .venv/bin/python bench/triage.py [--corpus corpus.jsonl] [--model other.bin] [--runs 3]

``--model`` times another model file beside the shipped one (e.g. the one of an older
commit, ``git show OLD:resources/triage_model.bin > /tmp/old.bin``), on the same texts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jun_desk.domain.classifier import LinearModel  # noqa: E402
from jun_desk.resources import resource_path  # noqa: E402
from jun_desk.services.context import MODEL_FILE, Rules  # noqa: E402
from jun_desk.shared_material import TRIAGE_CORPUS  # noqa: E402


def measure(name: str, path: Path, rules: Rules, texts: list[str], runs: int) -> None:
    blob = path.read_bytes()
    loads, cold, warm = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        model = LinearModel.from_bytes(blob)
        loads.append(time.perf_counter() - start)
        triage = rules.triage.fork(lambda model=model: model)
        for timings in (cold, warm):  # the word cache empty, then filled by the first pass
            start = time.perf_counter()
            for text in texts:
                triage.classify(text)
            timings.append((time.perf_counter() - start) / len(texts))
    print(f"{name}: {len(blob) / 1e6:.2f} MB, {len(model.weights):,} features, load "
          f"{statistics.median(loads) * 1e3:.0f} ms; classify {len(texts):,} texts: "
          f"{statistics.median(cold) * 1e3:.3f} ms each cold, "
          f"{statistics.median(warm) * 1e3:.3f} ms warm")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--model", type=Path, default=None, help="another model file to time")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    corpus = args.corpus or TRIAGE_CORPUS.path()
    if corpus is None:
        print(f"No corpus: {TRIAGE_CORPUS.where()}", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in
             Path(corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = Rules.load()
    measure("shipped", resource_path(MODEL_FILE), rules, texts, args.runs)
    if args.model is not None:
        measure(str(args.model), args.model, rules, texts, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
