"""HealthMonitor: readings -> validate -> score / detect -> alerts.

One monitor per home: it serves a default resident plus any resident named in readings
(a reading's ``resident`` field, or ``sensor_residents`` for sensors that do not say), so
per-person settings such as the SpO2 scale are kept per resident. Rejected
readings are logged and counted per reason in :attr:`HealthMonitor.rejected`; they never
reach a detector.

Vital signs are combined per resident: each value stays current for ``vitals_valid_s``,
so a pulse-only reading is scored together with the latest SpO2, blood pressure, ... .
NEWS2 risk maps to alert levels: low-medium -> warning, medium -> urgent, high ->
emergency. An incomplete set alerts on what it already proves (its partial score is a
lower bound), saying which parameters are missing. Falls and spoken falls or help
requests are emergencies; a missed check-in and inactivity are warnings (inactivity
becomes urgent at twice its limit); a rising NEWS2 is a warning.

Alerts from readings carry the reading's own time as their event time, so the alert
service's suppression windows follow the readings (a replay re-alerts as it would have
live); see :class:`~health.policy.SuppressionPolicy`.

Readings may come in any order. A late reading (older than the resident's latest one, or
arriving more than :data:`LATE_AFTER_S` after it was taken) is scored in its own time:
with the vital signs that were current then, not the newer ones, and its alerts say that
it is late. It never replaces a newer value, never resolves a current alert and never
moves a detector's clock. A reading taken too long before its arrival or after it is
rejected (``stale``, ``future``), live and in a replay alike (:meth:`HealthMonitor.replay`
has its own clock); docs/input-limits.md states the limits.
"""

from __future__ import annotations

import bisect
import logging
import math
import statistics
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .alerting import AlertNotStored, AlertService
from .alerts import Alert
from .detectors import FallDetector, Finding, InactivityDetector, TrendDetector
from .monitor_config import MonitorConfig
from .news2 import News2Result, Observation, score
from .readings import Reading, RejectedReading, validate

log = logging.getLogger(__name__)

RISK_LEVEL = {"low-medium": "warning", "medium": "urgent", "high": "emergency"}
EVENT_ALERTS = {
    "spoken_fall": ("emergency", "resident said they fell"),
    "help_request": ("emergency", "resident asked for help"),
    "missed_checkin": ("warning", "resident missed a check-in"),
}
LATE_AFTER_S = 60.0
"""A reading that arrives this long after it was taken is called late, seconds."""
REPLAY_CLOCK_READINGS = 5
"""A replay's clock is the median time of this many latest readings."""
VITALS_HISTORY = 64
"""Values kept per vital sign and resident, so a late reading is scored in its own time."""


@dataclass
class _Resident:
    vitals: dict[str, list[tuple[float, Any]]] = field(default_factory=dict)
    """Per vital sign, (ts, value) sorted by ts, the latest VITALS_HISTORY."""
    latest_ts: float | None = None
    """Time of the resident's latest reading, seconds since the epoch."""
    inactivity: InactivityDetector | None = None
    trend: TrendDetector | None = None
    last_news2: News2Result | None = None


class HealthMonitor:
    """Turn readings into alerts through ``alerts`` (None: detect only, no MQTT)."""

    def __init__(
        self,
        alerts: AlertService | None,
        resident: str,
        config: MonitorConfig | None = None,
        clock: Callable[[], float] = time.time,
        sensor_residents: dict[str, str] | None = None,
    ) -> None:
        self.alerts = alerts
        self.resident = resident
        self.config = config or MonitorConfig()
        self.clock = clock
        self.sensor_residents = dict(sensor_residents or {})
        self.rejected: Counter[str] = Counter()
        self.accepted = 0
        self.findings: deque[Finding] = deque(maxlen=10_000)
        """The most recent findings (bounded)."""
        self.findings_total = 0
        self._residents: dict[str, _Resident] = {}
        self._falls: dict[str, FallDetector] = {}
        self._lock = threading.RLock()
        self._replay_times: deque[float] = deque(maxlen=REPLAY_CLOCK_READINGS)

    def _state(self, resident: str) -> _Resident:
        st = self._residents.get(resident)
        if st is None:
            st = _Resident(inactivity=InactivityDetector(self.config.inactivity),
                           trend=TrendDetector(self.config.trend))
            self._residents[resident] = st
        return st

    def spo2_scale(self, resident: str) -> int:
        """The care-plan SpO2 scale of a resident (1 or 2); see :class:`MonitorConfig`."""
        c = self.config
        default = c.spo2_scale if resident == self.resident else 1
        return int(c.spo2_scale_by_resident.get(resident, default))

    def news2(self, resident: str | None = None) -> News2Result | None:
        """The latest NEWS2 result of a resident."""
        return self._state(resident or self.resident).last_news2

    def process(self, reading: dict[str, Any] | Reading | bytes | str,
                now: float | None = None, strict: bool = False,
                source: str = "") -> list[Alert]:
        """Validate one reading, run the detectors, raise alerts; returns the alerts raised
        (suppressed ones are not returned). ``now``: arrival time, epoch seconds.

        A rejected reading is counted and logged with ``source`` (its topic, or file and
        line; :meth:`reject`); with ``strict`` the :class:`RejectedReading` is raised too,
        so the caller can answer it.
        """
        with self._lock:
            return self._process(reading, now, strict, source)

    def _process(self, reading: dict[str, Any] | Reading | bytes | str,
                 now: float | None, strict: bool = False, source: str = "") -> list[Alert]:
        arrival = self.clock() if now is None else now
        try:
            if isinstance(reading, Reading):
                r = reading
            else:
                if isinstance(reading, dict) and "resident" not in reading:
                    sensor = reading.get("sensor")
                    reading = {**reading, "resident": self.sensor_residents.get(
                        sensor if isinstance(sensor, str) else "", self.resident)}
                c = self.config
                r = validate(reading, arrival if c.check_time else None, c.max_age_s,
                             c.max_ahead_s, self.resident)
        except RejectedReading as exc:
            self.reject(exc, source)
            if strict:
                raise
            return []
        self.accepted += 1
        return self._raise(self.detect(r, arrival), r.resident, arrival, r.ts)

    def reject(self, exc: RejectedReading, source: str = "") -> None:
        """Count and log a rejected reading (also used by the MQTT ingest and replays);
        ``source``: where it came from (a topic, or a file and line)."""
        with self._lock:
            n = self.rejected[exc.reason] = self.rejected[exc.reason] + 1
        # the first few of each reason, then every 1000th, at WARNING; the rest at DEBUG
        level = logging.WARNING if n <= 5 or n % 1000 == 0 else logging.DEBUG
        log.log(level, "rejected reading%s (%s, %d so far): %s",
                f" from {source[:200]}" if source else "", exc.reason, n, exc.message)

    def detect(self, r: Reading, arrival: float | None = None) -> list[Finding]:
        """Findings of one validated reading; ``arrival``: when it arrived (epoch seconds;
        None: its own time)."""
        st = self._state(r.resident)
        late_by = 0.0 if st.latest_ts is None else st.latest_ts - r.ts
        lag = 0.0 if arrival is None else arrival - r.ts
        late = ""
        if late_by > 0:
            late = f"late reading, taken {late_by:.0f} s before the latest"
        elif lag > LATE_AFTER_S:
            late = f"late reading, taken {lag:.0f} s before it arrived"
        if late_by <= 0:
            st.latest_ts = r.ts
        out = self._detect(st, r, bool(late_by > 0))
        if late:
            out = [replace(f, reason=f"{f.reason} ({late})") for f in out]
        self.findings.extend(out)
        self.findings_total += len(out)
        return out

    def _detect(self, st: _Resident, r: Reading, older: bool) -> list[Finding]:
        out: list[Finding] = []
        v = r.values
        if r.kind == "vitals":
            out.extend(self._vitals(st, r, older))
        elif r.kind in ("motion", "contact", "vibration"):
            if r.kind != "motion" or v["motion"]:
                assert st.inactivity is not None
                st.inactivity.motion(r.ts)
                self._resolve("inactivity", r.resident)
        elif r.kind == "fall":
            if v["fall"]:
                conf = float(v.get("confidence", 1.0))
                level, what = ("emergency", "fall") if conf >= 0.8 else ("urgent", "possible fall")
                out.append(Finding("fall", level, f"{what} reported by {r.sensor}", r.sensor))
            else:
                self._resolve("fall", r.resident, r.sensor)
        elif r.kind == "accel":
            det = self._falls.setdefault(r.sensor, FallDetector(self.config.fall))
            if det.feed(v["samples"], float(v["rate_hz"])):
                out.append(Finding("fall", "emergency",
                                   f"fall pattern (free fall, impact, stillness) on {r.sensor}",
                                   r.sensor))
        elif r.kind == "event":
            ev = v["event"]
            if ev == "checkin":
                self._resolve("missed_checkin", r.resident)
            else:
                level, text = EVENT_ALERTS[ev]
                detail = v.get("detail")
                out.append(Finding(ev, level, f"{text}: {detail}" if detail else text))
        inact = (st.inactivity.check(r.ts) if st.inactivity is not None and not older
                 else None)
        if inact is not None:
            out.append(inact)
        return out

    def _vitals(self, st: _Resident, r: Reading, older: bool = False) -> list[Finding]:
        """Score the vital signs current at the reading's own time. ``older``: the reading
        is older than the resident's latest one (it is scored, but resolves nothing and
        is not the current score)."""
        for name, value in r.values.items():
            hist = st.vitals.setdefault(name, [])
            bisect.insort(hist, (r.ts, value), key=lambda item: item[0])
            if len(hist) > VITALS_HISTORY:
                del hist[0]
        cutoff = r.ts - self.config.vitals_valid_s
        obs: dict[str, Any] = {}
        for name, hist in st.vitals.items():
            i = bisect.bisect_right(hist, r.ts, key=lambda item: item[0])
            if i and hist[i - 1][0] >= cutoff:  # the latest value taken by then
                obs[name] = hist[i - 1][1]
        obs.setdefault("spo2_scale", self.spo2_scale(r.resident))
        res = score(Observation(**obs))
        if not older:
            st.last_news2 = res
        out: list[Finding] = []
        if res.news2 is not None:
            assert st.trend is not None
            trend = None if older else st.trend.add(r.ts, res.news2)
            if trend is not None:
                out.append(trend)
            risk, total, note = res.risk, res.news2, ""
        else:
            risk, total = res.partial_risk, res.partial_news2
            note = f" (incomplete: {', '.join(res.missing)} missing; at least this)"
        level = RISK_LEVEL.get(risk)
        if level is None:
            if res.news2 is not None and not older:
                self._resolve("news2", r.resident)
            return out
        three = [k for k, s in res.parameters.items() if s == 3]
        why = f"; 3 on {', '.join(three)}" if three else ""
        out.append(Finding("news2", level, f"NEWS2 {total} ({risk}){why}{note}", news2=total))
        return out

    def _resolve(self, kind: str, resident: str, key: str | None = None) -> None:
        if self.alerts is not None:
            self.alerts.resolve(kind, resident, key)

    def _raise(self, findings: Iterable[Finding], resident: str, arrival: float,
               event_ts: float) -> list[Alert]:
        """Raise alerts; ``event_ts``: the reading's time (or the check's), epoch seconds."""
        if self.alerts is None:
            return []
        out = []
        for f in findings:
            try:
                a = self.alerts.raise_alert(f.kind, f.level, f.reason, resident,
                                            news2=f.news2, key=f.key or None,
                                            origin_ts=arrival, event_ts=event_ts)
            except AlertNotStored as exc:  # held and retried by the service; go on
                a = exc.alert
            if a is not None:
                out.append(a)
        return out

    def tick(self, now: float | None = None) -> list[Alert]:
        """Run time-based checks (inactivity) when no reading arrives; call periodically."""
        t = self.clock() if now is None else now
        out: list[Alert] = []
        with self._lock:
            residents = list(self._residents.items())
        for resident, st in residents:
            f = st.inactivity.check(t) if st.inactivity is not None else None
            if f is not None:
                self.findings.append(f)
                self.findings_total += 1
                out.extend(self._raise([f], resident, t, t))
        return out

    def replay(self, readings: Iterable[dict[str, Any]], base: float | None = None,
               strict: bool = False, source: str = "") -> list[Alert]:
        """Play recorded readings through the monitor, each at its own time.

        Timestamps below 1e9 are relative seconds and are shifted to start at ``base``
        (default: now). A replay has its own clock, so its readings are checked as live
        ones are against their arrival: the clock is the median of the latest
        :data:`REPLAY_CLOCK_READINGS` reading times (one mis-stamped reading cannot move
        it). A reading is ``stale`` when taken more than ``max_age_s`` before the clock,
        ``future`` when more than ``replay_max_gap_s`` after it or, for an absolute time,
        after the real time now (nothing recorded is from the future). ``strict``: raise
        each :class:`RejectedReading` after counting it.
        """
        start = self.clock() if base is None else base
        c = self.config
        out: list[Alert] = []
        for raw in readings:
            ts = raw.get("ts") if isinstance(raw, dict) else None
            if not (isinstance(ts, (int, float)) and not isinstance(ts, bool)
                    and math.isfinite(ts) and ts >= 0):
                out.extend(self.process(raw, None, strict, source))  # rejected, its reason
                continue
            absolute = not 0 <= ts < 1e9
            if not absolute:
                raw = {**raw, "ts": start + ts}
                ts = raw["ts"]
            if c.check_time and absolute and ts > time.time() + c.max_ahead_s:
                self._reject_replay(RejectedReading(
                    "future", f"ts is {ts - time.time():.0f} s after the real time now"),
                    strict, source)
                continue
            self._replay_times.append(float(ts))
            clock = statistics.median_low(self._replay_times)
            if c.check_time and ts > clock + c.replay_max_gap_s:
                self._reject_replay(RejectedReading(
                    "future", f"ts is {ts - clock:.0f} s after the replay's clock (limit "
                    f"{c.replay_max_gap_s:.0f} s)"), strict, source)
                continue
            out.extend(self.process(raw, max(clock, float(ts)), strict, source))
        return out

    def _reject_replay(self, exc: RejectedReading, strict: bool, source: str) -> None:
        self.reject(exc, source)
        if strict:
            raise exc

    def device_alert(
        self, event: str, detail: str = "", resident: str | None = None
    ) -> list[Alert]:
        """Alerts raised by the device itself: 'spoken_fall', 'help_request', 'missed_checkin'
        (or 'checkin' to clear a missed one)."""
        if event not in EVENT_ALERTS and event != "checkin":
            raise ValueError(f"device event {event!r} must be one of "
                             f"{', '.join([*EVENT_ALERTS, 'checkin'])}")
        now = self.clock()
        values: dict[str, Any] = {"event": event}
        if detail:
            values["detail"] = detail
        return self.process({"sensor": "device", "resident": resident or self.resident,
                             "ts": now, "kind": "event", "values": values}, now)
