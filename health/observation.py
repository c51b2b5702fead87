"""One set of vital signs (the NEWS2 parameters), with units and plausible ranges."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

PARAMETERS = (
    "resp_rate",
    "spo2",
    "on_oxygen",
    "systolic_bp",
    "pulse",
    "consciousness",
    "temperature",
)
ACVPU = ("A", "C", "V", "P", "U")

_CONSCIOUSNESS_WORDS = {
    "alert": "A",
    "confusion": "C",
    "new confusion": "C",
    "confused": "C",
    "voice": "V",
    "pain": "P",
    "unresponsive": "U",
}
# Plausible ranges: outside them a value is a sensor or typing error, not a patient.
RANGES: dict[str, tuple[float, float]] = {
    "resp_rate": (0.0, 80.0),
    "spo2": (40.0, 100.0),
    "systolic_bp": (30.0, 300.0),
    "pulse": (10.0, 300.0),
    "temperature": (25.0, 45.0),
}


class ObservationError(ValueError):
    """An observation set that cannot be scored (wrong type, impossible value)."""


@dataclass(frozen=True)
class Observation:
    """One set of vital signs. Any field may be ``None`` (not measured)."""

    resp_rate: float | None = None
    """Respiration rate, breaths per minute."""
    spo2: float | None = None
    """Peripheral oxygen saturation, percent (0-100)."""
    spo2_scale: int = 1
    """1 (default) or 2 (hypercapnic respiratory failure, set by the care plan)."""
    on_oxygen: bool | None = None
    """True when on supplemental oxygen, False on room air."""
    systolic_bp: float | None = None
    """Systolic blood pressure, mmHg."""
    pulse: float | None = None
    """Heart rate, beats per minute."""
    consciousness: str | None = None
    """ACVPU letter: A, C (new confusion), V, P or U."""
    temperature: float | None = None
    """Body temperature, degrees Celsius."""

    def __post_init__(self) -> None:
        for name, (lo, hi) in RANGES.items():
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ObservationError(f"{name} must be a number, got {value!r}")
            if not math.isfinite(value):
                raise ObservationError(f"{name} must be a finite number, got {value!r}")
            if not lo <= value <= hi:
                raise ObservationError(f"{name}={value} is outside the plausible range {lo}-{hi}")
        if self.spo2_scale not in (1, 2) or isinstance(self.spo2_scale, bool):
            raise ObservationError(f"spo2_scale must be 1 or 2, got {self.spo2_scale!r}")
        if self.on_oxygen is not None and not isinstance(self.on_oxygen, bool):
            raise ObservationError(f"on_oxygen must be true or false, got {self.on_oxygen!r}")
        if self.consciousness is not None and self.consciousness not in ACVPU:
            raise ObservationError(
                f"consciousness must be one of A, C, V, P, U, got {self.consciousness!r}"
            )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Observation:
        """Build from a JSON object; unknown keys are rejected so typos are not ignored."""
        if not isinstance(data, dict):
            kind = type(data).__name__
            raise ObservationError(f"an observation must be a JSON object, got {kind}")
        known = set(PARAMETERS) | {"spo2_scale"}
        extra = sorted(set(data) - known - {"resident", "ts", "id"})
        if extra:
            raise ObservationError(f"unknown field(s) {', '.join(extra)}; expected {sorted(known)}")
        kwargs = {k: data[k] for k in known if k in data}
        if kwargs.get("spo2_scale") is None:
            kwargs["spo2_scale"] = 1
        oxy = kwargs.get("on_oxygen")
        if isinstance(oxy, str) and oxy.lower() in ("air", "oxygen"):
            kwargs["on_oxygen"] = oxy.lower() == "oxygen"
        cons = kwargs.get("consciousness")
        if isinstance(cons, str):
            c = cons.strip()
            kwargs["consciousness"] = _CONSCIOUSNESS_WORDS.get(c.lower(), c.upper())
        elif cons is not None:
            raise ObservationError(f"consciousness must be a letter A/C/V/P/U, got {cons!r}")
        return cls(**kwargs)

    def to_json(self) -> dict[str, Any]:
        return {
            "resp_rate": self.resp_rate,
            "spo2": self.spo2,
            "spo2_scale": self.spo2_scale,
            "on_oxygen": self.on_oxygen,
            "systolic_bp": self.systolic_bp,
            "pulse": self.pulse,
            "consciousness": self.consciousness,
            "temperature": self.temperature,
        }
