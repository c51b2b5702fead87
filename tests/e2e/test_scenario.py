"""`eldercare scenario`: the safety-path issue's cases as scripts on a simulated clock,
through the real device, a real mosquitto and a caregiver subscriber."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from health.broker import EmbeddedBroker

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eldercare_tests_scenario_play",
                                               Path(__file__).with_name("scenario_play.py"))
assert _spec is not None and _spec.loader is not None
sp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sp)

MORNING = "2026-11-30T08:00:00"
DOUBTFUL = "floor lights"
"""The keyword model hears a fall here, with a low score and no plain safety words: the
device asks before alerting."""


def test_repeat_fall_after_ack_alerts_again(broker: EmbeddedBroker, keyword_model: Path,
                                            tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": MORNING, "say": "I fell down"},
        {"at": "+60", "ack": "last", "by": "Anna"},
        {"at": "+600", "say": "I fell down"}])
    falls = played.calls_for_help()
    assert [a["kind"] for a in falls] == ["spoken_fall", "spoken_fall"]
    assert falls[0]["id"] != falls[1]["id"]  # a new alert (or a marked repeat), never dropped
    assert all(t["alerts"] for t in played.turns)
    assert played.summary == {"turns": 2, "alerts_received": 2, "reminders": 0, "errors": 0}


def test_help_after_help_alerts_again(broker: EmbeddedBroker, keyword_model: Path,
                                      tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": MORNING, "say": "help me please"},
        {"at": "+600", "say": "help me"}])
    helps = [a for a in played.calls_for_help() if a["kind"] == "help_request"]
    assert len({(a["id"], a["step"]) for a in helps if a["step"] == 0}) == 2
    assert [len(t["alerts"]) for t in played.turns] == [1, 1]


def test_confirm_off_keeps_the_safety_words_net(broker: EmbeddedBroker, keyword_model: Path,
                                                tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": "2026-11-30T19:00:00", "say": "hello hello I fell down"}],
        sets=("safety.confirm=false",))
    (turn,) = played.turns
    assert turn["intent"] == "greeting"  # the model missed it ...
    assert "Good evening" not in turn["say"]
    assert played.kinds() == ["spoken_fall"]  # ... the net did not


def test_restart_with_a_pending_question_still_alerts(broker: EmbeddedBroker,
                                                      keyword_model: Path,
                                                      tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": MORNING, "say": DOUBTFUL},
        {"at": "+5", "restart": True},
        {"at": "+5", "say": "what time is it"}])
    question, timeout, _ = played.turns
    assert question["reply"]["expects"] == "safety_confirm" and not question["alerts"]
    assert timeout["source"] == "timeout" and timeout["alerts"]
    assert played.kinds() == ["spoken_fall"]
    assert played.alerts[0]["id"] == timeout["alerts"][0]


def test_unanswered_question_times_out_on_the_simulated_clock(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": MORNING, "say": DOUBTFUL},
        {"at": "+60", "say": "good morning"},
        {"at": "+5", "say": DOUBTFUL},
        {"at": "+3", "say": "no I am fine"}])
    sources = [t["source"] for t in played.turns]
    assert sources == ["text", "timeout", "text", "text", "text"]
    assert played.kinds() == ["spoken_fall"]  # the "no" cancelled the second one
    assert played.summary["alerts_received"] == 1


def test_reminder_reading_and_set_lines(broker: EmbeddedBroker, keyword_model: Path,
                                        tmp_path: Path) -> None:
    vitals = {"sensor": "wrist1", "kind": "vitals", "values": {
        "resp_rate": 26, "spo2": 91, "systolic_bp": 95, "pulse": 125, "consciousness": "A",
        "temperature": 39.4, "on_oxygen": False}}
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": "2026-11-30T10:59:00", "say": "good morning"},
        {"at": "+120", "reading": vitals},
        {"at": "+10", "set": {"safety.confirm": False, "tts.rate_wpm": 120}},
        {"at": "+10", "say": DOUBTFUL},  # no question with confirm off: alerts at once
        {"at": "+10", "set": {"tts.rate_wpm": 5}}])
    reminders = [x for x in played.lines if "reminder" in x]
    assert [(r["reminder"]["id"], r["at"]) for r in reminders] == \
        [("daily-11:00", "2026-11-30T11:00:00")]
    assert played.kinds() == ["news2", "spoken_fall"]
    (bad,) = played.errors
    assert bad["line"] == 5 and "tts.rate_wpm must be 80..250" in bad["error"]
    assert played.summary == {"turns": 2, "alerts_received": 2, "reminders": 1, "errors": 1}


def test_scenario_cli_embedded_broker_and_bad_lines(keyword_model: Path,
                                                    tmp_path: Path) -> None:
    script = tmp_path / "s.jsonl"
    script.write_text(json.dumps({"at": MORNING, "say": "I fell down"}) + "\n" +
                      json.dumps({"at": "+30", "say": "good morning"}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "device", "scenario", str(script),
                           "--model", str(keyword_model)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["intent"] for x in out if "heard" in x] == ["fall_report", "greeting"]
    assert [x["alert"]["kind"] for x in out if "alert" in x] == ["spoken_fall"]
    assert out[-1] == {"turns": 2, "alerts_received": 1, "reminders": 0, "errors": 0}

    script.write_text(json.dumps({"at": MORNING, "say": "hi"}) + "\n" +
                      json.dumps({"at": "+5", "ack": 3}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "device", "scenario", str(script)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("eldercare: error:")
    assert 's.jsonl:2: "ack" must be "last" or an alert id' in err[0]


def test_medicine_doses_remind_and_a_missed_reminder_fires_late(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    """Each dose time of the care plan reminds; a reminder due while the device was off
    (10:58 to 11:05) is said when it is back, with its time."""
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": "2026-11-30T07:59:00", "say": "good morning"},
        {"at": "+120", "say": "I took my pills"},
        {"at": "2026-11-30T10:58:00", "say": "hello"},
        {"at": "2026-11-30T11:05:00", "restart": True}])
    reminders = [x for x in played.lines if "reminder" in x]
    assert [(r["at"], r["reminder"]["late"]) for r in reminders] == [
        ("2026-11-30T08:00:00", False), ("2026-11-30T11:05:00", True)]
    assert "metformin" in reminders[0]["say"] and "eleven o'clock" in reminders[1]["say"]


def test_pills_early_and_the_evening_question(broker: EmbeddedBroker, keyword_model: Path,
                                              tmp_path: Path) -> None:
    """'I took my pills' an hour before the dose records nothing; asked at 19:35, the
    device speaks of this morning's dose only (the 20:00 one is not due yet)."""
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": "2026-11-30T07:00:00", "say": "I took my pills"},
        {"at": "2026-11-30T19:35:00", "say": "have I taken my pills today"}])
    early, evening = played.turns
    assert not [a for a in early["reply"]["actions"] if a["kind"] == "dose"]
    assert "this morning" in evening["say"]
    assert evening["say"].count("metformin") == 1 and "this evening" not in evening["say"]
    assert "dose_unconfirmed" in played.kinds()  # the 08:00 dose went unconfirmed


def test_an_unacknowledged_call_escalates_on_the_simulated_clock(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    from datetime import datetime

    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": MORNING, "say": "I fell down"},
        {"at": "+400", "say": "good morning"}])
    steps = [(a["step"], a["notify"], datetime.fromtimestamp(a["ts"]).isoformat())
             for a in played.alerts]
    assert steps == [(0, "Anna", MORNING), (1, "Tom", "2026-11-30T08:05:00")]
