"""Learning triage: the desk's corrections and versioned triage models.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "triage_corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("tickets.id"), nullable=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("ticket_items.id"), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("from_department", sa.String(32), nullable=True),
        sa.Column("to_department", sa.String(32), nullable=False),
        sa.Column("operator_id", sa.Integer(), sa.ForeignKey("operators.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_triage_corrections_ticket_id", "triage_corrections", ["ticket_id"])
    op.create_table(
        "triage_models",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("triage_models.id"), nullable=True),
        sa.Column("corrections", sa.Integer(), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=True),
        sa.Column("training", sa.LargeBinary(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("operators.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_triage_models_active", "triage_models", ["active"])


def downgrade() -> None:
    op.drop_index("ix_triage_models_active", table_name="triage_models")
    op.drop_table("triage_models")
    op.drop_index("ix_triage_corrections_ticket_id", table_name="triage_corrections")
    op.drop_table("triage_corrections")
