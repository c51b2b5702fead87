"""A small run of the alert benchmark through a real mosquitto (bench/alerts.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.alerts import BenchConfig, run_bench


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
