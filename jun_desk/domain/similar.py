"""The words that make two citizens' messages "the same matter": street names and the
nouns of the problem ("farola", "Ancha"), not the words every message has."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from jun_desk.domain.language import _STOPWORDS
from jun_desk.domain.text import fold

_WORD = re.compile(r"[^\W\d_]{4,}")
_NOISE = re.compile(r"(https?://\S+|[@#]\w+)")
# Words every message to the town hall has, in Spanish and English.
_COMMON_WORDS = (
    "ayuntamiento ayto hola buenas buenos gracias favor por favor calle plaza avenida "
    "camino barrio pueblo vecino vecinos vecina desde hace todavía sigue siguen otra "
    "vez están estaba nadie cuando donde tiene tienen pueden puede hello please thanks "
    "street still there their with this that from have been")
_COMMON = frozenset(fold(w) for w in _COMMON_WORDS.split()) | frozenset(
    w for words in _STOPWORDS.values() for w in words.split())


def key_words(text: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` distinctive words of ``text`` as written (lower case, accents kept,
    for matching stored text), longest first."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_NOISE.sub(" ", text).lower()):
        if fold(word) not in _COMMON:
            seen.setdefault(word, None)
    return sorted(seen, key=len, reverse=True)[:limit]


# ---------------------------------------------------------------------- one matter
SAME_MATTER = 0.6  # share of the two reports' distinctive words they have in common
GAP = timedelta(hours=6)  # a report this long after a group's last one starts a new matter
_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"(?<![.!?¿¡]\s)(?<![¿¡])(?<!^)\b[A-ZÁÉÍÓÚÑ][a-záéíóúñü]{3,}")


class Report(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def created_at(self) -> datetime: ...


R = TypeVar("R", bound=Report)


def _names(text: str) -> frozenset[str]:
    """The places a report names: capitalised words inside a sentence ('calle Real'),
    and its numbers ('número 12')."""
    body = _NOISE.sub(" ", text).strip()
    return frozenset(fold(w) for w in _NAME.findall(body)) | frozenset(
        _NUMBER.findall(body))


def same_matter(a: str, b: str, threshold: float = SAME_MATTER) -> bool:
    """Two neighbours telling of one matter: most of their distinctive words shared, and
    the same places and numbers named. Kept strict: joining two matters would hide an
    urgent report behind another, so the same words at another street stay apart."""
    words_a = {fold(w) for w in key_words(a, limit=20)}
    words_b = {fold(w) for w in key_words(b, limit=20)}
    if not words_a or not words_b:
        return fold(a).strip() == fold(b).strip()
    shared = len(words_a & words_b) / len(words_a | words_b)
    return shared >= threshold and _names(a) == _names(b)


def group_reports(reports: Iterable[R], *, gap: timedelta = GAP) -> list[list[R]]:
    """Near-identical reports as one group each (several neighbours, one accident): the
    newest group first, each group newest first. A report joins the group of the same
    matter whose last report is at most ``gap`` before it."""
    groups: list[list[R]] = []
    for report in sorted(reports, key=lambda r: r.created_at):
        for group in groups:
            if (report.created_at - group[-1].created_at <= gap
                    and same_matter(group[0].text, report.text)):
                group.append(report)
                break
        else:
            groups.append([report])
    return sorted((g[::-1] for g in groups), key=lambda g: g[0].created_at, reverse=True)
