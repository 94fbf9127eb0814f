"""Count a tweet's length as X does (twitter-text v3 weighting).

Latin, Cyrillic, Greek, Hebrew, Arabic, ... count 1; CJK and other scripts count 2; an
emoji (even a ZWJ family or a flag) counts 2; any URL counts 23 whatever its length.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WEIGHTED_LENGTH = 280
MAX_DM_LENGTH = 10_000  # X's limit for one direct message, in characters
URL_LENGTH = 23
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_URL = re.compile(
    r"(?:https?://|www\.)[^\s]+"
    r"|(?<![\w@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|es|org|net|eu|info|ly)(?:/[^\s]*)?(?!\w)",
    re.IGNORECASE,
)
# A run of emoji joined by ZWJ, with variation selectors, skin tones or flag pairs.
_EMOJI = re.compile(
    "(?:[\U0001F1E6-\U0001F1FF]{2})"
    "|(?:[\u2600-\u27BF\U0001F000-\U0001FAFF][\uFE0F\U0001F3FB-\U0001F3FF]*"
    "(?:\u200D[\u2600-\u27BF\U0001F000-\U0001FAFF][\uFE0F\U0001F3FB-\U0001F3FF]*)*)"
)


def _weight(ch: str) -> int:
    cp = ord(ch)
    return 1 if any(lo <= cp <= hi for lo, hi in _LIGHT_RANGES) else 2


def weighted_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    total = 0
    pos = 0
    for match in _URL.finditer(text):
        total += _plain_length(text[pos:match.start()]) + URL_LENGTH
        pos = match.end()
    return total + _plain_length(text[pos:])


def _plain_length(text: str) -> int:
    total = 0
    pos = 0
    for match in _EMOJI.finditer(text):
        total += sum(_weight(c) for c in text[pos:match.start()]) + 2
        pos = match.end()
    return total + sum(_weight(c) for c in text[pos:])


def fits_in_tweet(text: str) -> bool:
    return weighted_length(text) <= MAX_WEIGHTED_LENGTH
