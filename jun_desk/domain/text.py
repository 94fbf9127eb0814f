"""Text helpers for untrusted tweet text: folding for matching, extracting entities."""

from __future__ import annotations

import re
import unicodedata

HASHTAG = re.compile(r"(?<![\w&])[#＃](\w{1,139})")
MENTION = re.compile(r"(?<![\w@])[@＠](\w{1,15})")
_SPACE = re.compile(r"\s+")
# The combining-mark blocks (accents, tildes, diaereses, …), removed after NFKD.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case, accent-free form for matching: 'Camión APAGADO' → 'camion apagado'.

    ñ folds to n too, so rules written with or without accents match either spelling.
    """
    if text.isascii():  # most tweets: nothing to decompose
        return _SPACE.sub(" ", text.casefold()).strip()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _SPACE.sub(" ", stripped.casefold()).strip()


def hashtags(text: str) -> list[str]:
    return HASHTAG.findall(text)


def mentions(text: str) -> list[str]:
    return MENTION.findall(text)


_LEADING_MENTIONS = re.compile(r"^(?:\s*[@＠]\w{1,15}[\s,:]*)+")


def strip_leading_mentions(text: str) -> str:
    """'@AytoJun @ObrasJun la farola…' → 'la farola…' (X puts reply handles in front)."""
    stripped = _LEADING_MENTIONS.sub("", text)
    return stripped if stripped.strip() else text


def first_line(text: str, limit: int = 120) -> str:
    """A one-line title made from a tweet: first non-empty line without the handles in
    front, cut at ``limit`` characters."""
    text = strip_leading_mentions(text)
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    line = _SPACE.sub(" ", line)
    if line[:1].islower():
        line = line[0].upper() + line[1:]
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def clean_text(text: str, limit: int = 20_000) -> str:
    """Text safe to store: lone UTF-16 surrogates and NULs replaced, length bounded."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text[:limit]
