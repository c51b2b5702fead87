"""The care plan's bullets of the safety-path issue as `eldercare scenario` scripts: dose
reminders, an unconfirmed dose told to the caregivers over a real mosquitto, a one-off
reminder that survives a restart, and the evening medicine question."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from health.broker import EmbeddedBroker

_E2E = Path(__file__).resolve().parents[1] / "e2e"


def _load(name: str, file: str) -> Any:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _E2E / file)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


sp = _load("eldercare_tests_scenario_play", "scenario_play.py")


@pytest.fixture(scope="module")
def keyword_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tiny = _load("eldercare_tests_tiny_intent", "tiny_intent.py")
    return Path(tiny.build_keyword_model(tmp_path_factory.mktemp("intent") / "intent"))


def test_dose_reminder_unconfirmed_warning_and_one_off_across_restart(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": "2026-11-30T07:50:00", "say": "remind me to water the plants at 9 am"},
        {"at": "+60", "restart": True},
        {"at": "2026-11-30T09:05:00", "say": "have I taken my pills today"},
        {"at": "+10", "say": "yes"}])
    said = [(x["reminder"]["id"], x["say"], x["at"]) for x in played.lines if "reminder" in x]
    assert said == [
        ("dose-08:00", "It is time to take your metformin and amlodipine.",
         "2026-11-30T08:00:00"),
        ("r1", "It is time to water the plants.", "2026-11-30T09:00:00")]
    (warning,) = [a for a in played.alerts if a["kind"] == "dose_unconfirmed"]
    assert warning["level"] == "warning" and "metformin and amlodipine" in warning["reason"]
    query, yes = played.turns[1:]
    assert query["reply"]["text"] == ("I have no record of your metformin and amlodipine at "
                                      "eight o'clock this morning. Did you take them?")
    assert sorted(a["medicine"] for a in yes["reply"]["actions"] if a["kind"] == "dose") == \
        ["amlodipine", "metformin"]
    assert played.summary["errors"] == 0 and played.summary["reminders"] == 2


def test_evening_question_and_early_dose(broker: EmbeddedBroker, keyword_model: Path,
                                         tmp_path: Path) -> None:
    played = sp.play(tmp_path, broker.url, keyword_model, [
        {"at": "2026-11-30T19:00:00", "say": "I took them"},  # the morning's, told late
        {"at": "2026-11-30T19:10:00", "say": "I took them"},  # the evening's, 50 min early
        {"at": "+10", "say": "no"},
        {"at": "2026-11-30T19:35:00", "say": "have I taken my pills today"}],
        sets=("care_plan.reminders=[]",))
    morning, early, no, evening = played.turns
    assert {a["slot"] for a in morning["reply"]["actions"] if a["kind"] == "dose"} == {"08:00"}
    assert early["reply"]["expects"] == "confirm_early" and not early["reply"]["actions"]
    assert not no["reply"]["actions"]
    assert evening["reply"]["text"] == (
        "Yes. You took your metformin and amlodipine at eight o'clock this morning. You are "
        "up to date. Your next dose is metformin at eight o'clock this evening.")
    assert [x["reminder"]["id"] for x in played.lines if "reminder" in x] == []
    assert played.alerts == []
