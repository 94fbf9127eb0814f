"""Spanish-first triage: a message's text → department, confidence and a reason.

Rules are data (``resources/triage_rules.toml``). Matching runs on folded text (no accents,
no case), so one compiled pattern per rule set serves every message.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jun_desk.domain.departments import DepartmentCatalogue
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.matching import TermMatcher, words
from jun_desk.domain.text import MENTION, fold, hashtags, mentions
from jun_desk.domain.workflow import Priority


@dataclass(frozen=True, slots=True)
class Match:
    kind: str  # "term", "hashtag" or "handle"
    value: str
    weight: int


@dataclass(frozen=True, slots=True)
class TriageResult:
    department: str
    confidence: float  # 0.0 (nothing matched) .. 1.0
    priority: Priority
    matches: tuple[Match, ...] = ()
    runner_up: str | None = None

    @property
    def matched(self) -> bool:
        return bool(self.matches)

    def reason(self, language: str = "es") -> str:
        """What the operator reads next to the suggestion."""
        en = language.startswith("en")
        if not self.matches:
            return ("No rule matched: sent to the default department" if en
                    else "Ninguna regla coincide: va al departamento por defecto")
        labels = {
            "term": "words" if en else "palabras",
            "hashtag": "hashtags",
            "handle": "account" if en else "cuenta",
        }
        grouped: dict[str, list[str]] = defaultdict(list)
        for match in self.matches:
            shown = {"hashtag": "#", "handle": "@"}.get(match.kind, "") + match.value
            grouped[match.kind].append(shown)
        return "; ".join(f"{labels[k]}: {', '.join(v)}" for k, v in grouped.items())


@dataclass
class TriageRules:
    terms: dict[str, dict[str, int]]  # department → term → weight
    hashtags: dict[str, str]  # folded hashtag → department
    handles: dict[str, str]  # folded handle → department
    default_department: str
    handle_weight: int = 4
    hashtag_weight: int = 4
    urgent_terms: list[str] = field(default_factory=list)
    high_terms: list[str] = field(default_factory=list)
    health_terms: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict, catalogue: DepartmentCatalogue) -> TriageRules:
        terms: dict[str, dict[str, int]] = {}
        tags: dict[str, str] = {}
        for code, spec in data.get("departments", {}).items():
            catalogue.get(code)  # unknown department in the rules → clear error
            weights = {}
            for term, weight in spec.get("terms", {}).items():
                if not isinstance(weight, int) or weight <= 0:
                    raise ValidationError(f"Triage term {term!r} ({code}) needs a positive weight")
                weights[term] = weight
            terms[code] = weights
            for tag in spec.get("hashtags", []):
                tags[fold(tag.lstrip("#"))] = code
        handles = {
            fold(d.handle): d.code
            for d in catalogue
            # The default department's account is the desk itself: every mention names it.
            if d.handle and d.code != catalogue.default_code
        }
        priority = data.get("priority", {})
        return cls(
            terms=terms, hashtags=tags, handles=handles,
            default_department=catalogue.default_code,
            handle_weight=int(data.get("handle_weight", 4)),
            hashtag_weight=int(data.get("hashtag_weight", 4)),
            urgent_terms=list(priority.get("urgent", [])),
            high_terms=list(priority.get("high", [])),
            health_terms=list(data.get("privacy", {}).get("health_terms", [])),
        )

    @classmethod
    def load(cls, path: Path, catalogue: DepartmentCatalogue) -> TriageRules:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ValidationError(f"Cannot read the triage rules {path}: {exc}") from None
        return cls.from_dict(data, catalogue)


class Triage:
    """Compiled rules, ready to classify many messages quickly."""

    def __init__(self, rules: TriageRules) -> None:
        self.rules = rules
        combined: dict[str, tuple[str, int]] = {}
        for code, weights in rules.terms.items():
            for term, weight in weights.items():
                key = term
                # The same word listed for two departments stays two entries.
                while key in combined:
                    key += " "
                combined[key] = (code, weight)
        self._terms = TermMatcher(combined)
        # One pass for both lists; a term in both counts as urgent.
        self._priorities = TermMatcher({**dict.fromkeys(rules.high_terms, Priority.HIGH),
                                        **dict.fromkeys(rules.urgent_terms, Priority.URGENT)})

    def classify(self, text: str) -> TriageResult:
        # Handles are scored as accounts below, not as words ('@PoliciaJun' is no 'policía').
        folded = fold(MENTION.sub(" ", text))
        tokens = words(folded)  # split once for both matchers
        scores: dict[str, int] = defaultdict(int)
        matches: dict[str, list[Match]] = defaultdict(list)
        for term, (code, weight), _words in self._terms.find_in_words(tokens):  # type: ignore[misc]
            scores[code] += weight
            matches[code].append(Match("term", term.strip(), weight))
        for tag in dict.fromkeys(hashtags(text)):
            code = self.rules.hashtags.get(fold(tag))
            if code:
                scores[code] += self.rules.hashtag_weight
                matches[code].append(Match("hashtag", tag, self.rules.hashtag_weight))
        for handle in dict.fromkeys(mentions(text)):
            code = self.rules.handles.get(fold(handle))
            if code:
                scores[code] += self.rules.handle_weight
                matches[code].append(Match("handle", handle, self.rules.handle_weight))

        priority = self._priority(tokens)  # no priority word is a handle
        if not scores:
            return TriageResult(self.rules.default_department, 0.0, priority)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        best, top = ranked[0]
        runner_up, second = ranked[1] if len(ranked) > 1 else (None, 0)
        # Strength of the evidence (saturates at two strong words) times its margin.
        confidence = min(1.0, top / 8) * (top / (top + second))
        return TriageResult(best, round(confidence, 2), priority,
                            tuple(matches[best]), runner_up)

    def _priority(self, tokens: list[str]) -> Priority:
        found = {value for _term, value, _words in self._priorities.find_in_words(tokens)}
        if Priority.URGENT in found:
            return Priority.URGENT
        return Priority.HIGH if Priority.HIGH in found else Priority.NORMAL
