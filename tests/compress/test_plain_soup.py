"""student.plain_soup: soup members distilled as a build without the training-only files and
without recognizer hypotheses would distil them, averaged with the run's own students
(docs/intent.md, "Soups across builds")."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

TRAIN_ONLY = ("@ fall_report\n# tumble_now\ni've just had a tumble by the back door\n"
              "i've gone over on the garden path and can't stand\n"
              "@ out_of_scope\n# mishaps\nmy slipper came off on the stairs\n"
              "my heart sank when the bus left without me\n")


def _data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
          train_only: bool) -> None:
    """The built-in English data, with or without a training-only file, as the data root."""
    import compress.dataset as ds

    root = tmp_path / name
    shutil.copytree(ds.DATA_ROOT / "en", root / "en",
                    ignore=shutil.ignore_patterns(ds.TRAIN_ONLY_DIR))
    if train_only:
        (root / "en" / ds.TRAIN_ONLY_DIR).mkdir()
        (root / "en" / ds.TRAIN_ONLY_DIR / "more.txt").write_text(TRAIN_ONLY, encoding="utf-8")
    monkeypatch.setattr(ds, "DATA_ROOT", root)
    ds._load_cached.cache_clear()


def _weights(folder: Path) -> dict[str, object]:
    from safetensors.torch import load_file

    return load_file(str(folder / "model.safetensors"))


def test_a_plain_member_is_the_student_of_a_build_without_the_training_only_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    import compress.dataset as ds
    from compress.config import ConfigError, get_preset
    from compress.pipeline import run

    try:
        _data(tmp_path, monkeypatch, "with", train_only=True)
        a = tmp_path / "a"
        # a vocabulary trimmed by the training texts differs with the training-only words
        with pytest.raises(ConfigError, match="vocabulary that the data does not choose"):
            run(get_preset("tiny", plain_soup=1), a)
        # the base's whole vocabulary (as the default preset keeps it); the teacher resumed
        cfg = dataclasses.replace(get_preset("tiny", plain_soup=1, vocab_size=30522),
                                  resume=True)
        assert cfg.student.asr_hypotheses == "builtin" and cfg.student.soup == 1
        report = run(cfg, a)  # the tiny preset distils on hypotheses too
        assert report is not None
        members = a / "work" / "soup"
        assert sorted(p.name for p in members.iterdir()) == ["plain_seed0", "seed0"]
        saved = json.loads((members / "plain_seed0" / "distill.json").read_text())["settings"]
        assert saved["student"]["asr_hypotheses"] == "none" and saved["heard"] == 0
        mixed = json.loads((members / "seed0" / "distill.json").read_text())["settings"]
        assert mixed["heard"] > 0 and mixed["heard_sha"] != saved["heard_sha"]
        # the build's student is the average of its two members
        own, plain, soup = (_weights(p) for p in (members / "seed0", members / "plain_seed0",
                                                   a / "work" / "student_pt"))
        for k, v in soup.items():
            if v.is_floating_point():  # type: ignore[attr-defined]
                assert torch.allclose(v, (own[k] + plain[k]) / 2, atol=1e-6), k  # type: ignore[operator]

        # a build of the same teacher on the data without the training-only file, and no
        # hypotheses, distils the plain member weight for weight
        _data(tmp_path, monkeypatch, "without", train_only=False)
        b = tmp_path / "b"
        (b / "work").mkdir(parents=True)
        shutil.copytree(a / "work" / "teacher", b / "work" / "teacher")
        alone = dataclasses.replace(
            get_preset("tiny", asr_hypotheses="none", vocab_size=30522), resume=True)
        assert run(alone, b) is not None
        again = _weights(b / "work" / "student_pt")
        assert again.keys() == plain.keys()
        assert all(torch.equal(again[k], plain[k]) for k in plain)  # type: ignore[arg-type]
        assert json.loads((b / "work" / "student_pt" / "distill.json").read_text())[
            "settings"] == saved

        # --resume reuses both members and the soup
        _data(tmp_path, monkeypatch, "with again", train_only=True)
        resumed = run(cfg, a)
        assert resumed is not None
        assert resumed["student_int8"]["accuracy"] == report["student_int8"]["accuracy"]
        # one member read back from disk, the other distilled again: the same soup
        shutil.rmtree(members / "plain_seed0")
        shutil.rmtree(a / "work" / "student_pt")
        again_run = run(cfg, a)
        assert again_run is not None
        assert all(torch.equal(_weights(members / "plain_seed0")[k], plain[k])  # type: ignore[arg-type]
                   for k in plain)
        assert again_run["student_int8"]["accuracy"] == report["student_int8"]["accuracy"]
    finally:
        ds._load_cached.cache_clear()


def test_plain_soup_and_heard_labels_are_checked(tmp_path: Path) -> None:
    from compress.config import ConfigError, get_preset
    from compress.data import HYPOTHESES_DIR, hypotheses_file
    from compress.pipeline import run

    # the shipped build: four plain members beside four with the calls as Whisper heard them
    default = get_preset("default").student
    assert (default.plain_soup, default.heard_labels) == (4, "emergency_help,fall_report")
    found = hypotheses_file(default.asr_hypotheses, "en")
    assert found is not None and \
        found.resolve() == (HYPOTHESES_DIR / "en_hypotheses_whisper_base.jsonl").resolve()
    with pytest.raises(ConfigError, match="plain_soup"):
        get_preset("tiny", plain_soup=17)
    for bad in ("", "emergency_help,,fall_report"):
        with pytest.raises(ConfigError, match="heard_labels"):
            get_preset("tiny", heard_labels=bad)
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps({"text": f"hello number {i}", "intent": "greeting"})
                            + "\n" for i in range(3)))
    with pytest.raises(ConfigError, match="built-in data"):
        run(get_preset("tiny", plain_soup=1, data=str(data)), tmp_path / "out")
    with pytest.raises(ConfigError, match="not in the label set"):
        run(get_preset("tiny", heard_labels="emergency_help,falls"), tmp_path / "out2")
