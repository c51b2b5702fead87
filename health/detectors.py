"""Detectors besides NEWS2: falls, inactivity and a rising NEWS2 trend.

Each is a small state machine fed with validated readings; each returns a
:class:`Finding` (or None) that the monitor turns into an alert.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    kind: str
    level: str
    reason: str
    key: str = ""
    news2: int | None = None


@dataclass(frozen=True)
class FallPattern:
    """Accelerometer fall signature: free fall, then an impact, then stillness."""

    freefall_g: float = 0.5
    """Magnitude below this counts as free fall, g."""
    freefall_s: float = 0.08
    """Shortest free fall, seconds."""
    impact_g: float = 2.5
    """Magnitude above this counts as an impact, g."""
    impact_within_s: float = 1.0
    """Impact must follow the free fall within this, seconds."""
    still_s: float = 2.0
    """Stillness window after the impact, seconds."""
    still_tolerance_g: float = 0.2
    """Stillness: | magnitude - 1 g | below this ..."""
    still_fraction: float = 0.85
    """... for at least this fraction of the window's samples."""


class FallDetector:
    """Streaming detector over accelerometer magnitudes of one sensor (state kept across
    readings, so a fall split over two sample windows is still found)."""

    def __init__(self, pattern: FallPattern | None = None) -> None:
        self.p = pattern or FallPattern()
        self._state = "idle"
        self._t = 0.0  # time within the stream, s
        self._ff_start = 0.0
        self._impact_t = 0.0
        self._still_n = 0
        self._total_n = 0

    def feed(self, samples: list[list[float]], rate_hz: float) -> bool:
        """Feed [x, y, z] samples in g at ``rate_hz``; True when a fall was completed."""
        dt = 1.0 / rate_hz
        p = self.p
        fell = False
        for x, y, z in samples:
            m = math.sqrt(x * x + y * y + z * z)
            self._t += dt
            if self._state == "idle":
                if m < p.freefall_g:
                    self._state, self._ff_start = "freefall", self._t
            elif self._state == "freefall":
                if m >= p.freefall_g:
                    self._state = "armed" if self._t - self._ff_start >= p.freefall_s else "idle"
                    self._ff_start = self._t
                    if self._state == "armed" and m > p.impact_g:
                        self._begin_still()
            elif self._state == "armed":
                if m > p.impact_g:
                    self._begin_still()
                elif self._t - self._ff_start > p.impact_within_s:
                    self._state = "idle"
            elif self._state == "still":
                if self._t - self._impact_t <= 0.2:  # rebound after the impact
                    continue
                self._total_n += 1
                self._still_n += abs(m - 1.0) < p.still_tolerance_g
                if self._t - self._impact_t >= p.still_s + 0.2:
                    fell = self._still_n >= p.still_fraction * self._total_n
                    self._state = "idle"
        return fell

    def _begin_still(self) -> None:
        self._state, self._impact_t = "still", self._t
        self._still_n = self._total_n = 0


@dataclass(frozen=True)
class InactivityPolicy:
    """No motion for longer than the limit of the current window raises an alert."""

    day_start_h: float = 7.0
    """Local hour when the day window starts."""
    night_start_h: float = 22.0
    """Local hour when the night window starts."""
    day_limit_s: float = 3 * 3600.0
    """Longest normal stillness by day, seconds."""
    night_limit_s: float = 10 * 3600.0
    """Longest normal stillness by night, seconds."""
    utc_offset_h: float | None = None
    """Home's offset from UTC in hours; None uses the machine's local time."""

    def __post_init__(self) -> None:
        if not (0 <= self.day_start_h < 24 and 0 <= self.night_start_h < 24):
            raise ValueError("day_start_h and night_start_h must be hours 0-24")
        if self.day_limit_s <= 0 or self.night_limit_s <= 0:
            raise ValueError("inactivity limits must be positive seconds")

    def hour(self, ts: float) -> float:
        if self.utc_offset_h is None:
            t = time.localtime(ts)
        else:
            t = time.gmtime(ts + self.utc_offset_h * 3600)
        return t.tm_hour + t.tm_min / 60.0

    def is_night(self, ts: float) -> bool:
        h = self.hour(ts)
        if self.day_start_h < self.night_start_h:
            return not (self.day_start_h <= h < self.night_start_h)
        return self.night_start_h <= h < self.day_start_h

    def limit(self, ts: float) -> float:
        return self.night_limit_s if self.is_night(ts) else self.day_limit_s


class InactivityDetector:
    """Tracks the last motion of a resident; :meth:`check` says whether it has been too long."""

    def __init__(self, policy: InactivityPolicy | None = None) -> None:
        self.policy = policy or InactivityPolicy()
        self.last_motion: float | None = None

    def motion(self, ts: float) -> None:
        if self.last_motion is None or ts > self.last_motion:
            self.last_motion = ts

    def check(self, now: float) -> Finding | None:
        if self.last_motion is None:
            return None
        still = now - self.last_motion
        limit = self.policy.limit(now)
        if still < limit:
            return None
        window = "night" if self.policy.is_night(now) else "day"
        level = "urgent" if still >= 2 * limit else "warning"
        return Finding("inactivity", level,
                       f"no movement for {still / 3600:.1f} h ({window} limit "
                       f"{limit / 3600:.1f} h)")


@dataclass(frozen=True)
class TrendPolicy:
    window_s: float = 6 * 3600.0
    """Look-back window, seconds."""
    rise: int = 2
    """Points above the window's lowest score that count as rising."""
    min_points: int = 3
    """Observations needed in the window."""


@dataclass
class TrendDetector:
    """A NEWS2 that climbs by ``rise`` points within ``window_s`` (complete scores only).

    Keeps a monotonic deque of window minima, so each score costs O(1) amortized.
    """

    policy: TrendPolicy = field(default_factory=TrendPolicy)
    times: deque[float] = field(default_factory=deque)
    minima: deque[tuple[float, int]] = field(default_factory=deque)

    def __post_init__(self) -> None:
        # only "are there min_points in the window" matters: the latest min_points suffice
        self.times = deque(self.times, maxlen=max(1, self.policy.min_points))

    def add(self, ts: float, news2: int) -> Finding | None:
        if self.times and ts <= self.times[-1]:
            return None  # out of order: ignore rather than corrupt the window
        cutoff = ts - self.policy.window_s
        self.times.append(ts)
        while self.times[0] < cutoff:
            self.times.popleft()
        mins = self.minima
        while mins and mins[0][0] < cutoff:
            mins.popleft()
        while mins and mins[-1][1] > news2:
            mins.pop()
        mins.append((ts, news2))
        if len(self.times) < self.policy.min_points:
            return None
        low_ts, low = mins[0]
        if news2 - low >= self.policy.rise and low_ts < ts:
            span = ts - low_ts
            took = f"{span / 3600:.1f} h" if span >= 3600 else f"{span / 60:.0f} min"
            return Finding("news2_trend", "warning",
                           f"NEWS2 rising from {low} to {news2} in {took}", news2=news2)
        return None
