"""Precision and recall of the moderation detector on a labelled set (pure Python).

Gold labels are a category (insult, threat, hate, spam, personal_data, advertising) or
``none``. Figures are given for each category (flagged with that category vs labelled
with it) and for "any flag" (flagged at all vs labelled anything but none); ``abuse``
groups insult, threat and hate, which real corpora often do not tell apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from jun_desk.domain.moderation import Category, ModerationDetector

ABUSE = frozenset({Category.INSULT.value, Category.THREAT.value, Category.HATE.value})


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    def add(self, gold: bool, flagged: bool) -> None:
        if gold and flagged:
            self.tp += 1
        elif flagged:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def line(self) -> str:
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})")


@dataclass
class Evaluation:
    items: int = 0
    any_flag: Score = field(default_factory=Score)
    abuse: Score = field(default_factory=Score)
    by_category: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # id, gold, flagged


def evaluate(detector: ModerationDetector, items: Iterable[tuple[str, str, str]]) \
        -> Evaluation:
    """``items``: (id, text, gold category or 'none')."""
    result = Evaluation()
    categories = [c.value for c in Category]
    for c in categories:
        result.by_category[c] = Score()
    for item_id, text, gold in items:
        result.items += 1
        flagged = {c.value for c in detector.assess(text).categories}
        result.any_flag.add(gold != "none", bool(flagged))
        result.abuse.add(gold in ABUSE, bool(flagged & ABUSE))
        for c in categories:
            result.by_category[c].add(gold == c, c in flagged)
        if (gold != "none") != bool(flagged) or (gold != "none" and gold not in flagged):
            result.misses.append((item_id, gold, ",".join(sorted(flagged)) or "none"))
    return result
