"""Many streams, one poller (issue 27): staff accounts, watched searches, streams by name.

* ``staff_accounts``: the town's employees on X (handle, X user id, department, role),
  kept by supervisors; their mentions (and their own replies) are read as streams.
* ``watched_searches``: recent searches a supervisor watches (results land in the feed).
* ``pause_rank`` on both: the supervisor's order in which streams pause when the month's X
  budget runs short (lower first); the town's own mentions and DMs always pause last.
* ``ticket_items.via``: which stream brought an item that is not the town's own mention or
  DM (``staff:<user id>``, ``search:<id>``): the card says for whom, or that it was found.
* The stream columns of ``sync_cursors``, ``quarantine`` and ``x_spend`` widen from 16 to
  64 characters: a stream is now ``kind:key``. The town's two streams keep their names
  (``mentions``, ``dms``), so their stored cursors, walks and costs read as before.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_STREAM_TABLES = ("sync_cursors", "quarantine", "x_spend")


def upgrade() -> None:
    op.create_table(
        "staff_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handle", sa.String(length=64), nullable=False),
        sa.Column("x_user_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("pause_rank", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["operators.id"],
                                name=op.f("fk_staff_accounts_added_by_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_accounts")),
        sa.UniqueConstraint("x_user_id", name=op.f("uq_staff_accounts_x_user_id")),
    )
    op.create_table(
        "watched_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("query", sa.String(length=512), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("pause_rank", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["operators.id"],
                                name=op.f("fk_watched_searches_added_by_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watched_searches")),
    )
    with op.batch_alter_table("ticket_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("via", sa.String(length=64), nullable=True))
    for table in _STREAM_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("stream", existing_type=sa.String(length=16),
                                  type_=sa.String(length=64), existing_nullable=False)


def downgrade() -> None:
    for table in _STREAM_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("stream", existing_type=sa.String(length=64),
                                  type_=sa.String(length=16), existing_nullable=False)
    with op.batch_alter_table("ticket_items", schema=None) as batch_op:
        batch_op.drop_column("via")
    op.drop_table("watched_searches")
    op.drop_table("staff_accounts")
