"""kill -9 of `jun-desk sync --watch` at random moments with staff accounts and watched
searches (issue 27): every post of every stream stored exactly once, each stream's cursor
where its data is, and the meter equal to X's bill to the micro-dollar."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

from jun_desk.domain.items import XUser
from jun_desk.services.desk import Desk
from jun_desk.x.sandbox.search import Context, compile_query
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sandbox.staff_day import SEARCH_QUERIES, STAFF
from tests.x.conftest import kill_syncs, sync_rest_of_day

KILLS = int(os.environ.get("JUN_DESK_STREAM_KILLS", "8"))


def expected_posts(sandbox: Sandbox) -> set[str]:
    """What the desk must hold from tweets: the town's mentions, each staff account's
    mentions and posts (a retweet read in a watched stream is dropped, unless the town's
    mentions brought it), each search's results."""
    state, desk = sandbox.state, sandbox.scenario.desk
    tweets = state.visible_tweets()
    retweet = {t.id for t in tweets if any(k == "retweeted" for k, _ in t.references)}
    town = {t.original_id for t in tweets if t.mentions(desk.username) and t.author_id != desk.id}
    wanted = set(town)
    for staff in STAFF:
        wanted |= {t.original_id for t in tweets if t.id not in retweet and (
            t.author_id == staff.id or (t.mentions(staff.handle) and t.author_id != staff.id))}
    users = sandbox.scenario.users
    context = Context(lambda a: users[a].username if a in users else "",
                      lambda t: t.id in retweet)
    for query in SEARCH_QUERIES:
        match = compile_query(query)
        wanted |= {t.original_id for t in tweets if match(t, context) and t.id not in retweet}
    return {str(i) for i in wanted}


def test_kill_9_with_many_streams_loses_and_duplicates_nothing(
        tmp_path: Path, sandbox_credentials) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(27)
    db = tmp_path / "desk.db"
    desk = Desk.open(f"sqlite:///{db}")
    desk.operators.add("ana", "supervisor")
    ana = desk.operators.actor("ana")
    for staff in STAFF:
        desk.streams.add_staff(ana, XUser(staff.id, staff.handle, staff.name), staff.department,
                               staff.role)
    for query in SEARCH_QUERIES:
        desk.streams.add_search(ana, query)
    desk.close()
    with Sandbox(speed=15 * 3600 / 20) as sandbox:
        killed_mid_run = kill_syncs(db, tmp_path, sandbox.base_url, KILLS, rng, (0.5, 2.0),
                                    sandbox=sandbox)
        sync_rest_of_day(sandbox, db, tmp_path)
        billed = sandbox.bill.total
        wanted = expected_posts(sandbox)
    assert killed_mid_run == KILLS
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tweets = [x for (x,) in conn.execute(
            "SELECT x_id FROM ticket_items WHERE source = 'tweet'")]
        cursors = dict(conn.execute("SELECT stream, cursor FROM sync_cursors"))
        metered = conn.execute("SELECT coalesce(sum(micro), 0) FROM x_spend").fetchone()[0]
        lines = {s for (s,) in conn.execute("SELECT DISTINCT stream FROM x_spend")}
    assert len(tweets) == len(set(tweets))
    assert set(tweets) == wanted
    assert len(cursors) == 2 + 2 * len(STAFF) + len(SEARCH_QUERIES)
    assert all(cursors.values())
    assert metered == billed
    assert {f"staff:{s.id}" for s in STAFF} | {"search:1", "search:2"} <= lines
