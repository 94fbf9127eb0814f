"""Partial indexes for the board's column counts: only tickets not merged into another.

The counts per status (all departments, or one) are then answered from the index alone,
without reading each ticket row to check that it was not merged.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

LIVE = sa.text("merged_into_id IS NULL")
INDEXES = {
    "ix_tickets_live_status": ["status"],
    "ix_tickets_live_department_status": ["department", "status"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "tickets", columns, sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="tickets")
