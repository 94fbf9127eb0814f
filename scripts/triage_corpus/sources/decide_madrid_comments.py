"""Decide Madrid comments: citizens' comments on proposals of Madrid's participation portal
(decide.madrid.es, CONSUL), from the portal's September 2019 database as published by
github.com/argrecsys/decide-madrid-2019-annotations (``data/comments.csv``: the comments on 80
proposals of 2015-2017, with their proposal; ``data/proposals.csv`` gives the titles).

Comments are opinions in a debate, not requests to a help desk: only comments whose own text
is about one department's matter (the 010 line and municipal taxes, schools, the health
service, festivities and parades) were labelled, at most a handful per proposal thread.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ._snapshot import Snapshot

NAME = "decide-madrid-comments"
REPO = "argrecsys/decide-madrid-2019-annotations"
COMMIT = "baa16e905780706396aee6324de668cb21a7f879"  # the version labelled (2023-05-12)
LICENCE = (
    "Ayuntamiento de Madrid open data (Decide Madrid database, 2019), reuse with attribution; "
    "repository Apache-2.0"
)
URL = "https://decide.madrid.es/proposals/{proposal}#comment_{id}"


def _rows(snap: Snapshot, path: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(snap.read(path).decode("utf-8", "replace"))))


def items(snapshot_dir: Path) -> Iterator[dict]:
    snap = Snapshot(snapshot_dir, COMMIT)
    titles = {r["id"]: (r.get("title") or "").strip() for r in _rows(snap, "data/proposals.csv")}
    for row in _rows(snap, "data/comments.csv"):
        text = " ".join((row.get("text") or "").split())
        if not text:
            continue
        proposal = row.get("proposalId") or ""
        yield {
            "original_id": row["id"],
            "category": titles.get(proposal, ""),
            "text": text,
            # comments typed by council staff are not citizens' messages
            "staff": (row.get("userType") or "").strip().lower().startswith("empleados"),
            "url": URL.format(proposal=proposal, id=row["id"]),
        }
