"""Through the shipped intent model, a real alert service and a caregiver on a real
mosquitto: sentences that are not calls for help reach no caregiver and ask nothing; an
answer to "Do you need help?" is read as an answer; plain calls always reach the
caregiver, and the reply says so only once the alert is stored (docs/safety-path.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from device.careplan import CarePlan
from device.confirm import EXPECTS
from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.intent import IntentModel, default_model_dir
from device.pipeline import Assistant
from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from health.mqtt_settings import MqttSettings
from health.policy import EscalationPolicy

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"}]},
    resident="Mary")

NOT_CALLS = ("i haven't fallen today thank you", "no thanks i don't need an ambulance",
             "i'm fine no need to call anyone", "my brother fell off his bike last week",
             "i fell asleep during the film", "i'm dying for a cup of tea",
             "no i don't need help")
"""Issue 13's table: the shipped student took each for an emergency at 0.94..0.999."""

PLAIN_CALLS = ("help", "I've fallen", "call an ambulance", "I can't breathe")


def claims_help(text: str) -> bool:
    return bool(re.search(r"calling for help|I have told|help is on the way", text, re.I))


@pytest.fixture(scope="module")
def shipped() -> IntentModel:
    folder = default_model_dir()
    if not (folder / "model.onnx").is_file():
        pytest.skip(f"no shipped intent model in {folder} (it is being rebuilt)")
    return IntentModel.load(folder)


@pytest.fixture
def settings(broker: EmbeddedBroker) -> MqttSettings:
    return MqttSettings(broker.url, prefix="test", home="flat7")


@pytest.fixture
def service(settings: MqttSettings, tmp_path: Path) -> Iterator[AlertService]:
    svc = AlertService(settings, tmp_path / "outbox.sqlite",
                       escalation=EscalationPolicy(("Anna",))).start(wait_s=10)
    yield svc
    svc.stop()


@pytest.fixture
def caregiver(settings: MqttSettings) -> Iterator[CaregiverClient]:
    cg = CaregiverClient(settings, "carer-anna", clean=False).start()
    yield cg
    cg.stop()


def device(model: IntentModel, service: AlertService) -> Assistant:
    return Assistant(model, DialogueManager(PLAN),
                     ActionExecutor("Mary", alerts=service, plan=PLAN))


def test_sentences_that_are_not_calls_reach_no_caregiver(
        shipped: IntentModel, service: AlertService, caregiver: CaregiverClient) -> None:
    for text in NOT_CALLS:
        turn = device(shipped, service).respond(text)
        assert turn.safety in ("answer", "") and turn.alerts == (), (text, turn.say)
        assert turn.reply.expects != EXPECTS and not claims_help(turn.say), (text, turn.say)
    assert service.flush(5) and service.stats.raised == 0
    assert caregiver.wait_for(1, 1.0) == []


@pytest.mark.parametrize("answer", ["no, I don't need any help", "no thanks I'm fine",
                                   "no i don't need an ambulance", "i haven't fallen"])
def test_a_denial_of_the_question_is_never_answered_with_help(
        answer: str, shipped: IntentModel, service: AlertService) -> None:
    a = device(shipped, service)
    asked = a.dialogue.handle("emergency_help", "is the kettle on", score=0.5)
    assert asked.expects == EXPECTS
    turn = a.respond(answer)
    assert turn.alerts == () and not claims_help(turn.say), turn.say
    assert turn.reply.action("event").data["type"] == "safety_cancelled"
    assert a.dialogue.pending_safety is None and service.stats.raised == 0


def test_plain_calls_and_a_new_call_during_the_question_reach_the_caregiver(
        shipped: IntentModel, service: AlertService, caregiver: CaregiverClient) -> None:
    ids = []
    for text in PLAIN_CALLS:
        turn = device(shipped, service).respond(text)
        assert turn.safety == "alert" and len(turn.alerts) == 1, (text, turn.say)
        assert turn.say.endswith("I have told Anna.")
        ids += turn.alerts
    a = device(shipped, service)
    a.dialogue.handle("emergency_help", "is the kettle on", score=0.5)
    during = a.respond("help me")
    assert len(during.alerts) == 1 and during.say.endswith("I have told Anna.")
    ids += during.alerts
    got = caregiver.wait_for(len(ids), 10)
    assert sorted(x.id for x in got) == sorted(ids)


def test_a_hung_broker_is_not_told_of_as_a_caregiver_told(
        shipped: IntentModel, broker: EmbeddedBroker, service: AlertService,
        caregiver: CaregiverClient) -> None:
    """The broker stops answering (SIGSTOP) while the device's connection still looks up:
    the call for help is stored and the reply says so, not "I have told Anna"; once the
    broker answers again the caregiver receives the very alert the reply named."""
    import os
    import signal

    proc = broker._proc
    assert proc is not None and service.connected
    a = device(shipped, service)
    a.executor.told_wait_s = 0.5
    os.kill(proc.pid, signal.SIGSTOP)
    try:
        turn = a.respond("help")
        assert service.connected  # the client has not noticed: only the ack tells
    finally:
        os.kill(proc.pid, signal.SIGCONT)
    (outcome,) = [o for o in turn.outcomes if o.kind == "alert"]
    assert outcome.status == "stored" and "I have told" not in turn.say, turn.say
    assert "I have saved your call for help and will keep trying to reach Anna" in turn.say
    (got,) = caregiver.wait_for(1, 15)
    assert got.id == outcome.data["alert"] == turn.alerts[0]
    assert service.flush(10)


def test_an_acknowledged_call_is_told_at_once(
        shipped: IntentModel, service: AlertService, caregiver: CaregiverClient) -> None:
    """With a broker that answers, "I have told Anna" comes with the acknowledgement, long
    before the wait for it would end."""
    import time

    a = device(shipped, service)
    a.executor.told_wait_s = 30.0
    t0 = time.monotonic()
    turn = a.respond("help")
    assert turn.say.endswith("I have told Anna.") and time.monotonic() - t0 < 10
    assert service.acknowledged(a.executor.raised[-1].dedup_key, 0.0)
    assert not service.acknowledged("no-such-message", 0.05)
    (got,) = caregiver.wait_for(1, 10)
    assert got.id == turn.alerts[0]
