"""Spanish-first triage: a message's text → department, confidence and a reason.

Two halves. Rules are data (``resources/triage_rules.toml``): a department's X handle or a
campaign hashtag decides, an ``[override]`` phrase decides, and weighted terms give the
rules' own opinion. A learned model (``jun_desk.domain.classifier``) reads everything
else, robust to typos, missing accents and informal spelling. Below the model's
confidence threshold (the one of the town's routing policy: ``domain.routing``), or in a
language the model cannot judge, the message is left **unclassified** (``UNCLASSIFIED``)
for a person to route, instead of being filed quietly under the default department.
Matching runs on folded text (no accents, no case).
"""

from __future__ import annotations

import copy
import math
import re
import threading
import tomllib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from jun_desk.domain.classifier import LinearModel, folded_tokens
from jun_desk.domain.departments import UNCLASSIFIED, DepartmentCatalogue
from jun_desk.domain.errors import bad_resource
from jun_desk.domain.language import Language, detect
from jun_desk.domain.matching import TermMatcher, words
from jun_desk.domain.routing import DEFAULT_POLICY, RoutingPolicy, threshold_for
from jun_desk.domain.text import MENTION, fold, hashtags, mentions
from jun_desk.domain.urgency import UrgencyLexicon
from jun_desk.domain.workflow import Priority

# Where the model's and the rules' answers come from, as the operator reads it.
SOURCE_RULES = "rules"
SOURCE_MODEL = "model"
SOURCE_NONE = "none"
SPANISH = Language("es", 0)


@dataclass(frozen=True, slots=True)
class Match:
    kind: str  # "term", "hashtag", "handle" or "override"
    value: str
    weight: int


@dataclass(frozen=True, slots=True)
class TriageResult:
    department: str
    confidence: float  # 0.0 (nothing matched) .. 1.0
    priority: Priority
    matches: tuple[Match, ...] = ()
    runner_up: str | None = None
    source: str = SOURCE_RULES  # who decided: rules, model, or none (unclassified)
    evidence: tuple[str, ...] = ()  # the model's weightiest words for its answer
    language: Language = SPANISH
    # The model's most likely departments, best first (two at most), also when the message
    # is left unclassified: the one-key choices the board offers for it.
    choices: tuple[str, ...] = ()

    @property
    def best(self) -> str:
        """The department judged most likely, even below the routing threshold."""
        return self.choices[0] if self.choices else self.department

    @property
    def matched(self) -> bool:
        return bool(self.matches)

    @property
    def unclassified(self) -> bool:
        return self.department == UNCLASSIFIED

    def reason(self, language: str = "es") -> str:
        """What the operator reads next to the suggestion."""
        en = language.startswith("en")
        parts: list[str] = []
        if not self.language.judged:
            name = self.language.name(language)
            parts.append(f"Language: {name}, not classified" if en
                         else f"Idioma: {name}, sin clasificar")
        elif self.unclassified and not self.evidence and not self.matches:
            parts.append("Nothing to judge it by: unclassified" if en
                         else "Nada en qué basarse: sin clasificar")
        elif self.unclassified:
            # Rounded down: 92.6 % below a 92.9 % threshold must not read "93 %".
            sure = f"{math.floor(100 * self.confidence)}%"
            parts.append(f"Unsure ({sure}): unclassified" if en
                         else f"Dudoso ({sure}): sin clasificar")
        if self.evidence:
            label = "model" if en else "modelo"
            parts.append(f"{label}: {', '.join(self.evidence)}")
        labels = {
            "term": "words" if en else "palabras",
            "hashtag": "hashtags",
            "handle": "account" if en else "cuenta",
            "override": "rule" if en else "regla",
        }
        grouped: dict[str, list[str]] = defaultdict(list)
        for match in self.matches:
            shown = {"hashtag": "#", "handle": "@"}.get(match.kind, "") + match.value
            grouped[match.kind].append(shown)
        parts += [f"{labels[k]}: {', '.join(v)}" for k, v in grouped.items()]
        if not parts:
            return ("No rule matched: sent to the default department" if en
                    else "Ninguna regla coincide: va al departamento por defecto")
        return "; ".join(parts)


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
    overrides: dict[str, str] = field(default_factory=dict)  # phrase → department
    # Departments an urgent message goes to at once when it is their most likely message,
    # whatever the routing policy (``[priority] urgent_at_once``): an emergency never waits.
    urgent_at_once: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, data: dict[str, Any], catalogue: DepartmentCatalogue) -> TriageRules:
        terms: dict[str, dict[str, int]] = {}
        tags: dict[str, str] = {}
        for code, spec in data.get("departments", {}).items():
            catalogue.get(code)  # unknown department in the rules → clear error
            weights = {}
            for term, weight in spec.get("terms", {}).items():
                if not isinstance(weight, int) or weight <= 0:
                    raise bad_resource(f"Triage term {term!r} ({code}) needs a positive weight")
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
        overrides = {}
        for phrase, code in data.get("override", {}).items():
            overrides[phrase] = catalogue.get(str(code)).code
        return cls(
            terms=terms, hashtags=tags, handles=handles,
            default_department=catalogue.default_code,
            handle_weight=int(data.get("handle_weight", 4)),
            hashtag_weight=int(data.get("hashtag_weight", 4)),
            urgent_terms=list(priority.get("urgent", [])),
            high_terms=list(priority.get("high", [])),
            health_terms=list(data.get("privacy", {}).get("health_terms", [])),
            overrides=overrides,
            urgent_at_once=frozenset(catalogue.get(str(code)).code
                                     for code in priority.get("urgent_at_once", [])),
        )

    @classmethod
    def load(cls, path: Path, catalogue: DepartmentCatalogue) -> TriageRules:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise bad_resource(f"Cannot read the triage rules {path}: {exc}") from None
        return cls.from_dict(data, catalogue)


# Returns the model to use, or (model, version) to name its version too.
ModelLoader = Callable[[], "LinearModel | tuple[LinearModel | None, object] | None"]


class Triage:
    """Compiled rules and the learned model, ready to classify many messages quickly.

    The model is loaded on first use (``model_loader``), not at start: the desk window
    opens without waiting for it. ``use_model`` swaps it (a retrained or rolled-back one);
    ``use_policy`` sets the routing policy (``domain.routing``: safe unless told).
    """

    def __init__(self, rules: TriageRules, model_loader: ModelLoader | None = None,
                 urgency: UrgencyLexicon | None = None) -> None:
        self.rules = rules
        self.urgency = urgency
        combined: dict[str, tuple[str, int]] = {}
        for code, weights in rules.terms.items():
            for term, weight in weights.items():
                key = term
                # The same word listed for two departments stays two entries.
                while key in combined:
                    key += " "
                combined[key] = (code, weight)
        self._terms = TermMatcher(combined)
        self._overrides = TermMatcher(dict(rules.overrides)) if rules.overrides else None
        # One pass for both lists; a term in both counts as urgent.
        self._priorities = TermMatcher({**dict.fromkeys(rules.high_terms, Priority.HIGH),
                                        **dict.fromkeys(rules.urgent_terms, Priority.URGENT)})
        self._loader = model_loader
        self._model: LinearModel | None = None
        self._loaded = model_loader is None
        self._lock = threading.Lock()
        self.model_version: object = None  # which model is in use, as its owner names it
        # Which answers are routed by themselves (issue 26): the town's choice, set by its
        # owner (``use_policy``); the model keeps the threshold of each policy.
        self.policy: RoutingPolicy = DEFAULT_POLICY

    # ------------------------------------------------------------------ the model
    @property
    def model(self) -> LinearModel | None:
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    loaded = self._loader() if self._loader else None
                    if isinstance(loaded, tuple):
                        self._model, self.model_version = loaded
                    else:
                        self._model = loaded
                    self._loaded = True
        return self._model

    @property
    def model_loaded(self) -> bool:
        return self._loaded

    def use_model(self, model: LinearModel | None, version: object = None) -> None:
        with self._lock:
            self._model = model
            self.model_version = version
            self._loaded = True

    def use_policy(self, policy: RoutingPolicy) -> None:
        """Route by ``policy`` from the next message on."""
        self.policy = policy

    def fork(self, model_loader: ModelLoader | None) -> Triage:
        """The same compiled rules with a model slot of its own (one per desk)."""
        twin = copy.copy(self)
        twin._loader = model_loader
        twin._model = None
        twin._loaded = model_loader is None
        twin._lock = threading.Lock()
        twin.model_version = None
        return twin

    # ------------------------------------------------------------------ classifying
    def classify(self, text: str) -> TriageResult:
        # Handles are scored as accounts below, not as words ('@PoliciaJun' is no 'policía').
        folded = fold(MENTION.sub(" ", text))
        tokens = words(folded)  # split once for both matchers
        scores: dict[str, int] = defaultdict(int)
        matches: dict[str, list[Match]] = defaultdict(list)
        for term, value, _words in self._terms.find_in_words(tokens):
            department, weight = cast(tuple[str, int], value)  # what __init__ put there
            scores[department] += weight
            matches[department].append(Match("term", term.strip(), weight))
        decided: dict[str, int] = defaultdict(int)  # handles and hashtags: they decide
        for tag in dict.fromkeys(hashtags(text)):
            code = self.rules.hashtags.get(fold(tag))
            if code:
                decided[code] += self.rules.hashtag_weight
                matches[code].append(Match("hashtag", tag, self.rules.hashtag_weight))
        for handle in dict.fromkeys(mentions(text)):
            code = self.rules.handles.get(fold(handle))
            if code:
                decided[code] += self.rules.handle_weight
                matches[code].append(Match("handle", handle, self.rules.handle_weight))

        priority = self._priority(folded, tokens)  # no priority word is a handle
        language = detect(text, folded, tokens)
        if decided:
            for code, value in decided.items():
                scores[code] += value
            return self._by_rules(scores, matches, priority, language, among=decided)
        if self._overrides is not None:
            found = self._overrides.find_in_words(tokens)
            if found:
                term, override, _w = found[0]
                return TriageResult(str(override), 1.0, priority,
                                    (Match("override", term, 0),), None, SOURCE_RULES,
                                    (), language)
        if not language.judged:
            return TriageResult(UNCLASSIFIED, 0.0, priority, (), None, SOURCE_NONE, (),
                                language)
        model = self.model
        if model is None:  # no model shipped: the rules as they always were
            if not scores:
                return TriageResult(self.rules.default_department, 0.0, priority,
                                    language=language)
            return self._by_rules(scores, matches, priority, language)
        words_seen = folded_tokens(folded)
        if not words_seen:
            if scores:  # only numbers the rules know ('112')
                return self._by_rules(scores, matches, priority, language)
            return TriageResult(UNCLASSIFIED, 0.0, priority, (), None, SOURCE_NONE, (),
                                language)
        probs, parts, urgent = model.judge(words_seen)
        if urgent:
            priority = Priority.URGENT
        combined = dict(zip(model.classes, probs, strict=True))
        ruled = self._by_rules(scores, matches, priority, language) if scores else None
        if ruled is not None and ruled.department in combined:
            # The rules' verdict closes part of the gap to certainty, as much as the model
            # was tuned to trust them: 'feria' lifts Alcaldía where the model knows little.
            lift = min(1.0, model.rules_weight * ruled.confidence)
            d = ruled.department
            combined[d] += lift * (1.0 - combined[d])
        ranked = sorted(combined, key=lambda d: -combined[d])
        best = ranked[0]
        # How likely the answer is right, as learned on held-out training answers: the
        # routing threshold below is chosen on this confidence (issue 26).
        say = 0 if ruled is None else (1 if ruled.department == best else -1)
        confidence = model.confidence(list(combined.values()), say)
        evidence = model.explain(parts, best)
        choices = tuple(ranked[:2])
        # Not rounded: what is routed and the confidence reported (and evaluated, stored)
        # agree at the threshold's own precision.
        policy = self.policy
        if priority is Priority.URGENT and best in self.rules.urgent_at_once:
            policy = RoutingPolicy.ALWAYS  # an emergency is not left waiting for a person
        if confidence < threshold_for(model, policy):
            return TriageResult(UNCLASSIFIED, confidence, priority, (), best,
                                SOURCE_NONE, evidence, language, choices)
        return TriageResult(best, confidence, priority, tuple(matches.get(best, ())),
                            ranked[1] if len(ranked) > 1 else None, SOURCE_MODEL, evidence,
                            language, choices)

    def _by_rules(self, scores: dict[str, int], matches: dict[str, list[Match]],
                  priority: Priority, language: Language,
                  among: dict[str, int] | None = None) -> TriageResult:
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if among:
            ranked = [kv for kv in ranked if kv[0] in among] + \
                     [kv for kv in ranked if kv[0] not in among]
        best, top = ranked[0]
        runner_up, second = ranked[1] if len(ranked) > 1 else (None, 0)
        # Strength of the evidence (saturates at two strong words) times its margin.
        confidence = min(1.0, top / 8) * (top / (top + second))
        return TriageResult(best, round(confidence, 2), priority, tuple(matches[best]),
                            runner_up, SOURCE_RULES, (), language,
                            tuple(d for d in (best, runner_up) if d))

    def _priority(self, folded: str, tokens: list[str]) -> Priority:
        if self.urgency is not None and self.urgency.match(folded, tokens):
            return Priority.URGENT
        found = {value for _term, value, _words in self._priorities.find_in_words(tokens)}
        if Priority.URGENT in found:
            return Priority.URGENT
        return Priority.HIGH if Priority.HIGH in found else Priority.NORMAL


# How reason() words each part in Spanish (as stored with each message) and in English.
_REASON_PHRASES = (
    ("Nada en qué basarse: sin clasificar", "Nothing to judge it by: unclassified"),
    ("Ninguna regla coincide: va al departamento por defecto",
     "No rule matched: sent to the default department"),
)
_REASON_LABELS = {"modelo": "model", "palabras": "words", "hashtags": "hashtags",
                  "cuenta": "account", "regla": "rule",
                  "mención del personal": "mention of staff"}
_UNSURE = re.compile(r"Dudoso \((\d+ ?%)\): sin clasificar")
_LANGUAGE = re.compile(r"Idioma: (.+), sin clasificar")


def reason_in(stored: str, language: str = "es") -> str:
    """A reason as ``Suggestion.reason()`` stored it (in Spanish), in ``language``: its
    fixed words translated, the words it quotes from the message left as they are."""
    if not language.startswith("en") or not stored:
        return stored
    from jun_desk.domain.language import NAMES

    english_names = {es: en for es, en in NAMES.values()}
    parts = []
    for part in stored.split("; "):
        unsure, named = _UNSURE.fullmatch(part), _LANGUAGE.fullmatch(part)
        label, colon, rest = part.partition(": ")
        if unsure:
            part = f"Unsure ({unsure.group(1)}): unclassified"
        elif named:
            name = named.group(1)
            part = f"Language: {english_names.get(name, name)}, not classified"
        elif colon and label in _REASON_LABELS:
            part = f"{_REASON_LABELS[label]}: {rest}"
        else:
            part = dict(_REASON_PHRASES).get(part, part)
        parts.append(part)
    return "; ".join(parts)
