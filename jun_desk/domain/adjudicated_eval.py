"""Triage judged against two readers (issue 26): what ``jun-desk triage eval`` adds for the
adjudicated test split, and the reliability of the model's confidence.

An answer here is the department judged most likely (``TriageResult.best``), also when
the confidence is below the routing threshold and the ticket waits "sin clasificar" with
the two most likely departments offered: the accuracy figures judge the model's choice,
and the routing figures say how many tickets went to a department with nobody looking
and how many of those were right.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jun_desk.domain.adjudication import Judgement, agreement
from jun_desk.domain.evaluation import Labelled, Report

BINS = 10


@dataclass(frozen=True, slots=True)
class Judged:
    item: Labelled
    best: str
    confidence: float
    routed: bool
    judgement: Judgement

    @property
    def right(self) -> bool:
        return self.best == self.judgement.truth

    @property
    def acceptable(self) -> bool:
        return self.best in self.judgement.acceptable


def judged(report: Report, judgements: Mapping[str, Judgement]) -> list[Judged]:
    """The report's answers joined with their judgements (items without one are left out)."""
    return [Judged(item, best, confidence, routed, judgements[item.id])
            for item, _answer, confidence, best, routed in report.answers
            if item.id in judgements]


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def reliability(rows: Sequence[Judged], bins: int = BINS) -> list[dict[str, Any]]:
    """The reliability curve: per confidence bin, the items, their mean confidence and how
    many were right."""
    out = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        inside = [r for r in rows if lo <= r.confidence < hi or (k == bins - 1
                                                                and r.confidence >= 1.0)]
        out.append({"from": lo, "to": hi, "items": len(inside),
                    "confidence": (round(sum(r.confidence for r in inside) / len(inside), 4)
                                   if inside else None),
                    "right": _share(sum(r.right for r in inside), len(inside))})
    return out


def at_threshold(rows: Sequence[Judged], threshold: float) -> dict[str, Any]:
    """What routing at ``threshold`` would do: the share of items whose confidence reaches
    it, and how often those are right (exact) and acceptable."""
    routed = [r for r in rows if r.best and r.confidence >= threshold]
    return {"threshold": round(threshold, 4), "share": _share(len(routed), len(rows)),
            "right": _share(sum(r.right for r in routed), len(routed)),
            "acceptable": _share(sum(r.acceptable for r in routed), len(routed))}


def figures(rows: Sequence[Judged], departments: Sequence[str],
            route_at: float | None = None, always_at: float | None = None) -> dict[str, Any]:
    """Exact accuracy on agreed items, accuracy inside the acceptable set, recall per
    department on agreed items, the readers' own agreement, routing, figures per source;
    with ``route_at``, also what routing at that confidence would do (``at_threshold``),
    and with ``always_at`` what the policy "always the most likely department" would
    (its "sin clasificar" threshold)."""
    agreed = [r for r in rows if r.judgement.agreed]
    twice = [r for r in rows if r.judgement.agreed is not None]
    routed = [r for r in rows if r.routed]
    recall: dict[str, dict[str, Any]] = {}
    for d in departments:
        of = [r for r in agreed if r.judgement.truth == d]
        if of:
            recall[d] = {"items": len(of), "recall": _share(sum(r.right for r in of), len(of))}
    raw = agreement([(r.judgement.first, r.judgement.second or "") for r in twice])
    settled = agreement([(r.item.department, r.judgement.second or "") for r in twice])
    by_source: dict[str, list[Judged]] = defaultdict(list)
    for r in rows:
        by_source[r.item.source or "-"].append(r)
    return {
        "items": len(rows),
        "exact": _share(sum(r.right for r in rows), len(rows)),
        "read_twice": len(twice),
        "agreed_items": len(agreed),
        "exact_on_agreed": _share(sum(r.right for r in agreed), len(agreed)),
        "acceptable_on_read_twice": _share(sum(r.acceptable for r in twice), len(twice)),
        "acceptable_on_all": _share(sum(r.acceptable for r in rows), len(rows)),
        "recall_on_agreed": recall,
        "readers": {"exact_as_read": round(raw[0], 4), "kappa_as_read": round(raw[1], 4),
                    "exact_settled": round(settled[0], 4),
                    "kappa_settled": round(settled[1], 4)},
        "routed_share": _share(len(routed), len(rows)),
        "routed_right": _share(sum(r.right for r in routed), len(routed)),
        "routed_acceptable": _share(sum(r.acceptable for r in routed), len(routed)),
        "by_source": {s: {"items": len(v), "exact": _share(sum(r.right for r in v), len(v)),
                          "agreed_items": sum(bool(r.judgement.agreed) for r in v),
                          "exact_on_agreed": _share(
                              sum(r.right for r in v if r.judgement.agreed),
                              sum(bool(r.judgement.agreed) for r in v)),
                          "routed_share": _share(sum(r.routed for r in v), len(v))}
                      for s, v in sorted(by_source.items())},
        "reliability": reliability(rows),
        "at_routing_threshold": at_threshold(rows, route_at) if route_at is not None else None,
        "at_always_threshold": at_threshold(rows, always_at) if always_at is not None
        else None,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def format_side_by_side(columns: Mapping[str, Mapping[str, Any]]) -> str:
    """The figures of several sets (e.g. the real split and the written set) side by side."""
    names = list(columns)
    width = max(14, *(len(n) + 2 for n in names))
    head = f"{'':<40}" + "".join(f"{n:>{width}}" for n in names)

    def row(label: str, get: Any) -> str:
        return f"{label:<40}" + "".join(f"{get(columns[n]):>{width}}" for n in names)

    lines = [head,
             row("items", lambda c: str(c["items"])),
             row("exact (best department)", lambda c: _pct(c["exact"])),
             row("items read twice", lambda c: str(c["read_twice"])),
             row("items both readers agree on", lambda c: str(c["agreed_items"])),
             row("exact on agreed items", lambda c: _pct(c["exact_on_agreed"])),
             row("inside acceptable set (read twice)",
                 lambda c: _pct(c["acceptable_on_read_twice"])),
             row("inside acceptable set (all)", lambda c: _pct(c["acceptable_on_all"])),
             row("readers: exact / kappa as read", lambda c: (
                 f"{_pct(c['readers']['exact_as_read'])} / {c['readers']['kappa_as_read']:.2f}"
                 if c["read_twice"] else "-")),
             row("readers: exact / kappa, boundaries", lambda c: (
                 f"{_pct(c['readers']['exact_settled'])} / {c['readers']['kappa_settled']:.2f}"
                 if c["read_twice"] else "-")),
             row("routed automatically", lambda c: _pct(c["routed_share"])),
             row("  of them right (exact)", lambda c: _pct(c["routed_right"])),
             row("  of them acceptable", lambda c: _pct(c["routed_acceptable"]))]
    for key, label in (("at_routing_threshold", "at the routing threshold"),
                       ("at_always_threshold", "policy 'always'")):
        gated = [c.get(key) for c in columns.values()]
        if any(gated):
            at = next(g for g in gated if g)["threshold"]
            lines += [row(f"{label} ({at:.3f}): routed",
                          lambda c, k=key: _pct((c.get(k) or {}).get("share"))),
                      row("  of them right (exact)",
                          lambda c, k=key: _pct((c.get(k) or {}).get("right"))),
                      row("  of them acceptable",
                          lambda c, k=key: _pct((c.get(k) or {}).get("acceptable")))]
    lines += ["", "recall on agreed items (items)"]
    departments: list[str] = []
    for c in columns.values():
        departments += [d for d in c["recall_on_agreed"] if d not in departments]
    for d in departments:
        lines.append(row(f"  {d}", lambda c, d=d: (
            f"{_pct(c['recall_on_agreed'][d]['recall'])} ({c['recall_on_agreed'][d]['items']})"
            if d in c["recall_on_agreed"] else "-")))
    lines += ["", "by source: exact, exact on agreed (agreed items), routed"]
    for n, c in columns.items():
        for s, f in c["by_source"].items():
            lines.append(f"  {n} · {s}: {f['items']} items, {_pct(f['exact'])}, "
                         f"{_pct(f['exact_on_agreed'])} ({f['agreed_items']}), "
                         f"routed {_pct(f['routed_share'])}")
    return "\n".join(lines)


def plain_judgements(items: Sequence[Labelled]) -> dict[str, Judgement]:
    """A set read once (e.g. the written set): each item's label is its truth and only
    acceptable department."""
    return {i.id: Judgement(i.department, frozenset({i.department}), None, i.first
                            or i.department, None) for i in items}


__all__ = ["Judged", "at_threshold", "figures", "format_side_by_side", "judged", "plain_judgements",
           "reliability"]
