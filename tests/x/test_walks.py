"""Every walk through X's pages ends (issue 23): a server that answers a page token with a
page already given (the sandbox's ``repeat`` fault: a proxy or cache that ignores the query)
stops the walk after a handful of pages, keeps what was stored exactly once, leaves the
cursor where a later clean sync gets everything, and says so. Real tweepy client, real
sandbox, SQLite and PostgreSQL (the ``desk`` fixture)."""

from __future__ import annotations

import contextlib
import logging
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jun_desk.domain.items import Stream
from jun_desk.domain.walks import WalkEnd
from jun_desk.services.desk import Desk
from jun_desk.store.models import QuarantinedItem, TicketItem
from jun_desk.x.client import DM_EVENTS, MENTIONS, XClient
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine, SyncReport
from tests.x.conftest import (
    jun_desk_process,
    scenario_dm_ids,
    scenario_mention_ids,
    scenario_mention_versions,
)
from tests.x.test_sync import SteppedClock

ACCOUNT = "AytoJun"


def stored(desk: Desk, *kinds: str) -> list[str]:
    with desk.db.session(readonly=True) as session:
        return list(session.scalars(select(TicketItem.x_id).where(TicketItem.kind.in_(kinds))))


def exactly_once(desk: Desk) -> None:
    with desk.db.session(readonly=True) as session:
        total = session.scalar(select(func.count()).select_from(TicketItem))
        distinct = session.scalar(select(func.count(func.distinct(TicketItem.x_id))))
    assert total == distinct


def originals_of(sandbox: Sandbox, versions: list[str]) -> set[str]:
    wanted = set(versions)
    return {str(t.original_id) for t in sandbox.state.visible_tweets() if str(t.id) in wanted}


def stops(report: SyncReport, stream: str) -> list[WalkEnd]:
    return [s.reason for s in report.stopped if s.stream == stream]


def asked(sandbox: Sandbox, endpoint: str) -> int:
    return sandbox.state.stats.by_endpoint.get(endpoint, 0)


def test_a_mentions_walk_whose_page_repeats_ends_and_loses_nothing(
        desk: Desk, client: XClient, sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    sandbox.item_faults.repeat = {MENTIONS: 2}  # page 1, page 2, then page 2 for ever
    engine = SyncEngine(desk, client, page_size=50)
    with caplog.at_level(logging.WARNING, logger="jun_desk.x.sync"):
        report = engine.sync_once()
    # Ended by itself: two pages, and the repeated one that gave its token again.
    assert asked(sandbox, MENTIONS) == 3 and sandbox.item_faults.repeated == 1
    assert stops(report, "mentions") == [WalkEnd.REPEATED_TOKEN] and not report.complete
    assert report.mentions.pages == 3 and report.failed == {}
    assert "The mentions walk stopped at page 3: X gave again a page token" in caplog.text
    # The two pages are stored once; the cursor did not move, no walk is left to resume.
    newest_first = sorted(scenario_mention_versions(sandbox), key=int, reverse=True)
    assert set(stored(desk, "mention")) == originals_of(sandbox, newest_first[:100])
    exactly_once(desk)
    assert desk.ingest.cursor(ACCOUNT, Stream.MENTIONS) is None
    assert desk.ingest.walk(ACCOUNT, Stream.MENTIONS) is None
    # The DMs went on.
    assert set(stored(desk, "dm_in", "dm_out")) == scenario_dm_ids(sandbox)
    # The fault gone, the same engine's next poll gets every mention, none twice.
    sandbox.item_faults.repeat = {}
    again = engine.sync_once()
    assert again.complete and again.stopped == []
    assert set(stored(desk, "mention")) == scenario_mention_ids(sandbox)
    exactly_once(desk)


def test_a_later_poll_whose_page_repeats_keeps_the_cursor(desk: Desk) -> None:
    """Half the day read; then, with the rest arrived, X repeats the later poll's first
    page: the walk stops, the cursor stays where the first poll left it, and the next clean
    poll brings the rest of the day, none twice. The sandbox's clock is stepped."""
    with Sandbox(speed=1.0) as sandbox:
        day = sandbox.scenario
        clock = SteppedClock(day, speed=1.0)
        sandbox.clock = sandbox.state.clock = clock
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        try:
            engine = SyncEngine(desk, client, page_size=20)
            clock.at = day.start + day.length / 2
            assert engine.sync_once().complete
            cursor = desk.ingest.cursor(ACCOUNT, Stream.MENTIONS)
            half = set(stored(desk, "mention"))
            assert cursor is not None and half
            clock.at = day.start + day.length
            sandbox.item_faults.repeat = {MENTIONS: asked(sandbox, MENTIONS) + 1}
            report = engine.sync_once()
            assert stops(report, "mentions") == [WalkEnd.REPEATED_TOKEN]
            assert desk.ingest.cursor(ACCOUNT, Stream.MENTIONS) == cursor
            assert desk.ingest.walk(ACCOUNT, Stream.MENTIONS) is None
            assert half < set(stored(desk, "mention"))  # the first new page is kept
            exactly_once(desk)
            sandbox.item_faults.repeat = {}
            assert engine.sync_once().complete
            assert set(stored(desk, "mention")) == scenario_mention_ids(sandbox)
            exactly_once(desk)
        finally:
            client.close()


def test_a_dm_walk_whose_page_repeats_ends_and_loses_nothing(desk: Desk, client: XClient,
                                                            sandbox: Sandbox) -> None:
    dms = scenario_dm_ids(sandbox)
    assert len(dms) > 60
    sandbox.item_faults.repeat = {DM_EVENTS: 2}
    engine = SyncEngine(desk, client, page_size=20)
    report = engine.sync_once()
    assert asked(sandbox, DM_EVENTS) == 3
    assert stops(report, "dms") == [WalkEnd.REPEATED_TOKEN] and report.dms.pages == 3
    newest_first = sorted(dms, key=int, reverse=True)
    assert set(stored(desk, "dm_in", "dm_out")) == set(newest_first[:40])
    exactly_once(desk)
    assert desk.ingest.cursor(ACCOUNT, Stream.DMS) is None
    assert desk.ingest.walk(ACCOUNT, Stream.DMS) is None
    assert set(stored(desk, "mention")) == scenario_mention_ids(sandbox)  # went on
    sandbox.item_faults.repeat = {}
    again = engine.sync_once()
    assert again.complete and set(stored(desk, "dm_in", "dm_out")) == dms
    exactly_once(desk)


def test_a_users_lookup_answered_again_is_not_used_and_is_asked_again(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    """The users lookup has no pagination: one request of at most 100 ids per page, so a
    poll asks it at most once a page. A repeated answer (users not asked for) is not taken
    as X's word: nobody in it is marked unknown to X; they are asked again."""
    sandbox.item_faults.repeat = {"GET /2/users": 1}
    engine = SyncEngine(desk, client, page_size=50)
    report = engine.sync_once()
    pages = report.mentions.pages + report.dms.pages
    assert 2 <= asked(sandbox, "GET /2/users") <= pages
    assert stops(report, "users") == [WalkEnd.UNASKED]
    # The walks themselves went to their end: every item once.
    assert set(stored(desk, "mention")) == scenario_mention_ids(sandbox)
    assert set(stored(desk, "dm_in", "dm_out")) == scenario_dm_ids(sandbox)
    exactly_once(desk)
    undescribed = desk.ingest.undescribed_authors(limit=1000)
    assert undescribed  # the authors of the later pages wait for an answer
    sandbox.item_faults.repeat = {}
    for _ in range(10):  # 100 a poll
        if not desk.ingest.undescribed_authors(limit=1000):
            break
        engine.sync_once()
    assert desk.ingest.undescribed_authors(limit=1000) == set()
    exactly_once(desk)


def test_a_tweets_lookup_answered_again_leaves_the_tweets_to_retry(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    """The tweets lookup has no pagination either: the incomplete tweets of one page, 100
    ids a request. A repeated answer (tweets not asked for) leaves them in the quarantine
    to be read again at the next poll, where they are stored once."""
    mentions = sorted(scenario_mention_ids(sandbox), key=int)
    broken = mentions[::40][:8]
    sandbox.item_faults.strip = {i: ("author_id",) for i in broken}
    sandbox.item_faults.repeat = {"GET /2/tweets": 1}
    engine = SyncEngine(desk, client, page_size=50)
    report = engine.sync_once()
    assert stops(report, "tweets") == [WalkEnd.UNASKED]
    assert asked(sandbox, "GET /2/tweets") <= report.mentions.pages
    with desk.db.session(readonly=True) as session:
        waiting = set(session.scalars(select(QuarantinedItem.x_id).where(
            QuarantinedItem.status == "retry")))
    have = set(stored(desk, "mention"))
    assert waiting and waiting <= set(broken) and have | waiting == set(mentions)
    exactly_once(desk)
    sandbox.item_faults.repeat = {}
    again = engine.sync_once()
    assert again.stopped == [] and set(stored(desk, "mention")) == set(mentions)
    exactly_once(desk)


def test_sync_once_against_a_repeating_page_ends_with_its_status_and_one_line(
        tmp_path: Path, sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    """`jun-desk sync --once` in a process of its own, X repeating its first page of
    mentions (same page, same next_token): it ends by itself after a handful of pages,
    exits 3 and says in one line which stream stopped and why; the next run, the fault
    gone, gets everything once."""
    db, home = tmp_path / "d.db", tmp_path / "home"
    with Sandbox() as sandbox:
        sandbox.item_faults.repeat = {MENTIONS: 1}
        started = time.monotonic()
        proc = jun_desk_process(db, home, "sync", "--once", "--api-base", sandbox.base_url,
                                "--no-outbox")
        out, err = proc.communicate(timeout=120)
        wall = time.monotonic() - started
        pages = asked(sandbox, MENTIONS)
        lines = [line for line in err.splitlines() if "walk stopped" in line]
        print(f"\nsync --once against a repeating page: {pages} pages of mentions asked, "
              f"exit {proc.returncode}, {wall:.2f} s wall; the line: {lines}")
        assert proc.returncode == 3, err
        assert pages <= 3 and sandbox.item_faults.repeated <= 3
        assert len(lines) == 1 and lines[0].split(" ", 1)[1] == (
            "The mentions walk stopped at page 2: X gave again a page token it had already "
            "given. What was read is kept; the next poll reads again from the last stored "
            "point")
        assert "new mentions" in out
        sandbox.item_faults.repeat = {}
        clean = jun_desk_process(db, home, "sync", "--once", "--api-base", sandbox.base_url,
                                 "--no-outbox")
        out, err = clean.communicate(timeout=120)
        assert clean.returncode == 0, err
        desk_ids = stored_in(db, "mention")
        assert len(desk_ids) == len(set(desk_ids))
        assert set(desk_ids) == scenario_mention_ids(sandbox)


def stored_in(db: Path, kind: str) -> list[str]:
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as con:
        return [r[0] for r in con.execute("SELECT x_id FROM ticket_items WHERE kind = ?",
                                          (kind,))]


def test_sync_help_documents_the_exit_status(capsys) -> None:  # type: ignore[no-untyped-def]
    from jun_desk.cli import main

    with pytest.raises(SystemExit):
        main(["sync", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "3 a walk through X's pages was stopped" in shown


def test_the_outbox_search_for_a_dm_already_sent_ends_at_a_repeated_page(
        caplog: pytest.LogCaptureFixture) -> None:
    """Before sending a DM again, the outbox looks for it among the account's recent DM
    events (at most five pages): a server repeating its page ends that search at once."""
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from jun_desk.domain.items import ItemKind, XItem, XUser
    from jun_desk.x.client import Page
    from jun_desk.x.outbox_sender import OutboxSender

    at = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    old = XItem(x_id="900", kind=ItemKind.DM_IN, author_x_id="5", text="hola", created_at=at,
                conversation_id="1-5")
    calls: list[str | None] = []

    def dm_events(*, pagination_token: str | None = None) -> Page:
        calls.append(pagination_token)
        return Page([old], [], "900", "SAME")

    client = SimpleNamespace(me=lambda: XUser(x_id="1", handle="AytoJun"),
                             dm_events=dm_events)
    sender = OutboxSender(None, client, "AytoJun")  # type: ignore[arg-type]
    item = SimpleNamespace(id=7, kind="dm", text="nuestra respuesta", recipient_x_id="5",
                           created_at=at)
    with caplog.at_level(logging.WARNING, logger="jun_desk.x.outbox_sender"):
        assert sender._already_on_x(item) is None  # type: ignore[arg-type]
    assert calls == [None, "SAME"]
    assert "Outbox item 7: The DM walk stopped at page 2: X gave again a page token" \
        in caplog.text


def test_the_sandbox_command_repeats_a_page_when_asked(tmp_path: Path) -> None:
    """`jun-desk sandbox --repeat-page mentions`: the second page asked is the first again,
    token and all (for training and for trying a proxy)."""
    import os
    import subprocess
    import sys

    from jun_desk.x.sandbox.server import SANDBOX_CREDENTIALS

    env = {**os.environ, "JUN_DESK_HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "jun_desk", "sandbox", "--speed", "instant",
                             "--repeat-page", "mentions"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().split()[-1]  # type: ignore[union-attr]
        client = XClient(SANDBOX_CREDENTIALS, api_base=url)
        me = client.me()
        first = client.mentions(me.x_id, max_results=5)
        second = client.mentions(me.x_id, max_results=5, pagination_token=first.next_token)
        client.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert first.next_token and second.next_token == first.next_token
    assert [i.x_id for i in second.items] == [i.x_id for i in first.items]
