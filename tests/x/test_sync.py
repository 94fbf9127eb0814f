"""The sync engine over a whole scenario day: every item once, no gap, no 429."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from sqlalchemy import func, select

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.store.models import TicketItem
from jun_desk.x.client import XClient
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.sandbox.server import Faults, Sandbox
from jun_desk.x.sandbox.state import SandboxClock
from jun_desk.x.sandbox.world import Scenario
from jun_desk.x.sync import SyncEngine
from tests.x.conftest import scenario_dm_ids, scenario_mention_ids, scenario_mention_versions


class SteppedClock(SandboxClock):
    """The scenario's time set by the test, step by step."""

    def __init__(self, scenario: Scenario, speed: float) -> None:
        super().__init__(scenario, speed)
        self.at = scenario.start

    def now(self) -> datetime:
        return self.at


def stored_ids(desk: Desk, kind: str) -> list[str]:
    with desk.db.session(readonly=True) as session:
        return list(session.scalars(select(TicketItem.x_id).where(TicketItem.kind == kind)))


def test_whole_day_at_once_is_stored_exactly_once(desk: Desk, client: XClient,
                                                  sandbox: Sandbox) -> None:
    seen_progress: list[tuple[Stream, int, int]] = []
    engine = SyncEngine(desk, client, page_size=40,
                        progress=lambda *args: seen_progress.append(args))
    report = engine.sync_once()
    mentions, dms = stored_ids(desk, "mention"), stored_ids(desk, "dm_in")
    assert len(mentions) == len(set(mentions)) and set(mentions) == scenario_mention_ids(sandbox)
    assert len(dms) == len(set(dms)) and set(dms) == scenario_dm_ids(sandbox)
    assert report.mentions.inserted == len(mentions) >= 300
    assert report.mentions.pages == math.ceil(len(mentions) / 40)
    assert seen_progress[-1][0] is Stream.DMS and seen_progress[0][1] == 1
    assert desk.ingest.cursor("AytoJun", Stream.MENTIONS) == max(mentions, key=int)
    assert desk.ingest.cursor("AytoJun", Stream.DMS) == max(dms, key=int)
    again = engine.sync_once()
    assert again.inserted == 0 and again.mentions.pages == 1
    assert sandbox.state.stats.rate_limited == 0
    # Triage ran on the way in: the campaign lands in suministros.
    campaign = desk.search.feed(text="#EndesaMeEstresa", limit=1000)
    assert len(campaign) >= 100
    assert {i.suggested_department for i in campaign} == {"suministros"}


def test_a_day_arriving_live_is_stored_with_no_gap_and_no_duplicate(desk: Desk) -> None:
    """The day arrives in 40 steps of its own clock, a poll after each (the sandbox's
    clock is stepped, not played in real seconds, so a busy machine polls as often as an
    idle one): every mention and DM exactly once, and the default rate limits never hit."""
    steps = 40
    with Sandbox(speed=1.0) as sandbox:
        day = sandbox.scenario
        clock = SteppedClock(day, speed=day.length.total_seconds() / 6.0)
        sandbox.clock = sandbox.state.clock = clock
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client, page_size=20)
        polls_that_stored = 0
        for step in range(steps + 1):
            clock.at = day.start + day.length * step / steps
            polls_that_stored += engine.sync_once().inserted > 0
        engine.sync_once()
        mentions, dms = stored_ids(desk, "mention"), stored_ids(desk, "dm_in")
        assert len(mentions) == len(set(mentions))
        assert set(mentions) == scenario_mention_ids(sandbox)
        assert len(set(mentions)) >= 300
        assert set(dms) == scenario_dm_ids(sandbox) and len(dms) == len(set(dms))
        assert polls_that_stored > 20  # the day really arrived while the desk polled
        assert sandbox.state.stats.rate_limited == 0


@pytest.mark.parametrize("fault", ["429", "5xx", "drop", "malformed", "slow"])
def test_each_injected_fault_is_survived(fault: str, desk: Desk, rules, clock) -> None:  # type: ignore[no-untyped-def]
    spec = {"429": "429=0.3", "5xx": "5xx=0.3", "drop": "drop=0.3",
            "malformed": "malformed=0.3", "slow": "slow=0.3,slow_seconds=1.5"}[fault]
    with Sandbox(speed=math.inf, faults=Faults.parse(spec)) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url, timeout=(1.0, 1.0))
        engine = SyncEngine(desk, client, page_size=100, max_attempts=12, max_wait=5,
                            sleep=lambda s: None, stream_backoff_cap=0)
        # 429s carry a reset 15 minutes away; the engine must not hammer, so it gives up
        # the poll (or the stream) with a rate-limit error and the next poll continues.
        for _ in range(30):
            try:
                if engine.sync_once().complete:
                    break
            except XApiError:
                pass
            client.budget = type(client.budget)()  # a new window, as time passing would
        assert set(stored_ids(desk, "mention")) == scenario_mention_ids(sandbox)
        assert set(stored_ids(desk, "dm_in")) == scenario_dm_ids(sandbox)
        assert sum(sandbox.state.stats.injected.values()) > 0
        with desk.db.session(readonly=True) as session:
            total = session.scalar(select(func.count()).select_from(TicketItem))
            distinct = session.scalar(select(func.count(func.distinct(TicketItem.x_id))))
        assert total == distinct


def test_an_interrupted_walk_goes_on_where_it_stopped(desk: Desk, sandbox: Sandbox,
                                                       client: XClient) -> None:
    """A failure (or a kill) in the middle of a walk: the next run, even a new process,
    continues from the saved page token instead of fetching the walked pages again."""
    real = client.mentions
    calls = {"n": 0}

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            raise XApiError(Failure.SERVER, status=503)
        return real(*args, **kwargs)

    client.mentions = flaky  # type: ignore[method-assign]
    failed = SyncEngine(desk, client, page_size=50, max_attempts=1).sync_once()
    # The mentions failed; the DMs went on.
    assert set(failed.failed) == {Stream.MENTIONS} and not failed.complete
    assert set(stored_ids(desk, "dm_in")) == scenario_dm_ids(sandbox)
    token, newest = desk.ingest.walk("AytoJun", Stream.MENTIONS)
    assert token and newest and desk.ingest.cursor("AytoJun", Stream.MENTIONS) is None
    # Three pages walked (150 tweets as X lists them, newest first); the versions of an
    # edited tweet among them are one stored mention.
    walked = sorted(scenario_mention_versions(sandbox), key=int, reverse=True)[:150]
    originals = {str(t.original_id)
                 for t in sandbox.state.visible_tweets() if str(t.id) in walked}
    assert set(stored_ids(desk, "mention")) == originals
    before = sandbox.state.stats.by_endpoint["GET /2/users/:id/mentions"]
    client.mentions = real  # type: ignore[method-assign]
    # A fresh engine, as after a restart.
    report = SyncEngine(desk, client, page_size=50).sync_once()
    used = sandbox.state.stats.by_endpoint["GET /2/users/:id/mentions"] - before
    total = len(scenario_mention_versions(sandbox))
    # Only the pages not yet walked, then one page from the top (nothing new since).
    assert used == math.ceil((total - 150) / 50) + 1
    assert report.mentions.walks == 2 and report.complete
    assert set(stored_ids(desk, "mention")) == scenario_mention_ids(sandbox)
    assert desk.ingest.walk("AytoJun", Stream.MENTIONS) is None
    assert desk.ingest.cursor("AytoJun", Stream.MENTIONS) == newest


def test_a_resumed_walk_is_followed_by_one_from_the_top(desk: Desk, sandbox: Sandbox,
                                                       client: XClient) -> None:
    """Both streams stop halfway (a kill); new mentions and DMs arrive; the next poll
    finishes the old walks and then walks from the top: everything up to now is stored."""
    from jun_desk.x.sandbox.world import DmEvent, Tweet

    real = {"mentions": client.mentions, "dm_events": client.dm_events}
    calls = {"mentions": 0, "dm_events": 0}

    def failing_third(name):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += 1
            if calls[name] == 3:
                raise XApiError(Failure.SERVER, status=503)
            return real[name](*args, **kwargs)
        return call

    client.mentions = failing_third("mentions")  # type: ignore[method-assign]
    client.dm_events = failing_third("dm_events")  # type: ignore[method-assign]
    with pytest.raises(XApiError):
        SyncEngine(desk, client, page_size=20, max_attempts=1).sync_once()
    assert desk.ingest.walk("AytoJun", Stream.MENTIONS) is not None
    assert desk.ingest.walk("AytoJun", Stream.DMS) is not None
    state = sandbox.state
    citizen = state.scenario.citizens[0]
    now = state.clock.now()
    with state.lock:
        for n in range(3):
            tweet_id = state.scenario.ids.next(now)
            state._add_tweet(Tweet(tweet_id, citizen.id, f"@AytoJun otra farola más ({n})", now,
                                   tweet_id))
            state.dms.append(DmEvent(state.scenario.ids.next(now), citizen.id, state.desk.id,
                                     f"Hola otra vez ({n})", now,
                                     state._conversation(citizen.id)))
    client.mentions, client.dm_events = real["mentions"], real["dm_events"]  # type: ignore[method-assign]
    report = SyncEngine(desk, client, page_size=20).sync_once()
    assert report.complete and report.mentions.walks == 2 and report.dms.walks == 2
    assert set(stored_ids(desk, "mention")) == scenario_mention_ids(sandbox)
    assert set(stored_ids(desk, "dm_in")) | set(stored_ids(desk, "dm_out")) == \
        scenario_dm_ids(sandbox)
    assert report.mentions.inserted >= 3 and report.dms.inserted >= 3
    assert desk.ingest.walk("AytoJun", Stream.MENTIONS) is None
    assert desk.ingest.walk("AytoJun", Stream.DMS) is None


def test_a_citizen_writing_now_reaches_the_desk_at_the_next_poll(desk: Desk, client: XClient,
                                                                  sandbox: Sandbox) -> None:
    engine = SyncEngine(desk, client)
    engine.sync_once()
    citizen = sandbox.scenario.citizens[0]
    tweet = sandbox.state.citizen_tweets(citizen.id, "@AytoJun la fuente de la plaza no echa agua")
    dm = sandbox.state.citizen_writes_dm(citizen.id, "Hola, ¿cuándo recogen los muebles?")
    report = engine.sync_once()
    assert report.mentions.inserted == 1 and report.dms.inserted == 1
    assert str(tweet.id) in stored_ids(desk, "mention")
    assert str(dm.id) in stored_ids(desk, "dm_in")
    with pytest.raises(ValueError, match="not a citizen"):
        sandbox.state.citizen_tweets(sandbox.scenario.desk.id, "@AytoJun yo mismo")
    with pytest.raises(ValueError, match="not a citizen"):
        sandbox.state.citizen_writes_dm("999", "hola")
