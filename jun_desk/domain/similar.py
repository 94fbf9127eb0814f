"""The words that make two citizens' messages "the same matter": street names and the
nouns of the problem ("farola", "Ancha"), not the words every message has."""

from __future__ import annotations

import re

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
