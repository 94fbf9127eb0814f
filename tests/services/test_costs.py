"""The X meter and the shared budget (issue 17), on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from jun_desk.domain.costs import Charge, Kind, Pace, money
from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.services.desk import Desk

DAY = date(2026, 11, 24)


def test_reads_are_charged_once_per_utc_day_writes_every_time(desk: Desk) -> None:
    first = [Charge(DAY, "mentions", Kind.POST, str(i)) for i in range(10)]
    assert desk.costs.record("AytoJun", first) == 10 * 5_000
    again = [Charge(DAY, "mentions", Kind.POST, str(i)) for i in range(5, 15)]  # 5 new
    assert desk.costs.record("AytoJun", again) == 5 * 5_000
    next_day = [Charge(date(2026, 11, 25), "mentions", Kind.POST, "1")]
    assert desk.costs.record("AytoJun", next_day) == 5_000
    writes = [Charge(DAY, "replies", Kind.WRITE_POST)] * 2 + \
        [Charge(DAY, "replies", Kind.WRITE_POST_URL)]
    assert desk.costs.record("AytoJun", writes) == 2 * 15_000 + 200_000
    per_day = desk.costs.per_day("AytoJun", DAY, date(2026, 11, 30))
    assert per_day == {DAY: 15 * 5_000 + 230_000, date(2026, 11, 25): 5_000}
    rows = {(r.stream, r.kind): r.units for r in desk.costs.rows("AytoJun", DAY, DAY)}
    assert rows == {("mentions", "post"): 15, ("replies", "write_post"): 2,
                    ("replies", "write_post_with_url"): 1}


def test_operator_is_refused_the_budget_and_it_is_audited(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError, match="may not set the X budget"):
        desk.costs.set_budget(people["luis"], "AytoJun", monthly=1000)
    (refusal,) = desk.audit.latest(outcome="refused")
    assert (refusal.actor_name, refusal.action) == ("luis", "x_budget.set")
    assert desk.costs.budget("AytoJun").monthly_micro == 0
    budget = desk.costs.set_budget(people["ana"], "AytoJun", monthly="60", daily_alert=4)
    assert (budget.monthly_micro, budget.daily_alert_micro, budget.updated_by) == (
        60_000_000, 4_000_000, "ana")
    (event,) = [e for e in desk.audit.latest() if e.action == "x_budget.set"
                and e.outcome == "ok"]
    assert event.after == {"monthly": 60.0, "daily_alert": 4.0, "stop_writes": False}
    with pytest.raises(ValidationError):
        desk.costs.set_budget(people["ana"], "AytoJun", monthly="sesenta")
    with pytest.raises(ValidationError):
        desk.costs.set_budget(people["ana"], "AytoJun", monthly=-5)


def test_budget_stretches_then_pauses(desk: Desk, people, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 11, 10, 12, tzinfo=UTC)
    desk.costs.set_budget(people["ana"], "AytoJun", monthly=10)
    # 10 days at 0.50 $: the month's forecast is 15 $ against 10 $ → stretched
    for d in range(1, 11):
        desk.costs.record("AytoJun", [Charge(date(2026, 11, d), "mentions", Kind.POST,
                                             f"{d}-{i}") for i in range(100)])
    state = desk.costs.state("AytoJun")
    assert state.pace is Pace.STRETCHED and state.factor >= 2.0
    assert state.month_micro == 5_000_000 and state.forecast_micro == 15_000_000
    desk.costs.record("AytoJun", [Charge(date(2026, 11, 10), "dms", Kind.DM_EVENT, str(i))
                                  for i in range(500)])
    state = desk.costs.state("AytoJun")
    assert state.pace is Pace.PAUSED
    assert state.until == datetime(2026, 12, 1, tzinfo=UTC)
    assert not state.writes_stopped
    desk.costs.set_budget(people["ana"], "AytoJun", monthly=10, stop_writes=True)
    assert desk.costs.state("AytoJun").writes_stopped


def test_money_in_both_languages() -> None:
    assert money(1_240_000, "es") == "1,24 $"
    assert money(31_400_000, "en") == "$31.40"
    assert money(1_234_560_000, "es") == "1.234,56 $"


def test_old_days_are_forgotten_for_de_duplication_not_for_the_bill(desk: Desk, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    desk.costs.record("AytoJun", [Charge(date(2026, 11, 20), "dms", Kind.DM_EVENT, "1"),
                                  Charge(DAY, "dms", Kind.DM_EVENT, "1")])
    desk.costs.forget_old("AytoJun")
    # today's entry is kept: the same event today is still not charged again
    assert desk.costs.record("AytoJun", [Charge(DAY, "dms", Kind.DM_EVENT, "1")]) == 0
    assert desk.costs.per_day("AytoJun", date(2026, 11, 1), DAY) == {
        date(2026, 11, 20): 10_000, DAY: 10_000}
