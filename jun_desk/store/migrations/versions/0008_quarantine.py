"""Items X sent that could not be read whole wait in a quarantine table; edited tweets keep
their versions on the stored item.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("stream", sa.String(length=16), nullable=False),
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column("x_id", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["closed_by_id"], ["operators.id"],
                                name=op.f("fk_quarantine_closed_by_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
        sa.UniqueConstraint("account", "stream", "item_key",
                            name="uq_quarantine_account_stream_key"),
    )
    op.create_index(op.f("ix_quarantine_status"), "quarantine", ["status"])
    with op.batch_alter_table("ticket_items") as batch:
        batch.add_column(sa.Column("version_x_id", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("edit_history", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket_items") as batch:
        batch.drop_column("edit_history")
        batch.drop_column("version_x_id")
    op.drop_index(op.f("ix_quarantine_status"), table_name="quarantine")
    op.drop_table("quarantine")
