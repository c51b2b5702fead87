"""Store first, then clear (docs/safety-path.md): the pending safety question stays in the
state folder until its alert is in the outbox; a storage error keeps it (and the alert
service retries); an unwritable state folder does not stop the question."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from device.careplan import CarePlan
from device.confirm import EXPECTS
from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.pipeline import Assistant
from device.settings_sections import SafetySettings
from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.mqtt_settings import MqttSettings

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"}]},
    resident="Mary")
SETTINGS = SafetySettings(confirm=True, confident=0.9, confirm_timeout_s=20.0)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 19, 0)

    def __call__(self) -> datetime:
        return self.now


class Result:
    def __init__(self, intent: str, score: float) -> None:
        self.intent, self.score, self.scores = intent, score, {intent: score}


class Model:
    """Doubtful about safety until told otherwise."""

    def __init__(self) -> None:
        self.next = Result("emergency_help", 0.5)

    def classify(self, text: str) -> Result:
        return self.next


@pytest.fixture
def service(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[AlertService]:
    svc = AlertService(MqttSettings(broker.url, prefix="test", home="flat7"),
                       tmp_path / "outbox.sqlite", retry_s=0.5).start(wait_s=10)
    yield svc
    svc.outbox._db.execute("PRAGMA query_only=0")
    svc.stop()


def make(service: AlertService, pending: Path, clock: Clock) -> tuple[Assistant, Model]:
    model = Model()
    dm = DialogueManager(PLAN, clock=clock, safety=SETTINGS, pending_path=pending)
    return Assistant(model, dm, ActionExecutor("Mary", alerts=service, plan=PLAN)), model


@pytest.mark.parametrize("how", ["yes", "timeout"])
def test_question_is_kept_until_its_alert_is_stored(service: AlertService, tmp_path: Path,
                                                    how: str,
                                                    wait_until: Callable[..., bool]) -> None:
    clock = Clock()
    pending = tmp_path / "state" / "safety-pending.json"
    assistant, model = make(service, pending, clock)
    asked = assistant.respond("is the kettle on")
    assert asked.safety == "ask" and pending.is_file()
    service.outbox._db.execute("PRAGMA query_only=1")  # every write now fails in SQLite
    if how == "yes":
        model.next = Result("affirm", 0.9)
        turn = assistant.respond("yes")
    else:
        clock.now += timedelta(seconds=21)
        late = assistant.tick()
        assert late is not None
        turn = late
    (outcome,) = turn.outcomes
    assert outcome.status == "pending" and "told" not in turn.say
    assert assistant.dialogue.pending_safety is None  # answered: not asked again
    kept = json.loads(pending.read_text())
    assert kept["text"] == "is the kettle on"  # still on disk: a restart would alert again
    again = DialogueManager(PLAN, clock=clock, safety=SETTINGS, pending_path=pending)
    assert again.pending_safety is not None and again.pending_safety.text == "is the kettle on"
    assistant.tick()
    assert pending.is_file()  # still not stored
    service.outbox._db.execute("PRAGMA query_only=0")
    assert wait_until(lambda: not service.is_held(outcome.data["alert"]))
    assistant.tick()
    assert not pending.exists()
    assert service.flush(10)


def test_stored_alert_clears_the_question_at_once(service: AlertService,
                                                  tmp_path: Path) -> None:
    pending = tmp_path / "safety-pending.json"
    assistant, model = make(service, pending, Clock())
    assistant.respond("is the kettle on")
    model.next = Result("affirm", 0.9)
    turn = assistant.respond("yes")
    assert turn.outcomes[0].status == "done" and not pending.exists()


def test_an_unwritable_state_folder_still_asks_and_retries(
        service: AlertService, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "state"
    blocked.write_text("a file where the state folder should be")
    pending = blocked / "safety-pending.json"
    clock = Clock()
    assistant, model = make(service, pending, clock)
    with caplog.at_level(logging.ERROR, logger="device.confirm"):
        asked = assistant.respond("is the kettle on")
    assert asked.reply.expects == EXPECTS and asked.safety == "ask"
    assert "cannot update the pending safety check" in caplog.text
    blocked.unlink()  # the folder is writable again: the next tick writes the file
    assert assistant.tick() is None and pending.is_file()
    model.next = Result("deny", 0.9)
    denied = assistant.respond("no i'm fine")
    assert denied.reply.action("alert") is None and not pending.exists()
