"""TTS: valid WAVs, slower rate -> longer audio, Mandarin, volume steps, per-sentence output."""

from __future__ import annotations

import hashlib
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from speech.audio import AudioError, read_wav
from speech.tts import MIN_VOLUME, Speaker, TTSUnavailable, split_sentences

TEXT = "Good morning. It is time for your tablets."


def test_wav_is_valid_and_slower_rate_is_longer(tmp_path: Path) -> None:
    seconds = []
    for rate in (170, 140, 110):
        out = Speaker(rate_wpm=rate).to_wav(TEXT, tmp_path / f"r{rate}.wav")
        with wave.open(str(out)) as w:
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            assert w.getframerate() in (16000, 22050)
            assert w.getnframes() > 0
        clip = read_wav(out)
        assert np.abs(clip.samples).max() > 1000  # real speech, not silence
        seconds.append(clip.seconds)
    assert seconds[0] < seconds[1] < seconds[2], seconds
    assert seconds[2] / seconds[0] > 1.3


def test_default_rate_is_slow() -> None:
    assert Speaker().rate_wpm == 140


def test_a_later_file_never_overwrites_an_earlier_one(tmp_path: Path) -> None:
    sp = Speaker()
    first = sp.to_wav("first file", tmp_path / "a.wav")
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    sp.to_wav("a second and much longer sentence than the first", tmp_path / "b.wav")
    Speaker(rate_wpm=110).to_wav("and a third one", tmp_path / "c.wav")
    assert hashlib.sha256(first.read_bytes()).hexdigest() == digest
    assert read_wav(tmp_path / "b.wav").seconds > read_wav(first).seconds


def test_mandarin_voice() -> None:
    sp = Speaker(language="zh")
    assert sp.voice == "sit/cmn"
    clip = sp.synthesize("你好，我摔倒了，请帮帮我。", 16000)
    assert clip.seconds > 1.0 and np.abs(clip.samples).max() > 1000


def test_volume_steps_and_loudness() -> None:
    sp = Speaker(volume=0.5)
    assert sp.volume_up() == 0.6
    for _ in range(10):
        sp.volume_up()
    assert sp.volume == 1.0
    for _ in range(20):
        sp.volume_down()
    assert sp.volume == MIN_VOLUME
    quiet = Speaker(volume=0.3).synthesize("hello there", 16000).samples.astype(float)
    loud = Speaker(volume=1.0).synthesize("hello there", 16000).samples.astype(float)
    assert np.sqrt(np.mean(loud**2)) > 1.5 * np.sqrt(np.mean(quiet**2))


def test_per_sentence_streaming() -> None:
    assert split_sentences("Hello there. How are you? 你好。我很好！ok") == [
        "Hello there.", "How are you?", "你好。", "我很好！", "ok"]
    parts = list(Speaker().sentences(TEXT))
    assert [s for s, _ in parts] == ["Good morning.", "It is time for your tablets."]
    assert parts[0][1].seconds < parts[1][1].seconds


def test_bad_settings_and_text(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rate"):
        Speaker(rate_wpm=20)
    with pytest.raises(ValueError, match="volume"):
        Speaker(volume=1.5)
    with pytest.raises(ValueError, match="language"):
        Speaker(language="fr")
    with pytest.raises(ValueError, match="empty"):
        Speaker().to_wav("   ", tmp_path / "x.wav")
    with pytest.raises(TTSUnavailable, match="not available"):
        Speaker(voice="nope/xx").to_wav("hello", tmp_path / "x.wav")


def test_say_plays_or_explains_missing_device() -> None:
    stop = threading.Event()
    stop.set()  # barge-in already happened: nothing is played
    assert Speaker().say("hello", stop=stop) is False
    try:
        assert Speaker().say("hi") is True
    except AudioError as exc:
        assert "no audio output device" in str(exc)


def test_piper_voice_or_clear_message(tmp_path: Path) -> None:
    try:
        sp = Speaker(voice="piper")
    except TTSUnavailable as exc:
        assert "pip install" in str(exc)
        pytest.skip(str(exc))
    out = sp.to_wav("i fell down", tmp_path / "p.wav")
    assert read_wav(out).seconds > 0.5
    with pytest.raises(TTSUnavailable, match="not found"):
        Speaker(voice="piper:/no/such/voice.onnx")


def test_command_set_audio_is_the_same_on_every_run() -> None:
    from speech.command_set import generate, voices

    sentences = [("i have fallen and i cannot get up", "fall_report")]
    first = list(generate(sentences, seed=3))
    again = list(generate(sentences, seed=3))
    assert [c.voice for c in first] == voices()  # safety sentences: every voice
    for a, b in zip(first, again, strict=True):
        assert np.array_equal(a.audio.samples, b.audio.samples), a.voice
