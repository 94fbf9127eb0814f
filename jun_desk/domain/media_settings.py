"""The media cache's settings (issue 29): where the photos are kept and how much of them,
the largest download, the most pixels an image may have. settings.ini ``[media]``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jun_desk.domain.images import MAX_PIXELS

MB = 1024 * 1024
DEFAULT_MAX_DOWNLOAD = 15 * MB  # X serves photos of up to 5 MB
DEFAULT_CACHE_LIMIT = 2048 * MB  # the cache folder's size, oldest out first


@dataclass(frozen=True)
class MediaSettings:
    folder: Path | None = None  # None: the data folder's ``media``
    cache_limit: int = DEFAULT_CACHE_LIMIT
    max_download: int = DEFAULT_MAX_DOWNLOAD
    max_pixels: int = MAX_PIXELS
