"""What the desk receives from X, in plain Python: users, mentions and DM events."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from jun_desk.domain.media import MediaRef


class ItemKind(StrEnum):
    MENTION = "mention"
    DM_IN = "dm_in"
    REPLY_OUT = "reply_out"
    DM_OUT = "dm_out"
    # A post of a staff account (an employee of the town) read from a staff stream: never
    # a ticket; a reply to a citizen joins the citizen's ticket as the staff's answer.
    STAFF_REPLY = "staff_reply"

    @property
    def source(self) -> str:
        """X keeps tweets and DM events in separate id spaces."""
        return "dm" if self in (ItemKind.DM_IN, ItemKind.DM_OUT) else "tweet"

    @property
    def outgoing(self) -> bool:
        return self in (ItemKind.REPLY_OUT, ItemKind.DM_OUT, ItemKind.STAFF_REPLY)


class StreamKind(StrEnum):
    """What a stream reads: the town's own mentions and DMs, the mentions of a staff
    account, a staff account's own posts (their replies close the loop), a watched search."""

    MENTIONS = "mentions"
    DMS = "dms"
    STAFF = "staff"
    STAFF_POSTS = "staff_posts"
    SEARCH = "search"

    @property
    def keyed(self) -> bool:
        return self not in (StreamKind.MENTIONS, StreamKind.DMS)


@dataclass(frozen=True, slots=True)
class Stream:
    """One stream the poller reads, with its identity: a kind and a key (the staff
    account's X user id, the watched search's id; none for the town's own two).

    ``value`` is how it is stored (cursor, quarantine, costs): ``mentions`` and ``dms``
    for the town's own streams, as before issue 27, else ``kind:key``."""

    kind: StreamKind
    key: str = ""

    MENTIONS: ClassVar[Stream]
    DMS: ClassVar[Stream]

    def __post_init__(self) -> None:
        if self.kind.keyed != bool(self.key):
            need = "needs" if self.kind.keyed else "takes no"
            raise ValueError(f"stream {self.kind.value} {need} key")
        if ":" in self.key:
            raise ValueError("a stream key holds no ':'")

    @property
    def value(self) -> str:
        return f"{self.kind.value}:{self.key}" if self.key else self.kind.value

    @property
    def own(self) -> bool:
        """The town's own mentions or DMs (paused last when the budget runs short)."""
        return not self.kind.keyed

    @property
    def source(self) -> str:
        """Which of X's id spaces its items come from."""
        return "dm" if self.kind is StreamKind.DMS else "tweet"

    @classmethod
    def parse(cls, value: str) -> Stream:
        """A stored stream name back (``mentions``, ``dms``, ``staff:123``, ``search:4``)."""
        kind, _, key = value.partition(":")
        stream = cls(StreamKind(kind), key)
        return {cls.MENTIONS: cls.MENTIONS, cls.DMS: cls.DMS}.get(stream, stream)

    @classmethod
    def own_streams(cls) -> tuple[Stream, Stream]:
        return (cls.MENTIONS, cls.DMS)

    def __str__(self) -> str:
        return self.value


Stream.MENTIONS = Stream(StreamKind.MENTIONS)
Stream.DMS = Stream(StreamKind.DMS)


@dataclass(frozen=True, slots=True)
class XUser:
    x_id: str
    handle: str
    name: str = ""
    profile_image_url: str | None = None
    verified: bool = False


@dataclass(frozen=True, slots=True)
class XItem:
    x_id: str
    kind: ItemKind
    author_x_id: str
    text: str
    created_at: datetime
    conversation_id: str | None = None
    in_reply_to_x_id: str | None = None
    media_count: int = 0
    raw: dict[str, Any] | None = field(default=None, compare=False)
    # X's edit_history_tweet_ids: the original id first. More than one id = an edited tweet.
    edit_ids: tuple[str, ...] = ()
    # What X described of its attachments (the page's ``includes.media``), in their order.
    media: tuple[MediaRef, ...] = field(default=(), compare=False)

    @property
    def original_id(self) -> str:
        """The id of the first version of an edited tweet (its own id otherwise)."""
        return self.edit_ids[0] if len(self.edit_ids) > 1 else self.x_id


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Something X sent in a page that the desk cannot read whole: kept with its raw JSON
    and the reason (the quarantine), never dropped silently.

    ``refetch``: a tweet that may read whole when asked for by id (GET /2/tweets?ids=)."""

    stream: Stream
    x_id: str | None
    reason: str
    raw: object = field(default=None, compare=False)
    refetch: bool = False

    @property
    def key(self) -> str:
        return self.x_id or raw_key(self.raw)


def raw_key(raw: object) -> str:
    """A stable key for an item without a readable id: a digest of its JSON."""
    text = json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:64]


TWITTER_EPOCH_MS = 1288834974657


def snowflake_time(x_id: str) -> datetime:
    """When X made an id: milliseconds = (id >> 22) + 1288834974657 (X's snowflake ids)."""
    return datetime.fromtimestamp(((int(x_id) >> 22) + TWITTER_EPOCH_MS) / 1000, UTC)


def newer_id(a: str | None, b: str | None) -> str | None:
    """The later of two X snowflake ids (compared as numbers, not as text)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if int(a) >= int(b) else b


def tweet_url(handle: str, tweet_id: str) -> str:
    return f"https://x.com/{handle}/status/{tweet_id}"
