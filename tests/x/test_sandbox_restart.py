"""Restarting the sandbox on the same database (``jun-desk --sandbox`` twice in a day)
stores nothing twice and bills nothing twice: the day laid for a database is recorded and
played again with the same ids, from where it had got to."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from jun_desk.services.desk import Desk
from jun_desk.start.options import GuiOptions
from jun_desk.start.sandbox import sandbox_connection
from jun_desk.store.models import TicketItem
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.day import DayRecord, plan_day
from jun_desk.x.sandbox.world import DAY_LENGTH
from jun_desk.x.sync import SyncEngine
from tests.conftest import Clock
from tests.x.conftest import scenario_dm_ids, scenario_mention_ids

MORNING = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _counts(desk: Desk) -> dict[str, tuple[int, int]]:
    """Per kind: items stored, distinct X ids among them."""
    with desk.db.session(readonly=True) as session:
        rows = session.execute(select(TicketItem.kind, func.count(),
                                      func.count(func.distinct(TicketItem.x_id)))
                               .group_by(TicketItem.kind)).all()
    return {kind: (n, distinct) for kind, n, distinct in rows}


def _sandbox_run(clock: Clock, minutes: float) -> tuple[dict, int, set[str], set[str]]:
    """``jun-desk --sandbox``'s sandbox and database, a poll after ``minutes`` of wall time,
    then both closed: (stored counts, today's X cost in µ$, the DM and mention ids the
    sandbox showed)."""
    sandbox, connection = sandbox_connection(
        GuiOptions(sandbox=True, speed=60), wall=clock, timer=lambda: clock().timestamp())
    desk = Desk.open(connection.db_url, clock=clock)
    client = XClient(connection.credentials, api_base=connection.api_base)
    client.clock = clock
    try:
        clock.advance(minutes=minutes)
        SyncEngine(desk, client).sync_once()
        return (_counts(desk), desk.costs.state(connection.account).today_micro,
                scenario_dm_ids(sandbox), scenario_mention_ids(sandbox))
    finally:
        client.close()
        desk.close()
        sandbox.stop()


def test_a_restart_on_the_same_database_stores_and_bills_nothing_twice() -> None:
    clock = Clock(MORNING)
    first, cost, dms, _mentions = _sandbox_run(clock, minutes=5)  # five hours of the day
    assert first["dm_in"][0] >= 20 and cost > 0
    # Started again at once: the same day from where it was; nothing new, nothing billed.
    again, cost_again, dms_again, _ = _sandbox_run(clock, minutes=0)
    assert again == first and cost_again == cost
    assert dms_again == dms
    # And later the same day: only what arrived since is new; every item is stored once.
    later, cost_later, dms_later, mentions_later = _sandbox_run(clock, minutes=3)
    assert later["dm_in"][0] == later["dm_in"][1] == len(dms_later) > first["dm_in"][0]
    assert later["mention"][0] == later["mention"][1] == len(mentions_later)
    assert cost_later > cost


def test_the_day_is_resumed_the_same_utc_day_and_laid_anew_the_next() -> None:
    start = MORNING
    record = DayRecord(2026, start, start + timedelta(minutes=10),
                       start + timedelta(minutes=600), 60.0)
    # Two minutes later, at 60×: two hours further into the same day.
    plan = plan_day(record, seed=2026, speed=30, wall=record.wall + timedelta(minutes=2))
    assert plan.start == start and plan.resume_at == start + timedelta(minutes=720)
    # A day shown whole goes on in real seconds after its end.
    whole = DayRecord(2026, start - DAY_LENGTH, start, start, math.inf)
    assert plan_day(whole, seed=2026, speed=math.inf,
                    wall=start + timedelta(seconds=30)).resume_at == start + timedelta(
        seconds=30)
    # Another UTC day, or another scenario: a new day, laid on the wall clock.
    tomorrow = start + timedelta(days=1)
    assert plan_day(record, seed=2026, speed=60, wall=tomorrow).resume_at is None
    assert plan_day(record, seed=7, speed=60, wall=record.wall).resume_at is None
    assert plan_day(None, seed=2026, speed=math.inf, wall=tomorrow).start == \
        tomorrow - DAY_LENGTH


def test_an_unreadable_day_record_lays_a_new_day(tmp_path: Path) -> None:
    path = tmp_path / "desk.db.day.json"
    path.write_text("{not json", encoding="utf-8")
    assert DayRecord.read(path) is None
    record = DayRecord(2026, MORNING, MORNING, MORNING, 60.0)
    record.write(path)
    assert DayRecord.read(path) == record
