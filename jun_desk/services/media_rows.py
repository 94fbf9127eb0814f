"""The media rows of newly stored items, written by the ingest in the item's transaction
(issue 29): one per media key X described, PENDING until the downloader caches its image.
An item stored before is never given its rows again (only inserted items get them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from jun_desk.domain.error_codes import english
from jun_desk.domain.items import XItem
from jun_desk.domain.media import MediaState
from jun_desk.domain.text import clean_text
from jun_desk.store.insert import insert_for
from jun_desk.store.models import ItemMedia


def media_rows(items: Sequence[XItem], inserted: Sequence[dict[str, Any]]
               ) -> list[dict[str, Any]]:
    """Rows for the inserted items' media (``inserted``: the ingest's rows with their id)."""
    described = {(i.kind.source, i.original_id): i for i in items if i.media}
    rows: list[dict[str, Any]] = []
    for row in inserted:
        item = described.get((row["source"], row["x_id"]))
        if item is None:
            continue
        for position, ref in enumerate(item.media):
            image = ref.image_url
            rows.append({
                "item_id": row["id"], "media_key": ref.media_key, "position": position,
                "kind": ref.kind.value, "dm": item.kind.source == "dm", "url": ref.url,
                "preview_image_url": ref.preview_image_url,
                # untrusted, as the tweet's text: cleaned here, escaped by the window
                "alt_text": clean_text(ref.alt_text, 1000) if ref.alt_text else None,
                "width": ref.width, "height": ref.height,
                # Nothing to download (X gave no image address): a link, for good.
                "state": (MediaState.PENDING if image else MediaState.REFUSED).value,
                "reason": None if image else english("media.no_image", {}),
                "tries": 0, "sha256": None, "size": None, "next_try_at": None,
                "cached_at": None, "evicted_at": None, "gps_lat": None,
                "gps_lon": None,
            })
    return rows


def store_media(session: Session, items: Sequence[XItem],
                inserted: Sequence[dict[str, Any]]) -> int:
    rows = media_rows(items, inserted)
    if rows:
        session.execute(insert_for(session, ItemMedia.__table__)
                        .on_conflict_do_nothing(index_elements=["item_id", "media_key"]), rows)
    return len(rows)


