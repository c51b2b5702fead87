"""The text path end to end against a real mosquitto: intent -> dialogue -> alert -> caregiver."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from device.demo import demo_replay_path
from device.dialogue import DialogueManager
from device.home import HomeServices, read_replay
from device.intent import IntentModel
from device.pipeline import ActionExecutor, Assistant, Turn
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient


def test_spoken_fall_and_news2_reach_the_caregiver(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url,
                                                     "intent.model_dir": str(keyword_model)})
    home = HomeServices(settings, tmp_path / "state").start()
    caregiver = CaregiverClient(home.mqtt, client_id="test-caregiver", clean=True).start()
    try:
        executor = ActionExecutor("Mary", alerts=home.alerts,
                                  events_path=tmp_path / "events.jsonl")
        assistant = Assistant(IntentModel.load(keyword_model), DialogueManager(settings.care_plan),
                              executor)
        hello = assistant.respond("good morning")
        assert hello.intent == "greeting" and hello.alerts == ()
        fall = assistant.respond("I fell down and I cannot get up")
        assert fall.intent == "fall_report" and len(fall.alerts) == 1
        assert fall.say.endswith("I have told Anna.") and fall.outcomes[0].status == "done"
        assert Turn.from_json(json.loads(json.dumps(fall.to_json()))) == fall

        raised = []
        for reading in read_replay(demo_replay_path(), now=time.time()):
            raised += home.monitor.process(reading, now=float(reading["ts"]))
        news2 = [a for a in raised if a.kind == "news2"]
        assert len(news2) == 1 and news2[0].news2 >= 5 and news2[0].level == "urgent"
        assert home.alerts.flush(10.0)
        expected = len(fall.alerts) + len(raised)
        got = caregiver.wait_for(expected, timeout_s=10.0)
        assert len(got) == expected
        spoken = next(a for a in got if a.kind == "spoken_fall")
        assert spoken.id == fall.alerts[0]
        assert spoken.level == "emergency" and spoken.resident == "Mary"
        assert home.alerts.escalation.ladder == ("Anna", "Tom") and spoken.notify == "Anna"
        assert "cannot get up" in spoken.reason
        received_news2 = next(a for a in got if a.kind == "news2")
        assert received_news2.news2 is not None and received_news2.news2 >= 5
        events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
        assert [e["kind"] for e in events] == ["alert"] and events[0]["type"] == "spoken_fall"
    finally:
        caregiver.stop()
        home.stop()


def test_alert_survives_broker_outage(broker: EmbeddedBroker, keyword_model: Path,
                                      tmp_path: Path) -> None:
    """A fall reported while the broker is down is stored and delivered when it returns."""
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    home = HomeServices(settings, tmp_path / "state").start()
    caregiver = CaregiverClient(home.mqtt, client_id="outage-caregiver", clean=False).start()
    try:
        assistant = Assistant(IntentModel.load(keyword_model),
                              DialogueManager(settings.care_plan),
                              ActionExecutor("Mary", alerts=home.alerts))
        broker.stop()
        turn = assistant.respond("help me please I fell")
        assert turn.intent == "fall_report" and len(turn.alerts) == 1
        broker.start()
        assert home.alerts.flush(20.0)
        got = caregiver.wait_for(1, timeout_s=20.0)
        assert [a.id for a in got] == list(turn.alerts)
    finally:
        caregiver.stop()
        home.stop()


def test_model_fallback_order(keyword_model: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """No configured and no shipped model: a cached tiny build is used; with building off,
    a clear error says what to do."""
    import shutil

    import device.intent
    from device.loaders import load_intent_model

    monkeypatch.setattr(device.intent, "default_model_dir", lambda: tmp_path / "not-shipped")
    cache = tmp_path / "cache"
    shutil.copytree(keyword_model, cache / "intent-tiny" / "intent")
    settings = load_settings(None, {"intent.cache_dir": str(cache)})
    said: list[str] = []
    model = load_intent_model(settings, say=said.append)
    assert model.model_dir == cache / "intent-tiny" / "intent" and said == []
    assert model.classify("I fell down").intent == "fall_report"
    off = load_settings(None, {"intent.cache_dir": str(cache), "intent.build_if_missing": False})
    with pytest.raises(FileNotFoundError, match="build_if_missing"):
        load_intent_model(off)
