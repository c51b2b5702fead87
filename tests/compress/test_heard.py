"""Recognizer hypotheses of training sentences as distillation rows (compress.data.load_heard)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch

from compress.config import get_preset
from compress.data import HYPOTHESES_DIR, Splits, hypotheses_file, load_heard, transfer_texts
from compress.dataset import DatasetError, Example
from compress.distill import build_student, kd_dataset

LABELS = ("greeting", "fall_report", "out_of_scope")


def _splits() -> Splits:
    def ex(text: str, intent: str, split: str) -> Example:
        return Example(text, intent, "en", f"{intent}:{text}", split)

    return Splits(LABELS,
                  train=[ex("hello there", "greeting", "train"),
                         ex("i have fallen over", "fall_report", "train"),
                         ex("what is a dockerfile", "out_of_scope", "train")],
                  dev=[ex("good morning", "greeting", "dev")],
                  test=[ex("i fell on the floor", "fall_report", "test")])


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def test_rows_map_to_the_sentence_said_and_its_intent(tmp_path: Path) -> None:
    f = _write(tmp_path / "h.jsonl", [
        {"source": "i have fallen over", "text": "i have four nova", "intent": "fall_report"},
        {"source": "hello there", "text": "yellow there", "intent": "greeting"},
        {"source": "hello there", "text": "hello there", "intent": "greeting"},  # heard right
        {"source": "hello there", "text": "", "intent": "greeting"},  # nothing heard
        {"source": "i fell on the floor", "text": "i fell", "intent": "fall_report"},  # test
        {"source": "what is a dockerfile", "text": "what", "intent": "greeting"},  # stale
    ])
    heard, info = load_heard(str(f), "en", _splits())
    assert heard == [("i have four nova", 1, 1), ("yellow there", 0, 0)]
    assert info == {"file": str(f), "rows": 6, "not_in_train": 1, "intent_changed": 1,
                    "same_as_said": 2, "near_held_out": 0, "heard_as_other": 0, "used": 2}


def test_rows_heard_as_held_out_or_as_another_labels_sentence_are_left_out(
        tmp_path: Path) -> None:
    """A call heard as a dev sentence of another label ("i feel woozy") taught the student that
    a plain symptom is a call; a row heard as a dev or test sentence of any label tells the
    model a held-out answer; one heard as a training sentence of another label teaches a
    false rule, unless the words heard are still those said."""
    def ex(text: str, intent: str, split: str) -> Example:
        return Example(text, intent, "en", f"{intent}:{text}", split)

    labels = ("greeting", "fall_report", "symptom_report", "emergency_help")
    splits = Splits(labels,
                    train=[ex("i can't breathe", "emergency_help", "train"),
                           ex("i have fallen over", "fall_report", "train"),
                           ex("hello there my dear old friend", "greeting", "train"),
                           ex("hello there my dear old pal", "fall_report", "train")],  # noise
                    dev=[ex("i feel woozy", "symptom_report", "dev")],
                    test=[ex("i fell on the floor", "fall_report", "test")])
    f = _write(tmp_path / "h.jsonl", [
        {"source": "i can't breathe", "text": "um i feel woozy", "intent": "emergency_help"},
        {"source": "i have fallen over", "text": "i fell on the floor please",
         "intent": "fall_report"},  # the test sentence, same label: still a held-out answer
        {"source": "i have fallen over", "text": "hello there my dear old friend",
         "intent": "fall_report"},
        {"source": "hello there my dear old friend", "text": "hello there my dear old",
         "intent": "greeting"},  # near another label's sentence, but also near what was said
        {"source": "i have fallen over", "text": "i have four nova", "intent": "fall_report"},
    ])
    heard, info = load_heard(str(f), "en", splits)
    assert heard == [("hello there my dear old", 0, 2), ("i have four nova", 1, 1)]
    assert info["near_held_out"] == 2 and info["heard_as_other"] == 1 and info["used"] == 2


def test_off_missing_and_malformed(tmp_path: Path) -> None:
    assert load_heard("none", "en", _splits()) == ([], {"file": None})
    assert hypotheses_file("builtin", "xx") is None  # no built-in file for that language
    with pytest.raises(FileNotFoundError, match="speech.hypotheses"):
        load_heard(str(tmp_path / "missing.jsonl"), "en", _splits())
    bad = _write(tmp_path / "bad.jsonl", [{"source": "hello there", "intent": "greeting"}])
    with pytest.raises(DatasetError, match="bad.jsonl:1"):
        load_heard(str(bad), "en", _splits())
    broken = _write(tmp_path / "broken.jsonl", ['{"source": "hello'])
    with pytest.raises(DatasetError, match="not a JSON object"):
        load_heard(str(broken), "en", _splits())


def test_heard_rows_take_the_soft_targets_of_what_was_said() -> None:
    splits = _splits()
    heard = [("i have four nova", 1, 1), ("yellow there", 0, 0)]
    texts = [e.text for e in splits.train] + ["hello hello"]
    student = build_student(get_preset("tiny").student, LABELS, texts + [h[0] for h in heard])
    soft = torch.arange(4 * 3, dtype=torch.float32).reshape(4, 3)  # 3 train + 1 augmented
    pooled = torch.randn(4, 8)
    data = kd_dataset(student, splits, ["hello hello"], soft, pooled, 16, heard)
    assert len(data) == 6
    assert data.labels == [0, 1, 2, -100, 1, 0]
    assert data.soft is not None and data.pooled is not None
    assert torch.equal(data.soft[4], soft[1]) and torch.equal(data.soft[5], soft[0])
    assert torch.equal(data.pooled[4], pooled[1])
    assert data.ids[4] == student.encode(["i have four nova"], 16).ids[0]


@pytest.mark.parametrize(("name", "share"), [
    ("en_hypotheses.jsonl", 0.5),  # pocketsphinx: every sentence, most heard wrong
    ("en_hypotheses_whisper_base.jsonl", 0.1),  # the hybrid with Whisper base: every 2nd
])
def test_committed_files_match_the_training_split(name: str, share: float) -> None:
    """The committed hypotheses were made from the current training split."""
    from compress.config import CompressConfig
    from compress.data import prepare_splits
    from device.labels import INTENT_LABELS

    path = HYPOTHESES_DIR / name
    if not path.is_file():
        pytest.skip(f"no {name} (python -m speech.hypotheses)")
    splits = prepare_splits(CompressConfig(), INTENT_LABELS)
    heard, info = load_heard(str(path), "en", splits)
    assert info["not_in_train"] == 0 and info["intent_changed"] == 0, info
    assert len(heard) > share * len(splits.train)


def test_cli_names_a_missing_hypotheses_file_before_training(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "device", "compress", "--preset", "tiny",
                           "--out", str(tmp_path / "out"), "--asr-hypotheses",
                           str(tmp_path / "nope.jsonl")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert "nope.jsonl not found" in proc.stderr and "Traceback" not in proc.stderr


def test_several_files_are_read_in_order(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.jsonl", [
        {"source": "i have fallen over", "text": "i have four nova", "intent": "fall_report"}])
    b = _write(tmp_path / "b.jsonl", [
        {"source": "hello there", "text": "yellow there", "intent": "greeting"},
        {"source": "hello there", "text": "hello there", "intent": "greeting"}])
    heard, info = load_heard(f"{a}, {b},{a}", "en", _splits())  # a file named twice: once
    assert heard == [("i have four nova", 1, 1), ("yellow there", 0, 0)]
    assert info == {"file": f"{a},{b}", "rows": 3, "not_in_train": 0, "intent_changed": 0,
                    "same_as_said": 1, "near_held_out": 0, "heard_as_other": 0, "used": 2}
    with pytest.raises(FileNotFoundError, match="nope.jsonl"):
        load_heard(f"{a},{tmp_path / 'nope.jsonl'}", "en", _splits())


def test_transfer_texts_are_distinct_and_new() -> None:
    heard = [("i have four nova", 1, 1), ("yellow there", 0, 0), ("i have four nova", 1, 1),
             ("hello there", 0, 0), ("hello hello", 0, 0)]
    known = ["hello there", "i have fallen over", "hello hello"]  # train + augmented
    assert transfer_texts(heard, known) == ["i have four nova", "yellow there"]
    assert transfer_texts([], known) == []


def test_heard_targets_is_checked_and_reaches_the_config() -> None:
    from compress.config import ConfigError

    assert get_preset("default").student.heard_targets == "said"
    cfg = get_preset("default", heard_targets="teacher", asr_hypotheses="builtin")
    assert cfg.student.heard_targets == "teacher" and cfg.student.asr_hypotheses == "builtin"
    with pytest.raises(ConfigError, match="heard_targets"):
        get_preset("default", heard_targets="heard")


def test_a_build_with_hypotheses_as_a_transfer_set(tiny_build: tuple[Path, dict[str, Any]],
                                                   tmp_path: Path) -> None:
    """heard_targets="teacher": the hypotheses join the teacher-labelled rows, none is a
    hard-labelled row, and the student is distilled again (its settings changed)."""
    import shutil

    from compress.pipeline import run

    shutil.copytree(tiny_build[0] / "work", tmp_path / "work")
    before = json.loads((tiny_build[0] / "report_details.json").read_text())["data"]
    assert before["asr_hypotheses"]["used"] > 0  # the tiny preset uses the built-in file
    report = run(get_preset("tiny", resume=True, heard_targets="teacher"), tmp_path)
    assert report is not None
    data = json.loads((tmp_path / "report_details.json").read_text())["data"]
    heard = data["asr_hypotheses"]
    assert heard["targets"] == "teacher" and 0 < heard["transfer"] <= heard["used"]
    assert data["augmented"] == before["augmented"] + heard["transfer"]
    distilled = json.loads((tmp_path / "work" / "student_pt" / "distill.json").read_text())
    assert distilled["settings"]["heard"] == 0
    assert distilled["settings"]["student"]["heard_targets"] == "teacher"
    assert 0.0 <= report["student_int8"]["accuracy"] <= 1.0


def test_a_relative_path_is_also_read_from_the_projects_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default preset names Whisper's file relative to the project; a build started in
    another folder still finds it (and a relative path found nowhere is still an error)."""
    monkeypatch.chdir(tmp_path)
    spec = "compress/data/asr/en_hypotheses_whisper_base.jsonl"
    found = hypotheses_file(spec, "en")
    assert found is not None and found.resolve() == \
        (HYPOTHESES_DIR / "en_hypotheses_whisper_base.jsonl").resolve()
    with pytest.raises(FileNotFoundError, match="not found"):
        hypotheses_file("compress/data/asr/none_such.jsonl", "en")
