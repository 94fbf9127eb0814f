"""Outage and works notices, and the tickets each one covers (issue 28, templates).

* ``notices``: kind (corte_agua, corte_luz, obras), street, from and to (UTC), department,
  draft or published, and the announcement that published it (nullable, for later).
* ``notice_tickets``: the tickets an operator confirmed a notice covers; when "responder a
  todos" answered each one and with which outbox item (each ticket answered once).

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("announcement_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["operators.id"],
                                name=op.f("fk_notices_created_by_id_operators")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index(op.f("ix_notices_starts_at"), "notices", ["starts_at"], unique=False)
    op.create_index(op.f("ix_notices_department"), "notices", ["department"], unique=False)
    op.create_table(
        "notice_tickets",
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["notice_id"], ["notices.id"],
                                name=op.f("fk_notice_tickets_notice_id_notices")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_notice_tickets_ticket_id_tickets")),
        sa.ForeignKeyConstraint(["linked_by_id"], ["operators.id"],
                                name=op.f("fk_notice_tickets_linked_by_id_operators")),
        sa.PrimaryKeyConstraint("notice_id", "ticket_id", name=op.f("pk_notice_tickets")),
    )
    op.create_index(op.f("ix_notice_tickets_ticket_id"), "notice_tickets", ["ticket_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_notice_tickets_ticket_id"), table_name="notice_tickets")
    op.drop_table("notice_tickets")
    op.drop_index(op.f("ix_notices_department"), table_name="notices")
    op.drop_index(op.f("ix_notices_starts_at"), table_name="notices")
    op.drop_table("notices")
