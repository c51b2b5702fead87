"""Home control by voice that actually happens, and says so only when it did
(docs/home-control.md).

:class:`HomeCatalog` finds which configured device the resident means (the dialogue asks
when it cannot tell); :class:`HomeController` carries out a ``home`` action through
Zigbee2MQTT or Home Assistant and returns an :class:`~device.replies.Outcome`: ``done``
with "The kitchen light is on." only once the device reported the new state, ``failed``
with "I could not reach the kitchen light." when no state came back in time, or "The
kitchen light did not turn on." when one came back unchanged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from device.home_transports import HomeAssistant, HomeError, State, Zigbee2Mqtt
from device.replies import Action, Outcome
from device.settings_home import HomeDevice, HomeSettings
from device.slots import canonical_area, extract_slots

__all__ = ["ACTIONS", "HomeCatalog", "HomeController", "command_for", "confirmed"]

log = logging.getLogger(__name__)

ACTIONS = {
    "light": ("on", "off", "up", "down"),
    "heating": ("on", "off", "up", "down"),
    "blinds": ("open", "close"),
    "tv": ("on", "off"),
    "radio": ("on", "off"),
    "fan": ("on", "off"),
}
"""What each kind of device can be asked to do."""

_ALIASES = {("blinds", "up"): "open", ("blinds", "down"): "close",
            ("blinds", "on"): "open", ("blinds", "off"): "close"}

BRIGHTNESS_STEP = 51
"""Zigbee2MQTT ``brightness_step`` per "brighter"/"dimmer" (of 254)."""
BRIGHTNESS_STEP_PCT = 20
"""Home Assistant ``brightness_step_pct`` per "brighter"/"dimmer"."""
SETPOINT_STEP_C = 1.0
"""Degrees C per "warmer"/"cooler"."""
SETPOINT_RANGE_C = (7.0, 28.0)
"""The setpoint is kept within this range (frost protection .. safe maximum)."""

KIND_WORDS = {"light": "light", "heating": "heating", "tv": "television", "radio": "radio",
              "blinds": "blinds", "fan": "fan"}
"""How the device names a kind of device in a question."""


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]", " ", text.lower()).split())


def _has(text: str, phrase: str) -> bool:
    return bool(phrase) and re.search(rf"\b{re.escape(phrase)}\b", text) is not None


class HomeCatalog:
    """The configured devices, and which of them an utterance names.

    Args:
        devices: ``home.devices`` of the settings.
    """

    def __init__(self, devices: Sequence[HomeDevice] = ()) -> None:
        self.devices = tuple(devices)
        self.areas = tuple(sorted({d.area for d in self.devices if d.area}, key=len,
                                  reverse=True))

    def __bool__(self) -> bool:
        return bool(self.devices)

    def get(self, name: str) -> HomeDevice | None:
        return next((d for d in self.devices if d.name == name), None)

    def find(self, text: str, slots: dict[str, str]) -> list[HomeDevice]:
        """The devices ``text`` (with its ``device``/``area`` slots) may mean: one, several
        (ambiguous: ask) or none (unknown: ask). A device's own name said in full wins."""
        text = _norm(text)
        named = [d for d in self.devices if _has(text, d.name)]
        if named:
            longest = max(len(d.name) for d in named)
            return [d for d in named if len(d.name) == longest]
        kind = slots.get("device")
        area = canonical_area(slots.get("area") or next((a for a in self.areas
                                                          if _has(text, a)), ""))
        if not kind and not area:
            return []
        return [d for d in self.devices
                if (not kind or d.device == kind) and (not area or d.area == area)]

    def pick(self, text: str, candidates: Sequence[HomeDevice]) -> list[HomeDevice]:
        """The answer to "Which light: ...?": the candidates it names by name or area, or
        all of them for "all", "both", "every"."""
        text = _norm(text)
        if re.search(r"\b(?:all|both|every|everything|each)\b", text):
            return list(candidates)
        named = [d for d in candidates if _has(text, d.name)]
        if named:
            return named
        area = extract_slots("home_control", text).get("area", "")
        return [d for d in candidates if d.area and (d.area == area or _has(text, d.area))]

    @staticmethod
    def listing(devices: Sequence[HomeDevice]) -> str:
        """ "the kitchen light, the bedroom light or the hall light"."""
        names = [f"the {d.name}" for d in devices]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _plural(name: str) -> bool:
    last = name.split()[-1]
    return last.endswith("s") and not last.endswith("ss")


def _the(d: HomeDevice) -> str:
    return f"The {d.name} {'are' if _plural(d.name) else 'is'}"


def _setpoint(before: State | None, action: str) -> float | None:
    cur = (before or {}).get("occupied_heating_setpoint")
    if not isinstance(cur, (int, float)) or isinstance(cur, bool):
        return None
    step = SETPOINT_STEP_C if action == "up" else -SETPOINT_STEP_C
    lo, hi = SETPOINT_RANGE_C
    return round(min(hi, max(lo, float(cur) + step)), 1)


def command_for(d: HomeDevice, action: str, before: State | None) -> dict[str, Any]:
    """The Zigbee2MQTT ``/set`` payload for ``action`` on ``d`` (``before``: its last
    state; heating up/down needs its setpoint). Mapping: docs/home-control.md."""
    if d.device == "heating":
        if action in ("up", "down"):
            return {"occupied_heating_setpoint": _setpoint(before, action)}
        return {"system_mode": "heat" if action == "on" else "off"}
    if d.device == "blinds":
        return {"position": 100 if action == "open" else 0}
    if action in ("up", "down"):
        step = BRIGHTNESS_STEP if action == "up" else -BRIGHTNESS_STEP
        return {"brightness_step": step, **({"state": "ON"} if action == "up" else {})}
    return {"state": "ON" if action == "on" else "OFF"}


def ha_service_for(d: HomeDevice, action: str,
                   before: State | None) -> tuple[str, str, dict[str, Any]]:
    """(domain, service, data) of the Home Assistant service call for ``action`` on ``d``."""
    ent = {"entity_id": d.entity_id}
    if d.device == "heating":
        if action in ("up", "down"):
            return "climate", "set_temperature", {**ent, "temperature": _setpoint(before, action)}
        return "climate", "set_hvac_mode", {**ent, "hvac_mode": "heat" if action == "on"
                                            else "off"}
    if d.device == "blinds":
        return "cover", "open_cover" if action == "open" else "close_cover", ent
    if action in ("up", "down"):
        pct = BRIGHTNESS_STEP_PCT if action == "up" else -BRIGHTNESS_STEP_PCT
        return "light", "turn_on", {**ent, "brightness_step_pct": pct}
    return d.domain, "turn_on" if action == "on" else "turn_off", ent


def confirmed(d: HomeDevice, action: str, before: State | None,
              target: dict[str, Any]) -> Callable[[State], bool]:
    """Whether a reported state shows ``action`` done (``target``: what was asked)."""
    def brightness(s: State) -> float | None:
        b = s.get("brightness")
        return float(b) if isinstance(b, (int, float)) and not isinstance(b, bool) else None

    old = brightness(before or {})

    def ok(s: State) -> bool:
        if d.device == "heating":
            if action in ("up", "down"):
                sp = s.get("occupied_heating_setpoint")
                want = target.get("occupied_heating_setpoint", target.get("temperature"))
                return isinstance(sp, (int, float)) and isinstance(want, (int, float)) and \
                    abs(float(sp) - float(want)) < 0.05
            return s.get("system_mode") == ("heat" if action == "on" else "off")
        if d.device == "blinds":
            return s.get("position") == (100 if action == "open" else 0)
        if action in ("up", "down"):
            b = brightness(s)
            if action == "down" and s.get("state") == "OFF":
                return True
            if b is None or (action == "up" and s.get("state") != "ON"):
                return False
            if old is None:
                return True
            return b > old or b >= 254 if action == "up" else b < old or b <= 1
        return s.get("state") == ("ON" if action == "on" else "OFF")

    return ok


def done_say(d: HomeDevice, action: str, state: State | None) -> str:
    if d.device == "heating" and action in ("up", "down"):
        sp = (state or {}).get("occupied_heating_setpoint")
        if isinstance(sp, (int, float)):
            return f"The {d.name} is set to {float(sp):g} degrees."
    if action == "down" and (state or {}).get("state") == "OFF":
        return f"{_the(d)} off."
    word = {"on": "on", "off": "off", "up": "brighter", "down": "dimmer", "open": "open",
            "close": "closed"}[action]
    if d.device == "heating":
        word = {"up": "turned up", "down": "turned down"}.get(action, action)
    return f"{_the(d)} {word}."


def failed_say(d: HomeDevice, action: str, reached: bool) -> str:
    if not reached:
        return f"I could not reach the {d.name}."
    verb = {"on": "turn on", "off": "turn off", "open": "open", "close": "close",
            "up": "go up" if d.device == "heating" else "get brighter",
            "down": "go down" if d.device == "heating" else "get dimmer"}[action]
    return f"The {d.name} did not {verb}."


class HomeController:
    """Carries out ``home`` actions; register :meth:`execute` with the action executor.

    Args:
        settings: the ``home`` section.
        mqtt: ``health.mqtt_settings.MqttSettings`` of the broker Zigbee2MQTT uses (None:
            Zigbee2MQTT devices fail plainly).
        ha_token: Home Assistant token (None: read from ``home_assistant.token_file`` at
            :meth:`start`).
    """

    def __init__(self, settings: HomeSettings, mqtt: Any = None,
                 ha_token: str | None = None) -> None:
        self.settings = settings
        self.catalog = HomeCatalog(settings.devices)
        self.mqtt = mqtt
        self._ha_token = ha_token
        self.z2m: Zigbee2Mqtt | None = None
        self.ha: HomeAssistant | None = None

    def start(self, wait_s: float = 5.0) -> HomeController:
        """Read the Home Assistant token (OSError when missing) and connect to the broker
        for the Zigbee2MQTT devices (retried in the background when not there)."""
        s = self.settings
        if s.home_assistant is not None:
            token = self._ha_token or s.home_assistant.read_token()
            self.ha = HomeAssistant(s.home_assistant.url, token, timeout_s=s.timeout_s)
        names = [d.z2m for d in s.devices if d.z2m is not None]
        if names and self.mqtt is not None:
            self.z2m = Zigbee2Mqtt(self.mqtt, s.zigbee2mqtt_prefix, names).start(wait_s)
        return self

    def stop(self) -> None:
        if self.z2m is not None:
            self.z2m.stop()
            self.z2m = None

    def __enter__(self) -> HomeController:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the handler ----------------------------------------------------------------
    def execute(self, action: Action) -> Outcome:
        """Carry out one ``home`` action {name (or device, area), action}; the outcome
        says what really happened. Never raises for a device that cannot be reached."""
        d = self.catalog.get(str(action.data.get("name", "")))
        if d is None:
            found = self.catalog.find("", {k: str(v) for k, v in action.data.items()
                                           if k in ("device", "area") and v})
            if len(found) != 1:
                what = action.data.get("device") or "device"
                say = (f"I could not tell which {KIND_WORDS.get(str(what), what)} you mean."
                       if found else "I cannot control that here yet.")
                return Outcome("home", "failed", say, {**action.data, "error": "not resolved",
                                                       "candidates": [x.name for x in found]})
            d = found[0]
        verb = str(action.data.get("action") or "on")
        verb = _ALIASES.get((d.device, verb), verb)
        facts: dict[str, Any] = {"name": d.name, "device": d.device, "area": d.area,
                                 "action": verb,
                                 "via": "zigbee2mqtt" if d.z2m else "home_assistant"}
        if verb not in ACTIONS[d.device] or (d.domain == "switch" and verb in ("up", "down")):
            can = " or ".join(a for a in ACTIONS[d.device]
                              if d.domain != "switch" or a in ("on", "off"))
            return Outcome("home", "skipped", f"I can only turn the {d.name} {can}.",
                           {**facts, "error": f"{verb} is not supported for a {d.device}"})
        timeout = d.timeout_s or self.settings.timeout_s
        try:
            ok, state, sent = (self._z2m(d, verb, timeout) if d.z2m else
                               self._ha(d, verb, timeout))
        except HomeError as exc:
            log.warning("home control: %s %s: %s", d.name, verb, exc)
            return Outcome("home", "failed", failed_say(d, verb, reached=False),
                           {**facts, "error": str(exc)})
        facts.update(sent=sent, state=state)
        if ok:
            return Outcome("home", "done", done_say(d, verb, state), facts)
        log.warning("home control: %s %s: %s after %.1f s", d.name, verb,
                    "state unchanged" if state is not None else "no state", timeout)
        return Outcome("home", "failed", failed_say(d, verb, reached=state is not None),
                       {**facts, "error": "state unchanged" if state is not None else
                        f"no state within {timeout:g} s"})

    def _z2m(self, d: HomeDevice, verb: str,
             timeout: float) -> tuple[bool, State | None, dict[str, Any]]:
        if self.z2m is None:
            raise HomeError("Zigbee2MQTT is not connected (no broker configured)")
        assert d.z2m is not None
        before = self.z2m.latest(d.z2m)
        if d.device == "heating" and verb in ("up", "down") and _setpoint(before, verb) is None:
            mark = self.z2m.mark(d.z2m)
            self.z2m.send(d.z2m, {"occupied_heating_setpoint": ""}, get=True)
            got, before = self.z2m.wait(
                d.z2m, mark, lambda s: _setpoint(s, verb) is not None, timeout)
            if not got:
                return False, before, {"get": "occupied_heating_setpoint"}
        payload = command_for(d, verb, before)
        mark = self.z2m.mark(d.z2m)
        self.z2m.send(d.z2m, payload)
        ok, state = self.z2m.wait(d.z2m, mark, confirmed(d, verb, before, payload), timeout)
        return ok, state, payload

    def _ha(self, d: HomeDevice, verb: str,
            timeout: float) -> tuple[bool, State | None, dict[str, Any]]:
        if self.ha is None:
            raise HomeError("Home Assistant is not configured (home.home_assistant)")
        assert d.entity_id is not None
        before = self.ha.state(d.entity_id) if verb in ("up", "down") else None
        if before is not None and not before.get("available"):
            return False, None, {}
        domain, service, data = ha_service_for(d, verb, before)
        if d.device == "heating" and verb in ("up", "down") and data["temperature"] is None:
            return False, before, {}
        self.ha.call(domain, service, data)
        ok, state = self.ha.wait(d.entity_id, confirmed(d, verb, before, data), timeout)
        reached = state if state is not None and state.get("available") else None
        return ok, reached, {"service": f"{domain}.{service}", **data}
