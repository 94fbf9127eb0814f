"""Typed SQLAlchemy models of everything the desk keeps.

The database is the town's archive: X returns only the latest 800 mentions and 30 days of
DMs, so every item is stored with its raw payload, once (unique X ids).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.types import TypeDecorator

# Partial indexes: their WHERE is a dialect's option, and naming one makes SQLAlchemy load
# that dialect's modules (PostgreSQL's and its async drivers' cost about as much as all
# the models). So the WHERE goes only to the dialect in use, when its engine is made.
_PARTIAL: list[tuple[Index, TextClause]] = []
PARTIAL_DIALECTS = ("sqlite", "postgresql")


def _partial(name: str, *columns: str, where: TextClause) -> Index:
    index = Index(name, *columns)
    _PARTIAL.append((index, where))
    return index


def use_dialect(name: str) -> None:
    """The partial indexes' WHERE for the dialect ``name`` (the migrations' comparison and
    ``create_all`` see them then); idempotent."""
    if name in PARTIAL_DIALECTS:
        for index, where in _PARTIAL:
            if index.dialect_options[name]["where"] is None:
                index.dialect_options[name]["where"] = where


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime}


class Operator(Base):
    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    # Comma-separated department codes; empty = serves every department.
    departments: Mapped[str] = mapped_column(String(400), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Sign-in (migration 0006): an Argon2id hash (PHC string, salt inside), never the
    # password; wrong attempts in a row and until when the account must wait; the
    # operating-system user who may sign in as this operator without a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_set_at: Mapped[datetime | None]
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None]
    os_user: Mapped[str | None] = mapped_column(String(64))
    # First access (migration 0012): the Argon2id hash of a one-time code a supervisor
    # issued, and until when it may be used; both cleared once it is used.
    first_code_hash: Mapped[str | None] = mapped_column(String(255))
    first_code_expires_at: Mapped[datetime | None]


class Citizen(Base):
    __tablename__ = "citizens"

    id: Mapped[int] = mapped_column(primary_key=True)
    x_user_id: Mapped[str] = mapped_column(String(32), unique=True)
    handle: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    profile_image_url: Mapped[str | None] = mapped_column(String(500))
    x_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_resident: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    verified_at: Mapped[datetime | None]
    # Migration 0016: until when the verification holds (None: set by hand before issue
    # 27, no end) and how it was made (counter, other_channel, manual).
    verified_until: Mapped[datetime | None]
    verified_how: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # When the handle, name and picture were removed (migration 0013): by retention once
    # nothing of theirs remained whole, or by an erasure request.
    anonymised_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_citizens_handle", func.lower(handle)),)


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    department: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    title: Mapped[str] = mapped_column(String(200))
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    triage_confidence: Mapped[float | None] = mapped_column(Float)
    triage_reason: Mapped[str | None] = mapped_column(String(500))
    personal_data: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_response_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Migration 0013: a supervisor's legal hold keeps the ticket whole (retention and
    # erasure skip it); when its personal data was removed, statistics kept.
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    legal_hold_reason: Mapped[str | None] = mapped_column(String(200))
    anonymised_at: Mapped[datetime | None]

    items: Mapped[list[TicketItem]] = relationship(back_populates="ticket")
    citizen: Mapped[Citizen | None] = relationship(lazy="joined")
    assignee: Mapped[Operator | None] = relationship(foreign_keys=[assignee_id], lazy="joined")

    # UPDATE ... WHERE version = :read_version, so a change made in between is never
    # overwritten even when two desks pass the service-level check at the same moment.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's declarative hook
    __table_args__ = (
        Index("ix_tickets_department_status", "department", "status"),
        # The board reads one status a page at a time, oldest first (open columns) or
        # latest change first (done columns), with or without a department filter.
        Index("ix_tickets_status_created", "status", "created_at"),
        Index("ix_tickets_status_updated", "status", "updated_at"),
        Index("ix_tickets_department_status_created", "department", "status", "created_at"),
        Index("ix_tickets_department_status_updated", "department", "status", "updated_at"),
        # Column counts read these alone (migration 0005).
        _partial("ix_tickets_live_status", "status", where=text("merged_into_id IS NULL")),
        _partial("ix_tickets_live_department_status", "department", "status",
                 where=text("merged_into_id IS NULL")),
    )


# Incoming items whose author X has not described yet (a users lookup whose answer was lost).
# Queries repeat this text word for word so that SQLite uses the partial index.
UNDESCRIBED = "citizen_id IS NULL AND kind IN ('mention', 'dm_in')"
_UNDESCRIBED = text(UNDESCRIBED)  # the class body below shadows ``text`` with a column


class TicketItem(Base):
    """A mention, DM, reply or DM sent by the desk: one X object, stored once."""

    __tablename__ = "ticket_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(8))  # "tweet" or "dm": X's two id spaces
    x_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # mention, dm_in, reply_out, dm_out
    account: Mapped[str] = mapped_column(String(64))  # desk account that received / sent it
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"), index=True)
    author_x_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(64), index=True)
    in_reply_to_x_id: Mapped[str | None] = mapped_column(String(32))
    media_count: Mapped[int] = mapped_column(Integer, default=0)
    suggested_department: Mapped[str | None] = mapped_column(String(32))
    suggested_priority: Mapped[str | None] = mapped_column(String(16))
    triage_confidence: Mapped[float | None] = mapped_column(Float)
    triage_reason: Mapped[str | None] = mapped_column(String(500))
    personal_data: Mapped[str] = mapped_column(String(200), default="")
    handled: Mapped[bool] = mapped_column(Boolean, default=False)
    raw: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    # An edited tweet keeps its original id in x_id; the version shown and the earlier
    # versions ([{x_id, text, created_at}], oldest first) are kept here (migration 0006).
    version_x_id: Mapped[str | None] = mapped_column(String(32))
    edit_history: Mapped[list[Any] | None] = mapped_column(JSON)
    # When its text and raw payload were removed (migration 0013); the X id stays, so the
    # same item read again from X is recognised and not stored twice.
    anonymised_at: Mapped[datetime | None]
    # The stream that brought it when not the town's own mentions or DMs (issue 27):
    # ``staff:<user id>`` (for an employee), ``search:<id>`` (a watched search).
    via: Mapped[str | None] = mapped_column(String(64))

    ticket: Mapped[Ticket | None] = relationship(back_populates="items")

    __table_args__ = (
        UniqueConstraint("source", "x_id", name="uq_ticket_items_source_x_id"),
        _partial("ix_ticket_items_undescribed", "author_x_id", where=_UNDESCRIBED),
    )


class Verification(Base):
    """One attempt to verify a citizen's X account as a resident's (migration 0016): asked
    by the citizen or started by an operator, a one-time code sent by DM (kept only as an
    Argon2id hash), confirmed at the counter (the kind of document checked, never its
    number) or by a supervisor by another channel, and perhaps revoked."""

    __tablename__ = "verifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    state: Mapped[str] = mapped_column(String(12), index=True)  # domain.verification.State
    requested_via: Mapped[str] = mapped_column(String(12))  # mention | dm | operator
    item_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_items.id"), unique=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    language: Mapped[str] = mapped_column(String(2), default="es")
    code_hash: Mapped[str | None] = mapped_column(String(255))
    code_expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    code_sent_at: Mapped[datetime | None]
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    confirmed_at: Mapped[datetime | None]
    method: Mapped[str | None] = mapped_column(String(16))  # counter | other_channel
    document: Mapped[str | None] = mapped_column(String(24))  # kind only, never a number
    note: Mapped[str | None] = mapped_column(Text)
    verified_until: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # spent, expired, cancelled or revoked
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    revoke_note: Mapped[str | None] = mapped_column(Text)


class TicketNote(Base):
    __tablename__ = "ticket_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """Append-only: database triggers refuse DELETE, and any UPDATE but one: the content
    (``before``, ``after``, ``message``) redacted once, setting ``redacted_at``, with the
    skeleton (who, when, what, which ticket and subject) unchanged (migration 0013)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    actor_name: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(48), index=True)
    outcome: Mapped[str] = mapped_column(String(12), default="ok")  # ok | refused
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # e.g. "citizen:12"; indexed (migration 0013): erasure and retention find by it
    subject: Mapped[str | None] = mapped_column(String(80), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    message: Mapped[str | None] = mapped_column(Text)
    redacted_at: Mapped[datetime | None]


class OutboxItem(Base):
    """A reply or DM to send: persisted first, sent exactly once by the outbox worker."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # reply | dm
    account: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    in_reply_to_x_id: Mapped[str | None] = mapped_column(String(32))
    recipient_x_id: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None]
    sent_x_id: Mapped[str | None] = mapped_column(String(32))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    # A town's post (kind "post", migration 0017): its announcement and place in the thread;
    # it replies to the previous post's X id, known only once that one is sent.
    announcement_id: Mapped[int | None] = mapped_column(Integer, index=True)
    position: Mapped[int | None] = mapped_column(Integer)


class SyncCursor(Base):
    """Where polling of one stream of one account stopped; moves with the data it covers."""

    __tablename__ = "sync_cursors"

    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    stream: Mapped[str] = mapped_column(String(64), primary_key=True)  # Stream.value
    cursor: Mapped[str | None] = mapped_column(String(64))
    # A walk in progress: the next page's token and the newest id the walk has seen. Saved
    # with each page, so a restarted process goes on where the killed one stopped.
    walk_token: Mapped[str | None] = mapped_column(String(512))
    walk_newest: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffAccount(Base):
    """An employee of the town on X (issue 27): the mentions of the account are read and
    routed to its department; its replies to citizens join their tickets. Removing one
    makes it inactive (its items keep saying whose they were)."""

    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(64))
    x_user_id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    pause_rank: Mapped[int] = mapped_column(Integer, default=100)  # lower pauses first
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class WatchedSearch(Base):
    """A recent search a supervisor watches (issue 27): its results land in the feed."""

    __tablename__ = "watched_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(512))
    label: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    pause_rank: Mapped[int] = mapped_column(Integer, default=100)  # lower pauses first
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncLease(Base):
    """Which desk polls X for an account. A holder renews before ``expires_at``; when a desk
    dies its lease runs out and another takes over."""

    __tablename__ = "sync_leases"

    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(64))  # a desk's id, unique per process
    holder_label: Mapped[str | None] = mapped_column(String(200))  # "operator @ host"
    acquired_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]


class TriageCorrection(Base):
    """A department an operator or supervisor chose over triage's: a labelled example the
    town's model learns from at its next retraining."""

    __tablename__ = "triage_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_items.id"))
    text: Mapped[str] = mapped_column(Text)
    from_department: Mapped[str | None] = mapped_column(String(32))
    to_department: Mapped[str] = mapped_column(String(32))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TriageModel(Base):
    """A version of the town's triage model: every desk uses the active one."""

    __tablename__ = "triage_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("triage_models.id"))
    corrections: Mapped[int] = mapped_column(Integer, default=0)  # examples from the desk
    metrics: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The corpus's train and test splits as hashed feature vectors (no texts), kept when a
    # version was trained from the corpus, so any desk can retrain and check without it.
    training: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TriageRouting(Base):
    """The town's routing policy (issue 26, migration 0019): one row, ``id`` 1, shared by
    every desk on the database; without it the default (``domain.routing``)."""

    __tablename__ = "triage_routing"

    id: Mapped[int] = mapped_column(primary_key=True)
    policy: Mapped[str] = mapped_column(String(16))  # safe | always
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime | None]


class QuarantinedItem(Base):
    """An item X sent that the desk could not read whole: kept with its raw JSON and the
    reason until it is read (status ``stored``) or an operator dismisses it. Nothing X
    sends is dropped silently."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    stream: Mapped[str] = mapped_column(String(64))  # Stream.value
    # X's id when the item has a readable one, else "sha256:<digest of the raw JSON>".
    item_key: Mapped[str] = mapped_column(String(80))
    x_id: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict[str, Any] | list[Any] | str | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), index=True)  # open|retry|stored|dismissed
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    closed_at: Mapped[datetime | None]

    __table_args__ = (UniqueConstraint("account", "stream", "item_key",
                                       name="uq_quarantine_account_stream_key"),)


class XSpend(Base):
    """What X charged, per UTC day, account, stream and kind (issue 17). Written in the
    transaction that stores what was read, so a killed desk neither loses nor doubles it."""

    __tablename__ = "x_spend"

    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    stream: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    units: Mapped[int] = mapped_column(Integer, default=0)
    micro: Mapped[int] = mapped_column(BigInteger, default=0)  # micro-dollars


class XSeen(Base):
    """Resources already charged today: X does not charge them again within a UTC day."""

    __tablename__ = "x_seen"

    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    x_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class XBudget(Base):
    """The monthly X budget a supervisor set, shared by every desk on the database."""

    __tablename__ = "x_budget"

    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    monthly_micro: Mapped[int] = mapped_column(BigInteger, default=0)
    daily_alert_micro: Mapped[int] = mapped_column(BigInteger, default=0)
    stop_writes: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime | None]


class ModerationAction(Base):
    """One act of moderation (hide a reply, mute an account, delete a town's own post):
    proposed, approved or rejected, applied on X, undone. The text as it was when the act
    was proposed is kept here (the archive), with the flags the detector showed."""

    __tablename__ = "moderation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(12))  # hide | mute | delete
    target_x_id: Mapped[str] = mapped_column(String(32), index=True)  # tweet or user id
    item_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_items.id"), index=True)
    author_x_id: Mapped[str | None] = mapped_column(String(32))
    author_handle: Mapped[str | None] = mapped_column(String(64))
    conversation_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)  # the text as it was
    flags: Mapped[list[Any] | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    decided_at: Mapped[datetime | None]
    applied_at: Mapped[datetime | None]
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    undone_at: Mapped[datetime | None]
    undo_note: Mapped[str | None] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)


class RetentionPolicy(Base):
    """How many days a department's closed tickets are kept whole (migration 0013); a
    department without a row has the default of ``domain/retention.py``."""

    __tablename__ = "retention_policies"

    department: Mapped[str] = mapped_column(String(32), primary_key=True)
    days: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime | None]


class AccessLogEntry(Base):
    """Who opened a Salud or Policía ticket, or one with personal data, and when.
    Append-only: database triggers refuse UPDATE and DELETE (migration 0013)."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    operator_name: Mapped[str] = mapped_column(String(120), index=True)
    ticket_id: Mapped[int] = mapped_column(Integer, index=True)
    department: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(64))  # department | personal data flags


class Announcement(Base):
    """The town's own post or thread (issue 28): drafted, approved, scheduled, published
    through the outbox (migration 0017). ``scheduled_at`` in UTC; ``if_missed``: what a
    slot missed while every desk was off does (``domain.announcements.MissedSlot``)."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12), index=True)
    title: Mapped[str] = mapped_column(String(120))
    scheduled_at: Mapped[datetime | None]
    if_missed: Mapped[str] = mapped_column(String(8), default="late")
    media_path: Mapped[str | None] = mapped_column(Text)
    media_x_id: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(Text)  # the supervisor's, when returned
    cost_micro: Mapped[int] = mapped_column(BigInteger, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    approved_at: Mapped[datetime | None]
    published_at: Mapped[datetime | None]

    posts: Mapped[list[AnnouncementPost]] = relationship(
        back_populates="announcement", order_by="AnnouncementPost.position",
        cascade="all, delete-orphan")


class AnnouncementPost(Base):
    """One post of an announcement's thread, in order (``position`` from 1)."""

    __tablename__ = "announcement_posts"
    __table_args__ = (UniqueConstraint("announcement_id", "position",
                                       name="uq_announcement_posts_place"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    x_id: Mapped[str | None] = mapped_column(String(32))

    announcement: Mapped[Announcement] = relationship(back_populates="posts")


class Notice(Base):
    """An outage or works notice (migration 0018): a water or power cut, or works, in a
    street, from a time to a time, of a department. Drafted by an operator; published by
    a supervisor as an announcement (``announcement_id``, set when that is wired)."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # corte_agua | corte_luz | obras
    street: Mapped[str] = mapped_column(String(120))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    department: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft | published
    announcement_id: Mapped[int | None] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NoticeTicket(Base):
    """A ticket a notice covers, as the operator confirmed it; ``answered_at`` and
    ``outbox_id`` once "responder a todos" answered it (each ticket once)."""

    __tablename__ = "notice_tickets"

    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id"), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), primary_key=True,
                                           index=True)
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    linked_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    outbox_id: Mapped[int | None] = mapped_column(Integer)  # the outbox item that answered it
class ItemMedia(Base):
    """A photo, video or GIF attached to an item, as X described it, and where the desk
    stands with its image (issue 29): one row per media key of an item, stored with the
    item. ``sha256`` names the cached file (content-addressed, in the data folder's
    ``media``); the EXIF position stays here, never exported."""

    __tablename__ = "item_media"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("ticket_items.id"), index=True)
    media_key: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)  # its place in the item
    kind: Mapped[str] = mapped_column(String(16))  # MediaKind
    dm: Mapped[bool] = mapped_column(Boolean, default=False)  # fetched with OAuth 1.0a
    url: Mapped[str | None] = mapped_column(String(1000))
    preview_image_url: Mapped[str | None] = mapped_column(String(1000))
    alt_text: Mapped[str | None] = mapped_column(Text)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default="pending")  # MediaState
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    size: Mapped[int | None] = mapped_column(Integer)  # bytes of the cached file
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(String(300))
    cached_at: Mapped[datetime | None]
    # Evicted from the bounded cache: PENDING, but downloaded again only once the window
    # shows its item (``MediaService.for_items`` clears this), never by itself.
    evicted_at: Mapped[datetime | None]
    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (
        UniqueConstraint("item_id", "media_key", name="uq_item_media_item_id"),
        Index("ix_item_media_state", "state", "next_try_at"),
    )
