"""Many streams, one poller (issue 27): the staff accounts and watched searches the desk
reads besides the town's own mentions and DMs, in plain Python.

* What a staff account or a watched search is (:class:`StaffMember`, :class:`Watched`), and
  the checks on what a supervisor types (a handle, a query) before X is asked.
* Which items of a page become what: a post by the town or by a staff account is the
  town's own voice (never a ticket; a staff reply to a citizen joins the citizen's
  ticket), a retweet is no new message (not stored), the rest are messages for the feed.
* The budget's pause order: the supervisor's ranks, the town's own mentions and DMs last.
* What a new stream is expected to cost in a month, from last week's volume or a stated
  default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from jun_desk.domain.costs import Charge
from jun_desk.domain.errors import ValidationError
from jun_desk.domain.items import ItemKind, Stream, StreamKind, XItem, XUser

HANDLE = re.compile(r"^@?([A-Za-z0-9_]{1,15})$")
MAX_QUERY = 512  # X's recent search takes queries of up to 512 characters
OWN_RANK = 1_000_000  # the town's own mentions and DMs: paused last, whatever the ranks
DEFAULT_POSTS_PER_DAY = 20  # a new stream whose volume X has not shown yet (stated)
DAYS_PER_MONTH = 30


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    handle: str
    x_user_id: str
    name: str
    department: str
    role: str
    active: bool = True
    pause_rank: int = 100
    since: datetime | None = None  # when it was added (or added again)

    @property
    def streams(self) -> tuple[Stream, Stream]:
        """Their mentions, and their own posts (whose replies close a citizen's ticket)."""
        return (Stream(StreamKind.STAFF, self.x_user_id),
                Stream(StreamKind.STAFF_POSTS, self.x_user_id))


@dataclass(frozen=True, slots=True)
class Watched:
    id: int
    query: str
    label: str
    active: bool = True
    pause_rank: int = 100
    since: datetime | None = None  # when it was added

    @property
    def stream(self) -> Stream:
        return Stream(StreamKind.SEARCH, str(self.id))


@dataclass(frozen=True, slots=True)
class WatchedStream:
    """A stream the poller reads besides the town's own two, with what it needs."""

    stream: Stream
    pause_rank: int
    target: str  # the X user id (staff streams) or the query (a search)
    department: str | None = None  # where a staff account's mentions go
    handle: str | None = None  # the staff account's handle, shown on the card
    # When it was added: its first walk reads back to there, not through all X keeps.
    since: datetime | None = None


@dataclass(frozen=True, slots=True)
class StreamNames:
    """Who or what the stored stream names stand for, for people to read: the staff
    accounts' handles by X user id and the watched searches' queries by number, removed
    ones included (a quarantined item or a cost line outlives the stream)."""

    staff: Mapping[str, str]  # X user id → handle (without @)
    searches: Mapping[str, str]  # the search's number → its query

    def name(self, stream: Stream) -> str | None:
        """The handle (staff streams) or the query (a search) of ``stream``; None for the
        town's own two, or for a stream the directory does not know."""
        if stream.kind in (StreamKind.STAFF, StreamKind.STAFF_POSTS):
            return self.staff.get(stream.key)
        if stream.kind is StreamKind.SEARCH:
            return self.searches.get(stream.key)
        return None


NO_NAMES = StreamNames({}, {})


def clean_handle(text: str) -> str:
    """An X handle as typed (with or without @) → without the @; refused otherwise."""
    found = HANDLE.match((text or "").strip())
    if found is None:
        raise ValidationError.of("staff.bad_handle", handle=(text or "").strip()[:40])
    return found.group(1)


def clean_query(text: str) -> str:
    """A search as typed: one line, 1 to 512 characters. X judges the rest (its 400)."""
    query = " ".join((text or "").split())
    if not query or len(query) > MAX_QUERY:
        raise ValidationError.of("search.bad_query", length=len(query), limit=MAX_QUERY)
    return query


def is_retweet(item: XItem) -> bool:
    raw = item.raw if isinstance(item.raw, dict) else {}
    refs = raw.get("referenced_tweets")
    return isinstance(refs, list) and any(
        isinstance(r, dict) and r.get("type") == "retweeted" for r in refs)


def classify(stream: Stream, items: Sequence[XItem], town_id: str,
             staff_ids: Iterable[str]) -> list[XItem]:
    """What a page of a stream brings, as the desk keeps it.

    The town's DMs are kept as they are, and so are its mentions but for a staff
    account's posts (staff replies). In the other streams: retweets are dropped (no
    new message; what they repeat is read where it was written), the town's own posts are
    the town's replies, and a staff account's posts are staff replies: stored, never a
    ticket. A staff account's own-posts stream keeps only those posts (anything else in it
    is someone else's, quoted or expanded)."""
    staff = set(staff_ids)
    if stream.kind is StreamKind.DMS:
        return list(items)
    if stream.own:  # the town's mentions: an employee answering there is staff, too
        return [replace(i, kind=ItemKind.STAFF_REPLY)
                if i.author_x_id in staff and i.kind is ItemKind.MENTION else i for i in items]
    kept: list[XItem] = []
    for item in items:
        if is_retweet(item):
            continue
        if item.author_x_id == town_id:
            kept.append(replace(item, kind=ItemKind.REPLY_OUT))
        elif item.author_x_id in staff:
            kept.append(replace(item, kind=ItemKind.STAFF_REPLY))
        elif stream.kind is not StreamKind.STAFF_POSTS:
            kept.append(replace(item, kind=ItemKind.MENTION))
    return kept


def pause_order(streams: Sequence[WatchedStream]) -> list[Stream]:
    """The order in which streams pause as the month's X budget runs short: the
    supervisor's ranks (lower first, then as added), the town's own two last."""
    ranked = sorted(streams, key=lambda w: (w.pause_rank, w.stream.kind != StreamKind.SEARCH,
                                            w.stream.value))
    return [w.stream for w in ranked if not w.stream.own] + list(Stream.own_streams())


@dataclass(frozen=True, slots=True)
class Expected:
    """What a stream is expected to cost in a month: posts a day and the money."""

    posts_per_day: float
    monthly_micro: int
    measured: bool  # from last week's volume (else the stated default)
    basis: str  # how it was worked out, in English (the report, the command line)


def expected_monthly(posts_last_week: int | None, days_seen: float, post_price_micro: int,
                     user_price_micro: int, new_authors_share: float = 0.5) -> Expected:
    """Each post read once a UTC day (the poller never reads one twice), plus the users
    looked up for new authors (about half of them, by default). ``posts_last_week``:
    the posts the stream (or a probe of it) brought over ``days_seen`` days; None: the
    stated default of :data:`DEFAULT_POSTS_PER_DAY`."""
    if posts_last_week is None or days_seen <= 0:
        per_day = float(DEFAULT_POSTS_PER_DAY)
        basis = f"default of {DEFAULT_POSTS_PER_DAY} posts a day (no volume known yet)"
        measured = False
    else:
        per_day = posts_last_week / days_seen
        basis = f"{posts_last_week} posts in {days_seen:.1f} days"
        measured = True
    per_post = post_price_micro + new_authors_share * user_price_micro
    return Expected(per_day, round(per_day * DAYS_PER_MONTH * per_post), measured, basis)


def department_for(watched: Mapping[Stream, WatchedStream], stream: Stream) -> str | None:
    """A staff account's mentions go to the employee's department."""
    found = watched.get(stream)
    return found.department if found is not None and stream.kind is StreamKind.STAFF else None


def paused_streams(order: Sequence[Stream], pace: str, factor: float,
                   max_stretch: float) -> set[Stream]:
    """Which streams a poll skips as the month's X budget runs short, in the
    supervisor's ``order`` (:func:`pause_order`). At the budget (``paused``) every one;
    stretched, a share of the watched streams that grows with the stretch (all of them at
    the largest), the town's own mentions and DMs never before the budget is spent."""
    if pace == "paused":
        return set(order)
    watched = [s for s in order if not s.own]
    if pace != "stretched" or not watched or max_stretch <= 1:
        return set()
    share = min(1.0, max(0.0, (factor - 1.0) / (max_stretch - 1.0)))
    count = min(len(watched), max(1, round(share * len(watched))))
    return set(watched[:count])


@dataclass(frozen=True, slots=True)
class SearchTrial:
    """A search tried once on X before it is saved: how many posts it found (at most a
    page) and the time between the newest and the oldest of them, in days."""

    query: str
    posts: int
    days: float

    @property
    def volume(self) -> tuple[int | None, float]:
        """(posts, days) for an expected cost; (None, 0) when the trial cannot tell."""
        if self.posts == 0:
            return None, 0.0
        if self.posts < 2 or self.days <= 0:
            return self.posts, 7.0
        return self.posts, self.days


class StreamLookups(Protocol):
    """What the window asks X before a staff account or a search is saved (built by the
    start over the X adapter, ``x/watch.py``; called on a worker thread)."""

    def resolve(self, handle: str) -> XUser: ...

    def trial(self, query: str) -> SearchTrial: ...

    def take_charges(self) -> list[Charge]:
        """What asking X cost, for the account's meter."""
        ...


@dataclass(frozen=True, slots=True)
class StreamSpend:
    """One line of the month's spend by stream: ``kind`` is ``mentions``, ``dms``,
    ``staff`` (an employee's mentions and posts together), ``search`` or ``other`` (users
    looked up, the account, replies and DMs sent); ``name`` the handle or the query."""

    kind: str
    name: str
    micro: int
