"""compress.soup: students of other builds of one teacher averaged into a build's student,
which --resume then finishes as any build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

Build = tuple[Path, dict[str, Any]]


def _member(src: Path, dst: Path, scale: float) -> Path:
    """A copy of a distilled student with its classifier weights scaled (a second member
    whose average with the first is known)."""
    from safetensors.torch import load_file, save_file

    shutil.copytree(src, dst)
    weights = load_file(str(dst / "model.safetensors"))
    weights["classifier.weight"] = weights["classifier.weight"] * scale
    save_file(weights, str(dst / "model.safetensors"), metadata={"format": "pt"})
    return dst


def _run_folder(out: Path, run: Path) -> Path:
    (run / "work").mkdir(parents=True)
    for name in ("teacher", "student_pt"):
        shutil.copytree(out / "work" / name, run / "work" / name)
    shutil.copy(out / "work" / "teacher_outputs.pt", run / "work")
    return run


def test_a_soup_of_other_builds_students_is_finished_by_resume(tiny_build: Build,
                                                                 tmp_path: Path) -> None:
    import dataclasses

    import torch

    from compress.config import get_preset
    from compress.distill import DISTILL_FILE
    from compress.modeling import BertMeanPoolClassifier
    from compress.pipeline import run
    from compress.soup import main

    out, _report = tiny_build
    run_dir = _run_folder(out, tmp_path / "run")
    first = out / "work" / "student_pt"
    second = _member(first, tmp_path / "other" / "student_pt", 2.0)
    assert main([str(run_dir), str(first), str(second)]) == 0
    name = "classifier.weight"
    w = BertMeanPoolClassifier.from_pretrained(str(first)).state_dict()[name]
    soup = BertMeanPoolClassifier.from_pretrained(str(run_dir / "work" / "student_pt"))
    assert torch.allclose(soup.state_dict()[name], 1.5 * w, atol=1e-6)
    saved = json.loads((run_dir / "work" / "student_pt" / DISTILL_FILE).read_text())
    assert saved["soup_of"] == [str(first), str(second)] and len(saved["losses"]) == 2
    # --resume takes the soup as the build's student (its settings are the build's) and
    # finishes it: the shipped model is the soup's, not a student distilled again
    report = run(dataclasses.replace(get_preset("tiny"), resume=True), run_dir)
    assert report is not None and (run_dir / "intent" / "model.onnx").is_file()
    after = BertMeanPoolClassifier.from_pretrained(str(run_dir / "work" / "student_pt"))
    assert torch.allclose(after.state_dict()[name], 1.5 * w, atol=1e-6)


def test_members_of_another_teacher_or_no_student_are_refused(tiny_build: Build,
                                                              tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    from compress.distill import DISTILL_FILE
    from compress.soup import SoupError, main, soup_into

    out, _report = tiny_build
    run_dir = _run_folder(out, tmp_path / "run")
    first = out / "work" / "student_pt"
    other = _member(first, tmp_path / "other", 1.0)
    marker = other / DISTILL_FILE
    saved = json.loads(marker.read_text())
    saved["settings"]["teacher"] = "another-teacher"
    marker.write_text(json.dumps(saved))
    before = (run_dir / "work" / "student_pt" / "model.safetensors").read_bytes()
    with pytest.raises(SoupError, match="teacher 'another-teacher'"):
        soup_into(run_dir, [first, other])
    with pytest.raises(SoupError, match="at least two"):
        soup_into(run_dir, [first])
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([str(run_dir), str(first), str(empty)]) == 2
    assert "holds no distilled student" in capsys.readouterr().err
    # nothing was written over the build's own student
    assert (run_dir / "work" / "student_pt" / "model.safetensors").read_bytes() == before
