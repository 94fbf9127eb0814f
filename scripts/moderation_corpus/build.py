"""Build the real labelled set for the moderation detector, OUTSIDE the repository.

    .venv/bin/python scripts/moderation_corpus/build.py [--out /work/data/moderation-corpus]

Reads two public repositories fetched beside the project (bare git mirrors; see
SOURCES.md) and writes ``corpus.jsonl`` (one reply a line: id, text, source, source label,
our category) and ``provenance.json`` (commits, counts) into ``--out``. The texts are
never committed: only this script, ``labels.json`` (our categories, keyed by source id)
and SOURCES.md are. Tests find the folder through ``JUN_DESK_MODERATION_CORPUS`` or at
``<repo>/../shared/moderation-corpus/``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIRRORS = Path("/work/.mirror")
OFFENDES = ("fmplaza+OffendES", ("split_MeOffendES/training_set.tsv",
                                 "split_MeOffendES/test_set.tsv"))
NLP_UAM = ("dylanjcastillo+proyecto-nlp-uam", ("data/all_citizens_labeled_20220911.json",))
# OffendES's classes → ours: offensive to a person is an insult, to a group is hate (the
# corpus does not separate a group insult from hate speech: both count as "abuse").
OFFENDES_MAP = {"OFP": "insult", "OFG": "hate", "NOE": "none", "NO": "none"}


def git_dir(mirrors: Path, name: str) -> Path:
    return mirrors / name / "repo"


def show(repo: Path, path: str) -> tuple[str, str]:
    commit = subprocess.run(["git", "--git-dir", str(repo), "rev-parse", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.strip()
    text = subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"],
                          capture_output=True, check=True).stdout.decode("utf-8")
    return commit, text


def offendes(mirrors: Path) -> tuple[list[dict], dict]:
    repo = git_dir(mirrors, OFFENDES[0])
    rows, commit = [], ""
    for path in OFFENDES[1]:
        commit, text = show(repo, path)
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            label = (row.get("label") or "").strip()
            if label not in OFFENDES_MAP or not (row.get("comment") or "").strip():
                continue  # no consensus among the annotators ("None")
            rows.append({"id": f"offendes:{row['comment_id']}", "text": row["comment"],
                         "source": "offendes", "media": row["media"],
                         "source_label": label, "category": OFFENDES_MAP[label],
                         # the lexicon is tuned looking at the training file only; the
                         # test file is the held-out figure
                         "split": "test" if "test" in path else "dev"})
    return rows, {"repository": "github.com/fmplaza/OffendES", "commit": commit,
                  "files": list(OFFENDES[1])}


def nlp_uam(mirrors: Path) -> tuple[list[dict], dict]:
    repo = git_dir(mirrors, NLP_UAM[0])
    commit, text = show(repo, NLP_UAM[1][0])
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))["labels"]
    rows = []
    for entry in json.loads(text):
        key = f"nlp-uam:{entry['id']}"
        source_label = ",".join(entry.get("label") or [])
        if "destructivo" in source_label and key not in labels:
            raise SystemExit(f"{key} is 'destructivo' in the source but has no label of ours")
        rows.append({"id": key, "text": entry["text"], "source": "nlp-uam",
                     "relation": entry.get("relation"), "source_label": source_label,
                     "category": labels.get(key, "none")})
    return rows, {"repository": "github.com/dylanjcastillo/proyecto-nlp-uam",
                  "commit": commit, "files": list(NLP_UAM[1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="/work/data/moderation-corpus")
    parser.add_argument("--mirrors", default=str(MIRRORS))
    args = parser.parse_args()
    out, mirrors = Path(args.out), Path(args.mirrors)
    repo_root = HERE.parents[1].resolve()
    if out.resolve().is_relative_to(repo_root):
        raise SystemExit("The corpus holds third-party texts: build it outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    provenance = {}
    for name, build in (("offendes", offendes), ("nlp-uam", nlp_uam)):
        got, info = build(mirrors)
        rows += got
        provenance[name] = {**info, "items": len(got)}
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n")
    print(f"{len(rows)} items in {out / 'corpus.jsonl'}: "
          + ", ".join(f"{k} {v['items']}" for k, v in provenance.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
