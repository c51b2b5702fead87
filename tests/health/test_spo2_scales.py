"""The SpO2 scale 2 care-plan flag belongs to one resident, also when one monitor (one home,
one ingest) serves several."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from health.broker import EmbeddedBroker
from health.ingest import SensorIngest
from health.monitor import HealthMonitor, MonitorConfig
from health.mqtt_settings import MqttSettings, make_client

VITALS = {"resp_rate": 16, "spo2": 89, "on_oxygen": False, "systolic_bp": 120, "pulse": 70,
          "consciousness": "A", "temperature": 37.0}


def test_residents_in_one_ingest_are_scored_on_their_own_scales(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = MqttSettings(broker.url, home="couple")
    # r1 (the monitor's own resident) and r3 are hypercapnic; r2 is not
    cfg = MonitorConfig(spo2_scale=2, spo2_scale_by_resident={"r3": 2})
    mon = HealthMonitor(None, "r1", cfg, sensor_residents={"oxi_bedroom2": "r2"})
    ingest = SensorIngest(settings, mon, zigbee_prefix=None).start()
    sensor = make_client(settings)
    sensor.connect(settings.host, settings.port)
    sensor.loop_start()
    try:
        now = time.time()
        for topic, body in [
            ("oxi1", {"resident": "r1", "values": VITALS}),
            ("oxi_bedroom2", {"values": VITALS}),  # resident from the sensor's owner
            ("oxi3", {"resident": "r3", "values": VITALS}),
            ("oxi4", {"resident": "r4", "values": {**VITALS, "spo2_scale": 2}}),  # own value
        ]:
            payload = {"ts": now, "kind": "vitals", **body}
            sensor.publish(settings.topic("sensors", topic), json.dumps(payload),
                           qos=1).wait_for_publish(5)
        deadline = time.monotonic() + 10
        while mon.accepted < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert mon.accepted == 4 and not mon.rejected
        scores = {r: mon.news2(r) for r in ("r1", "r2", "r3", "r4")}
        # 89 % is on target on scale 2 (0 points) and scores 3 on scale 1
        assert {r: s.parameters["spo2"] for r, s in scores.items() if s} == {
            "r1": 0, "r2": 3, "r3": 0, "r4": 0}
        assert scores["r2"] is not None and scores["r2"].risk == "low-medium"
        assert [mon.spo2_scale(r) for r in ("r1", "r2", "r3", "r4")] == [2, 1, 2, 1]
    finally:
        sensor.disconnect()
        sensor.loop_stop()
        ingest.stop()


def test_mapping_overrides_the_default_resident_and_is_read_only() -> None:
    cfg = MonitorConfig(spo2_scale=2, spo2_scale_by_resident={"r1": 1})
    mon = HealthMonitor(None, "r1", MonitorConfig(check_time=False, spo2_scale=2,
                                                  spo2_scale_by_resident={"r1": 1}))
    mon.process({"sensor": "w", "ts": 1_700_000_000.0, "kind": "vitals", "values": VITALS})
    assert mon.news2("r1").parameters["spo2"] == 3  # scored on scale 1
    with pytest.raises(TypeError):
        cfg.spo2_scale_by_resident["r2"] = 2  # type: ignore[index]
    assert hash(cfg) == hash(MonitorConfig(spo2_scale=2, spo2_scale_by_resident={"r1": 1}))


@pytest.mark.parametrize(("bad", "message"), [
    ({"r2": 3}, r"spo2_scale_by_resident\['r2'\] must be 1 or 2"),
    ({"r2": True}, r"spo2_scale_by_resident\['r2'\] must be 1 or 2"),
    ({"r2": "2"}, r"spo2_scale_by_resident\['r2'\] must be 1 or 2"),
    ({"": 2}, "resident names must be non-empty strings"),
    ({7: 2}, "resident names must be non-empty strings"),
    ([("r2", 2)], "must map resident names to 1 or 2"),
])
def test_bad_scale_mapping_is_refused(bad: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        MonitorConfig(spo2_scale_by_resident=bad)  # type: ignore[arg-type]
