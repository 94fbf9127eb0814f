"""The sync engine: mentions and DMs from X into the desk, page by page, never twice.

Each page is stored with the ingest service in one transaction. The stream's cursor moves
only with the last page of a walk (the newest id seen when the walk began), so a process
killed halfway simply walks again from the old cursor next time: pages already stored are
dropped by their unique X ids, nothing is skipped.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from jun_desk.domain.errors import JunDeskError
from jun_desk.domain.items import Stream, XUser, newer_id
from jun_desk.services.desk import Desk
from jun_desk.services.leases import PollerLease, lease_timing
from jun_desk.x.client import DM_EVENTS, MENTIONS, Page, XClient
from jun_desk.x.errors import Failure, XApiError

log = logging.getLogger(__name__)

Progress = Callable[[Stream, int, int], None]  # stream, pages so far, new items so far


@dataclass
class StreamReport:
    pages: int = 0
    received: int = 0
    inserted: int = 0
    attached: int = 0


@dataclass
class SyncReport:
    account: str
    mentions: StreamReport = field(default_factory=StreamReport)
    dms: StreamReport = field(default_factory=StreamReport)
    retries: int = 0
    rate_limited: int = 0
    standby: str | None = None  # another desk polls this account (its label): nothing done

    @property
    def inserted(self) -> int:
        return self.mentions.inserted + self.dms.inserted


class SyncEngine:
    def __init__(self, desk: Desk, client: XClient, *, page_size: int = 100,
                 max_attempts: int = 6, max_wait: float = 120.0,
                 sleep: Callable[[float], object] | None = None,
                 progress: Progress | None = None, stop: threading.Event | None = None,
                 lease: PollerLease | None = None) -> None:
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

    # ------------------------------------------------------------------ public
    def sync_once(self) -> SyncReport:
        """One full poll of both streams. Transient failures are retried with backoff; a
        failure that persists (or a permanent one) leaves as XApiError, nothing half-done."""
        report = SyncReport(account="?")
        me = self.me or self._retrying(report, "GET /2/users/me", self.client.me)
        self.me = me
        report.account = me.handle
        if self.lease is not None:
            state = self.desk.leases.acquire(me.handle, self.lease)
            if not state.held:
                report.standby = state.holder_label or "?"
                return report
        self._mentions(me, report)
        self._dms(me, report)
        return report

    def next_delay(self, floor: float) -> float:
        """When to poll again: never sooner than ``floor``, nor than the budget allows."""
        budget = self.client.budget
        return max(floor, budget.delay(MENTIONS), budget.delay(DM_EVENTS))

    # ------------------------------------------------------------------ streams
    def _mentions(self, me: XUser, report: SyncReport) -> None:
        cursor = self.desk.ingest.cursor(me.handle, Stream.MENTIONS)
        self._walk(me, Stream.MENTIONS, MENTIONS, report.mentions, report,
                   lambda token: self.client.mentions(me.x_id, since_id=cursor,
                                                      pagination_token=token,
                                                      max_results=self.page_size),
                   lambda page: page.next_token is None)

    def _dms(self, me: XUser, report: SyncReport) -> None:
        """DM events have no since_id: walk newest-first until a known id shows up."""
        cursor = self.desk.ingest.cursor(me.handle, Stream.DMS)
        self._walk(me, Stream.DMS, DM_EVENTS, report.dms, report,
                   lambda token: self.client.dm_events(pagination_token=token,
                                                       max_results=self.page_size),
                   lambda page: page.next_token is None or (cursor is not None and any(
                       int(i.x_id) <= int(cursor) for i in page.items)))

    def _walk(self, me: XUser, stream: Stream, endpoint: str, stats: StreamReport,
              report: SyncReport, fetch: Callable[[str | None], Page],
              is_last: Callable[[Page], bool]) -> None:
        """Pages newest first; the stream's cursor moves only with the last one. Where the
        walk stands (next token, newest id) is saved with every page, so a failing page or
        a killed process goes on from there instead of walking again from the cursor."""
        token, newest = self.desk.ingest.walk(me.handle, stream) or (None, None)
        while not self.stop.is_set():
            try:
                page = self._retrying(report, endpoint, lambda t=token: fetch(t))
            except XApiError as err:
                if token is not None and err.failure is Failure.BAD_REQUEST:
                    # X no longer knows the token (too old): walk again from the cursor.
                    self.desk.ingest.ingest_page(me.handle, stream, [], [], None, walk=None)
                raise
            newest = newer_id(newest, page.newest_id)
            last = is_last(page)
            self._store(me, stream, page, newest if last else None, stats,
                        None if last else (page.next_token, newest))
            if last:
                return
            token = page.next_token

    def _store(self, me: XUser, stream: Stream, page: Page, cursor: str | None,
               stats: StreamReport, walk: tuple[str, str | None] | None) -> None:
        for warning in page.warnings:
            log.info("X reported a partial error on %s: %s", stream.value, warning)
        lease = self.lease
        fence = None if lease is None else (
            lambda session: self.desk.leases.fence(session, me.handle, lease))
        result = self.desk.ingest.ingest_page(me.handle, stream, page.items, page.users, cursor,
                                              walk=walk, fence=fence)
        stats.pages += 1
        stats.received += result.received
        stats.inserted += result.inserted
        stats.attached += result.attached
        if self.progress is not None:
            self.progress(stream, stats.pages, stats.inserted)

    # ------------------------------------------------------------------ retries
    def _retrying(self, report: SyncReport, endpoint: str, call: Callable[[], object]):  # type: ignore[no-untyped-def]
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
                log.info("Sync: %s; retrying in %.1f s", err.text("en"), delay)
                self._sleep(delay)


def backoff(attempt: int, base: float = 0.5, cap: float = 60.0) -> float:
    """Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, … capped, randomised."""
    ceiling = min(cap, base * 2 ** (attempt - 1))
    return ceiling / 2 + random.random() * ceiling / 2


def watch(engine: SyncEngine, *, interval: float, on_report: Callable[[SyncReport], None],
          on_error: Callable[[JunDeskError], None], stop: threading.Event) -> None:
    """Poll until ``stop`` is set; one failure (X, or a locked or unreachable database)
    never ends the loop. With a lease, the pause between polls renews it (or, on standby,
    watches for the holder to go away and takes over at once)."""
    failures = 0
    standby = False
    while not stop.is_set():
        try:
            report = engine.sync_once()
            standby = report.standby is not None
            on_report(report)
            failures = 0
            delay = engine.next_delay(interval)
        except JunDeskError as err:
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
