"""The desk's calendar-bound features on the calendar's edges, with an injected clock:
a month's last day, 31 December → 1 January, and the two nights Spain changes its clocks
(2026-10-25, summer time ends; 2027-03-28, it starts).

Two calendars meet here. X bills by the UTC day and month (the meter, the budget, the
sandbox's bill); people read the town's, Europe/Madrid (the moderation report's month, the
dashboard's "today"). Nothing here reads today's date: each test says when it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jun_desk.domain.costs import Charge, Kind, Pace, next_month, utc_day
from jun_desk.domain.town_time import day_start, local_day, month_key, town_zone, week_start
from jun_desk.services.desk import Desk
from jun_desk.ui.readable import age, time_of_day
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine
from tests.conftest import Clock
from tests.services.conftest import sandbox_x

MADRID = ZoneInfo("Europe/Madrid")
ACCOUNT = "AytoJun"
SUMMER_ENDS = date(2026, 10, 25)  # 03:00 CEST → 02:00 CET, at 01:00 UTC
SUMMER_STARTS = date(2027, 3, 28)  # 02:00 CET → 03:00 CEST, at 01:00 UTC


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_the_town_zone_is_madrid() -> None:
    assert town_zone().utcoffset(utc(2026, 12, 7, 12)) == timedelta(hours=1)
    assert town_zone().utcoffset(utc(2026, 7, 7, 12)) == timedelta(hours=2)


# ------------------------------------------------------------------ the town's days
@pytest.mark.parametrize(("moment", "month"), [
    (utc(2026, 11, 30, 22, 59, 59), "2026-11"),  # 23:59:59 in Jun, the month's last second
    (utc(2026, 11, 30, 23, 0, 0), "2026-12"),  # 00:00 on 1 December in Jun, still 30/11 UTC
    (utc(2026, 12, 31, 22, 59, 59), "2026-12"),
    (utc(2026, 12, 31, 23, 0, 0), "2027-01"),  # New Year in Jun, an hour before UTC's
    (utc(2027, 3, 31, 21, 59, 59), "2027-03"),  # in summer time the month ends at 22:00 UTC
    (utc(2027, 3, 31, 22, 0, 0), "2027-04"),
])
def test_month_of_a_moment_is_the_towns(moment: datetime, month: str) -> None:
    assert month_key(moment, MADRID) == month


def test_the_nights_the_clocks_change_have_23_and_25_hours() -> None:
    spring = day_start(utc(2027, 3, 28, 12), MADRID)
    assert spring == utc(2027, 3, 27, 23)  # midnight CET
    assert day_start(utc(2027, 3, 29, 12), MADRID) - spring == timedelta(hours=23)
    autumn = day_start(utc(2026, 10, 25, 12), MADRID)
    assert autumn == utc(2026, 10, 24, 22)  # midnight CEST
    assert day_start(utc(2026, 10, 26, 12), MADRID) - autumn == timedelta(hours=25)
    # the hour that happens twice (02:00–03:00 local) belongs to the same day
    assert local_day(utc(2026, 10, 25, 0, 30), MADRID) == SUMMER_ENDS
    assert local_day(utc(2026, 10, 25, 1, 30), MADRID) == SUMMER_ENDS


def test_the_week_starts_on_the_towns_monday_across_new_year() -> None:
    # Friday 1 January 2027, 00:30 in Jun (still 31 December in UTC)
    assert week_start(utc(2026, 12, 31, 23, 30), MADRID) == utc(2026, 12, 27, 23)
    # Monday 28 December 00:30 in Jun is that week's first hour, not the week before's
    assert week_start(utc(2026, 12, 27, 23, 30), MADRID) == utc(2026, 12, 27, 23)


def test_ages_and_times_of_day_across_the_clock_changes() -> None:
    # a ticket made at 01:30 CET on the spring night, looked at at 04:30 CEST: 2 real hours
    made, now = utc(2027, 3, 28, 0, 30), utc(2027, 3, 28, 2, 30)
    assert age(made, now) == "hace 2 h"
    assert time_of_day(made, now, MADRID) == "01:30"
    assert time_of_day(now, now, MADRID) == "04:30"
    # the autumn night: 00:30 on the 25th, seen at 00:30 on the 26th (25 hours later)
    made, now = utc(2026, 10, 24, 22, 30), utc(2026, 10, 25, 23, 30)
    assert age(made, now) == "hace 1 d"
    assert time_of_day(made, now, MADRID) == "ayer 00:30"
    # New Year's Eve at 23:50 seen at 00:10 on New Year's Day: yesterday, 20 minutes ago
    made, now = utc(2026, 12, 31, 22, 50), utc(2026, 12, 31, 23, 10)
    assert (age(made, now), time_of_day(made, now, MADRID)) == ("hace 20 min", "ayer 23:50")
    assert time_of_day(utc(2026, 12, 30, 12), now, MADRID) == "30/12 13:00"


# ------------------------------------------------------------------ X's days (billing)
def test_billing_days_are_utc_even_after_the_towns_midnight() -> None:
    assert utc_day(utc(2026, 12, 31, 23, 30)) == date(2026, 12, 31)  # 00:30 on 1/1 in Jun
    assert utc_day(datetime(2027, 1, 1, 0, 30, tzinfo=MADRID)) == date(2026, 12, 31)
    assert next_month(date(2026, 12, 31)) == utc(2027, 1, 1)
    assert next_month(date(2026, 11, 30)) == utc(2026, 12, 1)


def _reads(day: date, n: int, prefix: str) -> list[Charge]:
    return [Charge(day, "mentions", Kind.POST, f"{prefix}{i}") for i in range(n)]


def test_budget_on_the_last_day_of_the_year_then_new_year(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                          clock: Clock) -> None:
    clock.now = utc(2026, 12, 31, 22, 0)
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly=2)
    # December spent at 0.05 $ a day: 1.55 $; then 0.45 $ more on its last day: 2.00 $
    for d in range(1, 32):
        desk.costs.record(ACCOUNT, _reads(date(2026, 12, d), 10, f"{d}-"))
    desk.costs.record(ACCOUNT, _reads(date(2026, 12, 31), 90, "late-"))
    state = desk.costs.state(ACCOUNT)
    assert state.month_micro == 2_000_000 and state.today_micro == 500_000
    assert state.forecast_micro == state.month_micro  # the last day: nothing left to forecast
    assert state.pace is Pace.PAUSED and state.until == utc(2027, 1, 1)
    # 00:30 on New Year's Day in Jun is still 31 December for X: still paused
    clock.now = utc(2026, 12, 31, 23, 30)
    assert desk.costs.state(ACCOUNT).pace is Pace.PAUSED
    # X's new month: nothing spent, polling as usual; December's days are kept
    clock.now = utc(2027, 1, 1, 0, 0, 1)
    state = desk.costs.state(ACCOUNT)
    assert (state.pace, state.month_micro, state.today_micro) == (Pace.NORMAL, 0, 0)
    assert sum(desk.costs.per_day(ACCOUNT, date(2026, 12, 1), date(2026, 12, 31)).values()) \
        == 2_000_000
    # a resource read on 31/12 is billed again on 1/1 (X de-duplicates within a UTC day)
    assert desk.costs.record(ACCOUNT, _reads(date(2027, 1, 1), 1, "late-")) == 5_000


def test_month_end_at_the_towns_midnight_is_not_xs(desk: Desk, people,  # type: ignore[no-untyped-def]
                                                   clock: Clock) -> None:
    """00:30 on 1 December in Jun is 23:30 on 30 November in UTC: X's month has not
    turned, so November's spend still counts against November's budget."""
    desk.costs.set_budget(people["ana"], ACCOUNT, monthly=1)
    desk.costs.record(ACCOUNT, _reads(date(2026, 11, 30), 100, "n"))
    clock.now = datetime(2026, 12, 1, 0, 30, tzinfo=MADRID)
    state = desk.costs.state(ACCOUNT)
    assert state.month_micro == 500_000 and state.today_micro == 500_000


# ------------------------------------------------------------------ the sandbox's day
@pytest.fixture
def new_year_x(clock: Clock) -> Iterator[tuple[Sandbox, XClient]]:
    """The sandbox's day laid on the last 15 hours of 2026 (UTC), its bills dated by the
    test's clock, and the desk's client metering by the same clock."""
    clock.now = utc(2026, 12, 31, 23, 58)
    with sandbox_x(wall=clock) as (sandbox, client):
        client.clock = clock
        yield sandbox, client


def test_a_sync_across_new_year_meters_each_utc_day_as_x_bills_it(  # type: ignore[no-untyped-def]
        desk: Desk, people, clock: Clock, new_year_x) -> None:
    sandbox, client = new_year_x
    engine = SyncEngine(desk, client, sleep=lambda _s: None)
    first = engine.sync_once()
    assert first.mentions.inserted > 100
    assert {d for d, _k in sandbox.bill.units} == {date(2026, 12, 31)}
    # past midnight UTC a citizen writes again and the desk polls: the new day is billed
    # apart, and the desk's meter agrees with X's bill day by day
    clock.now = utc(2027, 1, 1, 0, 2)
    citizen = next(iter(u for u in sandbox.scenario.users if u != sandbox.scenario.desk.id))
    sandbox.state.citizen_tweets(citizen, "@AytoJun feliz año, la farola de mi calle sigue "
                                          "apagada")
    assert engine.sync_once().mentions.inserted == 1
    billed: dict[date, int] = {}
    for (day, kind), units in sandbox.bill.units.items():
        billed[day] = billed.get(day, 0) + units * sandbox.bill.prices.price(kind)
    metered = desk.costs.per_day(ACCOUNT, date(2026, 12, 1), date(2027, 1, 31))
    assert metered == billed and set(metered) == {date(2026, 12, 31), date(2027, 1, 1)}
    # the budget's month is X's: on 1 January only January's spend counts
    assert desk.costs.state(ACCOUNT).month_micro == metered[date(2027, 1, 1)]


# ------------------------------------------------------------------ the moderation report
def test_moderation_report_counts_each_action_in_the_towns_month(  # type: ignore[no-untyped-def]
        desk: Desk, people, clock: Clock, x) -> None:
    _sandbox, client = x
    SyncEngine(desk, client).sync_once()
    replies = [r for c in desk.moderation.conversations(flagged_only=True) for r in c.replies]
    targets = list(dict.fromkeys(r.x_id for r in replies))[:4]
    assert len(targets) == 4
    when = [utc(2026, 11, 30, 22, 59),  # 23:59 on 30/11 in Jun → November
            utc(2026, 11, 30, 23, 1),  # 00:01 on 1/12 in Jun (30/11 in UTC) → December
            utc(2026, 12, 31, 23, 1),  # 00:01 on New Year's Day in Jun → January 2027
            utc(2027, 3, 31, 22, 1)]  # 00:01 on 1/4 in summer time → April
    for target, moment in zip(targets, when, strict=True):
        clock.now = moment
        desk.moderation.act(people["ana"], "hide", target, "insult", client)
    months = sorted(r.month for r in desk.moderation.report())
    assert months == ["2026-11", "2026-12", "2027-01", "2027-04"]
