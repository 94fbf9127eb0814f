"""Privacy: retention per department, legal hold, anonymisation marks, the access log,
and an audit trail whose content (not its skeleton) can be redacted once.

* ``retention_policies``: how many days a department's closed tickets are kept whole.
* ``tickets.legal_hold`` (+ reason): a supervisor's flag; retention and erasure skip it.
* ``anonymised_at`` on tickets, messages and citizens: when their personal data went.
* ``access_log``: who opened a Salud or Policía ticket, or one with personal data, and
  when. Append-only like the audit trail (triggers refuse UPDATE and DELETE).
* ``audit_events.subject`` indexed (retention and erasure find events by it).
* ``audit_events.redacted_at``: the audit trail stays append-only except for one change a
  row may undergo once: its content (``before``, ``after``, ``message``) is redacted and
  ``redacted_at`` set, with who, when, what action, which ticket and subject unchanged.
  The triggers enforce exactly that; DELETE stays refused.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_REFUSAL = "audit_events is append-only"
_ACCESS_REFUSAL = "access_log is append-only"
_SKELETON = ("id", "at", "actor_id", "actor_name", "action", "outcome", "ticket_id", "subject")


def upgrade() -> None:
    op.create_table(
        "retention_policies",
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("department", name=op.f("pk_retention_policies")),
    )
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("operator_name", sa.String(length=120), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["operator_id"], ["operators.id"],
                                name=op.f("fk_access_log_operator_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_access_log_ticket_id"), ["ticket_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_access_log_operator_name"), ["operator_name"],
                              unique=False)
    # Plain ADD COLUMNs (no table copy on SQLite: the tables keep their indexes).
    op.add_column("tickets", sa.Column("legal_hold", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.add_column("tickets", sa.Column("legal_hold_reason", sa.String(length=200),
                                       nullable=True))
    for table in ("tickets", "ticket_items", "citizens"):
        op.add_column(table, sa.Column("anonymised_at", sa.DateTime(timezone=True),
                                       nullable=True))
    # The audit trail's triggers are made again with the one redaction they allow.
    _drop_audit_triggers()
    op.add_column("audit_events", sa.Column("redacted_at", sa.DateTime(timezone=True),
                                            nullable=True))
    _audit_triggers(redaction=True)
    # Retention and erasure find the events about a citizen, message or moderation act.
    op.create_index("ix_audit_events_subject", "audit_events", ["subject"], unique=False)
    _access_log_append_only()


def downgrade() -> None:
    op.drop_index("ix_audit_events_subject", table_name="audit_events")
    _drop_audit_triggers()
    op.drop_column("audit_events", "redacted_at")
    _audit_triggers(redaction=False)
    for table in ("citizens", "ticket_items", "tickets"):
        op.drop_column(table, "anonymised_at")
    op.drop_column("tickets", "legal_hold_reason")
    op.drop_column("tickets", "legal_hold")
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER IF EXISTS access_log_append_only ON access_log")
        op.execute("DROP FUNCTION IF EXISTS access_log_refuse_change()")
    op.drop_table("access_log")
    op.drop_table("retention_policies")


def _drop_audit_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_refuse_change()")


def _audit_triggers(*, redaction: bool) -> None:
    """UPDATE and DELETE refused; with ``redaction``, except an UPDATE that sets
    ``redacted_at`` for the first time and leaves the skeleton as it was."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _SKELETON)
        allowed = f"OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND {same}"
        when = f" WHEN NOT ({allowed})" if redaction else ""
        op.execute(f"CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events"
                   f"{when} BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")
        op.execute("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
                   f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")
        return
    same = " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in _SKELETON)
    allow = (f"IF TG_OP = 'UPDATE' AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT "
             f"NULL AND {same} THEN RETURN NEW; END IF; ") if redaction else ""
    # OR REPLACE: a restore of an older backup drops the desk's tables, not its functions,
    # and then migrates up again over what the newer schema left.
    op.execute(
        "CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$ "
        f"BEGIN {allow}RAISE EXCEPTION '{_REFUSAL}'; END $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()"
    )


def _access_log_append_only() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER access_log_no_{verb.lower()} BEFORE {verb} ON access_log "
                f"BEGIN SELECT RAISE(ABORT, '{_ACCESS_REFUSAL}'); END"
            )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{_ACCESS_REFUSAL}'; END $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log "
        "FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()"
    )
