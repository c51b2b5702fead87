"""bench/e2e.py on a few utterances fed in real time through the device and a real
mosquitto: reply start and alert receipt measured from the end of speech."""

from __future__ import annotations

import json
from pathlib import Path

from bench.e2e import STAGES, SUMMARY_KEYS, run_bench
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker

SCRIPT = (("good morning", "greeting"), ("I fell down and I cannot get up", "fall_report"),
          ("what time is it", "time_query"))


def test_bench_e2e_reply_start_and_alert(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    report = run_bench(settings, tmp_path / "bench", repeats=1, script=SCRIPT)
    assert report["utterances"] == 3 and set(SUMMARY_KEYS) <= set(report)
    assert set(report["median_ms"]) == set(STAGES)
    # reply start covers the recognizer's final, the turn and the first sentence's audio
    for t in report["turns"]:
        assert t["reply_start_ms"] > 0
    assert report["reply_start_ms_p95"] >= report["reply_start_ms_p50"] > 0
    fall = report["turns"][1]
    if fall["alerts"]:  # the spoken fall alerted at once: the caregiver received it
        assert fall["alert_received_ms"] is not None and fall["alert_received_ms"] > 0
        assert report["alert_received_ms_p50"] is not None
    else:  # heard as doubtful: the device asked first, and no alert was sent
        assert fall["route"] in ("ask", "answer") and report["alerts"] == 0
    assert report["asr_engine"] == settings.asr.engine and report["threads"] >= 1
    assert report["machine"]["repeats"] == 1
    saved = json.loads((tmp_path / "bench" / "e2e.json").read_text())
    assert saved == report
    assert (tmp_path / "bench" / "e2e.png").stat().st_size > 1000
