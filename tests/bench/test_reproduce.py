"""bench.reproduce.compare_builds: what counts as the same build. (The tiny preset built
twice is tests/compress/test_reproduce.py, on the session's tiny build.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.reproduce import TOLERANCE, compare_builds
from device.intent import default_model_dir

SHIPPED = default_model_dir()


def _copy(tmp: Path, name: str) -> Path:
    out = tmp / name
    out.mkdir()
    for f in ("report.json", "report_details.json", "config.json", "model.onnx",
              "tokenizer.json"):
        shutil.copy(SHIPPED / f, out / f)
    return out


def test_the_shipped_model_equals_itself() -> None:
    result = compare_builds((SHIPPED, SHIPPED), (SHIPPED, SHIPPED))
    assert result["same_figures"] and result["identical_files"] and result["same_config"]
    assert result["figures"]["test_accuracy"]["reference"] == pytest.approx(0.8911, abs=0.05)
    assert result["settings_differ"] == []


def test_a_changed_figure_file_or_setting_is_reported(tmp_path: Path) -> None:
    cand = _copy(tmp_path, "cand")
    report = json.loads((cand / "report.json").read_text())
    report["student_int8"]["accuracy"] += TOLERANCE / 2  # within the tolerance
    report["safety_thresholds"]["ask"] += 10 * TOLERANCE  # not
    (cand / "report.json").write_text(json.dumps(report))
    details = json.loads((cand / "report_details.json").read_text())
    details["config"]["student"]["epochs"] += 2
    (cand / "report_details.json").write_text(json.dumps(details))
    with (cand / "model.onnx").open("ab") as f:
        f.write(b"\0")
    result = compare_builds((SHIPPED, SHIPPED), (cand, cand))
    assert result["figures"]["test_accuracy"]["ok"]
    assert not result["figures"]["safety_ask"]["ok"] and not result["same_figures"]
    assert not result["files"]["model.onnx"]["equal"] and result["files"]["tokenizer.json"][
        "equal"]
    assert [d["setting"] for d in result["settings_differ"]] == ["student.epochs"]


def test_an_unfinished_build_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a finished"):
        compare_builds((SHIPPED, SHIPPED), (tmp_path, tmp_path))


def test_an_existing_build_is_compared_with_the_shipped_model(tmp_path: Path) -> None:
    from bench.reproduce import run_reproduce

    build = tmp_path / "build"
    intent = build / "intent"
    intent.mkdir(parents=True)
    for f in ("report.json", "report_details.json"):
        shutil.copy(SHIPPED / f, build / f)
    for f in ("config.json", "model.onnx", "tokenizer.json"):
        shutil.copy(SHIPPED / f, intent / f)
    result = run_reproduce("default", tmp_path / "unused", results_dir=tmp_path,
                           existing=build)
    assert result["reproduced"] and result["identical_files"] and not result["built"]
    assert result["seconds"] == {} and not (tmp_path / "unused").exists()
    assert json.loads((tmp_path / "reproduce.json").read_text())["candidate"] == str(intent)
    with pytest.raises(ValueError, match="--preset default"):  # refused before any build
        run_reproduce("tiny", tmp_path / "unused", results_dir=tmp_path, existing=build)
    assert not (tmp_path / "unused").exists()
