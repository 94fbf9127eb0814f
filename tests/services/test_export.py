"""CSV and Open311 GeoReport v2 exports, checked field by field."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta

import pytest

from jun_desk.domain.items import Stream
from jun_desk.services.desk import Desk
from jun_desk.services.export import CSV_COLUMNS, OPEN311_FIELDS
from tests.factories import MARIA, PEPE, mention

W3C = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


@pytest.fixture
def exported(desk: Desk, people, clock):  # type: ignore[no-untyped-def]
    items = [
        mention("@AytoJun @ObrasJun la farola de la calle Real está apagada", minutes=0),
        mention("=HYPERLINK(\"http://x\") necesito cita médico, DNI 12345678Z, tlf 612345678",
                author=PEPE, minutes=5),
        mention("Tengo diabetes y necesito la receta", author=PEPE, minutes=6),
    ]
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, items, [MARIA, PEPE], items[-1].x_id)
    feed = {i.x_id: i.id for i in desk.search.feed()}
    rosa = people["rosa"]
    lamp = desk.tickets.create_from_item(rosa, feed[items[0].x_id])
    doctor = desk.tickets.create_from_item(rosa, feed[items[1].x_id])
    health = desk.tickets.create_from_item(rosa, feed[items[2].x_id])
    clock.advance(hours=1)
    desk.tickets.resolve(rosa, lamp.id)
    return lamp, doctor, health


def test_open311_service_requests_follow_georeport_v2(desk: Desk, exported) -> None:  # type: ignore[no-untyped-def]
    lamp, doctor, health = exported
    requests = json.loads(desk.export.open311_json())
    assert isinstance(requests, list) and len(requests) == 3
    by_id = {r["service_request_id"]: r for r in requests}
    for r in requests:
        assert list(r) == OPEN311_FIELDS  # every field of the spec, in its order
        assert isinstance(r["service_request_id"], str)
        assert r["status"] in ("open", "closed")
        assert W3C.match(r["requested_datetime"]) and W3C.match(r["updated_datetime"])
        assert r["lat"] is None and r["long"] is None  # no location from a tweet
    closed = by_id[str(lamp.id)]
    assert closed["status"] == "closed" and closed["status_notes"] == "Resuelto"
    assert closed["service_code"] == "obras"
    assert closed["service_name"] == "Obras y mantenimiento"
    assert closed["agency_responsible"] == "Ayuntamiento de Jun — Obras y mantenimiento"
    assert closed["description"] == "La farola de la calle Real está apagada"
    assert closed["expected_datetime"] is None
    assert datetime.fromisoformat(closed["requested_datetime"]) == lamp.created_at
    assert datetime.fromisoformat(closed["updated_datetime"]) > lamp.created_at
    opened = by_id[str(doctor.id)]
    assert opened["status"] == "open" and opened["service_code"] == "salud"
    # salud's target response time is 60 minutes
    assert (datetime.fromisoformat(opened["expected_datetime"])
            - datetime.fromisoformat(opened["requested_datetime"])) == timedelta(minutes=60)
    # Published data carries no identifiers and no health details.
    assert "12345678" not in opened["description"] and "612345678" not in opened["description"]
    assert "[dato personal retirado]" in opened["description"]
    assert by_id[str(health.id)]["description"] == "[contenido con datos de salud retirado]"
    assert "vecina_maria" not in json.dumps(requests)


def test_csv_has_a_header_and_one_row_per_ticket(desk: Desk, exported) -> None:  # type: ignore[no-untyped-def]
    lamp, _doctor, _health = exported
    rows = list(csv.DictReader(io.StringIO(desk.export.csv_text())))
    assert len(rows) == 3
    assert list(rows[0]) == CSV_COLUMNS
    first = rows[0]
    assert first["id"] == str(lamp.id) and first["department_name"] == "Obras y mantenimiento"
    assert first["status"] == "resolved" and first["citizen_handle"] == "vecina_maria"
    assert W3C.match(first["resolved_at"])
    # A citizen's text that looks like a formula stays text in a spreadsheet.
    assert rows[1]["title"].startswith("'=HYPERLINK")
    assert rows[1]["personal_data"] == "dni phone"
