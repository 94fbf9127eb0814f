"""Point tweepy at another address (sandbox, test server, proxy) without forking tweepy.

tweepy builds every URL as ``https://api.twitter.com`` + route and calls
``Client.session.request``; this session rewrites that prefix before the request is
prepared, so the OAuth 1.0a signature covers the address really used. It also keeps the
last response's headers per route (tweepy's Response drops them) for the rate budget.

It is also where the desk follows X's field names (:mod:`jun_desk.x.fieldnames`): tweepy
asks in the documented names (``tweet.fields``, ``referenced_tweets.id``); when X answers
400 saying it does not know one of them, the session switches to the other generation,
sends the request again in its names, logs it and remembers it (in the desk's config
folder), and from then on rewrites every query and every answer, so tweepy and the desk
keep reading the documented names.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

import requests

from jun_desk.x.fieldnames import (
    GENERATIONS,
    POST,
    TWEET,
    names_unknown_parameter,
    to_post_params,
    to_tweet_body,
)

log = logging.getLogger(__name__)

X_API_BASE = "https://api.twitter.com"
DEFAULT_TIMEOUT = (5.0, 20.0)  # connect, read (seconds)


class GenerationMemory:
    """Which generation of names each X address speaks, kept across runs in the desk's
    config folder (for this session only when that folder cannot be written)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from jun_desk.paths import Paths

            path = Paths.default().config / "x-field-names.json"
        self.path = path
        self._known: dict[str, str] = {}
        self._lock = threading.Lock()

    def _read(self) -> dict[str, str]:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in saved.items() if v in GENERATIONS} \
            if isinstance(saved, dict) else {}

    def get(self, base_url: str) -> str:
        with self._lock:
            return self._known.get(base_url) or self._read().get(base_url, TWEET)

    def set(self, base_url: str, generation: str) -> None:
        with self._lock:
            self._known[base_url] = generation
            saved = {**self._read(), base_url: generation}
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text(json.dumps(saved, indent=1), encoding="utf-8")
            except OSError as err:
                log.warning("Cannot remember X's field names in %s: %s", self.path, err)


class RebasedSession(requests.Session):
    def __init__(self, base_url: str = X_API_BASE, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 on_response: Any = None, memory: GenerationMemory | None = None) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._on_response = on_response
        self._lock = threading.Lock()
        self.last_headers: dict[str, str] = {}
        self.memory = memory or GenerationMemory()
        self.generation = self.memory.get(self.base_url)

    def request(self, method: str | bytes, url: str | bytes, *args: Any,
                **kwargs: Any) -> requests.Response:
        if isinstance(url, str) and url.startswith(X_API_BASE):
            url = self.base_url + url[len(X_API_BASE):]
        kwargs.setdefault("timeout", self.timeout)
        params = kwargs.get("params")
        response = self._send(method, url, args, kwargs, params)
        if response.status_code == 400 and params:
            refused = names_unknown_parameter(_body(response), self.generation)
            if refused is not None:
                other = POST if self.generation == TWEET else TWEET
                log.warning("X does not know %s: switching to its %s.fields names (and "
                            "remembering it for %s)", refused, other, self.base_url)
                self.generation = other
                self.memory.set(self.base_url, other)
                response.close()
                response = self._send(method, url, args, kwargs, params)
        with self._lock:
            self.last_headers = dict(response.headers)
        if self._on_response is not None:
            self._on_response(str(method), str(url), response)
        return response

    def _send(self, method: Any, url: Any, args: Any, kwargs: dict[str, Any],
              params: Any) -> requests.Response:
        if self.generation == POST and isinstance(params, dict):
            kwargs = {**kwargs, "params": to_post_params(params)}
        response = super().request(method, url, *args, **kwargs)
        if self.generation == POST and response.content:
            body = _body(response)
            if body is not None:  # the answer in the documented names, for tweepy
                response._content = json.dumps(to_tweet_body(body)).encode()
                response.encoding = "utf-8"
        return response


def _body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
