"""The device's sync outbox: de-identified events stored first, then published (QoS 1).

Reuses the alert path's durable machinery (:class:`health.delivery.OutboxPublisher` over
:class:`health.outbox.Outbox`): an event is committed to SQLite before paho sees it,
every unacknowledged event is queued again at start, re-sent with exponential back-off
while connected, and marked delivered only on the broker's PUBACK. The outbox key is the
event id, so storing the same event twice stores it once; the cloud also keys on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cloud_sync.events import SyncEvent
from health.delivery import OutboxPublisher
from health.mqtt_settings import MqttSettings
from health.outbox import PendingMessage


class SyncPublisher(OutboxPublisher):
    """Publishes :class:`SyncEvent` s on ``<prefix>/<home pseudonym>/sync``.

    ``settings.home`` must already be the home's pseudonym (never its real name).
    ``keep_days``: how long delivered events stay in the outbox, days.
    Other keyword arguments: see :class:`~health.delivery.OutboxPublisher`.
    """

    def __init__(self, settings: MqttSettings, outbox_path: str | Path,
                 clock: Callable[[], float] = time.time, keep_days: float = 7.0,
                 **kwargs: Any) -> None:
        super().__init__(settings, outbox_path, clock=clock, discovery=False, **kwargs)
        self.topic_sync = settings.topic("sync")
        self.topic_status = settings.topic("sync", "status")
        self.keep_s = keep_days * 86400.0
        self._pruned_at = 0.0

    def _default_id(self) -> str:
        return f"eldercare-sync-{self.settings.home}"

    def store(self, events: Iterable[SyncEvent]) -> int:
        """Commit events to the outbox (one transaction), then hand them to MQTT; returns
        how many were given. An id already stored is not stored or sent again."""
        now = self.clock()
        msgs = [PendingMessage(e.id, self.topic_sync, e.to_bytes(), now) for e in events]
        if not msgs:
            return 0
        known = {m.key for m in self.outbox.pending()}
        self.outbox.store(msgs)
        for msg in msgs:
            if msg.key not in known:
                self._publish(msg)
        return len(msgs)

    def _pump_step(self) -> None:
        if time.monotonic() - self._pruned_at > 3600:
            self._pruned_at = time.monotonic()
            self.outbox.prune(self.clock() - self.keep_s)
