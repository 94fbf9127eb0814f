"""Retention, the rights of access and erasure, the access log and the privacy report, on
both databases: checked by scanning every text column of every table (and, on SQLite, the
database file's bytes after VACUUM) for the citizen's handle, name and DNI."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, String, Text, select, text

from jun_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from jun_desk.domain.items import ItemKind, Stream, Unreadable, XItem, XUser
from jun_desk.domain.privacy import dni_letter
from jun_desk.domain.subject_access import export_html, export_json
from jun_desk.services.audit import SYSTEM
from jun_desk.services.desk import Desk
from jun_desk.store.models import Base, Ticket
from tests.conftest import Clock
from tests.factories import PEPE, T0, next_id

DNI_NUMBER = 48213657
DNI = f"{DNI_NUMBER}{dni_letter(DNI_NUMBER)}"
ZUL = XUser("7001", "zuleima_quintanilla", "Zuleima Quintanilla Oyarzun",
            profile_image_url="https://pbs.twimg.com/profile_images/zuleima.jpg")
NEEDLES = (ZUL.handle, "Quintanilla", str(DNI_NUMBER))
KEY = b"k" * 32


def _item(text_: str, author: XUser, minutes: float, kind: ItemKind = ItemKind.MENTION,
          conversation: str | None = None) -> XItem:
    x_id = next_id()
    return XItem(x_id=x_id, kind=kind, author_x_id=author.x_id, text=text_,
                 created_at=T0 + timedelta(minutes=minutes),
                 conversation_id=conversation or x_id,
                 raw={"id": x_id, "text": text_, "author": {"username": author.handle,
                                                            "name": author.name}})


@dataclass
class Scenario:
    health: int  # Zuleima's Salud ticket, closed
    lamp: int  # Zuleima's Obras ticket, closed
    pepe_open: int
    pepe_held: int  # closed long ago, under legal hold
    pepe_recent: int  # closed yesterday


def _scenario(desk: Desk, people: dict[str, Any], clock: Clock) -> Scenario:
    ana = people["ana"]
    health = _item(f"@AytoJun soy Zuleima, DNI {DNI}, necesito cita para la diabetes "
                   "<script>alert(1)</script>", ZUL, 0)
    lamp = _item("@AytoJun la farola de mi casa está apagada, Zuleima Quintanilla", ZUL, 1)
    loose = _item("@AytoJun gracias por todo", ZUL, 2)
    pepe = [_item(f"@AytoJun el contenedor {n} está lleno", PEPE, 3 + n) for n in range(3)]
    bad = Unreadable(Stream.MENTIONS, next_id(), "no text field",
                     raw={"author": {"username": ZUL.handle, "id": ZUL.x_id}})
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [health, lamp, loose, *pepe],
                            [ZUL, PEPE], pepe[-1].x_id, unreadable=[bad])
    dm = _item(f"Mi teléfono es el 612 345 678, soy Zuleima Quintanilla ({DNI})", ZUL, 9,
               ItemKind.DM_IN, conversation="7001-9999")
    desk.ingest.ingest_page("AytoJun", Stream.DMS, [dm], [ZUL], dm.x_id)
    ids = {i.x_id: i.id for i in desk.search.feed(limit=50)}
    clock.now = T0 + timedelta(hours=1)
    t_health = desk.tickets.create_from_item(ana, ids[health.x_id], department="salud").id
    t_lamp = desk.tickets.create_from_item(ana, ids[lamp.x_id], department="obras").id
    desk.tickets.add_note(ana, t_health, f"Llamar a Zuleima Quintanilla, DNI {DNI}")
    queued = desk.outbox.enqueue(ana, t_lamp, "reply",
                                 "@zuleima_quintanilla gracias, Zuleima, vamos a revisarla",
                                 account="AytoJun")
    desk.outbox.mark_sent(queued.id, next_id())
    desk.moderation.propose(ana, "hide", lamp.x_id, "personal_data",
                            note="publica su nombre completo, Quintanilla")
    desk.access_log.opened(people["rosa"], t_health)
    pepe_ids = [desk.tickets.create_from_item(ana, ids[p.x_id], department="limpieza").id
                for p in pepe]
    for t in (t_health, t_lamp, pepe_ids[1]):
        desk.tickets.move(ana, t, "closed")
    desk.retention.set_legal_hold(ana, pepe_ids[1], True, "Juzgado de Granada, diligencias 12")
    clock.now = T0 + timedelta(days=800)
    desk.tickets.move(ana, pepe_ids[2], "closed")
    return Scenario(t_health, t_lamp, pepe_ids[0], pepe_ids[1], pepe_ids[2])


def hits(desk: Desk, needles: tuple[str, ...] = NEEDLES) -> set[tuple[str, Any]]:
    """(table, primary key) of every row where a text or JSON column holds a needle."""
    found: set[tuple[str, Any]] = set()
    with desk.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cols = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))]
            pk = list(table.primary_key.columns)
            for row in conn.execute(select(*pk, *cols)):
                values = row[len(pk):]
                blob = " ".join(json.dumps(v, ensure_ascii=False) if not isinstance(v, str)
                                else v for v in values).lower()
                if any(n.lower() in blob for n in needles):
                    found.add((table.name, row[0] if len(pk) == 1 else tuple(row[:len(pk)])))
    return found


def sqlite_file_hits(desk: Desk) -> list[str]:
    if desk.db.engine.dialect.name != "sqlite":
        return []
    path = Path(desk.db.engine.url.database or "")
    desk.db.engine.dispose()  # the pool's connections go; a plain one rewrites the file
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert len(data) > 10_000  # the file was read
    return [n for n in NEEDLES if n.encode() in data or n.lower().encode() in data.lower()]


def stats(desk: Desk) -> list[tuple[Any, ...]]:
    with desk.db.session(readonly=True) as session:
        return [tuple(r) for r in session.execute(
            select(Ticket.id, Ticket.department, Ticket.status, Ticket.priority,
                   Ticket.created_at, Ticket.first_response_at, Ticket.resolved_at,
                   Ticket.closed_at, Ticket.citizen_id, Ticket.assignee_id)
            .order_by(Ticket.id))]


def dump(desk: Desk, skip: tuple[str, ...] = ("audit_events",)) -> dict[str, list[Any]]:
    with desk.db.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key))]
                for t in Base.metadata.sorted_tables if t.name not in skip}


def anonymised(desk: Desk) -> set[int]:
    with desk.db.session(readonly=True) as session:
        return set(session.scalars(select(Ticket.id).where(Ticket.anonymised_at.isnot(None))))


# ---------------------------------------------------------------- retention
def test_retention_anonymises_exactly_the_tickets_past_their_period(
        desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    s = _scenario(desk, people, clock)
    before = stats(desk)
    assert {"tickets", "ticket_items", "citizens"} <= {t for t, _ in hits(desk)}
    desk.retention.set_days(people["ana"], "limpieza", 30)
    # Salud: 2 years by default (730 days) → due; Obras: 5 years → not yet.
    dry = desk.retention.apply(None, dry_run=True)
    assert dry.tickets == [s.health] and dry.held == 1 and anonymised(desk) == set()
    for dept in desk.ctx.catalogue:
        desk.retention.set_days(people["ana"], dept.code, 700)
    report = desk.retention.apply(None)
    assert report.tickets == [s.health, s.lamp]
    assert report.by_department == {"salud": 1, "obras": 1}
    # Pepe's held ticket is past its period but kept; her two messages on no ticket go.
    assert report.held == 1 and report.loose_messages == 2 and report.citizens == 1
    assert anonymised(desk) == {s.health, s.lamp}
    assert hits(desk) == set()  # the citizen's handle, name and DNI are nowhere
    assert sqlite_file_hits(desk) == []
    assert stats(desk) == before  # departments, dates, times to answer: unchanged
    # What was not due keeps its words: Pepe's held, open and recent tickets.
    assert {("tickets", s.pepe_held), ("tickets", s.pepe_open), ("tickets", s.pepe_recent)} \
        <= hits(desk, (PEPE.handle, "contenedor"))
    # The audit skeleton stays: who did what to the ticket, when.
    history = desk.audit.for_ticket(s.health)
    assert [e.action for e in history][:2] == ["ticket.create", "ticket.note"]
    assert {e.actor_name for e in history} == {"ana"}
    assert desk.retention.apply(None).tickets == []  # nothing twice


def test_retention_runs_daily_and_is_audited(desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    _scenario(desk, people, clock)
    assert desk.retention.apply_if_due() is not None
    clock.advance(hours=2)
    assert desk.retention.apply_if_due() is None
    clock.advance(days=1)
    assert desk.retention.apply_if_due() is not None
    runs = [e for e in desk.audit.latest(200) if e.action == "privacy.retention"]
    assert len(runs) == 2 and runs[0].actor_name == SYSTEM


def test_a_retention_period_of_zero_is_refused_and_nothing_changes(
        desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    _scenario(desk, people, clock)
    before = dump(desk)
    for days in (0, -5):
        with pytest.raises(ValidationError) as err:
            desk.retention.set_days(people["ana"], "obras", days)
        assert err.value.code == "privacy.retention_days"
    with pytest.raises(PermissionDeniedError):
        desk.retention.set_days(people["luis"], "obras", 30)
    assert dump(desk) == before
    assert {p.department: p.days for p in desk.retention.policies()}["obras"] == 5 * 365


def test_legal_hold_needs_a_supervisor_and_a_reason(desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    s = _scenario(desk, people, clock)
    with pytest.raises(PermissionDeniedError):
        desk.retention.set_legal_hold(people["rosa"], s.lamp, True, "por si acaso")
    with pytest.raises(ValidationError):
        desk.retention.set_legal_hold(people["ana"], s.lamp, True, "  ")
    with pytest.raises(ValidationError):
        desk.retention.set_legal_hold(people["ana"], s.pepe_held, True, "otra vez")
    assert desk.retention.set_legal_hold(people["ana"], s.pepe_held, False) is False
    assert [e.action for e in desk.audit.for_ticket(s.pepe_held)][-1] == \
        "ticket.legal_hold_release"


# ---------------------------------------------------------------- access
SECTION_OF = {"citizens": "citizen", "tickets": "tickets", "ticket_items": "messages",
              "ticket_notes": "notes", "outbox": "outbox", "moderation_actions": "moderation",
              "quarantine": "quarantine", "triage_corrections": "triage_corrections",
              "audit_events": "audit_events", "access_log": "access_log"}


def test_export_holds_every_stored_item_of_the_citizen(desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    s = _scenario(desk, people, clock)
    export = desk.rights.export(people["ana"], "@Zuleima_Quintanilla")
    exported = {(table, row["id"]) for table, section in SECTION_OF.items()
                for row in export.sections[section]}
    # Every row naming her (a direct scan of every table) is in the export ...
    assert hits(desk) - exported == set()
    # ... and so is every row of her tickets, by a direct query.
    with desk.db.engine.connect() as conn:
        mine = set(conn.execute(text("SELECT id FROM tickets WHERE citizen_id = "
                                     "(SELECT id FROM citizens WHERE x_user_id = '7001')"))
                   .scalars())
        items = set(conn.execute(text(
            "SELECT id FROM ticket_items WHERE citizen_id = (SELECT id FROM citizens WHERE "
            "x_user_id = '7001') OR ticket_id IN (SELECT id FROM tickets WHERE citizen_id = "
            "(SELECT id FROM citizens WHERE x_user_id = '7001'))")).scalars())
    assert {r["id"] for r in export.sections["tickets"]} == mine == {s.health, s.lamp}
    assert {r["id"] for r in export.sections["messages"]} == items
    assert len(export.sections["access_log"]) == 1
    assert export.sections["citizen"][0]["name"] == ZUL.name
    assert export.contents["quarantine"] == 1 and export.contents["moderation"] == 1
    page = export_html(export)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert ZUL.name in page and "What this file contains" in page
    data = json.loads(export_json(export))
    assert data["contents"]["tickets"] == 2 and data["handle"] == ZUL.handle


def test_export_of_an_unknown_handle_is_a_clear_error(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError) as err:
        desk.rights.export(people["ana"], "@nadie_en_jun")
    assert err.value.code == "citizen.handle_unknown"
    with pytest.raises(PermissionDeniedError):
        desk.rights.export(people["rosa"], "@nadie_en_jun")


# ---------------------------------------------------------------- erasure
def test_erasure_leaves_nothing_but_what_is_held(desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    s = _scenario(desk, people, clock)
    ana = people["ana"]
    before = stats(desk)
    # Her Obras ticket is held: it keeps her words (and so her record), nothing else does.
    desk.retention.set_legal_hold(ana, s.lamp, True, "Reclamación patrimonial 2026/33")
    report = desk.rights.erase(ana, "@zuleima_quintanilla", key=KEY, confirmed=True)
    assert report.held_tickets == [s.lamp] and not report.citizen_erased
    with desk.db.engine.connect() as conn:
        held_items = set(conn.execute(text(
            f"SELECT id FROM ticket_items WHERE ticket_id = {s.lamp}")).scalars())
        held_audit = set(conn.execute(text(
            f"SELECT id FROM audit_events WHERE ticket_id = {s.lamp}")).scalars())
        held_outbox = set(conn.execute(text(
            f"SELECT id FROM outbox WHERE ticket_id = {s.lamp}")).scalars())
        held_corrections = set(conn.execute(text(
            f"SELECT id FROM triage_corrections WHERE ticket_id = {s.lamp}")).scalars())
        citizen_id = conn.execute(text("SELECT id FROM citizens WHERE x_user_id = '7001'")) \
            .scalar()
    allowed = {("tickets", s.lamp), ("citizens", citizen_id)} \
        | {("ticket_items", i) for i in held_items} | {("audit_events", i) for i in held_audit} \
        | {("outbox", i) for i in held_outbox} \
        | {("triage_corrections", i) for i in held_corrections}
    assert hits(desk) - allowed == set()
    assert stats(desk) == before
    # Released, she asks again: now everything goes, under the same pseudonym.
    desk.retention.set_legal_hold(ana, s.lamp, False)
    again = desk.rights.erase(ana, "zuleima_quintanilla", key=KEY, confirmed=True)
    assert again.pseudonym == report.pseudonym and again.citizen_erased
    assert hits(desk) == set()
    assert sqlite_file_hits(desk) == []
    erasures = [e for e in desk.audit.latest(300) if e.action == "privacy.erase"]
    assert {e.subject for e in erasures} == {f"pseudonym:{report.pseudonym}"}
    assert ZUL.x_id not in report.pseudonym and len(report.pseudonym) == 64
    with pytest.raises(NotFoundError):  # she is gone
        desk.rights.export(ana, "@zuleima_quintanilla")


def test_erasure_is_refused_with_an_open_ticket_or_unconfirmed(
        desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    s = _scenario(desk, people, clock)
    ana = people["ana"]
    desk.tickets.reopen(ana, s.health)
    before = dump(desk)
    with pytest.raises(ConflictError) as err:
        desk.rights.erase(ana, "@zuleima_quintanilla", key=KEY, confirmed=True)
    assert err.value.code == "privacy.erase_open" and f"#{s.health}" in str(err.value)
    with pytest.raises(ValidationError) as err2:
        desk.rights.erase(ana, "@zuleima_quintanilla", key=KEY, confirmed=False)
    assert err2.value.code == "privacy.not_confirmed"
    with pytest.raises(NotFoundError):
        desk.rights.erase(ana, "@nadie_en_jun", key=KEY, confirmed=True)
    with pytest.raises(PermissionDeniedError):
        desk.rights.erase(people["rosa"], "@zuleima_quintanilla", key=KEY, confirmed=True)
    assert dump(desk) == before


# ---------------------------------------------------------------- access log, report
def test_access_log_records_sensitive_openings_only(desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    s = _scenario(desk, people, clock)
    luis, ana = people["luis"], people["ana"]
    assert desk.access_log.opened(luis, s.health) is True  # Salud
    assert desk.access_log.opened(luis, s.lamp) is False  # Obras, no personal data flagged
    assert desk.access_log.opened(luis, s.pepe_open) is False
    by_ticket = desk.access_log.entries(ana, ticket_id=s.health)
    assert [(e.operator, e.reason) for e in by_ticket] == [("luis", "department"),
                                                          ("rosa", "department")]
    assert [e.ticket_id for e in desk.access_log.entries(ana, operator="luis")] == [s.health]
    with pytest.raises(PermissionDeniedError):
        desk.access_log.entries(luis, ticket_id=s.health)
    with desk.db.engine.connect() as conn, pytest.raises(Exception, match="append-only"), \
            conn.begin():
        conn.execute(text("DELETE FROM access_log"))


def test_audit_content_is_redactable_once_and_its_skeleton_never(desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    with desk.db.engine.connect() as conn:
        for sql in ("UPDATE audit_events SET action = 'x'",
                    "UPDATE audit_events SET message = 'x'",
                    "DELETE FROM audit_events"):
            with pytest.raises(Exception, match="append-only"), conn.begin():
                conn.execute(text(sql))
        with conn.begin():
            conn.execute(text("UPDATE audit_events SET message = NULL, redacted_at = "
                              "CURRENT_TIMESTAMP"))
        with pytest.raises(Exception, match="append-only"), conn.begin():
            conn.execute(text("UPDATE audit_events SET message = 'back', redacted_at = "
                              "CURRENT_TIMESTAMP"))


def test_privacy_report_counts_each_category(desk: Desk, people, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    _scenario(desk, people, clock)
    report = desk.privacy_report.report()
    cats = {c.name: c for c in report.categories}
    assert cats["citizens"].count == 2 and cats["tickets"].count == 5
    # seven messages received and the reply sent
    assert cats["messages"].count == 8 and cats["quarantine"].count == 1
    assert cats["messages"].oldest == T0 and cats["access_log"].count == 1
    assert report.legal_holds == 1
    due = {r["department"]: r["due"] for r in report.retention}
    assert due["salud"] == 1 and due["obras"] == 0


def test_an_edit_of_an_erased_message_does_not_bring_its_words_back(
        desk: Desk, people) -> None:  # type: ignore[no-untyped-def]
    ana = people["ana"]
    first = _item("@AytoJun la farola de mi calle", ZUL, 0)
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [first], [ZUL], first.x_id)
    ticket = desk.tickets.create_from_item(ana, desk.search.feed()[0].id)
    desk.tickets.move(ana, ticket.id, "closed")
    desk.rights.erase(ana, ZUL.handle, key=KEY, confirmed=True)
    newer = next_id()
    edit = XItem(x_id=newer, kind=ItemKind.MENTION, author_x_id=ZUL.x_id,
                 text="@AytoJun corrijo: soy Zuleima Quintanilla", created_at=T0,
                 conversation_id=first.x_id, edit_ids=(first.x_id, newer),
                 raw={"id": newer, "text": "soy Zuleima Quintanilla"})
    desk.ingest.ingest_page("AytoJun", Stream.MENTIONS, [edit], [], newer)
    assert hits(desk) == set()
    assert [i.text for i in desk.tickets.items(ticket.id)] == ["[anonimizado]"]
