"""`eldercare health replay|watch` (the alert benchmark's tests: tests/bench)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.mqtt_settings import MqttSettings
from health.policy import EscalationPolicy
from health.replay import write_replay

ROOT = Path(__file__).resolve().parents[2]
VITALS = {"resp_rate": 16, "spo2": 97, "on_oxygen": False, "systolic_bp": 120, "pulse": 70,
          "consciousness": "A", "temperature": 37.0}


def _eldercare(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "device.cli", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_health_replay_prints_findings_and_counts_rejections(tmp_path: Path) -> None:
    rows = [{"sensor": "w", "ts": 600.0 * i, "kind": "vitals",
             "values": {**VITALS, "pulse": 70 + 30 * i}} for i in range(3)]  # 70, 100, 130
    rows.append({"sensor": "w", "ts": 1900.0, "kind": "vitals", "values": {"pulse": "fast"}})
    path = write_replay(tmp_path / "r.jsonl", rows)
    with path.open("a") as f:
        f.write("{broken\n")
    proc = _eldercare("health", "replay", str(path))
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 2  # there were bad lines
    assert [(x["kind"], x["level"], x["news2"]) for x in lines[:-1] if "kind" in x] == [
        ("news2_trend", "warning", 2)]
    # every bad line is answered with its number and reason
    assert [(x["line"], x["rejected"]) for x in lines[:-1] if "rejected" in x] == [
        (4, "wrong_type"), (5, "malformed_json")]
    assert lines[-1] == {"accepted": 3, "rejected": {"malformed_json": 1, "wrong_type": 1},
                         "findings": 1}
    missing = _eldercare("health", "replay", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_health_watch_receives_and_acknowledges(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = MqttSettings(broker.url, home="w1")
    svc = AlertService(settings, tmp_path / "o.db",
                       escalation=EscalationPolicy(("nurse", "son"), ack_timeout_s=600))
    svc.start(wait_s=10)
    watcher = subprocess.Popen(
        [sys.executable, "-m", "device.cli", "health", "watch", "--broker", broker.url,
         "--home", "w1", "--ack", "--count", "1", "--timeout", "30"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert watcher.stderr is not None
        assert "watching eldercare/w1/alerts" in watcher.stderr.readline()  # subscribed
        a = svc.raise_alert("fall", "emergency", "fall in the hall", "r1")
        out, err = watcher.communicate(timeout=60)
        assert watcher.returncode == 0, err
        assert json.loads(out.splitlines()[0])["id"] == a.id
        deadline = time.monotonic() + 10
        while svc.outbox.escalation_state(a.id)[1] is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert svc.outbox.escalation_state(a.id)[2] == "eldercare-caregiver"
    finally:
        if watcher.poll() is None:
            watcher.kill()
        svc.stop()
