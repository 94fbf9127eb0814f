"""Draw the items to label from a source snapshot and propose their labels.

This is how the rows of ``resources/triage/corpus_labels.csv`` were first drawn: per source
category, a fixed-size sample in a stable hash order (no cherry-picking), plus every item the
danger-word finder flags (so the corpus holds enough urgent items and hard negatives), with the
department from the category map. A person then read the items; corrections are in
``resources/triage/hand_labels.csv`` and win over the proposal.

    python -m scripts.triage_corpus.propose --source avisos-madrid --snapshot DIR [--write]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from . import detect
from .common import REPO_ROOT, order_key, split_for, text_key, write_labels
from .sources import ADAPTERS

HAND = REPO_ROOT / "resources" / "triage" / "hand_labels.csv"
CAPS = {"avisos-madrid": {"default": 25, "policia": 45, "hand": 1000, "urgent_extra": 220}}


def category_map(source: str) -> dict[str, str]:
    path = REPO_ROOT / "resources" / "triage" / f"category_map_{source}.csv"
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["category"]: r["department"] for r in csv.DictReader(fh)}


def usable(text: str) -> bool:
    return len(text) >= 20 and len(text.split()) >= 4


def draw(source: str, snapshot: Path) -> list[dict]:
    adapter = ADAPTERS[source]
    mapping = category_map(source)
    caps = CAPS.get(source, {"default": 10**9, "policia": 10**9, "hand": 10**9, "urgent_extra": 0})
    seen: set[str] = set()
    pool: list[dict] = []
    for it in sorted(
        adapter.items(snapshot), key=lambda i: order_key(f"{source}:{i['original_id']}")
    ):
        if not usable(it["text"]) or it.get("staff"):
            continue
        key = text_key(it["text"])
        if key in seen:
            continue
        seen.add(key)
        pool.append(it)
    taken: Counter[str] = Counter()
    chosen: dict[str, dict] = {}
    for it in pool:
        dept = mapping.get(it.get("category", ""), "")
        cap = caps["hand"] if not dept else caps.get(dept, caps["default"])
        if taken[it.get("category", "")] < cap:
            taken[it.get("category", "")] += 1
            chosen[it["original_id"]] = it
    extra = 0
    for it in pool:
        if extra >= caps["urgent_extra"]:
            break
        if it["original_id"] not in chosen and detect.urgent_hint(it["text"]):
            chosen[it["original_id"]] = it
            extra += 1
    rows = []
    for it in chosen.values():
        dept = mapping.get(it.get("category", ""), "")
        pid = f"{source}:{it['original_id']}"
        pd = detect.identifiers(it["text"])
        rows.append(
            {
                "source": source,
                "original_id": it["original_id"],
                "department": dept,
                "urgent": "",
                "personal_data": "|".join(pd) if pd else "",
                "split": split_for(pid),
                "method": "map" if dept else "hand",
                "category": it.get("category", ""),
                "_text": it["text"],
                "_urgent_hint": detect.urgent_hint(it["text"]),
                "_health_hint": detect.health_hint(it["text"]),
            }
        )
    return rows


def read_hand() -> dict[tuple[str, str], dict]:
    if not HAND.exists():
        return {}
    with open(HAND, newline="", encoding="utf-8") as fh:
        return {(r["source"], r["original_id"]): r for r in csv.DictReader(fh)}


def merge(
    drawn: list[dict],
    hand: dict[tuple[str, str], dict],
    categories: dict[tuple[str, str], str] | None = None,
    mapping: dict[str, dict[str, str]] | None = None,
) -> list[dict]:
    """Drawn rows with a person's decisions applied; hand-only rows (sources without a usable
    category) come from the hand file alone. ``skip`` rows stay in the label file (read and
    left out: no department fits) but the builder leaves them out of the corpus."""
    rows: dict[tuple[str, str], dict] = {}
    for r in drawn:
        key = (r["source"], r["original_id"])
        if r["urgent"] == "" and not r.get("_urgent_hint"):
            r["urgent"] = "0"
        if r["personal_data"] == "" and not r.get("_health_hint"):
            r["personal_data"] = "-"
        rows[key] = r
    for key, h in hand.items():
        r = rows.get(key)
        if r is None:
            category = (categories or {}).get(key, "")
            mapped = (mapping or {}).get(key[0], {}).get(category, "")
            method = "hand"
            if mapped:
                method = "map-checked" if mapped == h["department"] else "map-corrected"
            r = {"source": key[0], "original_id": key[1], "category": category, "method": method}
            r["split"] = split_for(f"{key[0]}:{key[1]}")
            r["urgent"] = ""
            r["personal_data"] = ""
            rows[key] = r
        elif r.get("method") == "map":
            r["method"] = "map-checked" if h["department"] == r["department"] else "map-corrected"
        r["department"] = h["department"]
        if h.get("urgent", "") != "":
            r["urgent"] = h["urgent"]
        if h.get("personal_data", "") != "":
            r["personal_data"] = h["personal_data"]
    return list(rows.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshots", type=Path, required=True, help="folder of owner+name snapshots")
    ap.add_argument("--dump", type=Path, help="write the drawn items with texts here (outside git)")
    ap.add_argument("--write", action="store_true", help="rewrite corpus_labels.csv")
    args = ap.parse_args()
    from .build import snapshot_dir

    drawn: list[dict] = []
    categories: dict[tuple[str, str], str] = {}
    mapping: dict[str, dict[str, str]] = {}
    for name, adapter in ADAPTERS.items():
        if getattr(adapter, "DRAWN", False):
            snap = snapshot_dir(args.snapshots, adapter.REPO)
            drawn += draw(name, snap)
            mapping[name] = category_map(name)
            for it in adapter.items(snap):
                categories[(name, it["original_id"])] = it.get("category", "")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in drawn:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    rows = merge(drawn, read_hand(), categories, mapping)
    print(len(rows), Counter(r["department"] or "?" for r in rows))
    if args.write:
        from .hand_sources import merge_into

        rows = merge_into([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows])
        write_labels(rows)


if __name__ == "__main__":
    main()
