"""The sandbox X's world as data: its users, their tweets and DM events, and the day they
make up (``Scenario``). ``scenario`` scripts a day of it; ``extras`` and
``moderation_day`` add to one; ``state`` plays it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from jun_desk.x.sandbox.ids import IdMaker

DESK_HANDLE = "AytoJun"
DESK_ID = "1200000000000000001"
DAY = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 08:00 in Jun
DAY_LENGTH = timedelta(hours=15)


@dataclass
class User:
    id: str
    username: str
    name: str
    verified: bool = False

    @property
    def profile_image_url(self) -> str:
        return f"https://pbs.twimg.com/profile_images/{self.id}/avatar_normal.jpg"

    def as_json(self, fields: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "username": self.username}
        if "verified" in fields:
            out["verified"] = self.verified
        if "profile_image_url" in fields:
            out["profile_image_url"] = self.profile_image_url
        return out


@dataclass
class Tweet:
    id: int
    author_id: str
    text: str
    created_at: datetime
    conversation_id: int
    in_reply_to_id: int | None = None
    in_reply_to_user_id: str | None = None
    media_keys: list[str] = field(default_factory=list)
    # What real X also sends (see extras): every version's id when edited, and the
    # tweets it quotes or retweets, as (type, id)
    edit_history: list[int] = field(default_factory=list)
    references: list[tuple[str, int]] = field(default_factory=list)

    @property
    def is_long(self) -> bool:
        return len(self.text) > 280

    @property
    def original_id(self) -> int:
        """The id the desk keeps an edited tweet under: the first of its versions."""
        return self.edit_history[0] if self.edit_history else self.id

    def mentions(self, handle: str) -> bool:
        return f"@{handle.lower()}" in self.text.lower()


@dataclass
class DmEvent:
    id: int
    sender_id: str
    recipient_id: str
    text: str
    created_at: datetime
    conversation_id: str
    media_keys: list[str] = field(default_factory=list)  # a photo sent in the DM


@dataclass
class Scenario:
    desk: User
    users: dict[str, User]
    tweets: list[Tweet]
    dms: list[DmEvent]
    ids: IdMaker
    start: datetime = DAY
    length: timedelta = DAY_LENGTH
    blocked: list[str] = field(default_factory=list)  # accounts the town blocks (on x.com)

    @property
    def citizens(self) -> list[User]:
        return [u for u in self.users.values() if u.id != self.desk.id]
