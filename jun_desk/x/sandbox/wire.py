"""The sandbox X's wire format: the JSON shapes X answers with (tweets, DM events, the
fields a request selects, X's timestamps) and the problem bodies that are not in ``rules``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from jun_desk.x.sandbox import extras
from jun_desk.x.sandbox.rules import ApiError
from jun_desk.x.sandbox.world import DmEvent, Tweet

MENTIONS_REACH = 800  # X serves only the most recent 800 mentions
DEFAULT_TWEET_FIELDS = {"id", "text", "edit_history_tweet_ids"}
DEFAULT_DM_FIELDS = {"id", "event_type", "text"}


# X's refusal once the pay-per-use balance is spent. X's OpenAPI document (2.159, 2.167)
# declares no 402 and no credits problem (only UsageCapExceededProblem, "usage-capped");
# this is the form reported from production by koala73/worldmonitor#7156 (2026-08-25):
# HTTP 402 {"title": "Payment Required", "detail": "credits depleted",
# "type": "https://api.x.com/2/problems/credits-depleted"}.
def credits_depleted() -> ApiError:
    return ApiError(402, {"title": "Payment Required", "detail": "credits depleted",
                          "type": "https://api.x.com/2/problems/credits-depleted",
                          "status": 402})


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{value.microsecond // 1000:03d}Z"


def text_of(body_bytes: bytes) -> str:
    try:
        payload = json.loads(body_bytes or b"{}")
    except ValueError:
        return ""
    return str(payload.get("text") or "") if isinstance(payload, dict) else ""


def fields_of(query: dict[str, str], name: str) -> set[str]:
    return {f for f in query.get(name, "").split(",") if f}


def tweet_json(tweet: Tweet, fields: set[str], known: dict[int, Tweet],
                now: datetime) -> dict[str, Any]:
    text = tweet.text if not tweet.is_long else tweet.text[:277] + "…"
    out: dict[str, Any] = {"id": str(tweet.id), "text": text,
                           "edit_history_tweet_ids": extras.edit_history(tweet, known, now)}
    if "author_id" in fields:
        out["author_id"] = tweet.author_id
    if "created_at" in fields:
        out["created_at"] = iso(tweet.created_at)
    if "conversation_id" in fields:
        out["conversation_id"] = str(tweet.conversation_id)
    if "in_reply_to_user_id" in fields and tweet.in_reply_to_user_id:
        out["in_reply_to_user_id"] = tweet.in_reply_to_user_id
    if "referenced_tweets" in fields and (references := extras.references(tweet)):
        out["referenced_tweets"] = references
    if "attachments" in fields and tweet.media_keys:
        out["attachments"] = {"media_keys": list(tweet.media_keys)}
    if "note_tweet" in fields and tweet.is_long:
        out["note_tweet"] = {"text": tweet.text}
    return out


def dm_json(event: DmEvent, fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": str(event.id), "event_type": "MessageCreate",
                           "text": event.text}
    if "sender_id" in fields:
        out["sender_id"] = event.sender_id
    if "created_at" in fields:
        out["created_at"] = iso(event.created_at)
    if "dm_conversation_id" in fields:
        out["dm_conversation_id"] = event.conversation_id
    if "participant_ids" in fields:
        out["participant_ids"] = [event.sender_id, event.recipient_id]
    if "attachments" in fields and event.media_keys:
        out["attachments"] = {"media_keys": list(event.media_keys)}
    return out

