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

import contextlib
import json
import logging
import math
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from oauthlib.common import Request as OAuthRequest
from oauthlib.oauth1.rfc5849 import signature, utils

from jun_desk.domain.tweet_length import weighted_length
from jun_desk.secrets import XCredentials
from jun_desk.x.fieldnames import GENERATIONS, POST, TWEET, to_post_body
from jun_desk.x.ratelimit import endpoint_key
from jun_desk.x.sandbox import extras, item_faults, rules
from jun_desk.x.sandbox.limits import DEFAULT_DAILY_LIMITS, RateLimits
from jun_desk.x.sandbox.paging import paged as _paged
from jun_desk.x.sandbox.paging import untoken as _untoken
from jun_desk.x.sandbox.rules import ApiError, json_body, not_found, time_param
from jun_desk.x.sandbox.rules import invalid as _invalid
from jun_desk.x.sandbox.rules import problem as _problem
from jun_desk.x.sandbox.scenario import DAY_LENGTH, DmEvent, Scenario, Tweet, User, build_scenario

log = logging.getLogger(__name__)

SANDBOX_CREDENTIALS = XCredentials(
    consumer_key="jun-sandbox-consumer-key", consumer_secret="jun-sandbox-consumer-secret",
    access_token="1200000000000000001-jun-sandbox-access-token",
    access_token_secret="jun-sandbox-access-token-secret",
)
WINDOW_SECONDS = 900
# Requests per 15-minute window per endpoint, close to X's published per-user limits.
DEFAULT_LIMITS = {
    "GET /2/users/me": 75,
    "GET /2/users": 900,
    "GET /2/users/:id": 900,
    "GET /2/users/:id/mentions": 180,
    "GET /2/users/:id/tweets": 900,
    "POST /2/tweets": 100,
    "GET /2/dm_events": 300,
    "GET /2/dm_conversations/with/:id/dm_events": 300,
    "POST /2/dm_conversations/with/:id/messages": 200,
}
MENTIONS_REACH = 800  # X serves only the most recent 800 mentions
DEFAULT_TWEET_FIELDS = {"id", "text", "edit_history_tweet_ids"}
DEFAULT_DM_FIELDS = {"id", "event_type", "text"}


@dataclass
class Faults:
    """Probabilities (0..1) of each injected failure, per request."""

    rate_limit: float = 0.0  # a 429 although the budget is not spent
    server_error: float = 0.0  # 500/502/503
    slow: float = 0.0  # answer after ``slow_seconds``
    slow_seconds: float = 2.0
    drop: float = 0.0  # close the connection without answering
    malformed: float = 0.0  # a 200 whose body is cut in half
    lost_write: float = 0.0  # a POST that is carried out, then the connection drops

    _KEYS: ClassVar[dict[str, str]] = {
        "429": "rate_limit", "5xx": "server_error", "slow": "slow", "drop": "drop",
        "malformed": "malformed", "lost_write": "lost_write", "slow_seconds": "slow_seconds",
    }

    @classmethod
    def parse(cls, spec: str) -> Faults:
        """'429=0.1,5xx=0.05,slow=0.02,drop=0.02,malformed=0.02,lost_write=0.01'."""
        faults = cls()
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, _, value = part.partition("=")
            name = cls._KEYS.get(key.strip())
            if name is None:
                raise ValueError(f"Unknown fault '{key}' (known: {', '.join(cls._KEYS)})")
            try:
                number = float(value)
            except ValueError:
                raise ValueError(f"Fault '{key}' needs a number, got '{value}'") from None
            if name != "slow_seconds" and not 0 <= number <= 1:
                raise ValueError(f"Fault '{key}' is a probability between 0 and 1")
            setattr(faults, name, number)
        return faults

    @property
    def any(self) -> bool:
        return any((self.rate_limit, self.server_error, self.slow, self.drop, self.malformed,
                    self.lost_write))


class SandboxClock:
    """Scenario time: the day plays ``speed`` times faster than real time; ``inf`` shows
    the whole day at once (then time goes on in real seconds after its end)."""

    def __init__(self, scenario: Scenario, speed: float) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._real_start = time.monotonic()
        self._start = scenario.start
        self._end = scenario.start + scenario.length

    def now(self) -> datetime:
        elapsed = time.monotonic() - self._real_start
        if math.isinf(self.speed):
            return self._end + timedelta(seconds=elapsed)
        return self._start + timedelta(seconds=elapsed * self.speed)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{value.microsecond // 1000:03d}Z"


@dataclass
class SandboxStats:
    requests: int = 0
    rate_limited: int = 0  # real 429s (budget spent)
    injected: dict[str, int] = field(default_factory=dict)
    by_endpoint: dict[str, int] = field(default_factory=dict)


class SandboxState:
    """Everything the sandbox X knows, behind one lock."""

    def __init__(self, scenario: Scenario, clock: SandboxClock, *, seed: int,
                 limits: dict[str, int], window_seconds: float,
                 credentials: XCredentials, scripted_answers: bool,
                 permissions: str = "dm", generation: str = TWEET,
                 daily_limits: dict[str, tuple[int, int]] | None = None) -> None:
        self.scenario = scenario
        self.generation = generation  # the names X speaks: tweet.fields or post.fields
        self.permissions = permissions  # what the X app may do: read, write or dm
        self.clock = clock
        self.limits = limits
        self.window_seconds = window_seconds
        self.credentials = credentials
        self.scripted_answers = scripted_answers
        self.lock = threading.RLock()
        self.rng = random.Random(seed)
        self.tweets: list[Tweet] = list(scenario.tweets)
        self.tweets_by_id = {t.id: t for t in self.tweets}
        self.dms: list[DmEvent] = list(scenario.dms)
        self.rate_limits = RateLimits(limits, window_seconds,
                                      DEFAULT_DAILY_LIMITS if daily_limits is None
                                      else daily_limits)
        self.nonces: deque[tuple[str, str]] = deque(maxlen=10_000)
        self.stats = SandboxStats()
        self.faults = Faults()
        self.item_faults = item_faults.ItemFaults()  # incomplete or surprising items

    @property
    def desk(self) -> User:
        return self.scenario.desk

    # ------------------------------------------------------------------ rate limits
    def spend(self, endpoint: str) -> tuple[dict[str, str], bool]:
        """Count a request; returns the x-rate-limit headers and whether it is allowed."""
        return self.rate_limits.spend(endpoint)

    # ------------------------------------------------------------------ reading
    def visible_tweets(self) -> list[Tweet]:
        now = self.clock.now()
        with self.lock:
            return [t for t in self.tweets if t.created_at <= now]

    def visible_dms(self) -> list[DmEvent]:
        now = self.clock.now()
        with self.lock:
            return [d for d in self.dms if d.created_at <= now]

    def user(self, user_id: str) -> User | None:
        return self.scenario.users.get(user_id)

    # ------------------------------------------------------------------ writing
    def post_tweet(self, text: str, reply_to: int | None) -> Tweet:
        now = self.clock.now()
        with self.lock:
            parent = self.tweets_by_id.get(reply_to) if reply_to is not None else None
            if reply_to is not None and (parent is None or parent.created_at > now):
                raise _problem(403, "Forbidden", "You attempted to reply to a Tweet that is "
                               "deleted or not visible to you.")
            day_ago = now - timedelta(hours=24)
            if any(t.author_id == self.desk.id and t.text == text and t.created_at >= day_ago
                   for t in self.tweets):
                raise _problem(403, "Forbidden",
                               "You are not allowed to create a Tweet with duplicate content.")
            tweet_id = self.scenario.ids.next(now)
            tweet = Tweet(tweet_id, self.desk.id, text, now,
                          parent.conversation_id if parent else tweet_id,
                          parent.id if parent else None, parent.author_id if parent else None)
            self._add_tweet(tweet)
            if parent is not None and parent.author_id != self.desk.id:
                self._maybe_answer_reply(parent, tweet)
            return tweet

    def send_dm(self, recipient: User, text: str) -> DmEvent:
        now = self.clock.now()
        with self.lock:
            event = DmEvent(self.scenario.ids.next(now), self.desk.id, recipient.id, text, now,
                            self._conversation(recipient.id))
            self.dms.append(event)
            if self.scripted_answers and event.id % 3 != 0:
                answer_at = now + self.answer_delay(minutes=5)
                self.dms.append(DmEvent(self.scenario.ids.next(answer_at), recipient.id,
                                        self.desk.id, "¡Gracias! Quedo a la espera 🙏",
                                        answer_at, event.conversation_id))
            return event

    def citizen_tweets(self, user_id: str, text: str) -> Tweet:
        """A citizen posts now (a live demonstration, the latency benchmark)."""
        now = self.clock.now()
        with self.lock:
            if user_id not in self.scenario.users or user_id == self.desk.id:
                raise ValueError(f"not a citizen of the scenario: {user_id}")
            tweet_id = self.scenario.ids.next(now)
            tweet = Tweet(tweet_id, user_id, text, now, tweet_id)
            self._add_tweet(tweet)
            return tweet

    def citizen_writes_dm(self, user_id: str, text: str) -> DmEvent:
        """A citizen sends the desk a direct message now."""
        now = self.clock.now()
        with self.lock:
            if user_id not in self.scenario.users or user_id == self.desk.id:
                raise ValueError(f"not a citizen of the scenario: {user_id}")
            event = DmEvent(self.scenario.ids.next(now), user_id, self.desk.id, text, now,
                            self._conversation(user_id))
            self.dms.append(event)
            return event

    def answer_delay(self, minutes: float) -> timedelta:
        """Scripted citizens take a while to answer; on an instant day, they answer at once."""
        return timedelta(0) if math.isinf(self.clock.speed) else timedelta(minutes=minutes)

    def _conversation(self, other: str) -> str:
        a, b = sorted((int(other), int(self.desk.id)))
        return f"{a}-{b}"

    def _add_tweet(self, tweet: Tweet) -> None:
        self.tweets.append(tweet)
        self.tweets_by_id[tweet.id] = tweet

    def _maybe_answer_reply(self, parent: Tweet, desk_reply: Tweet) -> None:
        """Scripted citizens answer about half of the desk's replies, 10 minutes later."""
        if not self.scripted_answers or desk_reply.id % 2:
            return
        author = self.scenario.users[parent.author_id]
        when = desk_reply.created_at + self.answer_delay(minutes=10)
        answer = Tweet(self.scenario.ids.next(when), author.id,
                       f"@{self.desk.username} ¡muchas gracias por la respuesta! 🙏", when,
                       parent.conversation_id, desk_reply.id, self.desk.id)
        self._add_tweet(answer)


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

    def _serve(self, method: str) -> None:
        state = self.server.state
        split = urlsplit(self.path)
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
            if method == "POST":
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
            self._drop()
            return
        body = item_faults.apply(state, endpoint, body)
        if fault == "malformed":
            raw = json.dumps(self._spoken(body)).encode()
            self._send_raw(status, raw[: max(1, len(raw) // 2)], headers)
            return
        self._send(status, body, headers)

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
        if method == "GET" and len(rest) == 2 and rest[0] == "users":
            return 200, self._users({**query, "ids": rest[1]}, single=True)
        if method == "GET" and len(rest) == 3 and rest[0] == "users" and rest[2] == "mentions":
            return 200, self._timeline(rest[1], query, mentions=True)
        if method == "GET" and len(rest) == 3 and rest[0] == "users" and rest[2] == "tweets":
            return 200, self._timeline(rest[1], query, mentions=False)
        if method == "POST" and rest == ["tweets"]:
            return 201, self._post_tweet(body)
        if method == "GET" and rest == ["tweets"]:
            return 200, self._lookup(query)
        if method == "GET" and rest == ["dm_events"]:
            return 200, self._dm_events(query, None)
        if (method == "GET" and len(rest) == 4 and rest[:2] == ["dm_conversations", "with"]
                and rest[3] == "dm_events"):
            return 200, self._dm_events(query, rest[2])
        if (method == "POST" and len(rest) == 4 and rest[:2] == ["dm_conversations", "with"]
                and rest[3] == "messages"):
            return 201, self._send_dm(rest[2], body)
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

    def _page_args(self, query: dict[str, str], kind: str, *, low: int, high: int,
                   default: int) -> tuple[int, int | None, int | None, tuple | None]:
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
        bound = None  # ("next", id): older than id; ("previous", id): newer than id
        if token is not None:
            older, newer = _untoken(kind, token), _untoken(kind + "p", token)
            if older is None and newer is None:
                raise _invalid("pagination_token", token, "The `pagination_token` query "
                                                          "parameter value is not valid")
            bound = ("next", older) if older is not None else ("previous", newer)
        return int(raw), since, until, bound

    def _timeline(self, user_id: str, query: dict[str, str], *, mentions: bool) -> dict:
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
        includes: dict[str, list] = {}
        referenced: dict[int, Tweet] = {}
        errors = []
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
            media = [extras.media_json(k) for t in page for k in t.media_keys]
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
        reply = payload.get("reply") or {}
        reply_to = reply.get("in_reply_to_tweet_id") if isinstance(reply, dict) else None
        if reply_to is not None and not str(reply_to).isdigit():
            raise _invalid("reply.in_reply_to_tweet_id", str(reply_to), "not a tweet id")
        tweet = self.server.state.post_tweet(text, int(reply_to) if reply_to else None)
        return {"data": {"id": str(tweet.id), "text": tweet.text,
                         "edit_history_tweet_ids": [str(tweet.id)]}}

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
            if "sender_id" in _fields(query, "expansions"):
                user_fields = _fields(query, "user.fields")
                out["includes"] = {"users": [state.scenario.users[s].as_json(user_fields)
                                             for s in sorted({e.sender_id for e in page})]}
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
        return rules.for_generation(POST, to_post_body(body))

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


def _fields(query: dict[str, str], name: str) -> set[str]:
    return {f for f in query.get(name, "").split(",") if f}


def _tweet_json(tweet: Tweet, fields: set[str], known: dict[int, Tweet],
                now: datetime) -> dict[str, Any]:
    text = tweet.text if not tweet.is_long else tweet.text[:277] + "…"
    out: dict[str, Any] = {"id": str(tweet.id), "text": text,
                           "edit_history_tweet_ids": extras.edit_history(tweet, known, now)}
    if "author_id" in fields:
        out["author_id"] = tweet.author_id
    if "created_at" in fields:
        out["created_at"] = _iso(tweet.created_at)
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


def _dm_json(event: DmEvent, fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": str(event.id), "event_type": "MessageCreate",
                           "text": event.text}
    if "sender_id" in fields:
        out["sender_id"] = event.sender_id
    if "created_at" in fields:
        out["created_at"] = _iso(event.created_at)
    if "dm_conversation_id" in fields:
        out["dm_conversation_id"] = event.conversation_id
    if "participant_ids" in fields:
        out["participant_ids"] = [event.sender_id, event.recipient_id]
    return out


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    state: SandboxState


class Sandbox:
    """Run the sandbox X in a background thread: ``with Sandbox() as sb: sb.base_url``."""

    def __init__(self, scenario: Scenario | None = None, *, host: str = "127.0.0.1",
                 port: int = 0, speed: float = math.inf, faults: Faults | None = None,
                 limits: dict[str, int] | None = None, window_seconds: float = WINDOW_SECONDS,
                 seed: int = 2026, credentials: XCredentials = SANDBOX_CREDENTIALS,
                 scripted_answers: bool = True, permissions: str = "dm",
                 generation: str = TWEET,
                 daily_limits: dict[str, tuple[int, int]] | None = None) -> None:
        if permissions not in ("read", "write", "dm"):
            raise ValueError("permissions is read, write or dm")
        if generation not in GENERATIONS:
            raise ValueError(f"generation is one of {', '.join(GENERATIONS)}")
        # The day is laid on the wall clock, as X's: at full speed it has just ended, so
        # what the desk posts now is stamped now; a slower day starts now.
        wall = datetime.now(UTC)
        self.scenario = scenario or build_scenario(
            seed, start=wall - DAY_LENGTH if math.isinf(speed) else wall)
        self.clock = SandboxClock(self.scenario, speed)
        self.state = SandboxState(self.scenario, self.clock, seed=seed,
                                  limits={**DEFAULT_LIMITS, **(limits or {})},
                                  window_seconds=window_seconds, credentials=credentials,
                                  scripted_answers=scripted_answers, permissions=permissions,
                                  generation=generation, daily_limits=daily_limits)
        self.state.faults = faults or Faults()
        self._server = _Server((host, port), _Handler)
        self._server.state = self.state
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def credentials(self) -> XCredentials:
        return self.state.credentials

    @property
    def faults(self) -> Faults:
        return self.state.faults

    @property
    def item_faults(self) -> item_faults.ItemFaults:
        return self.state.item_faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self.state.lock:
            self.state.faults = value

    def start(self) -> Sandbox:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="x-sandbox", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
