"""Composition root: configuration → database → services → X client → Qt window.

The start itself, in plain steps, is the ``jun_desk.start`` package; this module keeps
the names the command line imports (``run_gui``, ``GuiOptions``) light: nothing of the
data layer or the desk's views loads until the window is on screen."""

from __future__ import annotations

from jun_desk.start.options import EXIT_ERROR, EXIT_UNEXPECTED, Connection, GuiOptions
from jun_desk.start.window import run_gui

__all__ = ["EXIT_ERROR", "EXIT_UNEXPECTED", "Connection", "GuiOptions", "run_gui"]
