"""Ingest of mentions and DMs: triaged, stored once, with the cursor in the same transaction.

A page of X items and the cursor that follows it commit together, so a crash at any point
either keeps both or neither: the next poll starts from the stored cursor, and the unique
(source, x_id) key drops anything seen twice. Bulk work uses SQLAlchemy Core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import String, bindparam, select, text, update
from sqlalchemy.orm import Session

from jun_desk.domain.costs import Charge
from jun_desk.domain.items import ItemKind, Stream, Unreadable, XItem, XUser, newer_id
from jun_desk.domain.streams import WatchedStream
from jun_desk.domain.text import clean_text
from jun_desk.domain.tickets import STAFF_REASON
from jun_desk.domain.workflow import Status
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.costs import record as record_charges
from jun_desk.services.media_rows import store_media
from jun_desk.services.triage_models import TriageModelService
from jun_desk.services.verification import note_requests
from jun_desk.store.insert import insert_for, rowcount
from jun_desk.store.models import (
    UNDESCRIBED,
    Citizen,
    QuarantinedItem,
    SyncCursor,
    Ticket,
    TicketItem,
)


@dataclass(frozen=True, slots=True)
class IngestResult:
    received: int
    inserted: int
    attached: int
    cursor: str | None
    quarantined: int = 0  # items of the page that could not be read whole (new ones)
    edited: int = 0  # stored tweets updated to a newer version

    @property
    def duplicates(self) -> int:
        return self.received - self.inserted


CITIZEN_CACHE = 50_000  # citizens remembered as last stored (a town has far fewer)
AUTO_RETRIES = 5  # a tweet X failed to serve again is retried by itself this many times
OPEN_STATUSES = ("open", "retry")


class IngestService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        # x_user_id → (details as last stored by this desk, citizen id); filled only after
        # a commit, so a rolled-back page never leaves an id that does not exist.
        self._citizens: dict[str, tuple[tuple[Any, ...], int]] = {}

    def cursor(self, account: str, stream: Stream) -> str | None:
        with self.ctx.db.session(readonly=True) as session:
            return session.scalar(
                select(SyncCursor.cursor).where(SyncCursor.account == account,
                                                SyncCursor.stream == stream.value)
            )

    def walk(self, account: str, stream: Stream) -> tuple[str, str | None] | None:
        """The walk a previous run left unfinished: (next page token, newest id seen)."""
        with self.ctx.db.session(readonly=True) as session:
            row = session.get(SyncCursor, (account, stream.value))
            return (row.walk_token, row.walk_newest) if row and row.walk_token else None

    def ingest_page(self, account: str, stream: Stream, items: Sequence[XItem],
                    users: Sequence[XUser], cursor: str | None,
                    walk: tuple[str, str | None] | None = None,
                    fence: Callable[[Session], None] | None = None,
                    unreadable: Sequence[Unreadable] = (),
                    charges: Sequence[Charge] = (),
                    route: WatchedStream | None = None) -> IngestResult:
        """Store one page of items and advance the stream's cursor, atomically.

        ``walk``: where the walk goes on (next token, newest id seen) when this page is not
        its last; saved in the same transaction, cleared with the last page.
        ``fence``: checked first in the same transaction (the poller lease); raising there
        stores nothing.
        ``unreadable``: the page's items that could not be read whole, quarantined in the
        same transaction (so the cursor never moves past an item that is nowhere).
        ``charges``: what X billed for the requests that brought the page, metered in the
        same transaction (issue 17).
        ``route``: the watched stream that brought the page (a staff account's mentions go
        to the employee's department; its items say which stream brought them).
        """
        known: dict[str, tuple[tuple[Any, ...], int]] = {}
        with self.ctx.db.session() as session:
            if fence is not None:
                fence(session)
            result = self._store(session, account, stream, items, users, unreadable, known,
                                 route=route)
            stored = self._advance_cursor(session, account, stream, cursor, walk)
            record_charges(session, self.ctx, account, charges)
            inserted, attached, quarantined, edited = result
            if inserted or quarantined or edited:
                record(session, self.ctx, None, "ingest.page",
                       subject=f"{account}:{stream.value}",
                       after={"received": len(items), "inserted": inserted,
                              "attached": attached, "cursor": stored,
                              "quarantined": quarantined, "edited": edited})
        self._remember_citizens(known)  # committed: safe to skip next time
        return IngestResult(len(items), inserted, attached, stored, quarantined, edited)

    def store_recovered(self, account: str, stream: Stream, items: Sequence[XItem],
                        users: Sequence[XUser], unreadable: Sequence[Unreadable],
                        fence: Callable[[Session], None] | None = None,
                        charges: Sequence[Charge] = (),
                        route: WatchedStream | None = None) -> IngestResult:
        """Items read again for the quarantine: stored like a page, the cursor untouched;
        what is still unreadable counts one more attempt."""
        known: dict[str, tuple[tuple[Any, ...], int]] = {}
        with self.ctx.db.session() as session:
            if fence is not None:
                fence(session)
            record_charges(session, self.ctx, account, charges)
            inserted, attached, _new, edited = self._store(
                session, account, stream, items, users, unreadable, known, retried=True,
                route=route)
        self._remember_citizens(known)
        return IngestResult(len(items), inserted, attached, None, 0, edited)

    def known_citizens(self, x_user_ids: Iterable[str]) -> set[str]:
        """Which of these X users the desk already knows (no need to look them up)."""
        wanted = set(x_user_ids)
        found = {x for x in wanted if x in self._citizens}
        rest = list(wanted - found)
        if rest:
            with self.ctx.db.session(readonly=True) as session:
                found |= set(session.scalars(
                    select(Citizen.x_user_id).where(Citizen.x_user_id.in_(rest))))
        return found

    def undescribed_authors(self, limit: int = 100,
                            exclude: Iterable[str] = ()) -> set[str]:
        """Authors of stored mentions and DMs that X has not described yet: their users
        lookup failed (X bills it even when the answer is lost), so the sync asks again.
        ``exclude``: those already being asked, or that X does not know."""
        left_out = sorted(set(exclude))
        with self.ctx.db.session(readonly=True) as session:
            # SQLite would rather walk the citizen_id index through all outgoing items
            # (30 ms at 100,000 of them, on every page); its partial index answers at once.
            hint = (" INDEXED BY ix_ticket_items_undescribed"
                    if session.get_bind().dialect.name == "sqlite" else "")
            query = text(f"SELECT DISTINCT author_x_id FROM ticket_items{hint} "
                         f"WHERE {UNDESCRIBED} AND author_x_id NOT IN :exclude "
                         "ORDER BY author_x_id LIMIT :limit").bindparams(
                bindparam("exclude", expanding=True, type_=String()))
            return set(session.scalars(query, {"limit": limit, "exclude": left_out}))

    def _store(self, session: Session, account: str, stream: Stream,
               items: Sequence[XItem], users: Sequence[XUser],
               unreadable: Sequence[Unreadable], known: dict[str, tuple[tuple[Any, ...], int]],
               retried: bool = False,
               route: WatchedStream | None = None) -> tuple[int, int, int, int]:
        citizen_ids = self._upsert_citizens(session, users, known)
        self._describe_earlier_items(session, citizen_ids)
        self._known_citizen_ids(session, items, citizen_ids)
        inserted, edits = self._insert_items(session, account, items, citizen_ids, route)
        store_media(session, items, inserted)
        attached = self._attach_to_open_tickets(session, inserted)
        note_requests(session, self.ctx, inserted)  # "quiero verificar mi cuenta" (issue 27)
        edited = self._apply_edits(session, edits)
        stored_keys = {r["x_id"] for r in inserted} | {i.x_id for i in items}
        self._mark_stored(session, account, stream, stored_keys)
        quarantined = self._quarantine(session, account, stream, unreadable, retried)
        return len(inserted), attached, quarantined, edited

    # ------------------------------------------------------------------ steps
    def _remember_citizens(self, known: dict[str, tuple[tuple[Any, ...], int]]) -> None:
        if len(self._citizens) + len(known) > CITIZEN_CACHE:
            self._citizens.clear()
        self._citizens.update(known)

    def _upsert_citizens(self, session: Session, users: Sequence[XUser],
                         known: dict[str, tuple[tuple[Any, ...], int]]) -> dict[str, int]:
        """Citizens as X describes them now: new ones inserted, changed ones updated.
        A citizen this desk stored with exactly these details is not written again (the
        same few hundred people write every day), and their id comes from memory."""
        if not users:
            return {}
        now = self.ctx.clock()
        ids: dict[str, int] = {}
        fresh: dict[str, tuple[Any, ...]] = {}
        for u in users:  # one row per user even if X repeats one
            details = (clean_text(u.handle, 64), clean_text(u.name, 200),
                       u.profile_image_url, u.verified)
            cached = self._citizens.get(u.x_id)
            if cached is not None and cached[0] == details:
                ids[u.x_id] = cached[1]
            else:
                fresh[u.x_id] = details
        if not fresh:
            return ids
        rows = [{
            "x_user_id": x_id, "handle": handle, "name": name, "profile_image_url": image,
            "x_verified": verified, "verified_resident": False,
            "created_at": now, "updated_at": now,
        } for x_id, (handle, name, image, verified) in fresh.items()]
        stmt = insert_for(session, Citizen.__table__)
        stmt = stmt.on_conflict_do_update(
            index_elements=["x_user_id"],
            set_={"handle": stmt.excluded.handle, "name": stmt.excluded.name,
                  "profile_image_url": stmt.excluded.profile_image_url,
                  "x_verified": stmt.excluded.x_verified, "updated_at": stmt.excluded.updated_at},
        )
        session.execute(stmt, rows)
        found = session.execute(
            select(Citizen.x_user_id, Citizen.id).where(Citizen.x_user_id.in_(list(fresh)))
        )
        for x_id, citizen_id in found.all():
            ids[x_id] = citizen_id
            known[x_id] = (fresh[x_id], citizen_id)
        return ids

    def _describe_earlier_items(self, session: Session, citizen_ids: dict[str, int]) -> None:
        """Items stored before X described their author get their citizen now, and so do
        the tickets opened from them; audited, so every window shows who wrote."""
        if not citizen_ids:
            return
        authors = session.scalars(
            select(TicketItem.author_x_id).where(text(UNDESCRIBED))
            .where(TicketItem.author_x_id.in_(sorted(citizen_ids))).distinct()).all()
        for x_id in authors:
            citizen = citizen_ids[x_id]
            opened = session.scalars(
                select(Ticket.id).where(Ticket.citizen_id.is_(None), Ticket.id.in_(
                    select(TicketItem.ticket_id).where(text(UNDESCRIBED))
                    .where(TicketItem.author_x_id == x_id)))).all()
            if opened:
                session.execute(update(Ticket).where(Ticket.id.in_(opened))
                                .values(citizen_id=citizen))
            items = rowcount(session.execute(
                update(TicketItem).where(text(UNDESCRIBED))
                .where(TicketItem.author_x_id == x_id).values(citizen_id=citizen)))
            after = {"citizen_id": citizen, "items": items}
            for ticket_id in opened:
                record(session, self.ctx, None, "citizen.described", ticket_id=ticket_id,
                       subject=f"citizen:{citizen}", before={"citizen_id": None},
                       after=after)
            if not opened:
                record(session, self.ctx, None, "citizen.described",
                       subject=f"citizen:{citizen}", before={"citizen_id": None},
                       after=after)

    def _known_citizen_ids(self, session: Session, items: Sequence[XItem],
                           citizen_ids: dict[str, int]) -> None:
        """Authors the page did not describe (no ``includes``) but the desk already knows."""
        missing = {i.author_x_id for i in items} - citizen_ids.keys()
        for x_id in list(missing):
            cached = self._citizens.get(x_id)
            if cached is not None:
                citizen_ids[x_id] = cached[1]
                missing.discard(x_id)
        if missing:
            citizen_ids.update(session.execute(
                select(Citizen.x_user_id, Citizen.id)
                .where(Citizen.x_user_id.in_(sorted(missing)))).all())

    def _row(self, account: str, item: XItem, citizen_ids: dict[str, int],
             now: object, route: WatchedStream | None = None) -> dict[str, Any]:
        text = clean_text(item.text)
        edited = item.original_id != item.x_id
        row = {
            # An edited tweet is kept under its original id, showing its newest version.
            "source": item.kind.source, "x_id": item.original_id, "kind": item.kind.value,
            "account": account, "citizen_id": citizen_ids.get(item.author_x_id),
            "author_x_id": item.author_x_id, "text": text, "created_at": item.created_at,
            "conversation_id": item.conversation_id,
            "in_reply_to_x_id": item.in_reply_to_x_id, "media_count": item.media_count,
            "suggested_department": None, "suggested_priority": None,
            "triage_confidence": None, "triage_reason": None, "personal_data": "",
            "handled": item.kind.outgoing, "raw": item.raw, "ingested_at": now,
            "ticket_id": None, "version_x_id": item.x_id if edited else None,
            "edit_history": None, "via": route.stream.value if route else None,
        }
        if not item.kind.outgoing:
            row.update(self._triage(text))
            if route is not None and route.department is not None:
                # A staff account's mentions: the employee's department (issue 27).
                row["suggested_department"] = route.department
                # (stored in Spanish like triage's reasons; ``reason_in`` words it)
                row["triage_reason"] = f"{STAFF_REASON}{route.handle}"[:500]
        return row

    def _triage(self, text: str) -> dict[str, Any]:
        rules = self.ctx.rules
        result = rules.triage.classify(text)
        flags = sorted({f.kind.value for f in rules.privacy.scan(text)})
        return {"suggested_department": result.department,
                "suggested_priority": result.priority.value,
                "triage_confidence": result.confidence,
                "triage_reason": result.reason()[:500], "personal_data": ",".join(flags)}

    def _insert_items(self, session: Session, account: str, items: Sequence[XItem],
                      citizen_ids: dict[str, int], route: WatchedStream | None = None
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """New items inserted (returned with their ids), and the rows of newer versions of
        edited tweets whose original was stored before (applied by ``_apply_edits``)."""
        if not items:
            return [], []
        if any(not item.kind.outgoing for item in items):
            # The town's active model: another desk may have retrained or rolled it back.
            TriageModelService(self.ctx).refresh(session)
        now = self.ctx.clock()
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        # Oldest first, so a page holding several versions of one tweet ends on the newest.
        for item in sorted(items, key=lambda i: int(i.x_id)):
            row = self._row(account, item, citizen_ids, now, route)
            key = (row["source"], row["x_id"])
            if key in rows:
                rows[key] = _newer_version(rows[key], row)
            else:
                rows[key] = row
        stmt = (insert_for(session, TicketItem.__table__)
                .on_conflict_do_nothing(index_elements=["source", "x_id"])
                .returning(TicketItem.id, TicketItem.source, TicketItem.x_id))
        returned = session.execute(stmt, list(rows.values()), ).all()
        inserted = []
        for item_id, source, x_id in returned:
            row = rows.pop((source, x_id))
            row["id"] = item_id
            inserted.append(row)
        edits = [r for r in rows.values() if r["version_x_id"] is not None]
        return inserted, edits

    def _apply_edits(self, session: Session, edits: list[dict[str, Any]]) -> int:
        """A newer version of a stored tweet replaces its text on the same item (and so on
        its ticket); the earlier versions are kept in the item's edit history."""
        if not edits:
            return 0
        stored = {r.x_id: r for r in session.scalars(
            select(TicketItem).where(TicketItem.source == "tweet",
                                     TicketItem.x_id.in_([e["x_id"] for e in edits])))}
        changed = 0
        for edit in edits:
            row = stored.get(edit["x_id"])
            if row is None or int(row.version_x_id or row.x_id) >= int(edit["version_x_id"]):
                continue  # an older version, or this one again
            if row.anonymised_at is not None:
                continue  # erased or past retention: the words do not come back
            history = [*(row.edit_history or []), _version(row.version_x_id or row.x_id,
                                                           row.text, row.raw),
                       *(edit["edit_history"] or [])]
            before = {"text": row.text, "version": row.version_x_id or row.x_id}
            row.edit_history = history
            row.version_x_id = edit["version_x_id"]
            row.text = edit["text"]
            row.raw = edit["raw"]
            row.media_count = edit["media_count"]
            if row.kind == ItemKind.MENTION.value and not row.handled:
                for name in ("suggested_department", "suggested_priority",
                             "triage_confidence", "triage_reason", "personal_data"):
                    setattr(row, name, edit[name])
            changed += 1
            after = {"text": row.text, "version": row.version_x_id}
            if row.ticket_id is not None:
                record(session, self.ctx, None, "ticket.item_edited", ticket_id=row.ticket_id,
                       subject=f"item:{row.id}", before=before, after=after,
                       message="The citizen edited the message on X")
            else:
                record(session, self.ctx, None, "item.edited", subject=f"item:{row.id}",
                       before=before, after=after)
        return changed

    def _mark_stored(self, session: Session, account: str, stream: Stream,
                     x_ids: set[str]) -> None:
        """Quarantined items that have now been read whole leave the quarantine."""
        if not x_ids:
            return
        waiting = (QuarantinedItem.account == account, QuarantinedItem.stream == stream.value,
                   QuarantinedItem.status.in_(OPEN_STATUSES))
        if session.scalar(select(QuarantinedItem.id).where(*waiting).limit(1)) is None:
            return  # the usual case: nothing waits, no UPDATE of a hundred keys per page
        done = session.execute(
            update(QuarantinedItem)
            .where(QuarantinedItem.account == account,
                   QuarantinedItem.stream == stream.value,
                   QuarantinedItem.item_key.in_(sorted(x_ids)),
                   QuarantinedItem.status.in_(OPEN_STATUSES))
            .values(status="stored", closed_at=self.ctx.clock())
        )
        stored = rowcount(done)
        if stored:
            record(session, self.ctx, None, "quarantine.stored",
                   subject=f"{account}:{stream.value}", after={"items": stored},
                   message="Items that could not be read before are stored now")

    def _quarantine(self, session: Session, account: str, stream: Stream,
                    unreadable: Sequence[Unreadable], retried: bool) -> int:
        """Keep what cannot be read, with its raw JSON and the reason; seen again, it
        counts one more attempt. Returns how many entries are new."""
        if not unreadable:
            return 0
        now = self.ctx.clock()
        wanted = {u.key: u for u in unreadable}
        # A broken copy of an item the desk already holds whole is nothing to keep.
        source = stream.source
        ids = sorted(k for k in wanted if k.isdigit())
        if ids:
            for x_id in session.scalars(select(TicketItem.x_id).where(
                    TicketItem.source == source, TicketItem.x_id.in_(ids))):
                wanted.pop(x_id, None)
            if not wanted:
                return 0
        existing = {q.item_key: q for q in session.scalars(
            select(QuarantinedItem).where(QuarantinedItem.account == account,
                                          QuarantinedItem.stream == stream.value,
                                          QuarantinedItem.item_key.in_(sorted(wanted))))}
        new = []
        for key, bad in wanted.items():
            entry = existing.get(key)
            if entry is None:
                entry = QuarantinedItem(account=account, stream=stream.value, item_key=key,
                                        x_id=bad.x_id, reason=bad.reason[:2000], raw=bad.raw,
                                        status="retry" if bad.refetch else "open",
                                        attempts=1, first_seen=now, last_seen=now)
                session.add(entry)
                new.append(key)
                continue
            entry.attempts += 1
            entry.last_seen = now
            entry.reason = bad.reason[:2000]
            if bad.raw is not None:
                entry.raw = cast(Any, bad.raw)  # X's JSON as it came: the column takes any
            if retried and entry.status == "retry":
                entry.status = "retry" if bad.refetch and entry.attempts < AUTO_RETRIES \
                    else "open"
        if new:
            record(session, self.ctx, None, "quarantine.add",
                   subject=f"{account}:{stream.value}",
                   after={"items": len(new), "keys": new[:20],
                          "reasons": sorted({wanted[k].reason for k in new})[:5]},
                   message="X sent items the desk cannot read whole; kept in the quarantine")
        return len(new)

    def _attach_to_open_tickets(self, session: Session, inserted: list[dict[str, Any]]) -> int:
        """A citizen's answer in a thread or DM conversation joins the ticket already open
        for it; a ticket waiting for the citizen goes back to work."""
        incoming = [r for r in inserted if r["kind"] in (ItemKind.MENTION, ItemKind.DM_IN,
                                                          ItemKind.STAFF_REPLY)]
        reply_to = {r["in_reply_to_x_id"] for r in incoming if r["in_reply_to_x_id"]}
        conversations = {r["conversation_id"] for r in incoming
                         if r["kind"] == ItemKind.DM_IN and r["conversation_id"]}
        if not reply_to and not conversations:
            return 0
        open_statuses = [s.value for s in Status if s.is_open]
        known = session.execute(
            select(TicketItem.source, TicketItem.x_id, TicketItem.conversation_id,
                   TicketItem.ticket_id, Ticket.status)
            .join(Ticket, Ticket.id == TicketItem.ticket_id)
            .where(Ticket.status.in_(open_statuses))
            .where((TicketItem.x_id.in_(reply_to) & (TicketItem.source == "tweet"))
                   | (TicketItem.conversation_id.in_(conversations)
                      & (TicketItem.source == "dm")))
            .order_by(TicketItem.ticket_id)
        ).all()
        by_tweet = {x_id: t for source, x_id, _c, t, _s in known if source == "tweet"}
        by_conversation = {c: t for source, _x, c, t, _s in known if source == "dm"}
        statuses = {t: s for *_rest, t, s in known}
        attached: dict[int, int] = {}  # ticket → messages joined
        answered: dict[int, int] = {}  # ticket → staff replies joined (issue 27)
        woken: set[int] = set()
        for row in incoming:
            if row["kind"] == ItemKind.STAFF_REPLY:
                ticket_id = by_tweet.get(row["in_reply_to_x_id"])
                if ticket_id is not None:
                    session.execute(update(TicketItem).where(TicketItem.id == row["id"])
                                    .values(ticket_id=ticket_id))
                    answered[ticket_id] = answered.get(ticket_id, 0) + 1
                continue
            if row["kind"] == ItemKind.MENTION:
                ticket_id = by_tweet.get(row["in_reply_to_x_id"])
            else:
                ticket_id = by_conversation.get(row["conversation_id"])
            if ticket_id is None:
                continue
            session.execute(update(TicketItem).where(TicketItem.id == row["id"])
                            .values(ticket_id=ticket_id, handled=True))
            attached[ticket_id] = attached.get(ticket_id, 0) + 1
            if statuses.get(ticket_id) == Status.WAITING_CITIZEN.value:
                woken.add(ticket_id)
        for ticket_id in sorted(woken):
            session.execute(
                update(Ticket).where(Ticket.id == ticket_id)
                .values(status=Status.IN_PROGRESS.value, updated_at=self.ctx.clock(),
                        version=Ticket.version + 1)
            )
            record(session, self.ctx, None, "ticket.move", ticket_id=ticket_id,
                   before={"status": Status.WAITING_CITIZEN.value},
                   after={"status": Status.IN_PROGRESS.value},
                   message="The citizen answered")
        for ticket_id in sorted(attached.keys() - woken):
            # The ticket gained messages: audited, so other desks show them at once.
            record(session, self.ctx, None, "ticket.attach_item", ticket_id=ticket_id,
                   after={"items": attached[ticket_id]}, message="The citizen wrote again")
        for ticket_id, n in sorted(answered.items()):
            record(session, self.ctx, None, "ticket.attach_item", ticket_id=ticket_id,
                   after={"items": n, "staff_replies": n},
                   message="A member of staff answered on X")
        return sum(attached.values()) + sum(answered.values())

    def _advance_cursor(self, session: Session, account: str, stream: Stream,
                        cursor: str | None,
                        walk: tuple[str, str | None] | None = None) -> str | None:
        row = session.get(SyncCursor, (account, stream.value))
        if row is None:
            row = SyncCursor(account=account, stream=stream.value, cursor=None,
                             updated_at=self.ctx.clock())
            session.add(row)
        row.walk_token, row.walk_newest = walk if walk else (None, None)
        newest = newer_id(row.cursor, cursor)
        if newest != row.cursor:
            row.cursor = newest
            row.updated_at = self.ctx.clock()
        return newest


def _version(x_id: str, text: str, raw: dict[str, Any] | None) -> dict[str, Any]:
    created = raw.get("created_at") if isinstance(raw, dict) else None
    return {"x_id": x_id, "text": text, "created_at": created}


def _newer_version(older: dict[str, Any], newer: dict[str, Any]) -> dict[str, Any]:
    """Two versions of one tweet in a page: the newer one, with the older in its history."""
    if int(newer["version_x_id"] or newer["x_id"]) < int(older["version_x_id"] or
                                                         older["x_id"]):
        older, newer = newer, older
    newer["edit_history"] = [*(older["edit_history"] or []),
                             _version(older["version_x_id"] or older["x_id"], older["text"],
                                      older["raw"]), *(newer["edit_history"] or [])]
    newer["created_at"] = min(older["created_at"], newer["created_at"])
    return newer
