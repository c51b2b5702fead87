"""Small runs of the alert benchmark through a real mosquitto (bench/alerts.py) and of the
durable path against a bare QoS 1 publish (bench/alert_paths.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.alert_paths import PathsConfig, run_paths
from bench.alerts import BenchConfig, run_bench
from health.broker import EmbeddedBroker


def test_alert_benchmark_small_run(tmp_path: Path) -> None:
    cfg = BenchConfig(capacity_readings=2000, delivery_readings=3000, rate=2000.0, restarts=1,
                      down_s=0.2, repeats=2)
    result = run_bench(cfg, tmp_path / "out")
    s = result["summary"]
    for key in ("readings", "readings_per_s", "alerts_sent", "alerts_received", "lost",
                "duplicates", "latency_ms_p50", "latency_ms_p99", "broker_restarts"):
        assert key in s
    assert s["readings"] == 7000 and s["broker_restarts"] == 1
    assert s["alerts_sent"] > 10 and s["alerts_received"] == s["alerts_sent"]
    assert s["lost"] == 0 and s["duplicates"] == 0
    assert sum(s["rejected_delivery_phase"].values()) == 3000 // 200
    assert s["rejected_capacity_phase"] == 2 * 2000 // 200
    assert len(s["readings_per_s_runs"]) == 2
    saved = json.loads((tmp_path / "out" / "alerts.json").read_text())
    assert saved["summary"] == s
    assert saved["machine"]["repeats"] == 2 and saved["machine"]["commit"]
    assert (tmp_path / "out" / "alerts_latency.png").stat().st_size > 1000


def test_durable_path_against_bare_qos1(broker: EmbeddedBroker, tmp_path: Path) -> None:
    cfg = PathsConfig(steady=40, restart=100, kill=100, rate=200.0, down_s=0.4, settle_s=8.0)
    result = run_paths(broker, cfg, tmp_path)
    durable, bare = result["paths"]["durable"], result["paths"]["bare_qos1"]
    for scenario in ("steady", "broker_restart", "kill9", "kill9_outage"):
        assert durable[f"sent_{scenario}"] > 0 and bare[f"sent_{scenario}"] > 0
        assert durable[f"lost_{scenario}"] == 0  # the outbox keeps every alert it returned
        assert 0 <= bare[f"lost_{scenario}"] <= bare[f"sent_{scenario}"]
    assert durable["latency_ms_p50"] > 0 and bare["latency_ms_p50"] > 0
    assert result["latency_overhead_ms_p50"] == round(
        durable["latency_ms_p50"] - bare["latency_ms_p50"], 3)
