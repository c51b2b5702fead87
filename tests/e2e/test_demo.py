"""The walking skeleton: spoken utterances -> ASR -> intent -> dialogue -> reply WAVs, a
spoken fall and a NEWS2 deterioration delivered to a caregiver over a real mosquitto."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from device.demo import run_demo
from device.intent import default_model_dir
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker

ROOT = Path(__file__).resolve().parents[2]


def _model(keyword_model: Path) -> Path:
    """The shipped student when present, else the tiny keyword model."""
    shipped = default_model_dir()
    return shipped if (shipped / "model.onnx").is_file() else keyword_model


def test_demo_pipeline_delivers_fall_and_news2_alerts(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(_model(keyword_model))})
    lines: list[str] = []
    result = run_demo(settings, tmp_path / "out", say=lines.append)
    summary = result.summary()
    assert summary["utterances"] == summary["replies"] == 4
    assert result.flushed
    assert summary["alerts_received"] == summary["alerts_published"] >= 2
    by_kind = {a.kind: a for a in result.received}
    fall = by_kind["spoken_fall"]
    assert fall.level == "emergency" and fall.resident == "Mary"
    assert "Fall reported by Mary" in fall.reason
    news2 = by_kind["news2"]
    assert news2.news2 is not None and news2.news2 >= 5  # RCP: 5+ is the urgent trigger
    assert news2.level == "urgent" and news2.resident == "Mary"
    intents = [t.intent for t in result.turns]
    assert intents[2] == "fall_report"
    # a clear fall alerts in its own turn, with no confirmation question
    assert result.turns[2].alerts == (fall.id,) and result.turns[2].reply.expects is None
    for i, turn in enumerate(result.turns, 1):
        assert (tmp_path / "out" / f"utterance-{i:02d}.wav").is_file()
        assert turn.wav_out is not None and Path(turn.wav_out).stat().st_size > 1000
        assert {"asr", "intent", "dialogue", "tts", "total"} <= set(turn.timings_ms)
    assert any("[" in line and "alert" in line for line in lines)


def test_demo_cli_ends_with_json_line(broker: EmbeddedBroker, keyword_model: Path,
                                      tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    proc = subprocess.run(
        [sys.executable, "-m", "device", "demo", "--out", str(out), "--broker", broker.url,
         "--model", str(_model(keyword_model))],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    summary = json.loads(last)
    assert set(summary) == {"utterances", "replies", "alerts_published", "alerts_received",
                            "seconds"}
    assert summary["alerts_received"] == summary["alerts_published"] >= 2
    assert summary["utterances"] >= 3 and summary["seconds"] > 0
    assert len(list(out.glob("reply-*.wav"))) == summary["replies"]
