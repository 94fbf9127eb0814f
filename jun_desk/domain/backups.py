"""What a backup says about itself, and when the next one is due (pure: no files, no clock).

A backup file starts with a manifest in clear — the desk version that wrote it, the schema
revision, when it was taken, the database kind and the rows of each table — so a person
(and ``jun-desk db restore``) can tell what it holds before decrypting it; the manifest is
authenticated with the contents (each encrypted chunk's associated data), so it cannot be
altered unnoticed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FORMAT = 1
SUFFIX = ".jdbk"  # a finished, verified backup; anything else in the folder is not one
PREFIX = "jun-desk-"
BEFORE_RESTORE = "before-restore"  # the copy a restore keeps of what it replaced
DAILY = timedelta(days=1)
STALE = timedelta(days=2)  # the dashboard warns past this
RETRY_AFTER = timedelta(hours=1)  # after a failed daily backup
DEFAULT_KEEP = 7
_NAME = re.compile(rf"^{PREFIX}(\d{{8}}T\d{{6}}Z)(?:-([a-z-]+))?{re.escape(SUFFIX)}$")


@dataclass(frozen=True)
class BackupSettings:
    """``[backup]`` of settings.ini: where backups go and how many are kept."""

    folder: Path
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class Manifest:
    """What a backup holds. ``counts``: rows per table as of the copy."""

    desk_version: str
    schema_revision: str | None
    created_at: datetime
    database: str  # sqlite or postgresql
    counts: Mapping[str, int]
    kind: str = "daily"  # daily, manual or before-restore
    format: int = FORMAT
    crypto: Mapping[str, Any] = field(default_factory=dict)  # cipher, key id, salt, chunk

    @property
    def tickets(self) -> int:
        return int(self.counts.get("tickets", 0))

    def to_json(self) -> bytes:
        body = {"format": self.format, "desk_version": self.desk_version,
                "schema_revision": self.schema_revision,
                "created_at": self.created_at.astimezone(UTC).isoformat(),
                "database": self.database, "kind": self.kind,
                "counts": dict(sorted(self.counts.items())), "crypto": dict(self.crypto)}
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        """Raises ValueError on anything that is not a manifest of a known format."""
        try:
            body = json.loads(raw.decode("utf-8"))
            if not isinstance(body, dict) or body.get("format") != FORMAT:
                raise ValueError(f"unknown backup format {body.get('format')!r}"
                                 if isinstance(body, dict) else "not a manifest")
            counts = {str(k): int(v) for k, v in dict(body["counts"]).items()}
            revision = body["schema_revision"]
            return cls(desk_version=str(body["desk_version"]),
                       schema_revision=str(revision) if revision is not None else None,
                       created_at=datetime.fromisoformat(body["created_at"]),
                       database=str(body["database"]), counts=counts,
                       kind=str(body.get("kind", "daily")), format=FORMAT,
                       crypto=dict(body.get("crypto") or {}))
        except (KeyError, TypeError, AttributeError, UnicodeDecodeError,
                json.JSONDecodeError) as err:
            raise ValueError(f"not a backup manifest: {err}") from None


def file_name(created_at: datetime, kind: str = "daily") -> str:
    """``jun-desk-20261207T031500Z.jdbk``; the copy kept by a restore is marked."""
    stamp = created_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    mark = f"-{BEFORE_RESTORE}" if kind == BEFORE_RESTORE else ""
    return f"{PREFIX}{stamp}{mark}{SUFFIX}"


def taken_at(name: str) -> datetime | None:
    """When the backup called ``name`` was taken (None: not a backup's name)."""
    found = _NAME.match(name)
    if found is None:
        return None
    return datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def to_prune(names: Iterable[str], keep: int) -> list[str]:
    """The rotating backups beyond the newest ``keep``, oldest first. The copies a restore
    kept are never pruned (they are what was replaced); nor is anything else."""
    rotating = sorted((taken_at(n), n) for n in names
                      if taken_at(n) is not None and BEFORE_RESTORE not in n)
    excess = len(rotating) - max(0, keep)
    return [n for _at, n in rotating[:excess]] if excess > 0 else []


def backup_due(last_good: datetime | None, last_attempt: datetime | None,
               now: datetime) -> bool:
    """The daily backup: due a day after the last good one (at once if none), and after a
    failure not again before RETRY_AFTER."""
    if last_attempt is not None and now - last_attempt < RETRY_AFTER:
        return False
    return last_good is None or now - last_good >= DAILY


def is_stale(last_good: datetime | None, now: datetime) -> bool:
    """The dashboard's warning: no good backup, or the last is more than two days old."""
    return last_good is None or now - last_good > STALE
