"""The settled department boundaries applied to the corpus, and the adjudicated test set
(issue 26).

Three committed files in ``resources/triage/`` and one reading from ``../shared``:

* ``boundary_relabels.csv``: every first label the settled boundaries of
  ``resources/departments.json`` changed (id, before, after, boundary, reason). The corpus
  in ``../shared`` was built before them, so they are applied whenever it is read
  (training, ``triage eval``, the replay test), and by the corpus builder;
* the second reader's blind reading of part of the test split
  (``../shared/triage-corpus/second_annotator.jsonl``: department, ``also``, confidence);
* ``third_reading.csv``: for every doubly-read item on which the two readings still differ
  once the boundaries are applied, a third reading under the written boundaries, with its
  acceptable departments and the reason.

Every test item then has a truth and its *acceptable* departments: the third reading's
where there is one; for an item both readers agree on, that department plus the second
reader's "also" (less any department a boundary moved the item away from); for an item
only the first reader read, its (settled) label alone.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jun_desk.domain.errors import bad_resource

RELABELS_FILE = "boundary_relabels.csv"
THIRD_READING_FILE = "third_reading.csv"


@dataclass(frozen=True, slots=True)
class Relabel:
    before: str
    after: str
    boundary: str
    reason: str


@dataclass(frozen=True, slots=True)
class SecondReading:
    department: str
    also: tuple[str, ...]
    confidence: int


@dataclass(frozen=True, slots=True)
class ThirdReading:
    department: str
    acceptable: frozenset[str]
    reason: str


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a test item's answer is judged against."""

    truth: str
    acceptable: frozenset[str]
    agreed: bool | None  # both readers agree (after the boundaries); None: read once
    first: str  # the first reader's label as read, before the boundaries
    second: str | None  # the second reader's department, if read twice


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise bad_resource(f"Cannot read {path}: {exc.strerror}") from None


def read_relabels(path: Path) -> dict[str, Relabel]:
    """id → the settled label; an absent file (a packaged desk) changes nothing."""
    if not path.exists():
        return {}
    return {r["id"]: Relabel(r["before"], r["after"], r["boundary"], r["reason"])
            for r in _rows(path)}


def settle(item_id: str, department: str, relabels: Mapping[str, Relabel]) -> str:
    """The label under the settled boundaries (a relabel applies only to the label it was
    made for, so a corpus rebuilt with it already applied is left as it is)."""
    change = relabels.get(item_id)
    return change.after if change is not None and change.before == department else department


def read_third(path: Path) -> dict[str, ThirdReading]:
    out = {}
    for r in _rows(path):
        acceptable = frozenset(d for d in r["acceptable"].split("|") if d)
        if r["department"] not in acceptable:
            raise bad_resource(f"{path}: {r['id']}: its department is not acceptable")
        out[r["id"]] = ThirdReading(r["department"], acceptable, r["reason"])
    return out


def read_second(path: Path) -> dict[str, SecondReading]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise bad_resource(f"Cannot read {path}: {exc.strerror}") from None
    out = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out[str(row["id"])] = SecondReading(str(row["department"]),
                                                tuple(row.get("also") or ()),
                                                int(row.get("confidence", 0)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            raise bad_resource(f"{path}:{number}: not a second reading") from None
    return out


def judgements(items: Iterable[tuple[str, str, str]], relabels: Mapping[str, Relabel],
               second: Mapping[str, SecondReading], third: Mapping[str, ThirdReading],
               ) -> dict[str, Judgement]:
    """Each test item's truth and acceptable departments. ``items``: (id, first label as
    read, settled label)."""
    out = {}
    for item_id, first, settled_label in items:
        other = second.get(item_id)
        if other is None:
            out[item_id] = Judgement(settled_label, frozenset({settled_label}), None, first,
                                     None)
            continue
        agreed = other.department == settled_label
        third_reading = third.get(item_id)
        if third_reading is not None:
            truth, acceptable = third_reading.department, third_reading.acceptable
        elif agreed:
            moved_from = {relabels[item_id].before} if item_id in relabels else set()
            truth = settled_label
            acceptable = frozenset({settled_label, *other.also} - moved_from) | {truth}
        else:  # a disagreement nobody resolved: a gap in third_reading.csv
            raise bad_resource(f"{item_id}: the readers disagree ({settled_label} / "
                               f"{other.department}) and there is no third reading")
        out[item_id] = Judgement(truth, acceptable, agreed, first, other.department)
    return out


def agreement(pairs: Sequence[tuple[str, str]]) -> tuple[float, float]:
    """Exact agreement and Cohen's kappa of two readers' labels."""
    n = len(pairs)
    if not n:
        return 0.0, 0.0
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _b in pairs), Counter(b for _a, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    kappa = (observed - expected) / (1 - expected) if not math.isclose(expected, 1.0) else 1.0
    return observed, kappa


__all__ = ["RELABELS_FILE", "THIRD_READING_FILE", "Judgement", "Relabel", "SecondReading",
           "ThirdReading", "agreement", "judgements", "read_relabels", "read_second",
           "read_third", "settle"]
