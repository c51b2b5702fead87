"""AlertService: suppression -> durable outbox (SQLite WAL) -> MQTT QoS 1, with retries,
acknowledgements, an escalation ladder, a Last Will status topic and HA discovery.

Order of work for every alert: decide (suppression), store (one committed transaction),
then publish. A crash between storing and publishing loses nothing: on the next start
every stored message the broker has not acknowledged is published again, with the same
id. Broker outages are covered by paho's own retransmission of in-flight QoS 1 messages
after reconnect, plus a slower outbox retry with exponential backoff.
"""

from __future__ import annotations

import collections
import json
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .alerts import LEVEL_RANK, Alert, alert_id, check_level, episode_id
from .discovery import discovery_messages
from .mqtt_settings import MqttSettings, make_client
from .outbox import Episode, Escalation, Outbox, PendingMessage
from .policy import EscalationPolicy, SuppressionPolicy

log = logging.getLogger(__name__)

CRASH_ENV = "ELDERCARE_CRASH_AFTER_OUTBOX"
"""Test hook: when set to 1, the process kills itself (SIGKILL) right after storing."""


@dataclass
class _InFlight:
    msg: PendingMessage
    next_try: float
    attempts: int = 1


@dataclass
class AlertStats:
    raised: int = 0
    suppressed: int = 0
    published: int = 0
    confirmed: int = 0
    retries: int = 0
    escalations: int = 0
    acks: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


class AlertService:
    """Raise alerts for one home; see the module docstring for the guarantees.

    Args:
        settings: broker and topics.
        outbox_path: SQLite file of the durable outbox (created if missing).
        suppression: repeat/episode windows. escalation: the caregiver ladder.
        clock: seconds since the epoch (inject a fake one in tests).
        discovery: publish Home Assistant discovery configs on connect.
        retry_s / retry_max_s: first and longest wait before re-sending an unacknowledged
            message while connected, seconds (doubles each try).
        durable: fsync every commit (survives power loss, slower).
    """

    def __init__(
        self,
        settings: MqttSettings,
        outbox_path: str | Path,
        suppression: SuppressionPolicy | None = None,
        escalation: EscalationPolicy | None = None,
        clock: Callable[[], float] = time.time,
        discovery: bool = True,
        retry_s: float = 2.0,
        retry_max_s: float = 60.0,
        durable: bool = False,
        pump_interval_s: float = 0.05,
    ) -> None:
        self.settings = settings
        self.suppression = suppression or SuppressionPolicy()
        self.escalation = escalation or EscalationPolicy()
        self.clock = clock
        self.discovery = discovery
        self.retry_s = retry_s
        self.retry_max_s = retry_max_s
        self.pump_interval_s = pump_interval_s
        self.outbox = Outbox(outbox_path, durable=durable)
        self.stats = AlertStats()
        self.topic_alerts = settings.topic("alerts")
        self.topic_status = settings.topic("status")
        self._lock = threading.RLock()
        self._episodes: dict[str, Episode] = {}
        self._inflight: dict[str, _InFlight] = {}
        self._mids: dict[int, str] = {}
        self._puback_mids: collections.deque[int] = collections.deque()
        self._acks: collections.deque[tuple[str, str]] = collections.deque()
        self._connected = threading.Event()
        self._connected_at = 0.0
        self.connect_times: list[float] = []
        """When each (re)connection was accepted, seconds since the epoch."""
        self._stop = threading.Event()
        self._pump: threading.Thread | None = None
        self._client: Any = None
        self._crash_after_store = os.environ.get(CRASH_ENV) == "1"

    # -- lifecycle -------------------------------------------------------------------
    def start(self, wait_s: float = 0.0) -> AlertService:
        """Connect (in the background) and re-send what a previous run left unsent.

        ``wait_s`` > 0 waits that long for the first connection (no error if it fails:
        alerts are stored and go out when the broker is reachable).
        """
        self._episodes = self.outbox.load_episodes()
        client = make_client(self.settings, self.settings.client_id or self._default_id())
        client.will_set(self.topic_status, b"offline", qos=1, retain=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_publish = self._on_publish
        client.on_message = self._on_message
        self._client = client
        for msg in self.outbox.pending():  # queued by paho, sent once connected
            self._publish(msg)
        client.connect_async(self.settings.host, self.settings.port, self.settings.keepalive_s)
        client.loop_start()
        self._stop.clear()
        self._pump = threading.Thread(target=self._pump_loop, name="alert-pump", daemon=True)
        self._pump.start()
        if wait_s > 0:
            self._connected.wait(wait_s)
        return self

    def _default_id(self) -> str:
        return f"eldercare-{self.settings.prefix}-{self.settings.home}-alerts"

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until the broker acknowledged every stored message; False on timeout."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self._drain()
            with self._lock:
                if not self._inflight:
                    return True
            time.sleep(0.01)
        return False

    def stop(self, timeout_s: float = 2.0) -> None:
        """Publish 'offline' (retained), disconnect and close the outbox."""
        self._stop.set()
        if self._pump is not None:
            self._pump.join(timeout=5)
            self._pump = None
        client, self._client = self._client, None
        if client is not None:
            if self._connected.is_set():
                info = client.publish(self.topic_status, b"offline", qos=1, retain=True)
                try:
                    info.wait_for_publish(timeout_s)
                except (RuntimeError, ValueError):
                    pass
            client.disconnect()
            client.loop_stop()
        self._drain()
        self.outbox.save_episodes(self._episodes.values())
        self.outbox.close()

    def __enter__(self) -> AlertService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- raising ---------------------------------------------------------------------
    def raise_alert(
        self,
        kind: str,
        level: str,
        reason: str,
        resident: str,
        news2: int | None = None,
        key: str | None = None,
        origin_ts: float | None = None,
        details: dict[str, Any] | None = None,
    ) -> Alert | None:
        """Raise an alert; returns it, or None when suppressed (same episode, not worse).

        ``key`` separates conditions of the same kind (e.g. a sensor name). The alert is
        committed to the outbox before it is handed to MQTT.
        """
        check_level(level)
        now = self.clock()
        rank = LEVEL_RANK[level]
        ekey = f"{resident}\x1f{kind}\x1f{key or ''}"
        with self._lock:
            ep = self._episodes.get(ekey)
            if ep is not None and now - ep.last_seen > self.suppression.episode_gap_s:
                ep = None
            if ep is not None:
                worse = rank > ep.peak_rank or (
                    news2 is not None and (ep.peak_news2 is None or news2 > ep.peak_news2)
                )
                due = now - ep.last_alert >= self.suppression.repeat_after_s
                ep.last_seen = now
                if not (worse or due):
                    self.stats.suppressed += 1
                    return None
                ep.seq += 1
                ep.last_alert = now
                ep.peak_rank = max(ep.peak_rank, rank)
                if news2 is not None:
                    ep.peak_news2 = max(news2, ep.peak_news2 or news2)
            else:
                ep = Episode(ekey, round(now, 3), 1, now, now, rank, news2)
                self._episodes[ekey] = ep
            aid = alert_id(resident, kind, key or "", ep.start, ep.seq)
            notify = self.escalation.ladder[0] if self.escalation.applies(level) else None
            alert = Alert(aid, resident, level, reason, news2, now, kind, self.settings.home,
                          0, notify, origin_ts, dict(details or {}))
            payload = alert.to_bytes()
            msg = PendingMessage(alert.dedup_key, self.topic_alerts, payload, now)
            esc = None
            if notify is not None:
                esc = Escalation(aid, episode_id(resident, kind, key or "", ep.start), payload, 0,
                                 now + self.escalation.ack_timeout_s)
            self.outbox.store([msg], replace(ep), esc)
            if self._crash_after_store:
                os.kill(os.getpid(), signal.SIGKILL)
            self.stats.raised += 1
            self.stats.by_kind[kind] = self.stats.by_kind.get(kind, 0) + 1
        self._publish(msg)
        return alert

    def resolve(self, kind: str, resident: str, key: str | None = None) -> bool:
        """The condition is over: the next occurrence opens a new episode (a new id)."""
        ekey = f"{resident}\x1f{kind}\x1f{key or ''}"
        with self._lock:
            ep = self._episodes.pop(ekey, None)
        if ep is None:
            return False
        ep.ended = True
        self.outbox.save_episodes([ep])
        return True

    def ack(self, alert_id_: str, by: str = "local") -> int:
        """Acknowledge locally (same effect as a caregiver's ack message)."""
        self._acks.append((alert_id_, by))
        return self._drain()

    # -- MQTT ------------------------------------------------------------------------
    def _publish(self, msg: PendingMessage) -> None:
        client = self._client
        if client is None:
            return
        info = client.publish(msg.topic, msg.payload, qos=1)
        with self._lock:
            self._mids[info.mid] = msg.key
            fl = self._inflight.get(msg.key)
            if fl is None:
                self._inflight[msg.key] = _InFlight(msg, time.monotonic() + self.retry_s)
            self.stats.published += 1

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("broker refused the connection: %s", rc)
            return
        self._connected_at = time.monotonic()
        self.connect_times.append(time.time())
        self._connected.set()
        client.subscribe(self.settings.topic("alerts", "+", "ack"), qos=1)
        client.publish(self.topic_status, b"online", qos=1, retain=True)
        if self.discovery:
            for topic, payload in discovery_messages(self.settings):
                client.publish(topic, payload, qos=1, retain=True)
        log.info("alert service connected to %s", self.settings.redacted())

    def _on_disconnect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        self._connected.clear()
        if not self._stop.is_set():
            log.warning("alert service lost the broker (%s); reconnecting", rc)

    def _on_publish(self, client: Any, userdata: Any, mid: int, rc: Any, props: Any) -> None:
        self._puback_mids.append(mid)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        parts = message.topic.split("/")
        if len(parts) < 2 or parts[-1] != "ack":
            return
        by = "caregiver"
        try:
            data = json.loads(message.payload or b"{}")
            if isinstance(data, dict) and data.get("by"):
                by = str(data["by"])
        except (ValueError, UnicodeDecodeError):
            log.warning("ack for %s has a malformed payload; counted as acknowledged", parts[-2])
        self._acks.append((parts[-2], by))

    # -- background pump: confirmations, retries, acks, escalations ------------------
    def _pump_loop(self) -> None:
        while not self._stop.wait(self.pump_interval_s):
            try:
                self._drain()
                self._retry()
                self._escalate()
            except Exception:  # noqa: BLE001 - the pump must survive; logged
                log.exception("alert pump step failed; continuing")

    def _drain(self) -> int:
        """Record broker acknowledgements and caregiver acks in the outbox."""
        done: list[str] = []
        keep: list[int] = []
        with self._lock:
            while self._puback_mids:
                mid = self._puback_mids.popleft()
                key = self._mids.pop(mid, None)
                if key is None:
                    keep.append(mid)  # publish() has not recorded the mid yet
                    continue
                if self._inflight.pop(key, None) is not None:
                    done.append(key)
            self._puback_mids.extend(keep[-1000:])
            self.stats.confirmed += len(done)
        if done:
            self.outbox.confirm(done, self.clock())
        changed = 0
        while self._acks:
            aid, by = self._acks.popleft()
            changed += self.outbox.ack(aid, by, self.clock())
            self.stats.acks += 1
        return changed

    def _retry(self) -> None:
        if not self._connected.is_set():
            return
        now = time.monotonic()
        earliest = self._connected_at + self.retry_s  # paho re-sends in-flight on reconnect
        due: list[_InFlight] = []
        with self._lock:
            for fl in self._inflight.values():
                if fl.next_try <= now and now >= earliest:
                    fl.attempts += 1
                    fl.next_try = now + min(self.retry_s * 2 ** (fl.attempts - 1), self.retry_max_s)
                    due.append(fl)
        for fl in due:
            self.stats.retries += 1
            self._publish(fl.msg)

    def _escalate(self) -> None:
        if not self.escalation.ladder:
            return
        now = self.clock()
        for esc in self.outbox.due_escalations(now):
            nxt = esc.step + 1
            if nxt >= len(self.escalation.ladder):
                self.outbox.escalate(esc, None, now)
                continue
            base = Alert.from_bytes(esc.alert)
            alert = replace(base, step=nxt, notify=self.escalation.ladder[nxt], ts=now,
                            reason=f"{base.reason} (not acknowledged, escalated)")
            msg = PendingMessage(alert.dedup_key, self.topic_alerts, alert.to_bytes(), now)
            self.outbox.escalate(esc, msg, now + self.escalation.ack_timeout_s)
            self.stats.escalations += 1
            self._publish(msg)
