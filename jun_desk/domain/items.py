"""What the desk receives from X, in plain Python: users, mentions and DM events."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from jun_desk.domain.media import MediaRef


class ItemKind(StrEnum):
    MENTION = "mention"
    DM_IN = "dm_in"
    REPLY_OUT = "reply_out"
    DM_OUT = "dm_out"

    @property
    def source(self) -> str:
        """X keeps tweets and DM events in separate id spaces."""
        return "dm" if self in (ItemKind.DM_IN, ItemKind.DM_OUT) else "tweet"

    @property
    def outgoing(self) -> bool:
        return self in (ItemKind.REPLY_OUT, ItemKind.DM_OUT)


class Stream(StrEnum):
    MENTIONS = "mentions"
    DMS = "dms"


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
