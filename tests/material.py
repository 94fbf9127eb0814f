"""Tests that read third-party material from ``../shared`` (jun_desk.shared_material): they
skip where it is missing, except in CI (``CI=true``), where missing material that ../shared
provides is a failure, never a silent skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jun_desk.shared_material import Material


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def need(material: Material, path: Path | None = None) -> Path:
    """``path`` (by default the material's first place) if it exists; else a skip saying
    where to put it, or in CI a failure when ../shared should have held it."""
    path = path or material.path() or material.candidates()[0]
    if not path.exists():
        reason = f"{path} not found; {material.where()}"
        if in_ci() and material.in_shared:
            pytest.fail(f"CI={os.environ.get('CI')}: {reason}", pytrace=False)
        pytest.skip(reason)
    return path
