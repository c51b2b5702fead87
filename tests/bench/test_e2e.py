from __future__ import annotations

import json
from pathlib import Path

from bench.e2e import STAGES, run_bench
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker


def test_bench_e2e_reports_every_stage(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    report = run_bench(settings, tmp_path / "bench", repeats=1)
    assert report["turns"] == 4 and report["repeats"] == 1
    assert set(report["median_ms"]) == set(STAGES)
    assert all(report["p95_ms"][s] >= report["median_ms"][s] >= 0 for s in STAGES)
    assert report["median_ms"]["total"] >= report["median_ms"]["asr"]
    assert 0.0 <= report["intent_accuracy"] <= 1.0 and report["heard"]
    assert report["machine"]["cpus"] >= 1
    saved = json.loads((tmp_path / "bench" / "e2e.json").read_text())
    assert saved == report
    assert (tmp_path / "bench" / "e2e.png").stat().st_size > 1000
