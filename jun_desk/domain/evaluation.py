"""How well triage does on a labelled set: what `jun-desk triage eval` prints.

A labelled item is a JSON object with ``text`` and ``department``; optionally ``urgent``
(true, false or null: not labelled) and ``personal_data`` (a list of kinds, or null), or
the older ``pii`` list of the written set. Unclassified answers count as wrong in the
accuracy and the recall, and are reported on their own.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jun_desk.domain.adjudication import Relabel, settle
from jun_desk.domain.departments import UNCLASSIFIED
from jun_desk.domain.errors import bad_resource
from jun_desk.domain.privacy import PersonalData, PrivacyScanner
from jun_desk.domain.triage import Triage
from jun_desk.domain.workflow import Priority

IDENTIFIERS = ("dni", "nie", "phone", "email", "iban")


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    department: str
    urgent: bool | None = None
    personal_data: tuple[str, ...] | None = None
    split: str | None = None
    id: str = ""
    first: str = ""  # the label as the file has it, before the settled boundaries
    source: str = ""


def read_labelled(path: Path, split: str | None = None,
                  relabels: Mapping[str, Relabel] | None = None) -> list[Labelled]:
    """The labelled items of ``path`` (of one ``split``), with ``relabels`` (the settled
    department boundaries) applied by item id."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise bad_resource(f"Cannot read {path}: {exc.strerror}") from None
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            pd = row.get("personal_data", row.get("pii"))
            item_id = str(row.get("id", number))
            item = Labelled(str(row["text"]),
                            settle(item_id, str(row["department"]), relabels or {}),
                            row.get("urgent"), tuple(pd) if pd is not None else None,
                            row.get("split"), item_id, str(row["department"]),
                            str(row.get("source") or ""))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            raise bad_resource(f"{path}:{number}: not a labelled item "
                                  "(needs at least text and department)") from None
        if split is None or item.split == split:
            out.append(item)
    if not out:
        raise bad_resource(f"{path}: no labelled items" + (f" in split '{split}'"
                                                               if split else ""))
    return out


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    unclassified: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (truth, answer) → count
    departments: list[str] = field(default_factory=list)
    urgent_total: int = 0
    urgent_caught: int = 0
    routine_total: int = 0
    routine_flagged: int = 0
    pd_total: Counter[str] = field(default_factory=Counter)  # kind → labelled items
    pd_caught: Counter[str] = field(default_factory=Counter)  # kind → of them found
    pd_false: Counter[str] = field(default_factory=Counter)  # kind → found but not labelled
    pd_labelled_items: int = 0
    errors: list[tuple[float, Labelled, str, str]] = field(default_factory=list)
    # Every item's answer: (item, answer, confidence, best department, routed by the model
    # or the rules without a person). ``best`` is the most likely department even when the
    # answer is "sin clasificar".
    answers: list[tuple[Labelled, str, float, str, bool]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def unclassified_share(self) -> float:
        return self.unclassified / self.total if self.total else 0.0

    @property
    def classified_accuracy(self) -> float:
        judged = self.total - self.unclassified
        return self.correct / judged if judged else 0.0

    def recall(self, dept: str) -> float | None:
        truth = sum(n for (t, _a), n in self.confusion.items() if t == dept)
        return self.confusion[(dept, dept)] / truth if truth else None

    def precision(self, dept: str) -> float | None:
        said = sum(n for (_t, a), n in self.confusion.items() if a == dept)
        return self.confusion[(dept, dept)] / said if said else None

    @property
    def urgent_recall(self) -> float | None:
        return self.urgent_caught / self.urgent_total if self.urgent_total else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.total, "accuracy": round(self.accuracy, 4),
            "accuracy_of_classified": round(self.classified_accuracy, 4),
            "unclassified": self.unclassified,
            "unclassified_share": round(self.unclassified_share, 4),
            "departments": {d: {"precision": self.precision(d), "recall": self.recall(d),
                                "items": sum(n for (t, _a), n in self.confusion.items()
                                             if t == d)}
                            for d in self.departments},
            "confusion": {f"{t}->{a}": n for (t, a), n in sorted(self.confusion.items())},
            "urgency": {"urgent_items": self.urgent_total, "caught": self.urgent_caught,
                        "routine_items": self.routine_total,
                        "routine_flagged": self.routine_flagged},
            "personal_data": {k: {"items": self.pd_total[k], "caught": self.pd_caught[k],
                                  "false_alarms": self.pd_false[k]}
                              for k in sorted(set(self.pd_total) | set(self.pd_false))},
            "worst_errors": [{"id": e.id, "text": e.text[:200], "truth": e.department,
                              "answer": answer, "confidence": round(conf, 2), "reason": why}
                             for conf, e, answer, why in self.errors],
        }


def evaluate(items: Iterable[Labelled], triage: Triage, privacy: PrivacyScanner,
             departments: list[str], worst: int = 10) -> Report:
    report = Report(departments=list(departments))
    errors: list[tuple[float, Labelled, str, str]] = []
    for item in items:
        result = triage.classify(item.text)
        report.total += 1
        answer = result.department
        report.answers.append((item, answer, result.confidence, result.best,
                               answer != UNCLASSIFIED))
        report.confusion[(item.department, answer)] += 1
        if answer == item.department:
            report.correct += 1
        elif answer == UNCLASSIFIED:
            report.unclassified += 1
        else:
            errors.append((result.confidence, item, answer, result.reason("en")))
        flagged = result.priority is Priority.URGENT
        if item.urgent is True:
            report.urgent_total += 1
            report.urgent_caught += flagged
        elif item.urgent is False:
            report.routine_total += 1
            report.routine_flagged += flagged
        if item.personal_data is not None:
            report.pd_labelled_items += 1
            found = {f.kind.value for f in privacy.scan(item.text)}
            labelled = set(item.personal_data)
            for kind in labelled:
                report.pd_total[kind] += 1
                report.pd_caught[kind] += kind in found
            for kind in found - labelled:
                report.pd_false[kind] += 1
    errors.sort(key=lambda e: -e[0])
    report.errors = errors[:worst]
    return report


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.1%}"


def format_report(report: Report, title: str) -> str:
    lines = [f"{title}: {report.total} items",
             f"accuracy {report.accuracy:.1%} (unclassified counted wrong); "
             f"{report.classified_accuracy:.1%} of those classified; unclassified "
             f"{report.unclassified} ({report.unclassified_share:.1%})", "",
             f"{'DEPARTMENT':<15}{'ITEMS':>6} {'PRECISION':>9} {'RECALL':>7}"]
    for d in report.departments:
        n = sum(v for (t, _a), v in report.confusion.items() if t == d)
        if n or report.precision(d) is not None:
            lines.append(f"{d:<15}{n:>6} {_pct(report.precision(d)):>9} "
                         f"{_pct(report.recall(d)):>7}")
    answers = [d for d in report.departments] + [UNCLASSIFIED]
    truths = [d for d in report.departments
              if any(t == d for (t, _a) in report.confusion)]
    short = {d: d[:6] for d in answers}
    short[UNCLASSIFIED] = "s/clas"
    lines += ["", "confusion (rows: truth, columns: answer)",
              " " * 12 + "".join(f"{short[a]:>7}" for a in answers)]
    for t in truths:
        lines.append(f"{t[:11]:<12}" + "".join(f"{report.confusion[(t, a)] or '.':>7}"
                                               for a in answers))
    lines.append("")
    if report.urgent_total or report.routine_total:
        lines.append(f"urgency: {report.urgent_caught}/{report.urgent_total} urgent items "
                     f"flagged ({_pct(report.urgent_recall).strip()}); "
                     f"{report.routine_flagged}/{report.routine_total} routine items "
                     "flagged urgent")
    else:
        lines.append("urgency: no item labelled")
    if report.pd_labelled_items:
        kinds = sorted(set(report.pd_total) | set(report.pd_false))
        parts = [f"{k} {report.pd_caught[k]}/{report.pd_total[k]}"
                 + (f" (+{report.pd_false[k]} false)" if report.pd_false[k] else "")
                 for k in kinds]
        lines.append(f"personal data ({report.pd_labelled_items} labelled items): "
                     + (", ".join(parts) if parts else "none labelled, none found"))
    else:
        lines.append("personal data: no item labelled")
    if report.errors:
        lines += ["", "worst errors (most confident first):"]
        for conf, item, answer, why in report.errors:
            text = " ".join(item.text.split())[:110]
            lines.append(f"  {item.department} → {answer} ({conf:.2f}) {text!r} [{why}]")
    return "\n".join(lines)


__all__ = ["IDENTIFIERS", "Labelled", "PersonalData", "Report", "evaluate", "format_report",
           "read_labelled"]
