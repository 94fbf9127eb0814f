"""Print counts of the built corpus: per source, department, split, urgency and personal data.

python -m scripts.triage_corpus.stats [/work/data/triage-corpus/corpus.jsonl]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path("/work/data/triage-corpus/corpus.jsonl")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    try:
        items = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, ValueError) as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 1
    print(f"{len(items)} items in {path}")

    def table(title: str, counter: Counter) -> None:
        print(f"\n{title}")
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print(f"  {k!s:<28} {v:>6}")

    table("source", Counter(i["source"] for i in items))
    table("licence", Counter(i["licence"] for i in items))
    table("label method", Counter(i.get("label_method") for i in items))
    table("department", Counter(i["department"] for i in items))
    table("split", Counter(i["split"] for i in items))
    depts = sorted({i["department"] for i in items})
    print("\ndepartment x split")
    print(f"  {'':<12}" + "".join(f"{s:>8}" for s in ("train", "replay", "test")))
    for d in depts:
        c = Counter(i["split"] for i in items if i["department"] == d)
        print(f"  {d:<12}" + "".join(f"{c[s]:>8}" for s in ("train", "replay", "test")))
    table("urgent", Counter(str(i["urgent"]) for i in items))
    table("urgent by split (true only)", Counter(i["split"] for i in items if i["urgent"]))
    pd = Counter()
    for i in items:
        if i["personal_data"] is None:
            pd["(not labelled)"] += 1
        elif not i["personal_data"]:
            pd["(none)"] += 1
        for k in i["personal_data"] or []:
            pd[k] += 1
    table("personal data", pd)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
