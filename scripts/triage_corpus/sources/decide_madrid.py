"""Decide Madrid: citizens' proposals to the City of Madrid's participation portal
(decide.madrid.es, CONSUL), as exported by the portal's open-data API
(decide.madrid.es/system/api/proposals.csv) and kept, for 2024-2025, in
github.com/antoniomoneo/Datasets (``decide-madrid/proposals_latest.csv``)."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path

from ._snapshot import Snapshot

NAME = "decide-madrid"
REPO = "antoniomoneo/Datasets"
PATH = "decide-madrid/proposals_latest.csv"
COMMIT = "625dd27e6c8086d0133fad2de8956979adaa0316"  # the version labelled (2025-11-09)
LICENCE = "Ayuntamiento de Madrid open data (Decide Madrid API export), reuse with attribution"
URL = "https://decide.madrid.es/proposals/{id}"

_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"[ \t\r\f\v]+")


def clean(raw: str) -> str:
    text = re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n", raw, flags=re.I)
    text = html.unescape(_TAG.sub(" ", text))
    lines = [_WS.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def items(snapshot_dir: Path) -> Iterator[dict]:
    data = Snapshot(snapshot_dir, COMMIT).read(PATH).decode("utf-8", "replace")
    for row in csv.DictReader(io.StringIO(data), delimiter=";"):
        title = clean(row.get("title") or "")
        body = clean(row.get("description") or "")
        text = title if not body else f"{title}\n{body}" if title else body
        if not text:
            continue
        yield {
            "original_id": row["id"],
            "category": "",
            "text": text,
            "url": URL.format(id=row["id"]),
        }
