"""A thin adapter over ``tweepy.Client`` (OAuth 1.0a user context) for what the desk needs.

Returns domain objects (XItem, XUser); raises only XApiError. Use it from a worker thread:
it blocks on the network and never sleeps for the rate limit itself.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import tweepy

from jun_desk.domain.costs import Charge, charges_for
from jun_desk.domain.items import ItemKind, Stream, Unreadable, XItem, XUser, snowflake_time
from jun_desk.domain.media import MediaKind, MediaRef
from jun_desk.secrets import XCredentials
from jun_desk.x.errors import Failure, XApiError, map_exception
from jun_desk.x.ratelimit import RateBudget, daily_reset, endpoint_key
from jun_desk.x.transport import DEFAULT_TIMEOUT, X_API_BASE, RebasedSession

log = logging.getLogger(__name__)

TWEET_FIELDS = ["id", "text", "author_id", "created_at", "conversation_id", "referenced_tweets",
                "attachments", "note_tweet", "edit_history_tweet_ids", "in_reply_to_user_id"]
USER_FIELDS = ["id", "name", "username", "profile_image_url", "verified"]
MEDIA_FIELDS = ["media_key", "type", "url", "preview_image_url", "alt_text", "width", "height"]
# Every expansion is billed (X charges each post, user and media item a response carries),
# and the desk keeps only the tweets themselves: authors are expanded only when asked
# (``expand_authors``); otherwise the sync looks up the authors it does not know, once.
TWEET_EXPANSIONS = ["author_id", "referenced_tweets.id", "attachments.media_keys"]
# Media are always expanded (issue 29): the desk keeps a copy of the citizens' photos, and
# only ``includes.media`` says where each one is. X bills each media item a page carries.
MEDIA_EXPANSIONS = ["attachments.media_keys"]
DM_EVENT_FIELDS = ["id", "text", "event_type", "created_at", "dm_conversation_id", "sender_id",
                   "participant_ids", "attachments"]

MENTIONS = "GET /2/users/:id/mentions"
USER_TWEETS = "GET /2/users/:id/tweets"
DM_EVENTS = "GET /2/dm_events"
SEARCH_RECENT = "GET /2/tweets/search/recent"
USER_BY_NAME = "GET /2/users/by/username/:username"
POST_TWEET = "POST /2/tweets"
MEDIA_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
               ".webp": "image/webp"}  # the image types X's v2 one-shot upload takes
POST_DM = "POST /2/dm_conversations/with/:id/messages"


@dataclass(frozen=True)
class Page:
    items: list[XItem]
    users: list[XUser]
    newest_id: str | None
    next_token: str | None
    warnings: list[str] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


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


class ItemUnreadable(ValueError):
    """One item of a page cannot be read whole (the page itself can)."""

    def __init__(self, reason: str, *, refetch: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.refetch = refetch


def _user(data: dict[str, Any]) -> XUser:
    return XUser(x_id=str(data["id"]), handle=str(data["username"]),
                 name=str(data.get("name", "")),
                 profile_image_url=data.get("profile_image_url"),
                 verified=bool(data.get("verified", False)))


def _users(includes: Any) -> list[XUser]:
    """The users X expanded; one it describes badly is skipped (its items are looked up
    again by id), never the page."""
    found = []
    raw = includes.get("users") if isinstance(includes, dict) else None
    for data in raw if isinstance(raw, list) else []:
        try:
            user = _user(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            log.info("X described a user the desk cannot read; it is looked up again: %.200r",
                     data)
            continue
        if _is_id(user.x_id) and user.handle:
            found.append(user)
    return found


def _is_id(value: str) -> bool:
    """X's ids are ASCII digits (``str.isdigit`` also takes '²' or '١')."""
    return value.isascii() and value.isdigit()


def _item_id(data: Any) -> str:
    if not isinstance(data, dict):
        raise ItemUnreadable("not a JSON object")
    x_id = str(data.get("id", ""))
    if not _is_id(x_id):
        raise ItemUnreadable("no valid id")
    return x_id


def _created_at(data: dict[str, Any], x_id: str) -> datetime:
    """X's created_at, or the time held in the snowflake id when it is missing or bad."""
    value = data.get("created_at")
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            parsed = parse_time(value)
            if parsed.tzinfo is not None:
                return parsed
    try:
        return snowflake_time(x_id)
    except (OverflowError, OSError, ValueError):
        raise ItemUnreadable("created_at missing and the id holds no valid time") from None


def _media_count(data: dict[str, Any]) -> int:
    """Attachments of any media type count (photo, video, animated_gif or one X adds)."""
    attachments = data.get("attachments")
    keys = attachments.get("media_keys") if isinstance(attachments, dict) else None
    return len(keys) if isinstance(keys, list) else 0


_MEDIA_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")  # X's: "3_1463000000000000000"


def _media_keys(data: Any) -> list[str]:
    attachments = data.get("attachments") if isinstance(data, dict) else None
    keys = attachments.get("media_keys") if isinstance(attachments, dict) else None
    return [str(k) for k in keys if isinstance(k, (str, int))] if isinstance(keys, list) else []


def _dimension(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else None


def _text_or_none(value: Any, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _address_or_none(value: Any) -> str | None:
    """An address X gave: printable, without spaces, at most 1,000 characters (anything
    else is no address: the attachment stays a link to the post)."""
    if not isinstance(value, str) or not 0 < len(value) <= 1000 or not value.isprintable() \
            or any(c.isspace() for c in value):
        return None
    return value


def media_refs(includes: Any) -> dict[str, MediaRef]:
    """The media X described in a page's ``includes.media``, by key. One described badly
    is left out (its item keeps its count); a type X adds later is kept as OTHER."""
    raw = includes.get("media") if isinstance(includes, dict) else None
    found: dict[str, MediaRef] = {}
    for data in raw if isinstance(raw, list) else []:
        if not isinstance(data, dict):
            continue
        key = data.get("media_key")
        if not isinstance(key, str) or not _MEDIA_KEY.fullmatch(key):
            continue
        found[key] = MediaRef(
            media_key=key, kind=MediaKind.of(data.get("type") if isinstance(
                data.get("type"), str) else None),
            url=_address_or_none(data.get("url")),
            preview_image_url=_address_or_none(data.get("preview_image_url")),
            alt_text=_text_or_none(data.get("alt_text"), 1000),
            width=_dimension(data.get("width")), height=_dimension(data.get("height")))
    return found


def with_media(item: XItem, described: dict[str, MediaRef]) -> XItem:
    """The item with the media X described of its attachments, in their order."""
    refs = tuple(described[k] for k in dict.fromkeys(_media_keys(item.raw)) if k in described)
    return replace(item, media=refs) if refs else item


def _edit_ids(data: dict[str, Any]) -> tuple[str, ...]:
    ids = data.get("edit_history_tweet_ids")
    if not isinstance(ids, list):
        return ()
    out = tuple(str(i) for i in ids if _is_id(str(i)))
    return out if len(out) == len(ids) else ()


def tweet_item(data: Any, me_id: str) -> XItem:
    """A tweet as the desk keeps it. Unknown fields, reference types and media types are
    ignored; created_at comes from the id when missing; without author or text the tweet
    is unreadable (and worth asking X for again by id)."""
    x_id = _item_id(data)
    note = data.get("note_tweet")
    text = (note.get("text") if isinstance(note, dict) else None) or data.get("text")
    author = data.get("author_id")
    missing = [name for name, present in (
        ("author_id", isinstance(author, (str, int)) and str(author) != ""),
        ("text", isinstance(text, str))) if not present]
    if missing:
        raise ItemUnreadable(f"{' and '.join(missing)} missing", refetch=True)
    if not _is_id(str(author)):
        raise ItemUnreadable("author_id is not a user id", refetch=True)
    references = data.get("referenced_tweets")
    replied_to = next((str(r["id"]) for r in references if isinstance(r, dict)
                       and r.get("type") == "replied_to" and _is_id(str(r.get("id", "")))),
                      None) if isinstance(references, list) else None
    conversation = data.get("conversation_id")
    author = str(author)
    return XItem(
        x_id=x_id,
        kind=ItemKind.REPLY_OUT if author == me_id else ItemKind.MENTION,
        author_x_id=author, text=str(text), created_at=_created_at(data, x_id),
        conversation_id=str(conversation) if _is_id(str(conversation or "")) else x_id,
        in_reply_to_x_id=replied_to, media_count=_media_count(data), raw=data,
        edit_ids=_edit_ids(data),
    )


def dm_item(data: Any, me_id: str) -> XItem | None:
    """A DM event; None for event types that are not messages (someone joined or left a
    group, or a type X adds later). Without a sender the event is unreadable: X has no way
    to ask for one DM event again."""
    x_id = _item_id(data)
    event_type = data.get("event_type", "MessageCreate")
    if event_type != "MessageCreate":
        log.info("DM event %s of type %.40r is not a message; not stored", x_id, event_type)
        return None
    sender = str(data.get("sender_id") or "")
    if not _is_id(sender):
        raise ItemUnreadable("sender_id missing")
    conversation = data.get("dm_conversation_id")
    if not isinstance(conversation, str) or not conversation:
        others = [str(p) for p in data.get("participant_ids") or [] if str(p) != me_id] \
            if isinstance(data.get("participant_ids"), list) else []
        if sender != me_id:
            others = [sender]
        if len(others) != 1 or not _is_id(others[0]):
            raise ItemUnreadable("dm_conversation_id missing")
        # A one-to-one conversation's id is the two user ids, the smaller first.
        conversation = "-".join(str(i) for i in sorted((int(others[0]), int(me_id))))
    text = data.get("text")
    return XItem(
        x_id=x_id, kind=ItemKind.DM_OUT if sender == me_id else ItemKind.DM_IN,
        author_x_id=sender, text=str(text) if isinstance(text, str) else "",
        created_at=_created_at(data, x_id), conversation_id=conversation,
        media_count=_media_count(data), raw=data,
    )


def _error_for(errors: list[Any], x_id: str) -> str:
    for e in errors:
        if isinstance(e, dict) and str(e.get("value") or e.get("resource_id")) == x_id:
            return f"X: {str(e.get('detail') or e.get('title') or 'not served')[:200]}"
    return "X did not serve it again"


class XClient:
    def __init__(self, credentials: XCredentials, *, api_base: str = X_API_BASE,
                 budget: RateBudget | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 expand_authors: bool = False) -> None:
        self.budget = budget or RateBudget()
        # True: pages carry their authors (and referenced tweets, media) as X's includes,
        # each billed; False (cost-minimal): only the tweets, unknown authors looked up.
        self.expand_authors = expand_authors
        self.api_base = api_base
        self.session = RebasedSession(api_base, timeout, on_response=self._record)
        self._tweepy = tweepy.Client(
            consumer_key=credentials.consumer_key, consumer_secret=credentials.consumer_secret,
            access_token=credentials.access_token,
            access_token_secret=credentials.access_token_secret, return_type=dict,
        )
        self._tweepy.session = self.session
        self._me: XUser | None = None
        # What X billed and the desk has not yet stored (issue 17): taken by whoever
        # stores the result, in that transaction; put back if the transaction fails.
        self._charges: list[Charge] = []
        self._charges_lock = threading.Lock()
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    # ------------------------------------------------------------------ the meter
    def take_charges(self) -> list[Charge]:
        with self._charges_lock:
            taken, self._charges = self._charges, []
        return taken

    def return_charges(self, charges: list[Charge]) -> None:
        """A transaction that was to store them failed: they wait for the next one."""
        with self._charges_lock:
            self._charges[:0] = charges

    @contextlib.contextmanager
    def billed(self) -> Iterator[list[Charge]]:
        """What X billed and the desk has not stored yet, for the transaction that stores
        it; put back for the next one if that transaction fails."""
        charges = self.take_charges()
        try:
            yield charges
        except BaseException:
            self.return_charges(charges)
            raise

    def _meter(self, key: str, response: requests.Response) -> None:
        if not 200 <= response.status_code < 300:
            return  # X bills what it served or carried out
        text = ""
        body: Any = None
        if key.startswith("POST"):
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                raw = response.request.body
                sent = json.loads(raw if isinstance(raw, (str, bytes)) else b"{}")
                text = str(sent.get("text") or "")
        else:
            try:
                body = response.json()
            except ValueError:
                return  # unreadable: read again later, and billed then
        charges = charges_for(key, body, self.clock(), text=text)
        if charges:
            with self._charges_lock:
                self._charges.extend(charges)

    # ------------------------------------------------------------------ plumbing
    def _record(self, method: str, url: str, response: requests.Response) -> None:
        key = endpoint_key(method, urlsplit(url).path)
        self.budget.update(key, response.headers)
        self._meter(key, response)
        if response.status_code == 429:
            self.budget.blocked(key, rate_limit_wait(response.headers))

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            body = fn(*args, **kwargs)
        except Exception as err:  # every failure leaves as XApiError, secrets stripped
            mapped = map_exception(err, now=time.time())
            if mapped.failure is Failure.RATE_LIMITED:
                mapped.waits(rate_limit_wait(self.session.last_headers),
                             daily_reset(self.session.last_headers))
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

    def _page(self, body: dict[str, Any], parse: Any, stream: Stream) -> Page:
        """A page read item by item: what cannot be read whole goes to ``unreadable``
        with the reason. Only a page whose frame is broken (no list of items, ids or
        tokens that are not X's) is refused as a whole."""
        me_id = self._me_id()
        data = body.get("data")
        meta = body.get("meta")
        if data is None:
            data = []
        if meta is None:
            meta = {}
        if not isinstance(data, list) or not isinstance(meta, dict):
            raise XApiError(Failure.MALFORMED)
        items: list[XItem] = []
        unreadable: list[Unreadable] = []
        ids: list[str] = []
        for entry in data:
            raw_id = str(entry.get("id", "")) if isinstance(entry, dict) else ""
            if _is_id(raw_id):
                ids.append(raw_id)
            else:
                raw_id = ""
            try:
                item = parse(entry, me_id)
            except ItemUnreadable as err:
                unreadable.append(Unreadable(stream, raw_id or None, err.reason, entry,
                                             err.refetch))
                continue
            except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError,
                    OSError) as err:
                unreadable.append(Unreadable(stream, raw_id or None,
                                             f"cannot be read ({type(err).__name__})", entry))
                continue
            if item is not None:
                items.append(item)
        errors = body.get("errors")
        warnings = [str(e.get("detail") or e.get("message") or e) if isinstance(e, dict)
                    else str(e) for e in (errors if isinstance(errors, list) else [])]
        newest = meta.get("newest_id") or (max(ids, key=int) if ids else None)
        token = meta.get("next_token")
        newest = str(newest) if newest else None
        if (newest is not None and not _is_id(newest)) or \
                (token is not None and not isinstance(token, str)):
            raise XApiError(Failure.MALFORMED)
        described = media_refs(body.get("includes"))
        if described:
            items = [with_media(item, described) for item in items]
        for bad in unreadable:
            log.warning("X sent a %s item the desk cannot read (%s): %s", stream.value,
                        bad.reason, bad.x_id or "no id")
        return Page(items, _users(body.get("includes")), newest, token, warnings, unreadable)

    def _expansions(self) -> dict[str, Any]:
        if not self.expand_authors:
            return {"media_fields": MEDIA_FIELDS, "expansions": MEDIA_EXPANSIONS}
        return {"user_fields": USER_FIELDS, "media_fields": MEDIA_FIELDS,
                "expansions": TWEET_EXPANSIONS}

    def mentions(self, user_id: str, *, since_id: str | None = None,
                 pagination_token: str | None = None, max_results: int = 100) -> Page:
        params: dict[str, Any] = {"max_results": max_results, "tweet_fields": TWEET_FIELDS,
                                  **self._expansions()}
        if since_id:
            params["since_id"] = since_id
        if pagination_token:
            params["pagination_token"] = pagination_token
        body = self._call(self._tweepy.get_users_mentions, user_id, user_auth=True, **params)
        return self._page(body, tweet_item, Stream.MENTIONS)

    def user_tweets(self, user_id: str, *, since_id: str | None = None,
                    start_time: datetime | None = None, max_results: int = 100,
                    pagination_token: str | None = None,
                    stream: Stream = Stream.MENTIONS) -> Page:
        """An account's recent tweets: the desk's own (the outbox checks them before
        resending) or a staff account's (their replies to citizens, issue 27)."""
        params: dict[str, Any] = {"max_results": max_results, "tweet_fields": TWEET_FIELDS}
        if since_id:
            params["since_id"] = since_id
        if start_time:
            params["start_time"] = start_time
        if pagination_token:
            params["pagination_token"] = pagination_token
        body = self._call(self._tweepy.get_users_tweets, user_id, user_auth=True, **params)
        return self._page(body, tweet_item, stream)

    def user_mentions(self, user_id: str, stream: Stream, *, since_id: str | None = None,
                      pagination_token: str | None = None, max_results: int = 100) -> Page:
        """Another account's mentions (a staff account's, issue 27): X serves the mentions
        timeline of any public account to the app (bearer token) or a user context."""
        params: dict[str, Any] = {"max_results": max_results, "tweet_fields": TWEET_FIELDS,
                                  **self._expansions()}
        if since_id:
            params["since_id"] = since_id
        if pagination_token:
            params["pagination_token"] = pagination_token
        body = self._call(self._tweepy.get_users_mentions, user_id, user_auth=True, **params)
        return self._page(body, tweet_item, stream)

    def search_recent(self, query: str, stream: Stream, *, since_id: str | None = None,
                      next_token: str | None = None, max_results: int = 100) -> Page:
        """GET /2/tweets/search/recent: posts of the last seven days that match a watched
        search (10 to 100 a page). A query X cannot take is its 400 (BAD_REQUEST)."""
        params: dict[str, Any] = {"max_results": max(10, min(100, max_results)),
                                  "tweet_fields": TWEET_FIELDS, **self._expansions()}
        if since_id:
            params["since_id"] = since_id
        if next_token:
            params["next_token"] = next_token
        body = self._call(self._tweepy.search_recent_tweets, query, user_auth=True, **params)
        return self._page(body, tweet_item, stream)

    def user_by_username(self, username: str) -> XUser | None:
        """GET /2/users/by/username/:username; None when X knows no such account (X
        answers 200 with an error, or 404)."""
        try:
            body = self._call(self._tweepy.get_user, username=username,
                              user_fields=USER_FIELDS, user_auth=True)
        except XApiError as err:
            if err.failure is Failure.NOT_FOUND:
                return None
            raise
        found = _users({"users": [body["data"]] if isinstance(body.get("data"), dict) else []})
        return found[0] if found else None

    def dm_events(self, *, pagination_token: str | None = None, max_results: int = 100) -> Page:
        params: dict[str, Any] = {
            "max_results": max_results, "dm_event_fields": DM_EVENT_FIELDS,
            "event_types": "MessageCreate",
            "expansions": MEDIA_EXPANSIONS, "media_fields": MEDIA_FIELDS,
        }
        if self.expand_authors:
            params.update(expansions=["sender_id", *MEDIA_EXPANSIONS], user_fields=USER_FIELDS)
        if pagination_token:
            params["pagination_token"] = pagination_token
        body = self._call(self._tweepy.get_direct_message_events, user_auth=True, **params)
        return self._page(body, dm_item, Stream.DMS)

    def users(self, ids: Sequence[str]) -> list[XUser]:
        """Users by id (GET /2/users?ids=, at most 100). Unknown ids are left out."""
        body = self._call(self._tweepy.get_users, ids=list(ids), user_fields=USER_FIELDS,
                          user_auth=True)
        data = body.get("data")
        return _users({"users": data if isinstance(data, list) else []})

    def tweets(self, ids: Sequence[str]) -> Page:
        """Tweets by id (GET /2/tweets?ids=, at most 100) with the fields the desk needs:
        a tweet a page sent incomplete is read again. Ids X no longer serves come back
        as unreadable with X's reason."""
        body = self._call(self._tweepy.get_tweets, list(ids), user_auth=True,
                          tweet_fields=TWEET_FIELDS, **self._expansions())
        page = self._page({k: v for k, v in body.items() if k != "meta"}, tweet_item,
                          Stream.MENTIONS)
        served = {i.x_id for i in page.items} | {u.x_id for u in page.unreadable if u.x_id}
        found = body.get("errors")
        errors: list[Any] = found if isinstance(found, list) else []
        missing = [Unreadable(Stream.MENTIONS, i, _error_for(errors, i), None)
                   for i in ids if i not in served]
        return Page(page.items, page.users, None, None, [], page.unreadable + missing)

    # ------------------------------------------------------------------ writing
    def reply(self, text: str, in_reply_to: str) -> str:
        body = self._call(self._tweepy.create_tweet, text=text,
                          in_reply_to_tweet_id=in_reply_to, user_auth=True)
        try:
            return str(body["data"]["id"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None

    def post(self, text: str, *, in_reply_to: str | None = None,
             media_ids: list[str] | None = None) -> str:
        """POST /2/tweets: one of the town's own posts (an announcement's), replying to
        the previous post of its thread when there is one."""
        body = self._call(self._tweepy.create_tweet, text=text,
                          in_reply_to_tweet_id=in_reply_to, media_ids=media_ids or None,
                          user_auth=True)
        try:
            return str(body["data"]["id"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None

    def upload_media(self, path: str) -> str:
        """POST /2/media/upload (one shot, an image as base64): X's media id for a post.
        tweepy 4.17 has only v1.1's upload (upload.twitter.com); X's v2 document lists
        this endpoint, so it goes through tweepy's signed request on the same session."""
        file = Path(path)
        media_type = MEDIA_TYPES.get(file.suffix.lower(), "image/jpeg")
        data = base64.b64encode(file.read_bytes()).decode("ascii")
        body = self._call(self._tweepy._make_request, "POST", "/2/media/upload",
                          json={"media": data, "media_category": "tweet_image",
                                "media_type": media_type}, user_auth=True)
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

    # ------------------------------------------------------------------ moderating
    def hide_reply(self, tweet_id: str, hidden: bool = True) -> bool:
        """PUT /2/tweets/:id/hidden. Returns X's ``hidden``; X refuses replies in
        conversations the account did not start, and tweets that are gone."""
        fn = self._tweepy.hide_reply if hidden else self._tweepy.unhide_reply
        body = self._call(fn, tweet_id, user_auth=True)
        try:
            return bool(body["data"]["hidden"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None

    def mute(self, user_id: str, muted: bool = True) -> bool:
        """POST /2/users/:me/muting or DELETE /2/users/:me/muting/:target. Returns X's
        ``muting``."""
        fn = self._tweepy.mute if muted else self._tweepy.unmute
        body = self._call(fn, user_id, user_auth=True)
        try:
            return bool(body["data"]["muting"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None

    def delete_tweet(self, tweet_id: str) -> bool:
        """DELETE /2/tweets/:id: one of the account's own posts."""
        body = self._call(self._tweepy.delete_tweet, tweet_id, user_auth=True)
        try:
            return bool(body["data"]["deleted"])
        except (KeyError, TypeError):
            raise XApiError(Failure.MALFORMED) from None

    def muted(self, *, max_results: int = 1000) -> list[XUser]:
        """Accounts the desk's account mutes (first page, up to 1,000)."""
        body = self._call(self._tweepy.get_muted, user_auth=True, max_results=max_results,
                          user_fields=USER_FIELDS)
        data = body.get("data")
        return _users({"users": data if isinstance(data, list) else []})

    def blocked(self, *, max_results: int = 1000) -> list[XUser]:
        """Accounts the desk's account blocks (read only: X's API v2 no longer manages
        blocks; that is done on x.com)."""
        body = self._call(self._tweepy.get_blocked, user_auth=True, max_results=max_results,
                          user_fields=USER_FIELDS)
        data = body.get("data")
        return _users({"users": data if isinstance(data, list) else []})
