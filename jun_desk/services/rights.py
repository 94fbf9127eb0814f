"""A citizen's rights of access and erasure (GDPR arts. 15 and 17).

``export`` gathers everything the desk stores about one citizen (their record and its
verification, tickets, messages both ways, notes, outbox items, moderation acts, quarantined
payloads naming them, triage corrections, audit events and access-log entries about them).
``erase`` removes their personal data as retention does (``services/anonymise.py``) except
what is under legal hold, and records the request under a pseudonym: a keyed hash of the X
account id (the key lives in the keyring, ``secrets.pseudonym_key``), so a returning
citizen can be recognised without keeping who they were.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, or_, select, update
from sqlalchemy.orm import Session

from jun_desk.domain.errors import ConflictError, NotFoundError, StorageError, ValidationError
from jun_desk.domain.retention import MARKER, handle_pseudonym
from jun_desk.domain.roles import Actor, Permission
from jun_desk.domain.subject_access import export_html, export_json
from jun_desk.domain.workflow import Status
from jun_desk.services.anonymise import (
    UNSENT,
    Scrubbed,
    quarantined_naming,
    scrub_citizens,
    scrub_items,
    scrub_moderation,
    scrub_quarantine,
    scrub_tickets,
)
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.media import MediaService, export_rows
from jun_desk.services.unit_of_work import unit_of_work
from jun_desk.store.insert import rowcount
from jun_desk.store.models import (
    AccessLogEntry,
    AuditEvent,
    Base,
    Citizen,
    ModerationAction,
    Operator,
    OutboxItem,
    QuarantinedItem,
    Ticket,
    TicketItem,
    TicketNote,
    TriageCorrection,
    Verification,
)

# The export's sections, in order, with what each holds (said at the top of the file).
SECTIONS: dict[str, str] = {
    "citizen": "the citizen's record as the desk keeps it, with its verification",
    "verifications": "their verification as residents: asked, code sent, confirmed how, "
                     "when and by whom (never a document's number; a code only as a hash, "
                     "not exported)",
    "tickets": "the matters opened for them",
    "messages": "their mentions and DMs, and the town's replies and DMs on their tickets",
    "media": "the photos, videos and GIFs of their messages as X described them, and the "
             "desk's copy (where a photo was taken is kept for the desk only: not exported)",
    "notes": "the desk's internal notes on their tickets",
    "outbox": "replies and DMs to them queued, sent or failed",
    "moderation": "moderation acts on their replies or account",
    "quarantine": "items from X naming them that the desk could not read whole",
    "triage_corrections": "departments people chose for their messages",
    "audit_events": "the audit trail of changes to their record, tickets and messages",
    "access_log": "who opened their tickets (Salud, Policía, personal data)",
}
OPEN = tuple(s.value for s in Status if s.is_open)


@dataclass
class CitizenExport:
    generated_at: datetime
    generated_by: str
    handle: str
    sections: dict[str, list[dict[str, Any]]]

    @property
    def contents(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.sections.items()}


@dataclass
class ErasureReport:
    pseudonym: str
    scrubbed: Scrubbed
    held_tickets: list[int] = field(default_factory=list)
    citizen_erased: bool = False


def export_targets(out: str | Path) -> tuple[Path, Path]:
    """FILE.json and FILE.html for ``out`` (a .json or .html suffix given is dropped);
    refused, nothing written, if either exists."""
    base = Path(out).expanduser()
    if base.suffix in (".json", ".html"):
        base = base.with_suffix("")
    targets = base.with_name(base.name + ".json"), base.with_name(base.name + ".html")
    for target in targets:
        if target.exists():
            raise ValidationError.of("privacy.out_exists", path=str(target))
    return targets


def write_private(path: Path, text: str) -> None:
    """Written beside the target then renamed (mkstemp: mode 0600); never over a file."""
    if path.exists():
        raise ValidationError.of("privacy.out_exists", path=str(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as err:
        raise StorageError.of("privacy.write_failed", path=str(path),
                              detail=err.strerror or str(err)) from None


def write_export(export: CitizenExport, targets: tuple[Path, Path]) -> None:
    """The export as JSON and HTML at ``targets`` (from ``export_targets``)."""
    write_private(targets[0], export_json(export, SECTIONS))
    write_private(targets[1], export_html(export, SECTIONS))


def row_dict(row: Base) -> dict[str, Any]:
    """Every stored column of ``row`` (binary ones named, not dumped)."""
    out: dict[str, Any] = {}
    for attr in inspect(type(row)).column_attrs:
        value = getattr(row, attr.key)
        out[attr.key] = f"<{len(value)} bytes>" if isinstance(value, bytes) else value
    return out


def find_citizens(session: Session, handle: str) -> list[Citizen]:
    """The citizen records with this handle (not anonymised), or a clear refusal."""
    name = handle.strip().lstrip("@")
    rows = list(session.scalars(select(Citizen).where(
        func.lower(Citizen.handle) == name.lower(), Citizen.anonymised_at.is_(None))
        .order_by(Citizen.id)))
    if not name or not rows:
        raise NotFoundError.of("citizen.handle_unknown", handle=name)
    return rows


@dataclass
class _Holdings:
    """The ids of what the desk stores about one citizen."""

    tickets: list[int]
    items: list[int]
    notes: list[int]
    outbox: list[int]
    moderation: list[int]
    quarantine: list[int]
    corrections: list[int]
    audit: list[int]
    access: list[int]


def holdings(session: Session, citizen: Citizen) -> _Holdings:
    cid, xid, handle = citizen.id, citizen.x_user_id, citizen.handle
    tickets = list(session.scalars(select(Ticket.id).where(Ticket.citizen_id == cid)))
    items = list(session.scalars(select(TicketItem.id).where(
        or_(TicketItem.citizen_id == cid, TicketItem.ticket_id.in_(tickets)))))
    x_ids = list(session.scalars(select(TicketItem.x_id).where(TicketItem.id.in_(items))))
    # A staff account's reply to the citizen that joined no ticket (issue 27): it names them.
    answers = list(session.scalars(select(TicketItem.id).where(
        TicketItem.kind == "staff_reply", TicketItem.source == "tweet",
        TicketItem.in_reply_to_x_id.in_(x_ids), TicketItem.id.notin_(items))))
    if answers:
        items += answers
        x_ids += list(session.scalars(select(TicketItem.x_id).where(
            TicketItem.id.in_(answers))))
    notes = list(session.scalars(select(TicketNote.id).where(TicketNote.ticket_id.in_(tickets))))
    outbox = list(session.scalars(select(OutboxItem.id).where(
        or_(OutboxItem.ticket_id.in_(tickets), OutboxItem.recipient_x_id == xid))))
    moderation = list(session.scalars(select(ModerationAction.id).where(or_(
        ModerationAction.item_id.in_(items), ModerationAction.author_x_id == xid,
        func.lower(ModerationAction.author_handle) == handle.lower()))))
    quarantine = sorted(set(quarantined_naming(session, [xid, handle])) | set(session.scalars(
        select(QuarantinedItem.id).where(QuarantinedItem.x_id.in_(x_ids)))))
    corrections = list(session.scalars(select(TriageCorrection.id).where(or_(
        TriageCorrection.item_id.in_(items), TriageCorrection.ticket_id.in_(tickets)))))
    subjects = [f"citizen:{cid}", *(f"item:{i}" for i in items),
                *(f"moderation:{i}" for i in moderation),
                *(f"quarantine:{i}" for i in quarantine)]
    audit = list(session.scalars(select(AuditEvent.id).where(or_(
        AuditEvent.ticket_id.in_(tickets), AuditEvent.subject.in_(subjects)))
        .order_by(AuditEvent.id)))
    access = list(session.scalars(select(AccessLogEntry.id).where(
        AccessLogEntry.ticket_id.in_(tickets)).order_by(AccessLogEntry.id)))
    return _Holdings(tickets, items, notes, outbox, moderation, quarantine, corrections,
                     audit, access)


class RightsService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- access
    def export(self, actor: Actor, handle: str) -> CitizenExport:
        """Everything stored about the citizen(s) with this handle (a supervisor; audited)."""
        with unit_of_work(self.ctx, actor, "privacy.export") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.MANAGE_PRIVACY)
            sections: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS}
            citizens = find_citizens(session, handle)
            for citizen in citizens:
                got = holdings(session, citizen)
                person = row_dict(citizen)
                by = session.get(Operator, citizen.verified_by_id) \
                    if citizen.verified_by_id else None
                person["verified_by"] = by.username if by else None
                sections["citizen"].append(person)
                sections["verifications"] += [
                    {k: v for k, v in row_dict(v).items() if k != "code_hash"}
                    for v in session.scalars(select(Verification).where(
                        Verification.citizen_id == citizen.id).order_by(Verification.id))]
                for name, model, ids in (
                        ("tickets", Ticket, got.tickets), ("messages", TicketItem, got.items),
                        ("notes", TicketNote, got.notes), ("outbox", OutboxItem, got.outbox),
                        ("moderation", ModerationAction, got.moderation),
                        ("quarantine", QuarantinedItem, got.quarantine),
                        ("triage_corrections", TriageCorrection, got.corrections),
                        ("audit_events", AuditEvent, got.audit),
                        ("access_log", AccessLogEntry, got.access)):
                    found: list[Base] = list(session.scalars(
                        select(model).where(model.id.in_(ids)).order_by(model.id))) \
                        if ids else []
                    sections[name] += [row_dict(r) for r in found]
                sections["media"] += export_rows(session, got.items)
                record(session, self.ctx, fresh, "privacy.export",
                       subject=f"citizen:{citizen.id}",
                       after={name: len(rows) for name, rows in sections.items()})
            return CitizenExport(self.ctx.clock(), fresh.username, citizens[0].handle,
                                 sections)

    # ---------------------------------------------------------------- erasure
    def erase(self, actor: Actor, handle: str, *, key: bytes,
              confirmed: bool) -> ErasureReport:
        """Anonymise everything of the citizen but what is under legal hold. Refused, with
        nothing changed, while they have an open ticket or a reply waiting to go out."""
        name = handle.strip().lstrip("@")
        with unit_of_work(self.ctx, actor, "privacy.erase") as (session, fresh):
            assert fresh is not None
            fresh.require(Permission.MANAGE_PRIVACY)
            citizens = find_citizens(session, name)
            if not confirmed:
                raise ValidationError.of("privacy.not_confirmed", handle=name)
            now = self.ctx.clock()
            done = Scrubbed()
            report = ErasureReport(handle_pseudonym(key, citizens[0].x_user_id), done)
            for citizen in citizens:
                self._refuse_open(session, citizen, name)
            for citizen in citizens:
                self._erase_one(session, citizen, now, report)
            record(session, self.ctx, fresh, "privacy.erase",
                   subject=f"pseudonym:{report.pseudonym}",
                   after={"held_tickets": report.held_tickets,
                          "citizen_erased": report.citizen_erased, **done.as_dict()})
        MediaService(self.ctx).sweep()  # the files of the media rows deleted, once committed
        return report

    @staticmethod
    def _refuse_open(session: Session, citizen: Citizen, name: str) -> None:
        open_ids = list(session.scalars(select(Ticket.id).where(
            Ticket.citizen_id == citizen.id, Ticket.status.in_(OPEN),
            Ticket.merged_into_id.is_(None)).order_by(Ticket.id)))
        if open_ids:
            raise ConflictError.of("privacy.erase_open", handle=name,
                                   tickets=", ".join(f"#{i}" for i in open_ids))
        waiting = session.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.status.in_(UNSENT), or_(
                OutboxItem.recipient_x_id == citizen.x_user_id,
                OutboxItem.ticket_id.in_(select(Ticket.id)
                                         .where(Ticket.citizen_id == citizen.id)))))
        if waiting:
            raise ConflictError.of("privacy.erase_outbox", handle=name)

    @staticmethod
    def _erase_one(session: Session, citizen: Citizen, now: datetime,
                   report: ErasureReport) -> None:
        done = report.scrubbed
        got = holdings(session, citizen)
        held = set(session.scalars(select(Ticket.id).where(
            Ticket.id.in_(got.tickets), Ticket.legal_hold.is_(True))))
        report.held_tickets += sorted(held)
        scrub_tickets(session, [t for t in got.tickets if t not in held], now, done)
        items = list(session.scalars(select(TicketItem.id).where(
            TicketItem.id.in_(got.items), TicketItem.anonymised_at.is_(None),
            or_(TicketItem.ticket_id.is_(None), TicketItem.ticket_id.notin_(held or {-1})))))
        scrub_items(session, items, now, done)
        done.outbox += rowcount(session.execute(
            update(OutboxItem).where(OutboxItem.recipient_x_id == citizen.x_user_id,
                                     OutboxItem.status.notin_(UNSENT),
                                     or_(OutboxItem.ticket_id.is_(None),
                                         OutboxItem.ticket_id.notin_(held or {-1})))
            .values(text=MARKER, recipient_x_id=None, last_error=None)
            .execution_options(synchronize_session=False)))
        scrub_moderation(session, got.moderation, now, done)
        scrub_quarantine(session, got.quarantine, now, done)
        if not held:
            scrub_citizens(session, [citizen], now, done)
            report.citizen_erased = True
