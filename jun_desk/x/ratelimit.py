"""The rate budget: read X's x-rate-limit-* headers and space calls to stay inside them.

X counts requests per endpoint in 15-minute windows. The poller asks ``delay(endpoint)``
before each call: it spreads the remaining requests over the time left in the window
(keeping a reserve), and after a 429 it waits for the reset instead of hammering.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_ID_SEGMENT = re.compile(r"/\d{3,}(?=/|$)")  # user and tweet ids, not the version "/2"


def daily_reset(headers: Mapping[str, str] | None) -> float | None:
    """When a spent 24-hour cap (``x-user-limit-24hour-*``, ``x-app-limit-24hour-*``)
    resets, in epoch seconds; None while neither cap is spent. X answers 429 for such a
    cap while ``x-rate-limit-remaining`` is still above 0."""
    lower = {k.lower(): str(v) for k, v in dict(headers or {}).items()}
    resets = [float(lower[f"x-{scope}-limit-24hour-reset"]) for scope in ("user", "app")
              if lower.get(f"x-{scope}-limit-24hour-remaining") == "0"
              and lower.get(f"x-{scope}-limit-24hour-reset", "").isdigit()]
    return max(resets) if resets else None


def endpoint_key(method: str, path: str) -> str:
    """'GET /2/users/123/mentions' → 'GET /2/users/:id/mentions' (X limits per endpoint)."""
    path = path.split("?", 1)[0]
    return f"{method.upper()} {_ID_SEGMENT.sub('/:id', path)}"


@dataclass
class Window:
    limit: int
    remaining: int
    reset: float  # epoch seconds


class RateBudget:
    def __init__(self, *, reserve: float = 0.1, clock: Callable[[], float] = time.time) -> None:
        self.reserve = reserve  # share of each window never spent by polling
        self._clock = clock
        self._windows: dict[str, Window] = {}
        self._blocked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def update(self, endpoint: str, headers: Mapping[str, str]) -> None:
        lower = {k.lower(): v for k, v in headers.items()}
        try:
            window = Window(int(lower["x-rate-limit-limit"]),
                            int(lower["x-rate-limit-remaining"]),
                            float(lower["x-rate-limit-reset"]))
        except (KeyError, ValueError):
            return
        with self._lock:
            self._windows[endpoint] = window

    def blocked(self, endpoint: str, retry_after: float) -> None:
        """A 429 came back: nothing more on this endpoint until the window resets."""
        with self._lock:
            self._blocked_until[endpoint] = self._clock() + retry_after

    def window(self, endpoint: str) -> Window | None:
        with self._lock:
            return self._windows.get(endpoint)

    def delay(self, endpoint: str, minimum: float = 0.0, *, spread: bool = True) -> float:
        """Seconds to wait before the next call to ``endpoint``.

        ``spread``: pace the calls evenly over what is left of the window (between polls).
        Without it (pages of one walk) only the reserve and a 429 make it wait.
        """
        now = self._clock()
        with self._lock:
            blocked = self._blocked_until.get(endpoint, 0.0) - now
            window = self._windows.get(endpoint)
        if blocked > 0:
            return max(blocked, minimum)
        if window is None or window.reset <= now:
            return minimum
        left = window.reset - now
        usable = window.remaining - int(window.limit * self.reserve)
        if usable <= 0:
            return max(left + 1.0, minimum)
        return max(left / usable if spread else 0.0, minimum)

    def summary(self) -> dict[str, tuple[int, int]]:
        """remaining/limit per endpoint, for the status bar."""
        with self._lock:
            return {k: (w.remaining, w.limit) for k, w in self._windows.items()}
