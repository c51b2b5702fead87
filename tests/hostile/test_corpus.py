"""The hand-made hostile corpus (tests/hostile/corpus/hostile.jsonl) through the real
boundaries: the sensor topics on a real mosquitto, `health score` and `health replay`
lines, `intent classify` stdin, WAV bytes by path and on stdin, settings files and
numeric options.

Each corpus row: ``name``, ``boundary``, ``expect`` (accepted | rejected | ignored | error |
audio | refused), an optional ``reason``, and the input as ``input`` (text), ``input_hex``
or ``repeat`` ({prefix, unit, count, suffix}); ``__NOW__``, ``__NOW-7200__``,
``__NOWMS__`` ... stand for the time of the run (seconds or milliseconds since the epoch).
Goals: 0 crashes, 0 hangs, 0 silent drops; after every hostile sensor message the next
dangerous reading still alerts a caregiver.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from health.alerting import AlertService
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from health.cli import _replay_lines, score_lines
from health.ingest import SensorIngest
from health.monitor import HealthMonitor
from health.mqtt_settings import MqttSettings, make_client
from health.readings import REASONS
from health.replay import read_replay_lines

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "corpus" / "hostile.jsonl"
ROWS: list[dict[str, Any]] = [json.loads(line) for line in CORPUS.read_text().splitlines()]
_TOKEN = re.compile(rb"__NOW(MS)?([+-]\d+)?__")


def _bytes(row: dict[str, Any], now: float) -> bytes:
    if "input_hex" in row:
        data = bytes.fromhex(row["input_hex"])
    elif "repeat" in row:
        r = row["repeat"]
        data = (r.get("prefix", "") + r["unit"] * r["count"] + r.get("suffix", "")).encode()
    else:
        data = row["input"].encode()

    def when(m: re.Match[bytes]) -> bytes:
        offset = int(m.group(2) or 0)
        return str(int(now * 1000) + offset if m.group(1) else now + offset).encode()

    return _TOKEN.sub(when, data)


def _rows(boundary: str) -> list[dict[str, Any]]:
    return [r for r in ROWS if r["boundary"] == boundary]


def _poll(check: Any, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def test_corpus_has_150_named_inputs_over_every_boundary() -> None:
    assert len(ROWS) >= 150
    assert len({r["name"] for r in ROWS}) == len(ROWS)
    assert set(Counter(r["boundary"] for r in ROWS)) == {
        "sensor", "zigbee", "score_line", "replay_line", "intent_line", "wav", "settings",
        "option"}
    for r in ROWS:
        assert r["expect"] in ("accepted", "rejected", "ignored", "error", "audio", "refused")
        assert r.get("reason", "malformed_json") in REASONS, r["name"]


def test_sensor_corpus_on_a_real_broker_never_silences_the_next_alert(
        broker: EmbeddedBroker, tmp_path: Path) -> None:
    """Every hostile sensor or Zigbee2MQTT message in one ingest run, each followed by a
    fall reading: each message gets its expected outcome (and reason), and each fall
    reaches the caregiver."""
    rows = _rows("sensor") + _rows("zigbee")
    settings = MqttSettings(broker.url, home="hostile")
    cg = CaregiverClient(settings, "carer-hostile", clean=True).start()
    svc = AlertService(settings, tmp_path / "o.db", discovery=False).start(wait_s=10)
    mon = HealthMonitor(svc, "r1")
    ingest = SensorIngest(settings, mon, dead_letter=tmp_path / "dead.jsonl").start()
    sensor = make_client(settings)
    sensor.connect(settings.host, settings.port)
    sensor.loop_start()
    wrong: list[str] = []
    try:
        for i, row in enumerate(rows):
            now = time.time()
            topic = (settings.topic("sensors", "w") if row["boundary"] == "sensor"
                     else f"zigbee2mqtt/{row['topic']}")
            before = (ingest.accepted, Counter(ingest.rejected), ingest.ignored)
            sensor.publish(topic, _bytes(row, now), qos=1).wait_for_publish(10)
            fall = {"resident": "r1", "ts": time.time(), "kind": "fall",
                    "values": {"fall": True}}
            sensor.publish(settings.topic("sensors", f"band-{i}"), json.dumps(fall),
                           qos=1).wait_for_publish(10)
            assert _poll(lambda i=i: ingest.handled >= 2 * (i + 1)), row["name"]
            assert _poll(lambda i=i: any(f"band-{i}" in a.reason for a in cg.alerts)), \
                f"no alert after {row['name']}"
            accepted = ingest.accepted - before[0] - 1  # the fall reading itself
            rejected = Counter(ingest.rejected) - before[1]
            ignored = ingest.ignored - before[2]
            got = ("accepted" if accepted > 0 else "ignored" if ignored else
                   "rejected" if rejected else "nothing")
            if got != row["expect"] or ("reason" in row and row["reason"] not in rejected):
                wrong.append(f"{row['name']}: {got} {dict(rejected)}")
        assert ingest.errors == 0, ingest.last_error
        assert not wrong, wrong
        assert ingest.healthy()
        n_rejected = sum(1 for r in rows if r["expect"] == "rejected")
        assert ingest.dead_lettered == n_rejected == sum(ingest.rejected.values())
    finally:
        sensor.disconnect()
        sensor.loop_stop()
        ingest.stop()
        svc.stop()
        cg.stop()


def test_score_corpus_answers_every_line_with_its_number() -> None:
    rows = _rows("score_line")
    now = time.time()
    out, err = io.StringIO(), io.StringIO()
    stdin = io.BytesIO(b"\n".join(_bytes(r, now) for r in rows) + b"\n")
    bad = score_lines(stdin, out, err)
    answers = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(answers) == len(rows)  # no blank lines in this part of the corpus
    for n, (row, answer) in enumerate(zip(rows, answers, strict=True), 1):
        if row["expect"] == "accepted":
            assert "news2" in answer, row["name"]
        else:
            assert answer["line"] == n and answer["error"], row["name"]
    assert bad == sum(r["expect"] == "rejected" for r in rows)
    assert len(err.getvalue().splitlines()) == bad


def test_replay_corpus_rejects_each_bad_line_with_its_number_and_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows("replay_line")
    now = time.time()
    anchor = {"sensor": "w", "resident": "r1", "ts": now - 864000, "kind": "vitals",
              "values": {"pulse": 72}}  # the recording starts ten days ago
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(json.dumps(anchor).encode() + b"\n" +
                     b"\n".join(_bytes(r, now) for r in rows) + b"\n")
    mon = HealthMonitor(None, "r1")
    _replay_lines(mon, read_replay_lines(path), str(path))
    printed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    rejected = {x["line"]: x["rejected"] for x in printed if "rejected" in x}
    for n, row in enumerate(rows, 2):
        if row["expect"] == "accepted":
            assert n not in rejected, row["name"]
        else:
            assert rejected.get(n) == row["reason"], (row["name"], rejected.get(n))
    assert mon.accepted == 1 + sum(r["expect"] == "accepted" for r in rows)
    assert sum(mon.rejected.values()) == len(rejected)


def test_intent_classify_corpus_answers_every_line() -> None:
    rows = _rows("intent_line")
    stdin = b"\n".join(_bytes(r, 0) for r in rows) + b"\n"
    proc = subprocess.run([sys.executable, "-m", "device", "intent", "classify"], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=120, check=False)
    answers = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(answers) == len(rows), proc.stderr.decode()[-2000:]
    for n, (row, answer) in enumerate(zip(rows, answers, strict=True), 1):
        if row["expect"] == "accepted":
            assert answer.get("intent"), row["name"]
        else:
            assert answer == {"line": n, "error": answer["error"]} and answer["error"], row
    assert proc.returncode == 2  # some lines failed
    assert "internal error" not in proc.stderr.decode()


@pytest.mark.parametrize("row", _rows("wav"), ids=lambda r: r["name"])
def test_wav_corpus_is_judged_the_same_by_path_and_on_stdin(row: dict[str, Any],
                                                            tmp_path: Path) -> None:
    from speech.audio import AudioError, read_pcm, read_wav

    data = _bytes(row, 0)
    path = tmp_path / "input.wav"
    path.write_bytes(data)
    for read in (lambda: read_wav(path), lambda: read_pcm(io.BytesIO(data))):
        try:
            clip = read()
        except AudioError as exc:
            assert row["expect"] == "error", f"{row['name']}: {exc}"
            assert str(exc) and "\n" not in str(exc)
        else:
            assert row["expect"] == "audio", row["name"]
            assert clip.seconds > 0


@pytest.mark.parametrize("row", _rows("settings"), ids=lambda r: r["name"])
def test_settings_corpus_loads_or_gives_one_settings_error(row: dict[str, Any],
                                                           tmp_path: Path) -> None:
    from device.settings import load_settings

    path = tmp_path / "config.json"
    path.write_bytes(_bytes(row, 0))
    try:
        load_settings(path)
    except (ValueError, OSError) as exc:
        assert row["expect"] == "error", f"{row['name']}: {exc}"
        assert str(exc) and "\n" not in str(exc) and len(str(exc)) < 500
    else:
        assert row["expect"] == "accepted", row["name"]


@pytest.mark.parametrize("row", _rows("option"), ids=lambda r: r["name"])
def test_numeric_option_corpus_is_refused_at_once(row: dict[str, Any],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from device.cli import build_parser

    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(row["argv"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "error: argument" in err and re.search(r"\d", err), err
