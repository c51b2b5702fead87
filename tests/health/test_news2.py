"""NEWS2 against the RCP chart (2017): every band edge of every parameter, by hand."""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from health.cli import score_lines
from health.news2 import News2Result, Observation, ObservationError, score

ROOT = Path(__file__).resolve().parents[2]
# A healthy resident on air: every parameter scores 0.
NORMAL = {"resp_rate": 16, "spo2": 97, "spo2_scale": 1, "on_oxygen": False, "systolic_bp": 120,
          "pulse": 70, "consciousness": "A", "temperature": 37.0}

RESP = [(0, 3), (8, 3), (9, 1), (11, 1), (12, 0), (20, 0), (21, 2), (24, 2), (25, 3), (60, 3)]
SPO2_SCALE1 = [(70, 3), (91, 3), (92, 2), (93, 2), (94, 1), (95, 1), (96, 0), (100, 0)]
SYSTOLIC = [(60, 3), (90, 3), (91, 2), (100, 2), (101, 1), (110, 1), (111, 0), (219, 0),
            (220, 3), (250, 3)]
PULSE = [(30, 3), (40, 3), (41, 1), (50, 1), (51, 0), (90, 0), (91, 1), (110, 1), (111, 2),
         (130, 2), (131, 3), (180, 3)]
TEMPERATURE = [(34.0, 3), (35.0, 3), (35.1, 1), (36.0, 1), (36.1, 0), (38.0, 0), (38.1, 1),
               (39.0, 1), (39.1, 2), (41.0, 2)]


def _one(**changes: object) -> News2Result:
    return score({**NORMAL, **changes})


@pytest.mark.parametrize("value,expected", RESP)
def test_respiration_rate_bands(value: int, expected: int) -> None:
    r = _one(resp_rate=value)
    assert r.parameters["resp_rate"] == expected
    assert r.news2 == expected


@pytest.mark.parametrize("value,expected", SPO2_SCALE1)
def test_spo2_scale1_bands(value: int, expected: int) -> None:
    assert _one(spo2=value).parameters["spo2"] == expected
    # scale 1 does not depend on air/oxygen; oxygen adds its own 2
    on_o2 = _one(spo2=value, on_oxygen=True)
    assert on_o2.parameters["spo2"] == expected
    assert on_o2.news2 == expected + 2


@pytest.mark.parametrize(
    "value,on_oxygen,expected",
    [(75, False, 3), (83, False, 3), (84, False, 2), (85, False, 2), (86, False, 1),
     (87, False, 1), (88, False, 0), (92, False, 0), (93, False, 0), (95, False, 0),
     (97, False, 0), (100, False, 0),
     (83, True, 3), (84, True, 2), (86, True, 1), (88, True, 0), (92, True, 0), (93, True, 1),
     (94, True, 1), (95, True, 2), (96, True, 2), (97, True, 3), (100, True, 3)],
)
def test_spo2_scale2_bands(value: int, on_oxygen: bool, expected: int) -> None:
    r = _one(spo2=value, spo2_scale=2, on_oxygen=on_oxygen)
    assert r.parameters["spo2"] == expected
    assert r.news2 == expected + (2 if on_oxygen else 0)


def test_air_or_oxygen() -> None:
    assert _one(on_oxygen=False).parameters["on_oxygen"] == 0
    r = _one(on_oxygen=True)
    assert r.parameters["on_oxygen"] == 2
    assert (r.news2, r.risk) == (2, "low")


@pytest.mark.parametrize("value,expected", SYSTOLIC)
def test_systolic_bp_bands(value: int, expected: int) -> None:
    assert _one(systolic_bp=value).parameters["systolic_bp"] == expected


@pytest.mark.parametrize("value,expected", PULSE)
def test_pulse_bands(value: int, expected: int) -> None:
    assert _one(pulse=value).parameters["pulse"] == expected


@pytest.mark.parametrize("level,expected", [("A", 0), ("C", 3), ("V", 3), ("P", 3), ("U", 3)])
def test_consciousness_acvpu(level: str, expected: int) -> None:
    r = _one(consciousness=level)
    assert r.parameters["consciousness"] == expected
    assert r.risk == ("low" if expected == 0 else "low-medium")


@pytest.mark.parametrize("value,expected", TEMPERATURE)
def test_temperature_bands(value: float, expected: int) -> None:
    assert _one(temperature=value).parameters["temperature"] == expected


@pytest.mark.parametrize(
    "changes,total,risk",
    [
        ({}, 0, "low"),
        ({"pulse": 95, "temperature": 38.5, "resp_rate": 10, "systolic_bp": 105}, 4, "low"),
        ({"resp_rate": 25}, 3, "low-medium"),
        ({"resp_rate": 25, "pulse": 95}, 4, "low-medium"),
        ({"resp_rate": 22, "pulse": 115, "temperature": 38.5}, 5, "medium"),
        ({"resp_rate": 25, "pulse": 115}, 5, "medium"),  # 3-rule does not lower a medium
        ({"resp_rate": 22, "pulse": 115, "systolic_bp": 95}, 6, "medium"),
        ({"resp_rate": 22, "pulse": 115, "systolic_bp": 95, "temperature": 38.5}, 7, "high"),
        ({"consciousness": "V", "systolic_bp": 88, "pulse": 135}, 9, "high"),
        # every parameter at its worst: 3+3+2+3+3+3+2 = 19 (scale 1)
        ({"resp_rate": 30, "spo2": 85, "on_oxygen": True, "systolic_bp": 85, "pulse": 140,
          "consciousness": "U", "temperature": 40.0}, 19, "high"),
        # scale 2 on oxygen at 97 %: 3 (SpO2) + 2 (oxygen) = 5
        ({"spo2_scale": 2, "spo2": 97, "on_oxygen": True}, 5, "medium"),
        # hand-checked ward case: RR 24 (2), SpO2 93 s1 (2), O2 (2), SBP 105 (1), HR 115 (2),
        # A (0), T 38.5 (1) = 10
        ({"resp_rate": 24, "spo2": 93, "on_oxygen": True, "systolic_bp": 105, "pulse": 115,
          "temperature": 38.5}, 10, "high"),
    ],
)
def test_aggregate_and_risk_bands(changes: dict, total: int, risk: str) -> None:
    r = _one(**changes)
    assert (r.news2, r.risk, r.missing) == (total, risk, [])
    assert sum(r.parameters.values()) == total


@pytest.mark.parametrize(
    "changes,param,expected",
    [({"resp_rate": 20.5}, "resp_rate", 2), ({"resp_rate": 20.4}, "resp_rate", 0),
     ({"temperature": 36.05}, "temperature", 0), ({"temperature": 35.04}, "temperature", 3),
     ({"pulse": 90.5}, "pulse", 1), ({"spo2": 95.5}, "spo2", 0)],
)
def test_values_round_half_up_to_chart_precision(changes: dict, param: str, expected: int) -> None:
    assert _one(**changes).parameters[param] == expected


def test_missing_parameters_are_reported_not_scored_zero() -> None:
    r = score({"resp_rate": 25, "pulse": 80})
    assert r.news2 is None and r.risk == "incomplete"
    assert r.missing == ["spo2", "on_oxygen", "systolic_bp", "consciousness", "temperature"]
    assert r.parameters == {"resp_rate": 3, "pulse": 0}
    assert (r.partial_news2, r.partial_risk) == (3, "low-medium")
    out = r.to_json()
    assert out["news2"] is None and out["partial_news2"] == 3
    assert "spo2" not in out["parameters"]


def test_scale2_high_saturation_needs_air_or_oxygen() -> None:
    r = score({**NORMAL, "spo2_scale": 2, "spo2": 95, "on_oxygen": None})
    assert "spo2" in r.missing and "on_oxygen" in r.missing and r.news2 is None
    low = score({**NORMAL, "spo2_scale": 2, "spo2": 85, "on_oxygen": None})
    assert low.parameters["spo2"] == 2 and low.missing == ["on_oxygen"]


def test_empty_observation_is_all_missing() -> None:
    r = score({})
    assert r.news2 is None and r.parameters == {} and len(r.missing) == 7


@pytest.mark.parametrize(
    "bad",
    [{"spo2": 101}, {"pulse": math.nan}, {"temperature": math.inf}, {"resp_rate": -1},
     {"systolic_bp": "120"}, {"pulse": True}, {"consciousness": "X"}, {"consciousness": 3},
     {"on_oxygen": "yes"}, {"spo2_scale": 3}, {"heart_rate": 70}, {"temperature": 98.6}],
)
def test_impossible_or_wrongly_typed_values_raise(bad: dict) -> None:
    with pytest.raises(ObservationError):
        score({**NORMAL, **bad})


def test_consciousness_words_and_air_text_are_accepted() -> None:
    r = score({**NORMAL, "consciousness": "new confusion", "on_oxygen": "oxygen"})
    assert r.parameters["consciousness"] == 3 and r.parameters["on_oxygen"] == 2


def test_result_and_observation_round_trip() -> None:
    obs = Observation.from_json({**NORMAL, "pulse": 120})
    assert Observation.from_json(obs.to_json()) == obs
    for res in (score(obs), score({"pulse": 131})):
        assert News2Result.from_json(json.loads(json.dumps(res.to_json()))) == res


def test_score_lines_keeps_good_lines_and_reports_bad_ones() -> None:
    lines = [json.dumps(NORMAL), "{not json", json.dumps({**NORMAL, "spo2": 250}), "",
             "[1, 2]", json.dumps({**NORMAL, "resp_rate": 25})]
    out, err = io.StringIO(), io.StringIO()
    bad = score_lines(io.StringIO("\n".join(lines) + "\n"), out, err)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert bad == 3 and len(rows) == 5
    assert rows[0]["news2"] == 0 and rows[4]["risk"] == "low-medium"
    assert [r.get("line") for r in rows[1:4]] == [2, 3, 5]
    assert "JSON" in rows[1]["error"] and "spo2" in rows[2]["error"]
    assert "line 2" in err.getvalue()


def test_health_score_command_line() -> None:
    stdin = json.dumps({**NORMAL, "pulse": 135}) + "\nnot json\n" + json.dumps(
        {"spo2": 90, "spo2_scale": 2, "on_oxygen": True}) + "\n"
    proc = subprocess.run([sys.executable, "-m", "device.cli", "health", "score"], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert proc.returncode == 2
    assert rows[0] == {"news2": 3, "risk": "low-medium", "missing": [],
                       "parameters": {**dict.fromkeys(
                           ["resp_rate", "spo2", "on_oxygen", "systolic_bp", "consciousness",
                            "temperature"], 0), "pulse": 3}}
    assert rows[1]["line"] == 2 and "error" in rows[1]
    assert rows[2]["news2"] is None and rows[2]["parameters"] == {"spo2": 0, "on_oxygen": 2}
    assert "line 2" in proc.stderr
