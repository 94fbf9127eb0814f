"""Downloading citizens' photos into the desk's cache (issue 29), off the GUI thread: the
sync runs a round after reading mentions and DMs, so a slow or failing download never
holds up the messages.

Only X's media hosts are asked (``pbs.twimg.com``, ``ton.twitter.com``,
``video.twimg.com``), over https, without following redirects; a DM's media carry the
account's OAuth 1.0a signature. On the sandbox, the same X addresses are fetched from the
sandbox's loopback server (``/_media/<host>/<path>``). A download is capped in size and
must say it is an image; its bytes are checked (``domain/images``: format, whole, pixels)
before they are kept. The file is written first, then its row: a kill -9 leaves at most a
``.part`` file, removed by the next round.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
import tweepy

from jun_desk.domain.error_codes import english
from jun_desk.domain.images import CONTENT_TYPES, ImageRefused, inspect
from jun_desk.services.media import MediaJob
from jun_desk.x.transport import DEFAULT_TIMEOUT, X_API_BASE

if TYPE_CHECKING:
    from jun_desk.services.desk import Desk
    from jun_desk.x.client import XClient

log = logging.getLogger(__name__)

X_MEDIA_HOSTS = frozenset({"pbs.twimg.com", "ton.twitter.com", "video.twimg.com"})
IMAGE_TYPES = frozenset(CONTENT_TYPES.values())
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
ROUND_LIMIT = 500  # downloads in one round at most: the next poll goes on
ROUND_SECONDS = 60.0  # and for at most this long (a slow host never delays the next poll)


class MediaRefused(Exception):
    """Never to be fetched: not X's, not an image, too large. An error code of
    ``media.*``; ``reason``: its English (stored, recognised by the window)."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.reason = english(code, params)
        super().__init__(self.reason)


class MediaFailed(MediaRefused):
    """This try failed (network, X's answer): tried again later."""


def media_address(url: str, sandbox_base: str | None = None) -> str:
    """Where to fetch ``url``: X's own address, or the sandbox's copy of it. Anything not
    on X's media hosts over https is refused."""
    parts = urlsplit(url)
    if parts.scheme != "https" or (parts.hostname or "") not in X_MEDIA_HOSTS \
            or parts.username or parts.password or parts.port not in (None, 443):
        raise MediaRefused("media.not_x_host")
    if sandbox_base is None:
        return url
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{sandbox_base.rstrip('/')}/_media/{parts.hostname}{path}"


class MediaFetcher:
    """Fetches one image's bytes. ``sandbox_base``: the sandbox's loopback address."""

    def __init__(self, auth: Any, *, sandbox_base: str | None = None,
                 max_bytes: int = 15 * 1024 * 1024,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        if sandbox_base is not None and urlsplit(sandbox_base).hostname not in LOOPBACK:
            raise ValueError("the sandbox's media are served only on the loopback address")
        self.auth = auth
        self.sandbox_base = sandbox_base
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.session = requests.Session()

    @classmethod
    def like(cls, client: XClient, **options: Any) -> MediaFetcher:
        """With the client's account (its OAuth 1.0a keys) and, on the sandbox, its
        address."""
        t = client._tweepy
        auth = tweepy.OAuth1UserHandler(t.consumer_key, t.consumer_secret, t.access_token,
                                        t.access_token_secret).apply_auth()
        base = client.api_base.rstrip("/")
        sandbox = None if base == X_API_BASE or urlsplit(base).hostname not in LOOPBACK \
            else base
        return cls(auth, sandbox_base=sandbox, **options)

    def close(self) -> None:
        self.session.close()

    def fetch(self, url: str, *, dm: bool = False) -> bytes:
        address = media_address(url, self.sandbox_base)
        try:
            with self.session.get(address, auth=self.auth if dm else None, stream=True,
                                  timeout=self.timeout, allow_redirects=False) as response:
                return self._read(response)
        except requests.RequestException as err:
            raise MediaFailed("media.network", detail=type(err).__name__) from None

    def _read(self, response: requests.Response) -> bytes:
        status = response.status_code
        if status != 200:
            raise MediaFailed("media.http", answer=status)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind not in IMAGE_TYPES:
            raise MediaRefused("media.not_image", content_type=kind or "no type")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise MediaRefused("media.too_large", megabytes=self.max_bytes // (1024 * 1024))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > self.max_bytes:
                raise MediaRefused("media.too_large", megabytes=self.max_bytes // (1024 * 1024))
            chunks.append(chunk)
        return b"".join(chunks)


@dataclass
class MediaRound:
    cached: int = 0
    failed: int = 0
    refused: int = 0
    evicted: int = 0
    cleaned: int = 0  # half-written files a killed run left
    missing: int = 0  # rows said cached whose file was gone: pending again
    settled: list[int] = field(default_factory=list)  # media ids cached or refused


class MediaDownloader:
    """Downloads what is due into the cache, one round per sync."""

    def __init__(self, desk: Desk, fetcher: MediaFetcher, *,
                 stop: threading.Event | None = None, batch: int = 50,
                 limit: int = ROUND_LIMIT, seconds: float = ROUND_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.desk = desk
        self.fetcher = fetcher
        self.stop = stop or threading.Event()
        self.batch = batch
        self.limit = limit
        self.seconds = seconds  # a round's time: the next poll is not kept waiting
        self._monotonic = monotonic
        self._rechecked = False

    def run(self) -> MediaRound:
        media = self.desk.media
        fetched = MediaRound(cleaned=media.cache.clean_parts())
        if not self._rechecked:  # once per run of the desk: files gone since (a restore)
            fetched.missing = media.recheck()
            self._rechecked = True
        done = 0
        until = self._monotonic() + self.seconds
        while done < self.limit and not self.stop.is_set() and self._monotonic() < until:
            jobs = media.due(min(self.batch, self.limit - done))
            if not jobs:
                break
            for job in jobs:
                if self.stop.is_set() or self._monotonic() >= until:
                    break
                self._one(job, fetched)
                done += 1
        media.stored(fetched.settled, fetched.cached, fetched.failed, fetched.refused)
        fetched.evicted = media.evict().files
        return fetched

    def _one(self, job: MediaJob, fetched: MediaRound) -> None:
        media = self.desk.media
        try:
            data = self.fetcher.fetch(job.url, dm=job.dm)
            facts = inspect(data, max_pixels=media.settings.max_pixels)
        except MediaFailed as err:
            log.info("Media %d not downloaded (try %d): %s", job.media_id, job.tries + 1,
                     err.reason)
            media.failed(job.media_id, err.reason)
            fetched.failed += 1
            return
        except (MediaRefused, ImageRefused) as err:
            log.info("Media %d refused: %s", job.media_id, err.reason)
            media.refused(job.media_id, err.reason)
            fetched.refused += 1
            fetched.settled.append(job.media_id)
            return
        try:
            sha, path = media.cache.put(data)
        except OSError as err:
            media.failed(job.media_id, english("media.cache_write",
                                               {"detail": err.strerror or str(err)}))
            fetched.failed += 1
            return
        media.cached(job.media_id, sha, path.stat().st_size, facts)
        fetched.cached += 1
        fetched.settled.append(job.media_id)
