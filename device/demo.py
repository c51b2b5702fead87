"""`eldercare demo`: the walking skeleton, a scripted morning end to end.

Spoken utterances (TTS WAVs) -> ASR -> intent -> dialogue -> reply WAVs; "I fell down"
raises a caregiver alert over MQTT; a replayed vital-signs stream crosses a NEWS2
threshold and raises another; a caregiver subscriber in the same process receives them.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from device.dialogue import DialogueManager
from device.home import HomeServices, read_replay, shift_to
from device.home_control import HomeController
from device.home_sim import SimulatedZigbeeDevice
from device.loaders import load_intent_model, make_recognizer, make_speaker
from device.pipeline import ActionExecutor, Assistant, Turn
from device.settings import Settings
from device.settings_home import HomeDevice, HomeSettings

__all__ = ["DEMO_SCRIPT", "DemoResult", "demo_replay_path", "run_demo"]

DEMO_SCRIPT = (
    "good morning",
    "have I taken my pills today",
    "I fell down and I cannot get up",
    "turn on the kitchen light",
)


DEMO_EXPECTED = ("greeting", "medication_query", "fall_report", "home_control")
"""The intent each scripted utterance should be understood as."""

RESIDENT_VOICE = "gmw/en-US"
"""espeak-ng voice that plays the resident (the reply voice comes from the settings)."""
RESIDENT_RATE = 160
"""Words per minute of the resident's voice."""


DEMO_HOME = HomeSettings(devices=(HomeDevice("kitchen light", "light", "kitchen",
                                             z2m="kitchen_light"),))
"""The home the demo switches when the settings configure none: a simulated Zigbee2MQTT
kitchen light on the demo's broker (docs/home-control.md)."""


def demo_replay_path() -> Path:
    """The shipped vital-signs replay: a resident slowly deteriorating over an hour."""
    return Path(__file__).resolve().parent / "configs" / "demo_vitals.jsonl"


@dataclass
class DemoResult:
    turns: list[Turn] = field(default_factory=list)
    published: list[Any] = field(default_factory=list)
    """Alerts raised and published (health.alerts.Alert)."""
    received: list[Any] = field(default_factory=list)
    """Of those, the ones the caregiver received."""
    flushed: bool = False
    """The broker acknowledged every alert."""
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {"utterances": len(self.turns),
                "replies": sum(1 for t in self.turns if t.say),
                "alerts_published": len(self.published),
                "alerts_received": len(self.received), "seconds": round(self.seconds, 2)}


class _Steps:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.t0 = time.perf_counter()

    def __call__(self, stage: str, message: str, ms: float | None = None) -> None:
        t = time.perf_counter() - self.t0
        took = f" ({ms:.0f} ms)" if ms is not None else ""
        self.say(f"[{t:6.2f}s] {stage:<9} {message}{took}")


def _remove_outbox(state_dir: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (state_dir / f"alerts-outbox.sqlite{suffix}").unlink(missing_ok=True)


def run_demo(settings: Settings, out_dir: Path, say: Callable[[str], None] = print,
             script: Sequence[str] = DEMO_SCRIPT, replay: Path | None = None,
             wait_s: float = 15.0, resident_voice: str = RESIDENT_VOICE,
             resident_rate: int = RESIDENT_RATE) -> DemoResult:
    """Play the scripted morning; returns what happened (see :class:`DemoResult`).

    Args:
        settings: device settings (mqtt.url null: an embedded mosquitto is started).
        out_dir: utterance and reply WAVs, events log, alert outbox.
        say: where step lines go.
        script: the resident's utterances, spoken with the TTS then recognized.
        replay: vital-signs JSON lines (default: the shipped deteriorating stream).
        wait_s: how long to wait for the broker and the caregiver, seconds.
        resident_voice, resident_rate: the TTS voice (espeak-ng id) and words per minute
            that speak the resident's utterances.
    """
    from health.caregiver import CaregiverClient

    step = _Steps(say)
    result = DemoResult()
    recorded = read_replay(replay or demo_replay_path())  # a bad file fails before anything
    out_dir.mkdir(parents=True, exist_ok=True)
    state = out_dir / "state"
    _remove_outbox(state)  # a fresh demo: nothing left over from an earlier run
    (out_dir / "events.jsonl").unlink(missing_ok=True)
    home = HomeServices(settings, state, broker_dir=out_dir / "mqtt")
    caregiver = None
    control: HomeController | None = None
    lamp: SimulatedZigbeeDevice | None = None
    t = time.perf_counter()
    try:
        home.start(connect_wait_s=wait_s)
        where = "embedded mosquitto" if home.broker is not None else "configured broker"
        step("broker", f"{where} at {home.url}", _since(t))
        t = time.perf_counter()
        caregiver = CaregiverClient(home.mqtt, client_id=f"demo-caregiver-{uuid.uuid4().hex[:8]}",
                                    clean=True, name="caregiver").start(timeout_s=wait_s)
        step("caregiver", f"subscribed to {home.mqtt.topic('alerts')}", _since(t))

        t = time.perf_counter()
        model = load_intent_model(settings, say=lambda m: step("model", m))
        step("intent", f"model {model.model_dir} ({len(model.labels)} labels)", _since(t))
        t = time.perf_counter()
        recognizer = make_recognizer(settings)
        step("asr", f"{settings.asr.engine} recognizer ready", _since(t))
        speaker = make_speaker(settings)
        resident = make_speaker(settings, voice=resident_voice, rate_wpm=resident_rate)
        home_settings = settings.home
        if not home_settings.devices:
            home_settings = DEMO_HOME
            lamp = SimulatedZigbeeDevice(home.mqtt, "kitchen_light").start(wait_s)
            step("home", f"simulated Zigbee2MQTT kitchen light on {lamp.topic}")
        control = HomeController(home_settings, home.mqtt).start(wait_s)
        dialogue = DialogueManager(settings.care_plan, safety=settings.safety,
                                   home=control.catalog)
        executor = ActionExecutor(settings.resident.name, alerts=home.alerts, speaker=speaker,
                                  events_path=out_dir / "events.jsonl", plan=settings.care_plan)
        executor.register("home", control.execute)
        assistant = Assistant(model, dialogue, executor, recognizer, speaker, out_dir,
                              safety_from_alternatives=settings.spoken.safety_from_alternatives,
                              understood_best=settings.spoken.understood_best,
                              sounds_like=settings.spoken.sounds_like,
                              fast_second_opinion=settings.asr.fast_second_opinion)
        for i, text in enumerate(script, 1):
            t = time.perf_counter()
            wav_in = resident.to_wav(text, out_dir / f"utterance-{i:02d}.wav")
            step("speak", f'resident says "{text}" -> {Path(wav_in).name}', _since(t))
            turn = assistant.hear(wav_in, stem=f"{i:02d}")
            result.turns.append(turn)
            ms = turn.timings_ms
            step("hear", f'ASR "{turn.heard}"', ms.get("asr"))
            origin = f' from ASR alternative {turn.from_alternative} "{turn.hypothesis}"' \
                if turn.from_alternative else ""
            step("intent", f"{turn.intent} ({turn.score:.2f}){origin}", ms.get("intent"))
            step("reply", f'"{turn.say}"', ms.get("dialogue"))
            _published(result, executor, step, ms.get("actions"))
            step("tts", f"reply audio {Path(turn.wav_out or '-').name}", ms.get("tts"))
        last = assistant.tick(force=True)  # a question left unanswered still alerts
        if last is not None:
            step("timeout", f'"{last.say}"', last.timings_ms.get("dialogue"))
            _published(result, executor, step, last.timings_ms.get("actions"))

        t = time.perf_counter()
        readings = shift_to(recorded, time.time())
        for reading in readings:
            raised = home.monitor.process(reading, now=float(reading["ts"]))
            news2 = home.monitor.news2()
            score = f"NEWS2 {news2.news2} ({news2.risk})" if news2 is not None else "no score"
            step("vitals", f"{reading.get('sensor', '?')}: {score}")
            for a in raised:
                result.published.append(a)
                step("alert", f"published {a.level} {a.kind} alert {a.id}: {a.reason}")
        step("vitals", f"replayed {len(readings)} readings", _since(t))

        t = time.perf_counter()
        result.flushed = home.alerts.flush(wait_s)
        keys = {a.dedup_key for a in result.published}
        got = caregiver.wait_for(len(keys), timeout_s=wait_s)
        result.received = [a for a in got if a.dedup_key in keys]
        for a in result.received:
            step("caregiver", f"received {a.level} {a.kind}: {a.reason}")
        step("caregiver", f"{len(result.received)} of {len(result.published)} alerts received",
             _since(t))
    finally:
        if caregiver is not None:
            caregiver.stop()
        if control is not None:
            control.stop()
        if lamp is not None:
            lamp.stop()
        home.stop()
        result.seconds = time.perf_counter() - step.t0
    return result


def _published(result: DemoResult, executor: ActionExecutor, step: _Steps,
               ms: float | None) -> None:
    for a in executor.raised[len(result.published):]:
        result.published.append(a)
        step("alert", f"published {a.level} {a.kind} alert {a.id}", ms)


def _since(t: float) -> float:
    return (time.perf_counter() - t) * 1000.0
