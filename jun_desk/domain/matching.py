"""Match many accent- and case-insensitive terms ('farol*', 'corte de luz') in one pass."""

from __future__ import annotations

import re

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.text import fold


def _term_pattern(term: str) -> str:
    """'corte de luz' → words joined by any non-word run; 'farol*' → prefix match."""
    star = term.endswith("*")
    words = fold(term.rstrip("*")).split()
    if not words:
        raise ValidationError(f"Empty triage term {term!r}")
    body = r"\W+".join(re.escape(w) for w in words)
    return r"(?<!\w)" + body + (r"\w*" if star else r"(?!\w)")


class TermMatcher:
    """Many terms compiled into one alternation; the longest term wins at a position."""

    def __init__(self, terms: dict[str, object]) -> None:
        self._values: list[object] = []
        parts = []
        # Longer terms first so "corte de luz" beats "luz" where both could match.
        for i, term in enumerate(sorted(terms, key=lambda t: (-len(t), t))):
            parts.append(f"(?P<t{i}>{_term_pattern(term)})")
            self._values.append((term.rstrip("*"), terms[term]))
        self._regex = re.compile("|".join(parts)) if parts else None

    def find(self, folded: str) -> list[tuple[str, object, str]]:
        """Each matching term once: (term, its value, the folded words that matched)."""
        if self._regex is None:
            return []
        seen: dict[str, tuple[str, object, str]] = {}
        for m in self._regex.finditer(folded):
            term, value = self._values[int(m.lastgroup[1:])]  # type: ignore[index]
            seen.setdefault(term, (term, value, m.group(0)))
        return list(seen.values())
