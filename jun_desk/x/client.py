"""A thin adapter over ``tweepy.Client`` (OAuth 1.0a user context) for what the desk needs.

Returns domain objects (XItem, XUser); raises only XApiError. Use it from a worker thread:
it blocks on the network and never sleeps for the rate limit itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import tweepy

from jun_desk.domain.items import ItemKind, XItem, XUser
from jun_desk.secrets import XCredentials
from jun_desk.x.errors import Failure, XApiError, map_exception
from jun_desk.x.ratelimit import RateBudget, daily_reset, endpoint_key
from jun_desk.x.transport import DEFAULT_TIMEOUT, X_API_BASE, RebasedSession

log = logging.getLogger(__name__)

TWEET_FIELDS = ["id", "text", "author_id", "created_at", "conversation_id", "referenced_tweets",
                "attachments", "note_tweet", "edit_history_tweet_ids", "in_reply_to_user_id"]
USER_FIELDS = ["id", "name", "username", "profile_image_url", "verified"]
MEDIA_FIELDS = ["media_key", "type", "url", "preview_image_url"]
TWEET_EXPANSIONS = ["author_id", "referenced_tweets.id", "attachments.media_keys"]
DM_EVENT_FIELDS = ["id", "text", "event_type", "created_at", "dm_conversation_id", "sender_id",
                   "participant_ids", "referenced_tweets", "attachments"]

MENTIONS = "GET /2/users/:id/mentions"
USER_TWEETS = "GET /2/users/:id/tweets"
DM_EVENTS = "GET /2/dm_events"
POST_TWEET = "POST /2/tweets"
POST_DM = "POST /2/dm_conversations/with/:id/messages"


@dataclass(frozen=True)
class Page:
    items: list[XItem]
    users: list[XUser]
    newest_id: str | None
    next_token: str | None
    warnings: list[str] = field(default_factory=list)


SHORT_429_WAIT = 5.0


def rate_limit_wait(headers: Any) -> float:
    """How long a 429 asks us to wait. With a 24-hour cap spent, until that cap resets;
    with the window spent (remaining 0), until its reset; a 429 while the window still has
    requests left is some other, short-lived limit: back off briefly instead of idling
    for the rest of the window."""
    daily = daily_reset(headers)
    if daily is not None:
        return max(1.0, daily - time.time())
    lower = {k.lower(): v for k, v in dict(headers or {}).items()}
    reset = str(lower.get("x-rate-limit-reset", ""))
    remaining = str(lower.get("x-rate-limit-remaining", ""))
    if remaining.isdigit() and int(remaining) > 0:
        return SHORT_429_WAIT
    return max(1.0, float(reset) - time.time()) if reset.isdigit() else 60.0


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _user(data: dict[str, Any]) -> XUser:
    return XUser(x_id=str(data["id"]), handle=str(data["username"]),
                 name=str(data.get("name", "")),
                 profile_image_url=data.get("profile_image_url"),
                 verified=bool(data.get("verified", False)))


def tweet_item(data: dict[str, Any], me_id: str) -> XItem:
    replied_to = next((str(r["id"]) for r in data.get("referenced_tweets") or []
                       if r.get("type") == "replied_to"), None)
    text = (data.get("note_tweet") or {}).get("text") or data["text"]
    author = str(data["author_id"])
    return XItem(
        x_id=str(data["id"]),
        kind=ItemKind.REPLY_OUT if author == me_id else ItemKind.MENTION,
        author_x_id=author, text=str(text), created_at=parse_time(data["created_at"]),
        conversation_id=str(data.get("conversation_id") or data["id"]),
        in_reply_to_x_id=replied_to,
        media_count=len((data.get("attachments") or {}).get("media_keys") or []),
        raw=data,
    )


def dm_item(data: dict[str, Any], me_id: str) -> XItem:
    sender = str(data["sender_id"])
    return XItem(
        x_id=str(data["id"]), kind=ItemKind.DM_OUT if sender == me_id else ItemKind.DM_IN,
        author_x_id=sender, text=str(data.get("text", "")),
        created_at=parse_time(data["created_at"]),
        conversation_id=str(data["dm_conversation_id"]),
        media_count=len((data.get("attachments") or {}).get("media_keys") or []),
        raw=data,
    )


class XClient:
    def __init__(self, credentials: XCredentials, *, api_base: str = X_API_BASE,
                 budget: RateBudget | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        self.budget = budget or RateBudget()
        self.api_base = api_base
        self.session = RebasedSession(api_base, timeout, on_response=self._record)
        self._tweepy = tweepy.Client(
            consumer_key=credentials.consumer_key, consumer_secret=credentials.consumer_secret,
            access_token=credentials.access_token,
            access_token_secret=credentials.access_token_secret, return_type=dict,
        )
        self._tweepy.session = self.session
        self._me: XUser | None = None

    # ------------------------------------------------------------------ plumbing
    def _record(self, method: str, url: str, response: requests.Response) -> None:
        key = endpoint_key(method, urlsplit(url).path)
        self.budget.update(key, response.headers)
        if response.status_code == 429:
            self.budget.blocked(key, rate_limit_wait(response.headers))

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            body = fn(*args, **kwargs)
        except Exception as err:  # every failure leaves as XApiError, secrets stripped
            mapped = map_exception(err, now=time.time())
            if mapped.failure is Failure.RATE_LIMITED:
                mapped.retry_after = rate_limit_wait(self.session.last_headers)
                mapped.resumes_at = daily_reset(self.session.last_headers)
                mapped.args = (mapped.text("en"),)
            raise mapped from None
        if not isinstance(body, dict):
            raise XApiError(Failure.MALFORMED)
        return body

    def close(self) -> None:
        self.session.close()

    # ------------------------------------------------------------------ reading
    def me(self) -> XUser:
        body = self._call(self._tweepy.get_me, user_fields=USER_FIELDS)
        try:
            self._me = _user(body["data"])
        except (KeyError, TypeError, ValueError):
            raise XApiError(Failure.MALFORMED) from None
        return self._me

    def _me_id(self) -> str:
        return (self._me or self.me()).x_id

    def _page(self, body: dict[str, Any], parse: Any) -> Page:
        me_id = self._me_id()
        try:
            items = [parse(d, me_id) for d in body.get("data") or []]
            users = [_user(u) for u in (body.get("includes") or {}).get("users") or []]
            meta = body.get("meta") or {}
            newest = meta.get("newest_id") or (max((i.x_id for i in items), key=int)
                                               if items else None)
            warnings = [str(e.get("detail") or e.get("message") or e)
                        for e in body.get("errors") or []]
            token = meta.get("next_token")
            newest = str(newest) if newest else None
            if (newest is not None and not newest.isdigit()) or \
                    (token is not None and not isinstance(token, str)) or \
                    any(not i.x_id.isdigit() for i in items):
                raise ValueError("ids and tokens must be what X sends")
            return Page(items, users, newest, token, warnings)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise XApiError(Failure.MALFORMED) from None

    def mentions(self, user_id: str, *, since_id: str | None = None,
                 pagination_token: str | None = None, max_results: int = 100) -> Page:
        params: dict[str, Any] = {
            "max_results": max_results, "tweet_fields": TWEET_FIELDS,
            "user_fields": USER_FIELDS, "media_fields": MEDIA_FIELDS,
            "expansions": TWEET_EXPANSIONS,
        }
        if since_id:
            params["since_id"] = since_id
        if pagination_token:
            params["pagination_token"] = pagination_token
        body = self._call(self._tweepy.get_users_mentions, user_id, user_auth=True, **params)
        return self._page(body, tweet_item)

    def user_tweets(self, user_id: str, *, since_id: str | None = None,
                    start_time: datetime | None = None, max_results: int = 100) -> Page:
        """The account's own recent tweets (the outbox checks them before resending)."""
        params: dict[str, Any] = {"max_results": max_results, "tweet_fields": TWEET_FIELDS}
        if since_id:
            params["since_id"] = since_id
        if start_time:
            params["start_time"] = start_time
        body = self._call(self._tweepy.get_users_tweets, user_id, user_auth=True, **params)
        return self._page(body, tweet_item)

    def dm_events(self, *, pagination_token: str | None = None, max_results: int = 100) -> Page:
        params: dict[str, Any] = {
            "max_results": max_results, "dm_event_fields": DM_EVENT_FIELDS,
            "event_types": "MessageCreate", "expansions": ["sender_id"],
            "user_fields": USER_FIELDS,
        }
        if pagination_token:
            params["pagination_token"] = pagination_token
        body = self._call(self._tweepy.get_direct_message_events, user_auth=True, **params)
        return self._page(body, dm_item)

    def users(self, ids: Sequence[str]) -> list[XUser]:
        body = self._call(self._tweepy.get_users, ids=list(ids), user_fields=USER_FIELDS,
                          user_auth=True)
        try:
            return [_user(u) for u in body.get("data") or []]
        except (KeyError, TypeError, ValueError):
            raise XApiError(Failure.MALFORMED) from None

    # ------------------------------------------------------------------ writing
    def reply(self, text: str, in_reply_to: str) -> str:
        body = self._call(self._tweepy.create_tweet, text=text,
                          in_reply_to_tweet_id=in_reply_to, user_auth=True)
        try:
            return str(body["data"]["id"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None

    def send_dm(self, participant_id: str, text: str) -> str:
        body = self._call(self._tweepy.create_direct_message, participant_id=participant_id,
                          text=text, user_auth=True)
        try:
            return str(body["data"]["dm_event_id"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None
