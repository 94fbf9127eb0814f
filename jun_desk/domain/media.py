"""The photos, videos and GIFs citizens attach: what X tells of each one and what the desk
can show of it.

This is the contract between the sync (which downloads media into the desk's cache) and
the window (which shows thumbnails, the ticket's photos and the viewer): the window only
ever sees ``MediaView`` values, never a download or a database row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class MediaKind(StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    ANIMATED_GIF = "animated_gif"
    OTHER = "other"  # a media type X adds later: kept, shown as a link

    @classmethod
    def of(cls, x_type: str | None) -> MediaKind:
        try:
            return cls(x_type or "")
        except ValueError:
            return cls.OTHER


class MediaState(StrEnum):
    PENDING = "pending"  # not downloaded yet, or waiting for its next try
    CACHED = "cached"  # its image (the photo, or a video's/GIF's preview) is in the cache
    FAILED = "failed"  # the last tries failed (``reason`` says why); tried again later
    REFUSED = "refused"  # broken, too large, or not on X's media hosts: a placeholder, for good


@dataclass(frozen=True, slots=True)
class MediaRef:
    """One attachment as X describes it (the ``includes.media`` object of a tweet or DM)."""

    media_key: str
    kind: MediaKind
    url: str | None = None  # a photo's image
    preview_image_url: str | None = None  # a video's or GIF's still image
    alt_text: str | None = None
    width: int | None = None
    height: int | None = None

    @property
    def image_url(self) -> str | None:
        """The image the desk downloads: the photo itself, or a video's/GIF's preview."""
        return self.url if self.kind is MediaKind.PHOTO else (self.preview_image_url or self.url)


@dataclass(frozen=True, slots=True)
class MediaView:
    """What the window shows of one attachment."""

    ref: MediaRef
    state: MediaState
    path: Path | None = None  # the cached image file, when ``state`` is CACHED
    reason: str | None = None  # why FAILED or REFUSED, in English (an error code's text)
    x_link: str | None = None  # where to open it on X (the post, or the video's page)
    # EXIF GPS position (latitude, longitude): filled only for staff of the departments where
    # a place helps (obras, limpieza), never exported.
    location: tuple[float, float] | None = None

    @property
    def showable(self) -> bool:
        return self.state is MediaState.CACHED and self.path is not None
