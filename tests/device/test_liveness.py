"""Liveness registry, watched parts, the supervisor's back-off, and scenario scripts."""

from __future__ import annotations

import asyncio
import json
import math
from datetime import datetime
from pathlib import Path

import pytest

from device.liveness import Liveness, WatchedIntentModel, WatchedSpeaker
from device.runtime import supervise
from device.scenario import ScenarioError, parse_script
from device.scenario_cli import read_status
from device.settings import SettingsError, example_config_path, load_settings


class FakeClock:
    def __init__(self) -> None:
        self.t = 1_000.0

    def __call__(self) -> float:
        return self.t


def test_liveness_reports_each_outage_once_and_the_recovery() -> None:
    clock = FakeClock()
    live = Liveness(timeout_s=10.0, clock=clock)
    live.watch("input")
    live.watch("tts", math.inf)
    assert live.check() == []
    clock.t += 5
    live.beat("input")
    clock.t += 8
    assert live.check() == []  # 8 s since the last beat
    clock.t += 5
    (down,) = live.check()
    assert (down.service, down.online) == ("input", False)
    assert "no heartbeat for 13 s" in down.detail
    clock.t += 100
    assert live.check() == []  # once per outage
    assert live.offline() == ("input",)
    live.beat("input")
    (up,) = live.check()
    assert (up.service, up.online) == ("input", True)
    live.fail("tts", "RuntimeError: espeak died")
    (tts,) = live.check()
    assert (tts.service, tts.online, tts.detail) == ("tts", False, "RuntimeError: espeak died")
    states = live.states()
    assert states["tts"].to_json()["timeout_s"] is None and not states["tts"].online
    assert states["input"].online and states["input"].last_beat == clock.t
    live.unwatch("input")
    assert "input" not in live.states()
    with pytest.raises(ValueError, match="positive"):
        Liveness(timeout_s=0)


class Result:
    def __init__(self, text: str) -> None:
        self.text, self.intent, self.score = text, "fall_report", 0.99


class FlakyModel:
    def __init__(self) -> None:
        self.calls = 0
        self.config = "kept"

    def classify(self, text: str) -> Result:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("onnxruntime session lost")
        return Result(text)


def test_watched_model_falls_back_to_the_safety_words_net_and_reports() -> None:
    live = Liveness(timeout_s=10.0, clock=FakeClock())
    live.watch("intent")
    model = WatchedIntentModel(FlakyModel(), live)
    first = model.classify("I fell down")
    assert (first.intent, first.score, first.text) == ("out_of_scope", 0.0, "I fell down")
    assert model.failures == 1 and model.config == "kept"
    (down,) = live.check()
    assert not down.online and "onnxruntime session lost" in down.detail
    assert model.classify("I fell down").intent == "fall_report"
    (up,) = live.check()
    assert up.online


def test_watched_speaker_reports_and_raises() -> None:
    class Broken:
        rate = 140

        def to_wav(self, text: str, path: object) -> str:
            raise OSError("no espeak")

    live = Liveness(timeout_s=10.0, clock=FakeClock())
    live.watch("tts", math.inf)
    speaker = WatchedSpeaker(Broken(), live)
    with pytest.raises(OSError, match="no espeak"):
        speaker.to_wav("hello", "x.wav")
    assert speaker.rate == 140 and not live.check()[0].online


def test_supervise_resets_its_backoff_after_a_healthy_run() -> None:
    delays: list[float] = []
    runs = iter([0.0, 0.0, 1.1, 0.0])  # the third run is 'healthy' (>= healthy_s)

    async def service() -> None:
        try:
            ran = next(runs)
        except StopIteration:
            return
        await asyncio.sleep(ran)
        raise RuntimeError("boom")

    async def main() -> int:
        loop = asyncio.get_running_loop()
        last = [loop.time()]

        def restarted(name: str, exc: Exception) -> None:
            delays.append(loop.time() - last[0])
            last[0] = loop.time()

        return await supervise("svc", service, asyncio.Event(), backoff_s=0.2,
                               max_backoff_s=10.0, healthy_s=1.0, on_restart=restarted)

    assert asyncio.run(main()) == 4
    # gaps between failures: the run plus the back-off before it: 0.2, then 0.4, then
    # (after the healthy 1.1 s run) 0.2 again instead of 0.8
    assert delays[1] >= 0.2 and delays[2] >= 0.4 + 1.1
    assert delays[3] < 0.6


def test_liveness_settings_are_checked() -> None:
    s = load_settings(example_config_path(), sets=["liveness.timeout_s=30"])
    assert s.liveness.timeout_s == 30.0
    with pytest.raises(SettingsError, match="liveness.timeout_s must be 5..3600"):
        load_settings(example_config_path(), sets=["liveness.timeout_s=1"])


@pytest.mark.parametrize(("line", "needle"), [
    ('{"say": "hello"}', '"at" is missing'),
    ('{"at": "+5", "say": "hi", "restart": true}', "give exactly one of"),
    ('{"at": "+5"}', "give exactly one of"),
    ('{"at": "soon", "say": "hi"}', "not an ISO time"),
    ('{"at": "+x", "say": "hi"}', 'is not "+SECONDS"'),
    ('{"at": "+5", "shout": "hi"}', "unknown key 'shout'"),
    ('{"at": "+5", "say": ""}', "needs non-empty text"),
    ('{"at": "+5", "restart": 1}', '"restart" must be true'),
    ('{"at": "+5", "set": {"confirm": false}}', '"set" must be an object such as'),
    ('{"at": "+5", "say": "hi", "by": "Anna"}', '"by" goes with "ack"'),
    ('{"at": "+5", "wav": "missing.wav"}', "does not exist"),
    ('{"at": "2026-11-30T07:00:00", "say": "hi"}', "before the previous line"),
    ("[1, 2]", "must be a JSON object"),
    ("{not json", "malformed JSON"),
])
def test_bad_script_lines_name_their_line(tmp_path: Path, line: str, needle: str) -> None:
    script = tmp_path / "s.jsonl"
    script.write_text('{"at": "2026-11-30T08:00:00", "say": "good morning"}\n\n' + line + "\n")
    with pytest.raises(ScenarioError, match=r"s\.jsonl:3: ") as info:
        parse_script(script)
    assert needle in str(info.value)


def test_script_times_relative_and_absolute(tmp_path: Path) -> None:
    script = tmp_path / "s.jsonl"
    script.write_text("\n".join(json.dumps(x) for x in [
        {"at": "2026-11-30T08:00:00", "say": "good morning"},
        {"at": "+90", "ack": "last", "by": "Anna"},
        {"at": "2026-11-30T09:00:00+00:00", "set": {"safety.confirm": False}},
        {"at": "+0", "restart": True}]))
    steps = parse_script(script)
    assert [s.action for s in steps] == ["say", "ack", "set", "restart"]
    assert steps[1].at == datetime(2026, 11, 30, 8, 1, 30) and steps[1].by == "Anna"
    assert steps[3].at == steps[2].at and steps[0].line == 1


def test_read_status_age_and_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no device status"):
        read_status(tmp_path)
    (tmp_path / "status.json").write_text("{broken")
    with pytest.raises(ValueError, match="damaged"):
        read_status(tmp_path)
    (tmp_path / "status.json").write_text(json.dumps({"ts": 100.0, "tick_s": 1.0}))
    assert read_status(tmp_path, now=105.0)["running"] is True
    late = read_status(tmp_path, now=200.0)
    assert late["running"] is False and late["age_s"] == 100.0
