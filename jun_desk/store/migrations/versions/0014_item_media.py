"""Media of items: what X says of each photo, video or GIF, and the desk's cached copy.

Issue 29: one row per media key of an item (stored with the item), its state in the
desk's content-addressed cache (pending, cached, failed, refused), the tries and the
next one, and the EXIF position of a photo (kept here, never exported).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_media",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("media_key", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("dm", sa.Boolean(), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("preview_image_url", sa.String(length=1000), nullable=True),
        sa.Column("alt_text", sa.Text(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("cached_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("evicted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gps_lat", sa.Float(), nullable=True),
        sa.Column("gps_lon", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["ticket_items.id"],
                                name=op.f("fk_item_media_item_id_ticket_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_media")),
        sa.UniqueConstraint("item_id", "media_key", name="uq_item_media_item_id"),
    )
    op.create_index(op.f("ix_item_media_item_id"), "item_media", ["item_id"], unique=False)
    op.create_index(op.f("ix_item_media_sha256"), "item_media", ["sha256"], unique=False)
    op.create_index("ix_item_media_state", "item_media", ["state", "next_try_at"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_item_media_state", table_name="item_media")
    op.drop_index(op.f("ix_item_media_sha256"), table_name="item_media")
    op.drop_index(op.f("ix_item_media_item_id"), table_name="item_media")
    op.drop_table("item_media")
