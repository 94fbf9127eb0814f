"""Does the sandbox answer, and does the desk ask, as X's OpenAPI document says?

Starts a sandbox, drives the desk's real X adapter (``XClient`` over tweepy) through every
endpoint the desk uses — success, pagination, partial errors, 400, 401, 403, 429 and the
24-hour post cap — records every request and answer on the wire, and checks each one with
openapi-core against X's published document:

- the request: its path, query parameters (each one declared by the operation, each value
  of the kind and within the values the document allows) and JSON body;
- the answer: its status, content type and body schema (problem bodies included);
- the headers X documents outside the OpenAPI file: ``x-rate-limit-*`` on every
  authenticated answer and the ``x-*-limit-24hour-*`` caps on POST /2/tweets.

The documents are not part of this repository (they are X's): they are found through
``JUN_DESK_X_OPENAPI`` or in ``<repo>/../shared/x-api/`` (:mod:`jun_desk.shared_material`).
Which generation of names the sandbox speaks follows from the document (``post.fields`` or
``tweet.fields``). The request bodies the sandbox accepts (:mod:`jun_desk.x.sandbox.bodies`)
are compared with the document's schemas, and requests made wrong on purpose (``INVALID``)
must be refused by both, the sandbox's 400 naming what is wrong.
The desk learns the newer generation with one refused probe; that probe is reported, and
its request is not counted as a difference (its answer is checked like any other).

A *spec gap* is an answer the document cannot describe at all: X's RFC 7807 problem
``about:blank`` (401, 429, plain 403) has no schema in the post-generation document. Such an
answer is checked against RFC 7807's own rules and listed apart, never hidden.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import requests

from jun_desk.shared_material import X_OPENAPI
from jun_desk.x.fieldnames import POST, TWEET, names_unknown_parameter
from jun_desk.x.ratelimit import endpoint_key
from jun_desk.x.sandbox.bodies import SCHEMAS

SPEC_ENV = X_OPENAPI.env
SPEC_SOURCE = X_OPENAPI.what
SPEC_SERVER = "https://api.x.com"
RATE_HEADERS = ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset")
DAILY_HEADERS = tuple(f"x-{scope}-limit-24hour-{what}" for scope in ("user", "app")
                      for what in ("limit", "remaining", "reset"))


def spec_generation(spec: dict[str, Any]) -> str:
    names = {p.get("name") for p in spec.get("components", {}).get("parameters", {}).values()}
    return POST if "post.fields" in names and "tweet.fields" not in names else TWEET


@dataclass(frozen=True)
class Difference:
    endpoint: str
    situation: str
    part: str  # request, answer, headers
    what: str

    def __str__(self) -> str:
        return f"{self.endpoint} [{self.situation}] {self.part}: {self.what}"


@dataclass
class Exchange:
    situation: str
    response: requests.Response

    @property
    def request(self) -> requests.PreparedRequest:
        return self.response.request

    @property
    def endpoint(self) -> str:
        return endpoint_key(str(self.request.method), str(self.request.path_url))


@dataclass
class Report:
    version: str
    generation: str
    exchanges: int = 0
    endpoints: set[str] = field(default_factory=set)
    statuses: set[int] = field(default_factory=set)
    differences: list[Difference] = field(default_factory=list)
    spec_gaps: list[Difference] = field(default_factory=list)
    probes: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)  # in the document itself
    refusals: int = 0  # exchanges made wrong on purpose (INVALID)
    body_schemas: int = 0  # the sandbox's request body schemas compared with the document's
    # media objects (includes.media, issue 29) in answers checked, by endpoint
    media: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"X OpenAPI {self.version} ({self.generation} generation of names): "
               f"{self.exchanges} exchanges ({self.refusals} made wrong on purpose), "
               f"{len(self.endpoints)} endpoints, statuses {sorted(self.statuses)}, "
               f"{self.body_schemas} request body schemas compared, media objects checked "
               f"{sum(self.media.values())} ({', '.join(sorted(self.media))})",
               f"differences: {len(self.differences)}"]
        out += [f"  {d}" for d in self.differences]
        out.append(f"spec gaps (answers the document cannot describe): {len(self.spec_gaps)}")
        out += [f"  {d}" for d in self.spec_gaps]
        out += [f"probe (the desk learning the generation): {p}" for p in self.probes]
        out += [f"defect of the document itself (not counted): {d}" for d in self.defects]
        return out


# ---------------------------------------------------------------------------- driving
def drive(generation: str) -> list[Exchange]:
    """The desk's calls on a sandbox that plays ``generation``, every exchange recorded."""
    import tweepy

    from jun_desk.secrets import XCredentials
    from jun_desk.x.client import (
        USER_TWEETS,
        XClient,
    )
    from jun_desk.x.errors import XApiError
    from jun_desk.x.sandbox.server import Sandbox

    recorded: list[Exchange] = []
    situation = [""]

    def recording(client: XClient) -> XClient:
        client.session.hooks["response"].append(
            lambda r, *a, **k: recorded.append(Exchange(situation[0], r)))
        return client

    def doing(what: str, call: Any) -> Any:
        situation[0] = what
        try:
            return call()
        except (XApiError, tweepy.HTTPException):
            return None

    options: dict[str, Any] = {"limits": {USER_TWEETS: 4}}
    if generation != TWEET:
        options["generation"] = generation
    options["daily_limits"] = {"POST /2/tweets": (2, 1667)}
    with Sandbox(speed=math.inf, **options) as sandbox:
        client = recording(XClient(sandbox.credentials, api_base=sandbox.base_url))
        me = doing("who am I", client.me)
        first = doing("mentions, first page", lambda: client.mentions(me.x_id))
        second = doing("mentions, next page", lambda: client.mentions(
            me.x_id, pagination_token=first.next_token))
        doing("mentions since the newest stored", lambda: client.mentions(
            me.x_id, since_id=second.items[-1].x_id))
        _invalid_requests(client, me.x_id, generation, doing)
        _streams(client, doing)
        dms = doing("DM events, first page", lambda: client.dm_events(max_results=50))
        doing("DM events, next page", lambda: client.dm_events(
            max_results=50, pagination_token=dms.next_token))
        citizens = [i.author_x_id for i in first.items[:3]]
        doing("users lookup, one unknown", lambda: client.users([*citizens, "999999"]))
        doing("tweets lookup, one unknown",
              lambda: client.tweets([first.items[0].x_id, "999999"]))
        doing("reply to a missing tweet (403)", lambda: client.reply("Hola", "123456789"))
        doing("reply", lambda: client.reply("Gracias, lo pasamos a Obras.", first.items[0].x_id))
        since = datetime.now(UTC) - timedelta(minutes=5)
        doing("own tweets since 5 minutes ago (already sent?)",
              lambda: client.user_tweets(me.x_id, start_time=since))
        doing("duplicate reply (403)", lambda: client.reply("Gracias, lo pasamos a Obras.",
                                                            first.items[0].x_id))
        doing("another reply", lambda: client.reply("Lo miramos hoy.", first.items[1].x_id))
        doing("24-hour post cap spent (429)", lambda: client.reply("Otra", first.items[2].x_id))
        doing("send a DM", lambda: client.send_dm(dms.items[0].author_x_id, "Hola, ¿dirección?"))
        for n in range(4):
            doing("own tweets until the window is spent (429)" if n == 3 else "own tweets",
                  lambda: client.user_tweets(me.x_id))
        _moderation(client, sandbox, doing)
        wrong = recording(XClient(XCredentials("nope", "nope", "nope", "nope"),
                                  api_base=sandbox.base_url))
        doing("wrong keys (401)", wrong.me)
        client.close()
        wrong.close()
    return recorded


def _streams(client: Any, doing: Any) -> None:
    """Issue 27: a staff account by its handle (and one X does not know), its mentions and
    its own posts page by page, a watched search page by page and one X refuses."""
    from jun_desk.domain.items import Stream, StreamKind
    from jun_desk.x.sandbox.staff_day import SEARCH_QUERIES, STAFF, UNKNOWN_HANDLE

    staff = doing("staff account by handle", lambda: client.user_by_username(STAFF[0].handle))
    doing("a handle X does not know", lambda: client.user_by_username(UNKNOWN_HANDLE))
    if staff is None:
        return
    mentions = Stream(StreamKind.STAFF, staff.x_id)
    first = doing("staff mentions, first page",
                  lambda: client.user_mentions(staff.x_id, mentions, max_results=5))
    if first is not None and first.next_token:
        doing("staff mentions, next page", lambda: client.user_mentions(
            staff.x_id, mentions, pagination_token=first.next_token, max_results=5))
    posts = Stream(StreamKind.STAFF_POSTS, staff.x_id)
    own = doing("staff posts, first page",
                lambda: client.user_tweets(staff.x_id, max_results=5, stream=posts))
    if own is not None and own.next_token:
        doing("staff posts, next page", lambda: client.user_tweets(
            staff.x_id, max_results=5, pagination_token=own.next_token, stream=posts))
    search = Stream(StreamKind.SEARCH, "1")
    found = doing("recent search, first page",
                  lambda: client.search_recent(SEARCH_QUERIES[0], search, max_results=10))
    if found is not None and found.next_token:
        doing("recent search, next page", lambda: client.search_recent(
            SEARCH_QUERIES[0], search, next_token=found.next_token, max_results=10))
    if found is not None and found.newest_id:
        doing("recent search since the newest stored", lambda: client.search_recent(
            SEARCH_QUERIES[0], search, since_id=found.newest_id, max_results=10))
    doing("recent search X refuses (400)",
          lambda: client.search_recent("(luz OR", search, max_results=10))


def _moderation(client: Any, sandbox: Any, doing: Any) -> None:
    """Hide/unhide, mute/unmute, mutes and blocks, delete: success and X's refusals."""
    desk = sandbox.scenario.desk.id
    tweets = sandbox.state.tweets_by_id
    post = next(t for t in sandbox.state.tweets
                if t.author_id == desk and t.in_reply_to_id is None)
    reply = next(t for t in sandbox.state.tweets if t.conversation_id == post.id
                 and t.in_reply_to_id is not None)
    foreign = next(t for t in sandbox.state.tweets if t.in_reply_to_id is not None
                   and (root := tweets.get(t.conversation_id)) is not None
                   and root.author_id != desk)
    doing("hide a reply", lambda: client.hide_reply(str(reply.id)))
    doing("unhide it", lambda: client.hide_reply(str(reply.id), hidden=False))
    doing("hide a reply in a citizen's thread (403)", lambda: client.hide_reply(str(foreign.id)))
    doing("hide a missing tweet (404)", lambda: client.hide_reply("123456789"))
    doing("mute an account", lambda: client.mute(reply.author_id))
    doing("list mutes", client.muted)
    doing("unmute it", lambda: client.mute(reply.author_id, muted=False))
    doing("mute yourself (403)", lambda: client.mute(desk))
    doing("list blocks", client.blocked)
    doing("delete someone else's tweet (403)", lambda: client.delete_tweet(str(reply.id)))
    doing("delete an own post", lambda: client.delete_tweet(str(post.id)))


INVALID = "invalid: "  # a request made wrong on purpose: the document must refuse it too


class Probe(NamedTuple):
    """A request made wrong on purpose, and the place X's 400 must name."""
    situation: str
    method: str
    path: str  # {me}: the desk's user id
    params: dict[str, str] | None
    body: dict[str, Any] | None
    place: str


def probes(generation: str) -> list[Probe]:
    """What X refuses with 400: wrong query parameters and values; in bodies, every wrongly
    typed member of a reply, a missing or malformed id, and one of each other body the desk
    sends."""
    fields = "post.fields" if generation == POST else "tweet.fields"
    mentions = "/2/users/{me}/mentions"
    query = [Probe("max_results out of range", "GET", mentions, {"max_results": "1000"}, None,
                   "max_results"),
             Probe("unknown query parameter", "GET", mentions, {"colour": "blue"}, None,
                   "colour"),
             Probe(f"unknown {fields} value", "GET", mentions, {fields: "id,colour"}, None,
                   "colour"),
             Probe("unknown expansions value", "GET", mentions,
                   {"expansions": "author_id,colour"}, None, "colour"),
             Probe("unknown event_types value", "GET", "/2/dm_events",
                   {"event_types": "MessageCreate,Colour"}, None, "Colour")]
    reply_to = {"in_reply_to_tweet_id": "123456789"}
    # (situation, method, path, body, place)
    bodies: list[tuple[str, str, str, dict[str, Any], str]] = [
              ("reply.in_reply_to_tweet_id a JSON number", "POST", "/2/tweets",
               {"text": "Hola", "reply": {"in_reply_to_tweet_id": 123456789}},
               "in_reply_to_tweet_id"),
              ("reply.in_reply_to_tweet_id not digits", "POST", "/2/tweets",
               {"text": "Hola", "reply": {"in_reply_to_tweet_id": "12a"}},
               "in_reply_to_tweet_id"),
              ("reply without in_reply_to_tweet_id", "POST", "/2/tweets",
               {"text": "Hola", "reply": {}}, "in_reply_to_tweet_id"),
              ("reply a string", "POST", "/2/tweets", {"text": "Hola", "reply": "123456789"},
               "reply"),
              ("reply.exclude_reply_user_ids JSON numbers", "POST", "/2/tweets",
               {"text": "Hola", "reply": {**reply_to, "exclude_reply_user_ids": [12345]}},
               "exclude_reply_user_ids"),
              ("reply.auto_populate_reply_metadata a string", "POST", "/2/tweets",
               {"text": "Hola", "reply": {**reply_to, "auto_populate_reply_metadata": "true"}},
               "auto_populate_reply_metadata"),
              ("text a JSON number", "POST", "/2/tweets", {"text": 5}, "text"),
              ("extra property in a POST /2/tweets body", "POST", "/2/tweets",
               {"text": "Hola", "colour": "blue"}, "colour"),
              ("DM text a JSON number", "POST", "/2/dm_conversations/with/{me}/messages",
               {"text": 5}, "text"),
              ("hidden a string", "PUT", "/2/tweets/123456789/hidden", {"hidden": "true"},
               "hidden"),
              ("target_user_id a JSON number", "POST", "/2/users/{me}/muting",
               {"target_user_id": 12345}, "target_user_id")]
    return query + [Probe(situation, method, path, None, body, place)
                    for situation, method, path, body, place in bodies]


def _invalid_requests(client: Any, me_id: str, generation: str, doing: Any) -> None:
    """Requests X refuses with 400: the sandbox must refuse them, and so must the document
    (a request the document allows but the sandbox refuses is a difference)."""
    from tweepy import OAuth1UserHandler

    from jun_desk.x.transport import X_API_BASE

    raw = client._tweepy.request
    for probe in probes(generation):
        doing(INVALID + probe.situation, lambda p=probe: raw(
            p.method, p.path.format(me=me_id), params=p.params, json=p.body, user_auth=True))
    keys = client._tweepy
    auth = OAuth1UserHandler(keys.consumer_key, keys.consumer_secret, keys.access_token,
                             keys.access_token_secret).apply_auth()
    doing(INVALID + "POST /2/tweets body not labelled application/json", lambda: (
        _raise_for(client.session.request("POST", X_API_BASE + "/2/tweets", data=b"text=Hola",
                                          headers={"Content-Type": "text/plain"}, auth=auth))))


def _raise_for(response: requests.Response) -> None:
    response.close()


# ---------------------------------------------------------------------------- checking
class _Request:
    """A recorded request as openapi-core reads it, addressed to X's own server."""

    def __init__(self, prepared: requests.PreparedRequest) -> None:
        from openapi_core.contrib.requests import RequestsOpenAPIRequest

        self._inner = RequestsOpenAPIRequest(prepared)
        self.parameters = self._inner.parameters
        self.path = self._inner.path
        self.method = self._inner.method
        self.body = self._inner.body
        self.content_type = self._inner.content_type
        self.host_url = SPEC_SERVER


def _reason(err: BaseException) -> str:
    parts = [str(err)]
    for inner in (getattr(err, "schema_errors", None) or [], [err.__cause__] if err.__cause__
                  else []):
        for e in inner:
            parts.append(getattr(e, "message", str(e)))
            parts += [getattr(s, "message", str(s)) for s in getattr(e, "schema_errors", [])]
    text = "; ".join(dict.fromkeys(p for p in parts if p))
    return re.sub(r"\s+", " ", text)[:400]


def _operation(spec: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            found: dict[str, Any] = item[method.lower()]
            return found
    return None


def _declared_query(spec: dict[str, Any], operation: dict[str, Any]) -> set[str]:
    names = set()
    for parameter in operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = spec["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[1]]
        if parameter.get("in") == "query":
            names.add(parameter["name"])
    return names


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def check(spec_path: Path, exchanges: list[Exchange] | None = None) -> Report:
    from openapi_core import Config, OpenAPI

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    generation = spec_generation(spec)
    report = Report(str(spec.get("info", {}).get("version", "?")), generation)
    problem: dict[str, Callable[[bytes], Any]] = {"application/problem+json": json.loads}
    try:
        openapi = OpenAPI.from_dict(spec, config=Config(extra_media_type_deserializers=problem))
    except Exception as err:  # the document breaks OpenAPI's own rules: say so, go on
        report.defects.append(re.sub(r"\s+", " ", str(err).split("\n\n")[0])[:300])
        openapi = OpenAPI.from_dict(spec, config=Config(extra_media_type_deserializers=problem,
                                                        spec_validator_cls=None))
    for exchange in exchanges if exchanges is not None else drive(generation):
        _check_one(spec, openapi, exchange, report)
    _check_body_schemas(spec, report)
    return report


# keywords that validate nothing: left out of the comparison
_ANNOTATIONS = {"description", "example", "default", "format"}


def _resolved(spec: dict[str, Any], schema: Any) -> Any:
    """``schema`` with its ``$ref`` s replaced and without annotations; ``required`` sorted."""
    if isinstance(schema, list):
        return [_resolved(spec, s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        target = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return {**_resolved(spec, target), **_resolved(spec, rest)}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key == "properties":
            out[key] = {name: _resolved(spec, s) for name, s in value.items()}
        elif key == "required":
            out[key] = sorted(value)
        else:
            out[key] = _resolved(spec, value)
    return out


def _unequal(a: Any, b: Any, at: str = "$") -> list[str]:
    """Where two schemas differ (JSON paths into the schema)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [w for k in sorted(a.keys() | b.keys())
                for w in _unequal(a.get(k), b.get(k), f"{at}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [w for n, (x, y) in enumerate(zip(a, b, strict=True))
                for w in _unequal(x, y, f"{at}[{n}]")]
    return [] if a == b else [f"{at}: document {json.dumps(a)}, sandbox {json.dumps(b)}"]


def _check_body_schemas(spec: dict[str, Any], report: Report) -> None:
    """The bodies the sandbox accepts (jun_desk.x.sandbox.bodies) are the document's."""
    for endpoint, schema in SCHEMAS[report.generation].items():
        method, path = endpoint.split(" ", 1)
        operation = _operation(spec, method, path.replace(":id", "1"))
        content = ((operation or {}).get("requestBody") or {}).get("content", {})
        declared = content.get("application/json", {}).get("schema")
        report.body_schemas += 1
        for where in (_unequal(_resolved(spec, declared), _resolved(spec, schema))
                      if declared else ["the document declares no JSON body"]):
            report.differences.append(Difference(endpoint, "request body schema", "request",
                                                 where[:300]))


def _check_one(spec: dict[str, Any], openapi: Any, exchange: Exchange, report: Report) -> None:
    from openapi_core.contrib.requests import RequestsOpenAPIResponse

    request, response = exchange.request, exchange.response
    endpoint = exchange.endpoint
    report.exchanges += 1
    report.refusals += exchange.situation.startswith(INVALID)
    report.endpoints.add(endpoint)
    report.statuses.add(response.status_code)
    body = _json(response)
    includes = body.get("includes") if isinstance(body, dict) else None
    found = includes.get("media") if isinstance(includes, dict) else None
    if isinstance(found, list) and found:
        report.media[endpoint] = report.media.get(endpoint, 0) + len(found)

    def differ(part: str, what: str) -> None:
        report.differences.append(Difference(endpoint, exchange.situation, part, what))

    probe = response.status_code == 400 and names_unknown_parameter(body) is not None
    if probe:
        report.probes.append(f"{endpoint} [{exchange.situation}]: X refused "
                             f"{names_unknown_parameter(body)}")
    wrapped = _Request(request)
    operation = _operation(spec, str(request.method), wrapped.path)
    if operation is None:
        differ("request", "the document has no such operation")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Unsupported scheme type": X's OAuth 1.0a
        if not probe:
            refused = [f"query parameter [{name}] is not declared" for name in
                       sorted(set(wrapped.parameters.query) - _declared_query(spec, operation))]
            try:
                openapi.validate_request(wrapped)
            except Exception as err:  # openapi-core's validation errors
                refused.append(_reason(err))
            if not exchange.situation.startswith(INVALID):
                for reason in refused:
                    differ("request", reason)
            elif not refused:
                differ("request", "the document allows this request; the sandbox answered "
                                  f"{response.status_code}")
            elif response.status_code != 400:
                differ("answer", f"the document refuses this request; the sandbox answered "
                                 f"{response.status_code}, X 400")
            elif (place := _place(report.generation, exchange.situation)) and \
                    not _names(body, place):
                differ("answer", f"the 400 does not name {place}")
        try:
            openapi.validate_response(wrapped, RequestsOpenAPIResponse(response))
        except Exception as err:
            if _spec_gap(report, body, response):
                report.spec_gaps.append(Difference(endpoint, exchange.situation, "answer",
                                                   f"{response.status_code} about:blank "
                                                   "problem: no schema in this document; "
                                                   "valid as RFC 7807"))
            else:
                differ("answer", _reason(err))
    _check_headers(endpoint, response, differ)


def _place(generation: str, situation: str) -> str | None:
    return next((p.place for p in probes(generation) if INVALID + p.situation == situation),
                None)


def _names(body: Any, place: str) -> bool:
    """Does X's 400 name ``place``: in an error's ``parameters`` or its message?"""
    errors = body.get("errors") if isinstance(body, dict) else None
    return any(place in " ".join([*(e.get("parameters") or {}), str(e.get("message", ""))])
               for e in errors or [] if isinstance(e, dict))


def _spec_gap(report: Report, body: Any, response: requests.Response) -> bool:
    """X's generic problem in a document that defines none: RFC 7807's rules instead."""
    return (report.generation == POST and isinstance(body, dict)
            and body.get("type") == "about:blank" and isinstance(body.get("title"), str)
            and body.get("status") in (None, response.status_code)
            and response.headers.get("Content-Type", "").startswith("application/problem+json"))


def _check_headers(endpoint: str, response: requests.Response, differ: Any) -> None:
    headers = {k.lower(): v for k, v in response.headers.items()}
    expected = () if response.status_code == 401 else (  # not authenticated: no budget
        RATE_HEADERS + (DAILY_HEADERS if endpoint == "POST /2/tweets" else ()))
    for name in expected:
        if not str(headers.get(name, "")).isdigit():
            differ("headers", f"{name} missing or not a number")
    body = _json(response)
    if response.status_code >= 400 and isinstance(body, dict) and "title" in body and \
            not headers.get("content-type", "").startswith("application/problem+json"):
        differ("headers", f"a problem body labelled {headers.get('content-type')}")
