"""MQTT sensor ingest: ``<prefix>/<home>/sensors/<sensor>`` (project JSON) and
``zigbee2mqtt/<friendly_name>`` (Zigbee2MQTT state) into a :class:`HealthMonitor`.

No message can stop the ingest: every message is handled inside one guard in paho's
network thread, so the thread never sees an exception and every QoS 1 message is
acknowledged (a message that cannot be handled is never redelivered forever). A rejected
reading and a message whose handling failed are counted per reason, logged with their
topic, set aside in a bounded dead-letter store (:class:`DeadLetters`) and answered on
``<prefix>/<home>/rejected`` (:data:`REJECTED_TOPIC`). docs/input-limits.md lists the
limits and the rejection event's fields.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from .monitor import HealthMonitor
from .mqtt_settings import MqttSettings, make_client, start_subscriber
from .readings import RejectedReading, parse, show, validate
from .zigbee import map_zigbee2mqtt

log = logging.getLogger(__name__)

_Z2M_SKIP = {"availability", "set", "get"}
REJECTED_TOPIC = "rejected"
"""Last level of the rejection events' topic: ``<prefix>/<home>/rejected``."""
MAX_NOTICES_PER_S = 20
"""Rejection events published per second at most (a flood of bad messages must not turn
into a flood of notices); the counters in each event still cover every message."""


class DeadLetters:
    """Messages set aside: a JSON-lines file of at most ``max_bytes``, plus one older
    generation (``<name>.1``), so the store stays bounded however many arrive.

    Each line: ``{"ts", "topic", "reason", "error", "payload", "payload_bytes"}``; the
    payload is kept as text (invalid UTF-8 as ``\\x..`` escapes) and cut to
    ``max_payload`` bytes.
    """

    def __init__(self, path: str | Path, max_bytes: int = 1 << 20,
                 max_payload: int = 4096) -> None:
        if max_bytes < 4 * max_payload:
            raise ValueError("dead-letter max_bytes must hold a few payloads (>= 4 x max_payload)")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.max_payload = max_payload
        self.stored = 0
        self._lock = threading.Lock()

    def add(self, topic: str, payload: bytes, reason: str, error: str, now: float) -> None:
        """Append one message; raises OSError when the store cannot be written."""
        raw = bytes(payload[: self.max_payload])
        line = json.dumps({"ts": now, "topic": topic[:512], "reason": reason,
                           "error": error[:500], "payload_bytes": len(payload),
                           "payload": raw.decode("utf-8", "backslashreplace")}) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                size = self.path.stat().st_size
            except FileNotFoundError:
                size = 0
            if size + len(line) > self.max_bytes:
                self.path.replace(self.path.with_name(self.path.name + ".1"))
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line)
            self.stored += 1

    def read(self) -> list[dict[str, Any]]:
        """The stored messages, oldest first (both generations)."""
        out: list[dict[str, Any]] = []
        for p in (self.path.with_name(self.path.name + ".1"), self.path):
            if p.is_file():
                out.extend(json.loads(line) for line in p.read_text().splitlines() if line)
        return out


class SensorIngest:
    """Subscribe to sensor topics and feed every message to ``monitor`` (QoS 1).

    ``zigbee_prefix`` None disables Zigbee2MQTT. Zigbee2MQTT devices are assigned to
    residents through ``monitor.sensor_residents`` (friendly name -> resident), else the
    monitor's default resident. ``dead_letter``: the dead-letter file (None: counted and
    logged only). ``notify``: publish rejection events.

    Counters (read from any thread): :attr:`messages`, :attr:`accepted` (messages
    accepted: a Zigbee2MQTT state may hold several readings, all checked before any is
    scored), :attr:`rejected` (messages, per reason), :attr:`dead_lettered`, :attr:`errors`
    (messages whose handling failed), :attr:`ignored` (Zigbee2MQTT messages with nothing
    health-related: bridge state, availability, battery only), :attr:`last_message_at`.
    """

    def __init__(
        self,
        settings: MqttSettings,
        monitor: HealthMonitor,
        zigbee_prefix: str | None = "zigbee2mqtt",
        client_id: str | None = None,
        clean: bool = False,
        dead_letter: str | Path | DeadLetters | None = None,
        notify: bool = True,
    ) -> None:
        self.settings = settings
        self.monitor = monitor
        self.zigbee_prefix = zigbee_prefix
        self.client_id = client_id or f"eldercare-{settings.prefix}-{settings.home}-ingest"
        self.clean = clean
        self.dead_letters = (dead_letter if isinstance(dead_letter, DeadLetters) or
                             dead_letter is None else DeadLetters(dead_letter))
        self.notify = notify
        self.messages = 0
        self.handled = 0
        """Messages whose handling is over (accepted, rejected, ignored or failed)."""
        self.accepted = 0
        self.rejected: Counter[str] = Counter()
        self.dead_lettered = 0
        self.errors = 0
        self.ignored = 0
        self.last_message_at: float | None = None
        """When the latest message arrived, seconds since the epoch."""
        self.last_error: str | None = None
        self._last_ok_at = 0.0
        self._last_error_at = 0.0
        self._notice_window = (0, 0)  # (second, notices in it)
        self._subscribed = threading.Event()
        self._client: Any = None

    def start(self, timeout_s: float = 10.0) -> SensorIngest:
        client = make_client(self.settings, self.client_id, clean=self.clean)
        client.on_connect = self._on_connect
        client.on_subscribe = lambda *a: self._subscribed.set()
        client.on_message = self._on_message
        self._client = client
        try:
            start_subscriber(client, self.settings, self._subscribed, timeout_s, "sensor ingest")
        except ConnectionError:
            self.stop()
            raise
        return self

    def healthy(self) -> bool:
        """True while connected with paho's network thread alive, and handling has not
        been failing since the last message handled well."""
        client = self._client
        if client is None or not client.is_connected():
            return False
        thread = getattr(client, "_thread", None)
        if thread is not None and not thread.is_alive():
            return False
        return self._last_error_at <= self._last_ok_at

    def counters(self) -> dict[str, Any]:
        """The counters as one JSON-ready dict."""
        return {"messages": self.messages, "handled": self.handled, "accepted": self.accepted,
                "rejected": dict(self.rejected), "dead_lettered": self.dead_lettered,
                "errors": self.errors, "ignored": self.ignored,
                "last_message_at": self.last_message_at, "healthy": self.healthy()}

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("sensor ingest connection refused: %s", rc)
            return
        topics = [(self.settings.topic("sensors", "+"), 1)]
        if self.zigbee_prefix:  # friendly names may contain '/'
            topics.append((f"{self.zigbee_prefix}/#", 1))
        client.subscribe(topics)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        now = time.time()
        self.messages += 1
        self.last_message_at = now
        self.receive(str(message.topic), bytes(message.payload), now)

    def receive(self, topic: str, payload: bytes, now: float) -> None:
        """Handle one message whatever it holds; never raises (paho's network thread
        calls it). Rejected and failed messages are counted, logged, set aside, answered."""
        try:
            self.handle(topic, payload, now)
            self._last_ok_at = now
            self.handled += 1
            return
        except RejectedReading as exc:
            self.rejected[exc.reason] += 1
            self._last_ok_at = now  # refusing a bad reading is the ingest working
            reason, error = exc.reason, exc.message
        except Exception as exc:  # noqa: BLE001 - one message must never stop the ingest
            self.errors += 1
            self._last_error_at = now
            reason, error = "internal_error", f"{type(exc).__name__}: {exc}"[:300]
            self.last_error = error
            log.error("sensor message on %s could not be handled (%d so far): %s",
                      topic[:200], self.errors, error, exc_info=self.errors <= 3)
        self._set_aside(topic, payload, reason, error, now)
        self.handled += 1

    def _set_aside(self, topic: str, payload: bytes, reason: str, error: str,
                   now: float) -> None:
        if self.dead_letters is not None:
            try:
                self.dead_letters.add(topic, payload, reason, error, now)
                self.dead_lettered += 1
            except OSError as exc:
                self.errors += 1
                log.error("dead-letter store %s cannot be written: %s",
                          self.dead_letters.path, exc)
        if self.notify and self._client is not None and self._may_notify(now):
            event = {"topic": topic[:512], "reason": reason, "error": error, "ts": now,
                     "rejected": sum(self.rejected.values()), "errors": self.errors}
            try:
                self._client.publish(self.settings.topic(REJECTED_TOPIC),
                                     json.dumps(event), qos=0)
            except (ValueError, RuntimeError, OSError) as exc:
                log.warning("rejection event not published: %s", exc)

    def _may_notify(self, now: float) -> bool:
        second, n = self._notice_window
        if int(now) != second:
            second, n = int(now), 0
        self._notice_window = (second, n + 1)
        return n < MAX_NOTICES_PER_S

    def handle(self, topic: str, payload: bytes | str, now: float) -> None:
        """Route one MQTT message; raises :class:`RejectedReading` for a bad reading
        (counted in the monitor's :attr:`~HealthMonitor.rejected` too)."""
        name = topic.rsplit("/", 1)[-1]
        if self.zigbee_prefix and topic.startswith(self.zigbee_prefix + "/"):
            name = topic[len(self.zigbee_prefix) + 1:]
            if name.split("/")[0] == "bridge" or name.rsplit("/", 1)[-1] in _Z2M_SKIP:
                self.ignored += 1
                return  # bridge state, availability, commands: not readings
            resident = self.monitor.sensor_residents.get(name, self.monitor.resident)
            try:  # one message, one outcome: every reading in it is checked first
                readings = map_zigbee2mqtt(name, payload, resident, now)
                c = self.monitor.config
                for reading in readings:
                    validate(reading, now if c.check_time else None, c.max_age_s,
                             c.max_ahead_s, resident)
            except RejectedReading as exc:
                self.monitor.reject(exc, topic)
                raise
            if not readings:
                self.ignored += 1
            for reading in readings:
                self.monitor.process(reading, now, strict=True, source=topic)
            self.accepted += bool(readings)
            return
        try:
            data = parse(payload)
            if not isinstance(data, dict):
                raise RejectedReading("not_an_object", "a reading must be a JSON object, not "
                                      f"{show(data)}")
        except RejectedReading as exc:
            self.monitor.reject(exc, topic)
            raise
        if "sensor" not in data:
            data["sensor"] = name
        self.monitor.process(data, now, strict=True, source=topic)
        self.accepted += 1

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()
