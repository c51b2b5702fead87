"""Property-based tests over every input boundary (hypothesis).

Each property: no crash, no hang, and every input is either accepted or rejected with a
reason; nothing accepted is silently ignored. Limits: docs/input-limits.md. The profile is
small (max_examples per test, no deadline) so the suite stays a few seconds of CPU.
"""

from __future__ import annotations

import io
import json
import math
import struct
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from health.cli import score_lines
from health.ingest import SensorIngest
from health.limits import MAX_JSON_DEPTH, InputRejected, parse_json, read_lines
from health.monitor import HealthMonitor
from health.mqtt_settings import MqttSettings
from health.readings import KINDS, REASONS, RejectedReading
from health.replay import read_replay_lines

NOW = 1_800_000_000.0
FEW = settings(max_examples=60, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12))
JSONISH = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
VITAL_VALUES = st.dictionaries(
    st.sampled_from(["resp_rate", "spo2", "spo2_scale", "on_oxygen", "systolic_bp", "pulse",
                     "consciousness", "temperature", "heart"]),
    st.one_of(SCALARS, st.floats(0, 300)), max_size=8)
READINGS = st.fixed_dictionaries(
    {"sensor": st.one_of(st.just("wrist1"), st.text(max_size=6), SCALARS),
     "kind": st.one_of(st.sampled_from(KINDS), SCALARS),
     "ts": st.one_of(st.floats(NOW - 8000, NOW + 100), SCALARS),
     "values": st.one_of(VITAL_VALUES, st.dictionaries(
         st.sampled_from(["motion", "contact", "fall", "confidence", "event", "detail",
                          "samples", "rate_hz", "vibration", "action", "strength"]),
         JSONISH, max_size=4), JSONISH)},
    optional={"resident": st.one_of(st.just("r1"), SCALARS), "extra": JSONISH})
Z2M = st.dictionaries(
    st.sampled_from(["occupancy", "presence", "contact", "fall_down_status", "fall",
                     "vibration", "action", "strength", "last_seen", "battery", "linkquality"]),
    st.one_of(SCALARS, st.sampled_from(["fall", "none", "maybe_fall", "tilt", "drop"]),
              st.just(NOW * 1000), st.just("2027-01-15T08:00:00Z"), JSONISH,
              st.just("0001-01-01T00:00:00")), max_size=5)


def _payload(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


def _ingest() -> SensorIngest:
    mon = HealthMonitor(None, "r1", clock=lambda: NOW)
    return SensorIngest(MqttSettings("mqtt://127.0.0.1:1", home="prop"), mon)


def _outcome(ing: SensorIngest, topic: str, payload: bytes) -> str:
    """Feed one message; the one counter that moved (the property: exactly one)."""
    before = (ing.accepted, sum(ing.rejected.values()), ing.ignored, ing.errors)
    ing.receive(topic, payload, NOW)
    after = (ing.accepted, sum(ing.rejected.values()), ing.ignored, ing.errors)
    moved = [name for name, b, a in zip(("accepted", "rejected", "ignored", "errors"),
                                         before, after, strict=True) if a > b]
    assert ing.errors == 0, ing.last_error  # a crash inside handling
    assert moved in (["accepted"], ["rejected"], ["ignored"]), moved
    assert all(reason in REASONS for reason in ing.rejected), ing.rejected
    return moved[0]


@FEW
@given(st.one_of(READINGS.map(_payload), JSONISH.map(_payload), st.binary(max_size=200)))
def test_sensor_payloads_are_accepted_or_rejected_with_a_reason(payload: bytes) -> None:
    ing = _ingest()
    _outcome(ing, "eldercare/prop/sensors/wrist1", payload)
    assert ing.monitor.accepted == ing.accepted  # nothing accepted that was not scored


@FEW
@given(st.one_of(Z2M.map(_payload), JSONISH.map(_payload), st.binary(max_size=100)),
       st.sampled_from(["hall_pir", "radar/bed", "bridge/state", "x/availability"]))
@example(b'{"occupancy": true, "vibration": true, "strength": "big"}', "bed")  # 1 good, 1 bad
def test_zigbee2mqtt_payloads_are_accepted_rejected_or_ignored(payload: bytes,
                                                                name: str) -> None:
    ing = _ingest()
    what = _outcome(ing, f"zigbee2mqtt/{name}", payload)
    if what == "ignored" and not name.startswith("bridge") and "availability" not in name:
        data = json.loads(payload)  # ignored only when nothing health-related is in it
        assert isinstance(data, dict) and not any(data.get(k) is not None for k in (
            "occupancy", "presence", "contact", "fall_down_status", "fall", "vibration"))


@FEW
@given(st.integers(1, 3000), st.sampled_from(["[", "{\"a\":", "[{\"b\":"]))
def test_deep_nesting_is_refused_without_recursion(depth: int, unit: str) -> None:
    text = unit * depth
    with pytest.raises(InputRejected) as info:
        parse_json(text)
    assert info.value.reason in ("too_deep", "malformed_json")
    if depth > MAX_JSON_DEPTH:
        closed = "[" * depth + "]" * depth
        with pytest.raises(InputRejected, match="deeper"):
            parse_json(closed)


LINES = st.lists(st.one_of(
    st.binary(max_size=40),
    READINGS.map(_payload),
    st.fixed_dictionaries({}, optional={"resp_rate": SCALARS, "spo2": SCALARS,
                                        "pulse": st.floats(0, 400), "consciousness": SCALARS,
                                        "on_oxygen": SCALARS}).map(_payload),
), max_size=12)


def _stdin(lines: list[bytes]) -> io.BytesIO:
    return io.BytesIO(b"".join(line.replace(b"\n", b" ") + b"\n" for line in lines))


@FEW
@given(LINES)
def test_score_lines_answers_every_line(lines: list[bytes]) -> None:
    out, err = io.StringIO(), io.StringIO()
    bad = score_lines(_stdin(lines), out, err)
    answers = [json.loads(x) for x in out.getvalue().splitlines()]
    nonblank = [n for n, x in enumerate(lines, 1) if x.replace(b"\n", b" ").strip()]
    assert len(answers) == len(nonblank)  # every line answered, in order
    errors = [a["line"] for a in answers if "error" in a]
    assert len(errors) == bad and set(errors) <= set(nonblank)
    assert all("news2" in a for a in answers if "error" not in a)
    assert len(err.getvalue().splitlines()) == bad


@FEW
@given(st.lists(st.binary(max_size=30), max_size=8), st.integers(4, 40))
def test_read_lines_numbers_every_line_and_bounds_its_size(chunks: list[bytes],
                                                           limit: int) -> None:
    data = b"\n".join(chunks)
    got = list(read_lines(io.BytesIO(data), limit))
    assert [n for n, _ in got] == list(range(1, len(got) + 1))
    raws = data.split(b"\n")
    if raws[-1] == b"":
        raws.pop()  # a final line ending ends the last line, it starts none
    assert len(got) == len(raws)
    for (_, item), raw in zip(got, raws, strict=True):
        if isinstance(item, InputRejected):
            assert item.reason in ("too_large", "bad_encoding")
        else:
            assert item.encode() == raw.rstrip(b"\r") and len(raw) <= limit


@FEW
@given(LINES)
def test_replay_files_reject_bad_lines_with_their_number(tmp_path_factory: Any,
                                                         lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("replay") / "r.jsonl"
    path.write_bytes(_stdin(lines).getvalue())
    mon = HealthMonitor(None, "r1", clock=lambda: NOW)
    seen = accepted = rejected = 0
    for n, item in read_replay_lines(path):
        seen += 1
        assert 1 <= n <= len(lines)
        try:
            if isinstance(item, RejectedReading):
                raise item
            before = mon.accepted
            mon.replay([item], base=NOW, strict=True)
            assert mon.accepted == before + 1
            accepted += 1
        except RejectedReading as exc:
            assert exc.reason in REASONS and exc.message
            rejected += 1
    assert accepted + rejected == seen
    assert mon.accepted == accepted


def _wav(code: int, channels: int, rate: int, bits: int, body: bytes,
         data_size: int | None = None) -> bytes:
    fmt = struct.pack("<HHIIHH", code, channels, rate, rate * channels * max(bits, 8) // 8,
                      channels * max(bits, 8) // 8, bits)
    size = len(body) if data_size is None else data_size
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", size)
    return b"RIFF" + struct.pack("<I", 4 + len(chunks) + len(body)) + b"WAVE" + chunks + body


@FEW
@given(st.one_of(
    st.builds(_wav, st.sampled_from([1, 3, 2, 0xFFFE, 0]), st.integers(0, 8),
              st.sampled_from([0, 1, 8000, 16000, 44100, 2**31]),
              st.sampled_from([0, 8, 12, 16, 24, 32, 64]), st.binary(max_size=400),
              st.one_of(st.none(), st.integers(0, 2**32 - 1))),
    st.binary(max_size=200).map(lambda b: b"RIFF" + b[:4] + b"WAVE" + b[4:]),
    st.binary(max_size=200)))
def test_wav_bytes_give_audio_or_a_clear_error_the_same_from_path_and_stdin(
        tmp_path_factory: Any, data: bytes) -> None:
    from speech.audio import AudioError, read_pcm, read_wav

    path = tmp_path_factory.mktemp("wav") / "x.wav"
    path.write_bytes(data)
    verdicts = []
    for read in (lambda: read_wav(path), lambda: read_pcm(io.BytesIO(data))):
        try:
            clip = read()
            assert clip.samples.dtype.name == "int16" and len(clip.samples) > 0
            verdicts.append("audio")
        except AudioError as exc:
            assert str(exc)
            verdicts.append("error")
    if data[:4] == b"RIFF":  # a WAV is judged the same from a path and from stdin
        assert verdicts[0] == verdicts[1]
    else:
        assert verdicts[0] == "error"  # never a WAV without its header


SECTIONS = ["resident", "mqtt", "intent", "asr", "tts", "health", "safety", "spoken", "input",
            "output", "care_plan", "bogus"]


@FEW
@given(st.one_of(
    st.dictionaries(st.sampled_from(SECTIONS), st.one_of(
        st.dictionaries(st.sampled_from(["name", "language", "url", "rate_wpm", "volume",
                                         "engine", "spo2_scale", "source", "wav", "speak",
                                         "medicines", "threads", "dir", "bogus"]),
                        JSONISH, max_size=3), JSONISH), max_size=3).map(_payload),
    JSONISH.map(_payload), st.binary(max_size=60)))
def test_settings_files_load_or_fail_with_a_settings_error(tmp_path_factory: Any,
                                                           data: bytes) -> None:
    from device.settings import load_settings

    path = tmp_path_factory.mktemp("cfg") / "config.json"
    path.write_bytes(data)
    try:
        s = load_settings(path)
    except (ValueError, OSError) as exc:  # what the CLI turns into one error line
        assert str(exc) and "\n" not in str(exc).strip()
    else:
        assert s.resident.name.strip()


def test_non_finite_json_constants_are_refused() -> None:
    for text in ("NaN", "[Infinity]", '{"a": -Infinity}'):
        with pytest.raises(InputRejected) as info:
            parse_json(text)
        assert info.value.reason == "not_finite"
    assert math.isfinite(parse_json("1e308"))

