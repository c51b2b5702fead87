"""Call requests on a real mosquitto, acknowledged by a stand-in caregiver app."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from device.calls import CallAnswer, CallService, calls_disabled
from device.replies import Action
from device.settings_home import CallSettings
from health.broker import EmbeddedBroker
from health.mqtt_settings import MqttSettings, make_client, start_subscriber

ANNA = Action("call", {"contact": "Anna", "relation": "daughter", "phone": "+44 7700 900123"})


class CaregiverApp:
    """A caregiver's phone app: receives call requests, acknowledges them."""

    def __init__(self, mqtt: MqttSettings) -> None:
        self.mqtt = mqtt
        self.requests: list[dict[str, Any]] = []
        self._subscribed = threading.Event()
        self.client = make_client(mqtt, f"app-{uuid.uuid4().hex[:8]}", clean=True)
        self.client.on_connect = lambda c, *a: c.subscribe(mqtt.topic("calls"), qos=1)
        self.client.on_subscribe = lambda *a: self._subscribed.set()
        self.client.on_message = lambda c, u, m: self.requests.append(json.loads(m.payload))

    def __enter__(self) -> CaregiverApp:
        start_subscriber(self.client, self.mqtt, self._subscribed, 10, "caregiver app")
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    def ack(self, call_id: str, payload: bytes) -> None:
        self.client.publish(self.mqtt.topic("calls", call_id, "ack"), payload, qos=1)


def wait_until(check: Callable[[], Any], timeout_s: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.05)
    return check()


@pytest.fixture
def mqtt(broker: EmbeddedBroker) -> MqttSettings:
    return MqttSettings(url=broker.url, prefix="care", home="flat2")


@pytest.fixture
def service(mqtt: MqttSettings, tmp_path: Path) -> Iterator[CallService]:
    svc = CallService(mqtt, tmp_path / "calls.sqlite", resident="Mary").start(wait_s=10)
    yield svc
    svc.stop()


def test_request_delivered_then_acknowledged(mqtt: MqttSettings,
                                             service: CallService) -> None:
    with CaregiverApp(mqtt) as app:
        out = service.execute(ANNA)
        assert (out.status, out.say) == ("done", "I have asked your daughter Anna to call you.")
        assert out.data["topic"] == "care/flat2/calls"
        [req] = wait_until(lambda: app.requests)
        assert req == {"id": out.data["id"], "contact": "Anna", "relation": "daughter",
                       "reason": "Mary asked you to call", "ts": req["ts"], "resident": "Mary",
                       "phone": "+44 7700 900123"}
        assert service.announcements() == []  # nobody has said they are calling yet
        app.ack(req["id"], json.dumps({"by": "Anna"}).encode())
        [said] = wait_until(service.announcements)
        app.ack(req["id"], b"")  # a re-sent ack is told once
        time.sleep(0.3)
    assert (said.status, said.say) == ("calling", "Anna is calling you now.")
    assert said.call.id == req["id"] and service.answers[req["id"]].by == "Anna"
    assert service.announcements() == []


def test_declined_malformed_and_unknown_acks(mqtt: MqttSettings,
                                             service: CallService) -> None:
    with CaregiverApp(mqtt) as app:
        first = service.execute(ANNA).data["id"]
        second = service.execute(Action("call", {"contact": "Tom"})).data["id"]
        app.ack(first, json.dumps({"status": "declined", "by": "Anna"}).encode())
        app.ack(second, b"not json")
        app.ack("call-0-unknown", b"")
        said: list[Any] = []

        def collect() -> bool:
            said.extend(service.announcements())
            return len(said) >= 2 and len(service.answers) == 3

        wait_until(collect)
    by_status = {a.status: a.say for a in said}
    assert by_status == {"declined": "Anna cannot call you just now, but has seen your request.",
                         "seen": "Tom has seen your request."}
    assert CallAnswer.from_message("x", b'{"status": "calling"}').status == "calling"
    with pytest.raises(ValueError, match="status"):
        CallAnswer.from_message("x", b'{"status": "maybe"}')


def test_unanswered_request_is_told_once(mqtt: MqttSettings, tmp_path: Path) -> None:
    now = [1_800_000_000.0]
    svc = CallService(mqtt, tmp_path / "calls.sqlite", CallSettings(answer_timeout_s=60),
                      clock=lambda: now[0]).start(wait_s=10)
    try:
        assert svc.execute(ANNA).status == "done"
        assert svc.announcements() == []
        now[0] += 61
        [late] = svc.announcements()
        assert late.status == "unanswered" and late.say.startswith(
            "Anna has not answered your request yet.")
        assert svc.announcements() == []
    finally:
        svc.stop()


def test_request_kept_while_broker_down_and_sent_after_restart(
        broker: EmbeddedBroker, mqtt: MqttSettings, tmp_path: Path) -> None:
    outbox = tmp_path / "calls.sqlite"
    broker.stop()
    svc = CallService(mqtt, outbox, CallSettings(broker_wait_s=0.3)).start(wait_s=0.2)
    try:
        out = svc.execute(ANNA)
    finally:
        svc.stop()
    assert out.status == "stored"
    assert out.say == ("I have saved your request and will ask your daughter Anna to call you "
                       "as soon as the connection is back.")
    broker.start()
    with CaregiverApp(mqtt) as app:
        again = CallService(mqtt, outbox).start(wait_s=10)
        try:
            got = wait_until(lambda: app.requests)
            assert again.flush(10)
        finally:
            again.stop()
    assert [r["id"] for r in got] == [out.data["id"]]


def test_unstorable_request_fails_plainly(service: CallService,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(service.outbox, "store", full)
    out = service.execute(ANNA)
    assert out.status == "failed" and out.say.startswith(
        "I could not send your request to your daughter Anna.")
    assert service.requests == {} and "disk is full" in out.data["error"]


def test_calls_disabled_and_no_contact(service: CallService) -> None:
    off = calls_disabled(ANNA)
    assert off.status == "skipped" and "cannot ask Anna" in off.say
    nobody = service.execute(Action("call", {}))
    assert nobody.status == "failed"
