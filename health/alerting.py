"""AlertService: suppression -> durable outbox (SQLite WAL) -> MQTT QoS 1, with
acknowledgements and an escalation ladder.

Order of work for every alert: decide (suppression windows), store (one committed
transaction: the message, the episode state and the escalation), then publish. A crash
between storing and publishing loses nothing: the next start publishes every stored
message the broker has not acknowledged, with the same id (see :mod:`health.delivery`).

A resident's own call for help (``never_suppress``, and the kinds in
``SuppressionPolicy.never_suppress_kinds``) is never suppressed: a repeat within an open
episode is sent as the episode's next alert, marked ``details["repeat"] = n``.

When storing fails (SQLite errors such as a full disk, a read-only state folder), the
alert is not dropped: it is held in memory, published directly if the broker is there,
stored again by the pump until that succeeds, and :class:`AlertNotStored` tells the
caller, who must not claim success (docs/safety-path.md).

Topics (``<prefix>/<home>/...``): ``alerts`` (QoS 1, JSON :class:`~health.alerts.Alert`),
``alerts/<id>/ack`` (caregivers acknowledge; optional JSON ``{"by": name}``), ``status``
(retained online/offline, the Last Will), and Home Assistant discovery under
``homeassistant/``.
"""

from __future__ import annotations

import collections
import logging
import math
import os
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .alerts import LEVEL_RANK, Alert, alert_id, check_level, episode_id
from .delivery import OutboxPublisher
from .limits import InputRejected, parse_json
from .mqtt_settings import MqttSettings
from .outbox import Episode, Escalation, PendingMessage
from .policy import EscalationPolicy, SuppressionPolicy

log = logging.getLogger(__name__)

MAX_ACK_BYTES = 4096
"""Largest acknowledgement payload read (docs/input-limits.md)."""

CRASH_ENV = "ELDERCARE_CRASH_AFTER_OUTBOX"
"""Test hook: when set to 1, the process kills itself (SIGKILL) right after storing."""


class AlertNotStored(OSError):
    """An alert could not be committed to the outbox; it is held in memory and retried.

    Attributes: ``alert`` (the alert, with its id), ``error`` (the storage error),
    ``published`` (whether it was also handed to a connected broker directly).
    """

    def __init__(self, alert: Alert, error: BaseException, published: bool) -> None:
        super().__init__(f"alert {alert.id} could not be stored ({error}); held in memory "
                         "and retried")
        self.alert = alert
        self.error = error
        self.published = published


@dataclass(frozen=True)
class _Held:
    """An alert whose storing failed, with everything needed to store it later."""

    msg: PendingMessage
    episode: Episode
    escalation: Escalation | None


@dataclass
class AlertStats:
    raised: int = 0
    suppressed: int = 0
    held: int = 0
    """Alerts raised but not yet stored (storage failing; retried)."""
    repeats: int = 0
    """Resident calls sent as repeats of an open episode (never suppressed)."""
    published: int = 0
    confirmed: int = 0
    retries: int = 0
    escalations: int = 0
    acks: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class AlertService(OutboxPublisher):
    """Raise alerts for one home; see the module docstring for the guarantees.

    Args:
        settings: broker and topics.
        outbox_path: SQLite file of the durable outbox (created if missing).
        suppression: repeat/episode windows. escalation: the caregiver ladder.
        clock: seconds since the epoch (inject a fake one in tests): alert and outbox
            times, escalation deadlines, and suppression of alerts raised without an
            event time.
        keep_days: how long delivered alerts stay in the outbox, days.
        Other keyword arguments: see :class:`~health.delivery.OutboxPublisher`.
    """

    def __init__(
        self,
        settings: MqttSettings,
        outbox_path: str | Path,
        suppression: SuppressionPolicy | None = None,
        escalation: EscalationPolicy | None = None,
        clock: Callable[[], float] = time.time,
        keep_days: float = 7.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(settings, outbox_path, clock=clock, **kwargs)
        if keep_days <= 0:
            raise ValueError("keep_days must be positive")
        self.keep_s = keep_days * 86400.0
        """Delivered alerts stay in the outbox this long (seconds), then are pruned."""
        self._pruned_at = 0.0
        self.suppression = suppression or SuppressionPolicy()
        self.escalation = escalation or EscalationPolicy()
        self.topic_alerts = settings.topic("alerts")
        self._stats = AlertStats()
        self._episodes: dict[str, Episode] = {}
        self._touched: dict[str, float] = {}
        """Service-clock time each open episode was last reported (it leaves memory
        ``episode_gap_s`` after that, whatever the time domain of its readings)."""
        self._starts: dict[str, float] = {}
        """The start of each condition's latest episode: a new one must start later, since
        the start is part of the alert id (ms resolution)."""
        self._dirty: set[str] = set()
        self._saved_at = 0.0
        self._acks: collections.deque[tuple[str, str]] = collections.deque()
        self._crash_after_store = os.environ.get(CRASH_ENV) == "1"
        self._held: dict[str, _Held] = {}
        """Alerts whose storing failed, by dedup key, oldest first; the pump retries."""

    @property
    def stats(self) -> AlertStats:
        s = self._stats
        s.published, s.confirmed, s.retries = self.published, self.confirmed, self.retries
        s.held = len(self._held)
        return s

    def is_held(self, alert_id_: str) -> bool:
        """Whether the alert is still held in memory (raised, its storing failed so far)."""
        with self._lock:
            return any(h.msg.key.split("#")[0] == alert_id_ for h in self._held.values())

    def start(self, wait_s: float = 0.0) -> AlertService:
        super().start(wait_s)
        return self

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
        event_ts: float | None = None,
        never_suppress: bool = False,
    ) -> Alert | None:
        """Raise an alert; returns it, or None when suppressed (same episode, not worse).

        ``never_suppress`` (a resident's own call for help; also implied by the kinds in
        ``suppression.never_suppress_kinds``): a repeat in an open episode is sent as its
        next alert with ``details["repeat"]`` = n, never suppressed.

        ``key`` separates conditions of the same kind (e.g. a sensor name);
        ``origin_ts`` is the arrival time of the reading behind it (epoch seconds);
        ``event_ts`` is the reading's own time (epoch seconds): the suppression windows
        and the episode start (part of the id) run on it, so a replayed file re-alerts as
        it would have live; None (an alert raised by the device itself) uses the service
        clock. The alert is committed to the outbox before it is handed to MQTT.

        Raises:
            AlertNotStored: the outbox could not store it (see the module doc); the alert
                is held in memory, retried, and published directly when connected.
        """
        check_level(level)
        if event_ts is not None and (isinstance(event_ts, bool) or not isinstance(
                event_ts, (int, float)) or not math.isfinite(event_ts) or event_ts < 0):
            raise ValueError(f"event_ts must be seconds since the epoch, got {event_ts!r}")
        now = self.clock()
        t = now if event_ts is None else float(event_ts)
        rank = LEVEL_RANK[level]
        ekey = f"{resident}\x1f{kind}\x1f{key or ''}"
        force = never_suppress or kind in self.suppression.never_suppress_kinds
        with self._lock:
            ep = self.suppression.next_episode(self._episodes.get(ekey), ekey, t, rank, news2,
                                               force=force)
            if ep is None:
                self._touched[ekey] = now
                self._stats.suppressed += 1
                self._dirty.add(ekey)
                return None
            if ep.seq == 1:
                last = self._starts.get(ekey)
                if last is not None and ep.start <= last:
                    ep = replace(ep, start=round(last + 0.001, 3))
                self._starts[ekey] = ep.start
            aid = alert_id(resident, kind, key or "", ep.start, ep.seq)
            notify = self.escalation.ladder[0] if self.escalation.applies(level) else None
            extra = dict(details or {})
            if force and ep.seq > 1:
                extra["repeat"] = ep.seq - 1
                self._stats.repeats += 1
            alert = Alert(aid, resident, level, reason, news2, now, kind, self.settings.home,
                          0, notify, origin_ts, extra)
            payload = alert.to_bytes()
            msg = PendingMessage(alert.dedup_key, self.topic_alerts, payload, now)
            esc = None
            if notify is not None:
                esc = Escalation(aid, episode_id(resident, kind, key or "", ep.start), payload, 0,
                                 now + self.escalation.ack_timeout_s)
            try:
                self.outbox.store([msg], replace(ep), esc)
            except (sqlite3.Error, OSError) as exc:
                # not stored: hold it (the pump stores it later), send it directly now
                self._held[msg.key] = _Held(msg, replace(ep), esc)
                self._episodes[ekey] = ep
                self._touched[ekey] = now
                self._stats.raised += 1
                self._stats.by_kind[kind] = self._stats.by_kind.get(kind, 0) + 1
                log.error("alert %s could not be stored (%s): held in memory, retrying",
                          aid, exc)
                published = self.connected
                self._publish(msg)
                raise AlertNotStored(alert, exc, published) from exc
            self._episodes[ekey] = ep  # only once stored
            self._touched[ekey] = now
            self._dirty.discard(ekey)
            if self._crash_after_store:
                os.kill(os.getpid(), signal.SIGKILL)
            self._stats.raised += 1
            self._stats.by_kind[kind] = self._stats.by_kind.get(kind, 0) + 1
        self._publish(msg)
        return alert

    def resolve(self, kind: str, resident: str, key: str | None = None) -> bool:
        """The condition is over: the next occurrence opens a new episode (a new id)."""
        ekey = f"{resident}\x1f{kind}\x1f{key or ''}"
        with self._lock:
            ep = self._episodes.pop(ekey, None)
            self._touched.pop(ekey, None)
            self._dirty.discard(ekey)
        if ep is None:
            return False
        ep.ended = True
        self.outbox.save_episodes([ep])
        return True

    def ack(self, alert_id_: str, by: str = "local") -> int:
        """Acknowledge locally (same effect as a caregiver's ack message); returns the
        number of escalations it stopped."""
        self._stats.acks += 1
        return self.outbox.ack(alert_id_, by, self.clock())

    # -- hooks -----------------------------------------------------------------------
    def _before_start(self) -> None:
        self._episodes = self.outbox.load_episodes()
        for k, ep in self._episodes.items():  # a reopened episode must start later (its id)
            self._starts[k] = max(ep.start, self._starts.get(k, ep.start))

    def _before_close(self) -> None:
        self._store_held()
        if self._held:
            log.critical("%d alert(s) could not be stored before closing and are lost "
                         "unless the broker took them: %s", len(self._held),
                         ", ".join(self._held))
        self._apply_acks()
        self.outbox.save_episodes(self._episodes.values())

    def _subscriptions(self) -> list[tuple[str, int]]:
        return [(self.settings.topic("alerts", "+", "ack"), 1)]

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        parts = message.topic.split("/")
        if len(parts) < 2 or parts[-1] != "ack":
            return
        by = "caregiver"
        try:  # size- and depth-checked: a hostile ack must not kill the network thread
            data = parse_json(message.payload or b"{}", MAX_ACK_BYTES, what="ack")
            if isinstance(data, dict) and isinstance(data.get("by"), str) and data["by"]:
                by = data["by"][:128]
        except InputRejected as exc:
            log.warning("ack for %s has a bad payload (%s); counted as acknowledged",
                        parts[-2][:128], exc.message)
        self._acks.append((parts[-2], by))

    def _store_held(self) -> None:
        """Store the held alerts, oldest first; stop at the first failure (retried on
        the next pump step). Each one stored is published again from the outbox (the
        caregivers deduplicate on the id)."""
        with self._lock:
            held = list(self._held.items())
        for key, h in held:
            try:
                self.outbox.store([h.msg], replace(h.episode), h.escalation)
            except (sqlite3.Error, OSError) as exc:
                log.warning("held alert %s still cannot be stored (%s); retrying", key, exc)
                return
            with self._lock:
                self._held.pop(key, None)
            log.info("held alert %s is stored now", key)
            self._publish(h.msg)

    def _pump_step(self) -> None:
        self._store_held()
        self._apply_acks()
        self._escalate()
        self._save_episodes()
        if time.monotonic() - self._pruned_at > 600:
            self._pruned_at = time.monotonic()
            self.outbox.prune(self.clock() - self.keep_s)

    def _apply_acks(self) -> None:
        while self._acks:
            aid, by = self._acks.popleft()
            self.ack(aid, by)

    def _escalate(self) -> None:
        if not self.escalation.ladder:
            return
        now = self.clock()
        for esc in self.outbox.due_escalations(now):
            alert = self.escalation.escalated(Alert.from_bytes(esc.alert), esc.step + 1, now)
            if alert is None:  # the ladder ended; the alert stays open for everyone
                self.outbox.escalate(esc, None, now)
                continue
            msg = PendingMessage(alert.dedup_key, self.topic_alerts, alert.to_bytes(), now)
            self.outbox.escalate(esc, msg, now + self.escalation.ack_timeout_s)
            self._stats.escalations += 1
            self._publish(msg)

    def _save_episodes(self, every_s: float = 5.0) -> None:
        """Persist 'still reported' times now and then, never once per reading."""
        now = time.monotonic()
        if now - self._saved_at < every_s:
            return
        self._saved_at = now
        wall = self.clock()
        with self._lock:
            eps = [replace(self._episodes[k]) for k in self._dirty if k in self._episodes]
            self._dirty.clear()
            gap = self.suppression.episode_gap_s
            for k in [k for k, e in self._episodes.items()
                      if wall - self._touched.get(k, e.last_seen) > gap]:
                del self._episodes[k]  # over (the next report opens a new one); stays on disk
                self._touched.pop(k, None)
        if eps:
            self.outbox.save_episodes(eps)
