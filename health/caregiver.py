"""CaregiverClient: the receiving end (a phone app, a dashboard, the tests and the bench).

Subscribes to ``<prefix>/<home>/alerts`` at QoS 1, by default with a persistent session
(``clean=False``) so that alerts published while it was away are delivered when it comes
back. Deduplicates on ``(alert id, escalation step)``: a retransmitted alert is counted in
``duplicates`` and not delivered twice.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from .alerts import Alert
from .mqtt_settings import MqttSettings, make_client, start_subscriber

log = logging.getLogger(__name__)


class CaregiverClient:
    """Receive, deduplicate and acknowledge alerts.

    Args:
        settings: broker and topics (the home to watch).
        client_id: stable id; with ``clean=False`` the broker keeps the session under it.
        clean: True for a throw-away session (misses alerts sent while offline).
        name: who acknowledges (sent in ack messages); defaults to ``client_id``.
        on_alert: called (in the network thread) with each new alert.
    """

    def __init__(
        self,
        settings: MqttSettings,
        client_id: str,
        clean: bool = False,
        name: str | None = None,
        on_alert: Callable[[Alert], None] | None = None,
    ) -> None:
        self.settings = settings
        self.client_id = client_id
        self.clean = clean
        self.name = name or client_id
        self.on_alert = on_alert
        self.alerts: list[Alert] = []
        """New alerts in arrival order (deduplicated)."""
        self.received_at: dict[str, float] = {}
        """Receipt time per ``Alert.dedup_key``, seconds since the epoch."""
        self.duplicates = 0
        self.malformed = 0
        self.connects = 0
        self.connect_times: list[float] = []
        """When each (re)connection was accepted, seconds since the epoch."""
        self._seen: set[str] = set()
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
            if alert.dedup_key in self._seen:
                self.duplicates += 1
                return
            self._seen.add(alert.dedup_key)
            self.received_at[alert.dedup_key] = now
            self.alerts.append(alert)
            self._cond.notify_all()
        if self.on_alert is not None:
            self.on_alert(alert)

    def wait_for(self, n: int, timeout_s: float = 10.0) -> list[Alert]:
        """Block until at least ``n`` distinct alerts arrived (or timeout); returns them all."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while len(self.alerts) < n:
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
