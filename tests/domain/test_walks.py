"""The walk guard: every walk through X's pages ends, and an ordinary walk goes on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jun_desk.domain.walks import (
    EMPTY_PAGES_ALLOWED,
    WalkEnd,
    WalkGuard,
    WalkStopped,
)

T0 = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def ids(first: int, n: int) -> list[str]:
    """``n`` ids newest first, from ``first`` down."""
    return [str(first - k) for k in range(n)]


def test_an_ordinary_walk_goes_on_to_its_end() -> None:
    guard = WalkGuard(cursor="100", max_items=800)
    for page in range(8):
        assert guard.check(ids(1000 - 100 * page, 100), f"t{page}") is None
    assert guard.pages == 8


def test_the_same_token_again_stops_the_walk() -> None:
    guard = WalkGuard()
    assert guard.check(ids(500, 10), "A") is None
    assert guard.check(ids(490, 10), "B") is None
    assert guard.check(ids(490, 10), "B") is WalkEnd.REPEATED_TOKEN
    # a resumed walk's own token counts as given
    assert WalkGuard(token="B").check(ids(480, 10), "B") is WalkEnd.REPEATED_TOKEN


def test_a_page_with_nothing_new_stops_the_walk_even_with_a_fresh_token() -> None:
    guard = WalkGuard(cursor="400")
    assert guard.check(ids(500, 10), "A") is None
    assert guard.check(ids(500, 10), "A2") is WalkEnd.NO_PROGRESS
    # ids at or below the cursor are not new either (a server that ignores since_id)
    assert WalkGuard(cursor="400").check(ids(400, 10), "A") is WalkEnd.NO_PROGRESS


def test_an_overlapping_page_that_brings_something_new_goes_on() -> None:
    """The sync's overlap: a first page holding known ids beside new ones is progress."""
    assert WalkGuard(cursor="495").check(ids(500, 10), "A") is None  # 500..496 new
    guard = WalkGuard(cursor="480")
    assert guard.check(ids(500, 10), "A") is None
    assert guard.check(ids(495, 10), "B") is None  # 495..491 again, 490..486 new


def test_empty_pages_are_allowed_a_few_times_in_a_row() -> None:
    guard = WalkGuard()
    for n in range(EMPTY_PAGES_ALLOWED):
        assert guard.check([], f"E{n}") is None
    assert guard.check(ids(100, 5), "F") is None  # progress resets the count
    for n in range(EMPTY_PAGES_ALLOWED):
        assert guard.check([], f"G{n}") is None
    assert guard.check([], "H") is WalkEnd.NO_PROGRESS


def test_passing_x_s_reach_stops_the_walk() -> None:
    guard = WalkGuard(max_items=800)
    for page in range(8):
        assert guard.check(ids(10_000 - 100 * page, 100), f"t{page}") is None
    assert guard.check(ids(9_000, 1), "t8") is WalkEnd.LIMIT
    days = WalkGuard(max_span=timedelta(days=30))
    assert days.check(["9"], "a", [T0]) is None
    assert days.check(["8"], "b", [T0 - timedelta(days=30)]) is None
    assert days.check(["7"], "c", [T0 - timedelta(days=30, seconds=1)]) is WalkEnd.LIMIT


def test_a_stop_reads_in_english_with_its_stream_and_page() -> None:
    stop = WalkStopped.because(WalkEnd.REPEATED_TOKEN, "mentions", page=2)
    assert stop.stream == "mentions" and stop.reason is WalkEnd.REPEATED_TOKEN
    assert str(stop).startswith("The mentions walk stopped at page 2: X gave again a page "
                                "token it had already given")
    dms = WalkStopped.because(WalkEnd.LIMIT, "dms", page=9, limit="30 days of DM events")
    assert dms.stream == "dms" and "(30 days of DM events)" in str(dms)
    assert str(WalkStopped.because(WalkEnd.UNASKED, "users")).startswith(
        "X answered a users lookup with items it was not asked for")
