"""Avisos Madrid: citizens' notices to the City of Madrid's avisos service (avisos.madrid.es),
mirrored every 10 minutes by github.com/javierarce/avisos-madrid as one HTML page per notice
(``m/<id>.html``: the service category, the citizen's description, date and address)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ._snapshot import Snapshot

NAME = "avisos-madrid"
DRAWN = True  # a category sample is drawn; see propose.py
REPO = "javierarce/avisos-madrid"
COMMIT = "8f18f9d6a"  # the snapshot labelled; any later one holds these pages too
LICENCE = "Ayuntamiento de Madrid open data, reuse with attribution (datos.madrid.es terms)"
URL = "https://javierarce.github.io/avisos-madrid/m/{id}.html"

_SERVICE = re.compile(r'class="Item__service">(.*?)</div>', re.S)
_CONTENT = re.compile(r'class="Item__content">(.*?)</div>', re.S)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_MDLINK = re.compile(r"\[([^\]]*)\]\((?:https?://)[^)]*\)")
_WS = re.compile(r"[ \t\r\f\v]+")


def clean(raw: str) -> str:
    text = _IMG.sub(" ", raw)
    text = re.sub(r"</p>\s*<p>", "\n", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _MDLINK.sub(r"\1", text)
    lines = [_WS.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def items(snapshot_dir: Path) -> Iterator[dict]:
    snap = Snapshot(snapshot_dir)
    paths = [p for p in snap.list("m/") if p.endswith(".html")]
    for path, data in snap.read_many(paths):
        page = data.decode("utf-8", "replace")
        service = _SERVICE.search(page)
        content = _CONTENT.search(page)
        if not service or not content:
            continue
        oid = path[2:-5]
        yield {
            "original_id": oid,
            "category": html.unescape(service.group(1)).strip(),
            "text": clean(content.group(1)),
            "url": URL.format(id=oid),
        }
