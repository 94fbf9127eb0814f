"""Moderation: hidden replies, muted accounts and deleted own posts, each proposed,
decided, applied and undone with who and why; the moderated text is kept.

Revision ID: 0010_i18
Revises: 0009_i17
"""

import sqlalchemy as sa
from alembic import op

revision = '0010_i18'
down_revision = '0009_i17'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "moderation_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("target_x_id", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("author_x_id", sa.String(length=32), nullable=True),
        sa.Column("author_handle", sa.String(length=64), nullable=True),
        sa.Column("conversation_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undo_note", sa.Text(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["ticket_items.id"],
                                name=op.f("fk_moderation_actions_item_id_ticket_items")),
        sa.ForeignKeyConstraint(["proposed_by_id"], ["operators.id"],
                                name=op.f("fk_moderation_actions_proposed_by_id_operators")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["operators.id"],
                                name=op.f("fk_moderation_actions_decided_by_id_operators")),
        sa.ForeignKeyConstraint(["undone_by_id"], ["operators.id"],
                                name=op.f("fk_moderation_actions_undone_by_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_actions")),
    )
    for column in ("target_x_id", "item_id", "reason", "status"):
        op.create_index(op.f(f"ix_moderation_actions_{column}"), "moderation_actions",
                        [column])


def downgrade() -> None:
    for column in ("target_x_id", "item_id", "reason", "status"):
        op.drop_index(op.f(f"ix_moderation_actions_{column}"), table_name="moderation_actions")
    op.drop_table("moderation_actions")
