"""The two ways the device reaches things in a home (docs/home-control.md).

:class:`Zigbee2Mqtt` publishes commands to ``<prefix>/<friendly name>/set`` and keeps the
latest state each device reports on ``<prefix>/<friendly name>``, so a command is only
called done once the device itself says so. :class:`HomeAssistant` calls the REST API
(``POST /api/services/<domain>/<service>``, ``GET /api/states/<entity_id>``) with a
long-lived token. Both hand back states in one shape (:func:`normalize_ha_state` maps Home
Assistant's onto Zigbee2MQTT's keys), so what counts as "it happened" is decided once, in
:mod:`device.home_control`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

__all__ = ["HomeAssistant", "HomeError", "Zigbee2Mqtt", "normalize_ha_state"]

log = logging.getLogger(__name__)

State = dict[str, Any]
"""A device state in Zigbee2MQTT's keys: state ON/OFF, brightness 0..254, position
0..100 (100 open), system_mode, occupied_heating_setpoint (degrees C)."""


class HomeError(OSError):
    """A home device or hub could not be reached or refused the command."""


class Zigbee2Mqtt:
    """Commands and states of Zigbee2MQTT devices on one broker.

    Args:
        mqtt: ``health.mqtt_settings.MqttSettings`` of the broker Zigbee2MQTT uses.
        prefix: Zigbee2MQTT's base topic.
        names: friendly names of the devices to watch.
        client_id: MQTT client id (default: one per home).
    """

    def __init__(self, mqtt: Any, prefix: str, names: list[str],
                 client_id: str | None = None) -> None:
        self.mqtt = mqtt
        self.prefix = prefix
        self.names = sorted(set(names))
        self.client_id = client_id or f"eldercare-{mqtt.prefix}-{mqtt.home}-home"
        self._cond = threading.Condition()
        self._states: dict[str, list[tuple[int, State]]] = {n: [] for n in self.names}
        """The last states each device reported, numbered from 1, oldest first."""
        self._seq = dict.fromkeys(self.names, 0)
        self._available: dict[str, bool] = {}
        """Zigbee2MQTT's availability of each device (``<name>/availability``), once told."""
        self._bridge_online: bool | None = None
        """Zigbee2MQTT's own state (``<prefix>/bridge/state``); None: not told."""
        self._subscribed = threading.Event()
        self._client: Any = None

    def start(self, wait_s: float = 5.0) -> Zigbee2Mqtt:
        """Connect and subscribe to every device's state topic; a broker that is not there
        yet is retried in the background (commands fail plainly meanwhile)."""
        from health.mqtt_settings import make_client

        client = make_client(self.mqtt, self.client_id, clean=True)
        client.on_connect = self._on_connect
        client.on_subscribe = lambda *a: self._subscribed.set()
        client.on_message = self._on_message
        self._client = client
        client.connect_async(self.mqtt.host, self.mqtt.port, self.mqtt.keepalive_s)
        client.loop_start()
        if wait_s > 0 and not self._subscribed.wait(wait_s):
            log.warning("Zigbee2MQTT: broker %s not reachable yet; retrying in the background",
                        self.mqtt.redacted())
        return self

    def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()

    @property
    def ready(self) -> bool:
        return self._subscribed.is_set() and self._client is not None and \
            bool(self._client.is_connected())

    def topic(self, name: str) -> str:
        return f"{self.prefix}/{name}"

    def _on_connect(self, client: Any, userdata: Any, flags: Any, rc: Any, props: Any) -> None:
        if rc.is_failure:
            log.warning("Zigbee2MQTT: broker refused the connection: %s", rc)
            return
        topics = [(f"{self.prefix}/bridge/state", 0)]
        for n in self.names:
            topics += [(self.topic(n), 0), (f"{self.topic(n)}/availability", 0)]
        client.subscribe(topics)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        try:
            self._take(message.topic, bytes(message.payload))
        except Exception:  # noqa: BLE001 - paho's network thread must survive any payload
            log.exception("Zigbee2MQTT: message on %s could not be read; ignored", message.topic)

    @staticmethod
    def _online(payload: bytes) -> bool | None:
        """An availability payload ("online", or {"state": "online"}) as a bool."""
        text = payload.decode("utf-8", "replace").strip()
        if text.startswith("{"):
            try:
                text = str(json.loads(text).get("state", ""))
            except (ValueError, AttributeError, RecursionError):
                return None
        return {"online": True, "offline": False}.get(text.strip('"').lower())

    def _take(self, topic: str, payload: bytes) -> None:
        name = topic[len(self.prefix) + 1:]
        if name == "bridge/state":
            self._bridge_online = self._online(payload)
            return
        if name.endswith("/availability") and name[:-13] in self._states:
            online = self._online(payload)
            if online is not None:
                self._available[name[:-13]] = online
            return
        if name not in self._states:
            return
        try:
            state = json.loads(payload)
        except (ValueError, UnicodeDecodeError, RecursionError):
            log.warning("Zigbee2MQTT: %s sent a state that is not JSON; ignored", topic)
            return
        if not isinstance(state, dict):
            return
        with self._cond:
            self._seq[name] += 1
            states = self._states[name]
            states.append((self._seq[name], state))
            del states[:-50]
            self._cond.notify_all()

    def reachable(self, name: str) -> bool | None:
        """What Zigbee2MQTT last said of ``name``: False when it or the bridge is offline,
        True when online, None when it has not said."""
        if self._bridge_online is False or self._available.get(name) is False:
            return False
        return self._available.get(name)

    def latest(self, name: str) -> State | None:
        """The last state ``name`` reported (None: none since start)."""
        with self._cond:
            states = self._states.get(name)
            return states[-1][1] if states else None

    def mark(self, name: str) -> int:
        """How many states ``name`` has reported so far (pass to :meth:`wait`)."""
        with self._cond:
            return self._seq[name]

    def send(self, name: str, payload: dict[str, Any], get: bool = False) -> None:
        """Publish ``payload`` to ``<prefix>/<name>/set`` (``get``: ``/get``).

        Raises:
            HomeError: not connected to the broker.
        """
        client = self._client
        if client is None or not self.ready:
            raise HomeError(f"not connected to the broker at {self.mqtt.host}:{self.mqtt.port}")
        if self._bridge_online is False:
            raise HomeError(f"Zigbee2MQTT is offline ({self.prefix}/bridge/state)")
        if self._available.get(name) is False:
            raise HomeError(f"Zigbee2MQTT reports {name} offline ({self.topic(name)}/availability)")
        client.publish(f"{self.topic(name)}/{'get' if get else 'set'}",
                       json.dumps(payload).encode(), qos=1)

    def wait(self, name: str, since: int, ok: Callable[[State], bool],
             timeout_s: float) -> tuple[bool, State | None]:
        """Wait for a state reported after mark ``since`` that satisfies ``ok``; returns
        (satisfied, the last state reported after ``since`` or None if none came)."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while True:
                fresh = [s for n, s in self._states[name] if n > since]
                if any(ok(s) for s in fresh):
                    return True, fresh[-1]
                left = deadline - time.monotonic()
                if left <= 0:
                    return False, (fresh[-1] if fresh else None)
                self._cond.wait(left)


def normalize_ha_state(entity: dict[str, Any]) -> State:
    """A Home Assistant state object (``GET /api/states/<id>``) in Zigbee2MQTT's keys;
    ``available`` is False when Home Assistant itself cannot reach the device."""
    domain = str(entity.get("entity_id", "")).split(".", 1)[0]
    st = str(entity.get("state", ""))
    attrs = entity.get("attributes") or {}
    out: State = {"available": st not in ("unavailable", "unknown", "")}
    if domain == "climate":
        out["system_mode"] = st
        if attrs.get("temperature") is not None:
            out["occupied_heating_setpoint"] = attrs["temperature"]
    elif domain == "cover":
        pos = attrs.get("current_position")
        out["position"] = pos if pos is not None else {"open": 100, "closed": 0}.get(st)
    else:
        out["state"] = "OFF" if st in ("off", "standby", "unavailable", "unknown") else "ON"
        if attrs.get("brightness") is not None:
            out["brightness"] = attrs["brightness"]
    return out


class HomeAssistant:
    """Home Assistant's REST API with a long-lived access token.

    Args:
        url: base URL, http(s)://host:8123.
        token: the long-lived access token.
        timeout_s: per HTTP request, seconds.
    """

    def __init__(self, url: str, token: str, timeout_s: float = 5.0) -> None:
        self.url = url.rstrip("/")
        self._token = token
        self.timeout_s = timeout_s

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"{self.url}{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {self._token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:  # noqa: S310
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            hint = {401: ": the token was refused, check home.home_assistant.token_file",
                    404: ": no such entity or service"}.get(exc.code, "")
            raise HomeError(f"Home Assistant {method} {path}: HTTP {exc.code}{hint}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise HomeError(f"cannot reach Home Assistant at {self.url}: {reason}") from None
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            raise HomeError(f"Home Assistant {method} {path}: the answer is not JSON") from None

    def call(self, domain: str, service: str, data: dict[str, Any]) -> None:
        """``POST /api/services/<domain>/<service>`` with ``data`` (entity_id included)."""
        self._request("POST", f"/api/services/{domain}/{service}", data)

    def state(self, entity_id: str) -> State:
        """The entity's state, normalized (:func:`normalize_ha_state`)."""
        entity = self._request("GET", f"/api/states/{entity_id}")
        if not isinstance(entity, dict):
            raise HomeError(f"Home Assistant GET /api/states/{entity_id}: not a state object")
        return normalize_ha_state(entity)

    def wait(self, entity_id: str, ok: Callable[[State], bool], timeout_s: float,
             poll_s: float = 0.2) -> tuple[bool, State | None]:
        """Poll the entity until ``ok(state)`` or ``timeout_s``; returns (satisfied, last
        state read or None)."""
        deadline = time.monotonic() + timeout_s
        last: State | None = None
        while True:
            last = self.state(entity_id)
            if last.get("available") and ok(last):
                return True, last
            if time.monotonic() >= deadline:
                return False, last
            time.sleep(min(poll_s, max(0.0, deadline - time.monotonic())))
