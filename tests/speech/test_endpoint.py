"""Endpointing for elderly speakers, the listen loop, and barge-in on a spoken "stop"."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from speech.asr import Partial, create_recognizer
from speech.audio import AudioClip, chunk_bytes
from speech.bargein import BargeIn
from speech.endpoint import EndpointConfig, EndpointedTranscript, Endpointer, listen
from speech.tts import Speaker

RATE = 16000


@pytest.fixture(scope="module")
def phrases() -> dict[str, np.ndarray]:
    sp = Speaker(rate_wpm=140, voice="gmw/en-US")
    texts = ["i fell down", "in the kitchen", "please call my daughter", "stop",
             "good morning how are you", "what time is it"]
    return {t: trim(sp.synthesize(t, RATE).samples) for t in texts}


def trim(x: np.ndarray) -> np.ndarray:
    """Cut the synthesizer's own leading/trailing silence so test pauses are exact."""
    loud = np.flatnonzero(np.abs(x.astype(np.int32)) > 300)
    return x[loud[0] : loud[-1] + 1]


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.int16)


def stream(parts: list[np.ndarray], pad: Callable[..., np.ndarray]) -> AudioClip:
    return AudioClip(pad(np.concatenate(parts), 0.0, 0.0, noise=30.0), RATE)


@pytest.mark.parametrize("vad", ["webrtc", "energy"])
def test_mid_sentence_pause_kept_and_long_silence_splits(
    phrases: dict[str, np.ndarray], pad: Callable[..., np.ndarray], vad: str
) -> None:
    clip = stream([silence(0.5), phrases["i fell down"], silence(0.6), phrases["in the kitchen"],
                   silence(1.5), phrases["please call my daughter"], silence(1.3)], pad)
    utts = list(Endpointer(EndpointConfig(vad=vad)).utterances(chunk_bytes(clip, 100)))
    assert len(utts) == 2, [(u.start_s, u.end_s) for u in utts]
    first_len = (len(phrases["i fell down"]) + len(phrases["in the kitchen"])) / RATE + 0.6
    assert utts[0].end_s - utts[0].start_s >= first_len  # the 0.6 s pause did not end it
    assert all(u.reason == "silence" for u in utts)
    assert utts[0].end_s <= utts[1].start_s
    assert len(utts[0].audio) == pytest.approx((utts[0].end_s - utts[0].start_s) * RATE * 2,
                                               abs=2 * RATE * 0.1)


def test_short_trailing_silence_splits_the_pause(phrases: dict[str, np.ndarray],
                                                 pad: Callable[..., np.ndarray]) -> None:
    clip = stream([silence(0.5), phrases["i fell down"], silence(0.6), phrases["in the kitchen"],
                   silence(1.0)], pad)
    cfg = EndpointConfig(trailing_silence_s=0.3)
    assert len(list(Endpointer(cfg).utterances(chunk_bytes(clip, 30)))) == 2


def test_max_utterance_and_end_of_stream(phrases: dict[str, np.ndarray],
                                         pad: Callable[..., np.ndarray]) -> None:
    long_talk = [phrases["please call my daughter"]] * 6
    clip = stream([silence(0.3), *long_talk], pad)
    utts = list(Endpointer(EndpointConfig(max_utterance_s=3.0)).utterances(chunk_bytes(clip)))
    assert utts[0].reason == "max_length"
    assert utts[0].end_s - utts[0].start_s == pytest.approx(3.0, abs=0.1)
    assert utts[-1].reason == "end_of_stream"


def test_silence_only_gives_nothing(pad: Callable[..., np.ndarray]) -> None:
    clip = AudioClip(pad(silence(3.0), 0, 0, noise=30.0), RATE)
    assert list(Endpointer().utterances(chunk_bytes(clip))) == []


def test_config_is_checked() -> None:
    with pytest.raises(ValueError, match="frame_ms"):
        EndpointConfig(frame_ms=25)
    with pytest.raises(ValueError, match="webrtc"):
        EndpointConfig(sample_rate=22050)
    with pytest.raises(ValueError, match="trailing_silence_s"):
        EndpointConfig(trailing_silence_s=0.0)
    assert EndpointConfig(sample_rate=22050, vad="energy").frame_bytes == 22050 * 30 // 1000 * 2


def test_listen_gives_partials_then_one_transcript_per_utterance(
    phrases: dict[str, np.ndarray], pad: Callable[..., np.ndarray]
) -> None:
    clip = stream([silence(0.5), phrases["please call my daughter"], silence(1.5),
                   phrases["what time is it"], silence(1.3)], pad)
    events = list(listen(chunk_bytes(clip, 30), create_recognizer("pocketsphinx")))
    finals = [e for e in events if isinstance(e, EndpointedTranscript)]
    assert len(finals) == 2
    assert isinstance(events[0], Partial)
    assert all(f.transcript.text for f in finals)
    assert all(f.final_latency_s >= 0 and f.reason == "silence" for f in finals)
    assert finals[0].endpoint_s < finals[1].utterance_start_s
    back = EndpointedTranscript.from_json(finals[0].to_json())
    assert back.transcript.text == finals[0].transcript.text
    assert back.endpoint_s == pytest.approx(finals[0].endpoint_s, abs=1e-3)


def test_bargein_hears_stop_and_ignores_other_speech(
    phrases: dict[str, np.ndarray], pad: Callable[..., np.ndarray]
) -> None:
    mon = BargeIn()

    def heard(samples: np.ndarray) -> bool:
        clip = AudioClip(pad(samples, 0.5, 0.5, noise=30.0), RATE)
        stop = mon.start()
        hit = any(mon.feed(c) for c in chunk_bytes(clip, 30))
        mon.stop()
        assert stop.is_set() == hit
        return hit

    assert heard(phrases["stop"])
    assert mon.heard == "stop"
    assert not heard(phrases["good morning how are you"])
    assert not heard(phrases["what time is it"])
    with pytest.raises(ValueError, match="at least one keyword"):
        BargeIn(keywords=[])
