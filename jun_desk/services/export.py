"""Exports: CSV for the town's spreadsheets, Open311 GeoReport v2 JSON for open data.

The Open311 file is meant for publication: it carries no X handles and has personal data
removed from descriptions.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from jun_desk.domain.images import sniff
from jun_desk.domain.privacy import redact
from jun_desk.domain.text import MENTION
from jun_desk.domain.tickets import TicketView
from jun_desk.domain.workflow import Status
from jun_desk.services.context import DeskContext
from jun_desk.services.media import MediaService, TicketMedia
from jun_desk.services.search import SearchService, TicketFilter

CSV_COLUMNS = [
    "id", "created_at", "updated_at", "department", "department_name", "status", "priority",
    "title", "citizen_handle", "citizen_verified_resident", "assignee", "items",
    "first_response_at", "resolved_at", "personal_data",
    # issue 29: the attachments' addresses on X and the desk's copies (space-separated)
    "media_urls", "media_files",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The fields of a GeoReport v2 service request (GET requests response), in spec order.
OPEN311_FIELDS = [
    "service_request_id", "status", "status_notes", "service_name", "service_code",
    "description", "agency_responsible", "service_notice", "requested_datetime",
    "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
    "long", "media_url",
]


def _w3c(value: datetime | None) -> str | None:
    """W3C datetime with offset, as GeoReport v2 asks: 2026-11-24T09:15:00+00:00."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class ExportService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self._search = SearchService(ctx)
        self._media = MediaService(ctx)

    def _tickets(self, flt: TicketFilter | None) -> list[TicketView]:
        flt = flt or TicketFilter(limit=None, order="oldest")
        return self._search.tickets(flt)

    def csv_text(self, flt: TicketFilter | None = None) -> str:
        buffer = io.StringIO()
        self.write_csv(buffer, self._tickets(flt))
        return buffer.getvalue()

    def write_csv(self, out: io.TextIOBase | io.StringIO, tickets: Iterable[TicketView]) -> None:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        cat = self.ctx.catalogue
        tickets = list(tickets)
        media = self._media.of_tickets([t.id for t in tickets])
        for t in tickets:
            attached = media.get(t.id, [])
            writer.writerow([_cell(v) for v in (
                t.id, _w3c(t.created_at), _w3c(t.updated_at), t.department,
                cat.get(t.department).name_es if t.department in cat else t.department,
                t.status.value, t.priority.value, t.title,
                t.citizen_handle or "",
                "yes" if t.citizen_verified_resident else "no", t.assignee_name or "",
                t.item_count, _w3c(t.first_response_at), _w3c(t.resolved_at),
                " ".join(t.personal_data),
                " ".join(m.image_url for m in attached if m.image_url),
                " ".join(str(m.path) for m in attached if m.path),
            )])

    def open311_requests(self, flt: TicketFilter | None = None, *,
                         media_base: str | None = None) -> list[dict[str, Any]]:
        """``media_base``: where the town publishes the photos (its own web address, the
        cache's files copied there under their names); without it no ``media_url``. Only
        photos of public mentions, never a DM's, never where it was taken."""
        cat = self.ctx.catalogue
        scanner = self.ctx.rules.privacy
        requests = []
        tickets = self._tickets(flt)
        media = self._media.of_tickets([t.id for t in tickets]) if media_base else {}
        for t in tickets:
            dept = cat.get(t.department) if t.department in cat else None
            target = timedelta(minutes=dept.target_response_minutes) if dept else None
            status_notes = {
                Status.RESOLVED: "Resuelto", Status.CLOSED: "Cerrado",
                Status.WAITING_CITIZEN: "Esperando respuesta del vecino",
            }.get(t.status)
            requests.append({
                "service_request_id": str(t.id),
                "status": "open" if t.status.is_open else "closed",
                "status_notes": status_notes,
                "service_name": dept.name_es if dept else t.department,
                "service_code": t.department,
                "description": MENTION.sub("@…", redact(t.title, scanner)),
                "agency_responsible": (f"Ayuntamiento de Jun — {dept.name_es}" if dept
                                       else "Ayuntamiento de Jun"),
                "service_notice": None,
                "requested_datetime": _w3c(t.created_at),
                "updated_datetime": _w3c(t.updated_at),
                "expected_datetime": (_w3c(t.created_at + target)
                                      if target and t.status.is_open else None),
                "address": None, "address_id": None, "zipcode": None,
                "lat": None, "long": None,
                "media_url": _published(media.get(t.id, []), media_base),
            })
        return requests

    def open311_json(self, flt: TicketFilter | None = None, *,
                     media_base: str | None = None) -> str:
        return json.dumps(self.open311_requests(flt, media_base=media_base),
                          ensure_ascii=False, indent=2)


    def published_photos(self, flt: TicketFilter | None = None) -> list[tuple[Path, str]]:
        """The cached files an Open311 export with ``media_base`` points at, and the name
        each has there (its digest and its format's extension), to copy them."""
        media = self._media.of_tickets([t.id for t in self._tickets(flt)])
        found = (_first_public(m) for m in media.values())
        return sorted({(m.path, public_name(m.path)) for m in found
                       if m is not None and m.path is not None})


def public_name(path: Path) -> str:
    """``<sha256>.jpg`` (or .png, .gif, .webp) for a cached file."""
    try:
        with path.open("rb") as handle:
            kind = sniff(handle.read(16))
    except OSError:
        kind = None
    return f"{path.name}.{ {'jpeg': 'jpg'}.get(kind or '', kind or 'bin') }"


def _first_public(media: list[TicketMedia]) -> TicketMedia | None:
    """The ticket's photo the town may publish: the first cached photo of a public
    mention (never a DM's)."""
    return next((m for m in media if m.sha256 and not m.dm and m.kind == "photo"), None)


def _published(media: list[TicketMedia], base: str | None) -> str | None:
    """The first cached photo of a public mention, at the town's address."""
    if not base:
        return None
    first = _first_public(media)
    if first is None or first.path is None:
        return None
    return f"{base.rstrip('/')}/{public_name(first.path)}"
