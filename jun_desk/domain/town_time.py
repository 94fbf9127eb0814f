"""The town's calendar: which day, week and month a moment belongs to in Jun.

X bills by the UTC day and month (``domain/costs.py``); everything the desk reports to
people — "today" on the dashboard, the month of the moderation report — follows the town's
own calendar, Europe/Madrid, with its summer time. Every function takes the moment it is
asked about: none of them reads a clock.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TOWN_ZONE_NAME = "Europe/Madrid"

log = logging.getLogger(__name__)


@cache
def town_zone() -> tzinfo:
    """Jun's time zone from the system's time zone database (Debian's ``tzdata``). Without
    it the rules of Spain's mainland are unknown: UTC is used and the log says so once."""
    try:
        return ZoneInfo(TOWN_ZONE_NAME)
    except ZoneInfoNotFoundError:
        log.warning("time zone %s not found (install tzdata): reports use UTC days",
                    TOWN_ZONE_NAME)
        return UTC


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day ``moment`` falls on in ``zone`` (``moment`` must be aware)."""
    return moment.astimezone(zone).date()


def day_start(moment: datetime, zone: tzinfo) -> datetime:
    """Midnight that began ``moment``'s day in ``zone``, as an aware UTC instant. On the
    nights summer time starts or ends that day has 23 or 25 hours, not 24."""
    day = local_day(moment, zone)
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def week_start(moment: datetime, zone: tzinfo) -> datetime:
    """Midnight of the Monday that began ``moment``'s week in ``zone``, in UTC."""
    day = local_day(moment, zone)
    monday = day - timedelta(days=day.weekday())
    return datetime(monday.year, monday.month, monday.day, tzinfo=zone).astimezone(UTC)


def month_key(moment: datetime, zone: tzinfo) -> str:
    """'YYYY-MM' of the month ``moment`` falls in, in ``zone``."""
    return f"{moment.astimezone(zone):%Y-%m}"
