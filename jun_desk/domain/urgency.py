"""Urgency from a maintained lexicon (``resources/urgency.toml``).

A rule is a few groups of words that must all appear (in any order): 'tapa' with 'falta'
or 'levantada', 'cable' with 'colgando' or 'en el suelo'. Texts are folded and split once;
each word is looked up once in an index of the groups' words and prefixes (cached), so the
cost grows with the text, not with the number of rules.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from jun_desk.domain.errors import bad_resource
from jun_desk.domain.matching import words as split_words
from jun_desk.domain.text import fold


@dataclass(frozen=True, slots=True)
class UrgencyRule:
    name: str
    groups: tuple[int, ...]  # ids of the groups that must all match
    unless: int | None = None  # id of a group that, when found, keeps the rule quiet


class UrgencyLexicon:
    def __init__(self, rules: list[tuple[str, list[list[str]]]] |
                 list[tuple[str, list[list[str]], list[str]]]) -> None:
        self._exact: dict[str, set[int]] = {}
        self._prefixes: dict[str, set[int]] = {}
        self._phrases: dict[str, list[tuple[str, int]]] = {}  # first word → phrases
        self.rules: list[UrgencyRule] = []
        group_id = 0
        for name, groups, *rest in rules:
            if not groups or any(not g for g in groups):
                raise bad_resource(f"Urgency rule {name!r} has an empty group")
            unless = rest[0] if rest else []
            ids = []
            for group in [*groups, unless] if unless else groups:
                for raw in group:
                    term = fold(raw).strip()
                    if not term.rstrip("*").strip():
                        raise bad_resource(f"Empty urgency term in rule {name!r}")
                    if " " in term:
                        # ' a punto de caer*': a prefix phrase has no closing space.
                        closing = "" if term.endswith("*") else " "
                        self._phrases.setdefault(term.split()[0], []).append(
                            (" " + term.rstrip("*") + closing, group_id))
                    elif term.endswith("*"):
                        self._prefixes.setdefault(term[:-1], set()).add(group_id)
                    else:
                        self._exact.setdefault(term, set()).add(group_id)
                ids.append(group_id)
                group_id += 1
            if unless:
                self.rules.append(UrgencyRule(name, tuple(ids[:-1]), ids[-1]))
            else:
                self.rules.append(UrgencyRule(name, tuple(ids)))
        self._lengths = sorted({len(p) for p in self._prefixes})
        self._cache: dict[str, frozenset[int]] = {}

    @classmethod
    def load(cls, path: Path) -> UrgencyLexicon:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise bad_resource(f"Cannot read the urgency list {path}: {exc}") from None
        rules = []
        for entry in data.get("urgent", []):
            groups = entry.get("all")
            if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
                raise bad_resource(f"Urgency rule {entry.get('name')!r} needs 'all': "
                                      "a list of word lists")
            unless = [str(t) for t in entry.get("unless", [])]
            rules.append((str(entry.get("name", "")), [[str(t) for t in g] for g in groups],
                          unless))
        return cls(rules)

    def _groups(self, word: str) -> frozenset[int]:
        found = self._cache.get(word)
        if found is not None:
            return found
        ids = set(self._exact.get(word, ()))
        for n in self._lengths:
            if n > len(word):
                break
            ids |= self._prefixes.get(word[:n], set())
        result = frozenset(ids)
        if len(self._cache) < 100_000:
            self._cache[word] = result
        return result

    def match(self, folded: str, tokens: list[str] | None = None) -> str | None:
        """The name of the first rule the folded text meets, or None."""
        tokens = split_words(folded) if tokens is None else tokens
        seen: set[int] = set()
        for token in tokens:
            groups = self._cache.get(token)
            if groups is None:
                groups = self._groups(token)
            if groups:
                seen |= groups
        phrases = self._phrases
        candidates = [p for t in set(tokens) if t in phrases for p in phrases[t]]
        if candidates:
            padded = " " + " ".join(tokens) + " "
            for phrase, group in candidates:
                if group not in seen and phrase in padded:
                    seen.add(group)
        if not seen:
            return None
        for rule in self.rules:
            if all(g in seen for g in rule.groups) and rule.unless not in seen:
                return rule.name
        return None
