"""X's rate limits as the sandbox plays them: 15-minute windows per endpoint and the
24-hour caps on posting (``x-user-limit-24hour-*`` and ``x-app-limit-24hour-*``).

A 24-hour cap can be spent while the 15-minute window still has requests left: X then
answers 429 with ``x-rate-limit-remaining`` above 0, and the caller must wait for the
24-hour reset, not for the window's.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

DAY_SECONDS = 86_400
WINDOW_SECONDS = 900
# Requests per 15-minute window per endpoint, close to X's published per-user limits.
DEFAULT_LIMITS = {
    "GET /2/users/me": 75,
    "GET /2/users": 900,
    "GET /2/users/:id": 900,
    "GET /2/users/:id/mentions": 180,
    "GET /2/users/:id/tweets": 900,
    "GET /2/tweets/search/recent": 180,
    "POST /2/tweets": 100,
    "GET /2/dm_events": 300,
    "GET /2/dm_conversations/with/:id/dm_events": 300,
    "POST /2/dm_conversations/with/:id/messages": 200,
    # the moderation endpoints (moderation.py)
    "PUT /2/tweets/:id/hidden": 50,
    "POST /2/users/:id/muting": 50,
    "DELETE /2/users/:id/muting/:id": 50,
    "GET /2/users/:id/muting": 15,
    "GET /2/users/:id/blocking": 15,
    "DELETE /2/tweets/:id": 50,
}
# Posts per 24 hours (per user, per app), as X's Basic access publishes them.
DEFAULT_DAILY_LIMITS = {"POST /2/tweets": (100, 1667)}


@dataclass
class _Window:
    start: float
    count: int = 0


class RateLimits:
    def __init__(self, limits: dict[str, int], window_seconds: float,
                 daily: dict[str, tuple[int, int]]) -> None:
        # Copies: a test that lowers one sandbox's caps must not lower every later one's
        # (the defaults are module-level dicts).
        self.limits = dict(limits)
        self.window_seconds = window_seconds
        self.daily = dict(daily)
        self.windows: dict[str, _Window] = {}
        self._days: dict[str, _Window] = {}
        self._lock = threading.Lock()

    def spend(self, endpoint: str) -> tuple[dict[str, str], bool]:
        """Count a request; returns the headers X sends with it and whether it may go on."""
        limit = self.limits.get(endpoint, 900)
        now = time.time()
        with self._lock:
            window = self.windows.get(endpoint)
            if window is None or now >= window.start + self.window_seconds:
                window = self.windows[endpoint] = _Window(now)
            caps = self.daily.get(endpoint)
            day = None
            if caps is not None:
                day = self._days.get(endpoint)
                if day is None or now >= day.start + DAY_SECONDS:
                    day = self._days[endpoint] = _Window(now)
            allowed = window.count < limit and (day is None or day.count < min(caps or (0,)))
            if allowed:
                window.count += 1
            headers = {"x-rate-limit-limit": str(limit),
                       "x-rate-limit-remaining": str(max(0, limit - window.count)),
                       "x-rate-limit-reset": str(math.ceil(window.start + self.window_seconds))}
            headers.update(self._daily_headers(endpoint))
        return headers, allowed

    def posted(self, endpoint: str) -> dict[str, str]:
        """A post was created: it counts against the 24-hour caps (a refused one does not)."""
        with self._lock:
            day = self._days.get(endpoint)
            if day is not None:
                day.count += 1
            return self._daily_headers(endpoint)

    def _daily_headers(self, endpoint: str) -> dict[str, str]:
        caps, day = self.daily.get(endpoint), self._days.get(endpoint)
        if caps is None or day is None:
            return {}
        reset = str(math.ceil(day.start + DAY_SECONDS))
        headers = {}
        for scope, cap in zip(("user", "app"), caps, strict=True):
            headers[f"x-{scope}-limit-24hour-limit"] = str(cap)
            headers[f"x-{scope}-limit-24hour-remaining"] = str(max(0, cap - day.count))
            headers[f"x-{scope}-limit-24hour-reset"] = reset
        return headers
