"""Zigbee2MQTT payloads -> project readings.

Zigbee2MQTT publishes each device's state as JSON on ``zigbee2mqtt/<friendly_name>``.
Field names follow its device exposes:

- occupancy / motion sensors (e.g. Aqara RTCGQ11LM, IKEA E1525): ``occupancy`` (bool);
  mmWave presence sensors: ``presence`` (bool)
- contact sensors (e.g. Aqara MCCGQ11LM): ``contact`` (bool, true = closed)
- vibration sensors (Aqara DJT11LM): ``vibration`` (bool), ``action``
  (``vibration`` | ``tilt`` | ``drop``), ``strength``, ``angle_x/y/z``
- fall-detection radars (Tuya presence sensors with fall function):
  ``fall_down_status`` (``none`` | ``maybe_fall`` | ``fall``); some firmwares ``fall`` (bool)
- housekeeping fields ignored: ``battery`` (%), ``voltage`` (mV), ``linkquality`` (0-255),
  ``illuminance``, ``temperature`` (room, not body), ``tamper``, ``battery_low``
- ``last_seen`` (when enabled): ISO 8601 text or epoch milliseconds; used as ``ts``.

One payload can give several readings (an occupancy sensor that also reports contact).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from .readings import RejectedReading, parse, show

FALL_STATES = {"none": False, "maybe_fall": True, "fall": True}


def _last_seen(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise RejectedReading("wrong_type", f"last_seen must be a time, got {show(value)}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise RejectedReading("not_finite", f"last_seen is {show(value)}")
        return float(value) / 1000.0 if value > 1e11 else float(value)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except (ValueError, OverflowError, OSError):
            raise RejectedReading("wrong_type", f"last_seen {show(value)} is not an ISO 8601 "
                                  "time in range") from None
    raise RejectedReading("wrong_type", f"last_seen must be a time, got {show(value)}")


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise RejectedReading("wrong_type", f"zigbee2mqtt {name} must be true/false: {show(value)}")
    return value


def map_zigbee2mqtt(
    friendly_name: str,
    payload: bytes | str | dict[str, Any],
    resident: str,
    now: float,
) -> list[dict[str, Any]]:
    """Readings (as project JSON dicts, still to validate) from one Zigbee2MQTT state.

    Returns an empty list for payloads with nothing health-related (e.g. battery only).
    Raises :class:`RejectedReading` for malformed JSON or wrongly typed fields.
    """
    data = payload if isinstance(payload, dict) else parse(payload)
    if not isinstance(data, dict):
        raise RejectedReading("not_an_object", "zigbee2mqtt payload must be a JSON object")
    ts = _last_seen(data.get("last_seen"))
    base = {"sensor": friendly_name, "resident": resident, "ts": now if ts is None else ts}
    out: list[dict[str, Any]] = []
    for field in ("occupancy", "presence"):
        if field in data and data[field] is not None:
            out.append({**base, "kind": "motion", "values": {"motion": _flag(field, data[field])}})
            break
    if data.get("contact") is not None:
        out.append({**base, "kind": "contact", "values": {"contact": _flag("contact",
                                                                           data["contact"])}})
    fall: bool | None = None
    confidence = 1.0
    if data.get("fall_down_status") is not None:
        status = data["fall_down_status"]
        if not isinstance(status, str) or status not in FALL_STATES:
            raise RejectedReading("wrong_type", f"fall_down_status {show(status)} unknown")
        fall = FALL_STATES[status]
        confidence = 0.5 if status == "maybe_fall" else 1.0
    elif data.get("fall") is not None:
        fall = _flag("fall", data["fall"])
    if fall is not None:
        out.append({**base, "kind": "fall", "values": {"fall": fall, "confidence": confidence}})
    action = data.get("action")
    if not isinstance(action, str):
        action = None  # buttons and remotes send other actions; only these three matter
    if data.get("vibration") is not None or action in ("vibration", "tilt", "drop"):
        values: dict[str, Any] = {
            "vibration": _flag("vibration", data.get("vibration", True)),
        }
        if action in ("vibration", "tilt", "drop"):
            values["action"] = action
        if data.get("strength") is not None:
            values["strength"] = data["strength"]  # validated as a number with the reading
        out.append({**base, "kind": "vibration", "values": values})
    return out
