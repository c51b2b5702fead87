"""`eldercare bench e2e`: from the end of an utterance to the first reply audio, and to the
alert received by a caregiver through mosquitto.

Each utterance of :data:`SCRIPT` is spoken once by the resident's voice into a WAV; each
pass feeds every WAV to the device's recognizer in 20 ms chunks at real time (as a
microphone would), then runs the device's turn (intent from the transcript's n-best, safety
decision, dialogue, actions) on a fresh dialogue. Clocks start when the last chunk is due
(the end of speech):

- ``reply_start``: until the first sentence of the reply is synthesized (the device plays
  replies sentence by sentence, speech.tts.Speaker.say);
- ``alert_received``: for turns that raise an alert, until the caregiver's client has it.

Ends with one JSON line (:data:`SUMMARY_KEYS`); e2e.json and e2e.png beside it.
"""

from __future__ import annotations

import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from bench.figures import percentile
from bench.machine import machine_info
from bench.results import write_json, write_png
from device.demo import RESIDENT_RATE, RESIDENT_VOICE
from device.dialogue import DialogueManager
from device.home import HomeServices
from device.loaders import load_intent_model, make_recognizer, make_speaker
from device.pipeline import ActionExecutor, Assistant
from device.settings import Settings

__all__ = ["SCRIPT", "STAGES", "SUMMARY_KEYS", "run_bench"]

SCRIPT: tuple[tuple[str, str], ...] = (
    ("good morning", "greeting"),
    ("have I taken my pills today", "medication_query"),
    ("I fell down and I cannot get up", "fall_report"),
    ("turn on the kitchen light", "home_control"),
    ("what time is it", "time_query"),
    ("please call my daughter", "call_family"),
    ("help me please I need an ambulance", "emergency_help"),
    ("thank you very much", "thanks"),
    ("remind me to drink water at three", "reminder_set"),
    ("I have a headache", "symptom_report"),
    ("I have fallen in the bathroom", "fall_report"),
    ("turn the volume up", "volume_up"),
    ("good night", "farewell"),
    ("I took my tablets", "medication_taken"),
    ("I feel a bit lonely today", "companionship"),
    ("yes please", "affirm"),
    ("stop", "stop"),
    ("can you say that again", "repeat"),
    ("what is the capital of France", "out_of_scope"),
    ("I can't breathe help me", "emergency_help"),
    ("turn off the kitchen light", "home_control"),
    ("no thank you", "deny"),
    ("I slipped and fell on the floor", "fall_report"),
    ("what should I eat for lunch", "advice_request"),
    ("turn the volume down", "volume_down"),
)
"""Utterances and the intent each should be understood as (25; a pass speaks them all)."""

STAGES = ("asr_final", "intent", "dialogue", "actions", "first_audio", "reply_start")
"""Per-turn stages (ms): the recognizer's final after the end of speech, the turn's intent,
dialogue and actions, the first reply sentence's synthesis, and their sum."""

SUMMARY_KEYS = ("utterances", "reply_start_ms_p50", "reply_start_ms_p95",
                "alert_received_ms_p50", "alert_received_ms_p95", "threads", "asr_engine")
"""The keys of the JSON line `eldercare bench e2e` ends with (the contract)."""

CHUNK_S = 0.02


def _feed_real_time(recognizer: Any, samples: Any, rate: int) -> float:
    """Feed int16 samples in 20 ms chunks, each no earlier than its time in the audio;
    returns the wall time (time.time) at which the last chunk was due: the end of speech."""
    step = int(rate * CHUNK_S)
    t0 = time.monotonic()
    wall0 = time.time()
    for i in range(0, len(samples), step):
        due = t0 + i / rate
        lag = due - time.monotonic()
        if lag > 0:
            time.sleep(lag)
        recognizer.accept(samples[i:i + step].tobytes())
    end = wall0 + len(samples) / rate
    lag = end - time.time()
    if lag > 0:
        time.sleep(lag)
    return end


def _received_at(caregiver: Any, key: str, timeout_s: float) -> float | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if key in caregiver.received_at:
            return float(caregiver.received_at[key])
        time.sleep(0.001)
    return None


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def run_bench(settings: Settings, out_dir: Path, repeats: int = 2,
              script: tuple[tuple[str, str], ...] = SCRIPT) -> dict[str, Any]:
    """Run ``repeats`` passes over ``script``; returns the report whose summary keys
    (:data:`SUMMARY_KEYS`) the CLI prints as its last line. Writes e2e.json and e2e.png."""
    import shutil
    import tempfile

    from health.caregiver import CaregiverClient
    from speech.audio import read_wav

    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="eldercare-e2e-"))  # WAVs, outbox, broker files
    home = HomeServices(settings, work / "state", broker_dir=work / "mqtt").start()
    caregiver = CaregiverClient(home.mqtt, client_id=f"bench-{uuid.uuid4().hex[:8]}",
                                clean=True).start()
    try:
        model = load_intent_model(settings, say=lambda m: None)
        recognizer = make_recognizer(settings)
        voice = make_speaker(settings)
        executor = ActionExecutor(settings.resident.name, alerts=home.alerts)
        resident = make_speaker(settings, voice=RESIDENT_VOICE, rate_wpm=RESIDENT_RATE)
        rate = recognizer.sample_rate
        clips = [read_wav(resident.to_wav(t, work / f"utterance-{i:02d}.wav"), rate)
                 for i, (t, _) in enumerate(script, 1)]
        stages: dict[str, list[float]] = {s: [] for s in STAGES}
        alert_ms: list[float] = []
        turns: list[dict[str, Any]] = []
        for _ in range(repeats):
            for (text, expected), clip in zip(script, clips, strict=True):
                # a fresh dialogue each time: every utterance is a first turn
                assistant = Assistant(model, DialogueManager(settings.care_plan), executor,
                                      recognizer, None, None)
                end = _feed_real_time(recognizer, clip.samples, rate)
                t0 = time.perf_counter()
                transcript = recognizer.final()
                asr_ms = (time.perf_counter() - t0) * 1000.0
                turn = assistant.respond_transcript(transcript, source="bench")
                t1 = time.perf_counter()
                first = next(voice.speaker.sentences(turn.say), None) if turn.say else None
                audio_ms = (time.perf_counter() - t1) * 1000.0 if first is not None else 0.0
                reply_start = (time.time() - end) * 1000.0
                # fast-path words the model was not sure of were asked about: Whisper's
                # second opinion, taken once the reply starts (as the runtime does), may alert
                second = assistant.hear_second_opinion()[1]
                raised = set(turn.alerts) | set(second.alerts if second is not None else ())
                for s in ("intent", "dialogue", "actions"):
                    stages[s].append(turn.timings_ms.get(s, 0.0))
                stages["asr_final"].append(asr_ms)
                stages["first_audio"].append(audio_ms)
                stages["reply_start"].append(reply_start)
                received = None
                for alert in (a for a in executor.raised if a.id in raised):
                    at = _received_at(caregiver, alert.dedup_key, timeout_s=10.0)
                    if at is not None:
                        received = (at - end) * 1000.0
                        alert_ms.append(received)
                    home.alerts.resolve(alert.kind, alert.resident)  # the next pass alerts anew
                turns.append({"said": text, "heard": turn.heard, "intent": turn.intent,
                              "expected": expected, "route": turn.safety,
                              "second_opinion_alert": second is not None,
                              "alerts": len(raised), "reply_start_ms": _round(reply_start),
                              "alert_received_ms": _round(received)})
    finally:
        caregiver.stop()
        home.stop()
        shutil.rmtree(work, ignore_errors=True)
    summary = {
        "utterances": len(turns),
        "reply_start_ms_p50": _round(percentile(stages["reply_start"], 50)),
        "reply_start_ms_p95": _round(percentile(stages["reply_start"], 95)),
        "alert_received_ms_p50": _round(percentile(alert_ms, 50)),
        "alert_received_ms_p95": _round(percentile(alert_ms, 95)),
        "threads": settings.intent.threads, "asr_engine": settings.asr.engine,
    }
    report: dict[str, Any] = {
        **summary, "bench": "e2e", "repeats": repeats, "script": len(script),
        "alerts": len(alert_ms),
        "intent_accuracy": round(sum(t["intent"] == t["expected"] for t in turns)
                                 / max(1, len(turns)), 3),
        "median_ms": {s: round(statistics.median(v), 1) for s, v in stages.items() if v},
        "p95_ms": {s: _round(percentile(v, 95)) for s, v in stages.items() if v},
        "audio_seconds_per_pass": round(sum(c.seconds for c in clips), 2),
        "turns": turns,
        "machine": machine_info(threads=settings.intent.threads, repeats=repeats),
    }
    write_json("e2e", report, out_dir)
    write_png("e2e", lambda ax: _plot(ax, stages, alert_ms), out_dir)
    return report


def _plot(ax: Any, stages: dict[str, list[float]], alert_ms: list[float]) -> None:
    data = [stages["reply_start"], alert_ms]
    labels = [f"end of speech -> first reply audio (n={len(data[0])})",
              f"end of speech -> caregiver has the alert (n={len(data[1])})"]
    ax.boxplot([d or [0.0] for d in data], vert=False, showfliers=True)
    ax.set_yticks([1, 2], labels, fontsize=8)
    ax.set_xlabel("ms")
    ax.set_title("eldercare e2e: audio fed in real time")
