"""A simple spectral gate for noisy rooms (numpy only, streaming).

Room noise (fans, mains hum, traffic) is steady, speech is not: per frequency bin the noise
floor is tracked as a slow minimum of the smoothed magnitude (times a bias that turns the
minimum into a mean), and each STFT frame is scaled
by a gain that attenuates bins close to that floor (spectral subtraction with a gain
floor, so no bin is silenced outright and few "musical" artefacts appear).

    gate = SpectralGate(GateConfig())
    for chunk in chunks:                  # 16-bit mono PCM bytes, any length
        out = gate.process(chunk)         # same format, delayed by one hop
    out += gate.flush()

`SpectralGate.process` returns as many samples as it is given, minus a fixed latency of
one hop (`GateConfig.hop` samples, 8 ms at 16 kHz) that `flush()` releases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["GateConfig", "SpectralGate", "gate_samples"]


@dataclass(frozen=True)
class GateConfig:
    """Spectral gate settings."""

    frame: int = 512
    """STFT frame length in samples (32 ms at 16 kHz)."""
    hop: int = 128
    """STFT hop in samples (a quarter frame)."""
    over_subtract: float = 1.5
    """How many times the noise floor is subtracted from each bin's magnitude."""
    floor_gain: float = 0.15
    """Smallest gain applied to any bin (0..1); higher keeps more noise, fewer artefacts."""
    noise_window_s: float = 1.5
    """Seconds over which the noise floor is the minimum of the smoothed magnitude."""
    noise_bias: float = 2.0
    """Mean noise magnitude over that minimum (about 2 for steady noise and these windows)."""
    sample_rate: int = 16000
    """Hz of the PCM fed in."""

    def __post_init__(self) -> None:
        if self.frame < 64 or self.frame & (self.frame - 1):
            raise ValueError("frame must be a power of two >= 64")
        if self.frame % self.hop or self.frame // self.hop < 2:
            raise ValueError("hop must divide frame at least twice")
        if not 0.0 < self.floor_gain <= 1.0:
            raise ValueError("floor_gain must be in (0, 1]")
        if min(self.over_subtract, self.noise_window_s, self.noise_bias) <= 0:
            raise ValueError("over_subtract, noise_window_s and noise_bias must be positive")


class SpectralGate:
    """Streaming spectral gate over 16-bit mono PCM (see module doc)."""

    def __init__(self, config: GateConfig | None = None) -> None:
        self.config = c = config or GateConfig()
        self._win = np.sqrt(np.hanning(c.frame + 1)[:-1])  # sqrt-Hann analysis + synthesis
        # normalise so overlap-added win**2 sums to 1
        self._win /= np.sqrt(np.sum(self._win**2) / c.hop)
        self._hist = max(2, int(c.noise_window_s * c.sample_rate / c.hop))
        self.reset()

    def reset(self) -> None:
        """Forget the noise estimate and any buffered audio."""
        c = self.config
        self._in = np.zeros(c.frame - c.hop)
        self._out = np.zeros(c.frame)
        self._smooth: np.ndarray | None = None
        self._mins: list[np.ndarray] = []
        self._pending = np.zeros(0)

    def _frame(self, x: np.ndarray) -> np.ndarray:
        c = self.config
        spec = np.fft.rfft(x * self._win)
        mag = np.abs(spec)
        self._smooth = mag if self._smooth is None else 0.7 * self._smooth + 0.3 * mag
        self._mins.append(self._smooth)
        if len(self._mins) > self._hist:
            self._mins.pop(0)
        noise = c.noise_bias * (np.min(self._mins, axis=0) if len(self._mins) > 1
                                else self._smooth)
        gain = np.maximum(c.floor_gain, 1.0 - c.over_subtract * noise / (mag + 1e-9))
        return np.fft.irfft(spec * gain, c.frame) * self._win

    def process_samples(self, x: np.ndarray) -> np.ndarray:
        """Float or int samples in, float samples out (one hop behind, see flush)."""
        c = self.config
        buf = np.concatenate([self._pending, np.asarray(x, dtype=np.float64)])
        out = []
        pos = 0
        while pos + c.hop <= len(buf):
            self._in = np.concatenate([self._in, buf[pos:pos + c.hop]])
            y = self._frame(self._in)
            self._in = self._in[c.hop:]
            self._out += y
            out.append(self._out[:c.hop].copy())
            self._out = np.concatenate([self._out[c.hop:], np.zeros(c.hop)])
            pos += c.hop
        self._pending = buf[pos:]
        return np.concatenate(out) if out else np.zeros(0)

    def process(self, pcm: bytes) -> bytes:
        """16-bit mono PCM in, gated PCM out (delayed; see module doc)."""
        if len(pcm) % 2:
            raise ValueError("PCM chunk has an odd number of bytes; expected 16-bit samples")
        y = self.process_samples(np.frombuffer(pcm, dtype=np.int16))
        return np.clip(np.round(y), -32768, 32767).astype(np.int16).tobytes()

    def flush(self) -> bytes:
        """The audio still held back: pads with silence so every input sample comes out."""
        c = self.config
        held = len(self._pending) + c.frame - c.hop
        y = self.process_samples(np.zeros(c.frame))[:held]
        self.reset()
        return np.clip(np.round(y), -32768, 32767).astype(np.int16).tobytes()


def gate_samples(x: np.ndarray, config: GateConfig | None = None) -> np.ndarray:
    """Gate a whole clip: int16 samples in, int16 samples out, same length and alignment."""
    gate = SpectralGate(config)
    c = gate.config
    y = np.concatenate([gate.process_samples(x), gate.process_samples(np.zeros(c.frame))])
    lag = c.frame - c.hop
    return np.clip(np.round(y[lag:lag + len(x)]), -32768, 32767).astype(np.int16)
