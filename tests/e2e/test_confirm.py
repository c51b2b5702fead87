"""Safety confirmation end to end: real intent models, a real mosquitto, the runtime's ticks.

A doubtful safety intent asks first; "no, I'm fine" cancels (logged, no page); "yes", no
answer or an unclear answer reaches the caregiver; a clear fall still alerts at once.
"""

from __future__ import annotations

import asyncio
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from device import safety
from device.confirm import EXPECTS
from device.dialogue import DialogueManager
from device.home import HomeServices
from device.intent import IntentModel, default_model_dir
from device.labels import SAFETY_LABELS
from device.pipeline import ActionExecutor, Assistant
from device.runtime import Runtime
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient

FALSE_ALARMS = ("incorrect", "that's very kind of you", "i've got a cough")
"""Ordinary sentences the safety-boosted shipped model has labelled as safety intents."""


def _events(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def shipped() -> IntentModel:
    folder = default_model_dir()
    if not (folder / "model.onnx").is_file():
        pytest.skip(f"no shipped intent model in {folder} (it is being rebuilt)")
    return IntentModel.load(folder)


def test_shipped_model_false_alarms_go_to_confirmation(shipped: IntentModel,
                                                       tmp_path: Path) -> None:
    """Routing only depends on the policy's thresholds, not on the model's exact scores."""
    settings = load_settings(example_config_path())
    confident = settings.safety.confident
    for text in FALSE_ALARMS:
        result = shipped.classify(text)
        executor = ActionExecutor("Mary", events_path=tmp_path / "events.jsonl")
        assistant = Assistant(shipped, DialogueManager(settings.care_plan,
                                                       safety=settings.safety), executor)
        turn = assistant.respond(text)
        assert (turn.intent, turn.score) == (result.intent, pytest.approx(result.score))
        assert not safety.is_safety_phrase(text)
        # an ordinary sentence must never page a caregiver at once (a symptom report's
        # own warning is not a call for help: docs/safety-path.md)
        alert = turn.reply.action("alert")
        assert alert is None or (result.intent == "symptom_report"
                                 and alert.data.get("type") == "symptom"), (
            f"{text!r} -> {result.intent} {result.score:.3f} >= safety.confident {confident}")
        if result.intent in SAFETY_LABELS and turn.safety != "answer":  # a denial is answered
            assert result.score < confident and turn.reply.expects == EXPECTS
            assert assistant.dialogue.pending_safety is not None
            assert "Do you need help" in turn.reply.text
            answer = assistant.respond("no, I'm fine")
            assert answer.reply.action("alert") is None
            assert assistant.dialogue.pending_safety is None
        else:
            assert assistant.dialogue.pending_safety is None
    kinds = [e.get("type") for e in _events(tmp_path / "events.jsonl")] \
        if (tmp_path / "events.jsonl").exists() else []
    assert "alert" not in kinds and kinds.count("safety_check") == kinds.count("safety_cancelled")
    fall = Assistant(shipped, DialogueManager(settings.care_plan, safety=settings.safety),
                     ActionExecutor("Mary")).respond("I fell down and I cannot get up")
    assert fall.intent == "fall_report" and fall.reply.action("alert") is not None


def test_confirmation_paths_reach_the_caregiver(broker: EmbeddedBroker, keyword_model: Path,
                                                 tmp_path: Path) -> None:
    # the keyword model scores single keywords about 0.95: below 0.99 they are doubtful
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model)},
        sets=["safety.confident=0.99"])
    home = HomeServices(settings, tmp_path / "state").start()
    caregiver = CaregiverClient(home.mqtt, client_id="confirm-caregiver", clean=True).start()
    now = [datetime(2026, 11, 30, 9, 0)]
    try:
        executor = ActionExecutor("Mary", alerts=home.alerts,
                                  events_path=tmp_path / "events.jsonl")
        dialogue = DialogueManager(settings.care_plan, clock=lambda: now[0],
                                   safety=settings.safety)
        assistant = Assistant(IntentModel.load(keyword_model), dialogue, executor)
        ask = assistant.respond("the floor is wet")
        assert ask.intent == "fall_report" and ask.alerts == ()
        assert ask.reply.text == "Did you fall, Mary? Do you need help?"
        cancel = assistant.respond("no I am fine")
        assert cancel.alerts == () and cancel.reply.action("event") is not None

        assert assistant.respond("the floor is slippery").alerts == ()
        confirmed = assistant.respond("yes")
        assert len(confirmed.alerts) == 1
        # the caregiver dealt with it: a later report opens a new episode (else suppressed)
        assert home.alerts.resolve("spoken_fall", "Mary")

        assert assistant.respond("is the floor cold").alerts == ()
        assert assistant.tick() is None
        now[0] = now[0].replace(second=20)
        timeout = assistant.tick()
        assert timeout is not None and timeout.source == "timeout" and len(timeout.alerts) == 1
        assert home.alerts.resolve("spoken_fall", "Mary")

        assert assistant.respond("the floor again").alerts == ()
        unclear = assistant.respond("turn on the kitchen light")
        assert len(unclear.alerts) == 1 and unclear.reply.action("home") is None
        assert home.alerts.resolve("spoken_fall", "Mary")

        clear = assistant.respond("I fell down and I cannot get up")
        assert len(clear.alerts) == 1

        assert home.alerts.flush(10.0)
        raised = [confirmed, timeout, unclear, clear]
        got = caregiver.wait_for(len(raised), timeout_s=10.0)
        by_id = {a.id: a for a in got}
        assert set(by_id) == {t.alerts[0] for t in raised}
        assert "confirmed" in by_id[confirmed.alerts[0]].reason
        assert "no answer within 20 s" in by_id[timeout.alerts[0]].reason
        assert "unclear answer" in by_id[unclear.alerts[0]].reason
        assert "cannot get up" in by_id[clear.alerts[0]].reason
        assert all(a.kind == "spoken_fall" for a in got)
        assert not any("the floor is wet" in a.reason for a in got)  # the cancelled one
        kinds = [(e["kind"], e.get("type")) for e in _events(tmp_path / "events.jsonl")]
        assert kinds.count(("event", "safety_check")) == 4
        assert kinds.count(("event", "safety_cancelled")) == 1
        assert kinds.count(("alert", "spoken_fall")) == 4
    finally:
        caregiver.stop()
        home.stop()


def test_runtime_times_out_an_unanswered_question(broker: EmbeddedBroker, keyword_model: Path,
                                                  tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")},
        sets=["safety.confident=0.99", "safety.confirm_timeout_s=1"])
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="rt-confirm",
                                clean=True).start()
    lines: list[str] = []
    stdin = io.StringIO("the floor is wet\nno I am fine\nis the floor cold\n")
    try:
        summary = asyncio.run(Runtime(settings, emit=lines.append, stdin=stdin,
                                      clock=datetime.now, tick_s=0.05).run())
        got = caregiver.wait_for(1, timeout_s=10.0)
    finally:
        caregiver.stop()
    turns = [json.loads(line) for line in lines if "heard" in line]
    assert [t["source"] for t in turns] == ["text", "text", "text", "timeout"]
    assert [bool(t["alerts"]) for t in turns] == [False, False, False, True]
    assert turns[0]["reply"]["expects"] == EXPECTS and turns[2]["reply"]["expects"] == EXPECTS
    assert summary["turns"] == 4 and summary["alerts_raised"] == 1 and summary["alerts_flushed"]
    assert len(got) == 1 and got[0].id == turns[3]["alerts"][0]
    assert got[0].kind == "spoken_fall" and "is the floor cold" in got[0].reason
    assert "no answer within 1 s" in got[0].reason or "device stopped" in got[0].reason
    events = _events(tmp_path / "out" / "events.jsonl")
    assert [e.get("type") for e in events] == ["safety_check", "safety_cancelled",
                                               "safety_check", "spoken_fall"]


def test_runtime_alerts_for_a_question_left_pending_by_the_last_run(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")},
        sets=["safety.confident=0.99"])
    first = DialogueManager(settings.care_plan, safety=settings.safety,
                            pending_path=tmp_path / "state" / "safety-pending.json")
    assert first.handle("fall_report", "the floor is wet", score=0.6).expects == EXPECTS
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="rt-restart",
                                clean=True).start()
    lines: list[str] = []
    try:  # the device restarts with nothing said
        summary = asyncio.run(Runtime(settings, emit=lines.append, stdin=io.StringIO(""),
                                      tick_s=0.05).run())
        got = caregiver.wait_for(1, timeout_s=10.0)
    finally:
        caregiver.stop()
    assert summary["alerts_raised"] == 1 and summary["alerts_flushed"]
    assert len(got) == 1 and "the floor is wet" in got[0].reason
    assert "before the device stopped" in got[0].reason
    assert not (tmp_path / "state" / "safety-pending.json").exists()
    assert json.loads(lines[0])["source"] == "timeout"
