"""Shared fixtures: a real mosquitto on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from health.broker import EmbeddedBroker


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[EmbeddedBroker]:
    """A fresh mosquitto on a free loopback port, persistence in tmp_path."""
    with EmbeddedBroker(workdir=tmp_path / "mosquitto") as b:
        yield b
