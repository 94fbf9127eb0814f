"""Snowflake ids as X makes them: time in the high bits, so ids sort by time."""

from __future__ import annotations

import threading
from datetime import datetime

TWITTER_EPOCH_MS = 1288834974657


def snowflake(when: datetime, sequence: int = 0) -> int:
    ms = int(when.timestamp() * 1000) - TWITTER_EPOCH_MS
    return (ms << 22) | (sequence & 0x3FFFFF)


def snowflake_time(value: int) -> float:
    return ((value >> 22) + TWITTER_EPOCH_MS) / 1000


class IdMaker:
    """Strictly increasing snowflakes, even for many ids in one millisecond."""

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def next(self, when: datetime) -> int:
        with self._lock:
            value = max(snowflake(when), self._last + 1)
            self._last = value
            return value

    def seen(self, value: int) -> None:
        with self._lock:
            self._last = max(self._last, value)
