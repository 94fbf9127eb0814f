"""Several desks on one database: poller leases, and every audited change announced.

On PostgreSQL each successful audit event is announced on the ``jun_desk_changes`` channel
(NOTIFY, delivered when the transaction commits), so other desks refresh what changed.
SQLite desks on one PC watch ``PRAGMA data_version`` instead and need no trigger.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

CHANNEL = "jun_desk_changes"


def upgrade() -> None:
    op.create_table(
        "sync_leases",
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=64), nullable=True),
        sa.Column("holder_label", sa.String(length=200), nullable=True),
        sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("account", name=op.f("pk_sync_leases")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION jun_desk_announce() RETURNS trigger AS $$ BEGIN "
            f"PERFORM pg_notify('{CHANNEL}', json_build_object("
            "'id', NEW.id, 'ticket', NEW.ticket_id, 'action', NEW.action, "
            "'actor', NEW.actor_name)::text); RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_events_announce AFTER INSERT ON audit_events "
            "FOR EACH ROW WHEN (NEW.outcome = 'ok') EXECUTE FUNCTION jun_desk_announce()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_announce ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS jun_desk_announce()")
    op.drop_table("sync_leases")
