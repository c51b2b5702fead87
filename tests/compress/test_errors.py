"""Bad inputs to `eldercare compress` fail early with one clear line (no training starts)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from compress.assets import CheckpointError, check_checkpoint, resolve_teacher
from compress.config import ConfigError, ExportConfig, get_preset
from compress.data import prepare_splits
from compress.dataset import DatasetError
from compress.pipeline import OutputDirError, check_output_dir
from device.labels import INTENT_LABELS


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "device", "compress", *args],
                          capture_output=True, text=True, timeout=300)


def _dataset(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_unwritable_output_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputDirError, match="another --out"):
        check_output_dir(blocker / "out")
    with pytest.raises(OutputDirError, match="not a folder"):
        check_output_dir(blocker)
    proc = _cli("--preset", "tiny", "--out", str(blocker / "out"))
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("eldercare: error:") and "Traceback" not in proc.stderr


def test_missing_teacher_checkpoint(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not found"):
        resolve_teacher(str(tmp_path / "no-such-model"))
    proc = _cli("--preset", "tiny", "--out", str(tmp_path / "o"),
                "--teacher", str(tmp_path / "no-such-model"))
    assert proc.returncode == 2 and "checkpoint folder not found" in proc.stderr
    assert not (tmp_path / "o" / "intent").exists()


@pytest.mark.parametrize("breakage", ["no_config", "bad_config", "no_weights", "truncated",
                                      "no_tokenizer"])
def test_corrupt_checkpoint(tmp_path: Path, breakage: str) -> None:
    folder = tmp_path / "ckpt"
    folder.mkdir()
    if breakage != "no_config":
        text = "{oops" if breakage == "bad_config" else json.dumps({"model_type": "bert"})
        (folder / "config.json").write_text(text)
    if breakage not in ("no_weights", "no_config", "bad_config"):
        # a safetensors header claiming more bytes than the file has
        (folder / "model.safetensors").write_bytes((10_000).to_bytes(8, "little") + b"{}")
    if breakage == "no_tokenizer":
        (folder / "model.safetensors").write_bytes((2).to_bytes(8, "little") + b"{}")
    elif breakage != "truncated":
        (folder / "tokenizer.json").write_text("{}")
    with pytest.raises(CheckpointError):
        check_checkpoint(folder)


def test_labels_that_do_not_match_the_data(tmp_path: Path) -> None:
    rows = [{"text": f"hello {i}", "intent": "greeting"} for i in range(10)]
    rows += [{"text": f"order pizza {i}", "intent": "pizza_order"} for i in range(10)]
    cfg = replace(get_preset("tiny"), data=str(_dataset(tmp_path, rows)))
    with pytest.raises(DatasetError, match="pizza_order"):
        prepare_splits(cfg, INTENT_LABELS)
    # the reverse: labels that have no training data
    cfg = replace(cfg, data=str(_dataset(tmp_path, rows[:10])))
    with pytest.raises(DatasetError, match="without training examples"):
        prepare_splits(cfg, ("greeting", "farewell"))
    proc = _cli("--preset", "tiny", "--out", str(tmp_path / "o"), "--data",
                str(_dataset(tmp_path, rows)), "--labels", "greeting,farewell")
    assert proc.returncode == 2 and "not in the label set" in proc.stderr


def test_empty_and_malformed_dataset(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    proc = _cli("--preset", "tiny", "--out", str(tmp_path / "o"), "--data", str(empty))
    assert proc.returncode == 2 and "empty" in proc.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hi", "intent": "greeting"}\nnot json\n')
    with pytest.raises(DatasetError, match="bad.jsonl:2"):
        prepare_splits(replace(get_preset("tiny"), data=str(bad)), INTENT_LABELS)


def test_user_dataset_without_held_out_rows_gets_group_splits(tmp_path: Path) -> None:
    rows = [{"text": f"{w} number {i}", "intent": lab, "group": f"{lab}{i}"}
            for lab, w in (("greeting", "hello"), ("farewell", "bye")) for i in range(40)]
    cfg = replace(get_preset("tiny"), data=str(_dataset(tmp_path, rows)), eval_limit=None)
    splits = prepare_splits(cfg, ("greeting", "farewell"))
    assert splits.train and splits.dev and splits.test
    held = {e.group for e in splits.dev + splits.test}
    assert not held & {e.group for e in splits.train}


def test_invalid_settings() -> None:
    with pytest.raises(ConfigError, match="opset"):
        ExportConfig(opset=18)
    with pytest.raises(ConfigError, match="quant"):
        ExportConfig(quant_preset="gpu")
    with pytest.raises(ConfigError, match="unknown preset"):
        get_preset("huge")
