"""The tiny preset built twice gives the same model (eldercare bench reproduce --preset
tiny): the session's tiny build is the first, one more build the second."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

Build = tuple[Path, dict[str, Any]]


@pytest.mark.slow
def test_tiny_build_twice_is_identical(tiny_build: Build, tmp_path: Path) -> None:
    from bench.reproduce import run_reproduce

    result = run_reproduce("tiny", tmp_path / "builds", results_dir=tmp_path,
                           first_build=tiny_build[0])
    assert result["reproduced"] and result["same_figures"] and result["same_config"], result
    assert result["identical_files"], result["files"]
    assert all(f["difference"] == 0.0 for f in result["figures"].values()), result["figures"]
    assert result["settings_differ"] == []
    written = json.loads((tmp_path / "reproduce.json").read_text())
    assert written["files"]["model.onnx"]["candidate"] == \
        written["files"]["model.onnx"]["reference"]
    assert set(result["seconds"]) == {"build2"}
