"""Spectral gate: streaming equals whole-clip, it lowers steady noise, and bad input fails."""

from __future__ import annotations

import numpy as np
import pytest

from speech.command_set import room_noise
from speech.denoise import GateConfig, SpectralGate, gate_samples


def _speechlike(n: int, rate: int = 16000) -> np.ndarray:
    """Bursts of a gliding harmonic tone, 0.4 s on and 0.4 s off, like syllables."""
    t = np.arange(n) / rate
    f0 = 140 + 40 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(f0) / rate
    tone = sum(np.sin(k * phase) / k for k in range(1, 8))
    on = (np.floor(t / 0.4) % 2 == 1).astype(np.float64)
    return 4000 * tone * on


def test_unit_gain_reconstructs_input_exactly() -> None:
    rng = np.random.default_rng(0)
    x = (rng.standard_normal(9000) * 3000).astype(np.int16)
    y = gate_samples(x, GateConfig(floor_gain=1.0))
    assert len(y) == len(x)
    assert np.abs(y.astype(int) - x.astype(int)).max() <= 1


def test_streaming_in_odd_chunks_equals_whole_clip() -> None:
    rng = np.random.default_rng(1)
    x = (_speechlike(16000) + 800 * room_noise(16000, 16000, rng)).astype(np.int16)
    whole = gate_samples(x)
    gate = SpectralGate()
    out = b""
    pos = 0
    for size in (1, 77, 128, 1000, 333, 4096):
        while pos < len(x):
            out += gate.process(x[pos:pos + size].tobytes())
            pos += size
            if size != 4096:
                break
    out += gate.flush()
    streamed = np.frombuffer(out, dtype=np.int16)
    lag = gate.config.frame - gate.config.hop
    assert len(streamed) == len(x) + lag
    assert np.array_equal(streamed[lag:], whole)


def test_gate_lowers_steady_noise_and_keeps_speech() -> None:
    rng = np.random.default_rng(2)
    speech = _speechlike(32000)
    noise = 1300 * room_noise(32000, 16000, rng)
    y = gate_samples(np.clip(speech + noise, -32768, 32767).astype(np.int16)).astype(float)
    quiet = speech == 0
    quiet[:8000] = False  # the noise floor is learnt in the first second
    loud = ~quiet
    loud[:8000] = False
    before = 10 * np.log10(np.mean((speech + noise)[loud] ** 2) / np.mean(noise[quiet] ** 2))
    after = 10 * np.log10(np.mean(y[loud] ** 2) / np.mean(y[quiet] ** 2))
    assert after > before + 4  # speech-to-noise-floor contrast: about +5.5 dB here
    # speech keeps most of its energy
    assert np.mean(y[loud] ** 2) > 0.5 * np.mean(speech[loud] ** 2)


def test_bad_settings_and_input_are_refused() -> None:
    with pytest.raises(ValueError, match="power of two"):
        GateConfig(frame=500)
    with pytest.raises(ValueError, match="hop"):
        GateConfig(frame=512, hop=300)
    with pytest.raises(ValueError, match="floor_gain"):
        GateConfig(floor_gain=0.0)
    with pytest.raises(ValueError, match="positive"):
        GateConfig(over_subtract=-1.0)
    with pytest.raises(ValueError, match="odd number of bytes"):
        SpectralGate().process(b"\x00\x00\x00")
    assert SpectralGate().process(b"") == b""
