"""Speculative decoding at a pause, speech side: the endpointer's pause and resume events
on real TTS speech, and Whisper (tiny.en, the real model) hearing the audio so far at the
pause as it hears the whole utterance; two callers of the one shared Whisper model."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from speech.audio import AudioClip, read_wav
from speech.endpoint import EndpointConfig, Endpointer, Utterance

RATE = 16000


@pytest.fixture(scope="module")
def phrases(tmp_path_factory: pytest.TempPathFactory,
            piper_speaker: Any) -> dict[str, np.ndarray]:
    """Real speech (Piper, the repeatable voice) as 16 kHz samples."""
    folder = tmp_path_factory.mktemp("spec-voice")
    texts = {"fell": "I fell", "kitchen": "in the kitchen", "time": "what time is it",
             "pills": "have I taken my pills today", "help": "help me I have fallen"}
    return {k: read_wav(piper_speaker.to_wav(t, folder / f"{k}.wav"), RATE).samples
            for k, t in texts.items()}


def _events(pcm: np.ndarray, speculate_after_s: float | None = 0.3
            ) -> list[tuple[str, Any]]:
    ep = Endpointer(EndpointConfig(speculate_after_s=speculate_after_s))
    data = pcm.astype("<i2").tobytes()
    out = [(k, v) for i in range(0, len(data), 960) for k, v in ep.feed(data[i:i + 960])
           if k != "audio"]
    return out + list(ep.flush())


@pytest.mark.parametrize("value", [1.0, 1.5, -0.1, 0.01])
def test_speculate_after_s_must_be_a_frame_to_below_the_trailing_silence(value: float) -> None:
    with pytest.raises(ValueError, match="speculate_after_s"):
        EndpointConfig(speculate_after_s=value)


@pytest.mark.parametrize("value", [None, 0, 0.0, 0.03, 0.3, 0.97])
def test_speculation_off_or_in_range_is_accepted(value: float | None) -> None:
    assert EndpointConfig(speculate_after_s=value).speculate_after_s == value


def test_no_pause_events_when_off(phrases: dict[str, np.ndarray],
                                  pad: Callable[..., np.ndarray]) -> None:
    kinds = [k for k, _ in _events(pad(phrases["time"], 0.5, 1.5), None)]
    assert kinds == ["start", "end"]


def test_pause_then_end(phrases: dict[str, np.ndarray], pad: Callable[..., np.ndarray]) -> None:
    """A pause that was the end: the ended utterance is the pause's audio and nothing but
    the trailing silence after it (trailing_silence_s - speculate_after_s of it)."""
    events = _events(pad(phrases["time"], 0.5, 1.5))
    assert [k for k, _ in events] == ["start", "pause", "end"]
    pause, end = events[1][1], events[2][1]
    assert isinstance(pause, Utterance) and isinstance(end, Utterance)
    assert pause.reason == "pause" and end.reason == "silence"
    assert end.audio.startswith(pause.audio)
    extra_s = (len(end.audio) - len(pause.audio)) / 2 / RATE
    assert extra_s == pytest.approx(1.0 - 0.3, abs=0.031)
    tail = np.frombuffer(end.audio[len(pause.audio):], dtype="<i2")
    assert np.abs(tail).max() < 200  # room noise only


def test_pause_inside_the_sentence_then_resume(phrases: dict[str, np.ndarray],
                                               pad: Callable[..., np.ndarray]) -> None:
    """ "I fell ... in the kitchen": a pause, speech again (resume), a second pause that
    was the end; one utterance holding both halves."""
    gap = np.zeros(int(0.4 * RATE), dtype=np.int16)
    speech = np.concatenate([phrases["fell"], gap, phrases["kitchen"]])
    events = _events(pad(speech, 0.5, 1.5))
    kinds = [k for k, _ in events]
    assert kinds == ["start", "pause", "resume", "pause", "end"], kinds
    first, second, end = events[1][1], events[3][1], events[4][1]
    assert isinstance(first, Utterance) and isinstance(second, Utterance)
    assert isinstance(end, Utterance)
    assert len(first.audio) < len(second.audio) and end.audio.startswith(second.audio)
    assert isinstance(events[2][1], float) and first.end_s < events[2][1] < second.end_s


@pytest.fixture(scope="module")
def tiny_pair() -> tuple[Any, Any]:
    """Two Whisper tiny.en recognizers sharing one loaded model (as the runtime's and the
    speculator's do)."""
    from speech.asr import EngineUnavailable
    from speech.asr_whisper import WhisperRecognizer

    try:
        a = WhisperRecognizer("tiny.en", threads=1)
        b = WhisperRecognizer("tiny.en", threads=1)
    except EngineUnavailable as exc:
        pytest.skip(str(exc))
    assert a._model is b._model
    return a, b


@pytest.mark.parametrize("names", [("time",), ("pills",), ("help",), ("fell", "kitchen")])
def test_whisper_hears_the_pause_as_the_whole_utterance(
        names: tuple[str, ...], phrases: dict[str, np.ndarray],
        pad: Callable[..., np.ndarray], tiny_pair: tuple[Any, Any]) -> None:
    from speech.asr import transcribe_clip

    gap = np.zeros(int(0.4 * RATE), dtype=np.int16)
    parts = [phrases[n] for n in names]
    speech = np.concatenate([p for part in parts for p in (part, gap)][:-1])
    events = _events(pad(speech, 0.5, 1.5, seed=len(names)))
    pause = [v for k, v in events if k == "pause"][-1]
    end = [v for k, v in events if k == "end"][0]
    assert isinstance(pause, Utterance) and isinstance(end, Utterance)
    spec, whole = tiny_pair
    heard_spec = transcribe_clip(spec, AudioClip(np.frombuffer(pause.audio, "<i2"), RATE))
    heard_whole = transcribe_clip(whole, AudioClip(np.frombuffer(end.audio, "<i2"), RATE))
    # the 1-best; the beam's other hypotheses may differ (docs/speech.md)
    assert heard_spec.text == heard_whole.text and heard_whole.text


def test_two_callers_of_the_shared_model_at_once(phrases: dict[str, np.ndarray],
                                                 pad: Callable[..., np.ndarray],
                                                 tiny_pair: tuple[Any, Any]) -> None:
    """CTranslate2 queues concurrent calls on one model (its replica pool): decoding on two
    threads at once gives what each gives alone."""
    from speech.asr import transcribe_clip

    clips = [AudioClip(pad(phrases[n], 0.3, 0.5), RATE) for n in ("time", "pills")]
    alone = [transcribe_clip(r, c).text for r, c in zip(tiny_pair, clips, strict=True)]
    together: dict[int, str] = {}
    errors: list[BaseException] = []

    def decode(i: int) -> None:
        try:
            for _ in range(2):
                together[i] = transcribe_clip(tiny_pair[i], clips[i]).text
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=decode, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and [together[0], together[1]] == alone and all(alone)

