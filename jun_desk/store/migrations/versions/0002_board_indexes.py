"""Indexes for the board's paged columns (status + time, with or without department).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_tickets_status_created": ["status", "created_at"],
    "ix_tickets_status_updated": ["status", "updated_at"],
    "ix_tickets_department_status_created": ["department", "status", "created_at"],
    "ix_tickets_department_status_updated": ["department", "status", "updated_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "tickets", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="tickets")
