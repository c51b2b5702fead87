from __future__ import annotations

import wave
from pathlib import Path

import pytest

from device.tts_worker import IsolatedSpeaker


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def test_worker_writes_wav_and_survives_a_crash(tmp_path: Path) -> None:
    speaker = IsolatedSpeaker(rate_wpm=140)
    try:
        short = speaker.to_wav("Hello.", tmp_path / "a.wav")
        long = speaker.to_wav("I am calling for help now. Stay where you are.",
                              tmp_path / "b.wav")
        assert 0.2 < _seconds(short) < _seconds(long)
        assert speaker._proc is not None
        speaker._proc.kill()  # as if espeak-ng had crashed the worker
        speaker._proc.wait()
        again = speaker.to_wav("Still here.", tmp_path / "c.wav")
        assert _seconds(again) > 0.2 and speaker.restarts == 1
        assert speaker._proc.poll() is None
    finally:
        speaker.close()


def test_worker_volume_and_bad_input(tmp_path: Path) -> None:
    speaker = IsolatedSpeaker(volume=0.9)
    try:
        assert speaker.volume_up() == 1.0 and speaker.volume_up() == 1.0
        for _ in range(10):
            speaker.volume_down()
        assert speaker.volume == 0.2  # never silent
        with pytest.raises(ValueError, match="empty"):
            speaker.to_wav("   ", tmp_path / "x.wav")
        with pytest.raises(ValueError, match="rate"):
            IsolatedSpeaker(rate_wpm=10)
    finally:
        speaker.close()


def test_espeak_program_fallback(tmp_path: Path) -> None:
    """When pyttsx3 fails, the worker's fallback writes the same voice with espeak-ng."""
    from device.tts_worker import _espeak_cli
    from speech.tts import Speaker

    speaker = Speaker(rate_wpm=150, volume=0.5)
    out = _espeak_cli(speaker, "Help is on the way.", str(tmp_path / "f.wav"),
                      RuntimeError("no audio"))
    assert _seconds(Path(out)) > 0.5
    piper_like = Speaker()
    piper_like.voice = "piper:/nonexistent.onnx"
    with pytest.raises(RuntimeError, match="no audio"):
        _espeak_cli(piper_like, "Hello.", str(tmp_path / "g.wav"), RuntimeError("no audio"))
