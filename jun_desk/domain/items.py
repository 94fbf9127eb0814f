"""What the desk receives from X, in plain Python: users, mentions and DM events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


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
    raw: dict | None = field(default=None, compare=False)


def newer_id(a: str | None, b: str | None) -> str | None:
    """The later of two X snowflake ids (compared as numbers, not as text)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if int(a) >= int(b) else b


def tweet_url(handle: str, tweet_id: str) -> str:
    return f"https://x.com/{handle}/status/{tweet_id}"
