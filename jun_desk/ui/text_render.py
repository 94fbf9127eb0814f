"""Untrusted tweet text → safe rich text: escaped first, then hashtags, mentions and links
highlighted (never as clickable anchors), right-to-left scripts laid out by the text itself."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta

_TOKEN = re.compile(r"(?P<url>https?://[^\s<>\"']+)|(?P<tag>(?<![\w&])[#＃]\w{1,139})"
                    r"|(?P<mention>(?<![\w@])[@＠]\w{1,15})")
HASHTAG_COLOUR = "#1565c0"
MENTION_COLOUR = "#6a1b9a"
URL_COLOUR = "#00695c"


def tweet_html(text: str) -> str:
    """HTML for a QTextDocument: every character of the tweet escaped, nothing clickable."""
    out: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        out.append(_escape(text[pos:match.start()]))
        kind = match.lastgroup or "url"  # one of the three groups always matched
        colour = {"url": URL_COLOUR, "tag": HASHTAG_COLOUR, "mention": MENTION_COLOUR}[kind]
        weight = "" if kind == "url" else "font-weight:600;"
        out.append(f'<span style="color:{colour};{weight}">{_escape(match.group(0))}</span>')
        pos = match.end()
    out.append(_escape(text[pos:]))
    return f'<div dir="auto">{"".join(out)}</div>'


# Bidi embeddings, overrides and isolates can make a tweet read differently from what it
# says ("\u202e" flips the text after it); dir="auto" lays out real RTL text without them.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def _escape(text: str) -> str:
    text = text.translate(_BIDI_CONTROLS)
    text = "".join("\ufffd" if unicodedata.category(ch) == "Cc" and ch not in "\n\t" else ch
                   for ch in text)
    return html.escape(text, quote=True).replace("\n", "<br/>")


def relative_time(when: datetime, now: datetime, language: str = "es") -> str:
    """'ahora', 'hace 5 min', 'hace 3 h', 'ayer', '24/11' — as a desk reads times."""
    delta = now - when
    en = language.startswith("en")
    if delta < timedelta(minutes=1):
        return "now" if en else "ahora"
    if delta < timedelta(hours=1):
        minutes = int(delta.total_seconds() // 60)
        return f"{minutes} min ago" if en else f"hace {minutes} min"
    if delta < timedelta(days=1):
        hours = int(delta.total_seconds() // 3600)
        return f"{hours} h ago" if en else f"hace {hours} h"
    if delta < timedelta(days=2):
        return "yesterday" if en else "ayer"
    return when.strftime("%d/%m")


def initials(name: str, handle: str) -> str:
    words = [w for w in re.split(r"\s+", name.strip()) if w[:1].isalpha()]
    if len(words) >= 2:
        return (words[0][0] + words[1][0]).upper()
    source = words[0] if words else handle.lstrip("@")
    return source[:2].upper() or "?"
