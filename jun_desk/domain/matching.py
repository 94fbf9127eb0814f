"""Match many accent- and case-insensitive terms ('farol*', 'corte de luz') in one pass.

The text is folded and split into words once; terms are indexed by their first word (or,
for one-word prefix terms like 'farol*', by every prefix of a word), so the cost grows with
the length of the text, not with the number of rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from jun_desk.domain.errors import bad_resource
from jun_desk.domain.text import fold

_WORD = re.compile(r"\w+")


def words(folded: str) -> list[str]:
    """The words of a folded text, as every matcher splits it."""
    return _WORD.findall(folded)


@dataclass(frozen=True, slots=True)
class _Term:
    key: str  # the term as given (unique)
    name: str  # the term as written, without its '*'
    words: tuple[str, ...]
    prefix: bool  # the last word may go on ('farol*' → 'farolas')
    value: object

    def match_at(self, tokens: list[str], start: int) -> bool:
        n = len(self.words)
        if start + n > len(tokens):
            return False
        for offset, word in enumerate(self.words):
            token = tokens[start + offset]
            last = offset == n - 1
            if not (token.startswith(word) if last and self.prefix else token == word):
                return False
        return True


class TermMatcher:
    def __init__(self, terms: Mapping[str, object]) -> None:
        self._by_first: dict[str, list[_Term]] = {}
        self._prefixes: dict[str, list[_Term]] = {}
        for raw, value in terms.items():
            prefix = raw.rstrip().endswith("*")
            words = tuple(_WORD.findall(fold(raw.rstrip().rstrip("*"))))
            if not words:
                raise bad_resource(f"Empty triage term {raw!r}")
            term = _Term(raw, raw.rstrip().rstrip("*").strip(), words, prefix, value)
            index = self._prefixes if prefix and len(words) == 1 else self._by_first
            index.setdefault(words[0], []).append(term)
        self._prefix_lengths = sorted({len(p) for p in self._prefixes})
        self._cache: dict[str, tuple[_Term, ...]] = {}

    def _candidates(self, token: str) -> tuple[_Term, ...]:
        """Terms that may start at this word; words repeat a lot, so answers are cached."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        found = list(self._by_first.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            found.extend(self._prefixes.get(token[:length], ()))
        result = tuple(found)
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result

    def find(self, folded: str) -> list[tuple[str, object, str]]:
        """Each matching term once: (term, its value, the folded words that matched).

        Matches do not overlap; where several terms start at one word, the longest wins
        ('corte de luz' over 'luz'); the same term listed twice (say, for two
        departments) matches as both.
        """
        return self.find_in_words(words(folded))

    def find_in_words(self, tokens: list[str]) -> list[tuple[str, object, str]]:
        """``find`` on a text already split with ``words`` (several matchers, one split)."""
        seen: dict[str, tuple[str, object, str]] = {}
        cache = self._cache
        i, count = 0, len(tokens)
        while i < count:
            token = tokens[i]
            candidates = cache.get(token)
            if candidates is None:
                candidates = self._candidates(token)
            if not candidates:  # most words start no term: no list, no call
                i += 1
                continue
            matching = [t for t in candidates if t.match_at(tokens, i)]
            if not matching:
                i += 1
                continue
            size = max((len(t.words), len(t.name)) for t in matching)
            for term in matching:
                if (len(term.words), len(term.name)) == size:
                    matched = " ".join(tokens[i:i + len(term.words)])
                    seen.setdefault(term.key, (term.name, term.value, matched))
            i += size[0]
        return list(seen.values())
