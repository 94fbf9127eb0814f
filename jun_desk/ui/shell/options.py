"""How the desk signs people in (no Qt here: the window takes it before it is shown)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class SessionOptions:
    """``training``: the sandbox's no-password mode, marked in the title bar.
    ``idle_minutes``: lock after that long without input (0: never). ``os_user``: the
    system user a bound operator may enter as. ``clock``: seconds, for the idle time
    (tests pass their own)."""

    training: bool = False
    idle_minutes: float = 10.0
    os_user: str | None = None
    clock: Callable[[], float] = field(default=time.monotonic)
