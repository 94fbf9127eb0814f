"""Shared pieces of the corpus builder: departments, the fixed split, text keys, the label file."""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from pathlib import Path

DEPARTMENTS = (
    "policia",
    "obras",
    "limpieza",
    "salud",
    "educacion",
    "suministros",
    "atencion",
    "alcaldia",
)
PERSONAL_KINDS = ("dni", "nie", "phone", "iban", "email", "health", "name", "address", "plate")
REPO_ROOT = Path(__file__).resolve().parents[2]
LABELS = REPO_ROOT / "resources" / "triage" / "corpus_labels.csv"
RELABELS = REPO_ROOT / "resources" / "triage" / "boundary_relabels.csv"  # issue 26
LABEL_FIELDS = (
    "source",
    "original_id",
    "department",
    "urgent",
    "personal_data",
    "split",
    "method",
    "category",
)

TEST_PERCENT = 25
REPLAY_PERCENT = 10


def split_for(item_id: str) -> str:
    """The fixed split: a stable hash of the item id, never of its text or labels."""
    bucket = int(hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < TEST_PERCENT:
        return "test"
    if bucket < TEST_PERCENT + REPLAY_PERCENT:
        return "replay"
    return "train"


def order_key(item_id: str) -> str:
    """A stable pseudo-random order used to sample a category (salted apart from the split)."""
    return hashlib.sha1(("order:" + item_id).encode("utf-8")).hexdigest()


def text_key(text: str) -> str:
    """Near-duplicate key: lower case, no accents, letters and digits only."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def read_labels(path: Path = LABELS) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write_labels(rows: list[dict], path: Path = LABELS) -> None:
    rows = sorted(rows, key=lambda r: (r["source"], r["original_id"]))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=LABEL_FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in LABEL_FIELDS})


def parse_urgent(value: str) -> bool | None:
    return {"1": True, "true": True, "0": False, "false": False}.get(value.strip().lower())


def parse_personal(value: str) -> list[str] | None:
    value = value.strip()
    if value in ("", "?"):
        return None
    if value == "-":
        return []
    return [k for k in value.split("|") if k]
