"""`eldercare bench e2e`: latency of each stage of a spoken turn, and of a spoken fall's
alert reaching a caregiver through mosquitto.

Stages per utterance: asr (WAV -> transcript), intent, dialogue, actions (alert stored and
handed to MQTT), tts (reply WAV), total; plus alert_delivery (raise -> caregiver receipt).
Medians and p95 over ``repeats`` passes of the demo script; one JSON line at the end, a
JSON report and (when matplotlib is installed) a PNG in the output folder.
"""

from __future__ import annotations

import json
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from bench.machine import machine_info
from device.demo import DEMO_EXPECTED, DEMO_SCRIPT, RESIDENT_RATE, RESIDENT_VOICE
from device.dialogue import DialogueManager
from device.home import HomeServices
from device.loaders import load_intent_model, make_recognizer, make_speaker
from device.pipeline import ActionExecutor, Assistant
from device.settings import Settings

__all__ = ["run_bench"]

STAGES = ("asr", "intent", "dialogue", "actions", "tts", "total")


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(q * (len(s) - 1))))], 2)


def _received_at(caregiver: Any, key: str, timeout_s: float) -> float | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if key in caregiver.received_at:
            return float(caregiver.received_at[key])
        time.sleep(0.002)
    return None


def run_bench(settings: Settings, out_dir: Path, repeats: int = 5,
              script: tuple[str, ...] = DEMO_SCRIPT,
              expected: tuple[str, ...] = DEMO_EXPECTED) -> dict[str, Any]:
    """Run the bench; returns the summary that the CLI prints as its last line."""
    from tqdm import tqdm

    from health.caregiver import CaregiverClient

    out_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        (out_dir / "state" / f"alerts-outbox.sqlite{suffix}").unlink(missing_ok=True)
    home = HomeServices(settings, out_dir / "state", broker_dir=out_dir / "mqtt").start()
    caregiver = CaregiverClient(home.mqtt, client_id=f"bench-{uuid.uuid4().hex[:8]}",
                                clean=True).start()
    try:
        model = load_intent_model(settings, say=lambda m: None)
        recognizer = make_recognizer(settings)
        speaker = make_speaker(settings)
        executor = ActionExecutor(settings.resident.name, alerts=home.alerts)
        assistant = Assistant(model, DialogueManager(settings.care_plan), executor, recognizer,
                              speaker, out_dir / "replies")
        resident = make_speaker(settings, voice=RESIDENT_VOICE, rate_wpm=RESIDENT_RATE)
        wavs = [resident.to_wav(t, out_dir / f"utterance-{i:02d}.wav")
                for i, t in enumerate(script, 1)]
        heard: list[tuple[str, str, bool]] = []
        per_stage: dict[str, list[float]] = {s: [] for s in STAGES}
        delivery: list[float] = []
        audio_s = 0.0
        from speech.audio import read_wav

        audio_s = sum(read_wav(w).seconds for w in wavs)
        for _ in tqdm(range(repeats), desc="bench e2e", unit="pass"):
            assistant.dialogue = DialogueManager(settings.care_plan)
            for i, wav in enumerate(wavs, 1):
                turn = assistant.hear(wav, stem=f"{i:02d}")
                heard.append((turn.heard, turn.intent, turn.intent == expected[i - 1]))
                for s in STAGES:
                    if s in turn.timings_ms:
                        per_stage[s].append(turn.timings_ms[s])
                for alert in (a for a in executor.raised if a.id in turn.alerts):
                    at = _received_at(caregiver, alert.dedup_key, timeout_s=10.0)
                    if at is not None:
                        delivery.append((at - alert.ts) * 1000.0)
                    home.alerts.resolve(alert.kind, alert.resident)  # next pass alerts anew
        report: dict[str, Any] = {
            "bench": "e2e", "utterances": len(script), "repeats": repeats,
            "turns": len(per_stage["total"]),
            "audio_seconds_per_pass": round(audio_s, 2),
            "median_ms": {s: round(statistics.median(v), 2) for s, v in per_stage.items() if v},
            "p95_ms": {s: _pct(v, 0.95) for s, v in per_stage.items() if v},
            "alert_delivery_ms_p50": round(statistics.median(delivery), 2) if delivery else None,
            "alerts": len(delivery),
            "intent_accuracy": round(sum(ok for _, _, ok in heard) / max(1, len(heard)), 3),
            "heard": sorted({f"{h} -> {i}" for h, i, _ in heard}),
            "asr_engine": settings.asr.engine, "intent_threads": settings.intent.threads,
            "machine": machine_info(),
        }
    finally:
        caregiver.stop()
        home.stop()
    (out_dir / "e2e.json").write_text(json.dumps(report, indent=1))
    _plot(report, out_dir / "e2e.png")
    return report


def _plot(report: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # the dev extra brings matplotlib; the device may not have it
        return
    stages = [s for s in STAGES if s != "total" and s in report["median_ms"]]
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.bar(stages, [report["median_ms"][s] for s in stages],
           yerr=[[0] * len(stages),
                 [report["p95_ms"][s] - report["median_ms"][s] for s in stages]],
           color="#4a7", capsize=4)
    ax.set_ylabel("ms per utterance (median, p95 bar)")
    ax.set_title(f"eldercare e2e, {report['machine']['cpus']} CPUs, "
                 f"total median {report['median_ms'].get('total', 0):.0f} ms")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
