"""The challenge set stays apart from the training data; refit and the device check use it."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from compress.dataset import CHALLENGE_DIR, core_text, load_challenge, load_examples, normalize_asr
from device.intent import default_model_dir
from device.labels import INTENT_LABELS, SAFETY_LABELS

SAFETY_WORDS = ("fall", "fell", "help", "dying", "die", "kill", "heart", "fire", "doctor",
                "ambulance", "paramedic", "nurse", "smoke", "floor", "breath", "stroke", "trip",
                "slip", "hurt", "urgent", "anybody", "anyone", "carer")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    path = CHALLENGE_DIR / "challenge_en.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_challenge_shares_no_sentence_with_the_data(rows: list[dict[str, str]]) -> None:
    examples = load_examples("en")
    forms = {normalize_asr(e.text) for e in examples}
    assert not [r["text"] for r in rows if normalize_asr(r["text"]) in forms]
    # the hard part was written after the contrast data: not even a near copy of a data row
    cores = [set(core_text(e.text).split()) for e in examples]
    for r in (r for r in rows if r["kind"] == "hard"):
        words = set(core_text(r["text"]).split())
        assert all(len(words & c) / len(words | c) < 0.75 for c in cores), r["text"]


def test_challenge_is_hard_both_ways(rows: list[dict[str, str]]) -> None:
    assert {r["kind"] for r in rows} == {"plain", "hard"}
    assert {r["intent"] for r in rows} == set(INTENT_LABELS)
    hard = [r for r in rows if r["kind"] == "hard"]
    positives = [r for r in hard if r["intent"] in SAFETY_LABELS]
    negatives = [r for r in hard if r["intent"] not in SAFETY_LABELS]
    assert len(positives) >= 30 and len(negatives) >= 60
    # the hard negatives use the words of a call for help
    worded = [r for r in negatives if any(w in r["text"].lower() for w in SAFETY_WORDS)]
    assert len(worded) >= 0.8 * len(negatives)
    assert len(load_challenge("en")) == len(rows) and load_challenge("xx") == []
    assert Counter(r["split"] for r in rows) == {"test": len(rows)}


def test_refit_writes_thresholds_that_keep_every_dev_call_for_help(tmp_path: Path) -> None:
    from compress.refit import main

    folder = tmp_path / "intent"
    folder.mkdir()
    for name in ("model.onnx", "tokenizer.json", "config.json"):
        shutil.copy2(default_model_dir() / name, folder / name)
    assert "spoken_ask" in json.loads((folder / "config.json").read_text())  # the shipped one
    assert main(["--model", str(folder), "--json", str(tmp_path / "refit.json")]) == 0
    result = json.loads((tmp_path / "refit.json").read_text())
    conf = json.loads((folder / "config.json").read_text())
    assert conf["label_bias"] == {} and set(conf["safety_thresholds"]) == set(SAFETY_LABELS)
    assert "spoken_ask" not in conf  # fitted on the old probabilities: fitted again apart
    pair = conf["safety_thresholds"]["emergency_help"]
    assert 0 < pair["ask"] <= pair["alert"] <= 1
    assert result["after"]["dev"]["emergency_recall"] == 1.0
    assert set(result["after"]) == set(result["before"]) == {"dev", "test", "challenge"}
    assert (folder / "safety_thresholds.png").read_bytes()[:4] == b"\x89PNG"


def test_refit_of_a_missing_folder_is_a_clear_error(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from compress.refit import main

    assert main(["--model", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("refit: error: intent model folder not found") and "\n" == err[-1]
