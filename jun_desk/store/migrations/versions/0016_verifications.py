"""Verifying residents (issue 27): verification requests with a one-time code sent by DM
(kept only as a hash), confirmed at the counter or by another channel, revocable; the
citizen's verification gets an end and says how it was made.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_FKS = (("citizen_id", "citizens"), ("item_id", "ticket_items"), ("ticket_id", "tickets"),
        ("outbox_id", "outbox"), ("started_by_id", "operators"),
        ("confirmed_by_id", "operators"), ("revoked_by_id", "operators"))


def upgrade() -> None:
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verified_until', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('verified_how', sa.String(length=16), nullable=True))
    op.execute("UPDATE citizens SET verified_how = 'manual' WHERE verified_resident")
    op.create_table(
        "verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("requested_via", sa.String(length=12), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("code_hash", sa.String(length=255), nullable=True),
        sa.Column("code_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("document", sa.String(length=24), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("verified_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoke_note", sa.Text(), nullable=True),
        *(sa.ForeignKeyConstraint([column], [f"{table}.id"],
                                  name=op.f(f"fk_verifications_{column}_{table}"))
          for column, table in _FKS),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifications")),
        sa.UniqueConstraint("item_id", name=op.f("uq_verifications_item_id")),
    )
    for column in ("citizen_id", "state", "ticket_id"):
        op.create_index(op.f(f"ix_verifications_{column}"), "verifications", [column])


def downgrade() -> None:
    for column in ("citizen_id", "state", "ticket_id"):
        op.drop_index(op.f(f"ix_verifications_{column}"), table_name="verifications")
    op.drop_table("verifications")
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_column('verified_how')
        batch_op.drop_column('verified_until')
