"""A simulated Zigbee2MQTT device on a real broker: for ``eldercare demo`` and the tests.

It behaves as Zigbee2MQTT does for one device: a JSON command on
``<prefix>/<name>/set`` changes its state, which it then publishes on ``<prefix>/<name>``;
``<prefix>/<name>/get`` publishes the current state. ``silent=True`` plays a device that
is switched off at the wall or out of radio range: it receives commands and never answers.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

__all__ = ["SimulatedZigbeeDevice"]


class SimulatedZigbeeDevice:
    """One simulated device.

    Args:
        mqtt: ``health.mqtt_settings.MqttSettings`` of the broker.
        name: friendly name.
        state: initial state, Zigbee2MQTT keys (e.g. ``{"state": "OFF", "brightness": 100}``).
        prefix: Zigbee2MQTT base topic.
        silent: never answer.
        stuck: answer with the unchanged state (a relay that does not switch).
    """

    def __init__(self, mqtt: Any, name: str, state: dict[str, Any] | None = None,
                 prefix: str = "zigbee2mqtt", silent: bool = False, stuck: bool = False) -> None:
        self.mqtt = mqtt
        self.name = name
        self.prefix = prefix
        self.silent = silent
        self.stuck = stuck
        self.state: dict[str, Any] = dict(state or {"state": "OFF"})
        self.commands: list[dict[str, Any]] = []
        """Every command received on ``/set``, in order."""
        self._subscribed = threading.Event()
        self._lock = threading.Lock()
        self._client: Any = None

    @property
    def topic(self) -> str:
        return f"{self.prefix}/{self.name}"

    def start(self, timeout_s: float = 10.0) -> SimulatedZigbeeDevice:
        from health.mqtt_settings import make_client, start_subscriber

        client = make_client(self.mqtt, f"sim-z2m-{uuid.uuid4().hex[:8]}", clean=True)
        client.on_connect = lambda c, *a: c.subscribe([(f"{self.topic}/set", 1),
                                                       (f"{self.topic}/get", 1)])
        client.on_subscribe = lambda *a: self._subscribed.set()
        client.on_message = self._on_message
        self._client = client
        try:
            start_subscriber(client, self.mqtt, self._subscribed, timeout_s,
                             f"simulated device {self.name}")
        except ConnectionError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()

    def __enter__(self) -> SimulatedZigbeeDevice:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        try:
            cmd = json.loads(message.payload)
        except (ValueError, RecursionError):
            return
        if not isinstance(cmd, dict):
            return
        with self._lock:
            if message.topic.endswith("/set"):
                self.commands.append(cmd)
                if not self.stuck:
                    self._apply(cmd)
            state = dict(self.state)
        if not self.silent:
            client.publish(self.topic, json.dumps(state).encode(), qos=0)

    def _apply(self, cmd: dict[str, Any]) -> None:
        s = self.state
        for key, value in cmd.items():
            if key == "brightness_step":
                b = int(s.get("brightness", 0)) + int(value)
                s["brightness"] = max(0, min(254, b))
                if s["brightness"] == 0:
                    s["state"] = "OFF"
            elif key == "state":
                s["state"] = str(value).upper()
            else:
                s[key] = value
