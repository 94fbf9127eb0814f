"""Precision and recall of the moderation detector: the real labelled sets (built by
build.py outside the repository), our own written set, and the false-positive rate on
ordinary complaints (the triage corpus of real Madrid citizens' messages, the scenario
day's mentions).

    .venv/bin/python scripts/moderation_corpus/evaluate.py [--corpus DIR] [--triage FILE]
        [--misses N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from jun_desk.domain.moderation import load_detector  # noqa: E402
from jun_desk.domain.moderation_eval import evaluate  # noqa: E402
from jun_desk.resources import resource_path  # noqa: E402
from jun_desk.services.context import Rules  # noqa: E402


def corpus_dir(given: str | None) -> Path | None:
    for candidate in (given, os.environ.get("JUN_DESK_MODERATION_CORPUS"),
                      str(ROOT.parent / "shared" / "moderation-corpus"),
                      "/work/data/moderation-corpus"):
        if candidate and (Path(candidate) / "corpus.jsonl").is_file():
            return Path(candidate)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--triage", default="/work/data/triage-corpus/corpus.jsonl")
    parser.add_argument("--misses", type=int, default=0, help="print N misses per set")
    parser.add_argument("--only", default=None, help="only the sets whose name holds this")
    args = parser.parse_args()
    detector = load_detector(resource_path("moderation", "lexicon.toml"), Rules.load().privacy)

    def report(name: str, items: list[tuple[str, str, str]], texts: dict[str, str]) -> None:
        result = evaluate(detector, items)
        print(f"\n== {name}: {result.items} items, "
              f"{sum(1 for _i, _t, g in items if g != 'none')} labelled positive")
        print(f"  abuse (insult/threat/hate): {result.abuse.line()}")
        print(f"  any flag:                   {result.any_flag.line()}")
        for category, score in result.by_category.items():
            if score.tp + score.fn + score.fp:
                print(f"  {category:<14} {score.line()}")
        for item_id, gold, flagged in result.misses[: args.misses]:
            print(f"    miss {item_id} gold={gold} flagged={flagged}: "
                  f"{' '.join(texts[item_id].split())[:140]}")

    folder = corpus_dir(args.corpus)
    if folder is None:
        print("No real corpus (build it with scripts/moderation_corpus/build.py)")
    else:
        rows = [json.loads(line) for line in (folder / "corpus.jsonl").open(encoding="utf-8")]
        texts = {r["id"]: r["text"] for r in rows}
        sets = {
            "REAL nlp-uam: citizens' replies to Spanish town halls (our labels)":
                [r for r in rows if r["source"] == "nlp-uam"],
            "REAL OffendES test file (held out), Twitter comments (annotators' labels)":
                [r for r in rows if r["source"] == "offendes" and r["media"] == "twitter"
                 and r["split"] == "test"],
            "REAL OffendES test file (held out), all media (YouTube, Instagram, Twitter)":
                [r for r in rows if r["source"] == "offendes" and r["split"] == "test"],
            "REAL OffendES training file (looked at while tuning), all media":
                [r for r in rows if r["source"] == "offendes" and r["split"] == "dev"],
        }
        for name, chosen in sets.items():
            if args.only and args.only not in name:
                continue
            report(name, [(r["id"], r["text"], r["category"]) for r in chosen], texts)
    written = [json.loads(line) for line in
               (ROOT / "tests" / "data" / "moderation_written.jsonl").open(encoding="utf-8")]
    report("WRITTEN by us (tests/data/moderation_written.jsonl)",
           [(w["id"], w["text"], w["category"]) for w in written],
           {w["id"]: w["text"] for w in written})
    triage = Path(args.triage)
    if triage.is_file():
        texts = [json.loads(line)["text"] for line in triage.open(encoding="utf-8")]
        flagged = [t for t in texts if detector.assess(t).flagged]
        print(f"\n== false positives on the triage corpus (real Madrid complaints): "
              f"{len(flagged)}/{len(texts)} = {len(flagged) / len(texts):.2%}")
        for text in flagged[: args.misses]:
            print(f"    {detector.assess(text).describe()}: {' '.join(text.split())[:120]}")
    from jun_desk.x.sandbox.moderation_day import REPLIES, SPAM
    from jun_desk.x.sandbox.scenario import SPAM as DAY_SPAM
    from jun_desk.x.sandbox.scenario import build_scenario

    scenario = build_scenario()
    abusive = {t for k, t in REPLIES if k != "ok"} | {SPAM} | {
        s.removeprefix("@AytoJun ") for s in DAY_SPAM}
    ordinary = [t.text for t in scenario.tweets if t.mentions("AytoJun")
                and t.author_id != scenario.desk.id
                and t.text.removeprefix("@AytoJun ") not in abusive]
    flagged = [t for t in ordinary if detector.assess(t).flagged]
    print(f"== false positives on the scenario day's ordinary mentions: "
          f"{len(flagged)}/{len(ordinary)} = {len(flagged) / len(ordinary):.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
