"""What the sandbox X knows and does: the scripted day's tweets and DMs, its clock, the
rate limits, the faults it injects, what it bills, and the writes the desk makes.

The HTTP side (``server``) reads and changes it under ``SandboxState.lock``; the JSON it
answers with is shaped in ``wire``.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from jun_desk.domain.costs import DayBill, Kind, PriceTable, charges_for, to_micro
from jun_desk.secrets import XCredentials
from jun_desk.x.fieldnames import TWEET
from jun_desk.x.sandbox.item_faults import ItemFaults
from jun_desk.x.sandbox.limits import DEFAULT_DAILY_LIMITS, RateLimits
from jun_desk.x.sandbox.media import MediaLibrary
from jun_desk.x.sandbox.rules import invalid
from jun_desk.x.sandbox.rules import problem as _problem
from jun_desk.x.sandbox.world import DmEvent, Scenario, Tweet, User

SANDBOX_CREDENTIALS = XCredentials(
    consumer_key="jun-sandbox-consumer-key", consumer_secret="jun-sandbox-consumer-secret",
    access_token="1200000000000000001-jun-sandbox-access-token",
    access_token_secret="jun-sandbox-access-token-secret",
)


@dataclass
class Faults:
    """Probabilities (0..1) of each injected failure, per request."""

    rate_limit: float = 0.0  # a 429 although the budget is not spent
    server_error: float = 0.0  # 500/502/503
    slow: float = 0.0  # answer after ``slow_seconds``
    slow_seconds: float = 2.0
    drop: float = 0.0  # close the connection without answering
    malformed: float = 0.0  # a 200 whose body is cut in half
    lost_write: float = 0.0  # a POST that is carried out, then the connection drops

    _KEYS: ClassVar[dict[str, str]] = {
        "429": "rate_limit", "5xx": "server_error", "slow": "slow", "drop": "drop",
        "malformed": "malformed", "lost_write": "lost_write", "slow_seconds": "slow_seconds",
    }

    @classmethod
    def parse(cls, spec: str) -> Faults:
        """'429=0.1,5xx=0.05,slow=0.02,drop=0.02,malformed=0.02,lost_write=0.01'."""
        faults = cls()
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, _, value = part.partition("=")
            name = cls._KEYS.get(key.strip())
            if name is None:
                raise ValueError(f"Unknown fault '{key}' (known: {', '.join(cls._KEYS)})")
            try:
                number = float(value)
            except ValueError:
                raise ValueError(f"Fault '{key}' needs a number, got '{value}'") from None
            if name != "slow_seconds" and not 0 <= number <= 1:
                raise ValueError(f"Fault '{key}' is a probability between 0 and 1")
            setattr(faults, name, number)
        return faults

    @property
    def any(self) -> bool:
        return any((self.rate_limit, self.server_error, self.slow, self.drop, self.malformed,
                    self.lost_write))


def wall_clock() -> datetime:
    """The real time, in UTC (the default wall clock of the sandbox X)."""
    return datetime.now(UTC)


class SandboxClock:
    """Scenario time: the day plays ``speed`` times faster than real time; ``inf`` shows
    the whole day at once (then time goes on in real seconds after its end).

    ``resume_at``: the scenario time to go on from (a restarted sandbox resumes its day,
    see ``day``); ``timer``: real seconds (monotonic; tests move it by hand)."""

    def __init__(self, scenario: Scenario, speed: float, *, resume_at: datetime | None = None,
                 timer: Callable[[], float] = time.monotonic) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._timer = timer
        self._real_start = timer()
        self._end = scenario.start + scenario.length
        self._from = resume_at or scenario.start

    def now(self) -> datetime:
        elapsed = self._timer() - self._real_start
        if math.isinf(self.speed):
            return max(self._from, self._end) + timedelta(seconds=elapsed)
        return self._from + timedelta(seconds=elapsed * self.speed)



@dataclass
class SandboxStats:
    requests: int = 0
    rate_limited: int = 0  # real 429s (budget spent)
    injected: dict[str, int] = field(default_factory=dict)
    by_endpoint: dict[str, int] = field(default_factory=dict)
    media_requests: int = 0  # on X's media hosts (not the API: no rate limit, no bill)


class SandboxState:
    """Everything the sandbox X knows, behind one lock."""

    def __init__(self, scenario: Scenario, clock: SandboxClock, *, seed: int,
                 limits: dict[str, int], window_seconds: float,
                 credentials: XCredentials, scripted_answers: bool,
                 permissions: str = "dm", generation: str = TWEET,
                 daily_limits: dict[str, tuple[int, int]] | None = None,
                 prices: PriceTable | None = None, credits_micro: int | None = None,
                 wall: Callable[[], datetime] = wall_clock) -> None:
        self.scenario = scenario
        self.wall = wall  # real time: what X dates its bills by
        self.generation = generation  # the names X speaks: tweet.fields or post.fields
        self.permissions = permissions  # what the X app may do: read, write or dm
        self.clock = clock
        self.limits = limits
        self.window_seconds = window_seconds
        self.credentials = credentials
        self.scripted_answers = scripted_answers
        self.lock = threading.RLock()
        self.rng = random.Random(seed)
        self.tweets: list[Tweet] = list(scenario.tweets)
        self.uploads: dict[str, tuple[str, str, int]] = {}  # media id: (key, type, bytes)
        self.tweets_by_id = {t.id: t for t in self.tweets}
        self.dms: list[DmEvent] = list(scenario.dms)
        self.rate_limits = RateLimits(limits, window_seconds,
                                      DEFAULT_DAILY_LIMITS if daily_limits is None
                                      else daily_limits)
        self.nonces: deque[tuple[str, str]] = deque(maxlen=10_000)
        self.stats = SandboxStats()
        self.media = MediaLibrary(scenario)  # the photos' bytes, at X's media addresses
        self.faults = Faults()
        self.item_faults = ItemFaults()  # incomplete or surprising items
        # Pay-per-use, as X bills: per resource read (once per UTC day), per write.
        self.bill = DayBill(prices or PriceTable())
        self.credits_micro: int | None = credits_micro  # None: an unlimited balance
        self.refused_for_credits = 0
        # Moderation (see moderation.py): replies hidden, accounts muted and
        # blocked (blocks are read-only in API v2), the account's own posts deleted.
        self.hidden: set[int] = set()
        self.muted: set[str] = set()
        self.blocked: set[str] = set(scenario.blocked)
        self.deleted: set[int] = set()

    # ------------------------------------------------------------------ billing
    def depleted(self) -> bool:
        with self.lock:
            return self.credits_micro is not None and self.credits_micro <= 0

    def charge(self, endpoint: str, body: Any, text: str, *, owned: bool = True) -> int:
        """Bill what a successful request served or did; X takes it from the balance.
        ``owned``: false for another account's timeline (a staff account's posts are
        billed as any post, not as the account's own)."""
        charges = charges_for(endpoint, body, self.wall(), text=text)
        if not owned:
            charges = [replace(c, kind=Kind.POST) if c.kind is Kind.OWNED_POST else c
                       for c in charges]
        with self.lock:
            micro = self.bill.add(charges)
            if self.credits_micro is not None:
                self.credits_micro -= micro
        return micro

    def add_credits(self, dollars: float) -> None:
        with self.lock:
            self.credits_micro = (self.credits_micro or 0) + to_micro(dollars)

    @property
    def desk(self) -> User:
        return self.scenario.desk

    # ------------------------------------------------------------------ rate limits
    def spend(self, endpoint: str) -> tuple[dict[str, str], bool]:
        """Count a request; returns the x-rate-limit headers and whether it is allowed."""
        return self.rate_limits.spend(endpoint)

    # ------------------------------------------------------------------ reading
    def visible_tweets(self) -> list[Tweet]:
        now = self.clock.now()
        with self.lock:
            return [t for t in self.tweets if t.created_at <= now]

    def visible_dms(self) -> list[DmEvent]:
        now = self.clock.now()
        with self.lock:
            return [d for d in self.dms if d.created_at <= now]

    def user(self, user_id: str) -> User | None:
        return self.scenario.users.get(user_id)

    # ------------------------------------------------------------------ writing
    def upload_media(self, data: bytes, media_type: str) -> tuple[str, str]:
        """An image uploaded for a post: (media id, media key), as X answers."""
        now = self.clock.now()
        with self.lock:
            media_id = str(self.scenario.ids.next(now))
            key = f"3_{media_id}"
            self.uploads[media_id] = (key, media_type, len(data))
            return media_id, key

    def post_tweet(self, text: str, reply_to: int | None,
                   media_ids: Sequence[str] = ()) -> Tweet:
        now = self.clock.now()
        with self.lock:
            unknown = [m for m in media_ids if m not in self.uploads]
            if unknown:
                raise invalid("media.media_ids", unknown[0], "Your media IDs are invalid.")
            parent = self.tweets_by_id.get(reply_to) if reply_to is not None else None
            if reply_to is not None and (parent is None or parent.created_at > now):
                raise _problem(403, "Forbidden", "You attempted to reply to a Tweet that is "
                               "deleted or not visible to you.")
            day_ago = now - timedelta(hours=24)
            if any(t.author_id == self.desk.id and t.text == text and t.created_at >= day_ago
                   for t in self.tweets):
                raise _problem(403, "Forbidden",
                               "You are not allowed to create a Tweet with duplicate content.")
            tweet_id = self.scenario.ids.next(now)
            tweet = Tweet(tweet_id, self.desk.id, text, now,
                          parent.conversation_id if parent else tweet_id,
                          parent.id if parent else None, parent.author_id if parent else None,
                          media_keys=[self.uploads[m][0] for m in media_ids])
            self._add_tweet(tweet)
            if parent is not None and parent.author_id != self.desk.id:
                self._maybe_answer_reply(parent, tweet)
            return tweet

    def edit_tweet(self, tweet_id: int, text: str) -> Tweet:
        """The author edits a tweet: X gives the new version a new id, and its
        ``edit_history_tweet_ids`` lists the original id first (``item_faults.edits``)."""
        with self.lock:
            old = self.tweets_by_id[tweet_id]
            history = self.item_faults.edits.get(str(tweet_id), [str(tweet_id)])
            now = max(self.clock.now(), old.created_at)
            new = Tweet(self.scenario.ids.next(now), old.author_id, text, now,
                        old.conversation_id, old.in_reply_to_id, old.in_reply_to_user_id,
                        list(old.media_keys))
            self._add_tweet(new)
            self.item_faults.edits[str(new.id)] = [*history, str(new.id)]
            return new

    def send_dm(self, recipient: User, text: str) -> DmEvent:
        now = self.clock.now()
        with self.lock:
            event = DmEvent(self.scenario.ids.next(now), self.desk.id, recipient.id, text, now,
                            self._conversation(recipient.id))
            self.dms.append(event)
            if self.scripted_answers and event.id % 3 != 0:
                answer_at = now + self.answer_delay(minutes=5)
                self.dms.append(DmEvent(self.scenario.ids.next(answer_at), recipient.id,
                                        self.desk.id, "¡Gracias! Quedo a la espera 🙏",
                                        answer_at, event.conversation_id))
            return event

    def _require_citizen(self, user_id: str) -> None:
        if user_id not in self.scenario.users or user_id == self.desk.id:
            raise ValueError(f"not a citizen of the scenario: {user_id}")

    def citizen_tweets(self, user_id: str, text: str) -> Tweet:
        """A citizen posts now (a live demonstration, the latency benchmark)."""
        now = self.clock.now()
        with self.lock:
            self._require_citizen(user_id)
            tweet_id = self.scenario.ids.next(now)
            tweet = Tweet(tweet_id, user_id, text, now, tweet_id)
            self._add_tweet(tweet)
            return tweet

    def citizen_writes_dm(self, user_id: str, text: str) -> DmEvent:
        """A citizen sends the desk a direct message now."""
        now = self.clock.now()
        with self.lock:
            self._require_citizen(user_id)
            event = DmEvent(self.scenario.ids.next(now), user_id, self.desk.id, text, now,
                            self._conversation(user_id))
            self.dms.append(event)
            return event

    def answer_delay(self, minutes: float) -> timedelta:
        """Scripted citizens take a while to answer; on an instant day, they answer at once."""
        return timedelta(0) if math.isinf(self.clock.speed) else timedelta(minutes=minutes)

    def _conversation(self, other: str) -> str:
        a, b = sorted((int(other), int(self.desk.id)))
        return f"{a}-{b}"

    def _add_tweet(self, tweet: Tweet) -> None:
        self.tweets.append(tweet)
        self.tweets_by_id[tweet.id] = tweet

    def _maybe_answer_reply(self, parent: Tweet, desk_reply: Tweet) -> None:
        """Scripted citizens answer about half of the desk's replies, 10 minutes later."""
        if not self.scripted_answers or desk_reply.id % 2:
            return
        author = self.scenario.users[parent.author_id]
        when = desk_reply.created_at + self.answer_delay(minutes=10)
        answer = Tweet(self.scenario.ids.next(when), author.id,
                       f"@{self.desk.username} ¡muchas gracias por la respuesta! 🙏", when,
                       parent.conversation_id, desk_reply.id, self.desk.id)
        self._add_tweet(answer)

