"""A loopback HTTP server that answers like the X API v2, over a scripted day in Jun.

It implements what the desk uses — users/me, users lookup, a user's mentions and tweets,
tweets lookup, posting a tweet (reply), DM events, sending a DM — as X's OpenAPI document
declares them (``rules``: unknown parameters and values refused; ``limits``: 15-minute
windows and 24-hour post caps; either generation of field names), with X's JSON shapes (``data``,
``includes``, ``meta``, ``errors``), X's OAuth 1.0a check (401/403 bodies as X sends them),
``x-rate-limit-*`` headers with real 429s, ``since_id``/``until_id``/pagination semantics,
field selection (``tweet.fields``, ``user.fields``, ``dm_event.fields``, ``expansions``), and
fault injection for tests and training.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from oauthlib.common import Request as OAuthRequest
from oauthlib.oauth1.rfc5849 import signature, utils

from jun_desk.domain.costs import DayBill, PriceTable, to_micro
from jun_desk.domain.tweet_length import weighted_length
from jun_desk.secrets import XCredentials
from jun_desk.x.fieldnames import GENERATIONS, POST, TWEET, to_post_body
from jun_desk.x.ratelimit import endpoint_key
from jun_desk.x.sandbox import extras, item_faults, rules
from jun_desk.x.sandbox import moderation as moderation_endpoints
from jun_desk.x.sandbox.day import DayRecord, plan_day
from jun_desk.x.sandbox.item_faults import ItemFaults
from jun_desk.x.sandbox.limits import DEFAULT_LIMITS, WINDOW_SECONDS
from jun_desk.x.sandbox.paging import paged as _paged
from jun_desk.x.sandbox.paging import untoken as _untoken
from jun_desk.x.sandbox.rules import ApiError, json_body, not_found, time_param
from jun_desk.x.sandbox.rules import invalid as _invalid
from jun_desk.x.sandbox.rules import problem as _problem
from jun_desk.x.sandbox.scenario import build_scenario
from jun_desk.x.sandbox.search import Context as SearchContext
from jun_desk.x.sandbox.search import QueryError, compile_query
from jun_desk.x.sandbox.state import (
    SANDBOX_CREDENTIALS,
    Faults,
    SandboxClock,
    SandboxState,
    SandboxStats,
    wall_clock,
)
from jun_desk.x.sandbox.wire import (
    DEFAULT_DM_FIELDS,
    DEFAULT_TWEET_FIELDS,
    MENTIONS_REACH,
    credits_depleted,
)
from jun_desk.x.sandbox.wire import dm_json as _dm_json
from jun_desk.x.sandbox.wire import fields_of as _fields
from jun_desk.x.sandbox.wire import text_of as _text_of
from jun_desk.x.sandbox.wire import tweet_json as _tweet_json
from jun_desk.x.sandbox.world import Scenario, Tweet

# What importers have always taken from here (the state, the limits and the wire format
# now live in ``state``, ``limits`` and ``wire``).
__all__ = [
    "DEFAULT_DM_FIELDS", "DEFAULT_LIMITS", "DEFAULT_TWEET_FIELDS", "MENTIONS_REACH",
    "SANDBOX_CREDENTIALS", "WINDOW_SECONDS", "Faults", "Sandbox", "SandboxClock",
    "SandboxState", "SandboxStats", "_tweet_json", "credits_depleted",
]

log = logging.getLogger(__name__)
MEDIA_ROUTE = "/_media/"  # X's media hosts on the loopback: /_media/pbs.twimg.com/media/…


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)

    # ------------------------------------------------------------------ entry points
    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def _serve(self, method: str) -> None:
        state = self.server.state
        split = urlsplit(self.path)
        if method == "GET" and split.path.startswith(MEDIA_ROUTE):
            self._media(split.path[len(MEDIA_ROUTE):], split.query)
            return
        endpoint = endpoint_key(method, split.path)
        query = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body_bytes = self.rfile.read(length) if length else b""
        with state.lock:
            state.stats.requests += 1
            state.stats.by_endpoint[endpoint] = state.stats.by_endpoint.get(endpoint, 0) + 1
            faults = state.faults
            roll = state.rng.random
            fault = None
            for name, p in (("drop", faults.drop), ("slow", faults.slow),
                            ("429", faults.rate_limit), ("5xx", faults.server_error),
                            ("malformed", faults.malformed), ("lost_write", faults.lost_write)):
                if p and roll() < p:
                    fault = name
                    state.stats.injected[name] = state.stats.injected.get(name, 0) + 1
                    break
        if fault == "drop":
            self._drop()
            return
        if fault == "slow":
            time.sleep(faults.slow_seconds)
        headers: dict[str, str] = {}  # a 401 carries no x-rate-limit headers; the rest do
        try:
            self._check_auth(method, split.path, split.query, body_bytes)
            headers, allowed = state.spend(endpoint)
            self._check_permission(method, endpoint)
            if state.depleted():
                with state.lock:
                    state.refused_for_credits += 1
                raise credits_depleted()
            if fault == "429" or not allowed:
                if not allowed:
                    with state.lock:
                        state.stats.rate_limited += 1
                self._send(429, {"title": "Too Many Requests", "detail": "Too Many Requests",
                                 "type": "about:blank", "status": 429}, headers)
                return
            if fault == "5xx":
                status = state.rng.choice([500, 502, 503])
                self._send(status, {"title": "Service Unavailable", "status": status,
                                    "detail": "Service Unavailable", "type": "about:blank"},
                           headers)
                return
            # what X's OpenAPI document declares, or X's 400 naming what it does not
            rules.check_query(state.generation, endpoint,
                              parse_qs(split.query, keep_blank_values=True))
            if method in ("POST", "PUT"):
                rules.check_body(state.generation, endpoint,
                                 self.headers.get("Content-Type", ""), body_bytes)
            if state.generation == POST:
                query = rules.tweet_query(query)
            status, body = self._route(method, split.path, query, body_bytes)
        except ApiError as err:
            self._send(err.status, err.body, headers)
            return
        if method == "POST":
            headers.update(state.rate_limits.posted(endpoint))
        if fault == "lost_write" and method == "POST":
            state.charge(endpoint, body, _text_of(body_bytes))  # carried out, and billed
            self._drop()
            return
        body = item_faults.apply(state.item_faults, state.lock, endpoint, body)
        state.charge(endpoint, body, _text_of(body_bytes),  # billed even if the answer is lost
                     owned=f"/users/{state.desk.id}/" in split.path)
        if fault == "malformed":
            raw = json.dumps(self._spoken(body)).encode()
            self._send_raw(status, raw[: max(1, len(raw) // 2)], headers)
            return
        self._send(status, body, headers)

    # ------------------------------------------------------------------ media
    def _media(self, host_and_path: str, query: str) -> None:
        """X's media hosts, played on the loopback: the bytes of a scenario's photo; a
        DM's only with the account's OAuth 1.0a signature (X's 401 without)."""
        state = self.server.state
        with state.lock:
            state.stats.media_requests += 1
        found = state.media.find(host_and_path)
        if found is None:
            self._send_raw(404, b"Not Found", {}, "text/plain")
            return
        key, served = found
        if state.media.needs_oauth(key):
            try:
                self._check_auth("GET", self.path.split("?", 1)[0], query, b"")
            except ApiError as err:
                self._send(err.status, err.body, {})
                return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a killed desk
            self._send_raw(200, served.body(), {"Cache-Control": "max-age=604800"},
                           served.content_type)

    # ------------------------------------------------------------------ auth
    def _check_auth(self, method: str, path: str, query: str, body: bytes) -> None:
        header = self.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            raise _problem(
                403, "Unsupported Authentication",
                "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint."
                "  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User"
                " Context].", "https://api.twitter.com/2/problems/unsupported-authentication")
        unauthorized = _problem(401, "Unauthorized", "Unauthorized")
        if not header.startswith("OAuth "):
            raise unauthorized
        try:
            params = {k: utils.unescape(v) for k, v in utils.parse_authorization_header(header)}
        except (ValueError, IndexError):
            raise unauthorized from None
        creds = self.server.state.credentials
        if (params.get("oauth_consumer_key") != creds.consumer_key
                or params.get("oauth_token") != creds.access_token
                or params.get("oauth_signature_method") != "HMAC-SHA1"):
            raise unauthorized
        try:
            stamp = int(params.get("oauth_timestamp", "0"))
        except ValueError:
            raise unauthorized from None
        if abs(time.time() - stamp) > 300:
            raise unauthorized
        nonce = (params.get("oauth_nonce", ""), str(stamp))
        host = self.headers.get("Host", f"127.0.0.1:{self.server.server_port}")
        uri = f"http://{host}{path}" + (f"?{query}" if query else "")
        request = OAuthRequest(uri, http_method=method, headers={"Authorization": header})
        form = self.headers.get("Content-Type", "").startswith(
            "application/x-www-form-urlencoded")  # OAuth 1.0a signs a form body's fields
        request.params = signature.collect_parameters(
            uri_query=query, body=body.decode("utf-8", "replace") if form else None,
            headers={"Authorization": header})
        request.signature = params.get("oauth_signature", "")
        if not signature.verify_hmac_sha1(request, creds.consumer_secret,
                                          creds.access_token_secret):
            raise unauthorized
        with self.server.state.lock:
            if nonce in self.server.state.nonces:
                raise unauthorized  # a replayed request
            self.server.state.nonces.append(nonce)

    def _check_permission(self, method: str, endpoint: str) -> None:
        """An X app registered as read-only (or without DM access) gets X's 403."""
        granted = self.server.state.permissions
        needs = "dm" if "dm_" in endpoint else ("write" if method != "GET" else "read")
        order = {"read": 0, "write": 1, "dm": 2}
        if order[needs] > order[granted]:
            raise _problem(403, "Forbidden", "Your client app is not configured with the "
                           "appropriate oauth1 app permissions for this endpoint.",
                           "https://api.twitter.com/2/problems/oauth1-permissions")

    # ------------------------------------------------------------------ routing
    def _route(self, method: str, path: str, query: dict[str, str],
               body: bytes) -> tuple[int, dict[str, Any]]:
        parts = [p for p in path.split("/") if p]
        if len(parts) < 2 or parts[0] != "2":
            raise _problem(404, "Not Found Error", f"Unknown endpoint {path}")
        rest = parts[1:]
        if method == "GET" and rest == ["users", "me"]:
            return 200, {"data": self.server.state.desk.as_json(_fields(query, "user.fields"))}
        if method == "GET" and rest == ["users"]:
            return 200, self._users(query)
        if method == "GET" and len(rest) == 4 and rest[:3] == ["users", "by", "username"]:
            return 200, self._user_by_name(rest[3], query)
        if method == "GET" and len(rest) == 2 and rest[0] == "users":
            return 200, self._users({**query, "ids": rest[1]}, single=True)
        if method == "GET" and len(rest) == 3 and rest[0] == "users" and rest[2] == "mentions":
            return 200, self._timeline(rest[1], query, mentions=True)
        if method == "GET" and len(rest) == 3 and rest[0] == "users" and rest[2] == "tweets":
            return 200, self._timeline(rest[1], query, mentions=False)
        if method == "POST" and rest == ["tweets"]:
            return 201, self._post_tweet(body)
        if method == "POST" and rest == ["media", "upload"]:
            return 200, self._upload_media(body)
        if method == "GET" and rest == ["tweets"]:
            return 200, self._lookup(query)
        if method == "GET" and rest == ["tweets", "search", "recent"]:
            return 200, self._search(query)
        if method == "GET" and rest == ["dm_events"]:
            return 200, self._dm_events(query, None)
        if (method == "GET" and len(rest) == 4 and rest[:2] == ["dm_conversations", "with"]
                and rest[3] == "dm_events"):
            return 200, self._dm_events(query, rest[2])
        if (method == "POST" and len(rest) == 4 and rest[:2] == ["dm_conversations", "with"]
                and rest[3] == "messages"):
            return 201, self._send_dm(rest[2], body)
        answer = moderation_endpoints.route(
            self.server.state, method, rest, query, body,
            lambda user: user.as_json(_fields(query, "user.fields")))
        if answer is not None:
            return answer
        raise _problem(404, "Not Found Error", f"Unknown endpoint {method} {path}")

    def _users(self, query: dict[str, str], single: bool = False) -> dict[str, Any]:
        fields = _fields(query, "user.fields")
        ids = [i for i in query.get("ids", "").split(",") if i]
        if not ids or len(ids) > 100:
            raise _invalid("ids", query.get("ids", ""), "ids must hold 1 to 100 user ids")
        found, errors = [], []
        for user_id in ids:
            user = self.server.state.user(user_id)
            if user is None:
                errors.append(not_found("user", "id", user_id))
            else:
                found.append(user.as_json(fields))
        out: dict[str, Any] = {}
        if found:
            out["data"] = found[0] if single else found
        if errors:
            out["errors"] = errors
        return out

    def _user_by_name(self, username: str, query: dict[str, str]) -> dict[str, Any]:
        """GET /2/users/by/username/:username: X answers 200 with an error for a name it
        does not know."""
        wanted = username.casefold()
        user = next((u for u in self.server.state.scenario.users.values()
                     if u.username.casefold() == wanted), None)
        if user is None:
            return {"errors": [not_found("user", "username", username)]}
        return {"data": user.as_json(_fields(query, "user.fields"))}

    def _search(self, query: dict[str, str]) -> dict[str, Any]:
        """GET /2/tweets/search/recent: the last seven days' posts matching the query,
        newest first, paged with ``next_token``. A query X cannot take is its 400."""
        state = self.server.state
        text = query.get("query", "")
        try:
            matcher = compile_query(text)
        except QueryError as err:
            raise _invalid("query", text, str(err)) from None
        if "pagination_token" in query and "next_token" not in query:
            query = {**query, "next_token": query["pagination_token"]}
        paging = {k: v for k, v in query.items() if k != "pagination_token"}
        if "next_token" in paging:
            paging["pagination_token"] = paging.pop("next_token")
        limit, since, until, bound = self._page_args(paging, "s", low=10, high=100,
                                                     default=10)
        users = state.scenario.users
        context = SearchContext(lambda a: users[a].username if a in users else "",
                                lambda t: any(kind == "retweeted" for kind, _ in t.references))
        now = state.clock.now()
        start = time_param(query, "start_time") or now - timedelta(days=7)
        pool = sorted((t for t in state.visible_tweets() if t.created_at >= start
                       and (since is None or t.id > since) and (until is None or t.id < until)
                       and matcher(t, context)), key=lambda t: t.id, reverse=True)
        page, tokens = _paged(pool, limit, bound, "s")
        tokens.pop("previous_token", None)  # recent search pages forward only
        return self._tweet_page(page, query, tokens)

    def _page_args(self, query: dict[str, str], kind: str, *, low: int, high: int,
                   default: int) -> tuple[int, int | None, int | None, tuple[str, int] | None]:
        raw = query.get("max_results", str(default))
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise _invalid("max_results", raw, f"The `max_results` query parameter value [{raw}]"
                                               f" is not between {low} and {high}")
        since = until = None
        for name in ("since_id", "until_id"):
            value = query.get(name)
            if value is not None and not value.isdigit():
                raise _invalid(name, value, f"The `{name}` query parameter value [{value}] is"
                                            " not valid")
        if query.get("since_id"):
            since = int(query["since_id"])
        if query.get("until_id"):
            until = int(query["until_id"])
        token = query.get("pagination_token")
        # ("next", id): older than id; ("previous", id): newer than id
        bound: tuple[str, int] | None = None
        if token is not None:
            older, newer = _untoken(kind, token), _untoken(kind + "p", token)
            if older is not None:
                bound = ("next", older)
            elif newer is not None:
                bound = ("previous", newer)
            else:
                raise _invalid("pagination_token", token, "The `pagination_token` query "
                                                          "parameter value is not valid")
        return int(raw), since, until, bound

    def _timeline(self, user_id: str, query: dict[str, str], *,
                  mentions: bool) -> dict[str, Any]:
        state = self.server.state
        user = state.user(user_id)
        if user is None:
            return {"errors": [not_found("user", "id", user_id)]}
        kind = "m" if mentions else "t"
        limit, since, until, bound = self._page_args(query, kind, low=5, high=100,
                                                     default=10)
        start = time_param(query, "start_time")
        tweets = state.visible_tweets()
        if mentions:
            pool = [t for t in tweets if t.mentions(user.username) and t.author_id != user.id]
            pool = sorted(pool, key=lambda t: t.id, reverse=True)[:MENTIONS_REACH]
        else:
            pool = sorted((t for t in tweets if t.author_id == user.id), key=lambda t: t.id,
                          reverse=True)
        selected = [t for t in pool
                    if (since is None or t.id > since) and (until is None or t.id < until)
                    and (start is None or t.created_at >= start)]
        page, tokens = _paged(selected, limit, bound, kind)
        return self._tweet_page(page, query, tokens)

    def _tweet_page(self, page: list[Tweet], query: dict[str, str],
                    tokens: dict[str, str]) -> dict[str, Any]:
        state = self.server.state
        fields = _fields(query, "tweet.fields") | DEFAULT_TWEET_FIELDS
        expansions = _fields(query, "expansions")
        now = state.clock.now()
        out: dict[str, Any] = {}
        if page:
            out["data"] = [_tweet_json(t, fields, state.tweets_by_id, now) for t in page]
        includes: dict[str, list[dict[str, Any]]] = {}
        referenced: dict[int, Tweet] = {}
        errors: list[dict[str, Any]] = []
        if "referenced_tweets.id" in expansions:
            for t in page:
                for ref in extras.references(t):
                    found = state.tweets_by_id.get(int(ref["id"]))
                    if found is not None and found.created_at <= now:
                        referenced[found.id] = found
                    elif all(e["value"] != ref["id"] for e in errors):  # a partial error
                        errors.append(not_found("tweet", "referenced_tweets.id", ref["id"]))
        if page and "author_id" in expansions:
            authors = {t.author_id for t in [*page, *referenced.values()]}
            user_fields = _fields(query, "user.fields")
            includes["users"] = [state.scenario.users[a].as_json(user_fields)
                                 for a in sorted(authors) if a in state.scenario.users]
        if referenced:
            includes["tweets"] = [_tweet_json(p, fields, state.tweets_by_id, now)
                                  for p in referenced.values()]
        if page and "attachments.media_keys" in expansions:
            media = [state.media.json(k) for t in page for k in t.media_keys]
            if media:
                includes["media"] = media
        if includes:
            out["includes"] = includes
        if errors:
            out["errors"] = errors
        meta: dict[str, Any] = {"result_count": len(page)}
        if page:
            meta["newest_id"] = str(page[0].id)
            meta["oldest_id"] = str(page[-1].id)
        meta.update(tokens)
        out["meta"] = meta
        return out

    def _lookup(self, query: dict[str, str]) -> dict[str, Any]:
        """GET /2/tweets?ids=: the tweets found, and a partial error for each one not."""
        ids = [i for i in query.get("ids", "").split(",") if i]
        if not 1 <= len(ids) <= 100 or not all(i.isdigit() for i in ids):
            raise _invalid("ids", query.get("ids", ""), "ids must hold 1 to 100 tweet ids")
        state = self.server.state
        now = state.clock.now()
        found = [t for i in ids if (t := state.tweets_by_id.get(int(i))) and t.created_at <= now]
        out = self._tweet_page(found, query, {})
        del out["meta"]
        missing = [i for i in ids if int(i) not in {t.id for t in found}]
        if missing:
            out["errors"] = [*out.get("errors", []), *(not_found("tweet", "ids", i)
                                                       for i in missing)]
        return out

    def _post_tweet(self, body: bytes) -> dict[str, Any]:
        payload = json_body(body)
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _invalid("text", str(text), "text must be a non-empty string")
        if weighted_length(text) > 280:
            raise _problem(403, "Forbidden", "Your Tweet text is too long. For more information"
                           " on how Twitter determines text length see "
                           "https://github.com/twitter/twitter-text.")
        # the body's schema (rules.check_body) made an id a string of 1 to 19 digits
        reply_to = (payload.get("reply") or {}).get("in_reply_to_tweet_id")
        media_ids = [str(m) for m in (payload.get("media") or {}).get("media_ids") or []]
        tweet = self.server.state.post_tweet(text, int(reply_to) if reply_to else None,
                                             media_ids)
        return {"data": {"id": str(tweet.id), "text": tweet.text,
                         "edit_history_tweet_ids": [str(tweet.id)]}}

    def _upload_media(self, body: bytes) -> dict[str, Any]:
        """POST /2/media/upload, one shot (X's MediaUploadRequestOneShot): a whole image as
        base64; X refuses what it cannot read as the type it says it is."""
        payload = json_body(body)
        category = payload.get("media_category")
        if category not in ("tweet_image", "dm_image", "subtitles"):
            raise _invalid("media_category", str(category),
                           "media_category must be one of tweet_image, dm_image, subtitles")
        media_type = str(payload.get("media_type") or "")
        try:
            data = base64.b64decode(str(payload.get("media") or ""), validate=True)
        except ValueError:
            raise _invalid("media", "(binary)", "media must be base64-encoded") from None
        problem = extras.image_problem(data, media_type)
        if problem is not None:
            raise _invalid("media", media_type or "(none)", problem)
        media_id, key = self.server.state.upload_media(data, media_type)
        return {"data": {"id": media_id, "media_key": key, "size": len(data),
                         "expires_after_secs": 86400}}

    def _dm_events(self, query: dict[str, str], participant: str | None) -> dict[str, Any]:
        state = self.server.state
        limit, _since, _until, bound = self._page_args(query, "d", low=1, high=100,
                                                       default=100)
        fields = _fields(query, "dm_event.fields") | DEFAULT_DM_FIELDS
        events = state.visible_dms()
        if participant is not None:
            events = [e for e in events if participant in (e.sender_id, e.recipient_id)]
        oldest = state.clock.now() - timedelta(days=30)  # X keeps 30 days of DM events
        events = sorted((e for e in events if e.created_at >= oldest),
                        key=lambda e: e.id, reverse=True)
        page, tokens = _paged(events, limit, bound, "d")
        out: dict[str, Any] = {}
        if page:
            out["data"] = [_dm_json(e, fields) for e in page]
            expansions = _fields(query, "expansions")
            includes: dict[str, Any] = {}
            if "sender_id" in expansions:
                user_fields = _fields(query, "user.fields")
                includes["users"] = [state.scenario.users[s].as_json(user_fields)
                                     for s in sorted({e.sender_id for e in page})]
            media = [state.media.json(k) for e in page for k in e.media_keys]
            if media and "attachments.media_keys" in expansions:
                includes["media"] = media
            if includes:
                out["includes"] = includes
        out["meta"] = {"result_count": len(page), **tokens}
        return out

    def _send_dm(self, participant: str, body: bytes) -> dict[str, Any]:
        state = self.server.state
        payload = json_body(body)
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _invalid("text", str(text), "text must be a non-empty string")
        if len(text) > 10_000:
            raise _invalid("text", text[:20], "Text messages support up to 10,000 characters")
        recipient = state.user(participant)
        if recipient is None or recipient.id == state.desk.id:
            raise _problem(400, "Invalid Request",
                           f"The participant id {participant} is not a valid recipient")
        event = state.send_dm(recipient, text)
        return {"data": {"dm_conversation_id": event.conversation_id,
                         "dm_event_id": str(event.id)}}

    # ------------------------------------------------------------------ output
    def _spoken(self, body: dict[str, Any]) -> dict[str, Any]:
        """The body in the names of the generation this sandbox plays."""
        if self.server.state.generation != POST:
            return body
        spoken: dict[str, Any] = rules.for_generation(POST, to_post_body(body))
        return spoken

    def _send(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
        # X's error bodies are RFC 7807 problems, labelled as such
        kind = rules.PROBLEM_CONTENT_TYPE if status >= 400 and "title" in body else \
            "application/json; charset=utf-8"
        self._send_raw(status, json.dumps(self._spoken(body), ensure_ascii=False).encode(),
                       headers, kind)

    def _send_raw(self, status: int, raw: bytes, headers: dict[str, str],
                  content_type: str = "application/json; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(2)



class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    state: SandboxState


# How often the serving loop looks for a stop request: ``shutdown`` waits for it, and
# socketserver's default half a second made every stop (a test's, the desk's on closing)
# take that long; twenty idle wake-ups a second cost nothing.
_STOP_POLL_SECONDS = 0.05


class Sandbox:
    """Run the sandbox X in a background thread: ``with Sandbox() as sb: sb.base_url``."""

    def __init__(self, scenario: Scenario | None = None, *, host: str = "127.0.0.1",
                 port: int = 0, speed: float = math.inf, faults: Faults | None = None,
                 limits: dict[str, int] | None = None, window_seconds: float = WINDOW_SECONDS,
                 seed: int = 2026, credentials: XCredentials = SANDBOX_CREDENTIALS,
                 scripted_answers: bool = True, permissions: str = "dm",
                 generation: str = TWEET,
                 daily_limits: dict[str, tuple[int, int]] | None = None,
                 prices: PriceTable | None = None, credits: float | None = None,
                 day_file: Path | None = None, wall: Callable[[], datetime] = wall_clock,
                 timer: Callable[[], float] = time.monotonic,
                 under_way: timedelta = timedelta(0)) -> None:
        """``day_file``: where the day laid for a database is recorded, so a restart on
        it the same UTC day plays the same day (same ids) from where it had got to
        (``day``). ``wall``: the real time X lives in (the day is laid on it, bills are
        dated by it; tests put it on a month's end or a summer-time night); ``timer``:
        real seconds (tests). ``under_way``: how much of a new day (not a resumed one)
        has already happened when the sandbox starts, its messages dated in the past and
        waiting for the first sync (the training desk's first screen); none by default,
        the day starts now."""
        if permissions not in ("read", "write", "dm"):
            raise ValueError("permissions is read, write or dm")
        if generation not in GENERATIONS:
            raise ValueError(f"generation is one of {', '.join(GENERATIONS)}")
        # The day is laid on the wall clock, as X's: at full speed it has just ended, so
        # what the desk posts now is stamped now; a slower day starts now.
        now = wall()
        record = DayRecord.read(day_file) if day_file is not None and scenario is None \
            else None
        plan = plan_day(record, seed=seed, speed=speed, wall=now, under_way=under_way)
        self.scenario = scenario or build_scenario(seed, start=plan.start)
        resume_at = plan.resume_at
        if scenario is not None and under_way and not math.isinf(speed):
            resume_at = scenario.start + under_way  # a given day: that far into it
        self.clock = SandboxClock(self.scenario, speed, resume_at=resume_at, timer=timer)
        if day_file is not None and scenario is None:
            DayRecord(seed, plan.start, now, self.clock.now(), speed).write(day_file)
        self.state = SandboxState(self.scenario, self.clock, seed=seed,
                                  limits={**DEFAULT_LIMITS, **(limits or {})},
                                  window_seconds=window_seconds, credentials=credentials,
                                  scripted_answers=scripted_answers, permissions=permissions,
                                  generation=generation, daily_limits=daily_limits,
                                  prices=prices, wall=wall,
                                  credits_micro=None if credits is None else to_micro(credits))
        self.state.faults = faults or Faults()
        self._server = _Server((host, port), _Handler)
        self._server.state = self.state
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        # an IPv4 server's address: (host, port)
        host, port = cast(tuple[str, int], self._server.server_address[:2])
        return f"http://{host}:{port}"

    @property
    def credentials(self) -> XCredentials:
        return self.state.credentials

    @property
    def faults(self) -> Faults:
        return self.state.faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self.state.lock:
            self.state.faults = value

    @property
    def bill(self) -> DayBill:
        """What this X has billed so far (µ$ in ``bill.total``)."""
        return self.state.bill

    @property
    def item_faults(self) -> ItemFaults:
        return self.state.item_faults

    def start(self) -> Sandbox:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        args=(_STOP_POLL_SECONDS,), name="x-sandbox",
                                        daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever(_STOP_POLL_SECONDS)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
