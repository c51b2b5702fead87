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
(one of :data:`REASONS`) and a message; the caller logs, counts and answers it, never
scores it. Fields the schema does not know are refused too (a typo must not pass as a
reading with nothing in it). Limits (sizes, lengths, times) are in docs/input-limits.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .limits import MAX_SENSOR_PAYLOAD_BYTES, InputRejected, parse_json
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
    "too_large",
    "too_deep",
    "bad_encoding",
)
KINDS = ("vitals", "motion", "contact", "fall", "accel", "event", "vibration")
EVENTS = ("spoken_fall", "help_request", "missed_checkin", "checkin")
VITALS = tuple(RANGES) + ("spo2_scale", "on_oxygen", "consciousness")
MAX_ACCEL_G = 16.0
"""Largest plausible accelerometer axis value, g (common MEMS full scale)."""
MAX_ACCEL_SAMPLES = 20_000
"""Most accelerometer samples in one reading (10 s at 2 kHz)."""
MAX_NAME_CHARS = 128
"""Longest sensor or resident name, characters."""
MAX_DETAIL_CHARS = 500
"""Longest free-text ``detail`` of an event reading, characters."""
FIELDS = ("sensor", "resident", "ts", "kind", "values")
VALUE_FIELDS = {
    "motion": ("motion",),
    "contact": ("contact",),
    "fall": ("fall", "confidence"),
    "vibration": ("vibration", "action", "strength"),
    "accel": ("samples", "rate_hz"),
    "event": ("event", "detail"),
}
VIBRATION_ACTIONS = ("vibration", "tilt", "drop")


class RejectedReading(InputRejected):
    """A reading that must not be scored; ``reason`` is one of :data:`REASONS`."""


def show(value: Any, n: int = 40) -> str:
    """A short, safe rendering of any decoded value for an error message."""
    if isinstance(value, (dict, list, tuple)):
        return f"a {type(value).__name__} of {len(value)} item(s)"
    text = repr(value) if not isinstance(value, str) or len(value) <= 4 * n else repr(value[:n])
    return text if len(text) <= n else text[:n] + "..."


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


def parse(payload: bytes | str, max_bytes: int = MAX_SENSOR_PAYLOAD_BYTES) -> Any:
    """Decoded JSON of one payload: size, UTF-8, syntax and depth checked."""
    try:
        return parse_json(payload, max_bytes, what="reading")
    except InputRejected as exc:
        raise RejectedReading(exc.reason, exc.message) from None


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RejectedReading("wrong_type", f"{name} must be a number, got {show(value)}")
    if not math.isfinite(value):
        raise RejectedReading("not_finite", f"{name} is {show(value)}")
    return float(value)


def _bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise RejectedReading("wrong_type", f"{name} must be true or false, got {show(value)}")
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
                raise RejectedReading("wrong_type", f"spo2_scale must be 1 or 2, got {show(value)}")
        elif name == "on_oxygen":
            _bool(name, value)
        elif name == "consciousness":
            if value not in ACVPU:
                raise RejectedReading("wrong_type",
                                      f"consciousness must be A/C/V/P/U: {show(value)}")
        else:
            raise RejectedReading("unknown_field", f"vitals has no field {show(name)}")


def _check_accel(values: dict[str, Any]) -> None:
    samples = values.get("samples")
    if not isinstance(samples, list) or not samples:
        raise RejectedReading("empty", "accel needs a non-empty samples list of [x, y, z] in g")
    rate = _number("rate_hz", values.get("rate_hz"))
    if not 1.0 <= rate <= 2000.0:
        raise RejectedReading("out_of_range", f"rate_hz={rate} outside 1-2000")
    if len(samples) > MAX_ACCEL_SAMPLES:
        raise RejectedReading("too_large", f"accel has {len(samples)} samples (limit "
                              f"{MAX_ACCEL_SAMPLES})")
    for s in samples:
        if not isinstance(s, (list, tuple)) or len(s) != 3:
            raise RejectedReading("wrong_type", f"accel sample {show(s)} is not [x, y, z]")
        for axis in s:
            if abs(_number("accel", axis)) > MAX_ACCEL_G:
                raise RejectedReading("out_of_range", f"accel {axis} g beyond {MAX_ACCEL_G} g")


def _check_values(kind: str, values: dict[str, Any]) -> None:
    extra = [k for k in values if k not in VALUE_FIELDS.get(kind, VITALS)]
    if extra:
        raise RejectedReading("unknown_field", f"{kind} has no field {show(extra[0])}")
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
    if kind == "vibration":
        action = values.get("action")
        if action is not None and action not in VIBRATION_ACTIONS:
            raise RejectedReading("wrong_type", f"vibration action {show(action)} not one of "
                                  f"{', '.join(VIBRATION_ACTIONS)}")
        if "strength" in values:
            _number("strength", values["strength"])
    elif kind == "accel":
        _check_accel(values)
    elif kind == "event":
        ev = values.get("event")
        if not isinstance(ev, str) or ev not in EVENTS:
            raise RejectedReading("unknown_kind", f"event {show(ev)} not one of "
                                  f"{', '.join(EVENTS)}")
        detail = values.get("detail", "")
        if not isinstance(detail, str) or len(detail) > MAX_DETAIL_CHARS:
            raise RejectedReading("wrong_type", f"event detail must be text of at most "
                                  f"{MAX_DETAIL_CHARS} characters, got {show(detail)}")


def _name(field_name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RejectedReading("wrong_type", f"{field_name} must be a non-empty string, got "
                              f"{show(value)}")
    if len(value) > MAX_NAME_CHARS or not value.isprintable():
        raise RejectedReading("wrong_type", f"{field_name} must be printable text of at most "
                              f"{MAX_NAME_CHARS} characters, got {show(value)}")
    return value


def validate(
    data: Any,
    now: float | None = None,
    max_age_s: float = 300.0,
    max_ahead_s: float = 5.0,
    default_resident: str | None = None,
) -> Reading:
    """Check a decoded JSON reading; raises :class:`RejectedReading`.

    ``now`` (epoch seconds, the arrival time) enables the time checks: a reading taken
    more than ``max_age_s`` before it is ``stale``, more than ``max_ahead_s`` after it is
    ``future``.
    """
    if isinstance(data, (bytes, str)):
        data = parse(data)
    if not isinstance(data, dict):
        raise RejectedReading("not_an_object", f"a reading must be a JSON object, not "
                              f"{show(data)}")
    extra = [k for k in data if k not in FIELDS]
    if extra:
        raise RejectedReading("unknown_field", f"a reading has no field {show(extra[0])}; "
                              f"expected {', '.join(FIELDS)}")
    for name in ("sensor", "ts", "kind", "values"):
        if name not in data:
            raise RejectedReading("missing_field", f"reading has no {name!r}")
    sensor, kind, values = data["sensor"], data["kind"], data["values"]
    resident = data.get("resident", default_resident)
    _name("sensor", sensor)
    if resident is None:
        raise RejectedReading("missing_field", "reading has no resident (and no default)")
    _name("resident", resident)
    if not isinstance(kind, str) or kind not in KINDS:
        raise RejectedReading("unknown_kind", f"kind {show(kind)} not one of {', '.join(KINDS)}")
    if not isinstance(values, dict):
        raise RejectedReading("wrong_type", f"values must be an object, got {show(values)}")
    ts = _number("ts", data["ts"])
    if ts < 0:
        raise RejectedReading("out_of_range", f"ts={ts} is negative")
    if now is not None:
        if ts < now - max_age_s:
            raise RejectedReading("stale", f"ts is {now - ts:.0f} s before its arrival "
                                  f"(limit {max_age_s:.0f} s)")
        if ts > now + max_ahead_s:
            raise RejectedReading("future", f"ts is {ts - now:.1f} s after its arrival "
                                  f"(limit {max_ahead_s:.0f} s)")
    _check_values(kind, values)
    return Reading(sensor, resident, ts, kind, values, now)
