"""Streams with identity, what a page of a watched stream becomes, the budget's pause order
and a stream's expected monthly cost (issue 27), in plain Python."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jun_desk.domain.errors import ValidationError
from jun_desk.domain.items import ItemKind, Stream, StreamKind, XItem
from jun_desk.domain.streams import (
    WatchedStream,
    classify,
    clean_handle,
    clean_query,
    expected_monthly,
    pause_order,
    paused_streams,
)

TOWN, STAFF, CITIZEN = "1", "2", "3"
AT = datetime(2026, 11, 24, 9, tzinfo=UTC)


def item(x_id: str, author: str, kind: ItemKind = ItemKind.MENTION,
         raw: dict | None = None) -> XItem:  # type: ignore[type-arg]
    return XItem(x_id, kind, author, "texto", AT, raw=raw)


def test_the_towns_streams_keep_their_stored_names_and_others_have_a_key() -> None:
    assert Stream.MENTIONS.value == "mentions" and Stream.DMS.value == "dms"
    assert Stream.parse("mentions") is Stream.MENTIONS and Stream.parse("dms") is Stream.DMS
    staff = Stream.parse("staff:123")
    assert staff == Stream(StreamKind.STAFF, "123") and staff.value == "staff:123"
    assert not staff.own and Stream.MENTIONS.own and staff.source == "tweet"
    assert Stream.DMS.source == "dm"
    with pytest.raises(ValueError):
        Stream(StreamKind.SEARCH)
    with pytest.raises(ValueError):
        Stream(StreamKind.MENTIONS, "1")


def test_own_and_staff_posts_are_never_tickets_and_retweets_are_dropped() -> None:
    search = Stream(StreamKind.SEARCH, "1")
    retweet = item("13", CITIZEN, raw={"referenced_tweets": [{"type": "retweeted", "id": "9"}]})
    page = [item("10", CITIZEN), item("11", STAFF), item("12", TOWN, ItemKind.REPLY_OUT),
            retweet]
    kinds = [(i.x_id, i.kind) for i in classify(search, page, TOWN, {STAFF})]
    assert kinds == [("10", ItemKind.MENTION), ("11", ItemKind.STAFF_REPLY),
                     ("12", ItemKind.REPLY_OUT)]
    posts = Stream(StreamKind.STAFF_POSTS, STAFF)
    assert [i.x_id for i in classify(posts, page, TOWN, {STAFF})] == ["11", "12"]
    # the town's own mentions: a staff member answering there is staff, the rest as it was
    town = classify(Stream.MENTIONS, page, TOWN, {STAFF})
    assert [i.kind for i in town] == [ItemKind.MENTION, ItemKind.STAFF_REPLY,
                                      ItemKind.REPLY_OUT, ItemKind.MENTION]
    assert classify(Stream.DMS, page, TOWN, {STAFF}) == page
    assert ItemKind.STAFF_REPLY.outgoing


def test_the_pause_order_is_the_supervisors_with_the_towns_own_last() -> None:
    a = WatchedStream(Stream(StreamKind.STAFF, "7"), 100, "7")
    b = WatchedStream(Stream(StreamKind.SEARCH, "1"), 50, "Jun")
    c = WatchedStream(Stream(StreamKind.SEARCH, "2"), 200, "#Endesa")
    order = pause_order([a, b, c])
    assert order == [b.stream, a.stream, c.stream, Stream.MENTIONS, Stream.DMS]
    assert paused_streams(order, "normal", 1.0, 16.0) == set()
    assert paused_streams(order, "stretched", 2.0, 16.0) == {b.stream}
    assert paused_streams(order, "stretched", 16.0, 16.0) == {a.stream, b.stream, c.stream}
    assert paused_streams(order, "paused", 16.0, 16.0) == set(order)


def test_expected_monthly_cost_from_volume_or_the_stated_default() -> None:
    measured = expected_monthly(70, 7.0, 5_000, 10_000)
    assert measured.measured and measured.posts_per_day == 10
    assert measured.monthly_micro == (10 * 30 * (5_000 + 5_000))
    default = expected_monthly(None, 0, 5_000, 10_000)
    assert not default.measured and "default of 20 posts a day" in default.basis


def test_what_a_supervisor_types_is_checked_before_x_is_asked() -> None:
    assert clean_handle(" @BarrenderoJun ") == "BarrenderoJun"
    for bad in ("", "@", "no vale", "a" * 16, "@@x"):
        with pytest.raises(ValidationError) as err:
            clean_handle(bad)
        assert err.value.code == "staff.bad_handle"
    assert clean_query("  #Endesa   Jun ") == "#Endesa Jun"
    for bad in ("", "   ", "x" * 513):
        with pytest.raises(ValidationError) as err:
            clean_query(bad)
        assert err.value.code == "search.bad_query"
