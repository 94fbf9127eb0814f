"""First access that cannot be claimed: a one-time code a supervisor issues.

An operator with no password no longer chooses it by typing their name at the sign-in: a
supervisor issues a first-access code (shown once, kept here only as an Argon2id hash,
expiring), and the operator signs in with it and then chooses their password. Accounts
that had no password before this revision keep none and get no code: nobody can sign in
as them until a supervisor issues a code (or sets a password at the console).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('operators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_code_hash', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('first_code_expires_at', sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('operators', schema=None) as batch_op:
        batch_op.drop_column('first_code_expires_at')
        batch_op.drop_column('first_code_hash')
