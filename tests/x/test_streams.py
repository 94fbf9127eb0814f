"""Many streams, one poller (issue 27): staff accounts and watched searches over the real
sandbox, the real tweepy client and a real database."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import func, select

from jun_desk.domain.costs import utc_day
from jun_desk.domain.errors import PermissionDeniedError, ValidationError
from jun_desk.domain.items import Stream, StreamKind
from jun_desk.domain.text import fold
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, StaffAccount, SyncCursor, TicketItem, WatchedSearch
from jun_desk.x.client import XClient
from jun_desk.x.sandbox.scenario import build_scenario
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sandbox.staff_day import SEARCH_SPIKE, STAFF, UNKNOWN_HANDLE
from jun_desk.x.sync import SyncEngine
from jun_desk.x.watch import resolve_handle, try_search
from tests.x.test_sync import SteppedClock

SWEEPER = STAFF[0]  # @BarrenderoJun, limpieza


def add_sweeper(desk: Desk, client: XClient, people: dict) -> None:  # type: ignore[type-arg]
    user = resolve_handle(client, "@" + SWEEPER.handle)
    desk.streams.add_staff(people["ana"], user, SWEEPER.department, SWEEPER.role)


def items_by(desk: Desk, author: str) -> list[TicketItem]:
    with desk.db.session(readonly=True) as session:
        rows = list(session.scalars(select(TicketItem).where(TicketItem.author_x_id == author)))
        session.expunge_all()
        return rows


def count(desk: Desk, model: type) -> int:
    with desk.db.session(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_staff_mention_lands_in_the_employees_department_and_their_reply_joins(
        desk: Desk, client: XClient, sandbox: Sandbox, people: dict) -> None:  # type: ignore[type-arg]
    add_sweeper(desk, client, people)
    report = SyncEngine(desk, client, page_size=50).sync_once()
    mentions = Stream(StreamKind.STAFF, SWEEPER.id)
    assert report.complete and report.streams[mentions.value].inserted == SWEEPER.mentions
    asks = [i for i in desk.search.feed(limit=1000) if i.via == mentions.value]
    assert len(asks) == SWEEPER.mentions
    assert {i.suggested_department for i in asks} == {"limpieza"}
    assert {i.for_staff for i in asks} == {"BarrenderoJun"}
    # The employee's own posts and replies are stored, handled, never in the feed: their
    # retweet of the town's post too (it came through the town's own mentions).
    own = items_by(desk, SWEEPER.id)
    assert own and {i.kind for i in own} == {"staff_reply"} and all(i.handled for i in own)
    assert len([i for i in own if i.text.startswith("RT @AytoJun")]) == 1
    assert not [i for i in desk.search.feed(limit=1000) if i.author_x_id == SWEEPER.id]
    # A ticket made of a mention the sweeper answered holds the answer.
    answered = {str(t.in_reply_to_id) for t in sandbox.state.tweets
                if t.author_id == SWEEPER.id and t.in_reply_to_id}
    item = next(i for i in asks if i.x_id in answered)
    ticket = desk.tickets.file_item(people["ana"], item.id).ticket
    assert ticket.department == "limpieza" and ticket.for_staff == "BarrenderoJun"
    kinds = [i.kind for i in desk.tickets.items(ticket.id)]
    assert kinds == ["mention", "staff_reply"]
    # Each stream has its own cursor row; the town's two keep their names.
    with desk.db.session(readonly=True) as session:
        streams = set(session.scalars(select(SyncCursor.stream)))
    assert streams == {"mentions", "dms", mentions.value, f"staff_posts:{SWEEPER.id}"}
    # Its reads are on its own cost line.
    # (from the scenario's first day to the client's billing day: the sandbox's day ends now,
    # so it began the UTC day before whenever this runs before 15:00 UTC)
    lines = {r.stream for r in desk.costs.rows("AytoJun", sandbox.scenario.start.date(),
                                               utc_day(client.clock()))}
    assert mentions.value in lines


def test_a_staff_reply_arriving_later_joins_the_open_ticket(desk: Desk,
                                                            people: dict) -> None:  # type: ignore[type-arg]
    with Sandbox(speed=1.0) as sandbox:
        day = sandbox.scenario
        clock = SteppedClock(day, speed=day.length.total_seconds() / 6.0)
        sandbox.clock = sandbox.state.clock = clock
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        replies = sorted((t for t in sandbox.state.tweets
                          if t.author_id == SWEEPER.id and t.in_reply_to_id),
                         key=lambda t: t.created_at)
        reply = replies[len(replies) // 2]
        asked = sandbox.state.tweets_by_id[reply.in_reply_to_id]
        clock.at = asked.created_at + (reply.created_at - asked.created_at) / 2
        add_sweeper(desk, client, people)
        engine = SyncEngine(desk, client, page_size=50)
        engine.sync_once()
        item = next(i for i in desk.search.feed(limit=1000) if i.x_id == str(asked.id))
        ticket = desk.tickets.file_item(people["ana"], item.id).ticket
        clock.at = day.start + day.length
        engine.sync_once()
        client.close()
    items = desk.tickets.items(ticket.id)
    assert [(i.kind, i.x_id) for i in items] == [("mention", str(asked.id)),
                                                 ("staff_reply", str(reply.id))]
    assert items[1].for_staff == "BarrenderoJun"
    from jun_desk.ui.detail.texts import thread_html

    shown = thread_html(desk.tickets.detail(ticket.id))
    assert "Respuesta del personal</b> · @BarrenderoJun" in shown


def test_a_watched_search_brings_a_spike_without_the_towns_handle_into_the_campaigns(
        desk: Desk, people: dict) -> None:  # type: ignore[type-arg]
    spike_found_by_a_search(desk, people)


def spike_found_by_a_search(desk: Desk, people: dict) -> None:  # type: ignore[type-arg]
    """A day whose #EndesaMeEstresa spike never names the town: no campaign; then the
    search watched, the spike is in the feed (as 'búsqueda') and among the campaigns."""
    scenario = build_scenario()
    scenario.tweets = [t for t in scenario.tweets
                       if not ("#EndesaMeEstresa" in t.text and t.mentions("AytoJun"))]
    tag = fold("EndesaMeEstresa")
    with Sandbox(scenario, speed=math.inf) as sandbox:
        client = XClient(sandbox.credentials, api_base=sandbox.base_url)
        engine = SyncEngine(desk, client, page_size=100)
        engine.sync_once()
        assert not [c for c in desk.reports.campaigns(scenario.start) if tag in fold(c.hashtag)]
        probe = try_search(client, "#EndesaMeEstresa")
        watched = desk.streams.add_search(people["ana"], probe.query, "Endesa")
        report = engine.sync_once()
        client.close()
    assert report.streams[watched.stream.value].inserted == SEARCH_SPIKE
    found = [i for i in desk.search.feed(limit=1000) if i.found_by_search]
    assert len(found) == SEARCH_SPIKE and all("@AytoJun" not in i.text for i in found)
    assert {i.suggested_department for i in found} == {"suministros"}
    spikes = [c for c in desk.reports.campaigns(scenario.start) if tag in fold(c.hashtag)]
    assert len(spikes) == 1 and spikes[0].mentions == SEARCH_SPIKE


def test_the_spike_a_search_found_shows_in_the_dashboards_campaigns(
        qtbot, desk: Desk, people: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    from jun_desk.ui.context import UiContext
    from jun_desk.ui.dashboard import Dashboard

    spike_found_by_a_search(desk, people)
    dashboard = Dashboard(UiContext(desk, people["ana"], account="AytoJun"))
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    qtbot.waitUntil(lambda: "EndesaMeEstresa" in dashboard.campaigns.text(), timeout=10_000)
    assert f"{SEARCH_SPIKE} menciones" in dashboard.campaigns.text()


def test_a_handle_x_does_not_know_saves_nothing(desk: Desk, client: XClient,
                                                people: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as unknown:
        resolve_handle(client, UNKNOWN_HANDLE)
    assert unknown.value.code == "staff.unknown_handle"
    assert f"@{UNKNOWN_HANDLE}" in str(unknown.value) and "nothing was saved" in str(unknown.value)
    with pytest.raises(ValidationError) as bad:
        resolve_handle(client, "no es un handle")
    assert bad.value.code == "staff.bad_handle"
    user = resolve_handle(client, SWEEPER.handle)
    with pytest.raises(ValidationError) as department:
        desk.streams.add_staff(people["ana"], user, "barrenderos")
    assert department.value.code == "department.unknown"
    with pytest.raises(PermissionDeniedError):
        desk.streams.add_staff(people["luis"], user, "limpieza")
    assert count(desk, StaffAccount) == 0
    with desk.db.session(readonly=True) as session:
        outcomes = list(session.scalars(select(AuditEvent.outcome)
                                        .where(AuditEvent.action == "staff.add")))
    assert outcomes == ["refused"]


def test_a_search_x_rejects_saves_nothing(desk: Desk, client: XClient) -> None:
    with pytest.raises(ValidationError) as rejected:
        try_search(client, "(luz OR")
    assert rejected.value.code == "search.rejected"
    assert "(luz OR" in str(rejected.value) and "nothing was saved" in str(rejected.value)
    with pytest.raises(ValidationError) as long:
        try_search(client, "Jun " * 200)
    assert long.value.code == "search.bad_query"
    assert count(desk, WatchedSearch) == 0


def test_removing_a_staff_account_stops_its_streams(desk: Desk, client: XClient,
                                                    people: dict) -> None:  # type: ignore[type-arg]
    add_sweeper(desk, client, people)
    assert len(desk.streams.watched()) == 2
    desk.streams.remove_staff(people["ana"], "@barrenderojun")
    assert desk.streams.watched() == [] and desk.streams.staff_ids() == {SWEEPER.id}
    report = SyncEngine(desk, client, page_size=50).sync_once()
    assert report.streams == {}


def test_as_the_budget_runs_short_watched_streams_pause_first(
        desk: Desk, client: XClient, people: dict, clock) -> None:  # type: ignore[no-untyped-def,type-arg]
    from datetime import timedelta

    from jun_desk.domain.costs import Charge, Kind

    add_sweeper(desk, client, people)
    search = desk.streams.add_search(people["ana"], "#EndesaMeEstresa")
    desk.costs.set_budget(people["ana"], "AytoJun", monthly=10)
    today = clock().date()
    days = [today - timedelta(days=n) for n in range(today.day)]
    desk.costs.record("AytoJun", [Charge(d, "mentions", Kind.POST, f"{d}-{i}")
                                  for d in days for i in range(1980 // len(days))])
    state = desk.costs.state("AytoJun")
    assert state.pace.value == "stretched" and state.factor > 15
    report = SyncEngine(desk, client, page_size=100).sync_once()
    watched = {search.stream, Stream(StreamKind.STAFF, SWEEPER.id),
               Stream(StreamKind.STAFF_POSTS, SWEEPER.id)}
    assert set(report.skipped) == watched and report.streams == {}
    assert report.mentions.inserted > 300 and report.dms.inserted > 0


def test_erasing_a_citizen_scrubs_a_staff_reply_that_named_them(
        desk: Desk, client: XClient, sandbox: Sandbox, people: dict) -> None:  # type: ignore[type-arg]
    add_sweeper(desk, client, people)
    SyncEngine(desk, client, page_size=50).sync_once()
    reply = next(t for t in sandbox.state.tweets
                 if t.author_id == SWEEPER.id and t.in_reply_to_id)
    citizen = sandbox.scenario.users[reply.in_reply_to_user_id or ""]
    before = [i for i in items_by(desk, SWEEPER.id) if i.x_id == str(reply.id)]
    assert before and f"@{citizen.username}" in before[0].text and before[0].ticket_id is None
    desk.rights.erase(people["ana"], citizen.username, key=b"k" * 32, confirmed=True)
    after = [i for i in items_by(desk, "[anonimizado]") if i.x_id == str(reply.id)]
    assert after and citizen.username not in after[0].text


def test_a_failing_stream_holds_back_only_itself(desk: Desk, client: XClient,
                                                 people: dict) -> None:  # type: ignore[type-arg]
    """A search X now refuses (saved when X took it; X's rules changed since): it fails
    and waits its backoff, the town's streams and the staff account's go on."""
    add_sweeper(desk, client, people)
    broken = desk.streams.add_search(people["ana"], "(luz OR")  # not tried on X: as if
    report = SyncEngine(desk, client, page_size=100).sync_once()
    assert set(report.failed) == {broken.stream}
    assert report.failed[broken.stream].failure.value == "bad_request"
    assert report.mentions.inserted > 300 and report.dms.inserted > 0
    assert report.streams[f"staff:{SWEEPER.id}"].inserted == SWEEPER.mentions
    assert not report.complete


def test_a_training_desk_watches_the_sandboxs_staff_and_searches_once(desk: Desk) -> None:
    from jun_desk.config import SignInSettings
    from jun_desk.start.database import who_signs_in

    who_signs_in(desk, SignInSettings(), training=True)
    assert sorted(m.handle for m in desk.streams.staff()) == sorted(s.handle for s in STAFF)
    assert [w.query for w in desk.streams.searches()] == ["#EndesaMeEstresa", "Jun -is:retweet"]
    desk.streams.remove_staff(desk.operators.actor("formacion"), SWEEPER.handle)
    who_signs_in(desk, SignInSettings(), training=True)  # opened again: nothing added back
    assert len(desk.streams.staff()) == len(STAFF) - 1 and len(desk.streams.searches()) == 2


def test_the_same_search_twice_is_one_stream(desk: Desk, people: dict) -> None:  # type: ignore[type-arg]
    first = desk.streams.add_search(people["ana"], "#EndesaMeEstresa")
    again = desk.streams.add_search(people["ana"], "  #EndesaMeEstresa ")
    assert again == first and len(desk.streams.watched()) == 1
