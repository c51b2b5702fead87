"""`eldercare run`: text lines in, JSON turns out, reply WAVs written, alerts delivered."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from device.runtime import Runtime, supervise
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient

ROOT = Path(__file__).resolve().parents[2]


def test_runtime_text_lines(broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")})
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="rt-caregiver",
                                clean=True).start()
    lines: list[str] = []
    stdin = io.StringIO("good morning\n\nI fell down and I cannot get up\n"
                        "have I taken my pills today\nyes\n")
    clock = lambda: datetime(2026, 11, 30, 8, 30)  # noqa: E731 - a fixed morning
    try:
        summary = asyncio.run(Runtime(settings, emit=lines.append, stdin=stdin, clock=clock,
                                      tick_s=0.05).run())
        got = caregiver.wait_for(1, timeout_s=10.0)
    finally:
        caregiver.stop()
    turns = [json.loads(line) for line in lines if "heard" in line]
    assert [t["intent"] for t in turns] == ["greeting", "fall_report", "medication_query",
                                             "affirm"]
    assert summary["turns"] == 4 and summary["alerts_raised"] == 1 and summary["alerts_flushed"]
    # the turn log names the execution provider and model variant that decided
    assert {t["provider"]["provider"] for t in turns} == {"CPUExecutionProvider"}
    assert {t["provider"]["variant"] for t in turns} == {"int8"}
    assert turns[1]["alerts"] == [got[0].id] and got[0].kind == "spoken_fall"
    for t in turns:
        wav = Path(t["wav_out"])
        assert wav.is_file() and wav.read_bytes()[:4] == b"RIFF" and wav.stat().st_size > 1000
    assert [a["kind"] for a in turns[3]["reply"]["actions"]] == ["dose", "dose"]
    doses = (tmp_path / "state" / "doses.jsonl").read_text().splitlines()
    assert {json.loads(d)["medicine"] for d in doses} == {"metformin", "amlodipine"}


def test_supervise_retries_with_backoff() -> None:
    calls: list[int] = []

    async def flaky() -> None:
        calls.append(1)
        if len(calls) < 3:
            raise OSError("device busy")

    async def main() -> None:
        await supervise("flaky", flaky, asyncio.Event(), backoff_s=0.01)

    asyncio.run(main())
    assert len(calls) == 3


def test_run_cli_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"asr": {"engine": "kaldi"}}))
    for args, needle in [(["run", "--config", str(bad)], "asr.engine 'kaldi' is unknown"),
                         (["run", "--config", str(tmp_path / "none.json")], "does not exist"),
                         (["demo", "--set", "tts.volume=3"], "tts.volume must be 0.0..1.0"),
                         (["run", "--config", str(example_config_path()), "--model",
                           str(tmp_path / "nomodel")], "intent.model_dir")]:
        proc = subprocess.run([sys.executable, "-m", "device", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, check=False)
        assert proc.returncode == 2, proc.stderr
        err = proc.stderr.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("eldercare: error:") and needle in err[0]


def test_runtime_sensor_reading_over_mqtt_raises_news2_alert(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    import os
    import threading
    import time

    from health.mqtt_settings import make_client

    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")})
    mqtt = settings.mqtt.to_mqtt(broker.url)
    caregiver = CaregiverClient(mqtt, client_id="sensor-caregiver", clean=True).start()
    read_fd, write_fd = os.pipe()
    stdin = os.fdopen(read_fd)
    runtime = Runtime(settings, emit=lambda line: None, stdin=stdin, tick_s=0.05)
    result: dict[str, object] = {}
    thread = threading.Thread(target=lambda: result.update(asyncio.run(runtime.run())))
    thread.start()
    publisher = make_client(mqtt, "sensor-publisher")
    try:
        deadline = time.monotonic() + 20
        while runtime.ingest is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert runtime.ingest is not None, "sensor ingest never subscribed"
        publisher.connect(mqtt.host, mqtt.port)
        publisher.loop_start()
        reading = {"sensor": "wrist1", "ts": time.time(), "kind": "vitals",
                   "values": {"resp_rate": 26, "spo2": 91, "systolic_bp": 95, "pulse": 125,
                              "consciousness": "A", "temperature": 39.4,
                              "on_oxygen": False}}
        publisher.publish(mqtt.topic("sensors", "wrist1"), json.dumps(reading), qos=1
                          ).wait_for_publish(5)
        got = caregiver.wait_for(1, timeout_s=10.0)
        assert len(got) == 1 and got[0].kind == "news2" and got[0].level == "emergency"
        assert got[0].news2 is not None and got[0].news2 >= 7 and got[0].resident == "Mary"
    finally:
        os.write(write_fd, b"goodbye\n")
        os.close(write_fd)
        thread.join(30)
        publisher.loop_stop()
        caregiver.stop()
        stdin.close()
    assert not thread.is_alive() and result["turns"] == 1


def test_runtime_speaks_due_reminder(broker: EmbeddedBroker, keyword_model: Path,
                                     tmp_path: Path) -> None:
    import os
    import threading
    import time
    from datetime import timedelta

    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state"),
        "health.subscribe_sensors": False})
    now = [datetime(2026, 11, 30, 9, 0)]
    read_fd, write_fd = os.pipe()
    stdin = os.fdopen(read_fd)
    lines: list[str] = []
    runtime = Runtime(settings, emit=lines.append, stdin=stdin, clock=lambda: now[0],
                      tick_s=0.02)
    thread = threading.Thread(target=lambda: asyncio.run(runtime.run()))
    thread.start()
    try:
        os.write(write_fd, b"remind me in 10 minutes to drink water\n")
        deadline = time.monotonic() + 20
        while not any("heard" in x for x in lines) and time.monotonic() < deadline:
            time.sleep(0.02)
        turn = json.loads(next(x for x in lines if "heard" in x))
        assert turn["intent"] == "reminder_set"
        assert turn["reply"]["actions"][0]["task"] == "drink water"
        assert not any("reminder" in json.loads(x) for x in lines)
        now[0] += timedelta(minutes=11)  # 9:11: due; the daily 11:00 one is not
        while not any("reminder" in json.loads(x) for x in lines) and \
                time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.close(write_fd)
        thread.join(30)
        stdin.close()
    said = [d for d in map(json.loads, lines) if "reminder" in d]
    assert [s["say"] for s in said] == ["It is time to drink water."]
    assert Path(said[0]["wav_out"]).is_file()


def test_runtime_replay_raises_alerts_and_bad_replay_fails_first(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    from device.demo import demo_replay_path

    base = {"mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
            "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state"),
            "health.subscribe_sensors": False}
    lines: list[str] = []
    settings = load_settings(example_config_path(),
                             {**base, "health.replay": str(demo_replay_path())})
    summary = asyncio.run(Runtime(settings, emit=lines.append, stdin=io.StringIO("")).run())
    alerts = [json.loads(x)["alert"] for x in lines if '"alert"' in x]
    assert summary["turns"] == 0
    assert {a["kind"] for a in alerts} == {"news2", "news2_trend"}
    assert max(a["news2"] for a in alerts) >= 5

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"ts": 1}\nnot json\n')
    broken = load_settings(example_config_path(), {**base, "health.replay": str(bad)})
    with pytest.raises(ValueError, match="bad.jsonl:2: malformed json"):
        asyncio.run(Runtime(broken, emit=lines.append, stdin=io.StringIO("hello\n")).run())


def test_alert_raised_while_broker_down_is_sent_on_next_start(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    """Nothing lost: a fall heard while the broker is down stays in the outbox across a
    device restart and reaches a caregiver (persistent session) once the broker is back."""
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state"),
        "health.subscribe_sensors": False})
    mqtt = settings.mqtt.to_mqtt(broker.url)
    CaregiverClient(mqtt, client_id="durable-caregiver", clean=False).start().stop()
    broker.stop()
    lines: list[str] = []
    down = asyncio.run(Runtime(settings, emit=lines.append, stdin=io.StringIO("I fell down\n"),
                               connect_wait_s=0.5, flush_s=0.5).run())
    assert down["alerts_raised"] == 1 and down["alerts_flushed"] is False
    alert_id = json.loads(lines[0])["alerts"][0]
    broker.start()
    up = asyncio.run(Runtime(settings, emit=lines.append, stdin=io.StringIO("")).run())
    assert up["alerts_flushed"] is True
    caregiver = CaregiverClient(mqtt, client_id="durable-caregiver", clean=False).start()
    try:
        got = caregiver.wait_for(1, timeout_s=10.0)
    finally:
        caregiver.stop()
    assert [a.id for a in got] == [alert_id] and got[0].kind == "spoken_fall"


def _settings(broker: EmbeddedBroker, model: Path, tmp_path: Path, **extra: object) -> object:
    return load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(model),
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state"),
        "health.subscribe_sensors": False, **extra})


def test_a_failing_turn_is_reported_and_the_input_goes_on(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    """Any exception in one turn (here SQLite's) is one JSON error line; the input service
    is not restarted and the next line is handled."""
    import sqlite3

    class Faulty(Runtime):
        def _build(self):  # type: ignore[no-untyped-def]
            assistant = super()._build()
            handle = assistant.dialogue.handle

            def broken(intent: str, text: str, *a: object, **k: object) -> object:
                if text == "what time is it":
                    raise sqlite3.OperationalError("disk I/O error")
                return handle(intent, text, *a, **k)

            assistant.dialogue.handle = broken  # type: ignore[method-assign]
            return assistant

    settings = _settings(broker, keyword_model, tmp_path)
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="rt-faulty",
                                clean=True).start()
    lines: list[str] = []
    try:
        summary = asyncio.run(Faulty(settings, emit=lines.append, tick_s=0.05, stdin=io.StringIO(
            "good morning\nwhat time is it\nhelp me\n")).run())
        got = caregiver.wait_for(1, timeout_s=10.0)
    finally:
        caregiver.stop()
    out = [json.loads(x) for x in lines]
    err = [x for x in out if "error" in x]
    assert err == [{"error": "disk I/O error", "type": "OperationalError", "source": "text"}]
    assert [x["intent"] for x in out if "heard" in x] == ["greeting", "emergency_help"]
    assert summary["errors"] == 1 and summary["restarts"] == {} and summary["turns"] == 2
    assert [a.kind for a in got] == ["help_request"]


def test_wav_input_restarted_never_replays_a_file(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    from device.loaders import make_speaker

    speaker = make_speaker(load_settings(example_config_path()))
    wavs = [str(speaker.to_wav(t, tmp_path / f"{i}.wav"))
            for i, t in enumerate(["good morning", "help me"])]

    class Failing(Runtime):
        """The input service itself fails once, after its first file."""

        failed = False

        def _turn(self, text=None, wav=None, **kw):  # type: ignore[no-untyped-def]
            turn = super()._turn(text, wav, **kw)
            if not Failing.failed:
                Failing.failed = True
                raise RuntimeError("input device reset")
            return turn

    settings = _settings(broker, keyword_model, tmp_path,
                         **{"input.source": "wav", "input.wav": wavs})
    lines: list[str] = []
    summary = asyncio.run(Failing(settings, emit=lines.append, tick_s=0.05).run())
    heard = [json.loads(x)["source"] for x in lines if '"heard"' in x]
    assert heard == wavs  # each once, in order, after the restart
    assert summary["restarts"] == {"input": 1} and summary["alerts_raised"] == 1


def test_status_file_cli_and_retained_topic(broker: EmbeddedBroker, keyword_model: Path,
                                            tmp_path: Path) -> None:
    import threading

    from health.mqtt_settings import make_client

    settings = _settings(broker, keyword_model, tmp_path)
    summary = asyncio.run(Runtime(settings, emit=lambda line: None, tick_s=0.05,
                                  stdin=io.StringIO("good morning\n")).run())
    assert summary["turns"] == 1
    proc = subprocess.run([sys.executable, "-m", "device", "status", "--config",
                           str(example_config_path()), "--set",
                           f"output.state_dir={tmp_path / 'state'}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    status = json.loads(line)
    assert status["running"] is False and status["stopped"] is True
    assert {"safety", "reminders", "intent", "outbox", "tts"} <= set(status["services"])
    assert status["outbox_depth"] == 0 and status["turns"] == 1
    assert len(status["models"]["intent"]["sha256"]) == 16
    assert status["services"]["intent"]["last_beat"] is not None

    mqtt = settings.mqtt.to_mqtt(broker.url)
    got: list[dict[str, object]] = []
    done = threading.Event()
    client = make_client(mqtt, "status-reader", clean=True)
    client.on_message = lambda c, u, m: (got.append(json.loads(m.payload)), done.set())
    client.on_connect = lambda c, u, f, rc, p: c.subscribe(mqtt.topic("status", "services"), 1)
    client.connect(mqtt.host, mqtt.port)
    client.loop_start()
    try:
        assert done.wait(10), "no retained status"
    finally:
        client.loop_stop()
        client.disconnect()
    assert got[0]["stopped"] is True and got[0]["home"] == "home1"

    missing = subprocess.run([sys.executable, "-m", "device", "status", "--set",
                              f"output.state_dir={tmp_path / 'nowhere'}"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60, check=False)
    assert missing.returncode == 2
    assert missing.stderr.startswith("eldercare: error: no device status in")


def test_a_stalled_service_tells_the_caregivers_once_and_when_back(
    broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path
) -> None:
    """The reminders service hangs past liveness.timeout_s: one 'monitoring offline' alert,
    then an info 'back online' once it beats again."""
    import os
    import threading
    import time

    release = threading.Event()

    class Stalling(Runtime):
        def say_due_reminders(self) -> int:
            release.wait(30)
            return super().say_due_reminders()

    settings = _settings(broker, keyword_model, tmp_path, **{"liveness.timeout_s": 5})
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="rt-stall",
                                clean=True).start()
    read_fd, write_fd = os.pipe()
    stdin = os.fdopen(read_fd)
    lines: list[str] = []
    runtime = Stalling(settings, emit=lines.append, stdin=stdin, tick_s=0.2)
    thread = threading.Thread(target=lambda: asyncio.run(runtime.run()))
    thread.start()
    try:
        got = caregiver.wait_for(1, timeout_s=30.0)
        assert [(a.kind, a.level) for a in got] == [("monitoring_offline", "urgent")]
        assert "reminders" in got[0].reason
        release.set()
        got = caregiver.wait_for(2, timeout_s=30.0)
        assert [a.kind for a in got] == ["monitoring_offline", "monitoring_online"]
        time.sleep(0.5)
    finally:
        release.set()
        os.close(write_fd)
        thread.join(30)
        caregiver.stop()
        stdin.close()
    changes = [json.loads(x)["liveness"] for x in lines if '"liveness"' in x]
    assert [(c["service"], c["online"]) for c in changes] == [("reminders", False),
                                                              ("reminders", True)]
