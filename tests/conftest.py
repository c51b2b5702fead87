"""Shared fixtures: a real mosquitto on loopback, a polling wait, the Piper test voice, an
ordinary sentence an intent model asks about, a copy of the shipped intent model."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from health.broker import EmbeddedBroker


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[EmbeddedBroker]:
    """A fresh mosquitto on a free loopback port, persistence in tmp_path."""
    with EmbeddedBroker(workdir=tmp_path / "mosquitto") as b:
        yield b


@pytest.fixture(scope="session")
def wait_until() -> Callable[..., bool]:
    """wait_until(cond, timeout_s=20.0): poll `cond` every 50 ms; its last value."""
    def wait(cond: Callable[[], object], timeout_s: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if cond():
                return True
            time.sleep(0.05)
        return bool(cond())
    return wait


ASK_BAND_CANDIDATES = ("my fault hurts", "i've got a cough", "i feel um woozy",
                       "my arthritis is bad today", "i keep forgetting things",
                       "i can't sleep because of the pain", "set an alarm for seven")
"""Ordinary sentences that shipped models have put between their ask and alert thresholds
("my fault hurts": the speech benchmark's recognizer's second guess for "my foot hurts")."""


@pytest.fixture(scope="session")
def ask_band_sentence() -> Callable[[Any], str]:
    """ask_band_sentence(model): the first of ASK_BAND_CANDIDATES that `model` labels
    emergency_help between its ask and alert thresholds (the test fails when none is)."""
    def pick(model: Any) -> str:
        alert, ask = model.safety_thresholds["emergency_help"]
        for text in ASK_BAND_CANDIDATES:
            result = model.classify(text)
            if result.intent == "emergency_help" and ask <= result.score < alert:
                return text
        pytest.fail(f"no sentence in the ask band to test with: {ASK_BAND_CANDIDATES}")
    return pick


@pytest.fixture(scope="session")
def piper_speaker() -> Any:
    """Piper, the repeatable voice, at 140 wpm (speech.tts.Speaker); the test is skipped
    where the voice is not installed."""
    from speech.tts import Speaker, TTSUnavailable

    try:
        return Speaker(rate_wpm=140, voice="piper", deterministic=True)
    except TTSUnavailable as exc:
        pytest.skip(f"Piper voice not installed: {exc}")


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    """The shipped intent model's files (model.onnx, tokenizer.json, config.json) copied
    into a folder of its own, to edit."""
    from device.intent import default_model_dir

    dest = tmp_path / "intent"
    dest.mkdir()
    for name in ("model.onnx", "tokenizer.json", "config.json"):
        shutil.copy2(default_model_dir() / name, dest / name)
    return dest
