"""Pagination as X does it: opaque tokens, ``next_token`` towards older items while
some remain, ``previous_token`` back towards newer ones on a page reached by a token."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Protocol, TypeVar


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=_HasId)


def token(kind: str, until: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{until}".encode()).decode().rstrip("=")


def untoken(kind: str, token: str) -> int | None:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        prefix, _, value = raw.partition(":")
        return int(value) if prefix == kind else None
    except (ValueError, UnicodeDecodeError):
        return None


def paged(items: Sequence[T], limit: int, bound: tuple[str, int] | None,
          kind: str) -> tuple[list[T], dict[str, str]]:
    """One page of ``items`` (newest first) and its meta tokens: ``next_token`` while older
    items remain, ``previous_token`` on a page reached by a token while newer ones do."""
    if bound is not None and bound[0] == "previous":
        page = [i for i in items if i.id > bound[1]][-limit:]
    else:
        page = [i for i in items if bound is None or i.id < bound[1]][:limit]
    tokens: dict[str, str] = {}
    if page and items[-1].id < page[-1].id:
        tokens["next_token"] = token(kind, page[-1].id)
    if page and bound is not None and items[0].id > page[0].id:
        tokens["previous_token"] = token(kind + "p", page[0].id)
    return page, tokens
