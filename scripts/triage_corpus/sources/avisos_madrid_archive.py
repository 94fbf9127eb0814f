"""Avisos Madrid, archive: the same citizens' notices to the City of Madrid's avisos service
(avisos.madrid.es), as kept in the *history* of github.com/javierarce/avisos-madrid. Every
10 minutes from June 2021 to June 2024 that repository committed ``input.json``, the latest 100
notices returned by the city's open avisos API (service name, the citizen's description, date,
address). The history holds notices of 2021-2024 that the ``m/`` pages of the current snapshot
(the ``avisos-madrid`` source) do not have.

Reading every version of ``input.json`` is slow, so the notices we labelled are located through
our own index, ``resources/triage/index_avisos-madrid-archive.csv`` (original id, commit that
holds it): only those commits are read. ``scan`` (below) rebuilds the pool the labels were
drawn from, outside git.
"""

from __future__ import annotations

import csv
import json
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..common import REPO_ROOT
from ._snapshot import cat_files
from .avisos_madrid import staff_note

NAME = "avisos-madrid-archive"
REPO = "javierarce/avisos-madrid"
LICENCE = "Ayuntamiento de Madrid open data, reuse with attribution (datos.madrid.es terms)"
URL = "https://github.com/javierarce/avisos-madrid/blob/{commit}/input.json"
INDEX = REPO_ROOT / "resources" / "triage" / f"index_{NAME}.csv"
PATH = "input.json"


def _git_dir(snapshot_dir: Path) -> Path:
    root = Path(snapshot_dir)
    if (root / ".git").is_dir():
        root = root / ".git"
    if not ((root / "HEAD").is_file() and (root / "objects").is_dir()):
        raise FileNotFoundError(f"{snapshot_dir} is not a git snapshot (the archive needs history)")
    return root


def _read_versions(git_dir: Path, commits: list[str]) -> Iterator[tuple[str, bytes]]:
    for (commit, _path), data in cat_files(git_dir, [(c, PATH) for c in commits]):
        yield commit, data


def _notices(data: bytes) -> list[dict]:
    try:
        notices = json.loads(data)
    except ValueError:
        return []
    return [n for n in notices if isinstance(n, dict)] if isinstance(notices, list) else []


def _item(notice: dict, commit: str) -> dict:
    text = " ".join((notice.get("description") or "").split())
    return {
        "original_id": notice["token"],
        "category": (notice.get("service_name") or "").strip(),
        "text": text,
        "staff": staff_note(text),
        "url": URL.format(commit=commit),
        "commit": commit,
        "date": notice.get("requested_datetime"),
    }


def read_index(path: Path = INDEX) -> dict[str, str]:
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["original_id"]: r["commit"] for r in csv.DictReader(fh)}


def items(snapshot_dir: Path, index: dict[str, str] | None = None) -> Iterator[dict]:
    """The indexed notices, read from the commits the index names."""
    index = read_index() if index is None else index
    wanted: dict[str, set[str]] = defaultdict(set)
    for oid, commit in index.items():
        wanted[commit].add(oid)
    git_dir = _git_dir(snapshot_dir)
    for commit, data in _read_versions(git_dir, sorted(wanted)):
        for notice in _notices(data):
            if notice.get("token") in wanted[commit]:
                yield _item(notice, commit)


def scan(snapshot_dir: Path, every: int = 6) -> Iterator[dict]:
    """Every distinct notice in every ``every``-th version of input.json (newest first); the pool
    the archive labels were drawn from (every=6 gives about 290,000 notices)."""
    git_dir = _git_dir(snapshot_dir)
    log = subprocess.run(
        ["git", "--git-dir", str(git_dir), "log", "--format=%H", "--", PATH],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    seen: set[str] = set()
    for commit, data in _read_versions(git_dir, log[::every]):
        for notice in _notices(data):
            token = notice.get("token")
            if token and token not in seen:
                seen.add(token)
                yield _item(notice, commit)
