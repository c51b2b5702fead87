"""The reply tells the truth about the alert, on a real mosquitto and a real SQLite outbox
(docs/safety-path.md): "I have told Anna" only once the alert is committed with the broker
there; "saved ... will keep trying" while the broker is down; "trying to reach" plus the
local alarm when the outbox cannot store it (the alert is held, published directly and
stored later). The resident's own repeated calls are never suppressed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from device.careplan import CarePlan
from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.intent import IntentModel
from device.pipeline import Assistant, Turn
from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from health.mqtt_settings import MqttSettings
from health.policy import EscalationPolicy

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"},
                  {"name": "Tom", "relation": "son", "phone": "+44 7700 900456"}]},
    resident="Mary")


class Clock:
    """One hand-moved clock for the dialogue (local time) and the alert service (epoch)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0)

    def __call__(self) -> datetime:
        return self.now

    def epoch(self) -> float:
        return self.now.timestamp()

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def settings(broker: EmbeddedBroker) -> MqttSettings:
    return MqttSettings(broker.url, prefix="test", home="flat7")


@pytest.fixture
def caregiver(settings: MqttSettings) -> Iterator[CaregiverClient]:
    cg = CaregiverClient(settings, "carer-anna", clean=False).start()
    yield cg
    cg.stop()


class Device:
    """The real turn pipeline over a real alert service; ``alarms`` counts the local
    alarm."""

    def __init__(self, settings: MqttSettings, model: Path, tmp_path: Path) -> None:
        self.clock = Clock()
        self.alarms = 0
        self.service = AlertService(settings, tmp_path / "outbox.sqlite",
                                    escalation=EscalationPolicy(("Anna", "Tom")),
                                    clock=self.clock.epoch, retry_s=0.5).start(wait_s=10)
        executor = ActionExecutor("Mary", alerts=self.service, plan=PLAN, alarm=self._alarm)
        self.assistant = Assistant(IntentModel.load(model),
                                   DialogueManager(PLAN, clock=self.clock), executor)

    def _alarm(self) -> bool:
        self.alarms += 1
        return True

    def say(self, text: str) -> Turn:
        return self.assistant.respond(text)


@pytest.fixture
def device(settings: MqttSettings, keyword_model: Path, tmp_path: Path) -> Iterator[Device]:
    d = Device(settings, keyword_model, tmp_path)
    yield d
    d.service.stop()


def fill_outbox(db: sqlite3.Connection) -> None:
    """A real SQLITE_FULL: cap the file at its size, then fill the outbox's pages."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")
    for size in (1000, 200, 40, 8):
        try:
            for i in range(10_000):
                db.execute("INSERT INTO outbox(key, topic, payload, created, confirmed) "
                           "VALUES (?, 't', ?, 0, 0)", (f"filler-{size}-{i}", b"x" * size))
        except sqlite3.OperationalError as exc:
            assert "full" in str(exc)


def test_stored_with_the_broker_there_says_told(device: Device,
                                                caregiver: CaregiverClient) -> None:
    turn = device.say("I fell down and I cannot get up")
    (outcome,) = turn.outcomes
    assert outcome.status == "done" and turn.say.endswith("I have told Anna.")
    assert turn.alerts == (outcome.data["alert"],)
    assert device.service.outbox.count_pending() <= 1  # committed before the reply
    got = caregiver.wait_for(1, 10)
    assert [a.id for a in got] == list(turn.alerts) and got[0].kind == "spoken_fall"


def test_broker_down_says_saved_and_keeps_trying(broker: EmbeddedBroker, device: Device,
                                                 caregiver: CaregiverClient,
                                                 wait_until: Callable[..., bool]) -> None:
    broker.stop()
    assert wait_until(lambda: not device.service.connected)
    turn = device.say("help me")
    (outcome,) = turn.outcomes
    assert outcome.status == "stored" and "told" not in turn.say
    assert turn.say.endswith("I have saved your call for help and will keep trying to reach "
                             "Anna.")
    assert device.service.outbox.count_pending() == 1 and device.alarms == 0
    broker.start()  # same port and persistence: the caregiver's session kept its subscription
    got = caregiver.wait_for(1, 30)
    assert [a.id for a in got] == list(turn.alerts) and got[0].kind == "help_request"


@pytest.mark.parametrize("fault", ["disk full", "read-only database"])
def test_outbox_cannot_store_holds_sends_directly_and_stores_later(
        fault: str, device: Device, caregiver: CaregiverClient,
        wait_until: Callable[..., bool]) -> None:
    db = device.service.outbox._db  # the service's own connection: a real SQLite error
    if fault == "disk full":
        fill_outbox(db)
    else:
        db.execute("PRAGMA query_only=1")
    turn = device.say("I fell down and I cannot get up")
    (outcome,) = turn.outcomes
    (aid,) = turn.alerts
    assert outcome.status == "pending" and "told" not in turn.say
    assert "I am trying to reach Anna and will keep trying." in turn.say
    assert "sounding the alarm" in turn.say and device.alarms == 1
    assert outcome.data["published_directly"] is True and outcome.data["error"]
    assert device.service.is_held(aid) and device.service.stats.held == 1
    # not dropped: the broker took it directly
    assert [a.id for a in caregiver.wait_for(1, 10)] == [aid]
    # the fault clears: the pump stores it, and it stays in the outbox until confirmed
    db.execute("PRAGMA query_only=0")
    db.execute("PRAGMA max_page_count=1000000")
    assert wait_until(lambda: not device.service.is_held(aid))
    check = sqlite3.connect(device.service.outbox.path)
    keys = [k for (k,) in check.execute("SELECT key FROM outbox WHERE key LIKE ?", (aid + "%",))]
    check.close()
    assert keys == [f"{aid}#0"]
    assert device.service.flush(10)
    assert len(caregiver.alerts) == 1  # the second publication was deduplicated


@pytest.mark.parametrize(("first", "second", "kind"), [
    ("I fell down and I cannot get up", "I fell again", "spoken_fall"),
    ("help me please", "help me", "help_request"),
])
def test_a_repeat_call_ten_minutes_after_an_acknowledged_one_reaches_the_caregiver(
        first: str, second: str, kind: str, device: Device,
        caregiver: CaregiverClient, wait_until: Callable[..., bool]) -> None:
    one = device.say(first)
    (a1,) = caregiver.wait_for(1, 10)
    assert a1.id == one.alerts[0] and a1.kind == kind
    caregiver.ack(a1.id)
    assert wait_until(lambda: (device.service.outbox.escalation_state(a1.id) or (0, None))[1]
                      is not None)
    device.clock.advance(600)
    two = device.say(second)
    (outcome,) = two.outcomes
    assert outcome.status == "done" and two.say.endswith("I have told Anna.")
    assert two.alerts and two.alerts != one.alerts
    got = caregiver.wait_for(2, 10)
    assert [a.id for a in got] == [one.alerts[0], two.alerts[0]]
    assert got[1].kind == kind and got[1].details["repeat"] == 1
    assert device.service.stats.suppressed == 0 and device.service.stats.repeats == 1


def test_sensor_alerts_keep_their_suppression(device: Device) -> None:
    svc = device.service
    assert svc.raise_alert("fall", "urgent", "fall sensor", "Mary", key="hall") is not None
    device.clock.advance(600)
    assert svc.raise_alert("fall", "urgent", "fall sensor", "Mary", key="hall") is None
    assert svc.stats.suppressed == 1


def test_only_the_residents_words_skip_suppression(device: Device) -> None:
    """A repeated symptom is sent again as a repeat; a repeated care-plan alert (same key)
    keeps the service's suppression and is reported as skipped, never as told."""
    from device.replies import Action

    ex = device.assistant.executor
    symptom = Action("alert", {"type": "symptom", "level": "warning", "reason": "unwell"})
    dose = Action("alert", {"type": "dose_unconfirmed", "level": "warning", "key": "08:00",
                            "reason": "morning pills not confirmed"})
    first = ex.run((symptom, dose))
    device.clock.advance(600)
    second = ex.run((symptom, dose))
    assert [o.status for o in first] == ["done", "done"]
    assert [o.status for o in second] == ["done", "skipped"] and second[1].say == ""
    assert device.service.stats.repeats == 1 and device.service.stats.suppressed == 1
