"""Suppression windows run on the readings' own times: a fast replay of hours of readings
alerts as a caregiver would have been alerted live; live timing is unchanged."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from health.alerting import AlertService
from health.alerts import alert_id
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from health.monitor import HealthMonitor, MonitorConfig
from health.mqtt_settings import MqttSettings
from health.policy import SuppressionPolicy
from health.replay import read_replay, write_replay

ROOT = Path(__file__).resolve().parents[2]
# resp_rate 25 (3) + pulse 135 (3) + systolic 95 (2) = 8: high -> emergency
HIGH = {"resp_rate": 25, "spo2": 97, "on_oxygen": False, "systolic_bp": 95, "pulse": 135,
        "consciousness": "A", "temperature": 37.0}
T0 = 1_700_000_000.0  # an old recording (November 2023)
STEP_S = 60.0


def _sustained(t0: float, hours: float) -> list[dict[str, object]]:
    n = int(hours * 3600 / STEP_S)
    return [{"sensor": "wrist1", "resident": "r1", "ts": t0 + i * STEP_S, "kind": "vitals",
             "values": HIGH} for i in range(n + 1)]


def _expected_seqs(span_s: float, pol: SuppressionPolicy) -> int:
    """Alerts of one sustained, not worsening episode reported every STEP_S over span_s."""
    return 1 + int(span_s // pol.repeat_after_s)


def test_fast_replay_re_alerts_on_reading_time(broker: EmbeddedBroker, tmp_path: Path) -> None:
    pol = SuppressionPolicy()  # 30 min repeat, 15 min episode gap
    first = _sustained(T0, 3.0)
    # 20 quiet minutes (longer than the gap), then the condition is back: a new episode
    t1 = float(first[-1]["ts"]) + 20 * 60  # type: ignore[arg-type]
    second = _sustained(t1, 0.5)
    path = write_replay(tmp_path / "night.jsonl", first + second)

    settings = MqttSettings(broker.url, home="replay")
    cg = CaregiverClient(settings, "carer-replay", clean=True).start()
    svc = AlertService(settings, tmp_path / "o.db", suppression=pol,
                       discovery=False).start(wait_s=10)
    mon = HealthMonitor(svc, "r1", MonitorConfig())
    rows = list(read_replay(path))
    try:
        half = len(first) // 2
        raised = mon.replay(rows[:half])
        # the pump's housekeeping runs on the service clock (years after these readings):
        # it must not end the replayed episode half-way
        svc._save_episodes(every_s=0.0)
        raised += mon.replay(rows[half:])
        assert svc.flush(10)
        got = cg.wait_for(len(raised), 10)
    finally:
        svc.stop()
        cg.stop()

    n1 = _expected_seqs(3 * 3600, pol)
    n2 = _expected_seqs(0.5 * 3600, pol)
    assert n1 == 7 and n2 == 2  # 0, 30, ..., 180 min; then 0 and 30 min
    # ids are deterministic: the episode starts at the first reading's own time
    want = [alert_id("r1", "news2", "", T0, k) for k in range(1, n1 + 1)]
    want += [alert_id("r1", "news2", "", t1, k) for k in range(1, n2 + 1)]
    assert [a.id for a in raised] == want
    assert all(a.level == "emergency" and a.news2 == 8 for a in raised)
    # origin_ts (arrival) of a replayed reading is its own time: the re-alert spacing
    times = [a.origin_ts for a in raised[:n1]]
    assert [y - x for x, y in zip(times[:-1], times[1:], strict=True)] == (
        [pol.repeat_after_s] * (n1 - 1))
    assert [a.id for a in got] == want and cg.duplicates == 0
    assert svc.stats.suppressed == len(rows) - len(want)


def test_replay_cli_prints_the_alerts_a_caregiver_would_get(tmp_path: Path) -> None:
    rows = _sustained(T0, 3.0)
    # a second resident's reading, in its place in time (a replay checks times as live)
    rows.insert(2, {"sensor": "wrist1", "resident": "r2", "ts": T0 + 100, "kind": "vitals",
                    "values": {**HIGH, "spo2": 89, "resp_rate": 16}})
    path = write_replay(tmp_path / "night.jsonl", rows)
    runs = []
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "device.cli", "health", "replay", str(path), "--alerts",
             "--resident", "r1", "--spo2-scale-for", "r2=2"],
            capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert proc.returncode == 0, proc.stderr
        runs.append([json.loads(x) for x in proc.stdout.splitlines()])
    lines = runs[0]
    alerts, summary = lines[:-1], lines[-1]
    r1 = [a for a in alerts if a["resident"] == "r1"]
    assert [a["id"] for a in r1] == [alert_id("r1", "news2", "", T0, k) for k in range(1, 8)]
    assert [a["ts"] for a in r1] == [T0 + k * 1800 for k in range(7)]
    # r2 on scale 2: SpO2 89 scores 0, so pulse 3 + BP 2 = 5: medium -> urgent
    r2 = [a for a in alerts if a["resident"] == "r2"]
    assert [(a["level"], a["news2"]) for a in r2] == [("urgent", 5)]
    assert summary["alerts"] == len(alerts) == 8 and summary["rejected"] == {}
    assert summary["findings"] == len(rows)  # every reading found something; 8 got through
    assert runs[1] == runs[0]  # the same file gives the same alerts and ids

    bad = subprocess.run(
        [sys.executable, "-m", "device.cli", "health", "replay", str(path),
         "--spo2-scale-for", "r2=3"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "RESIDENT=1 or RESIDENT=2" in bad.stderr
    assert bad.stdout == ""


def test_live_timing_is_unchanged(tmp_path: Path) -> None:
    clock = [T0]
    pol = SuppressionPolicy(repeat_after_s=1800, episode_gap_s=900)
    settings = MqttSettings("mqtt://127.0.0.1:1", home="live")  # not started: timing only
    svc = AlertService(settings, tmp_path / "o.db", suppression=pol, discovery=False,
                       clock=lambda: clock[0])
    mon = HealthMonitor(svc, "r1", MonitorConfig(), clock=lambda: clock[0])
    raised_at: list[float] = []
    try:
        for i in range(50):  # a reading a minute, each arriving 2 s after it was taken
            clock[0] = T0 + i * STEP_S + 2.0
            got = mon.process({"sensor": "wrist1", "ts": clock[0] - 2.0, "kind": "vitals",
                               "values": HIGH})
            raised_at += [a.ts for a in got]
        # a late reading (taken before the newest one) neither re-alerts nor moves time back
        late = mon.process({"sensor": "wrist2", "ts": clock[0] - 200.0, "kind": "vitals",
                            "values": HIGH}, clock[0])
        assert late == []
        # stale and future readings are still rejected live
        mon.process({"sensor": "w", "ts": clock[0] - 3601.0, "kind": "vitals", "values": HIGH})
        mon.process({"sensor": "w", "ts": clock[0] + 6.0, "kind": "vitals", "values": HIGH})
        assert mon.rejected == {"stale": 1, "future": 1}
        # a device-raised alert without a reading time runs on the service clock
        first = svc.raise_alert("help_request", "emergency", "asked for help", "r1")
        clock[0] += 60
        again = svc.raise_alert("help_request", "emergency", "asked for help", "r1")
        assert again is not None and again.ts == clock[0]  # own calls are never suppressed
        assert first is not None and first.id == alert_id(
            "r1", "help_request", "", round(clock[0] - 60, 3), 1)
    finally:
        svc.stop()
    # alerts at 0 and 30 min of the 49-minute condition, stamped with the service clock
    assert raised_at == [T0 + 2.0, T0 + 1800 + 2.0]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1.0, True, "1700000000"])
def test_bad_event_time_is_refused_and_nothing_is_stored(tmp_path: Path, bad: object) -> None:
    svc = AlertService(MqttSettings("mqtt://127.0.0.1:1", home="x"), tmp_path / "o.db",
                       discovery=False)
    try:
        with pytest.raises(ValueError, match="event_ts must be seconds since the epoch"):
            svc.raise_alert("fall", "emergency", "fall", "r1", event_ts=bad)  # type: ignore
        assert svc.outbox.count_pending() == 0 and svc.stats.raised == 0
        ok = svc.raise_alert("fall", "emergency", "fall", "r1", event_ts=T0)
        assert ok is not None and ok.id == alert_id("r1", "fall", "", T0, 1)
    finally:
        svc.stop()


# resp_rate 25 (3) + spo2 94 (1) + systolic 95 (2) + pulse 135 (3) = NEWS2 9
NEWS2_9 = {**HIGH, "spo2": 94}
NORMAL = {"resp_rate": 16, "spo2": 97, "on_oxygen": False, "systolic_bp": 120, "pulse": 70,
          "consciousness": "A", "temperature": 37.0}


def _reading(ts: float, values: dict[str, object], sensor: str = "wrist1") -> dict[str, object]:
    return {"sensor": sensor, "resident": "r1", "ts": ts, "kind": "vitals", "values": values}


def _service(tmp_path: Path) -> AlertService:
    settings = MqttSettings("mqtt://127.0.0.1:1", home="order")  # never started
    return AlertService(settings, tmp_path / "o.db", discovery=False)


def test_a_year_ahead_reading_is_rejected_in_replay_as_live_and_silences_nothing(
        tmp_path: Path) -> None:
    year = 365 * 86400.0
    svc = _service(tmp_path)
    try:
        replay = HealthMonitor(svc, "r1")
        rows = [_reading(T0, NORMAL), _reading(T0 + year, NEWS2_9)]
        rows += [_reading(T0 + 600 * k, NEWS2_9) for k in range(1, 5)]
        raised = replay.replay(rows)
        assert replay.rejected == {"future": 1}
        # the first critical reading after it alerts; the rest are one sustained episode
        assert [(a.level, a.news2, a.origin_ts) for a in raised if a.kind == "news2"] == [
            ("emergency", 9, T0 + 600), ("emergency", 9, T0 + 1800 + 600)]
        live = HealthMonitor(svc, "r2", clock=lambda: T0)
        live.process({**_reading(T0 + year, NEWS2_9), "resident": "r2"}, T0)
        got = live.process({**_reading(T0 + 1, NEWS2_9), "resident": "r2"}, T0 + 2)
        assert live.rejected == {"future": 1} and [a.news2 for a in got] == [9]
    finally:
        svc.stop()


def test_a_mis_stamped_reading_inside_the_replay_gap_cannot_silence_later_alerts(
        tmp_path: Path) -> None:
    """One reading stamped 20 h ahead is accepted (inside replay_max_gap_s) but moves
    neither the replay's clock nor the alert windows of the readings after it."""
    svc = _service(tmp_path)
    try:
        mon = HealthMonitor(svc, "r1")
        rows = [_reading(T0 + 60 * k, NORMAL) for k in range(3)]
        rows += [_reading(T0 + 20 * 3600, NEWS2_9), _reading(T0 + 240, NEWS2_9)]
        raised = mon.replay(rows)
        assert mon.rejected == {} and mon.accepted == 5
        assert [a.origin_ts for a in raised if a.kind == "news2"] == [T0 + 20 * 3600, T0 + 240]
    finally:
        svc.stop()


def test_readings_in_any_order_late_one_alerts_and_says_it_is_late(tmp_path: Path) -> None:
    """A wearable that buffered while out of range: its NEWS2 9 reading, taken 30 s
    before a normal one that arrived first, alerts in its own time, stating it is late."""
    svc = _service(tmp_path)
    try:
        mon = HealthMonitor(svc, "r1", clock=lambda: T0 + 40)
        assert mon.process(_reading(T0 + 30, NORMAL), T0 + 31) == []
        late = mon.process(_reading(T0, NEWS2_9, "band"), T0 + 40)
        assert [(a.level, a.news2) for a in late] == [("emergency", 9)]
        assert "late reading" in late[0].reason and late[0].origin_ts == T0 + 40
        # the same file replayed in this order gives the same alert
        again = HealthMonitor(_service(tmp_path / "b"), "r1")
        try:
            got = again.replay([_reading(T0 + 30, NORMAL), _reading(T0, NEWS2_9, "band")])
            assert [(a.news2, "late reading" in a.reason) for a in got] == [(9, True)]
        finally:
            assert again.alerts is not None
            again.alerts.stop()
    finally:
        svc.stop()
