"""The sync engine: mentions and DMs from X into the desk, page by page, never twice.

Each page is stored with the ingest service in one transaction. The stream's cursor moves
only with the last page of a walk (the newest id seen when the walk began), so a process
killed halfway simply walks again from the old cursor next time: pages already stored are
dropped by their unique X ids, nothing is skipped. A walk resumed from a killed run is
followed, in the same poll, by a walk from the top: every poll reaches "now".

One item that cannot be read whole never blocks the others: what X can tell again is
asked again (the tweet by id, its author by id), what still cannot be read waits in the
quarantine with its raw JSON and the reason. A page that cannot be read at all holds back
only its own stream, retried with backoff while the other stream goes on; after
``stall_after`` seconds of failing the desk says so (report, window, log).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from jun_desk.domain.costs import MAX_STRETCH, BudgetState, Charge, Pace, utc_day
from jun_desk.domain.costs import Kind as CostKind
from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.items import Stream, StreamKind, Unreadable, XItem, XUser, newer_id
from jun_desk.domain.streams import (
    StreamNames,
    WatchedStream,
    classify,
    pause_order,
    paused_streams,
)
from jun_desk.domain.walks import (
    DM_REACH,
    MENTIONS_REACH,
    SEARCH_REACH,
    WalkEnd,
    WalkGuard,
    WalkStopped,
)
from jun_desk.services.desk import Desk
from jun_desk.services.leases import PollerLease, lease_timing
from jun_desk.x.client import (
    DM_EVENTS,
    MENTIONS,
    SEARCH_RECENT,
    USER_TWEETS,
    ItemUnreadable,
    Page,
    XClient,
    dm_item,
    tweet_item,
)
from jun_desk.x.errors import CREDITS_RECHECK, Failure, XApiError
from jun_desk.x.media import MediaDownloader, MediaFetcher, MediaRound

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
T = TypeVar("T")

Progress = Callable[[Stream, int, int], None]  # stream, pages so far, new items so far


@dataclass
class StreamReport:
    pages: int = 0
    received: int = 0
    inserted: int = 0
    attached: int = 0
    quarantined: int = 0  # items kept in the quarantine (new ones)
    edited: int = 0  # stored tweets updated to a newer version
    walks: int = 0  # a resumed walk is followed by one from the top


@dataclass(frozen=True)
class Stall:
    """A stream that has failed for a while: since when, and the last error."""

    stream: Stream
    seconds: float
    error: XApiError


@dataclass
class SyncReport:
    account: str
    mentions: StreamReport = field(default_factory=StreamReport)
    dms: StreamReport = field(default_factory=StreamReport)
    # the watched streams (staff accounts, searches; issue 27), by Stream.value
    streams: dict[str, StreamReport] = field(default_factory=dict)
    skipped: list[Stream] = field(default_factory=list)  # paused as the budget runs short
    retries: int = 0
    rate_limited: int = 0
    standby: str | None = None  # another desk polls this account (its label): nothing done
    failed: dict[Stream, XApiError] = field(default_factory=dict)  # the other stream went on
    waiting: list[Stream] = field(default_factory=list)  # failing streams in their backoff
    stalled: list[Stall] = field(default_factory=list)  # failing for ``stall_after`` or more
    recovered: int = 0  # quarantined items read whole on a retry
    budget: BudgetState | None = None  # the month's X spend against the budget (issue 17)
    # walks stopped before X said they were over, lookups whose answer was not used (issue 23)
    stopped: list[WalkStopped] = field(default_factory=list)
    media: MediaRound | None = None  # the photos downloaded after the streams (issue 29)
    # the handles and queries the streams' stored names stand for (the window's words)
    names: StreamNames | None = None

    @property
    def paused(self) -> bool:
        """The X budget is spent: nothing was read."""
        return self.budget is not None and self.budget.pace is Pace.PAUSED

    def stats(self, stream: Stream) -> StreamReport:
        if stream == Stream.MENTIONS:
            return self.mentions
        if stream == Stream.DMS:
            return self.dms
        return self.streams.setdefault(stream.value, StreamReport())

    @property
    def all_stats(self) -> list[StreamReport]:
        return [self.mentions, self.dms, *self.streams.values()]

    @property
    def inserted(self) -> int:
        return sum(s.inserted for s in self.all_stats)

    @property
    def quarantined(self) -> int:
        return sum(s.quarantined for s in self.all_stats)

    @property
    def complete(self) -> bool:
        """Both streams were read up to now."""
        return (not self.failed and not self.waiting and self.standby is None
                and not self.walk_stopped)

    @property
    def walk_stopped(self) -> bool:
        """A stream's walk was stopped before X said it was over (a lookup whose answer
        was not used is reported, but reads nothing short)."""
        return any(s.stream not in ("users", "tweets") for s in self.stopped)


@dataclass
class _Health:
    failures: int = 0
    since: float | None = None  # monotonic time of the first failure in a row
    retry_at: float = 0.0
    error: XApiError | None = None
    warned: bool = False


class SyncEngine:
    def __init__(self, desk: Desk, client: XClient, *, page_size: int = 100,
                 max_attempts: int = 6, max_wait: float = 120.0,
                 sleep: Callable[[float], object] | None = None,
                 progress: Progress | None = None, stop: threading.Event | None = None,
                 lease: PollerLease | None = None, stream_backoff_cap: float = 300.0,
                 stall_after: float = 600.0,
                 monotonic: Callable[[], float] = time.monotonic,
                 media: MediaDownloader | bool | None = True) -> None:
        self.desk = desk
        self.lease = lease  # with several desks on one database: only the holder polls
        self.client = client
        self.page_size = page_size
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.progress = progress
        self.stop = stop or threading.Event()
        # Waiting on the stop event: a pause ends at once when the desk closes.
        self._sleep = sleep or self.stop.wait
        self.me: XUser | None = None
        # A stream whose pages cannot be read waits (exponential backoff up to this cap)
        # while the other goes on; 0 retries it on every poll.
        self.stream_backoff_cap = stream_backoff_cap
        self.stall_after = stall_after
        self._monotonic = monotonic
        self._health: dict[Stream, _Health] = {stream: _Health()
                                               for stream in Stream.own_streams()}
        # The streams besides the town's own two (issue 27), read afresh at every poll.
        self._watched: dict[Stream, WatchedStream] = {}
        self._staff_ids: set[str] = set()
        self.dm_probe = 5  # events in a walk's first DM page
        self.budget_state: BudgetState | None = None
        # Authors a users lookup left out (suspended or deleted): not asked again by this
        # run; a restart asks once more (X bills no resource for an id it does not know).
        self._unknown_to_x: set[str] = set()
        self._ask_earlier_authors = True
        self._credits: tuple[XApiError, float] | None = None  # X refused: spent credits
        self._seen_cleared: date | None = None
        self._stops: list[WalkStopped] = []  # this poll's (walks and lookups)
        # Photos downloaded after each poll's streams (True: with the client's account
        # and the desk's media settings; False: none, for tests of the streams alone).
        if media is True and isinstance(client, XClient):
            media = MediaDownloader(desk, MediaFetcher.like(
                client, max_bytes=desk.media.settings.max_download), stop=self.stop)
        self.media: MediaDownloader | None = \
            media if isinstance(media, MediaDownloader) else None

    # ------------------------------------------------------------------ public
    def sync_once(self) -> SyncReport:
        """One full poll of both streams. Transient failures are retried with backoff; a
        stream that still fails is reported in ``failed`` while the other goes on. Only
        when no stream could be read does the failure leave as XApiError."""
        report = SyncReport(account="?")
        self._stops = report.stopped
        self._ask_earlier_authors = True  # a failed lookup pauses it until the next poll
        me = self.me or self._retrying(report, "GET /2/users/me", self.client.me)
        self.me = me
        report.account = me.handle
        if self.lease is not None:
            state = self.desk.leases.acquire(me.handle, self.lease)
            if not state.held:
                report.standby = state.holder_label or "?"
                return report
        if self._credits is not None:
            err, until = self._credits
            if self._monotonic() < until:
                raise err  # spent credits: asked again once an hour, not on every poll
            self._credits = None
        report.budget = self.budget_state = self.desk.costs.state(me.handle)
        if report.paused:
            self._flush_charges(me)
            log.info("Sync: the month's X budget is spent; polling paused until %s",
                     report.budget.until)
            return report
        watched = self.desk.streams.watched()
        self._watched = {w.stream: w for w in watched}
        self._staff_ids = self.desk.streams.staff_ids()
        report.names = self.desk.streams.names()
        # A stream removed since (a staff account, a search) is no longer failing.
        self._health = {s: h for s, h in self._health.items()
                        if s.own or s in self._watched}
        order = pause_order(watched)
        skipped = paused_streams(order, report.budget.pace.value, report.budget.factor,
                                 MAX_STRETCH)
        self._retry_quarantined(me, report)
        attempted: list[XApiError] = []
        streams = [*Stream.own_streams(), *(s for s in reversed(order) if not s.own)]
        for stream in streams:
            if stream in skipped:
                report.skipped.append(stream)
                continue
            health = self._health.setdefault(stream, _Health())
            if health.failures and self._monotonic() < health.retry_at:
                report.waiting.append(stream)
                continue
            if attempted and attempted[-1].failure is Failure.CREDITS:
                # Spent credits refuse every request: one refusal per poll is enough.
                report.failed[stream] = attempted[-1]
                attempted.append(attempted[-1])
                continue
            try:
                self._read(me, stream, report)
            except XApiError as err:
                attempted.append(err)
                report.failed[stream] = err
                if err.failure is Failure.CREDITS:
                    self._credits = (err, self._monotonic() + CREDITS_RECHECK)
                else:
                    self._failed(stream, err)
            else:
                self._recovered(stream)
        self._flush_charges(me)
        report.media = self._download_media()
        report.budget = self.budget_state = self.desk.costs.state(me.handle)
        report.stalled = self.stalled()
        for stall in report.stalled:
            health = self._health[stall.stream]
            if not health.warned:
                health.warned = True
                log.warning("Sync: the %s of @%s have not been read for %d minutes: %s",
                            stall.stream.value, me.handle, stall.seconds // 60,
                            stall.error)
        if attempted and len(attempted) + len(report.waiting) == len(streams) - len(skipped):
            raise attempted[0]
        return report

    def renew_media_fetcher(self) -> None:
        """After ``client`` changed (new keys): the photos are fetched with its account."""
        if self.media is not None and isinstance(self.client, XClient):
            old, self.media.fetcher = self.media.fetcher, MediaFetcher.like(
                self.client, max_bytes=self.desk.media.settings.max_download)
            old.close()

    def _download_media(self) -> MediaRound | None:
        """The photos of what was stored: after the streams, so they never wait for one;
        a failure here is logged and tried again next poll."""
        if self.media is None:
            return None
        try:
            return self.media.run()
        except JunDeskError as err:
            log.warning("Sync: the photos could not be downloaded this time: %s", err)
            return None

    def stalled(self) -> list[Stall]:
        """Streams that have failed for ``stall_after`` seconds or more."""
        now = self._monotonic()
        return [Stall(stream, now - h.since, h.error) for stream, h in self._health.items()
                if h.since is not None and h.error is not None
                and now - h.since >= self.stall_after]

    def _failed(self, stream: Stream, err: XApiError) -> None:
        health = self._health[stream]
        now = self._monotonic()
        health.failures += 1
        health.error = err
        if health.since is None:
            health.since = now
        if self.stream_backoff_cap > 0:
            health.retry_at = now + backoff(health.failures, base=2.0,
                                            cap=self.stream_backoff_cap)
        log.info("Sync: %s failed (%d in a row), the other stream goes on: %s",
                 stream.value, health.failures, err)

    def _recovered(self, stream: Stream) -> None:
        health = self._health[stream]
        if health.warned:
            log.warning("Sync: the %s are read again after %d failed polls", stream.value,
                        health.failures)
        self._health[stream] = _Health()

    def _flush_charges(self, me: XUser) -> None:
        """Charges no stored page took (users/me, a poll that stored nothing); once a UTC
        day, the de-duplication entries of days gone are dropped."""
        with self.client.billed() as charges:
            self.desk.costs.record(me.handle, charges)
        today = utc_day(self.desk.ctx.clock())
        if self._seen_cleared != today:
            self.desk.costs.forget_old(me.handle)
            self._seen_cleared = today

    def next_delay(self, floor: float) -> float:
        """When to poll again: never sooner than ``floor`` (stretched when the month's X
        spend nears its budget; at the budget, when the month ends), nor than the rate
        budget allows."""
        budget = self.client.budget
        state = self.budget_state
        if state is not None and state.pace is Pace.PAUSED and state.until is not None:
            wait = (state.until - self.desk.ctx.clock()).total_seconds()
            floor = max(floor, min(wait, CREDITS_RECHECK))  # re-read the budget hourly
        elif state is not None:
            floor *= state.factor
        endpoints = {MENTIONS, DM_EVENTS}
        for stream in self._watched:  # staff timelines and searches have limits of their own
            endpoints.add(USER_TWEETS if stream.kind is StreamKind.STAFF_POSTS
                          else SEARCH_RECENT if stream.kind is StreamKind.SEARCH else MENTIONS)
        return max(floor, *(budget.delay(e) for e in endpoints))

    # ------------------------------------------------------------------ streams
    def _read(self, me: XUser, stream: Stream, report: SyncReport) -> None:
        if stream == Stream.MENTIONS:
            self._mentions(me, report)
        elif stream == Stream.DMS:
            self._dms(me, report)
        else:
            self._watched_stream(me, self._watched[stream], report)

    def _watched_stream(self, me: XUser, watched: WatchedStream, report: SyncReport) -> None:
        """A staff account's mentions or own posts, or a watched search: newest first down
        to the cursor, like the town's mentions. A stream read for the first time walks
        back to when it was added, not through all X keeps (a week of a search's posts)."""
        stream = watched.stream
        target = watched.target
        endpoint: str
        fetch: Callable[[str | None, str | None], Page]
        if stream.kind is StreamKind.STAFF:
            endpoint = MENTIONS
            fetch = lambda token, cursor: self.client.user_mentions(  # noqa: E731
                target, stream, since_id=cursor, pagination_token=token,
                max_results=self.page_size)
        elif stream.kind is StreamKind.STAFF_POSTS:
            endpoint = USER_TWEETS
            fetch = lambda token, cursor: self.client.user_tweets(  # noqa: E731
                target, since_id=cursor, pagination_token=token,
                max_results=max(5, self.page_size), stream=stream)
        else:
            endpoint = SEARCH_RECENT
            fetch = lambda token, cursor: self.client.search_recent(  # noqa: E731
                target, stream, since_id=cursor, next_token=token,
                max_results=self.page_size)
        reach = MENTIONS_REACH if stream.kind is StreamKind.STAFF else SEARCH_REACH
        since = watched.since

        def is_last(page: Page, cursor: str | None) -> bool:
            return page.next_token is None or (cursor is None and (since is None or any(
                i.created_at < since for i in page.items)))

        self._walk(me, stream, endpoint, report.stats(stream), report, fetch, is_last,
                   lambda cursor, token: WalkGuard(cursor=cursor, token=token,
                                                   max_items=reach))

    def _mentions(self, me: XUser, report: SyncReport) -> None:
        """X serves the latest 800 mentions: a walk that brings more has passed its reach."""
        self._walk(me, Stream.MENTIONS, MENTIONS, report.mentions, report,
                   lambda token, cursor: self.client.mentions(
                       me.x_id, since_id=cursor, pagination_token=token,
                       max_results=self.page_size),
                   lambda page, _cursor: page.next_token is None,
                   lambda cursor, token: WalkGuard(cursor=cursor, token=token,
                                                   max_items=MENTIONS_REACH))

    def _dms(self, me: XUser, report: SyncReport) -> None:
        """DM events have no since_id: walk newest-first until a known id shows up. The
        first page of a poll is small (``dm_probe``) once the desk has read the stream:
        X bills every event a page returns, and the first poll of a UTC day would otherwise
        pay again for a page of known ones. A first backfill reads whole pages."""
        self._walk(me, Stream.DMS, DM_EVENTS, report.dms, report,
                   lambda token, cursor: self.client.dm_events(
                       pagination_token=token,
                       max_results=self.page_size if token or cursor is None
                       else min(self.page_size, self.dm_probe)),
                   lambda page, cursor: page.next_token is None or (cursor is not None and any(
                       int(i) <= int(cursor) for i in _page_ids(page))),
                   lambda cursor, token: WalkGuard(cursor=cursor, token=token,
                                                   max_span=DM_REACH))

    def _walk(self, me: XUser, stream: Stream, endpoint: str, stats: StreamReport,
              report: SyncReport, fetch: Callable[[str | None, str | None], Page],
              is_last: Callable[[Page, str | None], bool],
              guard_for: Callable[[str | None, str | None], WalkGuard]) -> None:
        """Pages newest first; the stream's cursor moves only with the last one. Where the
        walk stands (next token, newest id) is saved with every page, so a failing page or
        a killed process goes on from there instead of walking again from the cursor.

        A walk resumed that way ends at the cursor of the run that began it; what arrived
        since is above it, so a walk from the top follows at once: the poll reaches now.

        Every walk ends (issue 23): a page after which the walk would go on is judged by a
        :class:`WalkGuard`. A repeated token or a page with nothing new stops the walk with
        the page stored, the cursor where it was and the walk forgotten: the next poll
        reads again from the cursor, and what was stored is dropped there by its id. A walk
        past X's reach ends as X's own last page would (the cursor moves to its newest)."""
        resumed = self.desk.ingest.walk(me.handle, stream)
        token, newest = resumed or (None, None)
        while not self.stop.is_set():
            cursor = self.desk.ingest.cursor(me.handle, stream)
            stats.walks += 1
            guard = guard_for(cursor, token)
            while not self.stop.is_set():
                try:
                    page = self._retrying(report, endpoint, partial(fetch, token, cursor))
                except XApiError as err:
                    if token is not None and err.failure is Failure.BAD_REQUEST:
                        # X no longer knows the token (too old): walk again from the cursor.
                        self.desk.ingest.ingest_page(me.handle, stream, [], [], None, walk=None)
                    raise
                read = page
                page = self._complete(stream, self._classified(me, stream, page))
                newest = newer_id(newest, page.newest_id)
                last = is_last(page, cursor)
                end = None if last else guard.check(
                    _page_ids(read), page.next_token, [i.created_at for i in read.items])
                last = last or end is WalkEnd.LIMIT
                # (is_last holds on a page without a next token: a walk goes on by one)
                walk = None if last or end or page.next_token is None \
                    else (page.next_token, newest)
                self._store(me, stream, page, newest if last else None, stats, walk)
                if end is not None:
                    self._walk_stopped(me, stream, end, guard.pages)
                    return
                if last:
                    break
                token = page.next_token
            if resumed is None:
                return
            resumed, token, newest = None, None, None  # now from the top, up to now

    def _classified(self, me: XUser, stream: Stream, page: Page) -> Page:
        """The town's and staff accounts' own posts are no messages for the feed; a
        retweet in a watched stream is no new message (``domain.streams.classify``)."""
        items = classify(stream, page.items, me.x_id, self._staff_ids)
        return page if items == page.items else replace(page, items=items)

    def _walk_stopped(self, me: XUser, stream: Stream, end: WalkEnd, pages: int) -> None:
        limit = ("30 days of DM events" if stream == Stream.DMS
                 else f"{SEARCH_REACH} posts" if stream.kind is StreamKind.SEARCH
                 else "800 mentions")
        self._stopping(WalkStopped.because(end, stream.value, page=pages, limit=limit),
                       me.handle)

    def _stopping(self, stop: WalkStopped, handle: str) -> None:
        """A stop said once per poll (for each stream and reason), in the log and the
        report."""
        if any(s.code == stop.code and s.stream == stop.stream for s in self._stops):
            return
        log.warning("Sync of @%s: %s", handle, stop)
        self._stops.append(stop)

    # ------------------------------------------------------------------ incomplete items
    def _complete(self, stream: Stream, page: Page) -> Page:
        """Ask X again for what a page sent incomplete: tweets without author or text by
        id, authors the page did not describe (and the desk does not know) by id. What
        still cannot be read stays in ``unreadable`` with the reason."""
        items, users = list(page.items), list(page.users)
        again = [u for u in page.unreadable if u.refetch and u.x_id]
        unreadable = [u for u in page.unreadable if not (u.refetch and u.x_id)]
        if again:
            read, still = self._read_again(again)
            items += read.items
            users += read.users
            unreadable += still
        self._look_up_authors(items, users)
        if not again and len(users) == len(page.users):
            return page
        return replace(page, items=items, users=users, unreadable=unreadable)

    def _read_again(self, entries: list[Unreadable]) -> tuple[Page, list[Unreadable]]:
        """Tweets by id (GET /2/tweets?ids=). A failure of that call leaves them for the
        next poll (quarantined with status 'retry'), never holds the page back."""
        ids = [u.x_id for u in entries if u.x_id]
        failure: JunDeskError | None = None
        try:
            parts = [self.client.tweets(ids[at:at + 100]) for at in range(0, len(ids), 100)]
            page = Page([i for p in parts for i in p.items], [u for p in parts for u in p.users],
                        None, None, [], [u for p in parts for u in p.unreadable])
            if not set(_page_ids(page)) <= set(ids):
                # Not X's answer to this question (a repeated one): asked again next poll.
                failure = WalkStopped.because(WalkEnd.UNASKED, "tweets")
                self._stopping(failure, self.me.handle if self.me else "?")
        except XApiError as err:
            log.info("Sync: reading %d incomplete tweets again failed: %s", len(ids),
                     err)
            failure = err
        if failure is not None:
            transient = not isinstance(failure, XApiError) or failure.transient
            return Page([], [], None, None), [
                replace(u, reason=f"{u.reason}; reading it again from X failed: "
                                  f"{failure}", refetch=transient)
                for u in entries]
        why = {u.x_id: u.reason for u in page.unreadable}
        read = {i.x_id for i in page.items}
        still = [replace(u, reason=f"{u.reason}; read again by id: {why.get(u.x_id, 'same')}",
                         refetch=False)
                 for u in entries if u.x_id not in read]
        return page, still

    def _look_up_authors(self, items: list[XItem], users: list[XUser]) -> None:
        """Authors X has not described yet: this page's unknown ones, then those of items
        stored earlier whose lookup failed (the items were stored anyway; the citizen fills
        in when a lookup answers). At most 100, one request."""
        described = {u.x_id for u in users}
        wanted = {i.author_x_id for i in items if not i.kind.outgoing} - described
        if wanted:
            wanted -= self.desk.ingest.known_citizens(wanted)
        earlier: set[str] = set()
        if self._ask_earlier_authors:
            earlier = self.desk.ingest.undescribed_authors(
                exclude=described | wanted | self._unknown_to_x)
        asked = (sorted(wanted) + sorted(earlier))[:100]
        if not asked:
            return
        try:
            found = self.client.users(asked)
        except XApiError as err:
            log.info("Sync: looking up %d authors failed: %s", len(asked), err)
            self._ask_earlier_authors = False
            return
        if not {u.x_id for u in found} <= set(asked):
            # Not X's answer to this question (a repeated one): nobody in it is taken as
            # described or as unknown to X; they are asked again at the next poll.
            self._stopping(WalkStopped.because(WalkEnd.UNASKED, "users"),
                           self.me.handle if self.me else "?")
            self._ask_earlier_authors = False
            return
        users += found
        # Ids X leaves out are suspended or deleted accounts: not asked again by this run.
        self._unknown_to_x |= set(asked) - {u.x_id for u in found}

    def _retry_quarantined(self, me: XUser, report: SyncReport) -> None:
        """Quarantined items an operator (or a failed re-read) marked for retry: tweets are
        asked for again by id, DM events read again from their raw JSON."""
        due = self.desk.quarantine.due(me.handle)
        if not due:
            return
        for stream in sorted({Stream.parse(q.stream) for q in due}, key=lambda s: s.value):
            # The first reason only: each retry adds what it found, not a longer story.
            entries = [Unreadable(stream, q.x_id, q.reason.split("; ")[0].split(" (retried")[0],
                                  q.raw, refetch=True)
                       for q in due if q.stream == stream.value]
            if not entries:
                continue
            items: list[XItem] = []
            still: list[Unreadable] = []
            users: list[XUser] = []
            if stream.source == "tweet" and all(u.x_id for u in entries):
                page, still = self._read_again(entries)
                items, users = list(page.items), list(page.users)
            else:
                parse = tweet_item if stream.source == "tweet" else dm_item
                for u in entries:
                    try:
                        item = parse(u.raw, me.x_id)
                    except (ItemUnreadable, KeyError, TypeError, ValueError,
                            AttributeError, ArithmeticError, OSError) as err:
                        still.append(replace(u, reason=f"{u.reason} (retried: {err})",
                                             refetch=False))
                        continue
                    if item is not None:
                        items.append(item)
            items = classify(stream, items, me.x_id, self._staff_ids)
            self._look_up_authors(items, users)
            with self.client.billed() as charges:
                result = self.desk.ingest.store_recovered(
                    me.handle, stream, items, users, still, fence=self._fence(me),
                    charges=_restamped(stream, charges), route=self._watched.get(stream))
            report.recovered += len(items)
            stats = report.stats(stream)
            stats.inserted += result.inserted
            stats.edited += result.edited

    def _store(self, me: XUser, stream: Stream, page: Page, cursor: str | None,
               stats: StreamReport, walk: tuple[str, str | None] | None) -> None:
        for warning in page.warnings:
            log.info("X reported a partial error on %s: %s", stream.value, warning)
        with self.client.billed() as charges:
            result = self.desk.ingest.ingest_page(me.handle, stream, page.items, page.users,
                                                  cursor, walk=walk, fence=self._fence(me),
                                                  unreadable=page.unreadable,
                                                  charges=_restamped(stream, charges),
                                                  route=self._watched.get(stream))
        stats.pages += 1
        stats.received += result.received
        stats.inserted += result.inserted
        stats.attached += result.attached
        stats.quarantined += result.quarantined
        stats.edited += result.edited
        if self.progress is not None:
            self.progress(stream, stats.pages, stats.inserted)

    def _fence(self, me: XUser) -> Callable[[Session], None] | None:
        lease = self.lease
        if lease is None:
            return None
        return lambda session: self.desk.leases.fence(session, me.handle, lease)

    # ------------------------------------------------------------------ retries
    def _retrying(self, report: SyncReport, endpoint: str, call: Callable[[], T]) -> T:
        attempt = 0
        while True:
            wait = self.client.budget.delay(endpoint, spread=False)
            if wait > self.max_wait:
                raise XApiError(Failure.RATE_LIMITED, status=429, retry_after=wait)
            if wait > 0:
                self._sleep(wait)
            try:
                return call()
            except XApiError as err:
                attempt += 1
                if err.failure is Failure.RATE_LIMITED:
                    report.rate_limited += 1
                if not err.transient or attempt >= self.max_attempts or self.stop.is_set():
                    raise
                report.retries += 1
                delay = backoff(attempt)
                if err.retry_after is not None:
                    if err.retry_after > self.max_wait:
                        raise
                    delay = max(delay, err.retry_after)
                log.info("Sync: %s; retrying in %.1f s", err, delay)
                self._sleep(delay)


def _restamped(stream: Stream, charges: list[Charge]) -> list[Charge]:
    """A watched stream's charges go on its own cost line; a staff account's posts are
    not the town's own (X bills them as any post, not as an owned read)."""
    if stream.own:
        return charges
    return [replace(c, stream=stream.value,
                    kind=CostKind.POST if c.kind is CostKind.OWNED_POST else c.kind)
            for c in charges]


def _page_ids(page: Page) -> list[str]:
    """Every id the page held, readable or not (the DM walk stops at a known one)."""
    return [i.x_id for i in page.items] + [u.x_id for u in page.unreadable if u.x_id]


def backoff(attempt: int, base: float = 0.5, cap: float = 60.0) -> float:
    """Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, … capped, randomised."""
    ceiling = min(cap, base * 2.0 ** (attempt - 1))
    return ceiling / 2 + random.random() * ceiling / 2


def watch(engine: SyncEngine, *, interval: float, on_report: Callable[[SyncReport], None],
          on_error: Callable[[JunDeskError], None], stop: threading.Event) -> None:
    """Poll until ``stop`` is set; one failure (X, or a locked or unreachable database)
    never ends the loop. With a lease, the pause between polls renews it (or, on standby,
    watches for the holder to go away and takes over at once)."""
    failures = 0
    standby = False
    depleted = False  # spent X credits were reported: said once, checked hourly
    while not stop.is_set():
        try:
            report = engine.sync_once()
            standby = report.standby is not None
            on_report(report)
            failures = 0
            depleted = False
            delay = engine.next_delay(interval)
        except JunDeskError as err:
            credits = isinstance(err, XApiError) and err.failure is Failure.CREDITS
            if credits:
                if not depleted:
                    on_error(err)
                depleted = True
                _pause(engine, max(interval, CREDITS_RECHECK), stop,
                       lease_timing(interval)[1], standby)
                continue
            failures += 1
            on_error(err)
            retry_after = err.retry_after if isinstance(err, XApiError) else None
            delay = max(interval, backoff(failures, base=interval, cap=15 * 60),
                        retry_after or 0)
        _pause(engine, delay, stop, lease_timing(interval)[1], standby)


def _pause(engine: SyncEngine, delay: float, stop: threading.Event, heartbeat: float,
           standby: bool) -> None:
    if engine.lease is None or engine.me is None:
        stop.wait(delay)
        return
    end = time.monotonic() + delay
    while not stop.is_set() and (left := end - time.monotonic()) > 0:
        stop.wait(min(heartbeat, left))
        try:
            held = engine.desk.leases.acquire(engine.me.handle, engine.lease).held
        except JunDeskError as err:
            log.info("Poller lease: %s", err)
            continue
        if held and standby:
            return  # the holder went away: poll now
