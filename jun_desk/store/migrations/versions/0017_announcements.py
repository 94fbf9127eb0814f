"""Announcements (issue 28): the town's own posts and threads, drafted, approved,
scheduled and published through the outbox.

* ``announcements``: one post or thread, its state, slot (UTC), what a missed slot does,
  its image, the supervisor's comment, the cost shown before publishing.
* ``announcement_posts``: the thread's posts in order, each with its outbox item and X id.
* ``outbox.announcement_id`` and ``outbox.position``: a town's post (kind "post") in the
  outbox; it replies to the previous post of its thread.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("if_missed", sa.String(length=8), nullable=False),
        sa.Column("media_path", sa.Text(), nullable=True),
        sa.Column("media_x_id", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("cost_micro", sa.BigInteger(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["operators.id"],
                                name=op.f("fk_announcements_created_by_id_operators")),
        sa.ForeignKeyConstraint(["approved_by_id"], ["operators.id"],
                                name=op.f("fk_announcements_approved_by_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcements")),
    )
    op.create_index(op.f("ix_announcements_state"), "announcements", ["state"], unique=False)
    op.create_table(
        "announcement_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("announcement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("x_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["announcement_id"], ["announcements.id"],
                                name=op.f("fk_announcement_posts_announcement_id_announcements")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement_posts")),
        sa.UniqueConstraint("announcement_id", "position", name="uq_announcement_posts_place"),
    )
    op.create_index(op.f("ix_announcement_posts_announcement_id"), "announcement_posts",
                    ["announcement_id"], unique=False)
    # Plain ADD COLUMNs (no table copy on SQLite).
    op.add_column("outbox", sa.Column("announcement_id", sa.Integer(), nullable=True))
    op.add_column("outbox", sa.Column("position", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_outbox_announcement_id"), "outbox", ["announcement_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_announcement_id"), table_name="outbox")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("position")
        batch_op.drop_column("announcement_id")
    op.drop_index(op.f("ix_announcement_posts_announcement_id"),
                  table_name="announcement_posts")
    op.drop_table("announcement_posts")
    op.drop_index(op.f("ix_announcements_state"), table_name="announcements")
    op.drop_table("announcements")
