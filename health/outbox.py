"""Durable alert outbox: SQLite in WAL mode, written before anything is published.

Four tables: ``outbox`` (every message to send, until the broker acknowledged it),
``episodes`` (suppression state, so a restart does not re-alert a sustained condition
under a new id), ``escalations`` (alerts waiting for a caregiver's acknowledgement) and
``acks`` (the first acknowledgement of every alert this device raised, whatever its level:
the cloud sync reads acknowledgement delays from it, docs/cloud-sync.md).
One connection, shared by the caller's thread and the service's pump thread under a lock.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    key TEXT PRIMARY KEY,      -- '<alert id>#<step>'
    topic TEXT NOT NULL,
    payload BLOB NOT NULL,
    created REAL NOT NULL,     -- seconds since the epoch
    confirmed REAL             -- when the broker acknowledged (PUBACK); NULL: still to send
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(confirmed) WHERE confirmed IS NULL;
CREATE TABLE IF NOT EXISTS episodes (
    ekey TEXT PRIMARY KEY,     -- resident \\x1f kind \\x1f key
    start REAL NOT NULL,
    seq INTEGER NOT NULL,
    last_alert REAL NOT NULL,
    last_seen REAL NOT NULL,
    peak_rank INTEGER NOT NULL,
    peak_news2 INTEGER,
    ended INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS escalations (
    id TEXT PRIMARY KEY,       -- alert id
    episode TEXT NOT NULL,     -- episode part of the id
    alert BLOB NOT NULL,       -- the step-0 alert JSON
    step INTEGER NOT NULL,
    due REAL NOT NULL,
    acked REAL,
    acked_by TEXT
);
CREATE TABLE IF NOT EXISTS acks (
    id TEXT PRIMARY KEY,       -- alert id (its first acknowledgement only)
    acked REAL NOT NULL,       -- seconds since the epoch
    acked_by TEXT NOT NULL
);
"""


@contextmanager
def transaction(db: sqlite3.Connection, lock: Any,
                begin: str = "BEGIN") -> Iterator[sqlite3.Cursor]:
    """One transaction on ``db`` (opened with ``isolation_level=None``) under ``lock``; any
    error rolls it back: a failed write, e.g. a full disk, must not leave the connection
    inside a transaction for good."""
    with lock:
        cur = db.cursor()
        cur.execute(begin)
        try:
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                cur.execute("ROLLBACK")
            raise


@dataclass
class Episode:
    """Suppression state of one (resident, kind, key) condition."""

    ekey: str
    start: float
    seq: int
    last_alert: float
    last_seen: float
    peak_rank: int
    peak_news2: int | None
    ended: bool = False


@dataclass(frozen=True)
class PendingMessage:
    key: str
    topic: str
    payload: bytes
    created: float


@dataclass(frozen=True)
class Escalation:
    id: str
    episode: str
    alert: bytes
    step: int
    due: float


class Outbox:
    """The SQLite store. ``durable=True`` also survives power loss (fsync every commit)."""

    def __init__(self, path: str | Path, durable: bool = False) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL survives a killed process; FULL also survives power loss.
        self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        self._db.executescript(SCHEMA)

    def _tx(self, begin: str = "BEGIN") -> AbstractContextManager[sqlite3.Cursor]:
        return transaction(self._db, self._lock, begin)

    @property
    def journal_mode(self) -> str:
        with self._lock:
            return str(self._db.execute("PRAGMA journal_mode").fetchone()[0])

    def store(
        self,
        messages: Iterable[PendingMessage],
        episode: Episode | None = None,
        escalation: Escalation | None = None,
    ) -> None:
        """Write messages (and the episode/escalation state) in one committed transaction."""
        with self._tx("BEGIN IMMEDIATE") as cur:
            cur.executemany(
                "INSERT OR IGNORE INTO outbox(key, topic, payload, created) VALUES (?,?,?,?)",
                [(m.key, m.topic, m.payload, m.created) for m in messages],
            )
            if episode is not None:
                self._put_episode(cur, episode)
            if escalation is not None:
                cur.execute(
                    "INSERT OR REPLACE INTO escalations(id, episode, alert, step, due) "
                    "VALUES (?,?,?,?,?)",
                    (escalation.id, escalation.episode, escalation.alert, escalation.step,
                     escalation.due),
                )

    @staticmethod
    def _put_episode(cur: sqlite3.Cursor, ep: Episode) -> None:
        cur.execute(
            "INSERT OR REPLACE INTO episodes(ekey, start, seq, last_alert, last_seen, peak_rank, "
            "peak_news2, ended) VALUES (?,?,?,?,?,?,?,?)",
            (ep.ekey, ep.start, ep.seq, ep.last_alert, ep.last_seen, ep.peak_rank, ep.peak_news2,
             int(ep.ended)),
        )

    def save_episodes(self, episodes: Iterable[Episode]) -> None:
        with self._tx() as cur:
            for ep in episodes:
                self._put_episode(cur, ep)

    def load_episodes(self) -> dict[str, Episode]:
        with self._lock:
            rows = self._db.execute(
                "SELECT ekey, start, seq, last_alert, last_seen, peak_rank, peak_news2, ended "
                "FROM episodes WHERE ended = 0"
            ).fetchall()
        return {r[0]: Episode(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows}

    def pending(self, limit: int | None = None) -> list[PendingMessage]:
        """Messages not yet acknowledged by the broker, oldest first (the first ``limit``
        of them when given)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT key, topic, payload, created FROM outbox WHERE confirmed IS NULL "
                "ORDER BY created, rowid LIMIT ?", (-1 if limit is None else limit,)
            ).fetchall()
        return [PendingMessage(r[0], r[1], bytes(r[2]), r[3]) for r in rows]

    def confirm(self, keys: Iterable[str], when: float) -> None:
        """Mark messages as acknowledged by the broker (batched, one commit)."""
        rows = [(when, k) for k in keys]
        if not rows:
            return
        with self._tx() as cur:
            cur.executemany(
                "UPDATE outbox SET confirmed = ? WHERE key = ? AND confirmed IS NULL", rows
            )

    def prune(self, before: float) -> int:
        """Delete messages the broker confirmed before ``before`` (epoch seconds), and
        episodes and escalations closed before then; returns rows deleted."""
        with self._tx() as cur:
            n = cur.execute("DELETE FROM outbox WHERE confirmed IS NOT NULL AND confirmed < ?",
                            (before,)).rowcount
            n += cur.execute("DELETE FROM episodes WHERE ended = 1 AND last_seen < ?",
                             (before,)).rowcount
            n += cur.execute("DELETE FROM escalations WHERE acked IS NOT NULL AND due < ?",
                             (before,)).rowcount
            n += cur.execute("DELETE FROM acks WHERE acked < ?", (before,)).rowcount
        return int(n)

    def count_pending(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM outbox WHERE confirmed IS NULL").fetchone()
        return int(row[0])

    def due_escalations(self, now: float) -> list[Escalation]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, episode, alert, step, due FROM escalations "
                "WHERE acked IS NULL AND due <= ? ORDER BY due",
                (now,),
            ).fetchall()
        return [Escalation(r[0], r[1], bytes(r[2]), r[3], r[4]) for r in rows]

    def escalate(self, esc: Escalation, message: PendingMessage | None, next_due: float) -> None:
        """Store the next escalation message and move the row to its next step (or close it)."""
        with self._tx("BEGIN IMMEDIATE") as cur:
            if message is not None:
                cur.execute(
                    "INSERT OR IGNORE INTO outbox(key, topic, payload, created) VALUES (?,?,?,?)",
                    (message.key, message.topic, message.payload, message.created),
                )
                cur.execute(
                    "UPDATE escalations SET step = ?, due = ? WHERE id = ?",
                    (esc.step + 1, next_due, esc.id),
                )
            else:
                cur.execute(
                    "UPDATE escalations SET acked = -1, acked_by = '(ladder exhausted)' "
                    "WHERE id = ?",
                    (esc.id,),
                )

    def ack(self, alert_id: str, by: str, when: float) -> int:
        """Acknowledge an alert and every earlier alert of its episode; returns escalation
        rows changed. The first acknowledgement of an alert this outbox holds is recorded in
        ``acks`` whatever its level (an id it never raised is not)."""
        episode = alert_id.rsplit("-", 1)[0]
        with self._tx() as cur:
            cur.execute(
                "INSERT OR IGNORE INTO acks(id, acked, acked_by) SELECT ?, ?, ? "
                "WHERE EXISTS (SELECT 1 FROM outbox WHERE key = ?)",
                (alert_id, when, by, f"{alert_id}#0"),
            )
            cur.execute(
                "UPDATE escalations SET acked = ?, acked_by = ? "
                "WHERE acked IS NULL AND (id = ? OR episode = ?)",
                (when, by, alert_id, episode),
            )
            return int(cur.rowcount)

    def escalation_state(self, alert_id: str) -> tuple[int, float | None, str | None] | None:
        """(step, acked time, acked by) of an alert's escalation, None if it has none."""
        with self._lock:
            row = self._db.execute(
                "SELECT step, acked, acked_by FROM escalations WHERE id = ?", (alert_id,)
            ).fetchone()
        return None if row is None else (int(row[0]), row[1], row[2])

    def close(self) -> None:
        with self._lock:
            self._db.close()
