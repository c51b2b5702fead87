"""Readings over MQTT (project JSON and Zigbee2MQTT) -> monitor -> alerts -> caregiver."""

from __future__ import annotations

import json
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from health.ingest import SensorIngest
from health.monitor import HealthMonitor, MonitorConfig
from health.mqtt_settings import MqttSettings, make_client

VITALS = {"resp_rate": 16, "spo2": 97, "on_oxygen": False, "systolic_bp": 120, "pulse": 70,
          "consciousness": "A", "temperature": 37.0}


def _publish(client: mqtt.Client, topic: str, payload: object) -> None:
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    client.publish(topic, data, qos=1).wait_for_publish(5)


def test_sensor_topics_to_caregiver_alerts(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = MqttSettings(broker.url, prefix="eldercare", home="h1")
    cg = CaregiverClient(settings, "carer", clean=False).start()
    svc = AlertService(settings, tmp_path / "outbox.db", discovery=False).start(wait_s=10)
    mon = HealthMonitor(svc, "r1", sensor_residents={"radar_bedroom": "r2"})
    ingest = SensorIngest(settings, mon).start()
    sensor = make_client(settings)
    sensor.connect(settings.host, settings.port)
    sensor.loop_start()
    try:
        now = time.time()
        topic = settings.topic("sensors", "wrist1")
        _publish(sensor, topic, {"sensor": "wrist1", "resident": "r1", "ts": now,
                                 "kind": "vitals", "values": VITALS})
        # sensor name taken from the topic when the payload has none
        _publish(sensor, topic, {"resident": "r1", "ts": now + 0.1, "kind": "vitals",
                                 "values": {"resp_rate": 26, "spo2": 90}})  # 3 + 3 = 6: medium
        _publish(sensor, topic, b"{garbage")
        _publish(sensor, topic, {"sensor": "wrist1", "ts": now - 7200, "kind": "vitals",
                                 "values": {"pulse": 70}})
        _publish(sensor, "zigbee2mqtt/radar_bedroom", {"presence": True,
                                                      "fall_down_status": "fall"})
        _publish(sensor, "zigbee2mqtt/radar_bedroom", {"presence": True,
                                                      "fall_down_status": "fall"})  # repeat
        _publish(sensor, "zigbee2mqtt/hall", {"occupancy": "maybe"})
        _publish(sensor, "zigbee2mqtt/bridge/state", {"state": "online"})
        _publish(sensor, "zigbee2mqtt/radar_bedroom/availability", {"state": "online"})
        _publish(sensor, "zigbee2mqtt/upstairs/pir", {"occupancy": True})
        got = cg.wait_for(2, 10)
        by_kind = {a.kind: a for a in got}
        assert set(by_kind) == {"news2", "fall"}
        assert by_kind["news2"].level == "urgent" and by_kind["news2"].news2 == 6
        assert by_kind["news2"].resident == "r1" and "medium" in by_kind["news2"].reason
        assert by_kind["fall"].resident == "r2" and by_kind["fall"].level == "emergency"
        assert by_kind["news2"].origin_ts is not None
        deadline = time.monotonic() + 5
        while (sum(mon.rejected.values()) < 3 or ingest.messages < 10) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.02)
        assert mon.rejected == {"malformed_json": 1, "stale": 1, "wrong_type": 1}
        assert ingest.messages == 10
        assert ingest.rejected == mon.rejected and ingest.errors == 0
        assert ingest.ignored == 2 and ingest.healthy()  # bridge state, availability
        assert mon.accepted == 7  # 2 vitals, 2 x (presence + fall), the nested-name PIR
        time.sleep(0.2)
        assert len(cg.alerts) == 2  # the repeated fall state was suppressed
    finally:
        sensor.disconnect()
        sensor.loop_stop()
        ingest.stop()
        svc.stop()
        cg.stop()


def test_monitor_levels_recovery_and_new_episode(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = MqttSettings(broker.url, home="h2")
    cg = CaregiverClient(settings, "carer2", clean=True).start()
    svc = AlertService(settings, tmp_path / "o.db", discovery=False).start(wait_s=10)
    t = [1_800_000_000.0]
    mon = HealthMonitor(svc, "r1", MonitorConfig(check_time=False), clock=lambda: t[0])
    try:
        def vitals(**v: object) -> list:
            t[0] += 60
            alerts = mon.process({"sensor": "w", "ts": t[0], "kind": "vitals",
                                  "values": {**VITALS, **v}})
            trends.extend(a for a in alerts if a.kind == "news2_trend")
            return [a for a in alerts if a.kind == "news2"]

        trends: list = []

        assert vitals() == []  # NEWS2 0
        assert [a.level for a in vitals(resp_rate=25)] == ["warning"]  # single 3: low-medium
        assert vitals(resp_rate=25) == []  # sustained
        high = vitals(resp_rate=25, pulse=135, systolic_bp=95)  # 3 + 3 + 2 = 8: high
        assert [a.level for a in high] == ["emergency"]
        assert vitals() == []  # recovered: the episode ends
        again = vitals(resp_rate=25)
        assert [a.level for a in again] == ["warning"] and again[0].id.endswith("-1")
        assert [a.reason for a in trends] == ["NEWS2 rising from 0 to 3 in 2 min",
                                              "NEWS2 rising from 0 to 8 in 3 min"]
        partial = HealthMonitor(svc, "r9", MonitorConfig(check_time=False))
        got = partial.process({"sensor": "w", "ts": t[0], "kind": "vitals",
                               "values": {"spo2": 85, "pulse": 135}})
        assert [a.level for a in got] == ["urgent"]  # incomplete, but already 6: medium
        assert "incomplete" in got[0].reason
        assert len(cg.wait_for(6, 10)) == 6
    finally:
        svc.stop()
        cg.stop()


def test_vitals_combine_over_time_and_late_values_do_not_override() -> None:
    t0 = 1_800_000_000.0
    mon = HealthMonitor(None, "r1", MonitorConfig(check_time=False, vitals_valid_s=600))
    mon.process({"sensor": "w", "ts": t0, "kind": "vitals", "values": VITALS})
    mon.process({"sensor": "bp", "ts": t0 + 60, "kind": "vitals", "values": {"systolic_bp": 95}})
    res = mon.news2("r1")
    assert res is not None and res.news2 == 2 and res.parameters["systolic_bp"] == 2
    # a delayed reading from before the last one does not replace the newer value
    mon.process({"sensor": "bp", "ts": t0 + 30, "kind": "vitals", "values": {"systolic_bp": 85}})
    assert mon.news2("r1").parameters["systolic_bp"] == 2
    # 11 minutes later the first set has expired: only the blood pressure is current
    mon.process({"sensor": "bp", "ts": t0 + 661, "kind": "vitals", "values": {"systolic_bp": 95}})
    late = mon.news2("r1")
    assert late.news2 is None and late.parameters == {"systolic_bp": 2}
    assert "pulse" in late.missing


def test_care_plan_spo2_scale_2() -> None:
    t0 = 1_800_000_000.0
    mon = HealthMonitor(None, "r1", MonitorConfig(check_time=False, spo2_scale=2))
    mon.process({"sensor": "w", "ts": t0, "kind": "vitals", "values": {**VITALS, "spo2": 89}})
    assert mon.news2("r1").news2 == 0  # 89 % is on target for a hypercapnic resident
    plain = HealthMonitor(None, "r1", MonitorConfig(check_time=False))
    plain.process({"sensor": "w", "ts": t0, "kind": "vitals", "values": {**VITALS, "spo2": 89}})
    assert plain.news2("r1").news2 == 3


# resp_rate 25 (3) + spo2 94 (1) + systolic 95 (2) + pulse 135 (3) = NEWS2 9
NEWS2_9 = {"resp_rate": 25, "spo2": 94, "on_oxygen": False, "systolic_bp": 95, "pulse": 135,
           "consciousness": "A", "temperature": 37.0}


def test_deep_json_cannot_stop_the_ingest(broker: EmbeddedBroker, tmp_path: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    """`[` x 100,000 on the sensor topic, then a NEWS2 9 reading: the caregiver is alerted,
    the bad message is set aside and answered, and it is not redelivered at the next start."""
    settings = MqttSettings(broker.url, home="deep")
    cg = CaregiverClient(settings, "carer-deep", clean=True).start()
    svc = AlertService(settings, tmp_path / "o.db", discovery=False).start(wait_s=10)
    mon = HealthMonitor(svc, "r1")
    letters = tmp_path / "state" / "dead-letters.jsonl"
    ingest = SensorIngest(settings, mon, dead_letter=letters).start()
    notices: list[dict] = []
    watcher = make_client(settings)
    watcher.on_message = lambda c, u, m: notices.append(json.loads(m.payload))
    watcher.connect(settings.host, settings.port)
    watcher.subscribe(settings.topic("rejected"), qos=1)
    watcher.loop_start()
    sensor = make_client(settings)
    sensor.connect(settings.host, settings.port)
    sensor.loop_start()
    try:
        time.sleep(0.3)  # the watcher's subscription
        topic = settings.topic("sensors", "wrist1")
        _publish(sensor, topic, b"[" * 100_000)
        _publish(sensor, topic, {"sensor": "wrist1", "resident": "r1", "ts": time.time(),
                                 "kind": "vitals", "values": NEWS2_9})
        got = cg.wait_for(1, 10)
        assert [(a.kind, a.level, a.news2) for a in got] == [("news2", "emergency", 9)]
        deadline = time.monotonic() + 5
        while ingest.accepted < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ingest.rejected == {"too_deep": 1} and ingest.errors == 0
        assert ingest.accepted == 1 and ingest.healthy()
        stored = ingest.dead_letters.read() if ingest.dead_letters else []
        assert [(d["reason"], d["payload_bytes"]) for d in stored] == [("too_deep", 100_000)]
        deadline = time.monotonic() + 5
        while not notices and time.monotonic() < deadline:
            time.sleep(0.02)
        assert notices and notices[0]["reason"] == "too_deep" and notices[0]["topic"] == topic
        assert f"rejected reading from {topic} (too_deep, 1 so far)" in caplog.text
    finally:
        ingest.stop()
    # the same persistent session again: the bad message was acknowledged, not redelivered
    again = SensorIngest(settings, mon, dead_letter=letters).start()
    try:
        time.sleep(0.5)
        assert again.messages == 0 and again.healthy()
    finally:
        again.stop()
        for c in (sensor, watcher):
            c.disconnect()
            c.loop_stop()
        svc.stop()
        cg.stop()


class _BrokenOnce(HealthMonitor):
    """A monitor whose detectors fail on one reading (a defect the ingest must survive)."""

    def detect(self, r, arrival=None):  # type: ignore[no-untyped-def]
        if r.sensor == "breaks":
            raise KeyError("a defect in a detector")
        return super().detect(r, arrival)


def test_a_failing_message_is_counted_set_aside_and_the_next_one_alerts(
        broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = MqttSettings(broker.url, home="fail")
    cg = CaregiverClient(settings, "carer-fail", clean=True).start()
    svc = AlertService(settings, tmp_path / "o.db", discovery=False).start(wait_s=10)
    mon = _BrokenOnce(svc, "r1")
    ingest = SensorIngest(settings, mon, dead_letter=tmp_path / "dl.jsonl").start()
    sensor = make_client(settings)
    sensor.connect(settings.host, settings.port)
    sensor.loop_start()
    try:
        now = time.time()
        _publish(sensor, settings.topic("sensors", "breaks"),
                 {"resident": "r1", "ts": now, "kind": "vitals", "values": {"pulse": 70}})
        deadline = time.monotonic() + 5
        while ingest.errors == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ingest.errors == 1 and not ingest.healthy()
        assert "KeyError" in (ingest.last_error or "")
        _publish(sensor, settings.topic("sensors", "wrist1"),
                 {"resident": "r1", "ts": now + 1, "kind": "vitals", "values": NEWS2_9})
        assert [a.news2 for a in cg.wait_for(1, 10)] == [9]
        deadline = time.monotonic() + 5
        while not (ingest.accepted and ingest.healthy()) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ingest.healthy() and ingest.dead_lettered == 1
        assert ingest.counters()["errors"] == 1
    finally:
        sensor.disconnect()
        sensor.loop_stop()
        ingest.stop()
        svc.stop()
        cg.stop()


def test_dead_letter_store_is_bounded(tmp_path: Path) -> None:
    from health.ingest import DeadLetters

    dl = DeadLetters(tmp_path / "dl.jsonl", max_bytes=20_000, max_payload=1000)
    for i in range(200):
        dl.add("eldercare/h/sensors/x", b"\xff" * 5000, "bad_encoding", f"n{i}", float(i))
    total = sum(p.stat().st_size for p in tmp_path.iterdir())
    assert total <= 2 * 20_000 and len(list(tmp_path.iterdir())) == 2
    kept = dl.read()
    assert kept[-1]["error"] == "n199" and dl.stored == 200
    assert all(len(d["payload"]) == 4000 for d in kept)  # 1000 bytes, each as \xff


def test_a_late_reading_is_scored_in_its_own_time_and_alerts() -> None:
    """A NEWS2 9 reading that arrives after a normal one taken 30 s later still alerts."""
    t0 = 1_800_000_000.0
    mon = HealthMonitor(None, "r1", clock=lambda: t0 + 40)
    mon.process({"sensor": "w", "ts": t0 + 30, "kind": "vitals", "values": VITALS}, t0 + 31)
    assert mon.news2("r1").news2 == 0
    mon.process({"sensor": "w", "ts": t0, "kind": "vitals", "values": NEWS2_9}, t0 + 40)
    assert [(f.kind, f.level, f.news2) for f in mon.findings] == [("news2", "emergency", 9)]
    assert "late reading, taken 30 s before the latest" in mon.findings[0].reason
    assert mon.news2("r1").news2 == 0  # the current score is still the newer one


def test_hostile_acks_and_alert_messages_stop_neither_service_nor_caregiver(
        broker: EmbeddedBroker, tmp_path: Path) -> None:
    """A deep or invalid payload on the ack topic, or on the alerts topic itself, kills
    neither the alert service's network thread nor a caregiver's: the next alert and its
    acknowledgement still go through."""
    settings = MqttSettings(broker.url, home="acks")
    cg = CaregiverClient(settings, "carer-acks", clean=True).start()
    svc = AlertService(settings, tmp_path / "o.db", discovery=False).start(wait_s=10)
    other = make_client(settings)
    other.connect(settings.host, settings.port)
    other.loop_start()
    try:
        first = svc.raise_alert("fall", "emergency", "fall in the hall", "r1")
        assert first is not None and cg.wait_for(1, 10)
        for payload in (b"[" * 100_000, b"\xff\xfe", b'{"by": ' + b"[" * 40 + b"]" * 40 + b"}"):
            _publish(other, settings.topic("alerts", first.id, "ack"), payload)
            _publish(other, settings.topic("alerts"), payload)
        assert _poll(lambda: cg.malformed == 3)
        second = svc.raise_alert("help_request", "emergency", "asked for help", "r2")
        assert second is not None
        assert [a.id for a in cg.wait_for(2, 10)] == [first.id, second.id]
        cg.ack(second.id).wait_for_publish(5)
        # three bad acks (a bad payload still acknowledges), then the caregiver's own
        assert _poll(lambda: svc.stats.acks == 4)
    finally:
        other.disconnect()
        other.loop_stop()
        svc.stop()
        cg.stop()


def _poll(check: object, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
