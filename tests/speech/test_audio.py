"""Audio in: every bad input gives a clear AudioError; any WAV layout is resampled right."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import numpy as np
import pytest

from speech.audio import (
    AudioClip,
    AudioError,
    MicrophoneUnavailable,
    chunk_bytes,
    microphone_chunks,
    read_pcm,
    read_wav,
    read_wav_bytes,
    write_wav,
)


def tone(rate: int, seconds: float = 0.5, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return 0.5 * np.sin(2 * np.pi * freq * t)


def wav_bytes(samples: np.ndarray, rate: int, width: int = 2, channels: int = 1,
              fmt_code: int = 1) -> bytes:
    """A WAV file built by hand (samples float in [-1, 1], shape (n,) or (n, channels))."""
    x = samples.reshape(len(samples), 1) if samples.ndim == 1 else samples
    if x.shape[1] != channels:
        x = np.repeat(x[:, :1], channels, axis=1)
    flat = x.reshape(-1)
    if fmt_code == 3:
        data = flat.astype("<f4").tobytes()
    elif width == 1:
        data = np.clip(flat * 128 + 128, 0, 255).astype(np.uint8).tobytes()
    elif width == 2:
        data = (flat * 32767).astype("<i2").tobytes()
    elif width == 3:
        v = (flat * (2**23 - 1)).astype(np.int32)
        b = v.astype("<i4").view(np.uint8).reshape(-1, 4)[:, :3]
        data = b.tobytes()
    else:
        data = (flat * (2**31 - 1)).astype("<i4").tobytes()
    block = width * channels
    fmt = struct.pack("<HHIIHH", fmt_code, channels, rate, rate * block, block, width * 8)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def dominant_freq(clip: AudioClip) -> float:
    spec = np.abs(np.fft.rfft(clip.samples.astype(np.float64)))
    return float(np.argmax(spec)) * clip.sample_rate / len(clip.samples)


@pytest.mark.parametrize(
    ("rate", "width", "channels", "code"),
    [(8000, 2, 1, 1), (44100, 2, 1, 1), (48000, 2, 2, 1), (16000, 3, 1, 1), (22050, 3, 2, 1),
     (11025, 1, 1, 1), (32000, 4, 1, 1), (44100, 4, 2, 3)],
)
def test_any_wav_layout_becomes_16k_mono(tmp_path: Path, rate: int, width: int, channels: int,
                                         code: int) -> None:
    path = tmp_path / "in.wav"
    path.write_bytes(wav_bytes(tone(rate), rate, width, channels, code))
    clip = read_wav(path)
    assert clip.sample_rate == 16000
    assert clip.samples.dtype == np.int16 and clip.samples.ndim == 1
    assert clip.seconds == pytest.approx(0.5, abs=0.01)
    assert dominant_freq(clip) == pytest.approx(440.0, abs=5.0)
    peak = np.abs(clip.samples).max() / 32768
    assert 0.4 < peak < 0.6  # amplitude kept through width conversion and resampling


def test_stereo_channels_are_averaged() -> None:
    left = tone(16000, freq=300.0)
    stereo = np.stack([left, -left], axis=1)  # opposite phases cancel when mixed down
    clip = read_wav_bytes(wav_bytes(stereo, 16000, 2, 2))
    assert np.abs(clip.samples).max() <= 1


def test_target_rate_8k(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(wav_bytes(tone(44100), 44100))
    clip = read_wav(path, target_rate=8000)
    assert clip.sample_rate == 8000 and len(clip.samples) == pytest.approx(4000, abs=2)


def test_streamed_wav_with_placeholder_size() -> None:
    data = bytearray(wav_bytes(tone(16000), 16000))
    pos = data.index(b"data")
    data[pos + 4 : pos + 8] = struct.pack("<I", 0x7FFFF000)  # as espeak-ng --stdout writes
    assert read_wav_bytes(bytes(data)).seconds == pytest.approx(0.5, abs=0.01)


def test_write_and_read_back(tmp_path: Path) -> None:
    clip = AudioClip((tone(16000) * 20000).astype(np.int16), 16000)
    out = write_wav(tmp_path / "x.wav", clip)
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
    assert np.array_equal(read_wav(out).samples, clip.samples)


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = wav_bytes(tone(16000), 16000)
    pos = good.index(b"data")
    no_fmt = b"RIFF" + struct.pack("<I", 100) + b"WAVE" + good[pos:]
    adpcm = bytearray(good)
    adpcm[20:22] = struct.pack("<H", 2)
    cases = {
        "empty": (b"", "empty file"),
        "text": (b"hello, this is not audio at all\n", "not a WAV file (it looks like text)"),
        "flac": (b"fLaC\x00\x00\x00\x22" + bytes(40), "not a WAV file (it is FLAC)"),
        "tiny": (b"RIFF", "too short"),
        "truncated": (good[: len(good) // 2], "truncated WAV"),
        "header_only": (good[:pos], "no 'data' chunk"),
        "no_fmt": (no_fmt, "before the 'fmt ' chunk"),
        "adpcm": (bytes(adpcm), "unsupported WAV encoding"),
        "zero_frames": (wav_bytes(np.zeros(0), 16000), "0 frames"),
    }
    out = {}
    for name, (data, msg) in cases.items():
        p = tmp_path / f"{name}.wav"
        p.write_bytes(data)
        out[name] = (p, msg)
    return out


def test_every_bad_file_gives_a_clear_error(tmp_path: Path) -> None:
    for name, (path, msg) in _bad_inputs(tmp_path).items():
        with pytest.raises(AudioError) as err:
            read_wav(path)
        assert msg in str(err.value), name
        assert str(path) in str(err.value), name
        assert path.exists(), "the input is never touched"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="no such file"):
        read_wav(tmp_path / "absent.wav")
    with pytest.raises(AudioError, match="is a directory"):
        read_wav(tmp_path)


def test_raw_pcm_stdin_like() -> None:
    raw = (tone(8000) * 20000).astype("<i2").tobytes()
    clip = read_pcm(raw, sample_rate=8000)
    assert clip.sample_rate == 16000 and clip.seconds == pytest.approx(0.5, abs=0.01)
    with pytest.raises(AudioError, match="no audio received"):
        read_pcm(b"")
    with pytest.raises(AudioError, match="whole number"):
        read_pcm(raw[:-1])
    with pytest.raises(AudioError, match="width"):
        read_pcm(raw, width=5)
    # a WAV piped on stdin is recognised by its header
    assert read_pcm(wav_bytes(tone(44100), 44100)).seconds == pytest.approx(0.5, abs=0.01)


def test_chunks_cover_the_clip() -> None:
    clip = AudioClip(np.arange(16000, dtype=np.int16), 16000)
    chunks = list(chunk_bytes(clip, 30))
    assert all(len(c) == 960 for c in chunks[:-1])
    assert b"".join(chunks) == clip.to_bytes()


def test_microphone_is_used_or_skipped_cleanly() -> None:
    try:
        gen = microphone_chunks(chunk_ms=30)
        first = next(gen)
    except MicrophoneUnavailable as exc:
        assert "microphone unavailable" in str(exc)
        assert isinstance(exc, OSError) and isinstance(exc, AudioError)
        pytest.skip(f"no microphone here: {exc}")
    assert len(first) == 960
