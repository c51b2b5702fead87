"""Alembic environment: the URL comes from ``config.attributes["url"]`` (cloud_sync.store)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from cloud_sync.store import metadata

config = context.config
url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
if not url:
    raise ValueError("no database url: set config.attributes['url'] (cloud_sync.store.migrate)")
engine = sa.create_engine(str(url))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
