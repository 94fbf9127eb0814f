"""Sync cursors remember a walk in progress (page token, newest id seen).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_cursors") as batch:
        batch.add_column(sa.Column("walk_token", sa.String(length=512), nullable=True))
        batch.add_column(sa.Column("walk_newest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_cursors") as batch:
        batch.drop_column("walk_newest")
        batch.drop_column("walk_token")
