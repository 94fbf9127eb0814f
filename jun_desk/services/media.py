"""Citizens' photos, videos and GIFs (issue 29): what the window shows of them, and the
bookkeeping of the desk's media cache for the downloader (``x/media.py``).

The window only ever gets ``MediaView`` values (``for_items``, ``for_ticket``). The
downloader asks what is ``due``, fetches it off the GUI thread, and says how it went:
``cached`` (the file is written first, then the row: an orphan file is harmless and
reused), ``failed`` (retried later, with backoff) or ``refused`` (a placeholder, for good).
The cache is bounded (``evict``: oldest first, never the media of an open ticket; an
evicted image is PENDING again and downloaded again when X still serves it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from jun_desk.domain.images import ImageFacts
from jun_desk.domain.media import MediaKind, MediaRef, MediaState, MediaView
from jun_desk.domain.media_settings import MediaSettings
from jun_desk.domain.roles import Actor
from jun_desk.domain.workflow import Status
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.media_cache import MediaCache
from jun_desk.store.models import ItemMedia, Ticket, TicketItem

# Departments whose staff are shown where a photo was taken (its EXIF position): the
# pothole's or the bin's place helps them; nobody else sees it, and no export holds it.
LOCATION_DEPARTMENTS = frozenset({"obras", "limpieza"})
RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(hours=6)
CLOSED = (Status.RESOLVED.value, Status.CLOSED.value)


@dataclass(frozen=True, slots=True)
class MediaJob:
    """One image to download: the row, the address X gave and whether it is a DM's
    (fetched with the account's OAuth 1.0a signature)."""

    media_id: int
    url: str
    dm: bool
    tries: int


@dataclass(frozen=True, slots=True)
class TicketMedia:
    """One attachment of a ticket's messages, for the exports (no position: never)."""

    image_url: str | None  # where X serves it (a DM's only with the account's signature)
    path: Path | None  # the desk's copy, when cached
    sha256: str | None
    dm: bool
    kind: str


@dataclass(frozen=True, slots=True)
class Eviction:
    files: int
    bytes: int


def retry_delay(tries: int) -> timedelta:
    """How long after its ``tries``-th failure a download is tried again."""
    wait: timedelta = RETRY_BASE * (2 ** min(max(tries - 1, 0), 16))
    return min(RETRY_CAP, wait)


def x_link(item_x_id: str, source: str) -> str | None:
    return f"https://x.com/i/web/status/{item_x_id}" if source == "tweet" else None


class MediaService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    @property
    def settings(self) -> MediaSettings:
        return self.ctx.media

    def configure(self, settings: MediaSettings) -> None:
        """The cache's folder and bounds (the desk's settings), for every service."""
        self.ctx.media = settings

    @property
    def cache(self) -> MediaCache:
        return MediaCache.at(self.ctx.media)

    # ------------------------------------------------------------------ the window
    def for_items(self, item_ids: Sequence[int]) -> dict[int, list[MediaView]]:
        """The media of these items (TicketItem ids), in their order; items without
        media are left out."""
        if not item_ids:
            return {}
        evicted: list[int] = []
        with self.ctx.db.session(readonly=True) as session:
            views = self._views(session, list(dict.fromkeys(item_ids)), show_location=False,
                                evicted=evicted)
        self._wanted(evicted)
        return views

    def for_ticket(self, ticket_id: int, *, viewer: Actor | None = None
                   ) -> dict[int, list[MediaView]]:
        """The media of a ticket's items. The photos' EXIF position only for a viewer who
        serves the ticket's department, when that is one where a place helps."""
        with self.ctx.db.session(readonly=True) as session:
            department = session.scalar(select(Ticket.department).where(Ticket.id == ticket_id))
            items = list(session.scalars(select(TicketItem.id)
                                         .where(TicketItem.ticket_id == ticket_id)))
            show = (viewer is not None and department in LOCATION_DEPARTMENTS
                    and viewer.serves(department))
            evicted: list[int] = []
            views = self._views(session, items, show_location=show, evicted=evicted)
        self._wanted(evicted)
        return views

    def _wanted(self, evicted: list[int]) -> None:
        """Photos the bounded cache let go that the window now shows (media ids): the
        next round downloads them again (while X still serves them)."""
        if not evicted:
            return
        with self.ctx.db.session() as session:
            for chunk in _chunks(evicted, 500):
                session.execute(update(ItemMedia).where(ItemMedia.id.in_(chunk))
                                .values(evicted_at=None))

    def _views(self, session: Session, item_ids: list[int], *, show_location: bool,
               evicted: list[int]) -> dict[int, list[MediaView]]:
        out: dict[int, list[MediaView]] = {}
        for chunk in _chunks(item_ids, 500):
            rows = session.execute(
                select(ItemMedia, TicketItem.x_id, TicketItem.source)
                .join(TicketItem, TicketItem.id == ItemMedia.item_id)
                .where(ItemMedia.item_id.in_(chunk))
                .order_by(ItemMedia.item_id, ItemMedia.position)).all()
            for media, x_id, source in rows:
                if media.evicted_at is not None:
                    evicted.append(media.id)
                out.setdefault(media.item_id, []).append(
                    self._view(media, x_id, source, show_location))
        return out

    def _view(self, row: ItemMedia, x_id: str, source: str, show_location: bool) -> MediaView:
        ref = MediaRef(row.media_key, MediaKind.of(row.kind), row.url, row.preview_image_url,
                       row.alt_text, row.width, row.height)
        state = MediaState(row.state)
        path = None
        if state is MediaState.CACHED and row.sha256:
            path = self.cache.path_for(row.sha256)
            if not path.is_file():  # removed behind the desk's back: fetched again
                state, path = MediaState.PENDING, None
        location = (row.gps_lat, row.gps_lon) if (
            show_location and row.gps_lat is not None and row.gps_lon is not None) else None
        return MediaView(ref, state, path, row.reason, x_link(x_id, source), location)

    def of_tickets(self, ticket_ids: Sequence[int]) -> dict[int, list[TicketMedia]]:
        """The media of these tickets' messages, for the exports: links and files only."""
        out: dict[int, list[TicketMedia]] = {}
        with self.ctx.db.session(readonly=True) as session:
            for chunk in _chunks(list(ticket_ids), 500):
                rows = session.execute(
                    select(TicketItem.ticket_id, ItemMedia)
                    .join(TicketItem, TicketItem.id == ItemMedia.item_id)
                    .where(TicketItem.ticket_id.in_(chunk))
                    .order_by(TicketItem.ticket_id, ItemMedia.item_id, ItemMedia.position))
                for ticket_id, row in rows.all():
                    if ticket_id is None:
                        continue
                    ref = MediaRef(row.media_key, MediaKind.of(row.kind), row.url,
                                   row.preview_image_url)
                    cached = row.state == MediaState.CACHED.value and row.sha256
                    out.setdefault(ticket_id, []).append(TicketMedia(
                        ref.image_url, self.cache.path_for(row.sha256) if cached and
                        row.sha256 else None, row.sha256 if cached else None, row.dm,
                        row.kind))
        return out

    # ------------------------------------------------------------------ the downloader
    def due(self, limit: int = 50) -> list[MediaJob]:
        """Images to download now: pending ones, and failed ones whose next try has come;
        the newest items first (what the operators are looking at)."""
        now = self.ctx.clock()
        with self.ctx.db.session(readonly=True) as session:
            rows = session.execute(
                select(ItemMedia.id, ItemMedia.url, ItemMedia.preview_image_url,
                       ItemMedia.kind, ItemMedia.dm, ItemMedia.tries)
                .join(TicketItem, TicketItem.id == ItemMedia.item_id)
                .where(TicketItem.anonymised_at.is_(None), ItemMedia.evicted_at.is_(None))
                .where(ItemMedia.state.in_((MediaState.PENDING.value, MediaState.FAILED.value)))
                .where(or_(ItemMedia.next_try_at.is_(None), ItemMedia.next_try_at <= now))
                .order_by(ItemMedia.item_id.desc(), ItemMedia.position).limit(limit)).all()
        jobs = []
        for media_id, url, preview, kind, dm, tries in rows:
            image = MediaRef("", MediaKind.of(kind), url, preview).image_url
            if image:
                jobs.append(MediaJob(media_id, image, dm, tries))
        return jobs

    def cached(self, media_id: int, sha256: str, size: int, facts: ImageFacts) -> None:
        """The image is in the cache (written before this is called)."""
        now = self.ctx.clock()
        lat, lon = facts.location or (None, None)
        with self.ctx.db.session() as session:
            session.execute(update(ItemMedia).where(ItemMedia.id == media_id).values(
                state=MediaState.CACHED.value, sha256=sha256, size=size, reason=None,
                next_try_at=None, cached_at=now, evicted_at=None, gps_lat=lat,
                gps_lon=lon,
                width=facts.width, height=facts.height))

    def failed(self, media_id: int, reason: str) -> None:
        """This try failed: FAILED with the reason, tried again after a growing wait."""
        now = self.ctx.clock()
        with self.ctx.db.session() as session:
            tries = (session.scalar(select(ItemMedia.tries).where(ItemMedia.id == media_id))
                     or 0) + 1
            session.execute(update(ItemMedia).where(ItemMedia.id == media_id).values(
                state=MediaState.FAILED.value, tries=tries, reason=reason[:300],
                next_try_at=now + retry_delay(tries)))

    def refused(self, media_id: int, reason: str) -> None:
        """Broken, too large or not from X's media hosts: a placeholder, never fetched again."""
        with self.ctx.db.session() as session:
            session.execute(update(ItemMedia).where(ItemMedia.id == media_id).values(
                state=MediaState.REFUSED.value, reason=reason[:300], next_try_at=None,
                tries=ItemMedia.tries + 1))

    def stored(self, settled: Sequence[int], cached: int, failed: int, refused: int) -> None:
        """The audit events of a downloader's round that changed something (the window's
        one refresh path, ``Kind.MEDIA``): one for the round, and one on each ticket whose
        photos it cached or refused (``settled``: those media ids), so an open ticket
        pane shows them."""
        if not (cached or failed or refused):
            return
        with self.ctx.db.session() as session:
            tickets: dict[int, int] = {}
            for chunk in _chunks(list(settled), 500):
                for ticket_id in session.scalars(
                        select(TicketItem.ticket_id)
                        .join(ItemMedia, ItemMedia.item_id == TicketItem.id)
                        .where(ItemMedia.id.in_(chunk), TicketItem.ticket_id.is_not(None))):
                    if ticket_id is not None:
                        tickets[ticket_id] = tickets.get(ticket_id, 0) + 1
            for ticket_id, photos in sorted(tickets.items()):
                record(session, self.ctx, None, "media.stored", ticket_id=ticket_id,
                       subject="media", after={"photos": photos})
            record(session, self.ctx, None, "media.stored", subject="media",
                   after={"cached": cached, "failed": failed, "refused": refused})

    def recheck(self) -> int:
        """Rows CACHED whose file is gone (a restored database, a cache folder emptied by
        hand) are PENDING again; returns how many."""
        cache = self.cache
        with self.ctx.db.session(readonly=True) as session:
            cached = session.execute(select(ItemMedia.id, ItemMedia.sha256).where(
                ItemMedia.state == MediaState.CACHED.value)).all()
        missing = [i for i, sha in cached if not sha or not cache.path_for(sha).is_file()]
        if missing:
            with self.ctx.db.session() as session:
                for chunk in _chunks(missing, 500):
                    session.execute(update(ItemMedia).where(
                        ItemMedia.id.in_(chunk), ItemMedia.state == MediaState.CACHED.value
                    ).values(state=MediaState.PENDING.value, sha256=None, size=None,
                             cached_at=None, next_try_at=None, tries=0))
        return len(missing)

    # ------------------------------------------------------------------ the cache's bound
    def cache_bytes(self) -> int:
        with self.ctx.db.session(readonly=True) as session:
            return _cached_bytes(session)

    def evict(self, limit: int | None = None) -> Eviction:
        """Keep the cache under ``limit`` bytes (the setting by default): the images cached
        longest ago go first, never one of an open ticket's items; their rows are PENDING
        again, downloaded again only once the window shows them (and X still serves them):
        never by the next round itself, which would only fill the cache again."""
        limit = self.settings.cache_limit if limit is None else limit
        with self.ctx.db.session() as session:
            total = _cached_bytes(session)
            if total <= limit:
                return Eviction(0, 0)
            protected = set(session.scalars(
                select(ItemMedia.sha256).join(TicketItem, TicketItem.id == ItemMedia.item_id)
                .join(Ticket, Ticket.id == TicketItem.ticket_id)
                .where(ItemMedia.sha256.is_not(None), Ticket.status.not_in(CLOSED))))
            candidates = session.execute(
                select(ItemMedia.sha256, func.max(ItemMedia.size),
                       func.max(ItemMedia.cached_at).label("last"))
                .where(ItemMedia.state == MediaState.CACHED.value,
                       ItemMedia.sha256.is_not(None))
                .group_by(ItemMedia.sha256).order_by("last", ItemMedia.sha256)).all()
            gone: list[str] = []
            for sha, size, _last in candidates:
                if total <= limit:
                    break
                if sha is None or sha in protected:
                    continue
                gone.append(sha)
                total -= size or 0
            if not gone:
                return Eviction(0, 0)
            for chunk in _chunks(gone, 500):
                session.execute(update(ItemMedia).where(ItemMedia.sha256.in_(chunk)).values(
                    state=MediaState.PENDING.value, sha256=None, size=None, cached_at=None,
                    next_try_at=None, tries=0, evicted_at=self.ctx.clock()))
            record(session, self.ctx, None, "media.evicted", subject="media",
                   after={"files": len(gone)})
        freed = sum(self.cache.remove(sha) for sha in gone)  # the rows first: no row lies
        return Eviction(len(gone), freed)

    # ------------------------------------------------------------------ erasure
    def sweep(self) -> int:
        """Remove the cache's files no row names (erasure and retention delete the rows
        in their transaction, then sweep), and what a killed download left half written.
        Returns the files removed."""
        cache = self.cache
        files = cache.files()
        if not files:
            return cache.clean_parts()
        with self.ctx.db.session(readonly=True) as session:
            named = set(session.scalars(select(ItemMedia.sha256).where(
                ItemMedia.sha256.is_not(None)).distinct()))
        removed = sum(1 for path in files if path.name not in named
                      and cache.remove(path.name))
        return removed + cache.clean_parts()


def _cached_bytes(session: Session) -> int:
    sizes = select(ItemMedia.sha256, func.max(ItemMedia.size).label("size")).where(
        ItemMedia.state == MediaState.CACHED.value, ItemMedia.sha256.is_not(None)
    ).group_by(ItemMedia.sha256).subquery()
    return int(session.scalar(select(func.coalesce(func.sum(sizes.c.size), 0))) or 0)


def _chunks(values: Sequence[int] | Sequence[str], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(values), size):
        yield list(values[start:start + size])


def export_rows(session: Session, item_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The media of these items for a citizen's access export: what X said of each one
    and the desk's copy; where a photo was taken is said to be kept, never given."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(list(item_ids), 500):
        for row in session.scalars(select(ItemMedia).where(ItemMedia.item_id.in_(chunk))
                                   .order_by(ItemMedia.id)):
            out.append({
                "item_id": row.item_id, "media_key": row.media_key, "kind": row.kind,
                "url": row.url, "preview_image_url": row.preview_image_url,
                "alt_text": row.alt_text, "width": row.width, "height": row.height,
                "state": row.state, "sha256": row.sha256, "size": row.size,
                "cached_at": row.cached_at, "location_kept": row.gps_lat is not None})
    return out
