"""Gathers a running device's de-identified events into the sync outbox.

Sources (each read, never changed): the runtime's turns (intent statistics, safety
questions and their answers), the alert outbox (alerts and caregivers' acknowledgements),
the health monitor's recent vital signs (daily summaries), the runtime's status (service
health) and ``<state>/corrections.jsonl`` (utterances a caregiver marked as misunderstood,
by ``eldercare sync correct`` or on ``<prefix>/<home>/corrections``: :class:`Corrections`).

Aggregates are kept in ``<state>/sync-state.sqlite`` per hour (per day for vital signs)
and leave once their hour (day) is over, with Laplace noise when ``sync.dp_epsilon`` is
set. Every event id is a keyed hash of what it describes, so gathering the same thing
twice yields the same id. What leaves, and what never does: docs/cloud-sync.md.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import sqlite3
import threading
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

from cloud_sync.deid import Pseudonyms, Scrubber, coarsen_hour, laplace, load_secret
from cloud_sync.events import SyncEvent
from cloud_sync.uploader import HttpsPublisher, SyncPublisher
from health.outbox import transaction

log = logging.getLogger(__name__)

STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS buckets (
    kind TEXT NOT NULL, bucket TEXT NOT NULL, hour INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (kind, bucket));
CREATE TABLE IF NOT EXISTS emitted (key TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS marks (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS turns (
    turn_id TEXT PRIMARY KEY, ts REAL NOT NULL, heard TEXT NOT NULL, intent TEXT NOT NULL,
    corrected INTEGER NOT NULL DEFAULT 0);
"""
MAX_CORRECTION_BYTES = 4096
"""Largest caregiver correction message read (docs/input-limits.md)."""
MAX_NOTE_CHARS = 500
CORRECTIONS_FILE = "corrections.jsonl"
VITAL_RANGES = {"resp_rate": (0.0, 60.0), "spo2": (50.0, 100.0), "systolic_bp": (50.0, 250.0),
                "pulse": (0.0, 250.0), "temperature": (30.0, 43.0)}
"""Plausible range per vital sign: the sensitivity of a day's mean under noise."""
ANSWERS = {"affirm": "yes", "deny": "no"}


def _empty_intents() -> dict[str, Any]:
    return {"turns": 0, "labels": {}, "low_confidence": 0, "safety_asked": 0,
            "safety_answers": {}, "misunderstood": 0}


class SyncState:
    """The device's sync bookkeeping (SQLite, one connection under a lock)."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(STATE_SCHEMA)

    def tx(self) -> AbstractContextManager[sqlite3.Cursor]:
        return transaction(self._db, self._lock, "BEGIN IMMEDIATE")

    def mark(self, name: str, default: str = "") -> str:
        with self._lock:
            row = self._db.execute("SELECT value FROM marks WHERE name = ?", (name,)).fetchone()
        return default if row is None else str(row[0])

    def emitted(self, keys: list[str]) -> set[str]:
        with self._lock:
            found: set[str] = set()
            for i in range(0, len(keys), 500):
                part = keys[i:i + 500]
                q = f"SELECT key FROM emitted WHERE key IN ({','.join('?' * len(part))})"
                found.update(r[0] for r in self._db.execute(q, part))
        return found

    def bucket(self, cur: sqlite3.Cursor, kind: str, bucket: str) -> dict[str, Any] | None:
        row = cur.execute("SELECT data FROM buckets WHERE kind = ? AND bucket = ?",
                          (kind, bucket)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def closed(self, kind: str, before: int) -> list[tuple[str, int, dict[str, Any]]]:
        with self._lock:
            rows = self._db.execute("SELECT bucket, hour, data FROM buckets WHERE kind = ? AND "
                                    "hour < ? ORDER BY hour, bucket", (kind, before)).fetchall()
        return [(r[0], int(r[1]), json.loads(r[2])) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()


class Corrections:
    """Caregivers' corrections on ``<mqtt.prefix>/<home>/corrections`` (QoS 1):
    ``{"turn_id", "label", "note"?}`` marks a turn the device misunderstood.

    A paho client on the home's broker (persistent session: corrections sent while the
    device is off wait there) hands each message to :meth:`take`; the sync's poll checks
    it against the turns it has recorded and appends it to ``corrections.jsonl``, and only
    then acknowledges it (PUBACK), so a correction is not lost between the two.
    """

    def __init__(self, settings: Any) -> None:
        from health.mqtt_settings import make_client

        self.settings = settings
        self.topic = settings.topic("corrections")
        self.received = 0
        """Messages received (valid or not)."""
        self.ignored: list[str] = []
        """Why each ignored correction was ignored (the last 100)."""
        self._queue: list[tuple[int, int, bytes]] = []
        self._lock = threading.Lock()
        self._connected = threading.Event()
        client = make_client(settings, f"eldercare-{settings.prefix}-{settings.home}-"
                             "corrections", clean=False)
        client.manual_ack_set(True)
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_disconnect = lambda *a: self._connected.clear()
        self._client: Any = client

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def start(self, wait_s: float = 0.0) -> Corrections:
        s = self.settings
        self._client.connect_async(s.host, s.port, s.keepalive_s)
        self._client.loop_start()
        if wait_s > 0:
            self._connected.wait(wait_s)
        return self

    def stop(self) -> None:
        """Disconnect; what was received and not yet handled is not acknowledged, so the
        broker sends it again at the next start."""
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("broker refused the corrections listener: %s", rc)
            return
        client.subscribe(self.topic, qos=1)
        self._connected.set()

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        with self._lock:
            self._queue.append((message.mid, message.qos, bytes(message.payload)))
            self.received += 1

    def take(self) -> list[tuple[int, int, bytes]]:
        with self._lock:
            out, self._queue = self._queue, []
        return out

    def put_back(self, items: list[tuple[int, int, bytes]]) -> None:
        with self._lock:
            self._queue[:0] = items

    def ack(self, items: list[tuple[int, int, bytes]]) -> None:
        client = self._client
        for mid, qos, _ in items:
            if qos > 0 and client is not None:
                client.ack(mid, qos)

    def ignore(self, why: str) -> None:
        log.warning("ignored a correction on %s: %s", self.topic, why)
        self.ignored = [*self.ignored[-99:], why]


class SyncService:
    """De-identified sync of one running device (``device.runtime.Runtime``).

    Args:
        runtime: the started runtime (its settings, state folder, turns, alert outbox,
            health monitor and status are read).
        publisher: hand one in (tests); default: per ``sync.transport``, a
            :class:`SyncPublisher` on ``sync.url`` (or the home's broker) or an
            :class:`HttpsPublisher` to ``sync.https_url``, under the home's pseudonym.
    """

    def __init__(self, runtime: Any,
                 publisher: SyncPublisher | HttpsPublisher | None = None) -> None:
        s = runtime.settings
        self.runtime = runtime
        self.settings = s.sync
        self.wall = runtime.wall
        state = Path(runtime.state_dir)
        secret_file = self.settings.secret_file or str(state / "sync-secret")
        self.pseudonyms = Pseudonyms(load_secret(secret_file))
        self.home = self.pseudonyms.of("home", s.mqtt.home)
        self.resident = self.pseudonyms.of("resident", s.resident.name)
        names = [s.resident.name, s.care_plan.resident, *(c.name for c in s.care_plan.contacts)]
        self.scrubber = Scrubber(names)
        self.corrections_path = state / CORRECTIONS_FILE
        self.state = SyncState(state / "sync-state.sqlite")
        self._lock = threading.RLock()
        self._turn_index = 0
        self._asking = False
        self._polled_at = -math.inf
        self.stored = 0
        """Events stored in the outbox by this process."""
        if publisher is None:
            publisher = self._publisher(state / "sync-outbox.sqlite")
        self.publisher: SyncPublisher | HttpsPublisher = publisher
        self.corrections = Corrections(runtime.home.mqtt)
        """Caregivers' corrections from the home's broker."""

    def _publisher(self, outbox: Path) -> SyncPublisher | HttpsPublisher:
        """The uploader of ``sync.transport`` (mqtt or https)."""
        st = self.settings
        if st.transport == "https":
            assert st.https_url is not None  # the settings checked it
            return HttpsPublisher(st.https_url, st.prefix, self.home, outbox,
                                  ca_file=st.https_ca_file, token_file=st.https_token_file,
                                  clock=self.wall, keep_days=st.keep_days)
        return SyncPublisher(self._mqtt(), outbox, clock=self.wall, keep_days=st.keep_days)

    def _mqtt(self) -> Any:
        home_mqtt = self.runtime.home.mqtt
        if self.settings.url is None:
            return replace(home_mqtt, prefix=self.settings.prefix, home=self.home,
                           client_id=None)
        from health.mqtt_settings import MqttSettings

        return MqttSettings(url=self.settings.url, prefix=self.settings.prefix, home=self.home)

    @property
    def topic(self) -> str:
        return self.publisher.topic_sync

    def start(self, wait_s: float = 0.0) -> SyncService:
        self.corrections.start()
        self.publisher.start(wait_s=wait_s)
        return self

    def stop(self, flush_s: float = 2.0) -> None:
        """Gather once more, give the broker ``flush_s`` seconds, then close (what is not
        acknowledged stays in the outbox and goes at the next start)."""
        try:
            self.poll()
        finally:
            try:
                self.corrections.stop()
                if self.publisher.connected:
                    self.publisher.flush(flush_s)
            finally:
                self.publisher.stop()
                self.state.close()

    async def serve(self, stop: asyncio.Event) -> None:
        """Gather every ``sync.interval_s`` until ``stop`` is set (the runtime's service)."""
        while not stop.is_set():
            await asyncio.to_thread(self.poll)
            try:
                await asyncio.wait_for(stop.wait(), self.settings.interval_s)
            except asyncio.TimeoutError:
                pass

    def tick(self) -> int:
        """:meth:`poll` when ``sync.interval_s`` has passed on the runtime's clock since the
        last gathering (the runtime's tick calls it); returns events stored."""
        if self.wall() - self._polled_at < self.settings.interval_s:
            return 0
        return self.poll()

    # -- gathering --------------------------------------------------------------------
    def poll(self) -> int:
        """Gather what is new and store the finished events; returns events stored."""
        with self._lock:
            now = float(self.wall())
            self._polled_at = now
            hour = coarsen_hour(now)
            events: list[tuple[str, SyncEvent]] = []
            with self.state.tx() as cur:
                self._gather_turns(cur, hour, now)
                self._gather_vitals(cur)
                self._gather_health(cur, hour)
            taken = self.corrections.take()
            try:
                with self.state.tx() as cur:
                    self._record_corrections(cur, taken, now)
            except BaseException:
                self.corrections.put_back(taken)  # handled again at the next poll
                raise
            self.corrections.ack(taken)  # written to corrections.jsonl: safe to acknowledge
            with self.state.tx() as cur:
                self._gather_corrections(cur, hour, events)
            events += self._alert_events(now)
            events += self._closed_events(now)
            if not events:
                return 0
            keys = [k for k, _ in events]
            done = self.state.emitted(keys)
            fresh = [(k, e) for k, e in events if k not in done]
            self.publisher.store(e for _, e in fresh)  # committed to the outbox first
            with self.state.tx() as cur:
                cur.executemany("INSERT OR IGNORE INTO emitted(key) VALUES (?)",
                                [(k,) for k, _ in fresh])
                # a late reading of a day already sent is dropped with its bucket
                cur.executemany("DELETE FROM buckets WHERE kind || '|' || bucket = ?",
                                [(k,) for k in keys])
            self.stored += len(fresh)
            return len(fresh)

    def _event(self, kind: str, key: str, hour: int, data: dict[str, Any]) -> SyncEvent:
        eid = self.pseudonyms.of("event", f"{kind}\x1f{key}", 32)
        return SyncEvent(eid, self.home, kind, hour, data)

    def _update(self, cur: sqlite3.Cursor, kind: str, bucket: str, hour: int,
                data: dict[str, Any]) -> None:
        cur.execute("INSERT OR REPLACE INTO buckets(kind, bucket, hour, data) VALUES (?,?,?,?)",
                    (kind, bucket, hour, json.dumps(data, sort_keys=True)))

    def _gather_turns(self, cur: sqlite3.Cursor, hour: int, now: float) -> None:
        start = self._turn_index
        turns = self.runtime.turns[start:]
        if not turns:
            return
        self._turn_index += len(turns)
        ids = list(getattr(self.runtime, "turn_ids", []))[start:start + len(turns)]
        # kept (on the device only) so that a caregiver can mark one later, even after a
        # restart; the words only with consent, as they could leave only then
        keep = self.settings.consent_transcripts
        rows = [(tid, now, t.heard if keep else "", t.intent)
                for tid, t in zip(ids, turns, strict=False)]  # a runtime without ids: none
        cur.executemany("INSERT OR IGNORE INTO turns(turn_id, ts, heard, intent) "
                        "VALUES (?,?,?,?)", rows)
        cur.execute("DELETE FROM turns WHERE ts < ?",
                    (now - self.settings.keep_days * 86400,))
        key = str(hour)
        data = self.state.bucket(cur, "intent_stats", key) or _empty_intents()
        for turn in turns:
            data["turns"] += 1
            labels = data["labels"]
            labels[turn.intent] = labels.get(turn.intent, 0) + 1
            if turn.score < self.settings.low_confidence:
                data["low_confidence"] += 1
            if self._asking and turn.safety != "ask":
                answer = "timeout" if turn.source == "timeout" else \
                    ANSWERS.get(turn.intent, "other")
                data["safety_answers"][answer] = data["safety_answers"].get(answer, 0) + 1
            self._asking = turn.safety == "ask"
            if self._asking:
                data["safety_asked"] += 1
        self._update(cur, "intent_stats", key, hour, data)

    def _gather_vitals(self, cur: sqlite3.Cursor) -> None:
        monitor: Any = getattr(self.runtime.home, "monitor", None)
        residents = getattr(monitor, "_residents", None)
        if not residents:
            return
        with monitor._lock:
            series = {(res, sign): list(values) for res, st in residents.items()
                      for sign, values in st.vitals.items()}
        for (res, sign), values in series.items():
            mark_name = f"vitals\x1f{res}\x1f{sign}"
            since = float(self.state.mark(mark_name, "-1"))
            new = [(ts, v) for ts, v in values if ts > since and isinstance(v, (int, float))
                   and not isinstance(v, bool) and math.isfinite(v)]
            if not new:
                continue
            who = self.pseudonyms.of("resident", res)
            for ts, v in new:
                day = int(ts // 86400 * 86400)
                key = f"{who}:{day}"
                data = self.state.bucket(cur, "vitals_day", key) or {"resident": who,
                                                                     "params": {}}
                p = data["params"].setdefault(sign, {"n": 0, "sum": 0.0, "min": v, "max": v})
                p["n"] += 1
                p["sum"] += float(v)
                p["min"] = min(p["min"], v)
                p["max"] = max(p["max"], v)
                self._update(cur, "vitals_day", key, day, data)
            cur.execute("INSERT OR REPLACE INTO marks(name, value) VALUES (?, ?)",
                        (mark_name, repr(max(ts for ts, _ in new))))

    def _gather_health(self, cur: sqlite3.Cursor, hour: int) -> None:
        try:
            status = self.runtime.status()
        except Exception as exc:  # noqa: BLE001 - status is best effort; the sync goes on
            log.warning("service health not gathered: %s", exc)
            return
        key = str(hour)
        data = self.state.bucket(cur, "service_health", key) or {
            "offline": [], "errors": 0, "restarts": 0, "outbox_depth_max": 0,
            "broker_disconnected_polls": 0, "polls": 0}
        data["offline"] = sorted(set(data["offline"]) | set(status.get("offline") or []))
        data["errors"] = max(data["errors"], int(status.get("errors") or 0))
        data["restarts"] = max(data["restarts"],
                               sum(int(v) for v in (status.get("restarts") or {}).values()))
        data["outbox_depth_max"] = max(data["outbox_depth_max"],
                                       int(status.get("outbox_depth") or 0))
        data["polls"] += 1
        if not status.get("broker_connected"):
            data["broker_disconnected_polls"] += 1
        self._update(cur, "service_health", key, hour, data)

    def _record_corrections(self, cur: sqlite3.Cursor, taken: list[tuple[int, int, bytes]],
                            now: float) -> None:
        """Check caregivers' corrections and append the valid ones to corrections.jsonl
        (the words only with consent); a bad one is logged with its reason and ignored."""
        from device.labels import INTENT_LABELS as LABELS
        from health.limits import InputRejected, parse_json

        lines: list[str] = []
        for _, _, payload in taken:
            try:
                obj = parse_json(payload, MAX_CORRECTION_BYTES, what="the correction")
            except InputRejected as exc:
                self.corrections.ignore(exc.message)
                continue
            if not isinstance(obj, dict):
                self.corrections.ignore("not a JSON object")
                continue
            turn_id, label, note = obj.get("turn_id"), obj.get("label"), obj.get("note", "")
            if not isinstance(turn_id, str) or not turn_id or len(turn_id) > 64:
                self.corrections.ignore(f"turn_id {turn_id!r} is not a turn id")
                continue
            if not isinstance(label, str) or label not in LABELS:
                self.corrections.ignore(f"label {label!r} is not one of the "
                                        f"{len(LABELS)} intent labels")
                continue
            if not isinstance(note, str) or len(note) > MAX_NOTE_CHARS:
                self.corrections.ignore(f"note must be text of at most {MAX_NOTE_CHARS} "
                                        "characters")
                continue
            row = cur.execute("SELECT heard, intent, corrected FROM turns WHERE turn_id = ?",
                              (turn_id,)).fetchone()
            if row is None:
                self.corrections.ignore(f"unknown turn id {turn_id!r} (not one of the last "
                                        f"{self.settings.keep_days:g} days' turns)")
                continue
            if row[2]:
                self.corrections.ignore(f"turn {turn_id} is already corrected")
                continue
            cur.execute("UPDATE turns SET corrected = 1 WHERE turn_id = ?", (turn_id,))
            heard = row[0] if self.settings.consent_transcripts else ""
            lines.append(json.dumps({"text": heard, "label": label, "predicted": row[1],
                                     "turn_id": turn_id, "note": note, "ts": round(now, 3),
                                     "source": "mqtt"}, ensure_ascii=False))
        if lines:
            with self.corrections_path.open("a", encoding="utf-8") as f:
                f.write("".join(x + "\n" for x in lines))
                f.flush()
                os.fsync(f.fileno())

    def _gather_corrections(self, cur: sqlite3.Cursor, hour: int,
                            events: list[tuple[str, SyncEvent]]) -> None:
        from device.labels import INTENT_LABELS as LABELS

        path = self.corrections_path
        if not path.exists():
            return
        offset = int(self.state.mark("corrections_offset", "0"))
        with path.open("rb") as f:
            f.seek(offset)
            chunk = f.read()
        end = chunk.rfind(b"\n") + 1  # a line still being written waits for the next poll
        if end == 0:
            return
        counted = 0
        for n, raw in enumerate(chunk[:end].splitlines()):
            try:
                obj = json.loads(raw)
                text, label = str(obj["text"]), str(obj["label"])
                if label not in LABELS:
                    raise ValueError(f"label {label!r} is not an intent label")
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("%s: skipped an unreadable correction at byte %d: %s", path,
                            offset, exc)
                continue
            counted += 1
            if self.settings.consent_transcripts and text.strip():
                turn_id = obj.get("turn_id")
                ident = f"turn\x1f{turn_id}" if turn_id else f"{offset + n}\x1f{text}"
                released = {"text": self.scrubber.scrub(text), "label": label,
                            "predicted": str(obj.get("predicted") or "")}
                ev = self._event("correction", ident, hour, released)
                events.append((f"correction|{ident}", ev))
        if counted:
            data = self.state.bucket(cur, "intent_stats", str(hour)) or _empty_intents()
            data["misunderstood"] += counted
            self._update(cur, "intent_stats", str(hour), hour, data)
        cur.execute("INSERT OR REPLACE INTO marks(name, value) VALUES (?, ?)",
                    ("corrections_offset", str(offset + end)))

    def _alert_events(self, now: float) -> list[tuple[str, SyncEvent]]:
        alerts = getattr(self.runtime.home, "alerts", None)
        if alerts is None:
            return []
        uri = f"file:{Path(alerts.outbox.path).resolve()}?mode=ro"
        db = sqlite3.connect(uri, uri=True)
        try:
            rows = db.execute("SELECT payload FROM outbox WHERE key LIKE '%#0'").fetchall()
            acks = db.execute("SELECT id, acked FROM acks").fetchall()
            escalations = {r[0]: (int(r[1]), r[2]) for r in db.execute(
                "SELECT id, step, acked FROM escalations")}
            ended = db.execute("SELECT ekey, start FROM episodes WHERE ended = 1").fetchall()
        finally:
            db.close()
        from health.alerts import episode_id

        over = set()
        for ekey, start in ended:
            resident, kind, key = (str(ekey).split("\x1f") + ["", "", ""])[:3]
            over.add(episode_id(resident, kind, key, float(start)))
        # an ack of an episode's n-th alert also acknowledges its earlier ones
        first_ack: dict[str, list[tuple[int, float]]] = {}
        for aid_, acked in acks:
            episode, _, seq = str(aid_).rpartition("-")
            first_ack.setdefault(episode, []).append((int(seq) if seq.isdigit() else 0,
                                                      float(acked)))
        out: list[tuple[str, SyncEvent]] = []
        for (payload,) in rows:
            a = json.loads(payload)
            alert_id = str(a["id"])
            aid = self.pseudonyms.of("alert", alert_id)
            data = {"alert": aid, "type": str(a.get("kind", "")), "level": str(a["level"]),
                    "news2": a.get("news2"), "resident": self.pseudonyms.of(
                        "resident", str(a.get("resident", "")))}
            out.append((f"alert|{alert_id}",
                        self._event("alert", alert_id, coarsen_hour(float(a["ts"])), data)))
            ack = self._ack_of(alert_id, float(a["ts"]), first_ack, escalations, over, now)
            if ack is not None:
                out.append((f"alert_ack|{alert_id}", self._event(
                    "alert_ack", alert_id, ack[0], {
                        "alert": aid, "type": data["type"], "level": data["level"], **ack[1]})))
        return out

    def _ack_of(self, alert_id: str, ts: float, acks: dict[str, list[tuple[int, float]]],
                escalations: dict[str, tuple[int, float | None]], over: set[str],
                now: float) -> tuple[int, dict[str, Any]] | None:
        """(hour, data) of an alert's ``alert_ack`` event, or None while it is still open:
        acknowledged (any level), or not acknowledged once ``sync.ack_horizon_s`` has passed
        or its condition was resolved."""
        episode, _, seq_s = alert_id.rpartition("-")
        seq = int(seq_s) if seq_s.isdigit() else 0
        times = [t for n, t in acks.get(episode, []) if n >= seq and t >= ts]
        step, esc_acked = escalations.get(alert_id, (0, None))
        if esc_acked is not None and esc_acked > 0:
            times.append(float(esc_acked))  # an outbox written before the acks table
        info: dict[str, Any] = {"escalation_steps": step}
        if esc_acked is not None and esc_acked < 0:
            info["ladder_exhausted"] = True
        if times:
            acked = min(times)
            delay = round(max(0.0, acked - ts))
            return coarsen_hour(acked), {"acked": True, "ack_delay_s": delay, **info}
        if now - ts >= self.settings.ack_horizon_s or episode in over:
            return coarsen_hour(ts), {"acked": False, "ack_delay_s": None, **info}
        return None

    def _closed_events(self, now: float) -> list[tuple[str, SyncEvent]]:
        out: list[tuple[str, SyncEvent]] = []
        hour = coarsen_hour(now)
        for kind in ("intent_stats", "service_health"):
            for key, start, data in self.state.closed(kind, hour):
                ev = self._event(kind, key, start, self._finish(kind, key, data))
                out.append((f"{kind}|{key}", ev))
        today = int(now // 86400 * 86400)
        for key, start, data in self.state.closed("vitals_day", today):
            ev = self._event("vitals_day", key, start, self._finish("vitals_day", key, data))
            out.append((f"vitals_day|{key}", ev))
        return out

    def _noisy(self, value: float, sensitivity: float, seed_key: str) -> float:
        eps = self.settings.dp_epsilon
        if eps is None:
            return value
        return round(laplace(value, sensitivity, eps, self.pseudonyms.seed(seed_key)), 3)

    def _finish(self, kind: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
        """The released form of an aggregate (noise added once, seeded by its key)."""
        eps = self.settings.dp_epsilon
        seed = f"{kind}\x1f{key}"
        if kind == "intent_stats":
            out = {"turns": self._noisy(data["turns"], 1, seed + "\x1fturns"),
                   "labels": {k: self._noisy(v, 1, f"{seed}\x1fl\x1f{k}")
                              for k, v in sorted(data["labels"].items())},
                   "low_confidence": self._noisy(data["low_confidence"], 1, seed + "\x1flow"),
                   "safety_asked": self._noisy(data["safety_asked"], 1, seed + "\x1fask"),
                   "safety_answers": {k: self._noisy(v, 1, f"{seed}\x1fa\x1f{k}")
                                      for k, v in sorted(data["safety_answers"].items())},
                   "misunderstood": self._noisy(data["misunderstood"], 1, seed + "\x1fmis")}
            out["dp_epsilon"] = eps
            return out
        if kind == "vitals_day":
            params: dict[str, Any] = {}
            for sign, p in sorted(data["params"].items()):
                n, mean = p["n"], p["sum"] / p["n"]
                if eps is None:
                    params[sign] = {"n": n, "mean": round(mean, 2), "min": p["min"],
                                    "max": p["max"]}
                    continue
                lo, hi = VITAL_RANGES.get(sign, (0.0, 0.0))
                if hi <= lo:
                    continue  # no stated range: not released under noise
                clipped = min(max(mean, lo), hi)
                params[sign] = {"n": self._noisy(n, 1, f"{seed}\x1fn\x1f{sign}"),
                                "mean": round(self._noisy(clipped, (hi - lo) / n,
                                                          f"{seed}\x1fm\x1f{sign}"), 2)}
            return {"resident": data["resident"], "params": params, "dp_epsilon": eps}
        return data
