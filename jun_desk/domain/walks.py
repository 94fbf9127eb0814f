"""Every walk through X's pages ends (issue 23).

X's paginated streams always move on and are capped (the latest 800 mentions, 30 days of DM
events), but a proxy, a cache, a misbehaving X release or the sandbox can answer a page
token with a page already given, and under pay-per-use every page read costs money. A
:class:`WalkGuard` watches one walk page by page and says when it must stop:

* the server gives again a pagination token it already gave in this walk;
* a page brings nothing new: every id it holds was already seen in this walk or is at or
  below the cursor the walk began from (an empty page is allowed a few times in a row:
  X may filter a whole page away);
* the walk passes X's documented reach (``max_items`` distinct ids, or a ``max_span``
  between its newest and oldest item).

A page that reaches the cursor is the walk's ordinary end (the DM walk's overlap), decided
by the caller before asking the guard: the guard only judges pages after which the walk
would go on. Pure: the sync engine and the outbox use it; :class:`WalkStopped` is how a
stop is reported (logs and command line in English, the window by its code).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import Enum

from jun_desk.domain.errors import JunDeskError

MENTIONS_REACH = 800  # X serves at most the latest 800 mentions
DM_REACH = timedelta(days=30)  # and DM events of the last 30 days
SEARCH_REACH = 1000  # a watched search or staff timeline read between two polls (ours)
EMPTY_PAGES_ALLOWED = 3  # empty pages in a row that still carry a token


class WalkEnd(Enum):
    """Why a walk stopped before the server said it was over."""

    REPEATED_TOKEN = "repeated_token"
    NO_PROGRESS = "no_progress"
    LIMIT = "limit"
    UNASKED = "unasked"  # a lookup answered with items it was not asked for


_CODES = {WalkEnd.REPEATED_TOKEN: "x.walk_repeated", WalkEnd.NO_PROGRESS: "x.walk_no_progress",
          WalkEnd.LIMIT: "x.walk_limit", WalkEnd.UNASKED: "x.lookup_unasked"}


# The walks by name, as the English says them (the window words them by these values).
STREAM_WORDS = {"mentions": "mentions", "dms": "DM", "users": "users", "tweets": "tweets"}


class WalkStopped(JunDeskError):
    """A walk (or lookup) that was stopped: reported, never raised out of a poll.
    ``stream``: ``mentions``, ``dms``, ``users`` or ``tweets``; ``page``: how many pages the
    walk asked for; ``limit``: X's reach that was passed, as words (``800 mentions``)."""

    def __init__(self, message: str = "", *, code: str | None = None,
                 params: dict[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        word = str((params or {}).get("stream", ""))
        self.stream = next((k for k, w in STREAM_WORDS.items() if w == word), word)
        self.reason = next((end for end, c in _CODES.items() if c == code), WalkEnd.NO_PROGRESS)

    @classmethod
    def because(cls, reason: WalkEnd, stream: str, *, page: int = 0,
                limit: str = "") -> WalkStopped:
        """``stream``: mentions, dms, users or tweets."""
        params: dict[str, object] = {"stream": STREAM_WORDS.get(stream, stream)}
        if reason is WalkEnd.LIMIT:
            params["limit"] = limit
        if reason is not WalkEnd.UNASKED:
            params["page"] = page
        return cls.of(_CODES[reason], **params)


class WalkGuard:
    """One walk's progress. ``cursor``: the newest id stored before the walk began (ids
    at or below it are not new); ``token``: the token the walk starts from (a resumed walk),
    counted as given; ``max_items``/``max_span``: X's documented reach for this stream."""

    def __init__(self, *, cursor: str | None = None, token: str | None = None,
                 max_items: int | None = None, max_span: timedelta | None = None) -> None:
        self._floor = int(cursor) if cursor else None
        self._tokens: set[str] = {token} if token else set()
        self._seen: set[int] = set()
        self._newest_time: datetime | None = None
        self._oldest_time: datetime | None = None
        self._empty = 0
        self.max_items = max_items
        self.max_span = max_span
        self.pages = 0

    def check(self, ids: Iterable[str], next_token: str | None,
              times: Iterable[datetime] = ()) -> WalkEnd | None:
        """Take one page (its item ids, the token it gives for the next, its items' times)
        and say why the walk must stop after it, or None to go on."""
        self.pages += 1
        numbers = [int(i) for i in ids if i.isascii() and i.isdigit()]
        new = {n for n in numbers if n not in self._seen
               and (self._floor is None or n > self._floor)}
        self._seen |= new
        for at in times:
            self._newest_time = at if self._newest_time is None else max(self._newest_time, at)
            self._oldest_time = at if self._oldest_time is None else min(self._oldest_time, at)
        if next_token is not None and next_token in self._tokens:
            return WalkEnd.REPEATED_TOKEN
        if next_token is not None:
            self._tokens.add(next_token)
        if numbers and not new:
            return WalkEnd.NO_PROGRESS
        self._empty = 0 if numbers else self._empty + 1
        if self._empty > EMPTY_PAGES_ALLOWED and next_token is not None:
            return WalkEnd.NO_PROGRESS
        if self.max_items is not None and len(self._seen) > self.max_items:
            return WalkEnd.LIMIT
        if (self.max_span is not None and self._newest_time is not None
                and self._oldest_time is not None
                and self._newest_time - self._oldest_time > self.max_span):
            return WalkEnd.LIMIT
        return None
