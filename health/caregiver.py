"""CaregiverClient: the receiving end (a phone app, a dashboard, the tests and the bench).

Subscribes to ``<prefix>/<home>/alerts`` at QoS 1, by default with a persistent session
(``clean=False``) so that alerts published while it was away are delivered when it comes
back. Deduplicates on ``(alert id, escalation step)``: a retransmitted alert is counted in
``duplicates`` and not delivered twice.

The dedup memory is bounded (:data:`DEFAULT_REMEMBER` keys, the most recent ones), so a
console that runs for months does not grow without limit. Forgetting old keys is safe
because a key only comes back as a re-send of a message whose broker acknowledgement
(PUBACK) the alert service has not yet recorded (:mod:`health.delivery`): paho re-sends it
after a reconnect, the service re-sends it while connected with a backoff of at most
``retry_max_s`` (60 s by default), and after a crash or power loss it re-sends every
unconfirmed message at its next start, oldest first, before anything new
(:meth:`health.outbox.Outbox.pending`). Once the PUBACK is recorded the message is never
sent again (the outbox keeps it ``keep_days``, 7 by default, only as a record), and the
broker's persistent session redelivers a message to the caregiver only until the
caregiver's own PUBACK. So a duplicate follows its original after at most the alerts
raised within one such re-send window plus the broker's queue of messages held for an
offline caregiver (mosquitto's ``max_queued_messages``, 1000 by default). A home's
suppression windows (one alert per condition per ``repeat_after_s``, 30 min by default,
unless it worsens) keep that to a few alerts an hour, far below 100,000 distinct keys.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from .alerts import Alert
from .mqtt_settings import MqttSettings, make_client, start_subscriber

log = logging.getLogger(__name__)

DEFAULT_REMEMBER = 100_000
"""Alert keys (and alerts) a :class:`CaregiverClient` keeps by default, the most recent."""


class CaregiverClient:
    """Receive, deduplicate and acknowledge alerts.

    Args:
        settings: broker and topics (the home to watch).
        client_id: stable id; with ``clean=False`` the broker keeps the session under it.
        clean: True for a throw-away session (misses alerts sent while offline).
        name: who acknowledges (sent in ack messages); defaults to ``client_id``.
        on_alert: called (in the network thread) with each new alert.
        remember: how many of the most recent ``(id, step)`` keys are kept for
            deduplication (and how many alerts stay in :attr:`alerts`); older ones are
            forgotten in arrival order. Must be a positive integer; see the module
            docstring for why a forgotten key cannot come back.
    """

    def __init__(
        self,
        settings: MqttSettings,
        client_id: str,
        clean: bool = False,
        name: str | None = None,
        on_alert: Callable[[Alert], None] | None = None,
        remember: int = DEFAULT_REMEMBER,
    ) -> None:
        if isinstance(remember, bool) or not isinstance(remember, int) or remember <= 0:
            raise ValueError(f"remember must be a positive number of alert keys, got "
                             f"{remember!r} (default {DEFAULT_REMEMBER})")
        self.remember = remember
        self.settings = settings
        self.client_id = client_id
        self.clean = clean
        self.name = name or client_id
        self.on_alert = on_alert
        self.alerts: list[Alert] = []
        """New alerts in arrival order (deduplicated), the most recent ``remember``."""
        self.received_at: OrderedDict[str, float] = OrderedDict()
        """Receipt time per ``Alert.dedup_key``, seconds since the epoch, in arrival order:
        also the dedup memory (the most recent ``remember`` keys)."""
        self.received = 0
        """Distinct alerts received in all (including those no longer kept)."""
        self.forgotten = 0
        """Keys dropped from the dedup memory because it was full."""
        self.duplicates = 0
        self.malformed = 0
        self.connects = 0
        self.connect_times: list[float] = []
        """When each (re)connection was accepted, seconds since the epoch."""
        self._cond = threading.Condition()
        self._subscribed = threading.Event()
        self._client: Any = None

    def start(self, timeout_s: float = 10.0) -> CaregiverClient:
        """Connect and subscribe; raises ConnectionError if not subscribed in ``timeout_s``."""
        client = make_client(self.settings, self.client_id, clean=self.clean)
        client.on_connect = self._on_connect
        client.on_subscribe = self._on_subscribe
        client.on_message = self._on_message
        self._client = client
        try:
            start_subscriber(client, self.settings, self._subscribed, timeout_s, "caregiver")
        except ConnectionError:
            self.stop()
            raise
        return self

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("caregiver connection refused: %s", rc)
            return
        self.connects += 1
        self.connect_times.append(time.time())
        client.subscribe(self.settings.topic("alerts"), qos=1)

    def _on_subscribe(self, client: Any, userdata: Any, mid: int, rcs: Any, props: Any) -> None:
        self._subscribed.set()

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        now = time.time()
        try:
            alert = Alert.from_bytes(message.payload)
        except (ValueError, TypeError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.malformed += 1
            log.warning("caregiver got a malformed alert on %s: %s", message.topic, exc)
            return
        with self._cond:
            if alert.dedup_key in self.received_at:
                self.duplicates += 1
                return
            self.received_at[alert.dedup_key] = now
            self.alerts.append(alert)
            self.received += 1
            while len(self.received_at) > self.remember:
                self.received_at.popitem(last=False)  # the oldest key
                self.forgotten += 1
            if len(self.alerts) > self.remember:
                del self.alerts[0]  # one at a time: alerts arrive a few per hour
            self._cond.notify_all()
        if self.on_alert is not None:
            self.on_alert(alert)

    def wait_for(self, n: int, timeout_s: float = 10.0) -> list[Alert]:
        """Block until at least ``n`` distinct alerts arrived in all (or timeout); returns
        those kept (all of them unless more than ``remember`` arrived)."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while self.received < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return list(self.alerts)

    def ack(self, alert_id: str) -> Any:
        """Acknowledge an alert on ``<prefix>/<home>/alerts/<id>/ack`` (QoS 1); returns
        paho's message info (``.wait_for_publish(timeout)``)."""
        if self._client is None:
            raise RuntimeError("caregiver client is not started")
        payload = json.dumps({"by": self.name, "ts": time.time()}).encode()
        return self._client.publish(self.settings.topic("alerts", alert_id, "ack"), payload,
                                    qos=1)

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()

    def __enter__(self) -> CaregiverClient:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
