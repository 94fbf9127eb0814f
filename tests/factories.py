"""Small builders of X items for the tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from jun_desk.domain.items import ItemKind, XItem, XUser

_ids = itertools.count(1_860_000_000_000_000_000)
T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)

MARIA = XUser("1001", "vecina_maria", "María López")
PEPE = XUser("1002", "pepe_jun", "Pepe Ruiz")


def next_id() -> str:
    return str(next(_ids))


def mention(text: str, *, author: XUser = MARIA, minutes: float = 0, x_id: str | None = None,
            in_reply_to: str | None = None, conversation: str | None = None) -> XItem:
    x_id = x_id or next_id()
    return XItem(x_id=x_id, kind=ItemKind.MENTION, author_x_id=author.x_id, text=text,
                 created_at=T0 + timedelta(minutes=minutes),
                 conversation_id=conversation or x_id, in_reply_to_x_id=in_reply_to,
                 raw={"id": x_id, "text": text})


def dm(text: str, *, author: XUser = MARIA, minutes: float = 0, conversation: str = "c-1001",
       x_id: str | None = None) -> XItem:
    x_id = x_id or next_id()
    return XItem(x_id=x_id, kind=ItemKind.DM_IN, author_x_id=author.x_id, text=text,
                 created_at=T0 + timedelta(minutes=minutes), conversation_id=conversation)
