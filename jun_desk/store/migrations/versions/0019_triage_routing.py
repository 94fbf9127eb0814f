"""The town's triage routing policy (issue 26): one row, shared by every desk.

* ``triage_routing``: ``id`` (always 1), ``policy`` (``safe``: route only answers 97 % right,
  the rest wait "sin clasificar"; ``always``: the most likely department), who set it and
  when. No row: the default, ``safe``.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "triage_routing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy", sa.String(length=16), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_triage_routing")),
    )


def downgrade() -> None:
    op.drop_table("triage_routing")
