"""Shared fixtures for the speech tests: real recordings and silence padding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")


@pytest.fixture(scope="session")
def librivox() -> dict[str, tuple[Path, str]]:
    """file id -> (WAV path, reference transcript) of the LibriVox clips."""
    if not LIBRIVOX.is_dir():
        pytest.skip("Debian package pocketsphinx-testdata is not installed")
    out = {}
    for line in (LIBRIVOX / "transcription").read_text().splitlines():
        text, _, fid = line.rpartition("(")
        ref = text.replace("<s>", "").replace("</s>", "").strip()
        out[fid.strip(" )")] = (LIBRIVOX / f"{fid.strip(' )')}.wav", ref)
    return out


@pytest.fixture(scope="session")
def pad() -> Callable[..., np.ndarray]:
    """pad(samples, before_s, after_s): silence with faint room noise around speech."""

    def _pad(samples: np.ndarray, before_s: float, after_s: float, rate: int = 16000,
             noise: float = 20.0, seed: int = 0) -> np.ndarray:
        rng = np.random.default_rng(seed)
        x = np.concatenate([np.zeros(int(before_s * rate)), samples.astype(np.float64),
                            np.zeros(int(after_s * rate))])
        x += rng.normal(0.0, noise, len(x))
        return np.clip(x, -32768, 32767).astype(np.int16)

    return _pad
