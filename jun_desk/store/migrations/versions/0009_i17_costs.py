"""What X costs: spend per day, stream and kind; resources charged today; the budget.

Revision ID: 0009_i17
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = '0009_i17'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "x_spend",
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("stream", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("micro", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("account", "day", "stream", "kind", name=op.f("pk_x_spend")),
    )
    op.create_table(
        "x_seen",
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("x_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("account", "day", "kind", "x_id", name=op.f("pk_x_seen")),
    )
    op.create_table(
        "x_budget",
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("monthly_micro", sa.BigInteger(), nullable=False),
        sa.Column("daily_alert_micro", sa.BigInteger(), nullable=False),
        sa.Column("stop_writes", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("account", name=op.f("pk_x_budget")),
    )


def downgrade() -> None:
    op.drop_table("x_budget")
    op.drop_table("x_seen")
    op.drop_table("x_spend")
