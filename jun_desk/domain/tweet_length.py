"""Count a tweet's length as X does (twitter-text v3 weighting).

The count is twitter-text's own, through ``twitter-text-parser`` (a port of twitter-text v3
that passes the official conformance suite): Latin, Cyrillic, Greek... count 1; CJK and
other scripts count 2; an emoji sequence (ZWJ family, flag, keycap, skin tone) counts 2; a
URL counts 23 unless its host is not a valid one (a label longer than 63 characters, also
after punycode encoding), when it counts as plain text.

The library is imported on the first count, not at start-up (it compiles large regular
expressions: ~0.2 s).
"""

from __future__ import annotations

import importlib.util
import sys
import types
from functools import lru_cache
from importlib import resources
from typing import Any

MAX_WEIGHTED_LENGTH = 280
MAX_DM_LENGTH = 10_000  # X's limit for one direct message, in characters
URL_LENGTH = 23


def _resource_shim() -> types.ModuleType:
    """The one ``pkg_resources`` call twitter-text-parser makes (reading its emoji table),
    for environments whose setuptools no longer ships ``pkg_resources``."""
    shim = types.ModuleType("pkg_resources")

    def resource_string(package: str, name: str) -> bytes:
        return resources.files(package).joinpath(name).read_bytes()

    shim.resource_string = resource_string  # type: ignore[attr-defined]  # any attribute goes
    return shim


@lru_cache(maxsize=1)
def _parser() -> Any:
    if importlib.util.find_spec("pkg_resources") is None:
        sys.modules.setdefault("pkg_resources", _resource_shim())
    from twitter_text import parse_tweet

    return parse_tweet


def weighted_length(text: str) -> int:
    if not text:
        return 0
    try:
        return int(_parser()(text).weightedLength)
    except UnicodeEncodeError:  # a lone UTF-16 surrogate (pasted): count it as U+FFFD
        fixed = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return int(_parser()(fixed).weightedLength)


def fits_in_tweet(text: str) -> bool:
    return weighted_length(text) <= MAX_WEIGHTED_LENGTH
