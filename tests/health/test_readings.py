"""Reading schema, validation reasons, Zigbee2MQTT mapping, replay files, message round trips."""

from __future__ import annotations

import json
import math
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from health.alerts import Alert, alert_id
from health.monitor import HealthMonitor
from health.readings import REASONS, Reading, RejectedReading, validate
from health.replay import ReplayError, read_replay, write_replay
from health.zigbee import map_zigbee2mqtt

NOW = 1_800_000_000.0


def _reading(**changes: object) -> dict:
    base = {"sensor": "wrist1", "resident": "r1", "ts": NOW - 1, "kind": "vitals",
            "values": {"pulse": 72, "spo2": 97}}
    base.update(changes)
    return base


BAD = [
    (b"{not json", "malformed_json"),
    (b"\xff\xfe", "bad_encoding"),
    ("[1, 2, 3]", "not_an_object"),
    ({k: v for k, v in _reading().items() if k != "ts"}, "missing_field"),
    ({k: v for k, v in _reading().items() if k != "values"}, "missing_field"),
    (_reading(sensor=5), "wrong_type"),
    (_reading(ts="yesterday"), "wrong_type"),
    (_reading(values=[72]), "wrong_type"),
    (_reading(values={"pulse": "72"}), "wrong_type"),
    (_reading(values={"on_oxygen": 1}), "wrong_type"),
    (_reading(values={"consciousness": "Z"}), "wrong_type"),
    (_reading(kind="telepathy"), "unknown_kind"),
    (_reading(values={"heart": 70}), "unknown_field"),
    (_reading(values={"pulse": math.nan}), "not_finite"),
    (b'{"sensor": "w", "resident": "r1", "ts": 1799999999, "kind": "vitals", '
     b'"values": {"spo2": NaN}}', "not_finite"),  # a JSON NaN literal over MQTT
    (b'{"sensor": "w", "resident": "r1", "ts": 1799999999, "kind": "vitals", '
     b'"values": {"pulse": -Infinity}}', "not_finite"),
    (_reading(values={"temperature": math.inf}), "not_finite"),
    (_reading(ts=math.nan), "not_finite"),
    (_reading(values={"spo2": 104}), "out_of_range"),
    (_reading(values={"pulse": -5}), "out_of_range"),
    (_reading(values={"temperature": 98.6}), "out_of_range"),
    (_reading(ts=NOW - 7200), "stale"),
    (_reading(ts=NOW + 120), "future"),
    (_reading(values={}), "empty"),
    (_reading(kind="accel", values={"samples": [], "rate_hz": 50}), "empty"),
    (_reading(kind="accel", values={"samples": [[0, 0, 40]], "rate_hz": 50}), "out_of_range"),
    (_reading(kind="motion", values={}), "missing_field"),
    (_reading(kind="motion", values={"motion": "yes"}), "wrong_type"),
    (_reading(kind="event", values={"event": "party"}), "unknown_kind"),
]


@pytest.mark.parametrize("data,reason", BAD)
def test_each_bad_reading_is_rejected_with_its_reason(data: object, reason: str) -> None:
    assert reason in REASONS
    with pytest.raises(RejectedReading) as info:
        validate(data, NOW)
    assert info.value.reason == reason and info.value.message


def test_monitor_counts_rejections_per_reason_and_never_scores_them() -> None:
    mon = HealthMonitor(None, "r1", clock=lambda: NOW)
    for data, _ in BAD:
        assert mon.process(data, NOW) == []
    expected = Counter(reason for _, reason in BAD)
    assert mon.rejected == expected
    assert mon.accepted == 0 and mon.news2("r1") is None and not mon.findings
    mon.process(_reading(), NOW)
    assert mon.accepted == 1 and mon.news2("r1") is not None


def test_good_readings_of_every_kind_validate() -> None:
    kinds = {
        "vitals": {"resp_rate": 18, "spo2": 95, "spo2_scale": 2, "on_oxygen": True,
                   "systolic_bp": 120, "pulse": 80, "consciousness": "A", "temperature": 36.9},
        "motion": {"motion": False}, "contact": {"contact": True},
        "fall": {"fall": True, "confidence": 0.9},
        "accel": {"samples": [[0, 0, 1], [0.1, 0, 0.98]], "rate_hz": 50},
        "event": {"event": "missed_checkin", "detail": "09:00"},
        "vibration": {"vibration": True, "action": "drop"},
    }
    for kind, values in kinds.items():
        r = validate(_reading(kind=kind, values=values), NOW)
        assert (r.kind, r.values, r.arrival_ts) == (kind, values, NOW)


def test_reading_round_trip() -> None:
    r = validate(_reading(values={"pulse": 72, "consciousness": "V"}))
    back = Reading.from_json(json.loads(json.dumps(r.to_json())))
    assert back == r and back.to_json() == r.to_json()


def test_alert_round_trip_and_stable_ids() -> None:
    a = Alert(alert_id("r1", "news2", "", NOW, 2), "r1", "urgent", "NEWS2 5 (medium)", 5, NOW,
              "news2", "home1", 1, "nurse", NOW - 0.01, {"x": 1})
    assert Alert.from_bytes(a.to_bytes()) == a
    assert Alert.from_json(json.loads(json.dumps(a.to_json()))) == a
    assert alert_id("r1", "news2", "", NOW, 2) == a.id  # deterministic
    assert alert_id("r1", "news2", "", NOW + 1, 2) != a.id  # another episode
    assert alert_id("r2", "news2", "", NOW, 2) != a.id
    assert a.dedup_key == f"{a.id}#1"
    with pytest.raises(ValueError):
        Alert("a/b", "r1", "urgent", "x", None, NOW, "k")
    with pytest.raises(ValueError):
        Alert("id", "r1", "panic", "x", None, NOW, "k")
    with pytest.raises(ValueError):
        Alert.from_json({"id": "x"})


def test_zigbee2mqtt_occupancy_contact_vibration_and_fall() -> None:
    occ = map_zigbee2mqtt("hall_pir", b'{"occupancy":true,"battery":91,"illuminance":12,'
                          b'"linkquality":120,"voltage":3005}', "r1", NOW)
    assert occ == [{"sensor": "hall_pir", "resident": "r1", "ts": NOW, "kind": "motion",
                    "values": {"motion": True}}]
    door = map_zigbee2mqtt("front_door", {"contact": False, "battery": 100}, "r1", NOW)
    assert door[0]["kind"] == "contact" and door[0]["values"] == {"contact": False}
    vib = map_zigbee2mqtt("bed", {"action": "drop", "strength": 30, "angle_x": 3}, "r1", NOW)
    assert vib[0]["kind"] == "vibration"
    assert vib[0]["values"] == {"vibration": True, "action": "drop", "strength": 30}
    fall = map_zigbee2mqtt("radar", {"presence": True, "fall_down_status": "fall",
                                     "last_seen": "2027-01-15T08:00:00.000Z"}, "r1", NOW)
    kinds = {x["kind"]: x for x in fall}
    assert set(kinds) == {"motion", "fall"}
    assert kinds["fall"]["values"] == {"fall": True, "confidence": 1.0}
    assert kinds["fall"]["ts"] == datetime(2027, 1, 15, 8, tzinfo=timezone.utc).timestamp()
    maybe = map_zigbee2mqtt("radar", {"fall_down_status": "maybe_fall",
                                      "last_seen": 1_800_000_000_000}, "r1", NOW)
    assert maybe[0]["values"]["confidence"] == 0.5 and maybe[0]["ts"] == 1_800_000_000.0
    assert map_zigbee2mqtt("plug", {"battery": 80, "linkquality": 50}, "r1", NOW) == []
    for readings in (occ, door, vib, fall, maybe):
        for r in readings:
            validate(r)  # every mapped reading is a valid project reading


@pytest.mark.parametrize(
    "payload,reason",
    [(b"<xml/>", "malformed_json"), (b'"on"', "not_an_object"),
     (b'{"occupancy": "yes"}', "wrong_type"), (b'{"fall_down_status": "tripped"}', "wrong_type"),
     (b'{"contact": 1}', "wrong_type"), (b'{"occupancy": true, "last_seen": "soon"}',
                                         "wrong_type")],
)
def test_zigbee2mqtt_bad_payloads(payload: bytes, reason: str) -> None:
    with pytest.raises(RejectedReading) as info:
        map_zigbee2mqtt("dev", payload, "r1", NOW)
    assert info.value.reason == reason


def test_replay_skips_and_counts_malformed_lines(tmp_path: Path) -> None:
    good = [_reading(ts=10.0 * i) for i in range(3)]
    path = write_replay(tmp_path / "r.jsonl", good)
    with path.open("a") as f:
        f.write("# comment\n\n{broken\n[1]\n" + json.dumps(good[0]) + "\n")
    errors: Counter[str] = Counter()
    rows = list(read_replay(path, errors))
    assert rows == good + [good[0]]
    assert errors == Counter({"malformed_json": 1, "not_an_object": 1})
    with pytest.raises(ReplayError, match=":6:"):
        list(read_replay(path, strict=True))
    with pytest.raises(FileNotFoundError):
        list(read_replay(tmp_path / "missing.jsonl"))


def test_relative_replay_is_played_at_its_own_times(tmp_path: Path) -> None:
    rows = [{"sensor": "w", "ts": 900.0 * i, "kind": "vitals",
             "values": {"resp_rate": 16 + 3 * i, "spo2": 97, "on_oxygen": False,
                        "systolic_bp": 120, "pulse": 80, "consciousness": "A",
                        "temperature": 37.0}} for i in range(4)]
    mon = HealthMonitor(None, "r1")
    mon.replay(read_replay(write_replay(tmp_path / "v.jsonl", rows)), base=NOW)
    assert mon.accepted == 4 and not mon.rejected
    res = mon.news2("r1")
    assert res is not None and res.news2 == 3 and res.risk == "low-medium"  # RR 25
    assert {f.kind for f in mon.findings} == {"news2", "news2_trend"}
