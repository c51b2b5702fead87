"""The cloud's event store: SQLite by default, PostgreSQL for a fleet (SQLAlchemy Core).

The schema is created and upgraded by alembic (``cloud_sync/migrations``); inserts are
idempotent: the event id is the primary key and a second copy is ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from cloud_sync.events import SyncEvent

metadata = sa.MetaData()
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("home", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("hour", sa.BigInteger, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("received", sa.Float, nullable=False),
)
MIGRATIONS = Path(__file__).with_name("migrations")


def engine_url(url: str | Path) -> str:
    """A SQLAlchemy URL for ``url``: ``sqlite:///PATH``, a bare path (SQLite), or
    ``postgresql://...`` (driven by psycopg 3)."""
    url = str(url)
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("sqlite:", "postgresql+psycopg:")):
        return url
    if "://" in url:
        raise ValueError(f"database url {url!r} must be sqlite:///PATH, a file path or "
                         "postgresql://user@host:port/db")
    return f"sqlite:///{Path(url).expanduser().resolve()}"


def migrate(url: str) -> None:
    """Bring the schema at ``url`` to the newest migration (alembic upgrade head)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["url"] = engine_url(url)
    command.upgrade(cfg, "head")


class EventStore:
    """Open (and migrate) the store at ``url``."""

    def __init__(self, url: str | Path, migrate_schema: bool = True) -> None:
        self.url = engine_url(url)
        if self.url.startswith("sqlite:///"):
            Path(self.url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        if migrate_schema:
            migrate(self.url)
        self.engine = sa.create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            with self.engine.begin() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        self._insert = self._insert_statement()

    def _insert_statement(self) -> Any:
        from sqlalchemy.dialects import postgresql, sqlite

        pg = self.engine.dialect.name == "postgresql"
        stmt: Any = postgresql.insert(events) if pg else sqlite.insert(events)
        return stmt.on_conflict_do_nothing(index_elements=["id"])

    def insert(self, batch: Iterable[SyncEvent], received: float) -> int:
        """Store events once (one transaction); returns how many were new."""
        rows = [{"id": e.id, "home": e.home, "kind": e.kind, "hour": e.hour,
                 "data": json.dumps(e.data, sort_keys=True, separators=(",", ":")),
                 "received": received} for e in batch]
        if not rows:
            return 0
        with self.engine.begin() as conn:
            result = conn.execute(self._insert.returning(events.c.id), rows)
            return len(result.all())

    def rows(self) -> Iterator[SyncEvent]:
        """Every stored event, in id order."""
        with self.engine.connect() as conn:
            result = conn.execute(sa.select(events.c.id, events.c.home, events.c.kind,
                                            events.c.hour, events.c.data).order_by(events.c.id))
            for r in result:
                yield SyncEvent(r.id, r.home, r.kind, int(r.hour), json.loads(r.data))

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one())

    def close(self) -> None:
        self.engine.dispose()
