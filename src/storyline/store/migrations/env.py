"""Alembic environment: runs migrations on the connection storyline hands it."""

from alembic import context

from storyline.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("storyline migrations run through storyline.store.db.migrate()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
