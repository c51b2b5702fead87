"""The ``home`` and ``calls`` sections of the device settings (docs/home-control.md).

``home`` lists the devices the resident may switch by voice, each reached through
Zigbee2MQTT (``z2m``: its friendly name) or Home Assistant (``entity_id``)::

    "home": {"zigbee2mqtt_prefix": "zigbee2mqtt", "timeout_s": 5,
             "devices": [{"name": "kitchen light", "device": "light", "area": "kitchen",
                          "z2m": "kitchen_light"},
                         {"name": "heating", "device": "heating",
                          "entity_id": "climate.living_room"}],
             "home_assistant": {"url": "http://homeassistant.local:8123",
                                "token_file": "ha-token.txt"}}

``calls`` says how long a call request waits for the broker and for the caregiver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from device.settings_sections import SettingsError, _check
from device.slots import canonical_area

__all__ = ["DEVICE_KINDS", "CallSettings", "HomeAssistantSettings", "HomeDevice",
           "HomeSettings"]

DEVICE_KINDS = ("light", "heating", "tv", "radio", "blinds", "fan")
"""The ``device`` slot values of :mod:`device.slots` (``slots.DEVICES``)."""

HA_DOMAINS = {
    "light": ("light", "switch"),
    "heating": ("climate",),
    "tv": ("media_player", "switch"),
    "radio": ("media_player", "switch"),
    "blinds": ("cover",),
    "fan": ("fan", "switch"),
}
"""Home Assistant entity domains that can stand for each kind of device."""

_ENTITY_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
_Z2M_NAME = re.compile(r"^[^#+]+$")


def _keys(where: str, data: Any, known: tuple[str, ...]) -> dict[str, Any]:
    _check(isinstance(data, dict), f"{where} must be an object")
    unknown = sorted(set(data) - set(known))
    _check(not unknown, f"unknown setting {where}.{unknown[0] if unknown else ''}: known ones "
                        f"are {', '.join(known)}")
    return dict(data)


def _number(where: str, value: Any) -> float:
    _check(isinstance(value, (int, float)) and not isinstance(value, bool),
           f"{where} must be a number of seconds (got {value!r})")
    return float(value)


@dataclass(frozen=True)
class HomeDevice:
    """One thing in the home the resident may switch by voice."""

    name: str
    """What the resident calls it and what the device says back ("kitchen light")."""
    device: str
    """Kind, one of :data:`DEVICE_KINDS`: how commands and states are mapped."""
    area: str = ""
    """Room, as the resident says it ("kitchen", "living room"); "" for none."""
    z2m: str | None = None
    """Zigbee2MQTT friendly name: commands go to ``<prefix>/<z2m>/set``."""
    entity_id: str | None = None
    """Home Assistant entity ("light.kitchen"), for a device reached through its REST API."""
    timeout_s: float | None = None
    """Seconds to wait for the new state; None: ``home.timeout_s`` (blinds move slowly)."""

    def __post_init__(self) -> None:
        where = f"home.devices[{self.name!r}]"
        _check(isinstance(self.name, str) and bool(self.name.strip()),
               "home.devices: every device needs a non-empty name, e.g. \"kitchen light\"")
        _check(self.device in DEVICE_KINDS,
               f"{where}.device {self.device!r} is unknown: use one of {', '.join(DEVICE_KINDS)}")
        _check((self.z2m is None) != (self.entity_id is None),
               f"{where}: give exactly one of z2m (a Zigbee2MQTT friendly name) or entity_id "
               "(a Home Assistant entity)")
        if self.z2m is not None:
            _check(bool(self.z2m.strip()) and bool(_Z2M_NAME.match(self.z2m))
                   and not self.z2m.startswith("/") and not self.z2m.endswith(("/", "/set")),
                   f"{where}.z2m {self.z2m!r} is not a Zigbee2MQTT friendly name (no '#', '+', "
                   "leading or trailing '/')")
        if self.entity_id is not None:
            _check(bool(_ENTITY_ID.match(self.entity_id)),
                   f"{where}.entity_id {self.entity_id!r} must look like light.kitchen")
            domain = self.entity_id.split(".", 1)[0]
            ok = HA_DOMAINS[self.device]
            _check(domain in ok, f"{where}.entity_id {self.entity_id!r}: a {self.device} must be "
                                 f"a Home Assistant {' or '.join(ok)} entity")
        _check(self.timeout_s is None or 0.5 <= self.timeout_s <= 120,
               f"{where}.timeout_s must be 0.5..120 seconds (got {self.timeout_s})")

    @property
    def domain(self) -> str:
        """Home Assistant domain of ``entity_id`` ("" for a Zigbee2MQTT device)."""
        return self.entity_id.split(".", 1)[0] if self.entity_id else ""

    @classmethod
    def from_json(cls, data: Any, i: int) -> HomeDevice:
        known = tuple(f.name for f in fields(cls))
        d = _keys(f"home.devices[{i}]", data, known)
        for key in ("name", "device", "area", "z2m", "entity_id"):
            _check(key not in d or d[key] is None or isinstance(d[key], str),
                   f"home.devices[{i}].{key} must be a string")
        _check("name" in d and "device" in d,
               f"home.devices[{i}] needs a name and a device kind, e.g. "
               '{"name": "kitchen light", "device": "light", "area": "kitchen", '
               '"z2m": "kitchen_light"}')
        if d.get("timeout_s") is not None:
            d["timeout_s"] = _number(f"home.devices[{i}].timeout_s", d["timeout_s"])
        d["name"] = " ".join(d["name"].lower().split())
        d["area"] = canonical_area(d.get("area") or "")
        return cls(**d)


@dataclass(frozen=True)
class HomeAssistantSettings:
    url: str
    """Base URL of Home Assistant, http(s)://host:8123."""
    token_file: str
    """File holding a long-lived access token (Profile > Security in Home Assistant)."""

    def __post_init__(self) -> None:
        parsed = urlparse(self.url)
        _check(parsed.scheme in ("http", "https") and bool(parsed.hostname),
               f"home.home_assistant.url {self.url!r} must be http(s)://host:port")
        _check(bool(self.token_file.strip()),
               "home.home_assistant.token_file is empty: name the file holding the "
               "long-lived access token")

    def read_token(self) -> str:
        """The token; OSError naming the file when it is missing or empty."""
        path = Path(self.token_file).expanduser()
        try:
            token = path.read_text().strip()
        except OSError as exc:
            raise OSError(f"home.home_assistant.token_file {path}: {exc.strerror or exc}") \
                from None
        if not token:
            raise SettingsError(f"home.home_assistant.token_file {path} is empty: put the "
                                "long-lived access token in it")
        return token


@dataclass(frozen=True)
class HomeSettings:
    """Home control by voice (docs/home-control.md); no devices: the device says it
    cannot switch things yet."""

    zigbee2mqtt_prefix: str = "zigbee2mqtt"
    """Zigbee2MQTT base topic (its ``mqtt.base_topic``), on the device's broker."""
    devices: tuple[HomeDevice, ...] = ()
    home_assistant: HomeAssistantSettings | None = None
    timeout_s: float = 5.0
    """Seconds to wait for a device's new state before telling the resident it failed."""

    def __post_init__(self) -> None:
        _check(bool(self.zigbee2mqtt_prefix) and bool(_Z2M_NAME.match(self.zigbee2mqtt_prefix))
               and not self.zigbee2mqtt_prefix.endswith("/"),
               f"home.zigbee2mqtt_prefix {self.zigbee2mqtt_prefix!r} must be a topic without "
               "wildcards or a trailing '/'")
        _check(0.5 <= self.timeout_s <= 60,
               f"home.timeout_s must be 0.5..60 seconds (got {self.timeout_s}); 5 suits "
               "Zigbee lights")
        names = [d.name for d in self.devices]
        dup = next((n for n in names if names.count(n) > 1), None)
        _check(dup is None, f"home.devices: the name {dup!r} is used twice; give every device "
                            "its own name")
        needs_ha = [d.name for d in self.devices if d.entity_id is not None]
        _check(not needs_ha or self.home_assistant is not None,
               f"home.devices[{needs_ha[0] if needs_ha else ''!r}] names an entity_id but "
               "home.home_assistant is not set: add its url and token_file")

    @classmethod
    def from_json(cls, data: Any, base: Path | None = None) -> HomeSettings:
        """From the settings file's ``home`` object; a relative ``token_file`` resolves
        against ``base`` (the config file's folder)."""
        d = _keys("home", data, tuple(f.name for f in fields(cls)))
        devices = d.get("devices", [])
        _check(isinstance(devices, list), "home.devices must be a list of devices")
        d["devices"] = tuple(HomeDevice.from_json(x, i) for i, x in enumerate(devices))
        ha = d.get("home_assistant")
        if ha is not None:
            h = _keys("home.home_assistant", ha, ("url", "token_file"))
            _check(isinstance(h.get("url"), str) and isinstance(h.get("token_file"), str),
                   "home.home_assistant needs url and token_file (strings)")
            token = Path(h["token_file"]).expanduser()
            if base is not None and not token.is_absolute():
                token = base / token
            d["home_assistant"] = HomeAssistantSettings(h["url"].rstrip("/"), str(token))
        if "timeout_s" in d:
            d["timeout_s"] = _number("home.timeout_s", d["timeout_s"])
        if "zigbee2mqtt_prefix" in d:
            _check(isinstance(d["zigbee2mqtt_prefix"], str),
                   "home.zigbee2mqtt_prefix must be a string")
        return cls(**d)


@dataclass(frozen=True)
class CallSettings:
    """Call requests to the resident's contacts (docs/home-control.md, "Calls")."""

    enabled: bool = True
    """Send call requests on ``<prefix>/<home>/calls``; false: the device says it cannot
    call."""
    broker_wait_s: float = 3.0
    """Seconds to wait for the broker to take a request before saying it will be sent
    later (it is stored either way)."""
    answer_timeout_s: float = 600.0
    """Seconds without an acknowledgement before the resident is told the contact has
    not answered yet."""

    def __post_init__(self) -> None:
        _check(0.1 <= self.broker_wait_s <= 30,
               f"calls.broker_wait_s must be 0.1..30 seconds (got {self.broker_wait_s})")
        _check(30 <= self.answer_timeout_s <= 86400,
               f"calls.answer_timeout_s must be 30..86400 seconds (got "
               f"{self.answer_timeout_s}); 600 suits most families")
