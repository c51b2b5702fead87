"""Fault injection: in each fault a call for help still reaches a caregiver subscriber on a
real mosquitto, none is suppressed, and no reply claims that a caregiver was told when
they were not (scenario_play.assert_truthful runs on every scenario)."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eldercare_tests_scenario_play",
                                               Path(__file__).with_name("scenario_play.py"))
assert _spec is not None and _spec.loader is not None
sp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sp)

MORNING = "2026-11-30T08:00:00"
HELP = [{"at": MORNING, "say": "help me"}, {"at": "+30", "say": "good morning"}]


def _help_reached(played: Any, n: int = 1) -> list[dict[str, Any]]:
    helps = [a for a in played.alerts if a["kind"] == "help_request" and a["step"] == 0]
    assert len(helps) >= n, played.lines
    return helps


def _offline(played: Any, service: str) -> bool:
    return any(a["kind"] == "monitoring_offline" and a["details"]["service"] == service
               for a in played.alerts)


def _once(fn: Any, exc: BaseException, times: int = 1) -> Any:
    """``fn`` that raises ``exc`` on its first ``times`` calls."""
    left = [times]

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if left[0] > 0:
            left[0] -= 1
            raise exc
        return fn(*args, **kwargs)

    return wrapped


def test_sqlite_disk_full(broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    """The outbox cannot store (SQLite says the disk is full, twice): the alert is
    published directly and held for storing; the reply says it is trying, not 'told'."""
    def fill(rt: Any) -> None:
        outbox = rt.home.alerts.outbox
        outbox.store = _once(outbox.store,
                             sqlite3.OperationalError("database or disk is full"), 2)

    played = sp.play(tmp_path, broker.url, keyword_model, HELP, runtime_hook=fill)
    (alert,) = _help_reached(played)
    turn = played.turns[0]
    (outcome,) = [o for o in turn["outcomes"] if o["kind"] == "alert"]
    assert outcome["status"] == "pending" and "full" in outcome["data"]["error"]
    assert outcome["data"]["alert"] == alert["id"] and sp.TOLD not in turn["say"]


def test_read_only_state_folder(broker: EmbeddedBroker, keyword_model: Path,
                                tmp_path: Path) -> None:
    """Writes to the state folder fail (a real SQLITE_READONLY from query_only, and the
    status file's folder replaced by a file): the call still reaches the caregiver."""
    def read_only(rt: Any) -> None:
        rt.home.alerts.outbox._db.execute("PRAGMA query_only=ON")
        rt.state_dir = tmp_path / "not-a-folder"  # status.json cannot be written there
        rt.state_dir.write_text("")

    played = sp.play(tmp_path, broker.url, keyword_model, HELP, runtime_hook=read_only)
    _help_reached(played)
    (outcome,) = [o for o in played.turns[0]["outcomes"] if o["kind"] == "alert"]
    assert outcome["status"] == "pending" and "readonly" in outcome["data"]["error"]
    assert _offline(played, "state")


def test_tts_crash_keeps_the_alert(broker: EmbeddedBroker, keyword_model: Path,
                                   tmp_path: Path) -> None:
    def break_tts(rt: Any) -> None:
        def crash(text: str, path: Any) -> Any:
            raise RuntimeError("espeak-ng crashed")
        rt.assistant.speaker._speaker.to_wav = crash

    played = sp.play(tmp_path, broker.url, keyword_model, HELP, runtime_hook=break_tts)
    (alert,) = _help_reached(played)
    # the turn's own line stands, with its alert and why there is no reply audio
    spoken = [t for t in played.turns if t.get("tts_error")]
    assert spoken and all("espeak-ng crashed" in t["tts_error"] for t in spoken)
    assert spoken[0]["alerts"] == [alert["id"]]
    assert _offline(played, "tts")
    assert played.summary["errors"] == 2  # both turns failed to speak, neither lost its alert


def test_intent_model_crash_leaves_the_safety_words_net(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    def break_model(rt: Any) -> None:
        def crash(text: str) -> Any:
            raise RuntimeError("onnxruntime: session lost")
        rt.assistant.intent_model._model.classify = crash

    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "say": "help me"}, {"at": "+5", "say": "yes"}],
                     runtime_hook=break_model)
    _help_reached(played)
    assert played.turns[0]["intent"] == "out_of_scope"
    assert _offline(played, "intent")


def test_dialogue_exception_still_alerts_plain_words(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    def break_dialogue(rt: Any) -> None:
        d = rt.assistant.dialogue
        d.handle = _once(d.handle, RuntimeError("dialogue state corrupt"))

    played = sp.play(tmp_path, broker.url, keyword_model, HELP, runtime_hook=break_dialogue)
    (alert,) = _help_reached(played)
    (err,) = played.errors
    assert err["alerts"] == [alert["id"]] and "dialogue state corrupt" in err["error"]
    assert [t["intent"] for t in played.turns] == ["greeting"]  # the next turn goes on


def test_corrupt_pending_question_file(broker: EmbeddedBroker, keyword_model: Path,
                                       tmp_path: Path) -> None:
    """A pending safety question left by the last run is unreadable: it still counts as a
    call for help and alerts at start."""
    work = tmp_path / "work"
    (work / "state").mkdir(parents=True)
    (work / "state" / "safety-pending.json").write_text('{"intent": "fall_rep')
    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "say": "good morning"}], work=work)
    _help_reached(played)
    assert played.turns[0]["source"] == "timeout"


def test_broker_down_then_back(broker: EmbeddedBroker, keyword_model: Path,
                               tmp_path: Path) -> None:
    def outage(step: Any, player: Any) -> None:
        if step.line == 1:
            broker.stop()
        elif step.line == 2:
            broker.start()

    played = sp.play(tmp_path, broker.url, keyword_model, HELP, step_hook=outage, wait_s=15)
    (alert,) = _help_reached(played)
    (outcome,) = [o for o in played.turns[0]["outcomes"] if o["kind"] == "alert"]
    assert outcome["status"] == "stored" and outcome["data"]["alert"] == alert["id"]
    assert sp.TOLD not in played.turns[0]["say"]


def test_broker_restart_mid_run(broker: EmbeddedBroker, keyword_model: Path,
                                tmp_path: Path) -> None:
    def restart(step: Any, player: Any) -> None:
        if step.line == 2:
            broker.restart()

    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "say": "help me"}, {"at": "+60", "say": "I fell down"}],
                     step_hook=restart, wait_s=15)
    _help_reached(played)
    assert "spoken_fall" in played.kinds()


def test_exception_inside_the_sensor_ingest_callback(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    """A reading whose handling raises inside paho's callback (a real MQTT message): the
    ingest goes on, the next reading alerts, and so does the resident."""
    from health.mqtt_settings import make_client

    published: list[Any] = []

    def send(step: Any, player: Any) -> None:
        rt = player.runtime
        if step.line == 1:
            rt.home.monitor.process = _once(rt.home.monitor.process,
                                            RuntimeError("monitor bug"))
        if step.line in (1, 2):
            mqtt = rt.home.mqtt
            if not published:
                client = make_client(mqtt, "fault-sensor")
                client.connect(mqtt.host, mqtt.port)
                client.loop_start()
                published.append(client)
            before = rt.ingest.messages
            # over MQTT the ingest stamps arrival with the real clock: a reading of now
            reading = {"sensor": "wrist1", "ts": time.time(), "kind": "vitals",
                       "values": {"resp_rate": 26, "spo2": 91, "systolic_bp": 95,
                                  "pulse": 125, "consciousness": "A", "temperature": 39.4,
                                  "on_oxygen": False}}
            published[0].publish(mqtt.topic("sensors", "wrist1"), json.dumps(reading),
                                 qos=1).wait_for_publish(5)
            deadline = time.monotonic() + 10
            while rt.ingest.messages == before and time.monotonic() < deadline:
                time.sleep(0.01)
            assert rt.ingest.messages == before + 1

    try:
        played = sp.play(tmp_path, broker.url, keyword_model,
                         [{"at": MORNING, "say": "good morning"},
                          {"at": "+30", "say": "help me"}], step_hook=send)
    finally:
        for client in published:
            client.loop_stop()
            client.disconnect()
    _help_reached(played)
    assert "news2" in played.kinds()
    assert played.player.runtime is None  # stopped cleanly


def test_dead_ingest_thread_tells_the_caregivers(broker: EmbeddedBroker, keyword_model: Path,
                                                 tmp_path: Path) -> None:
    def kill(step: Any, player: Any) -> None:
        if step.line == 2:
            player.runtime.ingest._client.loop_stop()  # paho's network thread ends

    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "say": "good morning"},
                      {"at": "+30", "say": "help me"},
                      {"at": "+180", "say": "good morning"}], step_hook=kill)
    _help_reached(played)
    assert _offline(played, "ingest")
    back = [a for a in played.alerts if a["kind"] == "monitoring_online"]
    assert [a["details"]["service"] for a in back] == ["ingest"] and back[0]["level"] == "info"


def test_asr_crash(broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    """The recognizer crashes on one utterance; the next is heard and alerts; when the
    dialogue then crashes on a heard "help me", the recognized words still alert."""
    from device.loaders import make_speaker
    from device.settings import example_config_path, load_settings

    wav = make_speaker(load_settings(example_config_path())).to_wav("help me",
                                                                    tmp_path / "help.wav")

    def break_asr(step: Any, player: Any) -> None:
        assistant = player.runtime.assistant
        if step.line == 1:  # after the start-up self-test
            rec = assistant.recognizer._recognizer
            rec.final = _once(rec.final, RuntimeError("decoder state lost"))
        if step.line == 3:
            assistant.dialogue.handle = _once(assistant.dialogue.handle,
                                              KeyError("dialogue table"))

    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "wav": str(wav)}, {"at": "+30", "wav": str(wav)},
                      {"at": "+600", "wav": str(wav)}], step_hook=break_asr)
    helps = _help_reached(played, 2)
    asr_err, dialogue_err = played.errors
    assert asr_err["source"] == str(wav) and "decoder state lost" in asr_err["error"]
    assert "transcript" not in asr_err and "alerts" not in asr_err
    assert played.turns[0]["heard"] == "help me"
    assert dialogue_err["transcript"] == "help me" and dialogue_err["alerts"] == [helps[1]["id"]]


def test_second_opinion_crash_keeps_the_question_and_its_alert(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path, piper_speaker: Any) -> None:
    """The fast path heard a call's words that the model is not sure of ("help" and "fallen"
    split the test model's probability), so the device asked at once; Whisper's second
    opinion of the same utterance then crashes: the error is reported, the question
    stands, and its timeout still raises the alert."""
    wav = piper_speaker.to_wav("help me I have fallen", tmp_path / "help.wav")

    def break_second_opinion(step: Any, player: Any) -> None:
        if step.line == 1:  # after the start-up self-test
            rec = player.runtime.assistant.recognizer._recognizer
            rec.second_opinion = _once(rec.second_opinion, RuntimeError("whisper crashed"))

    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "wav": str(wav)}, {"at": "+60", "say": "good morning"}],
                     step_hook=break_second_opinion)
    asked = played.turns[0]
    assert asked["safety"] == "ask" and asked["alerts"] == [], played.lines
    assert [e["source"] for e in played.errors] == ["second_opinion"]
    assert "whisper crashed" in played.errors[0]["error"]
    timeout = [t for t in played.turns if t["source"] == "timeout"]
    assert len(timeout) == 1 and len(timeout[0]["alerts"]) == 1
    assert {a["id"] for a in played.alerts} >= set(timeout[0]["alerts"])


def test_kill_9_between_storing_and_publishing(broker: EmbeddedBroker, keyword_model: Path,
                                               tmp_path: Path) -> None:
    """The device is killed right after the alert is committed: the next start sends it."""
    from device.settings import example_config_path, load_settings

    args = [sys.executable, "-m", "device", "run", "--config", str(example_config_path()),
            "--broker", broker.url, "--model", str(keyword_model),
            "--set", f"output.state_dir={tmp_path / 'state'}",
            "--set", f"output.dir={tmp_path / 'out'}", "--set", "health.subscribe_sensors=false"]
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    mqtt = settings.mqtt.to_mqtt(broker.url)
    CaregiverClient(mqtt, client_id="kill9-caregiver", clean=False).start().stop()
    env = {**os.environ, "ELDERCARE_CRASH_AFTER_OUTBOX": "1"}
    crashed = subprocess.run(args, input="help me\n", capture_output=True, text=True, env=env,
                             cwd=tmp_path, timeout=120, check=False)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    assert '"heard"' not in crashed.stdout  # killed before it could say anything
    with sqlite3.connect(tmp_path / "state" / "alerts-outbox.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 1
    env.pop("ELDERCARE_CRASH_AFTER_OUTBOX")
    again = subprocess.run(args, input="", capture_output=True, text=True, env=env,
                           cwd=tmp_path, timeout=120, check=False)
    assert again.returncode == 0, again.stderr
    caregiver = CaregiverClient(mqtt, client_id="kill9-caregiver", clean=False).start()
    try:
        got = caregiver.wait_for(1, timeout_s=10.0)
    finally:
        caregiver.stop()
    assert [a.kind for a in got] == ["help_request"] and got[0].level == "emergency"


def test_reminder_crash_does_not_stop_the_device(broker: EmbeddedBroker, keyword_model: Path,
                                                 tmp_path: Path) -> None:
    """A crash in the timed work (here, the reminders) is logged and counted; calls for help
    go on."""
    def break_reminders(rt: Any) -> None:
        d = rt.assistant.dialogue
        d.due_reminders = _once(d.due_reminders, RuntimeError("reminder store broken"), 3)

    played = sp.play(tmp_path, broker.url, keyword_model, HELP, runtime_hook=break_reminders)
    _help_reached(played)
    assert any(e.get("source") == "tick" for e in played.errors)


def test_pending_question_with_a_full_disk_and_a_restart(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    """A safety question is pending when the disk is full and the device restarts: its
    alert is raised at the stop, cannot be stored, and still reaches the caregiver."""
    def fill(rt: Any) -> None:
        outbox = rt.home.alerts.outbox
        outbox.store = _once(outbox.store,
                             sqlite3.OperationalError("database or disk is full"), 1000)

    played = sp.play(tmp_path, broker.url, keyword_model,
                     [{"at": MORNING, "say": "floor lights"}, {"at": "+5", "restart": True},
                      {"at": "+5", "say": "good morning"}], runtime_hook=fill)
    falls = [a for a in played.alerts if a["kind"] == "spoken_fall"]
    assert falls, played.lines
    timeout = next(t for t in played.turns if t["source"] == "timeout")
    (outcome,) = [o for o in timeout["outcomes"] if o["kind"] == "alert"]
    assert outcome["status"] == "pending" and outcome["data"]["alert"] == falls[0]["id"]
