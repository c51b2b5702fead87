"""Barge-in, fed in real time through the capture path: the resident's voice comes from
real WAVs (Piper TTS) played by a stand-in microphone while a reply plays on a stand-in
speaker that consumes audio in real time. "Stop" cuts the reply; "help me, I have fallen"
said during a long reply cuts it, is handled first, and its alert reaches a caregiver on
a real mosquitto."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from device.duplex import DuplexListener, Heard, PartialSpotter, Player
from device.runtime import Runtime
from device.settings import example_config_path, load_settings
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from speech.asr import create_recognizer
from speech.audio import AudioClip, read_wav
from speech.capture import Capture
from speech.endpoint import EndpointConfig, Endpointer

RATE = 16000
CHUNK_S = 0.03


@pytest.fixture(scope="module")
def voice_wavs(tmp_path_factory: pytest.TempPathFactory,
               piper_speaker: Any) -> dict[str, Path]:
    """The resident's phrases as real WAV files (Piper, the repeatable voice)."""
    folder = tmp_path_factory.mktemp("voice")
    return {name: piper_speaker.to_wav(text, folder / f"{name}.wav")
            for name, text in (("story", "tell me a story"), ("stop", "stop"),
                               ("help", "help me I have fallen"))}


class ResidentMic:
    """Stand-in microphone: plays a script of real WAVs and silences in real time, one
    30 ms chunk per 30 ms, as a sound card would. Steps: ("wav", path), ("silence", s),
    ("when", event, then_s) (silence until ``event`` is set, then ``then_s`` more)."""

    def __init__(self, script: list[tuple[Any, ...]], max_s: float = 60.0) -> None:
        self.sample_rate = RATE
        self.device_overflows = 0
        self._script = list(script)
        self._buf = b""
        self._wait: tuple[threading.Event, float] | None = None
        self._t0: float | None = None
        self._n = 0
        self._max_s = max_s
        self.said_at: dict[str, float] = {}
        """Script step -> stream seconds at which its audio began."""

    def _refill(self) -> bool:
        while not self._buf:
            if self._wait is not None:
                event, then_s = self._wait
                if not event.is_set():
                    return True  # keep silent
                self._wait = None
                self._buf = bytes(int(then_s * RATE) * 2)
                continue
            if not self._script:
                return False
            step = self._script.pop(0)
            if step[0] == "wav":
                self.said_at[Path(step[1]).stem] = self._n * CHUNK_S
                self._buf = read_wav(step[1], RATE).to_bytes()
            elif step[0] == "silence":
                self._buf = bytes(int(step[1] * RATE) * 2)
            else:
                self._wait = (step[1], step[2])
        return True

    def read(self) -> bytes | None:
        if self._t0 is None:
            self._t0 = time.monotonic()
        if self._n * CHUNK_S > self._max_s or not self._refill():
            return None
        wait = self._t0 + (self._n + 1) * CHUNK_S - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        step = int(RATE * CHUNK_S) * 2
        if self._buf:
            chunk, self._buf = self._buf[:step], self._buf[step:]
            chunk = chunk.ljust(step, b"\0")
        else:
            chunk = bytes(step)
        self._n += 1
        return chunk

    def close(self) -> None:
        pass


class RealTimeSink:
    """Stand-in speaker: consumes each clip in 20 ms blocks of real time; stops within a
    block when told. Records (seconds of the clip, seconds played, cut) per clip."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.played: list[tuple[float, float, bool]] = []

    def play(self, clip: AudioClip, stop: threading.Event) -> bool:
        self.started.set()
        total = clip.seconds
        t0 = time.monotonic()
        done = 0.0
        while done < total:
            if stop.wait(0.02):
                self.played.append((total, time.monotonic() - t0, True))
                return False
            done += 0.02
        self.played.append((total, time.monotonic() - t0, False))
        return True


def test_stop_cuts_the_reply(voice_wavs: dict[str, Path]) -> None:
    sink = RealTimeSink()
    player = Player(sink)
    mic = ResidentMic([("wav", voice_wavs["story"]), ("when", sink.started, 1.0),
                       ("wav", voice_wavs["stop"]), ("silence", 1.5)])
    reply = AudioClip((np.sin(np.arange(RATE * 8) / 9.0) * 3000).astype(np.int16), RATE)
    heard: list[Heard] = []

    def handle(h: Heard) -> None:
        heard.append(h)
        if len(heard) == 1:
            player.say(reply)  # an 8 s reply to the first utterance

    listener = DuplexListener(Capture(mic), Endpointer(EndpointConfig(sample_rate=RATE)),
                              handle, player=player,
                              spotter=PartialSpotter(create_recognizer("pocketsphinx")),
                              drain_s=10)
    try:
        listener.run()
    finally:
        player.close()
    assert listener.barge_ins == ["stop"] and player.cuts == 1
    [(total, played, cut)] = sink.played
    assert cut and total == pytest.approx(8.0) and played < 4.0
    assert [h.keyword for h in heard] == [None, "stop"] and heard[1].during_reply
    assert not heard[1].is_call_for_help
    stats = listener.stats()
    assert stats["dropped"] == 0 and stats["utterances"] == 2 and stats["replies_cut"] == 1


class MicRuntime(Runtime):
    """The device runtime with the stand-in microphone and speaker at the edge."""

    mic: ResidentMic
    sink: RealTimeSink

    def _make_audio_source(self, rate: int) -> Any:
        assert rate == RATE
        return self.mic

    def _make_sink(self) -> Any:
        return self.sink


def test_call_for_help_during_a_long_reply_is_heard_and_alerted(
        broker: EmbeddedBroker, keyword_model: Path, tmp_path: Path,
        voice_wavs: dict[str, Path]) -> None:
    settings = load_settings(example_config_path(), {
        "mqtt.url": broker.url, "intent.model_dir": str(keyword_model),
        "input.source": "mic", "output.speak": True, "safety.confirm_timeout_s": 2.0,
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")})
    caregiver = CaregiverClient(settings.mqtt.to_mqtt(broker.url), client_id="bargein-cg",
                                clean=True).start()
    sink = RealTimeSink()
    lines: list[str] = []
    rt = MicRuntime(settings, emit=lines.append, clock=lambda: datetime(2026, 11, 30, 10, 0),
                    tick_s=0.05)
    rt.sink = sink
    rt.mic = ResidentMic([("wav", voice_wavs["story"]), ("when", sink.started, 1.5),
                          ("wav", voice_wavs["help"]), ("silence", 3.0)])
    try:
        summary = asyncio.run(rt.run())
        got = caregiver.wait_for(1, timeout_s=15.0)
    finally:
        caregiver.stop()
    turns = [json.loads(line) for line in lines if '"heard"' in line]
    assert [t["intent"] for t in turns][:2] == ["companionship", "emergency_help"], turns
    story, help_turn = sink.played[0], turns[1]
    assert story[2] and story[0] > 8.0 and story[1] < story[0] / 2  # the long reply was cut
    assert help_turn["source"] == "mic (barge-in: emergency_help)"
    # Alerted at once, or (the fast path's words with this test model under its alert
    # threshold) asked at once and alerted by Whisper's second opinion of the same clip,
    # never left to the question's timeout (asr.fast_second_opinion, docs/safety-path.md)
    raised = help_turn["alerts"] or (turns[2]["alerts"] if turns[2:] and
                                     turns[2]["source"] == "second_opinion" else [])
    assert raised == [got[0].id] and got[0].kind == "help_request", turns
    assert all(t["source"] != "timeout" for t in turns)
    assert summary["alerts_raised"] >= 1 and summary["errors"] == 0
    assert rt.audio_stats["dropped"] == 0 and rt.audio_stats["replies_cut"] == 1
    assert not (tmp_path / "out" / "heard").exists()  # heard audio stayed in memory



def test_call_for_help_waiting_goes_before_earlier_utterances() -> None:
    from speech.capture import WavSource
    from speech.endpoint import Utterance

    silence = AudioClip(np.zeros(RATE // 10, dtype=np.int16), RATE)
    listener = DuplexListener(Capture(WavSource(silence, realtime=False)),
                              Endpointer(EndpointConfig(sample_rate=RATE)), lambda h: None)
    pcm = bytes(RATE // 5)
    listener._push(Utterance(pcm, 1.0, 2.0, "silence"), during=True)  # "what time is it"
    listener._keyword = "fall_report"  # the spotter heard "I have fallen" over a reply
    listener._push(Utterance(pcm, 3.0, 4.0, "silence"), during=True)
    order = [listener._turns.get_nowait()[2] for _ in range(2)]
    assert [(h.start_s, h.keyword, h.is_call_for_help) for h in order if h] == [
        (3.0, "fall_report", True), (1.0, None, False)]


def test_echo_guard_drops_what_began_during_a_reply_unless_barge_in(
        caplog: pytest.LogCaptureFixture) -> None:
    from speech.capture import WavSource
    from speech.endpoint import Utterance

    silence = AudioClip(np.zeros(RATE // 10, dtype=np.int16), RATE)
    listener = DuplexListener(Capture(WavSource(silence, realtime=False)),
                              Endpointer(EndpointConfig(sample_rate=RATE)), lambda h: None,
                              echo_guard=True)
    pcm = bytes(RATE // 5)
    with caplog.at_level("INFO", "device.duplex"):
        listener._push(Utterance(pcm, 1.0, 2.0, "silence"), during=True)  # its own voice
    listener._push(Utterance(pcm, 3.0, 4.0, "silence"), during=False)
    listener._keyword = "emergency_help"
    listener._push(Utterance(pcm, 5.0, 6.0, "silence"), during=True)
    kept = [listener._turns.get_nowait()[2] for _ in range(2)]
    assert sorted(h.start_s for h in kept if h) == [3.0, 5.0]
    assert listener.stats()["echo_dropped"] == 1 and "echo_guard" in caplog.text
