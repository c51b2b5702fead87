"""Capture on its own thread: real-time pacing, overflows counted (never silent), source
errors raised to the reader; heard audio kept only within its size and age limits."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import numpy as np
import pytest

from device.duplex import HeardAudioKeeper
from speech.audio import AudioClip, read_wav, write_wav
from speech.capture import Capture, WavSource


def ramp(seconds: float, rate: int = 16000) -> AudioClip:
    """A clip whose samples count up, so a chunk's position can be read from its content."""
    n = int(seconds * rate)
    return AudioClip((np.arange(n) % 30000).astype(np.int16), rate)


def test_wav_source_plays_a_real_wav_in_real_time(tmp_path: Path) -> None:
    wav = write_wav(tmp_path / "a.wav", ramp(0.6))
    src = WavSource(wav, lead_s=0.3, tail_s=0.3)
    t0 = time.monotonic()
    chunks = []
    while (c := src.read()) is not None:
        chunks.append(c)
    assert time.monotonic() - t0 >= 1.1  # 1.2 s of audio, paced like a microphone
    pcm = np.frombuffer(b"".join(chunks), dtype="<i2")
    assert len(pcm) == round(src.seconds * 16000)
    assert np.array_equal(pcm[4800:4800 + 9600], read_wav(wav).samples)
    assert not pcm[:4800].any() and not pcm[-4800:].any()


def test_full_queue_drops_oldest_counts_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    src = WavSource(ramp(3.0), tail_s=0.0, realtime=False)  # 100 chunks of 30 ms
    cap = Capture(src, max_chunks=10)
    with caplog.at_level(logging.WARNING, "speech.capture"):
        cap.start()
        deadline = time.monotonic() + 10
        while cap.alive and time.monotonic() < deadline:  # the reader is "busy": no reads
            time.sleep(0.01)
    got = [c for c in cap.chunks() if c is not None]
    assert cap.chunks_in == 100 and len(got) + cap.dropped == 100  # each delivered or counted
    assert cap.stats() == {"chunks": 100, "dropped": cap.dropped, "device_overflows": 0,
                           "max_depth": 10}
    last = np.frombuffer(got[-1], dtype="<i2")
    assert last[-1] == (48000 - 1) % 30000  # the newest audio was kept
    assert "capture queue full" in caplog.text


def test_source_failure_reaches_the_reader() -> None:
    class Broken:
        sample_rate = 16000
        device_overflows = 0

        def __init__(self) -> None:
            self.n = 0
            self.closed = False

        def read(self) -> bytes | None:
            self.n += 1
            if self.n == 3:
                raise OSError("microphone unplugged")
            return b"\0\0" * 480

        def close(self) -> None:
            self.closed = True

    src = Broken()
    cap = Capture(src).start()
    got = []
    with pytest.raises(OSError, match="unplugged"):
        for c in cap.chunks():
            if c is not None:
                got.append(c)
    assert len(got) == 2 and src.closed and isinstance(cap.error, OSError)


def test_capture_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="max_chunks"):
        Capture(WavSource(ramp(0.1), realtime=False), max_chunks=0)


def test_heard_audio_kept_within_size_and_age(tmp_path: Path) -> None:
    clip = ramp(1.0)  # 32 kB of PCM per WAV
    roomy = HeardAudioKeeper(tmp_path / "heard", max_mb=10, max_days=1)
    paths = [roomy.keep(clip) for _ in range(5)]
    assert len(set(paths)) == 5
    for i, p in enumerate(paths):  # distinct ages, oldest first
        os.utime(p, (time.time() - 100 + i, time.time() - 100 + i))
    keeper = HeardAudioKeeper(tmp_path / "heard", max_mb=0.1, max_days=1)
    assert keeper.prune() == paths[:2]
    left = sorted(p.name for p in (tmp_path / "heard").iterdir())
    assert left == sorted(p.name for p in paths[-3:])  # 3 x 32 kB fit in 0.1 MB
    old = paths[-1]
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    assert keeper.prune() == [old]
    assert read_wav(paths[-2]).seconds == pytest.approx(1.0)
