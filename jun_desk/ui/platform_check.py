"""Say in plain words why a Qt window cannot open, before Qt aborts the process."""

from __future__ import annotations

import os
import sys

XCB_PACKAGES = ("libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
                "libxcb-render-util0 libxcb-xinerama0 libxcb-shape0")


def display_problem() -> str | None:
    """None if a window can open; else a message saying what to install or set."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    if platform.startswith("wayland") or (not platform and os.environ.get("WAYLAND_DISPLAY")):
        return None
    if not os.environ.get("DISPLAY"):
        return ("No screen found (DISPLAY is not set). Run Jun Desk from a desktop session, "
                "or set QT_QPA_PLATFORM=offscreen for a headless run.")
    if not _has_library("libxcb-cursor.so.0", "xcb-cursor"):
        return ("Qt needs the X11 library xcb-cursor to open a window. Install it with:\n"
                f"  sudo apt-get install {XCB_PACKAGES}")
    return None


def _has_library(soname: str, name: str) -> bool:
    """Whether the dynamic loader finds a library: opened by its soname first (a
    dlopen), searched by name only if that fails (``find_library`` runs ldconfig)."""
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        import ctypes.util

        return ctypes.util.find_library(name) is not None
    return True
