"""The tiny preset end to end: model folder, ONNX vs PyTorch, quantized graph, report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch

from compress.export import count_quantized_matmuls
from compress.modeling import BertMeanPoolClassifier
from device.intent import IntentModel
from device.labels import INTENT_LABELS, SAFETY_LABELS

Build = tuple[Path, dict[str, Any]]
TEXTS = ["help", "i have fallen down in the kitchen and cannot get up",
         "um what time is it", "turn the radio off please love", "thank you"]


def _padded(tokenizer_path: Path, texts: list[str],
            need_padding: bool = True) -> dict[str, np.ndarray]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    enc = tok.encode_batch(texts)
    ids = np.asarray([e.ids for e in enc], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
    assert (mask == 0).any() or not need_padding, "the batch must contain padding"
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def test_model_folder_loads_and_classifies(tiny_build: Build) -> None:
    out, _ = tiny_build
    model = IntentModel.load(out / "intent")
    assert model.labels == INTENT_LABELS
    conf = json.loads((out / "intent" / "config.json").read_text())
    assert conf["format"] == "eldercare-intent/1" and conf["opset"] <= 17
    assert 0.0 <= conf["threshold"] <= 1.0 and conf["temperature"] > 0
    assert conf["quantization"]["weights"] == "int8" and conf["max_length"] >= 8
    results = model.classify_batch(TEXTS)
    assert all(r.intent in INTENT_LABELS for r in results)


def test_onnx_fp32_matches_pytorch_on_padded_batch(tiny_build: Build) -> None:
    work = tiny_build[0] / "work"
    torch_model = BertMeanPoolClassifier.from_pretrained(str(work / "student_pt")).eval()
    feeds = _padded(work / "student_pt" / "tokenizer.json", TEXTS)
    with torch.no_grad():
        expected = torch_model(torch.from_numpy(feeds["input_ids"]),
                               torch.from_numpy(feeds["attention_mask"])).logits.numpy()
    session = ort.InferenceSession(str(work / "onnx_fp32" / "model.onnx"),
                                   providers=["CPUExecutionProvider"])
    names = [i.name for i in session.get_inputs()]
    got = session.run(None, {n: feeds[n] for n in names})[0]
    np.testing.assert_allclose(got, expected, atol=1e-4, rtol=1e-4)
    # each row equals the same utterance run alone (padding changes nothing)
    for row, text in enumerate(TEXTS):
        alone = _padded(work / "student_pt" / "tokenizer.json", [text], need_padding=False)
        assert alone["attention_mask"].all()
        single = session.run(None, {n: alone[n] for n in names})[0]
        np.testing.assert_allclose(single[0], got[row], atol=1e-4)


def test_int8_close_to_fp32(tiny_build: Build) -> None:
    out = tiny_build[0]
    feeds = _padded(out / "intent" / "tokenizer.json", TEXTS)
    runs = []
    for path in (out / "work" / "onnx_fp32" / "model.onnx", out / "intent" / "model.onnx"):
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        runs.append(session.run(None, {i.name: feeds[i.name] for i in session.get_inputs()})[0])
    scale = float(np.abs(runs[0]).max())
    assert float(np.abs(runs[0] - runs[1]).max()) < 0.1 * scale + 0.05


def test_quantized_graph_has_integer_matmuls(tiny_build: Build) -> None:
    out = tiny_build[0]
    conf = json.loads((out / "intent" / "config.json").read_text())
    layers = conf["layers"]
    counts = count_quantized_matmuls(out / "intent" / "model.onnx")
    quantized = counts.get("MatMulInteger", 0) + counts.get("DynamicQuantizeMatMul", 0)
    # every layer's attention is one int8 QAttention (q, k and v in one weight); its output
    # projection, the two FFN matmuls per layer and the classifier are integer matmuls
    assert conf["fused"]["Attention"] == layers
    assert counts.get("QAttention", 0) == layers and counts.get("Attention", 0) == 0
    assert quantized >= 3 * layers + 1
    fp32_counts = count_quantized_matmuls(out / "work" / "onnx_fp32" / "model.onnx")
    assert fp32_counts.get("MatMulInteger", 0) == 0
    assert counts.get("MatMul", 0) < fp32_counts["MatMul"]
    # the word embedding table is stored in int8 (Gather quantized)
    graph = onnx.load(str(out / "intent" / "model.onnx")).graph
    int8_tables = [t for t in graph.initializer if t.data_type in (onnx.TensorProto.INT8,
                   onnx.TensorProto.UINT8) and len(t.dims) == 2 and t.dims[0] > 1000]
    assert int8_tables


def test_fused_graph_matches_the_exported_one_on_a_padded_batch(tiny_build: Build) -> None:
    """The fused fp32 graph computes what the exported graph does, padding included, in far
    fewer nodes; the int8 model is quantized from it."""
    work = tiny_build[0] / "work"
    feeds = _padded(work / "student_pt" / "tokenizer.json", TEXTS)
    runs, nodes = [], []
    for folder in ("onnx_fp32", "onnx_fused"):
        path = work / folder / "model.onnx"
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        runs.append(session.run(None, {i.name: feeds[i.name] for i in session.get_inputs()})[0])
        nodes.append(len(onnx.load(str(path)).graph.node))
    np.testing.assert_allclose(runs[1], runs[0], atol=1e-4, rtol=1e-4)
    assert nodes[1] * 3 < nodes[0]
    fused = onnx.load(str(work / "onnx_fused" / "model.onnx"))
    assert {o.domain: o.version for o in fused.opset_import}[""] <= 17


def test_fp16_variant_for_gpus(tiny_build: Build) -> None:
    out = tiny_build[0]
    conf = json.loads((out / "intent" / "config.json").read_text())
    model = onnx.load(str(out / "intent" / conf["variants"]["fp16"]))
    kinds = {t.data_type for t in model.graph.initializer if len(t.dims) == 2}
    assert onnx.TensorProto.FLOAT16 in kinds
    assert model.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.INT64


def test_report_follows_the_contract(tiny_build: Build) -> None:
    out, report = tiny_build
    saved = json.loads((out / "report.json").read_text())
    assert set(saved) == {"teacher", "student_int8", "emergency_recall", "test_set",
                          "threads", "batch", "challenge", "safety_thresholds", "student_fp16"}
    assert set(saved["student_fp16"]) == {"name", "size_mb", "accuracy"}
    assert 0 <= saved["student_fp16"]["accuracy"] <= 1
    assert saved["student_fp16"]["size_mb"] > saved["student_int8"]["size_mb"]
    for part in ("teacher", "student_int8"):
        ch = saved["challenge"][part]
        assert set(ch) == {"accuracy", "emergency_recall", "false_emergencies", "n"}
        assert ch["n"] >= 150 and 0 <= ch["false_emergencies"] <= 1
    point = saved["safety_thresholds"]
    assert 0 <= point["ask"] <= point["alert"] <= 1 and point["fitted_on"] == "dev"
    assert point["dev"]["emergency_recall"] == 1.0  # fitted for recall 1.0 on dev
    png = (out / "safety_thresholds.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    keys = {"name", "params", "size_mb", "accuracy", "latency_ms_p50", "latency_ms_p95"}
    for part in ("teacher", "student_int8"):
        assert set(saved[part]) == keys
        assert saved[part]["params"] > 0 and saved[part]["size_mb"] > 0
        assert 0 <= saved[part]["accuracy"] <= 1
        assert 0 < saved[part]["latency_ms_p50"] <= saved[part]["latency_ms_p95"]
    assert saved["student_int8"]["params"] < saved["teacher"]["params"]
    assert saved["student_int8"]["size_mb"] < saved["teacher"]["size_mb"]
    assert set(saved["emergency_recall"]) == {"teacher", "student_int8"}
    assert saved["threads"] == 2 and saved["batch"] == 1
    details = json.loads((out / "report_details.json").read_text())
    assert set(details["points"]) == {"teacher", "teacher_int8", "student_fp32", "student_int8"}
    assert 0 <= details["points"]["teacher"]["accuracy_top_label"] <= 1
    assert details["machine"]["cpu"]
    png = (out / "accuracy_latency_size.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    assert report["ratios"]["size_x"] > 1


def test_calibration_writes_the_safety_thresholds(tiny_build: Build) -> None:
    out = tiny_build[0]
    model = IntentModel.load(out / "intent")
    conf = json.loads((out / "intent" / "config.json").read_text())
    assert conf["label_bias"] == {}  # the thresholds replace the old safety biases
    assert set(conf["safety_thresholds"]) == set(SAFETY_LABELS)
    assert model.safety_thresholds is not None
    n = len(model.labels)
    for label in SAFETY_LABELS:
        alert, ask = model.safety_thresholds[label]
        assert 0.0 <= ask <= alert <= 1.0
        # at its ask threshold a safety label is named even when below out_of_scope's
        probs = np.full(n, (1.0 - ask) / (n - 2))
        for other in SAFETY_LABELS:
            probs[model.labels.index(other)] = ask if other == label else 0.0
        assert model.decide("x", probs).intent == label
    details = json.loads((out / "report_details.json").read_text())["safety"]
    # the old rule (biases with a margin) is measured beside the thresholds
    assert set(details["old_rule"]["student_int8"]) == {"dev", "test", "challenge"}
    for name in ("dev", "test", "challenge"):
        fig = details["student_int8"][name]
        assert fig["false_alerts"] <= fig["false_emergencies"]
        assert fig["alerted_at_once"] <= fig["emergency_recall"]


@pytest.mark.parametrize("name", ["teacher", "student_pt"])
def test_checkpoints_are_saved(tiny_build: Build, name: str) -> None:
    folder = tiny_build[0] / "work" / name
    assert (folder / "config.json").is_file() and (folder / "tokenizer.json").is_file()


def test_tiny_build_distils_on_the_builtin_hypotheses(tiny_build: Build) -> None:
    from compress.data import HYPOTHESES_DIR

    out, _report = tiny_build
    info = json.loads((out / "report_details.json").read_text())["data"]["asr_hypotheses"]
    if not (HYPOTHESES_DIR / "en_hypotheses.jsonl").is_file():
        assert info == {"file": None}
        return
    # the tiny preset keeps 40 training rows per label; their hypotheses come along
    assert info["not_in_train"] > 0 and 0 < info["used"] <= 40 * 21
    assert info["intent_changed"] == 0


def test_a_build_whose_thresholds_ask_about_too_much_fails_without_a_model_folder(
        tiny_build: Build, tmp_path: Path) -> None:
    """compress refuses to write out/intent when its fitted operating point would put the
    safety question to more of dev's other utterances than max_dev_questions allows; the
    trained teacher and student stay in work/ for --resume."""
    import dataclasses
    import shutil

    from compress.config import get_preset
    from compress.pipeline import run
    from compress.thresholds import OperatingPointError

    out, report = tiny_build
    asked = report["safety_thresholds"]["dev"]["questions"]
    assert asked > 0.0  # the tiny preset's random models ask about some of dev
    shutil.copytree(out / "work", tmp_path / "work")
    cfg = dataclasses.replace(get_preset("tiny"), resume=True, max_dev_questions=asked / 2)
    with pytest.raises(OperatingPointError, match="would ask the safety question about"):
        run(cfg, tmp_path)
    assert not (tmp_path / "intent").exists()
    assert (tmp_path / "work" / "intent_rejected" / "model.onnx").is_file()
    assert (tmp_path / "work" / "student_pt").is_dir()


def test_a_soup_averages_students_distilled_with_consecutive_seeds(
        tiny_build: Build, tmp_path: Path) -> None:
    """--soup 2 distils two students from the same start (seeds 0 and 1, the first the
    plain build's own student) and ships their average: the members are kept for
    --resume, and the shipped weights are their mean, weight by weight."""
    import dataclasses
    import shutil

    import torch

    from compress.config import get_preset
    from compress.distill import DISTILL_FILE
    from compress.modeling import BertMeanPoolClassifier
    from compress.pipeline import run

    out, _report = tiny_build
    shutil.copytree(out / "work" / "teacher", tmp_path / "work" / "teacher")
    shutil.copy(out / "work" / "teacher_outputs.pt", tmp_path / "work")
    base = get_preset("tiny")
    cfg = dataclasses.replace(base, resume=True,
                              student=dataclasses.replace(base.student, soup=2))
    report = run(cfg, tmp_path)
    assert report is not None and (tmp_path / "intent" / "model.onnx").is_file()
    work = tmp_path / "work"
    members = [BertMeanPoolClassifier.from_pretrained(str(work / "soup" / f"seed{k}"))
               for k in (0, 1)]
    soup = BertMeanPoolClassifier.from_pretrained(str(work / "student_pt"))
    plain = BertMeanPoolClassifier.from_pretrained(str(out / "work" / "student_pt"))
    name = "classifier.weight"
    w0, w1 = (m.state_dict()[name] for m in members)
    assert not torch.equal(w0, w1)  # the seed moved the batch order and the dropout
    assert torch.equal(w0, plain.state_dict()[name])  # seed 0 is the plain student
    assert torch.allclose(soup.state_dict()[name], (w0 + w1) / 2, atol=1e-6)
    saved = json.loads((work / "student_pt" / DISTILL_FILE).read_text())
    assert saved["settings"]["student"]["soup"] == 2 and len(saved["losses"]) == 2
    losses = json.loads((tmp_path / "report_details.json").read_text())["losses"]
    assert losses["soup_members"] == saved["losses"]
    first, second = saved["losses"]
    assert losses["student"] == pytest.approx(
        [(a + b) / 2 for a, b in zip(first, second, strict=True)], abs=1e-6)


def test_substituted_rows_join_the_transfer_set_with_the_teachers_labels(
        tiny_build: Build, tmp_path: Path) -> None:
    """--substitute 1: rows with words swapped for their teacher-embedding neighbours are
    labelled by the teacher (its outputs are recomputed for them) and the student learns
    from them; the report counts them."""
    import dataclasses
    import shutil

    import torch

    from compress.config import get_preset
    from compress.pipeline import run

    out, _report = tiny_build
    shutil.copytree(out / "work" / "teacher", tmp_path / "work" / "teacher")
    base = get_preset("tiny")
    cfg = dataclasses.replace(base, resume=True,
                              student=dataclasses.replace(base.student, substitute=1))
    assert run(cfg, tmp_path) is not None
    details = json.loads((tmp_path / "report_details.json").read_text())
    plain = json.loads((out / "report_details.json").read_text())
    swapped = details["data"]["substituted"]
    assert swapped > 0 and plain["data"]["substituted"] == 0
    assert details["data"]["augmented"] == plain["data"]["augmented"] + swapped
    cached = torch.load(tmp_path / "work" / "teacher_outputs.pt", weights_only=False)
    assert len(cached["soft"]) == details["data"]["train"] + details["data"]["augmented"]


def test_a_soup_refuses_students_of_different_shapes(tiny_build: Build) -> None:
    from transformers import BertConfig

    from compress.distill import Student, soup_students
    from compress.modeling import BertMeanPoolClassifier
    from compress.vocab import TrimmedVocab

    spec = json.loads((tiny_build[0] / "work" / "student_pt" / "tokenizer.json").read_text())
    vocab = TrimmedVocab(spec, list(range(len(spec["model"]["vocab"]))))

    def one(hidden: int) -> Student:
        cfg = BertConfig(vocab_size=len(vocab), hidden_size=hidden, num_hidden_layers=1,
                         num_attention_heads=2, intermediate_size=hidden * 2,
                         max_position_embeddings=16, num_labels=3)
        return Student(BertMeanPoolClassifier(cfg), vocab, "x")

    with pytest.raises(ValueError, match="differ in vocabulary or shape"):
        soup_students([one(32), one(64)])
    with pytest.raises(ValueError, match="at least one"):
        soup_students([])


@pytest.mark.parametrize("freeze", [True, False])
def test_frozen_word_embeddings_stay_as_the_base_had_them(tiny_build: Build,
                                                          freeze: bool) -> None:
    """student.freeze_embeddings keeps the word embeddings through distillation while the
    layers above them learn; without it both move."""
    import dataclasses

    from compress.config import get_preset
    from compress.distill import Student, distill
    from compress.vocab import TrimmedVocab

    folder = tiny_build[0] / "work" / "student_pt"
    spec = json.loads((folder / "tokenizer.json").read_text())
    student = Student(BertMeanPoolClassifier.from_pretrained(str(folder)),
                      TrimmedVocab(spec, list(range(len(spec["model"]["vocab"])))), "x")
    texts = ["help i've fallen", "turn on the kitchen light", "what time is it",
             "i've taken my tablets", "call my daughter", "goodbye for now"] * 6
    data = student.encode(texts, 16)
    n_labels = len(INTENT_LABELS)
    data.labels = [i % n_labels for i in range(len(texts))]
    data.soft = torch.randn(len(texts), n_labels, generator=torch.Generator().manual_seed(0))
    cfg = dataclasses.replace(get_preset("tiny").student, freeze_embeddings=freeze, epochs=2,
                              hidden_weight=0.0)
    words = student.model.bert.embeddings.word_embeddings.weight
    layer = student.model.bert.encoder.layer[0].attention.self.query.weight
    words0, layer0 = words.detach().clone(), layer.detach().clone()
    distill(student, data, cfg, torch.ones(n_labels), torch.device("cpu"), seed=0)
    assert torch.equal(words.detach(), words0) is freeze
    assert not torch.equal(layer.detach(), layer0)


def test_the_probe_fits_the_head_on_frozen_features_before_distillation(
        tiny_build: Build) -> None:
    """student.probe_epochs (LP-FT): the probe fits the head and the projection on the
    encoder's frozen features, lowering the distillation loss without touching a weight of
    the encoder; distil() then runs it first, and trains every layer after it."""
    import dataclasses

    from compress.config import get_preset
    from compress.distill import Student, _KDModule, distill, probe_head
    from compress.vocab import TrimmedVocab

    folder = tiny_build[0] / "work" / "student_pt"
    spec = json.loads((folder / "tokenizer.json").read_text())

    def student() -> Student:
        return Student(BertMeanPoolClassifier.from_pretrained(str(folder)),
                       TrimmedVocab(spec, list(range(len(spec["model"]["vocab"])))), "x")

    texts = ["help i've fallen", "turn on the kitchen light", "what time is it",
             "i've taken my tablets", "call my daughter", "goodbye for now"] * 6
    n_labels = len(INTENT_LABELS)
    one = student()
    data = one.encode(texts, 16)
    data.labels = [i % 6 for i in range(len(texts))]
    gen = torch.Generator().manual_seed(0)
    data.soft = torch.randn(len(texts), n_labels, generator=gen) * 3
    data.pooled = torch.randn(len(texts), 24, generator=gen)
    cfg = dataclasses.replace(get_preset("tiny").student, probe_epochs=30, epochs=1)
    wrapper = _KDModule(one.model, one.model.config.hidden_size, 24)
    encoder0 = {k: v.clone() for k, v in one.model.bert.state_dict().items()}
    head0 = one.model.classifier.weight.detach().clone()
    losses = probe_head(wrapper, data, cfg, torch.ones(n_labels), one.pad_id,
                        torch.device("cpu"), seed=0)
    assert len(losses) == 30 and losses[-1] < 0.8 * losses[0]
    assert all(torch.equal(v, encoder0[k]) for k, v in one.model.bert.state_dict().items())
    assert not torch.equal(one.model.classifier.weight.detach(), head0)

    # through distill(): the probe runs first (its loss starts the distillation lower than a
    # random head's), then the encoder learns
    first: dict[bool, float] = {}
    for probe in (False, True):
        s = student()
        layer = s.model.bert.encoder.layer[0].attention.self.query.weight
        layer0 = layer.detach().clone()
        c = dataclasses.replace(cfg, probe_epochs=30 if probe else 0)
        first[probe] = distill(s, data, c, torch.ones(n_labels), torch.device("cpu"),
                               seed=0)[0]
        assert not torch.equal(layer.detach(), layer0)
    assert first[True] < first[False]


def test_probe_epochs_setting_is_checked() -> None:
    from compress.config import ConfigError, get_preset

    assert get_preset("default", probe_epochs=0).student.probe_epochs == 0
    assert get_preset("default").student.probe_epochs == 60
    assert get_preset("tiny").student.probe_epochs == 0
    with pytest.raises(ConfigError, match="probe_epochs"):
        get_preset("default", probe_epochs=-1)


def test_spread_puts_builds_side_by_side_and_counts_the_refused(
        tiny_build: Build, tmp_path: Path) -> None:
    """python -m compress.spread: every figure of each build, the refused one listed as
    refused, median/min/max per figure, a JSON and a PNG."""
    from compress.spread import main, spread

    out, report = tiny_build
    refused = tmp_path / "refused"
    (refused / "work" / "intent_rejected").mkdir(parents=True)
    result = spread([out, refused], tmp_path / "spread")
    built, rejected = result["builds"]
    assert rejected["refused"] and result["refused"] == 1
    assert built["ask"] == report["safety_thresholds"]["ask"]
    assert built["test_accuracy"] == report["student_int8"]["accuracy"]
    assert len(built["lowest_dev_calls"]) == 2
    for split in ("dev", "test", "challenge"):
        assert 0.0 <= built[f"{split}_question_share"] <= 1.0
        assert built[f"{split}_calls_missed"] >= 0
    assert result["summary"]["ask"]["median"] == pytest.approx(built["ask"], abs=1e-4)
    assert (tmp_path / "spread" / "spread.png").stat().st_size > 1000
    saved = json.loads((tmp_path / "spread" / "spread.json").read_text())
    assert saved["refused"] == 1 and saved["builds"][0]["settings"]["soup"] == 1
    assert main([str(tmp_path / "nothing-here"), "--out", str(tmp_path / "x")]) == 2
