"""A partial index over incoming items whose author X has not described yet.

A users lookup that fails (a dropped or unreadable answer, which X bills anyway) leaves
mentions and DMs stored without their citizen. The sync asks X about those authors again on
its next poll; this index finds them without reading the desk's outgoing items.

Revision ID: 0011
Revises: 0010_i18
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010_i18'
branch_labels = None
depends_on = None

UNDESCRIBED = sa.text("citizen_id IS NULL AND kind IN ('mention', 'dm_in')")


def upgrade() -> None:
    op.create_index("ix_ticket_items_undescribed", "ticket_items", ["author_x_id"],
                    sqlite_where=UNDESCRIBED, postgresql_where=UNDESCRIBED)


def downgrade() -> None:
    op.drop_index("ix_ticket_items_undescribed", table_name="ticket_items")
