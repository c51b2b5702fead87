"""Speculative decoding at the resident's pause, through the device runtime: real TTS
speech played in real time by a stand-in microphone, the real recognizers (the hybrid,
or Whisper tiny.en), a real mosquitto on loopback and a tiny real intent model.

- the pause was the end: the turn takes the speculative transcript; the runtime's own
  recognizer never decodes the utterance (its final() calls are counted);
- "I fell ... in the kitchen": the first pause's speculation is discarded when speech
  resumes; the turn hears both halves;
- a speculative recognizer that crashes: logged with its traceback, counted, the turn
  decodes the utterance itself and the call for help reaches a caregiver;
- the setting is validated.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from device.runtime import Runtime
from device.settings import SettingsError, example_config_path, load_settings
from health.broker import EmbeddedBroker
from speech.audio import AudioClip, read_wav

RATE = 16000
CHUNK_S = 0.03
LONG_S = 1.5
"""A final() on at least this much audio is a resident's utterance (the start-up
self-test decodes 0.5 s of silence with 0.3 s of padding each side)."""


@pytest.fixture(scope="module")
def keyword_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The e2e tests' keyword-bag intent model (real ONNX, tokenizer.json, config.json)."""
    name = "eldercare_tests_tiny_intent"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "e2e" / "tiny_intent.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("intent") / "intent"
    return Path(sys.modules[name].build_keyword_model(folder))


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory, piper_speaker: Any) -> dict[str, bytes]:
    """The resident's phrases as 16 kHz PCM from real WAVs (Piper, the repeatable voice)."""
    folder = tmp_path_factory.mktemp("voice")
    texts = {"time": "what time is it", "fell": "I fell", "kitchen": "in the kitchen",
             "help": "help me I have fallen"}
    return {k: read_wav(piper_speaker.to_wav(t, folder / f"{k}.wav"), RATE).to_bytes()
            for k, t in texts.items()}


def _clip(pcm: bytes) -> AudioClip:
    return AudioClip(np.frombuffer(pcm, dtype="<i2").astype(np.int16), RATE)


class ScriptMic:
    """Stand-in microphone: PCM and silences in real time, one 30 ms chunk per 30 ms, with
    faint room noise (as a sound card delivers them)."""

    def __init__(self, parts: list[bytes | float]) -> None:
        self.sample_rate = RATE
        self.device_overflows = 0
        pcm = b"".join(p if isinstance(p, bytes) else bytes(int(p * RATE) * 2)
                       for p in [0.5, *parts])
        x = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
        x += np.random.default_rng(0).normal(0.0, 20.0, len(x))
        self._pcm = np.clip(x, -32768, 32767).astype("<i2").tobytes()
        self._n = 0
        self._t0: float | None = None

    def read(self) -> bytes | None:
        step = int(RATE * CHUNK_S) * 2
        if self._n * step >= len(self._pcm):
            return None
        if self._t0 is None:
            self._t0 = time.monotonic()
        wait = self._t0 + (self._n + 1) * CHUNK_S - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        chunk = self._pcm[self._n * step:(self._n + 1) * step].ljust(step, b"\0")
        self._n += 1
        return chunk

    def close(self) -> None:
        pass


class MicRuntime(Runtime):
    mic: ScriptMic

    def _make_audio_source(self, rate: int) -> Any:
        assert rate == RATE
        return self.mic


class Counted:
    """Every recognizer the runtime makes, with the audio seconds of each final()."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, crash_speculative: bool = False
                 ) -> None:
        import device.loaders

        self.made: list[tuple[bool, Any, list[float]]] = []
        real = device.loaders.make_recognizer

        def make(settings: Any, state_dir: Path | None = None) -> Any:
            rec = real(settings, state_dir)
            finals: list[float] = []
            fed = [0]
            accept, final, reset = rec.accept, rec.final, rec.reset
            main = state_dir is not None  # the runtime's own; the speculator's has none

            def counted_accept(pcm: bytes) -> Any:
                fed[0] += len(pcm)
                return accept(pcm)

            def counted_final() -> Any:
                finals.append(fed[0] / 2 / RATE)
                fed[0] = 0
                if crash_speculative and not main:
                    raise RuntimeError("speculative decoder state lost")
                return final()

            def counted_reset() -> None:
                fed[0] = 0
                reset()

            rec.accept, rec.final, rec.reset = counted_accept, counted_final, counted_reset
            self.made.append((main, rec, finals))
            return rec

        monkeypatch.setattr(device.loaders, "make_recognizer", make)

    def long_finals(self, main: bool) -> list[float]:
        return [s for m, _r, fs in self.made if m == main for s in fs if s >= LONG_S]


def _settings(tmp_path: Path, broker: EmbeddedBroker, keyword_model: Path,
              engine: str = "hybrid", speculate: float = 0.3) -> Any:
    return load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "asr.engine": engine, "asr.model": "tiny.en", "asr.threads": 1,
        "input.source": "mic", "input.speculate_after_s": speculate,
        "safety.confirm_timeout_s": 2.0,
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")})


def _run(tmp_path: Path, broker: EmbeddedBroker, keyword_model: Path, parts: list[Any],
         engine: str = "hybrid", speculate: float = 0.3,
         ) -> tuple[MicRuntime, list[dict[str, Any]], dict[str, Any]]:
    settings = _settings(tmp_path, broker, keyword_model, engine, speculate)
    lines: list[str] = []
    rt = MicRuntime(settings, emit=lines.append, clock=lambda: datetime(2026, 11, 30, 10, 0),
                    tick_s=0.05)
    rt.mic = ScriptMic(parts)
    summary = asyncio.run(rt.run())
    return rt, [json.loads(x) for x in lines], summary


def test_the_pause_was_the_end_the_speculative_transcript_is_used(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path,
        voice: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    rt, lines, summary = _run(tmp_path, broker, keyword_model, [voice["time"], 1.6])
    turns = [t for t in lines if "heard" in t]
    assert [t["heard"] for t in turns] == ["what time is it"], lines
    assert turns[0]["intent"] == "time_query"
    stats = rt.audio_stats
    assert stats["speculations"] == 1 and stats["speculations_used"] == 1, stats
    assert stats["speculation_failures"] == 0 and stats["speculation_fallbacks"] == 0
    assert counted.long_finals(main=False) and len(counted.long_finals(main=False)) == 1
    assert counted.long_finals(main=True) == []  # the utterance was decoded once
    assert summary["errors"] == 0
    # the hybrid's fast path carries on from the speculation's cepstral mean
    (main,), (spec,) = ([r for m, r, _f in counted.made if m is want] for want in (True, False))
    assert main.fast.cepstral_mean == spec.fast.cepstral_mean


def test_speech_resumes_after_a_pause_the_speculation_is_discarded(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path,
        voice: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    """ "I fell ... in the kitchen": one turn that holds both halves."""
    counted = Counted(monkeypatch)
    rt, lines, _summary = _run(tmp_path, broker, keyword_model,
                               [voice["fell"], 0.45, voice["kitchen"], 1.6], engine="whisper")
    turns = [t for t in lines if "heard" in t]
    assert len(turns) == 1, lines
    assert "fell" in turns[0]["heard"] and "kitchen" in turns[0]["heard"], turns
    stats = rt.audio_stats
    assert stats["speculations"] == 2 and stats["speculations_discarded"] == 1, stats
    assert stats["speculations_used"] == 1 and stats["speculation_failures"] == 0
    assert counted.long_finals(main=True) == []
    # the used speculation (the last decode) heard the whole sentence
    decoded = [s for m, _r, fs in counted.made if not m for s in fs]
    assert decoded and decoded[-1] == max(decoded) >= LONG_S


def test_speculation_off_decodes_at_the_end(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path,
        voice: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    rt, lines, _summary = _run(tmp_path, broker, keyword_model, [voice["time"], 1.6],
                               speculate=0)
    assert [t["heard"] for t in lines if "heard" in t] == ["what time is it"]
    assert "speculations" not in rt.audio_stats
    assert len(counted.long_finals(main=True)) == 1
    assert [m for m, _r, _f in counted.made] == [True]  # no second recognizer


def test_a_crashing_speculation_falls_back_and_the_call_for_help_reaches_a_caregiver(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path,
        voice: dict[str, bytes], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    from health.caregiver import CaregiverClient

    counted = Counted(monkeypatch, crash_speculative=True)
    settings = _settings(tmp_path, broker, keyword_model)
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="spec-cg",
                                clean=True).start()
    try:
        with caplog.at_level("ERROR", "device.speculative"):
            rt, lines, summary = _run(tmp_path, broker, keyword_model,
                                      [voice["help"], 1.6])
        got = caregiver.wait_for(1, timeout_s=15.0)
    finally:
        caregiver.stop()
    turns = [t for t in lines if "heard" in t]
    assert len(turns) == 1 and turns[0]["intent"] in ("emergency_help", "fall_report"), lines
    # "help me I have fallen" is both: the fast path may hear the fall without "help me"
    # in every hypothesis (then its first hypothesis without it decides: a fall)
    assert turns[0]["alerts"] == [got[0].id] and got[0].kind in ("help_request",
                                                                 "spoken_fall")
    stats = rt.audio_stats
    assert stats["speculation_failures"] == 1 and stats["speculation_fallbacks"] == 1, stats
    assert stats["speculations_used"] == 0
    assert len(counted.long_finals(main=True)) == 1  # decoded again by the runtime's own
    assert "speculative decode" in caplog.text and "speculative decoder state lost" in \
        caplog.text and "Traceback" in caplog.text
    assert summary["errors"] == 0  # the turn itself did not fail


@pytest.mark.parametrize("value", [1.0, 2.5, -0.2, 0.001, "0.3", True])
def test_speculate_after_s_is_checked_before_start(value: Any) -> None:
    with pytest.raises(SettingsError, match="speculate_after_s"):
        load_settings(example_config_path(), sets=[f"input.speculate_after_s={json.dumps(value)}"])


@pytest.mark.parametrize("value", [None, 0, 0.3, 0.5])
def test_speculate_after_s_off_or_valid(value: Any) -> None:
    s = load_settings(example_config_path(), sets=[f"input.speculate_after_s={json.dumps(value)}"])
    assert s.input.speculate_after_s == value
    assert load_settings(example_config_path()).input.speculate_after_s == 0.3


def test_a_turn_never_waits_for_a_speculation_that_has_not_started(
        voice: dict[str, bytes]) -> None:
    """The worker is busy with an earlier (discarded) speculation: the newer one is not
    waited for; the turn decodes the clip at once, and the newer one never runs."""
    import threading

    from device.speculative import Speculator
    from speech.asr import create_recognizer
    from speech.endpoint import Utterance

    rec = create_recognizer("pocketsphinx")
    busy, release = threading.Event(), threading.Event()
    final = rec.final

    def held_final() -> Any:
        busy.set()
        release.wait(10)
        return final()

    rec.final = held_final
    speculator = Speculator(rec, _clip)
    try:
        pcm = voice["time"]
        stale = speculator.offer(Utterance(pcm[:len(pcm) // 2], 0.0, 0.5, "pause"))
        assert busy.wait(10)
        speculator.discard(stale)
        newer = speculator.offer(Utterance(pcm, 0.0, 1.0, "pause"))
        t0 = time.monotonic()
        assert speculator.take(newer, pcm + bytes(640)) is None
        assert time.monotonic() - t0 < 1.0  # did not wait for the stale decode
        release.set()
        assert stale.wait(10) and newer.done() and not newer.started
    finally:
        release.set()
        speculator.close()
    assert speculator.stats() == {"speculations": 2, "speculations_used": 0,
                                  "speculations_discarded": 1, "speculation_failures": 0,
                                  "speculation_fallbacks": 1}

