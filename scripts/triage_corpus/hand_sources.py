"""Sources labelled wholly by hand, each with its own label file
``resources/triage/hand_labels_<source>.csv`` (original_id, department, urgent, personal_data,
category, note). This merges them into ``corpus_labels.csv`` (their rows replace any earlier rows
of the same source; the split is the fixed ``split_for`` of the id, the method ``hand``).

    python -m scripts.triage_corpus.hand_sources          # show counts
    python -m scripts.triage_corpus.hand_sources --write  # rewrite corpus_labels.csv
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from .common import LABELS, REPO_ROOT, read_labels, split_for, write_labels

HAND_SOURCES = ("avisos-madrid-archive", "decide-madrid-comments")


def label_file(source: str) -> Path:
    return REPO_ROOT / "resources" / "triage" / f"hand_labels_{source}.csv"


def rows(source: str) -> list[dict]:
    path = label_file(source)
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        out = []
        for r in csv.DictReader(fh):
            out.append(
                {
                    "source": source,
                    "original_id": r["original_id"],
                    "department": r["department"],
                    "urgent": r["urgent"],
                    "personal_data": r["personal_data"],
                    "split": split_for(f"{source}:{r['original_id']}"),
                    "method": "hand",
                    "category": r.get("category", ""),
                }
            )
        return out


def merge_into(existing: list[dict]) -> list[dict]:
    kept = [r for r in existing if r["source"] not in HAND_SOURCES]
    for source in HAND_SOURCES:
        kept += rows(source)
    return kept


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    merged = merge_into(read_labels(args.labels))
    for source in HAND_SOURCES:
        c = Counter(r["department"] for r in merged if r["source"] == source)
        print(source, dict(c))
    if args.write:
        write_labels(merged, args.labels)
        print(f"{len(merged)} rows -> {args.labels}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
