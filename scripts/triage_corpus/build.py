"""Rebuild the real labelled triage corpus from the public source snapshots.

The texts are not in git (house rule on fetched material): this script joins our own labels,
``resources/triage/corpus_labels.csv`` (keyed by source and original id), with the texts read
from each source's snapshot and writes one JSON object per line.

    python -m scripts.triage_corpus.build --sources /work/.mirror \
        --out /work/data/triage-corpus/corpus.jsonl

``--sources`` is a folder holding one snapshot per source repository, named ``owner+name``
(what the ``fetch`` tool brings: ``owner+name/repo`` is a bare git directory) or a plain
``git clone`` of it under the same name. See resources/triage/SOURCES.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from jun_desk.domain.adjudication import read_relabels, settle

from .common import (
    DEPARTMENTS,
    LABELS,
    RELABELS,
    parse_personal,
    parse_urgent,
    read_labels,
    split_for,
    text_key,
)
from .sources import ADAPTERS


def snapshot_dir(sources: Path, repo: str) -> Path:
    base = sources / repo.replace("/", "+")
    if (base / "repo").is_dir():
        return base / "repo"
    if base.is_dir():
        return base
    raise FileNotFoundError(
        f"snapshot of {repo} not found under {sources} (expected {base} or {base}/repo)"
    )


def build(sources: Path, labels_path: Path = LABELS) -> tuple[list[dict], list[str]]:
    labels = read_labels(labels_path)
    # The settled department boundaries (issue 26) move some first labels; the first
    # labels stay as they were read in corpus_labels.csv.
    relabels = read_relabels(RELABELS)
    problems: list[str] = []
    by_source: dict[str, dict[str, dict]] = {}
    for name in sorted({r["source"] for r in labels}):
        adapter = ADAPTERS.get(name)
        if adapter is None:
            problems.append(f"no adapter for source {name!r}")
            continue
        try:
            snap = snapshot_dir(sources, adapter.REPO)
        except FileNotFoundError as exc:
            problems.append(str(exc))
            continue
        by_source[name] = {it["original_id"]: it for it in adapter.items(snap)}
    out: list[dict] = []
    seen: set[str] = set()
    for row in labels:
        src = by_source.get(row["source"])
        if src is None:
            continue
        item = src.get(row["original_id"])
        if item is None:
            problems.append(f"{row['source']}:{row['original_id']} not in the snapshot")
            continue
        if item.get("staff"):
            problems.append(f"{row['source']}:{row['original_id']} is a staff note; left out")
            continue
        dept = settle(f"{row['source']}:{row['original_id']}", row["department"], relabels)
        if dept not in DEPARTMENTS:
            if dept != "skip":
                problems.append(
                    f"{row['source']}:{row['original_id']} has no department ({dept!r})"
                )
            continue
        item_id = f"{row['source']}:{row['original_id']}"
        key = text_key(item["text"])
        if key in seen:
            problems.append(f"{item_id} duplicates an earlier text; left out")
            continue
        seen.add(key)
        split = row["split"] or split_for(item_id)
        adapter = ADAPTERS[row["source"]]
        out.append(
            {
                "id": item_id,
                "text": item["text"],
                "department": dept,
                "urgent": parse_urgent(row["urgent"]),
                "personal_data": parse_personal(row["personal_data"]),
                "language": "es",
                "source": row["source"],
                "licence": item.get("licence", adapter.LICENCE),
                "url": item.get("url"),
                "split": split,
                "label_method": row["method"],
                "category": row.get("category") or None,
            }
        )
    return out, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, required=True, help="folder with the source snapshots")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    items, problems = build(args.sources, args.labels)
    for p in problems[:50]:
        print("warning:", p, file=sys.stderr)
    if len(problems) > 50:
        print(f"warning: ... {len(problems) - 50} more", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    tmp.replace(args.out)
    c = Counter(i["department"] for i in items)
    print(f"{len(items)} items -> {args.out}; " + ", ".join(f"{d} {c[d]}" for d in DEPARTMENTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
