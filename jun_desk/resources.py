"""One place that finds the files of ``resources/``.

They live at the top of a source checkout, inside the wheel as ``jun_desk/_resources``,
and inside a PyInstaller bundle under ``sys._MEIPASS/resources``.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    candidates: list[Path] = []
    override = os.environ.get("JUN_DESK_RESOURCES")
    if override:
        candidates.append(Path(override))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "departments.json").is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Jun Desk resources not found (looked in {tried})")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
