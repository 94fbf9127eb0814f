"""Pages whose items X sends incomplete or with things the desk has never seen: every item
that can be read is stored, the rest waits in the quarantine with the reason, and the
next pages arrive. Real tweepy client, real sandbox, real databases (SQLite, PostgreSQL).
"""

from __future__ import annotations

import logging
import math

import pytest
from sqlalchemy import select

from jun_desk.domain.items import ItemKind, Stream
from jun_desk.domain.quarantine import QuarantineStatus
from jun_desk.services.desk import Desk
from jun_desk.store.models import AuditEvent, QuarantinedItem, SyncCursor, TicketItem
from jun_desk.x.client import XClient, dm_item, tweet_item
from jun_desk.x.errors import Failure, XApiError
from jun_desk.x.sandbox import ids as sandbox_ids
from jun_desk.x.sandbox.server import Sandbox
from jun_desk.x.sync import SyncEngine
from tests.x.conftest import scenario_dm_ids, scenario_mention_ids, scenario_mention_versions

ME = "1200000000000000001"


def rows(desk: Desk, kind: str) -> dict[str, TicketItem]:
    with desk.db.session(readonly=True) as session:
        found = session.scalars(select(TicketItem).where(TicketItem.kind == kind)).all()
        session.expunge_all()
        return {r.x_id: r for r in found}


def quarantine(desk: Desk) -> dict[str, QuarantinedItem]:
    with desk.db.session(readonly=True) as session:
        found = session.scalars(select(QuarantinedItem)).all()
        session.expunge_all()
        return {q.item_key: q for q in found}


def forget_cursor(desk: Desk, stream: Stream) -> None:
    with desk.db.session() as session:
        session.get(SyncCursor, ("AytoJun", stream.value)).cursor = None


def some(ids: set[str], n: int, step: int = 37) -> list[str]:
    ordered = sorted(ids, key=int)
    return ordered[::step][:n]


def test_tweets_without_author_are_read_again_by_id(desk: Desk, client: XClient,
                                                   sandbox: Sandbox) -> None:
    mentions = scenario_mention_ids(sandbox)
    broken = some(mentions, 6)
    sandbox.item_faults.strip = {i: ("author_id",) for i in broken}
    report = SyncEngine(desk, client, page_size=50).sync_once()
    stored = rows(desk, "mention")
    assert set(stored) == mentions and report.complete
    assert all(stored[i].author_x_id.isdigit() and stored[i].citizen_id for i in broken)
    assert sandbox.state.stats.by_endpoint["GET /2/tweets"] >= 1
    assert quarantine(desk) == {} and report.quarantined == 0


def test_what_x_cannot_tell_again_is_quarantined_and_the_next_pages_arrive(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    mentions, dms = scenario_mention_ids(sandbox), scenario_dm_ids(sandbox)
    no_author = some(mentions, 4)
    no_sender = some(dms, 3, step=11)
    sandbox.item_faults.strip = {**{i: ("author_id",) for i in no_author},
                                 **{i: ("sender_id",) for i in no_sender}}
    sandbox.item_faults.strip_in_lookup = True
    report = SyncEngine(desk, client, page_size=20).sync_once()
    # Every other item stored, across all the pages after the broken ones.
    assert set(rows(desk, "mention")) == mentions - set(no_author)
    assert set(rows(desk, "dm_in")) | set(rows(desk, "dm_out")) == dms - set(no_sender)
    held = quarantine(desk)
    assert set(held) == set(no_author) | set(no_sender)
    for x_id in no_author:
        entry = held[x_id]
        assert entry.stream == "mentions" and entry.status == "open"
        assert "author_id missing" in entry.reason and "read again by id" in entry.reason
        assert entry.raw["id"] == x_id and "author_id" not in entry.raw  # as X sent it
    for x_id in no_sender:
        assert held[x_id].stream == "dms" and "sender_id missing" in held[x_id].reason
    assert report.quarantined == len(held) and report.mentions.pages == math.ceil(
        len(mentions) / 20)
    # The cursors moved past the quarantined items: they are kept, not lost.
    assert desk.ingest.cursor("AytoJun", Stream.MENTIONS) == max(mentions, key=int)
    with desk.db.session(readonly=True) as session:
        added = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "quarantine.add")).all()
        assert sum(e.after["items"] for e in added) == len(held)
    # Seen again (a walk over the same pages): one entry each, one more attempt.
    forget_cursor(desk, Stream.MENTIONS)
    SyncEngine(desk, client, page_size=20).sync_once()
    again = quarantine(desk)
    assert set(again) == set(held)
    assert all(again[i].attempts == 2 for i in no_author)
    assert desk.quarantine.count_pending() == len(held)


def test_tweets_and_dms_without_created_at_take_it_from_their_id(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    mentions, dms = scenario_mention_ids(sandbox), scenario_dm_ids(sandbox)
    targets = some(mentions, 3) + some(dms, 3, step=13)
    sandbox.item_faults.strip = {i: ("created_at",) for i in targets}
    sandbox.item_faults.strip_in_lookup = True
    SyncEngine(desk, client, page_size=100).sync_once()
    stored = {**rows(desk, "mention"), **rows(desk, "dm_in"), **rows(desk, "dm_out")}
    for x_id in targets:  # X's ids hold the time they were made, to the millisecond
        assert stored[x_id].created_at.timestamp() == pytest.approx(
            sandbox_ids.snowflake_time(int(x_id)), abs=0.001)
        assert "created_at" not in stored[x_id].raw
    others = [r for x, r in stored.items() if x not in targets]
    assert all(r.raw.get("created_at") for r in others)
    assert quarantine(desk) == {}


def test_dms_without_conversation_id_get_the_one_to_one_id(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    dms = scenario_dm_ids(sandbox)
    targets = some(dms, 4, step=7)
    sandbox.item_faults.strip = {i: ("dm_conversation_id",) for i in targets}
    SyncEngine(desk, client, page_size=100).sync_once()
    stored = {**rows(desk, "dm_in"), **rows(desk, "dm_out")}
    truth = {str(d.id): d.conversation_id for d in sandbox.state.dms}
    assert all(stored[i].conversation_id == truth[i] for i in targets)


def test_pages_without_includes_look_up_the_authors(desk: Desk, client: XClient,
                                                   sandbox: Sandbox) -> None:
    sandbox.item_faults.no_includes = True
    report = SyncEngine(desk, client, page_size=100).sync_once()
    stored = rows(desk, "mention")
    assert set(stored) == scenario_mention_ids(sandbox) and report.complete
    assert all(r.citizen_id is not None for r in stored.values())
    assert set(rows(desk, "dm_in")) == {str(d.id) for d in sandbox.state.dms
                                        if d.sender_id != ME}
    looked_up = sandbox.state.stats.by_endpoint["GET /2/users"]
    assert looked_up >= 1
    # Known citizens are not looked up again (each lookup costs money on X).
    again = SyncEngine(desk, client, page_size=100).sync_once()
    assert again.inserted == 0
    assert sandbox.state.stats.by_endpoint["GET /2/users"] == looked_up


def test_unknown_fields_reference_types_and_media_types_are_not_fatal(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    sandbox.item_faults.unknown_types = True
    report = SyncEngine(desk, client, page_size=100).sync_once()
    stored = rows(desk, "mention")
    assert set(stored) == scenario_mention_ids(sandbox) and report.complete
    assert set(rows(desk, "dm_in")) | set(rows(desk, "dm_out")) == scenario_dm_ids(sandbox)
    assert quarantine(desk) == {}
    sample = next(iter(stored.values()))
    assert sample.media_count >= 1  # the unknown media type still counts as an attachment
    # A reply keeps its replied_to reference beside the unknown one.
    replies = [r for r in stored.values() if r.in_reply_to_x_id]
    assert replies


def test_items_that_are_not_objects_or_lack_an_id_are_kept_with_a_digest() -> None:
    from jun_desk.x.client import ItemUnreadable

    for bad in (["a list"], {"text": "no id"}, {"id": "abc", "text": "x"}):
        try:
            tweet_item(bad, ME)
        except ItemUnreadable as err:
            assert err.reason in ("not a JSON object", "no valid id")
        else:  # pragma: no cover
            raise AssertionError(bad)
    # DM events that are not messages are not stored, and are no error.
    assert dm_item({"id": "5", "event_type": "ParticipantsJoin"}, ME) is None
    assert dm_item({"id": "6", "event_type": "SomethingNew", "x": 1}, ME) is None
    item = tweet_item({"id": "1460323737035677698", "text": "hola @AytoJun", "author_id": "7",
                       "referenced_tweets": [{"type": "quoted", "id": "9"},
                                             {"type": "future", "id": "8"}, "junk",
                                             {"type": "replied_to", "id": "3"}],
                       "attachments": {"media_keys": ["7_video", "16_gif"]},
                       "created_at": "not a time"}, ME)
    assert (item.in_reply_to_x_id, item.media_count) == ("3", 2)
    # An id too large to hold a time, and no created_at: unreadable, not a crash.
    try:
        tweet_item({"id": "9" * 40, "text": "x", "author_id": "7"}, ME)
    except ItemUnreadable as err:
        assert "no valid time" in err.reason
    else:  # pragma: no cover
        raise AssertionError("an id with no time in it")
    # An empty text is still a text (a tweet that is only media); a missing one is not.
    assert tweet_item({"id": "12", "text": "", "author_id": "7"}, ME).text == ""
    try:
        tweet_item({"id": "12", "author_id": "7"}, ME)
    except ItemUnreadable as err:
        assert (err.reason, err.refetch) == ("text missing", True)
    else:  # pragma: no cover
        raise AssertionError("a tweet without text")
    assert item.created_at.isoformat().startswith("2021-11-15T19:08:05")


def test_a_page_broken_as_a_whole_holds_back_only_its_stream(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    sandbox.item_faults.broken_pages = {"GET /2/users/:id/mentions": 1000}
    engine = SyncEngine(desk, client, page_size=100, max_attempts=2, sleep=lambda s: None,
                        stream_backoff_cap=0)
    report = engine.sync_once()
    assert set(report.failed) == {Stream.MENTIONS}
    assert report.failed[Stream.MENTIONS].failure is Failure.MALFORMED
    assert set(rows(desk, "dm_in")) | set(rows(desk, "dm_out")) == scenario_dm_ids(sandbox)
    assert rows(desk, "mention") == {}
    sandbox.item_faults.broken_pages = {}
    again = engine.sync_once()
    assert again.complete and set(rows(desk, "mention")) == scenario_mention_ids(sandbox)


def test_a_stream_failing_for_ten_minutes_is_reported_and_backs_off(
        desk: Desk, client: XClient, sandbox: Sandbox, caplog) -> None:  # type: ignore[no-untyped-def]
    now = [1000.0]
    sandbox.item_faults.broken_pages = {"GET /2/dm_events": 10_000}
    engine = SyncEngine(desk, client, page_size=100, max_attempts=1, sleep=lambda s: None,
                        monotonic=lambda: now[0])
    first = engine.sync_once()
    assert set(first.failed) == {Stream.DMS} and not first.stalled
    # Within its backoff the failing stream waits; the mentions go on.
    second = engine.sync_once()
    assert second.waiting == [Stream.DMS] and Stream.DMS not in second.failed
    with caplog.at_level(logging.WARNING, logger="jun_desk.x.sync"):
        for _ in range(12):
            now[0] += 60
            report = engine.sync_once()
    assert report.stalled and report.stalled[0].stream is Stream.DMS
    assert report.stalled[0].seconds >= 600
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "dms of @AytoJun have not been read for 1" in warnings[0]
    # Both streams failing at once: the poll fails as a whole (the poller backs off).
    sandbox.item_faults.broken_pages["GET /2/users/:id/mentions"] = 10_000
    now[0] += 3600
    try:
        engine.sync_once()
    except XApiError as err:
        assert err.failure is Failure.MALFORMED
    else:  # pragma: no cover
        raise AssertionError("a poll that reads nothing must fail")
    sandbox.item_faults.broken_pages = {}
    now[0] += 3600
    assert engine.sync_once().complete and engine.stalled() == []


def test_quarantined_items_are_retried_or_dismissed_by_an_operator(
        desk: Desk, client: XClient, sandbox: Sandbox, people) -> None:  # type: ignore[no-untyped-def]
    mentions = scenario_mention_ids(sandbox)
    broken = some(mentions, 3)
    sandbox.item_faults.strip = {i: ("author_id", "text") for i in broken}
    sandbox.item_faults.strip_in_lookup = True
    engine = SyncEngine(desk, client, page_size=100)
    engine.sync_once()
    held = {q.x_id: q for q in desk.quarantine.list()}
    assert set(held) == set(broken)
    assert all("author_id and text missing" in q.reason for q in held.values())
    # X now serves them whole; an operator asks for one to be read again, dismisses another.
    sandbox.item_faults.strip = {}
    retry, dismiss, left = (held[i].id for i in broken)
    assert desk.quarantine.retry(people["luis"], [retry]) == 1
    assert desk.quarantine.dismiss(people["rosa"], [dismiss]) == 1
    report = engine.sync_once()
    assert report.recovered == 1
    stored = rows(desk, "mention")
    assert broken[0] in stored and broken[1] not in stored and broken[2] not in stored
    everything = {q.id: q for q in desk.quarantine.list(pending_only=False)}
    assert everything[retry].status is QuarantineStatus.STORED
    assert everything[dismiss].status is QuarantineStatus.DISMISSED
    assert everything[dismiss].closed_by == "rosa"
    assert everything[left].status is QuarantineStatus.OPEN
    assert [q.id for q in desk.quarantine.list()] == [left]
    with desk.db.session(readonly=True) as session:
        actions = [(e.action, e.actor_name) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("quarantine.%"))
            .order_by(AuditEvent.id))]
    assert ("quarantine.retry", "luis") in actions
    assert ("quarantine.dismiss", "rosa") in actions
    assert ("quarantine.stored", "sistema") in actions
    # Retried while X still sends it incomplete: one more attempt each time, same reason.
    sandbox.item_faults.strip = {broken[2]: ("author_id", "text")}
    for _ in range(2):
        desk.quarantine.retry(people["luis"], [left])
        engine.sync_once()
    (entry,) = desk.quarantine.list()
    assert entry.reason == ("author_id and text missing; read again by id: author_id and "
                            "text missing")
    assert (entry.attempts, entry.status) == (3, QuarantineStatus.OPEN)


def test_a_dismissed_item_seen_again_stays_dismissed(desk: Desk, client: XClient,
                                                   sandbox: Sandbox, people) -> None:  # type: ignore[no-untyped-def]
    dms = scenario_dm_ids(sandbox)
    broken = some(dms, 1)
    sandbox.item_faults.strip = {broken[0]: ("sender_id",)}
    SyncEngine(desk, client, page_size=100).sync_once()
    (entry,) = desk.quarantine.list()
    desk.quarantine.dismiss(people["luis"], [entry.id])
    forget_cursor(desk, Stream.DMS)  # the walk sees it again
    SyncEngine(desk, client, page_size=100).sync_once()
    (again,) = desk.quarantine.list(pending_only=False)
    assert again.status is QuarantineStatus.DISMISSED and again.attempts == 2
    assert desk.quarantine.count_pending() == 0


def test_an_edited_mention_updates_its_item_and_ticket(desk: Desk, client: XClient,
                                                       sandbox: Sandbox, people) -> None:  # type: ignore[no-untyped-def]
    engine = SyncEngine(desk, client, page_size=100)
    engine.sync_once()
    mentions = rows(desk, "mention")
    original = sorted(mentions, key=int)[-5]
    first_text = mentions[original].text
    ticket = desk.tickets.create_from_item(people["ana"], mentions[original].id)
    new = sandbox.state.edit_tweet(int(original),
                                   "@AytoJun corrijo: la farola de calle Real 12, no la 21")
    report = engine.sync_once()
    assert report.mentions.edited == 1 and report.mentions.inserted == 0
    after = rows(desk, "mention")
    assert len(after) == len(mentions)  # no second item, so no second ticket
    item = after[original]
    assert item.text == "@AytoJun corrijo: la farola de calle Real 12, no la 21"
    assert item.version_x_id == str(new.id) and item.ticket_id == ticket.id
    assert item.edit_history == [{"x_id": original, "text": first_text,
                                  "created_at": mentions[original].raw["created_at"]}]
    assert item.raw["edit_history_tweet_ids"] == [original, str(new.id)]
    (shown,) = desk.tickets.items(ticket.id)
    assert (shown.text, shown.earlier_versions) == (item.text, (first_text,))
    with desk.db.session(readonly=True) as session:
        edited = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "ticket.item_edited")).all()
    assert [(e.ticket_id, e.before["text"]) for e in edited] == [(ticket.id, first_text)]
    # A second edit keeps both earlier versions; polling again changes nothing.
    third = sandbox.state.edit_tweet(new.id, "@AytoJun calle Real 12 (foto en el hilo)")
    engine.sync_once()
    engine.sync_once()
    item = rows(desk, "mention")[original]
    assert item.version_x_id == str(third.id)
    assert [v["x_id"] for v in item.edit_history] == [original, str(new.id)]
    assert len(rows(desk, "mention")) == len(mentions)


def test_an_edit_seen_with_its_original_in_one_page_is_one_item(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    mentions = scenario_mention_ids(sandbox)
    original = sorted(mentions, key=int)[-3]
    new = sandbox.state.edit_tweet(int(original), "@AytoJun perdón, era en calle Ancha")
    # The new version and its original in one page: one item, showing the new text.
    SyncEngine(desk, client, page_size=100).sync_once()
    stored = rows(desk, "mention")
    assert str(new.id) not in stored and len(stored) == len(mentions)
    item = stored[original]
    assert item.text == "@AytoJun perdón, era en calle Ancha"
    assert item.version_x_id == str(new.id) and len(item.edit_history) == 1
    assert item.kind == ItemKind.MENTION


def test_a_broken_copy_of_a_stored_item_is_not_quarantined(desk: Desk, client: XClient,
                                                         sandbox: Sandbox) -> None:
    SyncEngine(desk, client, page_size=100).sync_once()
    mentions = scenario_mention_ids(sandbox)
    sandbox.item_faults.strip = {i: ("author_id",) for i in some(mentions, 3)}
    sandbox.item_faults.strip_in_lookup = True
    forget_cursor(desk, Stream.MENTIONS)  # the walk sees everything again, some broken
    report = SyncEngine(desk, client, page_size=100).sync_once()
    assert report.complete and report.quarantined == 0 and quarantine(desk) == {}
    assert set(rows(desk, "mention")) == mentions


BARE = ("author_id", "created_at", "conversation_id", "referenced_tweets", "attachments",
        "in_reply_to_user_id", "note_tweet")


def test_pages_of_bare_tweets_as_x_sends_when_fields_are_not_honoured(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    """Every mention carries only id, text and edit_history_tweet_ids, with no includes
    (as X answers when it ignores tweet.fields): the tweets are read again by id, and
    everything is stored; the poll completes instead of failing for ever."""
    mentions = scenario_mention_ids(sandbox)
    sandbox.item_faults.strip = dict.fromkeys(mentions, BARE)
    sandbox.item_faults.no_includes = True
    report = SyncEngine(desk, client, page_size=100).sync_once()
    stored = rows(desk, "mention")
    assert report.complete and set(stored) == mentions and quarantine(desk) == {}
    assert all(r.citizen_id is not None and r.raw.get("author_id") for r in stored.values())
    lookups = sandbox.state.stats.by_endpoint["GET /2/tweets"]
    assert lookups == math.ceil(len(mentions) / 100)  # one lookup per page, 100 ids each


def test_bare_tweets_that_x_will_not_complete_wait_in_the_quarantine(
        desk: Desk, client: XClient, sandbox: Sandbox) -> None:
    mentions = scenario_mention_versions(sandbox)  # each version of an edited tweet is bare
    sandbox.item_faults.strip = dict.fromkeys(mentions, BARE)
    sandbox.item_faults.strip_in_lookup = True
    engine = SyncEngine(desk, client, page_size=100)
    report = engine.sync_once()
    assert report.complete and report.quarantined == len(mentions)
    assert set(quarantine(desk)) == mentions and rows(desk, "mention") == {}
    assert desk.ingest.cursor("AytoJun", Stream.MENTIONS) == max(mentions, key=int)
    # The next poll starts after them: no new entries, no endless retry of one page.
    again = engine.sync_once()
    assert again.complete and again.quarantined == 0 and again.mentions.pages == 1
