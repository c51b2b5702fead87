from __future__ import annotations

import wave
from pathlib import Path

import pytest

from device.voice import DeviceVoice, espeak_program_to_wav


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def test_voice_writes_wavs_of_sensible_length(tmp_path: Path) -> None:
    voice = DeviceVoice(rate_wpm=140)
    short = voice.to_wav("Hello.", tmp_path / "a.wav")
    long = voice.to_wav("I am calling for help now. Stay where you are.", tmp_path / "b.wav")
    assert 0.2 < _seconds(short) < _seconds(long)


def test_voice_falls_back_to_espeak_program(tmp_path: Path) -> None:
    voice = DeviceVoice(rate_wpm=150)

    def broken(text: str, path: str | Path) -> Path:
        raise LookupError("espeak-ng produced no audio")

    voice.speaker.to_wav = broken  # type: ignore[method-assign]  # the driver failing
    out = voice.to_wav("Help is on the way.", tmp_path / "f.wav")
    assert _seconds(out) > 0.5 and voice.fallbacks == 1


def test_voice_volume_and_bad_input(tmp_path: Path) -> None:
    voice = DeviceVoice(volume=0.9)
    assert voice.volume_up() == 1.0 and voice.volume_up() == 1.0
    for _ in range(10):
        voice.volume_down()
    assert 0.0 < voice.volume < 0.9  # quieter, never silent
    with pytest.raises(ValueError, match="empty"):
        voice.to_wav("   ", tmp_path / "x.wav")
    with pytest.raises(ValueError, match="rate"):
        DeviceVoice(rate_wpm=10)


def test_program_fallback_keeps_the_original_error_for_piper(tmp_path: Path) -> None:
    voice = DeviceVoice()
    voice.speaker.voice = "piper:/nonexistent.onnx"
    with pytest.raises(RuntimeError, match="no audio"):
        espeak_program_to_wav(voice.speaker, "Hello.", tmp_path / "g.wav",
                              RuntimeError("no audio"))
