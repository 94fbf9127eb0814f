"""The backups' pure rules: names, rotation, when the daily one is due, the manifest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jun_desk.domain.backups import (
    Manifest,
    backup_due,
    file_name,
    is_stale,
    taken_at,
    to_prune,
)

T = datetime(2026, 12, 7, 3, 15, tzinfo=UTC)


def test_names_say_when_and_the_copy_a_restore_kept_is_marked() -> None:
    assert file_name(T) == "jun-desk-20261207T031500Z.jdbk"
    assert file_name(T, "before-restore") == "jun-desk-20261207T031500Z-before-restore.jdbk"
    assert taken_at(file_name(T)) == T
    assert taken_at(".partial-jun-desk-20261207T031500Z.jdbk.part") is None
    assert taken_at("backups.json") is None


def test_rotation_keeps_the_newest_and_never_a_restores_copy() -> None:
    names = [file_name(T + timedelta(days=d)) for d in range(5)]
    kept_by_restore = file_name(T - timedelta(days=9), "before-restore")
    gone = to_prune([*names, kept_by_restore, "backups.json", ".lock"], 2)
    assert gone == names[:3]
    assert to_prune(names, 0) == names
    assert to_prune(names, 9) == []


def test_the_daily_backup_is_due_after_a_day_and_retried_after_an_hour() -> None:
    assert backup_due(None, None, T)
    assert not backup_due(T, T, T + timedelta(hours=23))
    assert backup_due(T, T, T + timedelta(days=1))
    # a failure at T+1d: not again before an hour has passed
    failed = T + timedelta(days=1)
    assert not backup_due(T, failed, failed + timedelta(minutes=59))
    assert backup_due(T, failed, failed + timedelta(hours=1))


def test_stale_after_two_days() -> None:
    assert is_stale(None, T)
    assert not is_stale(T, T + timedelta(days=2))
    assert is_stale(T, T + timedelta(days=2, seconds=1))


def test_the_manifest_reads_back_and_refuses_what_is_not_one() -> None:
    m = Manifest("1.2.0", "0012", T, "sqlite", {"tickets": 3, "operators": 1}, kind="manual",
                 crypto={"key_id": "abc"})
    again = Manifest.from_json(m.to_json())
    assert again == m and again.tickets == 3
    for raw in (b"", b"[]", b'{"format": 2}', b'{"format": 1}', b"\xff"):
        with pytest.raises(ValueError):
            Manifest.from_json(raw)
