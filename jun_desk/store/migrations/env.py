"""Alembic environment: always run in-process on a connection given by jun_desk.store.migrate."""

from alembic import context

from jun_desk.store.models import Base, use_dialect

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations with `jun-desk db upgrade`, not the alembic command")
use_dialect(connection.dialect.name)

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
