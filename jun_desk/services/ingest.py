"""Ingest of mentions and DMs: triaged, stored once, with the cursor in the same transaction.

A page of X items and the cursor that follows it commit together, so a crash at any point
either keeps both or neither: the next poll starts from the stored cursor, and the unique
(source, x_id) key drops anything seen twice. Bulk work uses SQLAlchemy Core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jun_desk.domain.items import ItemKind, Stream, XItem, XUser, newer_id
from jun_desk.domain.text import clean_text
from jun_desk.domain.workflow import Status
from jun_desk.services.audit import record
from jun_desk.services.context import DeskContext
from jun_desk.services.triage_models import TriageModelService
from jun_desk.store.insert import insert_for
from jun_desk.store.models import Citizen, SyncCursor, Ticket, TicketItem


@dataclass(frozen=True, slots=True)
class IngestResult:
    received: int
    inserted: int
    attached: int
    cursor: str | None

    @property
    def duplicates(self) -> int:
        return self.received - self.inserted


CITIZEN_CACHE = 50_000  # citizens remembered as last stored (a town has far fewer)


class IngestService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        # x_user_id → (details as last stored by this desk, citizen id); filled only after
        # a commit, so a rolled-back page never leaves an id that does not exist.
        self._citizens: dict[str, tuple[tuple, int]] = {}

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
                    fence: Callable[[Session], None] | None = None) -> IngestResult:
        """Store one page of items and advance the stream's cursor, atomically.

        ``walk``: where the walk goes on (next token, newest id seen) when this page is not
        its last; saved in the same transaction, cleared with the last page.
        ``fence``: checked first in the same transaction (the poller lease); raising there
        stores nothing.
        """
        known: dict[str, tuple[tuple, int]] = {}
        with self.ctx.db.session() as session:
            if fence is not None:
                fence(session)
            citizen_ids = self._upsert_citizens(session, users, known)
            inserted = self._insert_items(session, account, items, citizen_ids)
            attached = self._attach_to_open_tickets(session, inserted)
            stored = self._advance_cursor(session, account, stream, cursor, walk)
            if inserted:
                record(session, self.ctx, None, "ingest.page",
                       subject=f"{account}:{stream.value}",
                       after={"received": len(items), "inserted": len(inserted),
                              "attached": attached, "cursor": stored})
            result = IngestResult(len(items), len(inserted), attached, stored)
        self._remember_citizens(known)  # committed: safe to skip next time
        return result

    # ------------------------------------------------------------------ steps
    def _remember_citizens(self, known: dict[str, tuple[tuple, int]]) -> None:
        if len(self._citizens) + len(known) > CITIZEN_CACHE:
            self._citizens.clear()
        self._citizens.update(known)

    def _upsert_citizens(self, session: Session, users: Sequence[XUser],
                         known: dict[str, tuple[tuple, int]]) -> dict[str, int]:
        """Citizens as X describes them now: new ones inserted, changed ones updated.
        A citizen this desk stored with exactly these details is not written again (the
        same few hundred people write every day), and their id comes from memory."""
        if not users:
            return {}
        now = self.ctx.clock()
        ids: dict[str, int] = {}
        fresh: dict[str, tuple] = {}
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

    def _insert_items(self, session: Session, account: str, items: Sequence[XItem],
                      citizen_ids: dict[str, int]) -> list[dict]:
        if not items:
            return []
        rules = self.ctx.rules
        if any(not item.kind.outgoing for item in items):
            # The town's active model: another desk may have retrained or rolled it back.
            TriageModelService(self.ctx).refresh(session)
        now = self.ctx.clock()
        rows: dict[tuple[str, str], dict] = {}
        for item in items:
            text = clean_text(item.text)
            row = {
                "source": item.kind.source, "x_id": item.x_id, "kind": item.kind.value,
                "account": account, "citizen_id": citizen_ids.get(item.author_x_id),
                "author_x_id": item.author_x_id, "text": text, "created_at": item.created_at,
                "conversation_id": item.conversation_id,
                "in_reply_to_x_id": item.in_reply_to_x_id, "media_count": item.media_count,
                "suggested_department": None, "suggested_priority": None,
                "triage_confidence": None, "triage_reason": None, "personal_data": "",
                "handled": item.kind.outgoing, "raw": item.raw, "ingested_at": now,
                "ticket_id": None,
            }
            if not item.kind.outgoing:
                result = rules.triage.classify(text)
                flags = sorted({f.kind.value for f in rules.privacy.scan(text)})
                row.update(suggested_department=result.department,
                           suggested_priority=result.priority.value,
                           triage_confidence=result.confidence,
                           triage_reason=result.reason()[:500],
                           personal_data=",".join(flags))
            rows.setdefault((row["source"], row["x_id"]), row)
        stmt = (insert_for(session, TicketItem.__table__)
                .on_conflict_do_nothing(index_elements=["source", "x_id"])
                .returning(TicketItem.id, TicketItem.source, TicketItem.x_id))
        returned = session.execute(stmt, list(rows.values()), ).all()
        inserted = []
        for item_id, source, x_id in returned:
            row = rows[(source, x_id)]
            row["id"] = item_id
            inserted.append(row)
        return inserted

    def _attach_to_open_tickets(self, session: Session, inserted: list[dict]) -> int:
        """A citizen's answer in a thread or DM conversation joins the ticket already open
        for it; a ticket waiting for the citizen goes back to work."""
        incoming = [r for r in inserted if r["kind"] in (ItemKind.MENTION, ItemKind.DM_IN)]
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
        woken: set[int] = set()
        for row in incoming:
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
        return sum(attached.values())

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
