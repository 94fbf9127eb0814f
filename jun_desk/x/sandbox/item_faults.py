"""Scenario knobs that make the sandbox's pages incomplete or surprising, as real X can be:
tweets or DM events without some fields, pages without ``includes``, fields and types the
desk has never seen, a page broken as a whole, new versions of edited tweets, an answer
repeated whatever was asked (``repeat``).

Kept apart from the server's request handling: the server calls :func:`apply` on each
success body just before sending it.
"""

from __future__ import annotations

import copy
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

LIST_ENDPOINTS = ("GET /2/users/:id/mentions", "GET /2/dm_events")
LOOKUP = "GET /2/tweets"


@dataclass
class ItemFaults:
    # item id → fields removed from it in timeline pages (author_id, created_at, sender_id…)
    strip: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # also remove them when the desk asks for the tweet by id (then it stays unreadable)
    strip_in_lookup: bool = False
    no_includes: bool = False  # pages come without "includes" (no users, no media)
    unknown_types: bool = False  # unknown fields, reference types and media types
    # endpoint → how many of its next answers are broken as a whole ("data" not a list)
    broken_pages: dict[str, int] = field(default_factory=dict)
    # tweet id → its edit_history_tweet_ids (set by ``SandboxState.edit_tweet``)
    edits: dict[str, list[str]] = field(default_factory=dict)
    served_broken: int = 0
    # endpoint → n: its first n answers are fresh, every later one is the n-th again, token
    # and all (a proxy or cache that ignores the query; a misbehaving X release). For the
    # paginated streams: the same page with the same ``next_token``; for a lookup: the
    # users or tweets of another question. Any endpoint key, e.g. "GET /2/users".
    repeat: dict[str, int] = field(default_factory=dict)
    repeated: int = 0  # answers served again
    _answers: dict[str, int] = field(default_factory=dict)
    _kept: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.strip or self.no_includes or self.unknown_types
                    or any(self.broken_pages.values()) or self.edits)


def _repeated(faults: ItemFaults, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    """The answer the ``repeat`` fault serves: ``body`` while fresh, then the kept one."""
    fresh = faults.repeat.get(endpoint)
    if not fresh:
        return body
    faults._answers[endpoint] = faults._answers.get(endpoint, 0) + 1
    if faults._answers[endpoint] <= fresh or endpoint not in faults._kept:
        faults._kept[endpoint] = copy.deepcopy(body)
        return body
    faults.repeated += 1
    return copy.deepcopy(faults._kept[endpoint])


def apply(faults: ItemFaults, lock: AbstractContextManager[Any], endpoint: str,
          body: dict[str, Any]) -> dict[str, Any]:
    """``body`` as ``faults`` make it; ``lock``: the sandbox state's, which guards them."""
    if faults.repeat:
        with lock:
            body = _repeated(faults, endpoint, body)
    if not faults.any or endpoint not in (*LIST_ENDPOINTS, LOOKUP):
        return body
    with lock:
        if faults.broken_pages.get(endpoint, 0) > 0:
            faults.broken_pages[endpoint] -= 1
            faults.served_broken += 1
            return {"data": "not a list", "meta": body.get("meta", {})}
    body = copy.deepcopy(body)
    data = body.get("data")
    items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    for item in items:
        history = faults.edits.get(str(item.get("id")))
        if history and "edit_history_tweet_ids" in item:
            item["edit_history_tweet_ids"] = list(history)
        if endpoint != LOOKUP or faults.strip_in_lookup:
            for name in faults.strip.get(str(item.get("id")), ()):
                item.pop(name, None)
        if faults.unknown_types:
            item["community_note_future"] = {"kind": "something X adds one day"}
            if endpoint != "GET /2/dm_events":
                refs = item.setdefault("referenced_tweets", [])
                refs.append({"type": "quoted_by_a_future_feature", "id": "1"})
                item.setdefault("attachments", {}).setdefault("media_keys", []).append(
                    "99_hologram")
            else:
                item.setdefault("attachments", {})["card_ids"] = ["future-card"]
    if faults.unknown_types and items and endpoint != "GET /2/dm_events":
        media = body.setdefault("includes", {}).setdefault("media", [])
        media.append({"media_key": "99_hologram", "type": "hologram",
                      "variants": [{"content_type": "model/gltf"}]})
        media.append({"media_key": "13_video", "type": "video", "duration_ms": 1000})
        media.append({"media_key": "16_gif", "type": "animated_gif"})
    if faults.no_includes:
        body.pop("includes", None)
    return body
