"""Alembic environment: the URL comes from ``config.attributes["url"]`` (cloud_sync.store)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from cloud_sync.store import metadata

config = context.config
url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
engine = sa.create_engine(url)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
