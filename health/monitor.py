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
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .alerting import AlertService
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


@dataclass
class _Resident:
    vitals: dict[str, tuple[float, Any]] = field(default_factory=dict)
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
                now: float | None = None) -> list[Alert]:
        """Validate one reading, run the detectors, raise alerts; returns the alerts raised
        (suppressed ones are not returned). ``now``: arrival time, epoch seconds."""
        with self._lock:
            return self._process(reading, now)

    def _process(self, reading: dict[str, Any] | Reading | bytes | str,
                 now: float | None) -> list[Alert]:
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
            self.reject(exc)
            return []
        self.accepted += 1
        return self._raise(self.detect(r), r.resident, arrival, r.ts)

    def reject(self, exc: RejectedReading) -> None:
        """Count and log a rejected reading (also used by the MQTT ingest and replays)."""
        n = self.rejected[exc.reason] = self.rejected[exc.reason] + 1
        # the first few of each reason, then every 1000th, at WARNING; the rest at DEBUG
        level = logging.WARNING if n <= 5 or n % 1000 == 0 else logging.DEBUG
        log.log(level, "rejected reading (%s, %d so far): %s", exc.reason, n, exc.message)

    def detect(self, r: Reading) -> list[Finding]:
        st = self._state(r.resident)
        out: list[Finding] = []
        v = r.values
        if r.kind == "vitals":
            out.extend(self._vitals(st, r))
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
        inact = st.inactivity.check(r.ts) if st.inactivity is not None else None
        if inact is not None:
            out.append(inact)
        self.findings.extend(out)
        self.findings_total += len(out)
        return out

    def _vitals(self, st: _Resident, r: Reading) -> list[Finding]:
        for name, value in r.values.items():
            old = st.vitals.get(name)
            if old is None or r.ts >= old[0]:  # a late, older value does not replace a newer
                st.vitals[name] = (r.ts, value)
        cutoff = r.ts - self.config.vitals_valid_s
        obs = {k: val for k, (ts, val) in st.vitals.items() if ts >= cutoff}
        obs.setdefault("spo2_scale", self.spo2_scale(r.resident))
        res = score(Observation(**obs))
        st.last_news2 = res
        out: list[Finding] = []
        if res.news2 is not None:
            assert st.trend is not None
            trend = st.trend.add(r.ts, res.news2)
            if trend is not None:
                out.append(trend)
            risk, total, note = res.risk, res.news2, ""
        else:
            risk, total = res.partial_risk, res.partial_news2
            note = f" (incomplete: {', '.join(res.missing)} missing; at least this)"
        level = RISK_LEVEL.get(risk)
        if level is None:
            if res.news2 is not None:
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
            a = self.alerts.raise_alert(f.kind, f.level, f.reason, resident, news2=f.news2,
                                        key=f.key or None, origin_ts=arrival,
                                        event_ts=event_ts)
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

    def replay(self, readings: Iterable[dict[str, Any]], base: float | None = None) -> list[Alert]:
        """Play recorded readings through the monitor, each at its own time.

        Timestamps below 1e9 are relative seconds and are shifted to start at ``base``
        (default: now). Stale/future checks use the reading's own time, so old files replay.
        """
        start = self.clock() if base is None else base
        out: list[Alert] = []
        for raw in readings:
            ts = raw.get("ts") if isinstance(raw, dict) else None
            if isinstance(ts, (int, float)) and not isinstance(ts, bool) and 0 <= ts < 1e9:
                raw = {**raw, "ts": start + ts}
                ts = raw["ts"]
            now = float(ts) if isinstance(ts, (int, float)) and not isinstance(ts, bool) else None
            out.extend(self.process(raw, now))
        return out

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
