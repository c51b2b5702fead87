"""Calibration on dev: per-label safety biases, the miss cost, and the ASR-style augmentation."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from compress.calibrate import MISS_COST, SAFETY_MARGIN, calibrate, decide
from compress.data import augment_texts, mix_texts, substitute_texts, text_words
from device.labels import INTENT_LABELS

LABELS = tuple(INTENT_LABELS)
EM, FALL, OOS = (LABELS.index(x) for x in ("emergency_help", "fall_report", "out_of_scope"))
OTHER = LABELS.index("time_query")


def _logits(rows: list[tuple[int, dict[int, float]]]) -> tuple[np.ndarray, np.ndarray]:
    """Gold ids and logits: 0 everywhere except the given label -> value entries."""
    logits = np.zeros((len(rows), len(LABELS)))
    for i, (_, vals) in enumerate(rows):
        for j, v in vals.items():
            logits[i, j] = v
    return logits, np.array([g for g, _ in rows])


def test_bias_only_where_a_safety_label_needs_it() -> None:
    # An emergency utterance the model leans away from; every fall is already clear.
    rows = [(EM, {EM: 5.0, OTHER: 1.0})] * 10 + [(EM, {EM: 3.0, OTHER: 4.0})]
    rows += [(FALL, {FALL: 6.0})] * 10 + [(OTHER, {OTHER: 6.0})] * 30
    logits, gold = _logits(rows)
    cal = calibrate(logits, gold, LABELS, safety_margin=0.0)
    assert set(cal.label_bias) == {"emergency_help"}
    pred, _ = decide(logits, LABELS, cal.temperature, cal.threshold, cal.label_bias)
    assert (pred == gold).all() and cal.dev_safety_recall == 1.0


def test_a_miss_is_worth_up_to_miss_cost_false_alarms() -> None:
    def build(false_alarms: int) -> tuple[np.ndarray, np.ndarray]:
        rows = [(EM, {EM: 6.0})] * 10 + [(EM, {EM: 3.5, OTHER: 4.0})]
        rows += [(FALL, {FALL: 6.0})] * 5 + [(OTHER, {OTHER: 9.0})] * 40
        rows += [(OTHER, {OTHER: 3.0, EM: 2.6})] * false_alarms  # flip with the miss
        return _logits(rows)

    cheap = calibrate(*build(MISS_COST - 2), LABELS, safety_margin=0.0)
    assert cheap.dev_safety_recall == 1.0 and cheap.label_bias.get("emergency_help", 0) > 0
    dear = calibrate(*build(MISS_COST + 3), LABELS, safety_margin=0.0)
    assert dear.dev_safety_recall < 1.0 and "emergency_help" not in dear.label_bias


def test_safety_biases_keep_a_margin_beyond_the_dev_fit() -> None:
    rows = [(EM, {EM: 5.0, OTHER: 1.0})] * 10 + [(EM, {EM: 3.0, OTHER: 4.0})]
    rows += [(FALL, {FALL: 6.0})] * 10 + [(OTHER, {OTHER: 6.0})] * 30
    logits, gold = _logits(rows)
    fit = calibrate(logits, gold, LABELS, safety_margin=0.0)
    kept = calibrate(logits, gold, LABELS)
    assert kept.safety_margin == SAFETY_MARGIN > 0
    assert kept.label_bias == {"emergency_help": fit.label_bias["emergency_help"] + SAFETY_MARGIN,
                               "fall_report": SAFETY_MARGIN}
    assert kept.dev_safety_recall == 1.0
    # a new emergency utterance a little further from the boundary than any on dev
    t, b = fit.temperature, fit.label_bias["emergency_help"]
    assert kept.temperature == t
    new = np.zeros((1, len(LABELS)))
    new[0, EM], new[0, OTHER] = 3.0, 3.0 + t * (b + 0.5 * SAFETY_MARGIN)
    assert decide(new, LABELS, t, 0.0, fit.label_bias)[0][0] == OTHER
    assert decide(new, LABELS, t, 0.0, kept.label_bias)[0][0] == EM


def test_augmentation_is_asr_style_and_reproducible() -> None:
    texts = ["I've fallen, I can't get up!", "Can you turn the radio up a bit?",
             "I need to take my pills at two", "Is it time for my tablets?"]
    out = augment_texts(texts, 6, seed=3)
    assert out == augment_texts(texts, 6, seed=3)
    assert len(out) > len(texts) * 3 and not set(out) & set(texts)
    assert all(v == v.lower() and not re.search(r"[^\w\s']", v) for v in out)
    assert any({"eye", "four"} & set(v.split()) for v in out)  # homophones of i, for
    assert any(re.search(r"\b(\w+) \1\b", v) for v in out)  # a stutter


def test_mixed_rows_are_made_of_the_sentences_own_words_and_reproducible() -> None:
    texts = ["I've fallen, I can't get up!", "Can you turn the radio up a bit?",
             "I need to take my pills at two", "Is it time for my tablets?"]
    out = mix_texts(texts, 8, seed=5)
    assert out == mix_texts(texts, 8, seed=5) and out != mix_texts(texts, 8, seed=6)
    assert len(out) == len(set(out)) > len(texts) * 4 and not set(out) & set(texts)
    vocab = {w for t in texts for w in re.sub(r"[^\w\s']", " ", t.lower()).split()}
    assert all(set(v.split()) <= vocab and v == v.lower() for v in out)
    lowered = [re.sub(r"[^\w\s']", " ", t.lower()).split() for t in texts]

    def inside(v: str) -> bool:  # a stretch of one sentence
        w = v.split()
        return any(w == t[i:i + len(w)] for t in lowered for i in range(len(t)))
    assert any(inside(v) for v in out) and not all(inside(v) for v in out)  # both kinds
    assert mix_texts(texts, 0, seed=5) == [] and mix_texts([], 3, seed=5) == []


def test_substituted_rows_swap_only_known_words_for_their_neighbours() -> None:
    """Each row is a training sentence with one or more of the words the table knows
    replaced by one of their neighbours; everything else stays in place."""
    texts = ["I fell in the kitchen!", "My head is pounding", "What time is it?",
             "I fell over"]
    near = {"fell": ["tumbled", "dropped"], "kitchen": ["pantry"],
            "pounding": ["hammering", "throbbing"]}
    out = substitute_texts(texts, 4, seed=3, neighbours=near)
    assert out == substitute_texts(texts, 4, seed=3, neighbours=near)
    assert len(out) == len(set(out)) and not set(out) & set(texts)
    sources = [re.sub(r"[^\w\s']", " ", t.lower()).split() for t in texts]
    for row in out:
        words = row.split()
        src = next(s for s in sources if len(s) == len(words) and all(
            a == b or b in near.get(a, []) for a, b in zip(s, words, strict=True)))
        assert src != words and src != sources[2]  # "what time is it" has no known word
    assert {"tumbled", "dropped", "pantry", "hammering", "throbbing"} <= {
        w for row in out for w in row.split()}
    assert text_words(texts) == sorted({"i", "fell", "in", "the", "kitchen", "my", "head", "is",
                                        "pounding", "what", "time", "it", "over"})
    assert substitute_texts(texts, 0, seed=3, neighbours=near) == []
    assert substitute_texts(texts, 2, seed=3, neighbours={}) == []
    with pytest.raises(ValueError, match="rate"):
        substitute_texts(texts, 1, seed=3, neighbours=near, rate=0.0)


def test_word_neighbours_come_from_the_teachers_word_embeddings() -> None:
    """Nearest whole words by cosine of the teacher's input embeddings; function words and
    forms of the word itself are never offered, and a word that is not one token of the
    teacher's vocabulary has no entry."""
    import torch

    from compress.assets import minilm_dir
    from compress.modeling import TeacherClassifier
    from compress.teacher import FUNCTION_WORDS, Teacher, load_tokenizer, word_neighbours

    tok, pad = load_tokenizer(minilm_dir())
    model = TeacherClassifier.tiny_random(tok.get_vocab_size(), len(LABELS), 32, 1, pad)
    table = model.encoder.get_input_embeddings().weight
    with torch.no_grad():
        table.copy_(torch.randn(table.shape, generator=torch.Generator().manual_seed(0)))
        base = table[tok.token_to_id("pounding")].clone()
        for word, scale in (("hammering", 1.0), ("pounded", 1.0), ("the", 1.0),
                            ("throbbing", 0.9)):
            noise = torch.randn(base.shape, generator=torch.Generator().manual_seed(len(word)))
            table[tok.token_to_id(word)] = base * scale + 0.05 * noise
    teacher = Teacher(model, tok, pad, "tiny")
    near = word_neighbours(teacher, ["pounding", "the", "zzzqqq", "kitchen"], k=3)
    assert near["pounding"][:2] == ["hammering", "throbbing"]
    assert "pounded" not in near["pounding"] and "the" not in near["pounding"]
    assert "the" not in near and "zzzqqq" not in near and len(near["kitchen"]) == 3
    assert not any(set(v) & FUNCTION_WORDS for v in near.values())


def test_mix_and_kd_alpha_are_validated_student_settings() -> None:
    from compress.config import ConfigError, get_preset

    assert get_preset("default").student.mix == 0
    assert get_preset("tiny", mix=2).student.mix == 2
    with pytest.raises(ConfigError, match="mix"):
        get_preset("tiny", mix=101)
    assert get_preset("default").student.substitute == 0
    assert get_preset("tiny", substitute=2).student.substitute == 2
    with pytest.raises(ConfigError, match="substitute"):
        get_preset("tiny", substitute=101)
    assert get_preset("default", kd_alpha=0.9).student.kd_alpha == 0.9
    with pytest.raises(ConfigError, match="kd_alpha"):
        get_preset("default", kd_alpha=1.5)


def test_student_seed_and_soup_are_validated_student_settings() -> None:
    from compress.config import ConfigError, get_preset

    default = get_preset("default").student  # the shipped student's build
    assert (default.seed, default.soup, default.plain_soup, default.probe_epochs) == \
        (10, 4, 4, 60)
    assert get_preset("default", student_seed=0, soup=1).student.soup == 1
    assert get_preset("tiny", student_seed=3, soup=4).student.seed == 3
    with pytest.raises(ConfigError, match="soup"):
        get_preset("tiny", soup=0)
    with pytest.raises(ConfigError, match="seed"):
        get_preset("tiny", student_seed=-1)
    assert get_preset("tiny", student_lr=1e-4).student.lr == 1e-4
    with pytest.raises(ConfigError, match="lr"):
        get_preset("tiny", student_lr=0.5)
    assert get_preset("tiny", freeze_embeddings=True).student.freeze_embeddings


def test_keep_layers_flag_errors() -> None:
    from compress.cli import _layers
    from compress.config import ConfigError, get_preset

    assert _layers("0,1,2,4,5") == (0, 1, 2, 4, 5)
    with pytest.raises(ValueError, match="comma-separated layer numbers"):
        _layers("0,one")
    with pytest.raises(ConfigError, match="distinct"):
        get_preset("tiny", keep_layers=(0, 0))


def test_fuse_flag_reaches_the_export_settings() -> None:
    """--fuse / --no-fuse override the preset's export.fuse (default off, tiny on)."""
    import argparse

    from compress.cli import _add_args
    from compress.config import get_preset

    p = argparse.ArgumentParser()
    _add_args(p)
    assert p.parse_args(["--out", "x"]).fuse is None
    assert p.parse_args(["--out", "x", "--fuse"]).fuse is True
    assert p.parse_args(["--out", "x", "--no-fuse"]).fuse is False
    assert get_preset("default").export.fuse is True
    assert get_preset("tiny").export.fuse is True
    assert get_preset("default", fuse=False).export.fuse is False
    assert get_preset("tiny", fuse=False).export.fuse is False
    assert get_preset("tiny", fuse=None).export.fuse is True


def test_resume_reuses_a_matching_student(tiny_build: tuple[Path, dict[str, Any]],
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from compress.config import get_preset
    from compress.pipeline import run

    shutil.copytree(tiny_build[0] / "work", tmp_path / "work")
    weights = (tmp_path / "work" / "student_pt" / "model.safetensors").read_bytes()
    report = run(get_preset("tiny", resume=True), tmp_path)
    err = capsys.readouterr().err
    assert "resumed the distilled student" in err and "student distillation" not in err
    assert (tmp_path / "work" / "student_pt" / "model.safetensors").read_bytes() == weights
    assert report is not None
    assert report["student_int8"]["accuracy"] == tiny_build[1]["student_int8"]["accuracy"]
    # Other settings: the student is trained again.
    marker = tmp_path / "work" / "student_pt" / "distill.json"
    marker.write_text(marker.read_text().replace('"epochs": 6', '"epochs": 5'))
    from compress.distill import load_student

    assert load_student(tmp_path / "work" / "student_pt", {"student": {}}) is None


def test_a_student_from_before_a_new_setting_is_reused_at_its_default(
        tiny_build: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """A setting added after a student was distilled counts as its default value."""
    from compress.distill import DISTILL_FILE, load_student

    folder = tmp_path / "student_pt"
    shutil.copytree(tiny_build[0] / "work" / "student_pt", folder)
    saved = json.loads((folder / DISTILL_FILE).read_text())
    settings = json.loads(json.dumps(saved["settings"]))
    del saved["settings"]["student"]["heard_targets"]  # distilled before the setting existed
    (folder / DISTILL_FILE).write_text(json.dumps(saved))
    assert load_student(folder, settings) is not None
    settings["student"]["heard_targets"] = "teacher"  # not the default: distil again
    assert load_student(folder, settings) is None


def test_a_resumed_teacher_distils_the_same_student(tiny_build: tuple[Path, dict[str, Any]],
                                                    tmp_path: Path) -> None:
    """A build in steps (teacher resumed, student trained now) equals a clean build."""
    from safetensors.numpy import load_file

    from compress.config import get_preset
    from compress.pipeline import run

    shutil.copytree(tiny_build[0] / "work", tmp_path / "work")
    shutil.rmtree(tmp_path / "work" / "student_pt")
    report = run(get_preset("tiny", resume=True), tmp_path)
    assert report is not None
    clean = load_file(str(tiny_build[0] / "work" / "student_pt" / "model.safetensors"))
    again = load_file(str(tmp_path / "work" / "student_pt" / "model.safetensors"))
    assert clean.keys() == again.keys()
    for name, tensor in clean.items():
        np.testing.assert_allclose(again[name], tensor, atol=1e-5, err_msg=name)
    assert report["student_int8"]["accuracy"] == tiny_build[1]["student_int8"]["accuracy"]
