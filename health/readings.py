"""Sensor readings: the project's JSON schema and its validation.

A reading arrives as JSON on ``<prefix>/<home>/sensors/<sensor>`` or as a line of a replay
file::

    {"sensor": "wrist1", "resident": "r1", "ts": 1764500000.0, "kind": "vitals",
     "values": {"pulse": 72, "spo2": 97}}

Kinds and their values (units):

- ``vitals``: any of resp_rate (breaths/min), spo2 (%), spo2_scale (1|2), on_oxygen (bool),
  systolic_bp (mmHg), pulse (beats/min), consciousness (A|C|V|P|U), temperature (deg C)
- ``motion``: motion (bool): someone moved / occupancy
- ``contact``: contact (bool): True when the door or window is closed
- ``fall``: fall (bool): a wearable's or radar's fall event; optional confidence (0-1)
- ``accel``: samples (list of [x, y, z] in g), rate_hz (samples per second)
- ``event``: event (spoken_fall | help_request | missed_checkin | checkin), optional detail
- ``vibration``: vibration (bool), optional action (vibration | tilt | drop), strength

A reading that fails validation raises :class:`RejectedReading` with a short ``reason``
(one of :data:`REASONS`) and a message; the caller logs and counts it, never scores it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from .news2 import ACVPU, RANGES

REASONS = (
    "malformed_json",
    "not_an_object",
    "missing_field",
    "wrong_type",
    "unknown_kind",
    "unknown_field",
    "not_finite",
    "out_of_range",
    "stale",
    "future",
    "empty",
)
KINDS = ("vitals", "motion", "contact", "fall", "accel", "event", "vibration")
EVENTS = ("spoken_fall", "help_request", "missed_checkin", "checkin")
VITALS = tuple(RANGES) + ("spo2_scale", "on_oxygen", "consciousness")
MAX_ACCEL_G = 16.0
"""Largest plausible accelerometer axis value, g (common MEMS full scale)."""


class RejectedReading(ValueError):
    """A reading that must not be scored; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Reading:
    """One validated sensor reading."""

    sensor: str
    """Sensor id (the last topic level, or the Zigbee2MQTT friendly name)."""
    resident: str
    """Resident the sensor belongs to."""
    ts: float
    """Measurement time, seconds since the Unix epoch."""
    kind: str
    """One of :data:`KINDS`."""
    values: dict[str, Any] = field(default_factory=dict)
    """Kind-specific values; units in the module docstring."""
    arrival_ts: float | None = None
    """When the reading reached the monitor, seconds since the epoch (not serialized)."""

    def to_json(self) -> dict[str, Any]:
        return {"sensor": self.sensor, "resident": self.resident, "ts": self.ts,
                "kind": self.kind, "values": dict(self.values)}

    @classmethod
    def from_json(cls, data: Any, now: float | None = None, max_age_s: float = 300.0,
                  max_ahead_s: float = 5.0, default_resident: str | None = None) -> Reading:
        """Validate and build; ``now`` (epoch seconds) enables the stale/future checks."""
        return validate(data, now, max_age_s, max_ahead_s, default_resident)


def parse(payload: bytes | str) -> Any:
    try:
        return json.loads(payload)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RejectedReading("malformed_json", f"not valid JSON ({exc})") from None


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RejectedReading("wrong_type", f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise RejectedReading("not_finite", f"{name} is {value!r}")
    return float(value)


def _bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise RejectedReading("wrong_type", f"{name} must be true or false, got {value!r}")
    return value


def _check_vitals(values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in RANGES:
            v = _number(name, value)
            lo, hi = RANGES[name]
            if not lo <= v <= hi:
                raise RejectedReading("out_of_range", f"{name}={v} outside {lo}-{hi}")
        elif name == "spo2_scale":
            if value not in (1, 2) or isinstance(value, bool):
                raise RejectedReading("wrong_type", f"spo2_scale must be 1 or 2, got {value!r}")
        elif name == "on_oxygen":
            _bool(name, value)
        elif name == "consciousness":
            if value not in ACVPU:
                raise RejectedReading("wrong_type", f"consciousness must be A/C/V/P/U: {value!r}")
        else:
            raise RejectedReading("unknown_field", f"vitals has no field {name!r}")


def _check_accel(values: dict[str, Any]) -> None:
    samples = values.get("samples")
    if not isinstance(samples, list) or not samples:
        raise RejectedReading("empty", "accel needs a non-empty samples list of [x, y, z] in g")
    rate = _number("rate_hz", values.get("rate_hz"))
    if not 1.0 <= rate <= 2000.0:
        raise RejectedReading("out_of_range", f"rate_hz={rate} outside 1-2000")
    for s in samples:
        if not isinstance(s, (list, tuple)) or len(s) != 3:
            raise RejectedReading("wrong_type", f"accel sample {s!r} is not [x, y, z]")
        for axis in s:
            if abs(_number("accel", axis)) > MAX_ACCEL_G:
                raise RejectedReading("out_of_range", f"accel {axis} g beyond {MAX_ACCEL_G} g")


def _check_values(kind: str, values: dict[str, Any]) -> None:
    if kind == "vitals":
        if not values:
            raise RejectedReading("empty", "vitals reading has no values")
        _check_vitals(values)
    elif kind in ("motion", "contact", "fall", "vibration"):
        if kind not in values:
            raise RejectedReading("missing_field", f"{kind} reading needs values.{kind}")
        _bool(kind, values[kind])
        if "confidence" in values:
            c = _number("confidence", values["confidence"])
            if not 0.0 <= c <= 1.0:
                raise RejectedReading("out_of_range", f"confidence={c} outside 0-1")
    elif kind == "accel":
        _check_accel(values)
    elif kind == "event":
        ev = values.get("event")
        if ev not in EVENTS:
            raise RejectedReading("unknown_kind", f"event {ev!r} not one of {', '.join(EVENTS)}")


def validate(
    data: Any,
    now: float | None = None,
    max_age_s: float = 300.0,
    max_ahead_s: float = 5.0,
    default_resident: str | None = None,
) -> Reading:
    """Check a decoded JSON reading; raises :class:`RejectedReading`."""
    if isinstance(data, (bytes, str)):
        data = parse(data)
    if not isinstance(data, dict):
        raise RejectedReading("not_an_object", f"a reading must be a JSON object, not {data!r:.40}")
    for name in ("sensor", "ts", "kind", "values"):
        if name not in data:
            raise RejectedReading("missing_field", f"reading has no {name!r}")
    sensor, kind, values = data["sensor"], data["kind"], data["values"]
    resident = data.get("resident", default_resident)
    if not isinstance(sensor, str) or not sensor:
        raise RejectedReading("wrong_type", f"sensor must be a non-empty string, got {sensor!r}")
    if not isinstance(resident, str) or not resident:
        raise RejectedReading("missing_field" if resident is None else "wrong_type",
                              f"resident must be a non-empty string, got {resident!r}")
    if kind not in KINDS:
        raise RejectedReading("unknown_kind", f"kind {kind!r} not one of {', '.join(KINDS)}")
    if not isinstance(values, dict):
        raise RejectedReading("wrong_type", f"values must be an object, got {values!r:.40}")
    ts = _number("ts", data["ts"])
    if ts < 0:
        raise RejectedReading("out_of_range", f"ts={ts} is negative")
    if now is not None:
        if ts < now - max_age_s:
            raise RejectedReading("stale", f"ts is {now - ts:.0f} s old (limit {max_age_s:.0f} s)")
        if ts > now + max_ahead_s:
            raise RejectedReading("future", f"ts is {ts - now:.1f} s in the future")
    _check_values(kind, values)
    return Reading(sensor, resident, ts, kind, values, now)
