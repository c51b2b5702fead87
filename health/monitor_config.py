"""MonitorConfig: validation windows, per-resident care-plan flags and detector policies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .detectors import FallPattern, InactivityPolicy, TrendPolicy


@dataclass(frozen=True)
class MonitorConfig:
    """Validation windows and detector policies."""

    max_age_s: float = 3600.0
    """Readings taken longer than this before their arrival are rejected as stale,
    seconds (a wearable that buffered while out of range for up to an hour is heard)."""
    max_ahead_s: float = 5.0
    """Readings further in the future than this are rejected, seconds (clock skew)."""
    vitals_valid_s: float = 3600.0
    """A vital sign stays part of the current observation set this long, seconds."""
    spo2_scale: int = 1
    """Care-plan SpO2 scale (2 for a hypercapnic resident) of the monitor's own (default)
    resident only; a reading's own ``spo2_scale`` value wins."""
    spo2_scale_by_resident: Mapping[str, int] = field(default_factory=dict, hash=False)
    """Care-plan SpO2 scale per resident name (1 or 2), for homes where one monitor serves
    several residents; it overrides ``spo2_scale`` for the default resident too. A
    resident in neither is scored on scale 1: scale 2 is a clinician's decision for one
    person and must never spread to another (it would score their low SpO2 as normal)."""
    replay_max_gap_s: float = 86400.0
    """In a replay, a reading more than this after the latest accepted one is rejected as
    future (a mis-stamped reading must not move the replay's clock), seconds."""
    check_time: bool = True
    """Reject stale/future readings (off only for tests of the detectors)."""
    fall: FallPattern = field(default_factory=FallPattern)
    inactivity: InactivityPolicy = field(default_factory=InactivityPolicy)
    trend: TrendPolicy = field(default_factory=TrendPolicy)

    def __post_init__(self) -> None:
        if self.spo2_scale not in (1, 2) or isinstance(self.spo2_scale, bool):
            raise ValueError("spo2_scale must be 1 or 2")
        if not isinstance(self.spo2_scale_by_resident, Mapping):
            raise ValueError("spo2_scale_by_resident must map resident names to 1 or 2")
        for name, scale in self.spo2_scale_by_resident.items():
            if not isinstance(name, str) or not name:
                raise ValueError(f"spo2_scale_by_resident: resident names must be non-empty "
                                 f"strings, got {name!r}")
            if scale not in (1, 2) or isinstance(scale, bool):
                raise ValueError(f"spo2_scale_by_resident[{name!r}] must be 1 or 2, got "
                                 f"{scale!r}")
        object.__setattr__(self, "spo2_scale_by_resident",
                           MappingProxyType(dict(self.spo2_scale_by_resident)))
        if self.max_age_s <= 0 or self.max_ahead_s < 0 or self.vitals_valid_s <= 0:
            raise ValueError("max_age_s and vitals_valid_s must be positive, max_ahead_s >= 0")
        if self.replay_max_gap_s <= 0:
            raise ValueError("replay_max_gap_s must be positive seconds")
