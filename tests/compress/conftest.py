"""One tiny compress build per test session (about half a minute on 2 cores)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from compress.config import get_preset
    from compress.pipeline import run

    out = tmp_path_factory.mktemp("compress-tiny")
    report = run(get_preset("tiny"), out)
    assert report is not None
    return out, report
