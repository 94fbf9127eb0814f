"""The training desk's sandbox day starts already under way: whoever opens ``jun-desk
--sandbox`` meets messages to read at the first sync (dated in the past, the photo of the
pothole among them), not an empty desk; the tests' own sandboxes still start their day now."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from jun_desk.services.desk import Desk
from jun_desk.start.options import GuiOptions
from jun_desk.start.sandbox import UNDER_WAY, sandbox_connection
from jun_desk.store.models import TicketItem
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.day import DayPlan, DayRecord, plan_day
from jun_desk.x.sandbox.scenario import PHOTO_LINE
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine
from tests.conftest import Clock

MORNING = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
PHOTO_WORDS = PHOTO_LINE.split("{")[0]  # "Os paso foto del bache de "


def test_a_freshly_started_app_sandbox_has_messages_at_its_first_sync() -> None:
    clock = Clock(MORNING)
    sandbox, connection = sandbox_connection(
        GuiOptions(sandbox=True, speed=60), wall=clock, timer=lambda: clock().timestamp())
    desk = Desk.open(connection.db_url, clock=clock)
    client = XClient(connection.credentials, api_base=connection.api_base)
    client.clock = clock
    try:
        # The clock starts at the wall clock, the day's start that far before it.
        assert sandbox.clock.now() == MORNING
        assert sandbox.scenario.start == MORNING - UNDER_WAY
        report = SyncEngine(desk, client).sync_once()  # at once: no time has gone by
        with desk.db.session(readonly=True) as session:
            items = session.scalars(select(TicketItem)).all()
    finally:
        client.close()
        desk.close()
        sandbox.stop()
    mentions = [i for i in items if i.kind == "mention"]
    dms = [i for i in items if i.kind == "dm_in"]
    assert len(mentions) >= 15 and len(dms) >= 5
    assert report.inserted == len(items)  # the status line's "N nuevos"
    # What has happened is dated in the past, for the sandbox and for the desk alike.
    assert all(i.created_at.replace(tzinfo=UTC) <= MORNING for i in items)
    assert min(i.created_at.replace(tzinfo=UTC) for i in items) >= MORNING - UNDER_WAY
    # The pothole's photo, sent by DM, is on the first screen, with its photo.
    photos = [i for i in dms if i.text.startswith(PHOTO_WORDS)]
    assert photos and all(i.media_count == 1 for i in photos)
    assert any("calle Ancha" in i.text for i in photos)


def test_the_tests_sandboxes_still_start_their_day_now() -> None:
    clock = Clock(MORNING)
    with Sandbox(speed=60, wall=clock, timer=lambda: clock().timestamp()) as sandbox:
        assert sandbox.scenario.start == MORNING == sandbox.clock.now()
        assert not sandbox.state.visible_tweets() and not sandbox.state.visible_dms()
        clock.advance(minutes=2)  # two hours of the day
        assert sandbox.state.visible_dms()


def test_a_day_under_way_is_laid_before_the_wall_clock_and_goes_on_from_it() -> None:
    under_way = timedelta(minutes=65)
    plan = plan_day(None, seed=2026, speed=60, wall=MORNING, under_way=under_way)
    assert plan.start == MORNING - under_way and plan.resume_at == MORNING
    # Shown whole, the day has happened already; resumed, it goes on where it had got to.
    assert plan_day(None, seed=2026, speed=math.inf, wall=MORNING,
                    under_way=under_way).start == MORNING - timedelta(hours=15)
    record = DayRecord(2026, MORNING, MORNING, MORNING + timedelta(hours=3), 60.0)
    assert plan_day(record, seed=2026, speed=60, wall=MORNING,
                    under_way=under_way) == DayPlan(MORNING, MORNING + timedelta(hours=3))
    with pytest.raises(ValueError):
        plan_day(None, seed=2026, speed=60, wall=MORNING, under_way=-under_way)


def test_a_given_day_under_way_starts_that_far_into_it() -> None:
    clock = Clock(MORNING)
    with Sandbox(speed=60, wall=clock, timer=lambda: clock().timestamp()) as first:
        day = first.scenario
    with Sandbox(day, speed=60, wall=clock, timer=lambda: clock().timestamp(),
                 under_way=timedelta(hours=2)) as sandbox:
        assert sandbox.clock.now() == day.start + timedelta(hours=2)
        assert sandbox.state.visible_dms()
