"""Settings of the runtime's own supervision (see docs/runtime.md)."""

from __future__ import annotations

from dataclasses import dataclass

from device.settings_sections import _check

__all__ = ["LivenessSettings"]


@dataclass(frozen=True)
class LivenessSettings:
    """Heartbeats of the runtime's services and the caregivers' "monitoring offline" alert."""

    timeout_s: float = 60.0
    """A service without a heartbeat for this many seconds is offline: caregivers are told
    once per outage, and again (info) when it is back."""
    selftest_s: float = 300.0
    """Seconds between self-tests of the intent model and the recognizer when no turn has
    used them (the periodic check of the alarm path)."""
    healthy_s: float = 60.0
    """A restarted service that then runs this many seconds starts its back-off afresh."""

    def __post_init__(self) -> None:
        _check(5.0 <= self.timeout_s <= 3600.0,
               f"liveness.timeout_s must be 5..3600 seconds (got {self.timeout_s}); 60 suits "
               "most homes")
        _check(self.selftest_s > 0,
               f"liveness.selftest_s must be positive seconds (got {self.selftest_s})")
        _check(self.healthy_s > 0, f"liveness.healthy_s must be positive (got {self.healthy_s})")
