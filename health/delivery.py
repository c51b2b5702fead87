"""OutboxPublisher: every stored message reaches the broker (QoS 1), whatever happens.

- Messages are committed to the :class:`~health.outbox.Outbox` by the caller *before*
  :meth:`OutboxPublisher._publish` hands them to paho.
- On start, every stored message the broker has not acknowledged (a previous run crashed
  or lost the broker) is queued again with the same content.
- paho retransmits in-flight QoS 1 messages itself after a reconnect; on top of that a
  message not acknowledged ``retry_s`` after (re)connecting is published again, with
  exponential backoff up to ``retry_max_s``. Caregivers deduplicate on the alert id.
- Broker acknowledgements (PUBACK) are written back to the outbox in batches by a pump
  thread, never one commit per message.
- The client's Last Will publishes ``offline`` (retained) on ``<prefix>/<home>/status``;
  it publishes ``online`` (retained) and the Home Assistant discovery configs on connect.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .discovery import discovery_messages
from .mqtt_settings import MqttSettings, make_client
from .outbox import Outbox, PendingMessage

log = logging.getLogger(__name__)


def _published(info: Any) -> bool:
    """PUBACK received for this paho MQTTMessageInfo (also for messages queued offline,
    whose ``is_published()`` would raise because of their first return code)."""
    return bool(getattr(info, "_published", False))


@dataclass
class _InFlight:
    msg: PendingMessage
    next_try: float
    """time.monotonic() of the next re-send while connected."""
    attempts: int = 1
    infos: list[Any] = field(default_factory=list)


class OutboxPublisher:
    """Publishes outbox messages reliably; subclasses decide what to store.

    Args:
        settings: broker and topics. outbox_path: the SQLite outbox.
        clock: seconds since the epoch (inject a fake one in tests).
        discovery: publish Home Assistant discovery configs on connect.
        retry_s / retry_max_s: first and longest wait before re-sending an unacknowledged
            message while connected, seconds (doubles each try).
        durable: fsync every commit (survives power loss, slower).
        pump_interval_s: period of the background pump, seconds.
    """

    def __init__(
        self,
        settings: MqttSettings,
        outbox_path: str | Path,
        clock: Callable[[], float] = time.time,
        discovery: bool = True,
        retry_s: float = 2.0,
        retry_max_s: float = 60.0,
        durable: bool = False,
        pump_interval_s: float = 0.05,
    ) -> None:
        if retry_s <= 0 or retry_max_s < retry_s or pump_interval_s <= 0:
            raise ValueError("need 0 < retry_s <= retry_max_s and pump_interval_s > 0 (seconds)")
        self.settings = settings
        self.clock = clock
        self.discovery = discovery
        self.retry_s = retry_s
        self.retry_max_s = retry_max_s
        self.pump_interval_s = pump_interval_s
        self.outbox = Outbox(outbox_path, durable=durable)
        self.topic_status = settings.topic("status")
        self.published = 0
        self.confirmed = 0
        self.retries = 0
        self.connect_times: list[float] = []
        """When each (re)connection was accepted, seconds since the epoch."""
        self._lock = threading.RLock()
        self._inflight: dict[str, _InFlight] = {}
        self._acked: deque[str] = deque(maxlen=1024)
        """Keys of the messages most recently acknowledged (for :meth:`acknowledged`)."""
        self._connected = threading.Event()
        self._connected_at = 0.0
        self._stop = threading.Event()
        self._pump: threading.Thread | None = None
        self._client: Any = None

    # -- lifecycle -------------------------------------------------------------------
    def start(self, wait_s: float = 0.0) -> Any:
        """Connect in the background and queue what a previous run left unsent.

        ``wait_s`` > 0 waits that long for the first connection (no error if it fails:
        messages are stored and go out when the broker is reachable). Returns self.
        """
        self._before_start()
        # a persistent session: acknowledgements sent while we are away are kept for us
        client = make_client(self.settings, self.settings.client_id or self._default_id(),
                             clean=False)
        client.will_set(self.topic_status, b"offline", qos=1, retain=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        self._client = client
        for msg in self.outbox.pending():  # queued by paho, sent once connected
            self._publish(msg)
        client.connect_async(self.settings.host, self.settings.port, self.settings.keepalive_s)
        client.loop_start()
        self._stop.clear()
        self._pump = threading.Thread(target=self._pump_loop, name="outbox-pump", daemon=True)
        self._pump.start()
        if wait_s > 0:
            self._connected.wait(wait_s)
        return self

    def _default_id(self) -> str:
        return f"eldercare-{self.settings.prefix}-{self.settings.home}-alerts"

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def acknowledged(self, key: str, timeout_s: float) -> bool:
        """Whether the broker acknowledged (PUBACK) the message ``key`` within ``timeout_s``
        seconds. A connection that looks up can already be gone (the client notices a
        broker that died or hangs only later): a reply that says an alert reached the
        caregivers asks this, not :attr:`connected` (docs/safety-path.md)."""
        deadline = time.monotonic() + max(0.0, timeout_s)
        while True:
            with self._lock:
                fl = self._inflight.get(key)
                if (fl is not None and any(map(_published, fl.infos))) or (
                        fl is None and key in self._acked):
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)

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
        self._before_close()
        self.outbox.close()

    # -- hooks for subclasses --------------------------------------------------------
    def _before_start(self) -> None:
        """Load state from the outbox before connecting."""

    def _before_close(self) -> None:
        """Save state to the outbox before it closes."""

    def _subscriptions(self) -> list[tuple[str, int]]:
        return []

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        """A message on one of :meth:`_subscriptions` (network thread)."""

    def _pump_step(self) -> None:
        """Extra periodic work in the pump thread."""

    # -- MQTT ------------------------------------------------------------------------
    def _publish(self, msg: PendingMessage) -> None:
        client = self._client
        if client is None:
            return
        info = client.publish(msg.topic, msg.payload, qos=1)
        with self._lock:
            fl = self._inflight.get(msg.key)
            if fl is None:
                fl = self._inflight[msg.key] = _InFlight(msg, time.monotonic() + self.retry_s)
            fl.infos.append(info)
            self.published += 1

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("broker refused the connection: %s", rc)
            return
        self._connected_at = time.monotonic()
        self.connect_times.append(time.time())
        self._connected.set()
        subs = self._subscriptions()
        if subs:
            client.subscribe(subs)
        client.publish(self.topic_status, b"online", qos=1, retain=True)
        if self.discovery:
            for topic, payload in discovery_messages(self.settings):
                client.publish(topic, payload, qos=1, retain=True)
        log.info("connected to %s", self.settings.redacted())

    def _on_disconnect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        self._connected.clear()
        if not self._stop.is_set():
            log.warning("lost the broker (%s); reconnecting, alerts are kept in the outbox", rc)

    # -- background pump -------------------------------------------------------------
    def _pump_loop(self) -> None:
        while not self._stop.wait(self.pump_interval_s):
            try:
                self._drain()
                self._retry()
                self._pump_step()
            except Exception:  # noqa: BLE001 - the pump must survive; logged
                log.exception("outbox pump step failed; continuing")

    def _drain(self) -> None:
        """Record broker acknowledgements in the outbox (one commit per batch)."""
        with self._lock:
            done = [k for k, fl in self._inflight.items() if any(map(_published, fl.infos))]
            for k in done:
                del self._inflight[k]
            self._acked.extend(done)
            self.confirmed += len(done)
        if done:
            self.outbox.confirm(done, self.clock())

    def _retry(self) -> None:
        if not self._connected.is_set():
            return
        now = time.monotonic()
        if now < self._connected_at + self.retry_s:
            return  # paho is re-sending in-flight messages after the reconnect
        due: list[_InFlight] = []
        with self._lock:
            for fl in self._inflight.values():
                if fl.next_try <= now:
                    fl.attempts += 1
                    fl.next_try = now + min(self.retry_s * 2 ** (fl.attempts - 1), self.retry_max_s)
                    due.append(fl)
        for fl in due:
            self.retries += 1
            self._publish(fl.msg)
