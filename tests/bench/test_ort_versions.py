"""bench.ort_versions: the shipped model's logits under another interpreter, compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.ort_versions import compare, main
from device.intent import default_model_dir


def test_compare_counts_labels_and_safety_outcomes_that_move() -> None:
    conf = json.loads((default_model_dir() / "config.json").read_text())
    labels = conf["labels"]
    em, oos = labels.index("emergency_help"), labels.index("out_of_scope")
    base = np.zeros((3, len(labels)))
    base[:, oos] = 6.0  # three ordinary utterances, far from any safety threshold
    assert compare(base, base.copy(), None) == {
        "utterances": 3, "max_logit_diff": 0.0, "max_safety_probability_diff": 0.0,
        "labels_differing": 0, "safety_outcomes_differing": 0}
    moved = base.copy()
    moved[0, em] = 12.0  # now a call for help, alerted at once
    moved[1, oos] = 6.01  # a rounding-sized change
    out = compare(base, moved, None)
    assert out["labels_differing"] == 1 and out["safety_outcomes_differing"] == 1
    assert out["max_logit_diff"] == 12.0 and out["max_safety_probability_diff"] > 0.9
    with pytest.raises(ValueError, match="shape"):
        compare(base, base[:2], None)


def test_the_same_interpreter_gives_the_same_logits(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ort.json"
    assert main([sys.executable, "--out", str(out)]) == 0
    saved = json.loads(out.read_text())
    (run,) = saved["runs"]
    assert run["utterances"] == saved["reference"]["rows"] > 800
    assert run["max_logit_diff"] == 0.0 and run["safety_outcomes_differing"] == 0
    assert run["onnxruntime"] == saved["reference"]["onnxruntime"]
    assert json.loads(capsys.readouterr().out.strip())["labels_differing"] == 0
    assert main([str(tmp_path / "no-python"), "--out", str(out)]) == 2


def test_a_board_compares_itself_with_saved_logits_of_the_same_model(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--save-reference on the build machine, --against on the board; a reference of
    another model is refused, and the packaged reference is the shipped model's."""
    from bench.ort_versions import REFERENCE, load_reference

    ref = tmp_path / "ref.npz"
    out = tmp_path / "ort.json"
    assert main(["--save-reference", str(ref)]) == 0 and ref.is_file()
    assert main(["--against", str(ref), "--out", str(out)]) == 0
    (run,) = json.loads(out.read_text())["runs"]
    assert run["max_logit_diff"] == 0.0 and run["safety_outcomes_differing"] == 0
    assert run["against"]["model_sha256"] == load_reference(ref, None)[1]["model_sha256"]
    logits, _ = load_reference(REFERENCE, None)  # committed: the shipped model's
    labels = json.loads((default_model_dir() / "config.json").read_text())["labels"]
    assert logits.shape == (run["utterances"], len(labels))
    with np.load(ref) as saved:
        info = json.loads(str(saved["info"]))
        np.savez(tmp_path / "other.npz", logits=saved["logits"],
                 info=json.dumps({**info, "model_sha256": "0" * 64}))
    capsys.readouterr()
    assert main(["--against", str(tmp_path / "other.npz"), "--out", str(out)]) == 2
    assert "another model" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([])
