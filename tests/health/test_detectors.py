"""Falls (wearable event and accelerometer pattern), inactivity windows, NEWS2 trend."""

from __future__ import annotations

import pytest

from bench.stream import fall_window
from health.detectors import (
    FallDetector,
    InactivityDetector,
    InactivityPolicy,
    TrendDetector,
    TrendPolicy,
)
from health.monitor import HealthMonitor, MonitorConfig

T0 = 1_800_000_000.0  # 2027-01-15 08:00 UTC
STAND = [[0.0, 0.02, 1.0]]


def test_accelerometer_fall_pattern_is_found() -> None:
    assert FallDetector().feed(fall_window(), 50.0)


def test_fall_split_across_two_windows_is_found() -> None:
    det = FallDetector()
    w = fall_window(100.0)
    assert not det.feed(w[:70], 100.0)
    assert det.feed(w[70:], 100.0)


@pytest.mark.parametrize(
    "samples",
    [
        STAND * 200,  # standing still
        STAND * 25 + [[0.05, 0.05, 0.1]] * 15 + STAND * 160,  # free fall, no impact
        STAND * 25 + [[2.0, 2.0, 2.0]] * 2 + STAND * 160,  # a bump, no free fall
        # free fall and impact, then walking on (not still)
        STAND * 25 + [[0.05, 0.05, 0.1]] * 15 + [[2.0, 2.0, 2.0]]
        + [[0.5, 0.3, 1.6], [0.1, 0.2, 0.5]] * 80,
        STAND * 25 + [[0.05, 0.05, 0.1]] * 2 + [[2.0, 2.0, 2.0]] + STAND * 150,  # dip too short
    ],
)
def test_non_falls_are_not_falls(samples: list[list[float]]) -> None:
    assert not FallDetector().feed(samples, 50.0)


def test_inactivity_day_and_night_windows() -> None:
    pol = InactivityPolicy(day_start_h=7, night_start_h=22, day_limit_s=3600,
                           night_limit_s=8 * 3600, utc_offset_h=0)
    assert not pol.is_night(T0) and pol.is_night(T0 + 15 * 3600)  # 08:00 day, 23:00 night
    det = InactivityDetector(pol)
    assert det.check(T0) is None  # no motion seen yet: nothing to compare
    det.motion(T0)
    assert det.check(T0 + 3599) is None
    f = det.check(T0 + 3600)
    assert f is not None and f.level == "warning" and "day" in f.reason
    assert det.check(T0 + 7200).level == "urgent"  # twice the limit
    det.motion(T0 + 14 * 3600)  # 22:00
    assert det.check(T0 + 16 * 3600) is None  # 2 h still at night is normal
    late = det.check(T0 + 22 * 3600 + 1)
    assert late is not None and "night" in late.reason
    det.motion(T0 - 100)  # an older motion does not move the clock back
    assert det.last_motion == T0 + 14 * 3600


def test_inactivity_policy_is_validated() -> None:
    with pytest.raises(ValueError):
        InactivityPolicy(day_start_h=25)
    with pytest.raises(ValueError):
        InactivityPolicy(day_limit_s=0)


def test_rising_news2_trend() -> None:
    det = TrendDetector(TrendPolicy(window_s=6 * 3600, rise=2, min_points=3))
    assert det.add(T0, 1) is None
    assert det.add(T0 + 900, 2) is None
    f = det.add(T0 + 1800, 3)
    assert f is not None and f.kind == "news2_trend" and "from 1 to 3" in f.reason
    assert det.add(T0 + 1700, 9) is None  # out of order is ignored
    # once the low point leaves the window, a stable 3 is no longer a rise
    assert det.add(T0 + 8 * 3600, 3) is None
    assert det.add(T0 + 8 * 3600 + 60, 3) is None


def test_monitor_raises_fall_inactivity_and_device_findings() -> None:
    cfg = MonitorConfig(check_time=False,
                        inactivity=InactivityPolicy(day_limit_s=600, night_limit_s=600))
    mon = HealthMonitor(None, "r1", cfg)
    mon.process({"sensor": "pir", "ts": T0, "kind": "motion", "values": {"motion": True}})
    mon.process({"sensor": "wrist", "ts": T0 + 1, "kind": "accel",
                 "values": {"samples": fall_window(), "rate_hz": 50.0}})
    mon.process({"sensor": "band", "ts": T0 + 2, "kind": "fall",
                 "values": {"fall": True, "confidence": 0.6}})
    mon.process({"sensor": "door", "ts": T0 + 700, "kind": "contact", "values": {"contact": 1}})
    mon.process({"sensor": "wrist", "ts": T0 + 900, "kind": "vitals", "values": {"pulse": 70}})
    mon.device_alert("spoken_fall", "I fell in the kitchen")
    mon.device_alert("missed_checkin")
    got = [(f.kind, f.level) for f in mon.findings]
    assert got == [("fall", "emergency"), ("fall", "urgent"), ("inactivity", "warning"),
                   ("spoken_fall", "emergency"), ("missed_checkin", "warning")]
    assert mon.rejected == {"wrong_type": 1}  # the door's contact was 1, not a bool
    assert "kitchen" in mon.findings[3].reason
    with pytest.raises(ValueError):
        mon.device_alert("party")
