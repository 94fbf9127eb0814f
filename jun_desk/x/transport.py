"""Point tweepy at another address (sandbox, test server, proxy) without forking tweepy.

tweepy builds every URL as ``https://api.twitter.com`` + route and calls
``Client.session.request``; this session rewrites that prefix before the request is
prepared, so the OAuth 1.0a signature covers the address really used. It also keeps the
last response's headers per route (tweepy's Response drops them) for the rate budget.
"""

from __future__ import annotations

import threading
from typing import Any

import requests

X_API_BASE = "https://api.twitter.com"
DEFAULT_TIMEOUT = (5.0, 20.0)  # connect, read (seconds)


class RebasedSession(requests.Session):
    def __init__(self, base_url: str = X_API_BASE, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 on_response: Any = None) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._on_response = on_response
        self._lock = threading.Lock()
        self.last_headers: dict[str, str] = {}

    def request(self, method: str | bytes, url: str | bytes, *args: Any,  # type: ignore[override]
                **kwargs: Any) -> requests.Response:
        if isinstance(url, str) and url.startswith(X_API_BASE):
            url = self.base_url + url[len(X_API_BASE):]
        kwargs.setdefault("timeout", self.timeout)
        response = super().request(method, url, *args, **kwargs)
        with self._lock:
            self.last_headers = dict(response.headers)
        if self._on_response is not None:
            self._on_response(str(method), str(url), response)
        return response
