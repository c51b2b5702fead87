"""MQTT sensor ingest: ``<prefix>/<home>/sensors/<sensor>`` (project JSON) and
``zigbee2mqtt/<friendly_name>`` (Zigbee2MQTT state) into a :class:`HealthMonitor`."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from .monitor import HealthMonitor
from .mqtt_settings import MqttSettings, make_client, start_subscriber
from .readings import RejectedReading, parse
from .zigbee import map_zigbee2mqtt

log = logging.getLogger(__name__)

_Z2M_SKIP = {"availability", "set", "get"}


class SensorIngest:
    """Subscribe to sensor topics and feed every message to ``monitor`` (QoS 1).

    ``zigbee_prefix`` None disables Zigbee2MQTT. Zigbee2MQTT devices are assigned to
    residents through ``monitor.sensor_residents`` (friendly name -> resident), else the
    monitor's default resident.
    """

    def __init__(
        self,
        settings: MqttSettings,
        monitor: HealthMonitor,
        zigbee_prefix: str | None = "zigbee2mqtt",
        client_id: str | None = None,
        clean: bool = False,
    ) -> None:
        self.settings = settings
        self.monitor = monitor
        self.zigbee_prefix = zigbee_prefix
        self.client_id = client_id or f"eldercare-{settings.prefix}-{settings.home}-ingest"
        self.clean = clean
        self.messages = 0
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

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("sensor ingest connection refused: %s", rc)
            return
        topics = [(self.settings.topic("sensors", "+"), 1)]
        if self.zigbee_prefix:  # friendly names may contain '/'
            topics.append((f"{self.zigbee_prefix}/#", 1))
        client.subscribe(topics)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        self.messages += 1
        self.handle(message.topic, message.payload, time.time())

    def handle(self, topic: str, payload: bytes | str, now: float) -> None:
        """Route one MQTT message (also callable directly, e.g. from a test)."""
        name = topic.rsplit("/", 1)[-1]
        try:
            if self.zigbee_prefix and topic.startswith(self.zigbee_prefix + "/"):
                name = topic[len(self.zigbee_prefix) + 1:]
                if name.split("/")[0] == "bridge" or name.rsplit("/", 1)[-1] in _Z2M_SKIP:
                    return  # bridge state, availability, commands: not readings
                resident = self.monitor.sensor_residents.get(name, self.monitor.resident)
                for reading in map_zigbee2mqtt(name, payload, resident, now):
                    self.monitor.process(reading, now)
                return
            data = parse(payload)
            if isinstance(data, dict) and "sensor" not in data:
                data["sensor"] = name
            self.monitor.process(data, now)
        except RejectedReading as exc:
            self.monitor.reject(exc)

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()
