"""Shared fixtures: a real mosquitto on loopback, a polling wait, the Piper test voice."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def piper_speaker() -> Any:
    """Piper, the repeatable voice, at 140 wpm (speech.tts.Speaker); the test is skipped
    where the voice is not installed."""
    from speech.tts import Speaker, TTSUnavailable

    try:
        return Speaker(rate_wpm=140, voice="piper", deterministic=True)
    except TTSUnavailable as exc:
        pytest.skip(f"Piper voice not installed: {exc}")
