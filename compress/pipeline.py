"""The compression pipeline: data -> teacher -> distilled student -> ONNX int8 -> report.

    run(get_preset("tiny"), Path("out"))  # writes out/intent/ and out/report.json
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Idle OpenMP threads sleep instead of spinning: on a shared CPU spinning threads stall
# each other (a 2-thread step was measured 10x slower than a 1-thread one under load).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

__all__ = ["run", "check_output_dir", "OutputDirError"]

log = logging.getLogger(__name__)


class OutputDirError(PermissionError):
    """The output folder cannot be created or written."""


def check_output_dir(out: Path) -> None:
    """Fail early (before any training) when `out` cannot be written."""
    try:
        if out.exists() and not out.is_dir():
            raise OutputDirError(f"output path {out} exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OutputDirError:
        raise
    except OSError as exc:
        raise OutputDirError(f"cannot write to output folder {out}: {exc.strerror or exc}; "
                             "choose another --out") from None


def _stage(msg: str) -> None:
    print(f"[compress {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)



@dataclass
class _DistilRows:
    """What one kind of soup member distils on: the splits, the teacher-labelled variants,
    every distillation text (training sentences, then variants) with the teacher's soft
    labels and pooled vectors, the hypotheses rows, the class weights and the settings
    --resume checks."""

    splits: Any
    augmented: list[str]
    kd_texts: list[str]
    soft: Any
    pooled: Any
    heard: list[Any]
    class_weight: Any
    settings: dict[str, Any]


def _cached_teacher_outputs(cache: Path, texts: list[str], resumed: bool,
                            compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The teacher's outputs for `texts` (compute(): name -> tensor), read from `cache` when
    the run is resumed and the file holds the same texts, else computed and written there."""
    import torch

    cached = torch.load(cache, weights_only=False) if resumed and cache.is_file() else None
    if cached is not None and cached["texts"] == texts:
        return dict(cached)
    outputs = compute()
    torch.save({"texts": texts, **outputs}, cache)
    return outputs


def _plain_rows(cfg: Any, labels: tuple[str, ...], splits: Any, student_rows: Any,
                work: Path, resumed: bool, teacher_outputs: Any) -> tuple[Any, list[str],
                                                                          list[str], Any, Any]:
    """(splits, teacher-labelled variants, distillation texts, soft labels, pooled vectors) of
    a build without the training-only files (and without recognizer hypotheses), for
    `student.plain_soup`: its splits, shuffled as that build's, and the teacher's outputs of
    its rows (cached in work/teacher_outputs_plain.pt). Raises DatasetError when the
    training-only files moved a sentence between dev and test (a plain member would then be
    measured on other splits)."""
    from compress.data import prepare_splits
    from compress.dataset import DatasetError

    plain = prepare_splits(cfg, labels, train_only=False)
    for name in ("dev", "test"):
        if [e.text for e in getattr(plain, name)] != [e.text for e in getattr(splits, name)]:
            raise DatasetError(f"the training-only files change the {name} split; a plain "
                               "soup member cannot be averaged with this run's students")
    train_texts, augmented, _, _, _ = student_rows(plain, "none")
    kd_texts = train_texts + augmented

    def compute() -> dict[str, Any]:
        soft, pooled = teacher_outputs(kd_texts)
        return {"soft": soft, "pooled": pooled}

    out = _cached_teacher_outputs(work / "teacher_outputs_plain.pt", kd_texts, resumed,
                                  compute)
    _stage(f"plain soup members: train {len(plain.train)}, {len(kd_texts)} rows")
    return plain, augmented, kd_texts, out["soft"], out["pooled"]


def run(cfg: Any, out: Path, labels: tuple[str, ...] | None = None) -> dict[str, Any] | None:
    """Run every stage; returns the report (None on non-main torchrun ranks)."""
    import numpy as np
    import torch

    from compress.assets import resolve_teacher
    from compress.calibrate import calibrate
    from compress.config import ConfigError
    from compress.data import (
        augment_texts,
        load_heard,
        mix_texts,
        prepare_splits,
        substitute_texts,
        text_words,
        transfer_texts,
    )
    from compress.dataset import load_challenge
    from compress.distill import (
        DISTILL_FILE,
        build_student,
        distill,
        kd_dataset,
        load_student,
        save_student,
        soup_students,
        student_vocab,
    )
    from compress.evaluate import (
        latency,
        metrics,
        quantize_torch_dynamic,
        teacher_runner,
        torch_size_mb,
    )
    from compress.export import convert_fp16, export_fp32, fuse_fp32, quantize_int8, write_model_dir
    from compress.modeling import count_params
    from compress.report import plot, write_report
    from compress.teacher import (
        build_teacher,
        class_weights,
        load_teacher,
        save_teacher,
        train_teacher,
        word_neighbours,
    )
    from compress.thresholds import (
        OperatingPointError,
        SafetyFit,
        check_operating_point,
        fitted_accuracy_note,
        lowest_calls,
        plot_curve,
    )
    from compress.train import dist_context, pick_device, predict
    from device.intent import IntentModel
    from device.labels import INTENT_LABELS

    labels = tuple(labels or INTENT_LABELS)
    wanted = None if cfg.student.heard_labels.strip() == "all" else \
        [x.strip() for x in cfg.student.heard_labels.split(",")]
    unknown = sorted(set(wanted or ()) - set(labels))
    if unknown:
        raise ConfigError(f"student heard_labels names intents not in the label set: {unknown}")
    if cfg.student.plain_soup and cfg.data:
        raise ConfigError("student plain_soup needs the built-in data: the training-only "
                          "files are its own (compress/data/<lang>/train_only/)")
    out = Path(out)
    check_output_dir(out)
    work = out / "work"
    work.mkdir(exist_ok=True)
    t_start = time.time()
    ctx = dist_context()
    device = pick_device(ctx)
    torch.manual_seed(cfg.seed)
    if device.type == "cpu":
        torch.set_num_threads(cfg.train_threads or max(1, (os.cpu_count() or 2) // ctx.world))

    _stage(f"data ({cfg.lang})")
    splits = prepare_splits(cfg, labels)
    _stage(f"train {len(splits.train)} / dev {len(splits.dev)} / test {len(splits.test)}")

    _stage(f"teacher {cfg.teacher.model} on {device} (world {ctx.world})")
    if ctx.world > 1:  # one process per machine joins/unzips the teacher parts
        if ctx.local_rank == 0:
            resolve_teacher(cfg.teacher.model, work)
        ctx.barrier()
    resumed = cfg.resume and (work / "teacher" / "classifier.pt").is_file()
    if resumed:
        teacher = load_teacher(work / "teacher", list(labels))
        teacher_losses: list[float] = []
        _stage(f"resumed the fine-tuned teacher from {work / 'teacher'}")
    else:
        torch.manual_seed(cfg.seed)
        teacher = build_teacher(cfg.teacher, len(labels), work)
        teacher_losses = train_teacher(teacher, splits, cfg.teacher, device, ctx, cfg.seed)
    ctx.barrier()
    if not ctx.is_main:
        return None
    teacher.model.to("cpu")
    if not resumed:
        save_teacher(teacher, work / "teacher", list(labels))
    device_eval = device

    _stage("teacher soft labels")

    def student_rows(sp: Any, hypotheses: str
                     ) -> tuple[list[str], list[str], list[Any], dict[str, Any], int]:
        """(training texts, teacher-labelled variants, hypotheses rows, their counts, rows
        with words swapped) that a student of the splits `sp` distils on."""
        swapped: list[str] = []
        train_texts = [e.text for e in sp.train]
        augmented = augment_texts(train_texts, cfg.student.augment, cfg.seed)
        if cfg.student.mix:
            known = set(augmented)
            augmented = augmented + [t for t in mix_texts(train_texts, cfg.student.mix,
                                                          cfg.seed) if t not in known]
        if cfg.student.substitute:
            neighbours = word_neighbours(teacher, text_words(train_texts))
            known = set(augmented)
            swapped = [t for t in substitute_texts(train_texts, cfg.student.substitute,
                                                   cfg.seed, neighbours) if t not in known]
            augmented = augmented + swapped
            _stage(f"{len(swapped)} rows with words swapped for their neighbours "
                   f"({len(neighbours)} words have them)")
        heard, heard_info = load_heard(hypotheses, cfg.lang, sp, wanted)
        if heard and cfg.student.heard_targets == "teacher":
            # A transfer set: what the recognizer heard, labelled by the teacher itself.
            transfer = transfer_texts(heard, train_texts + augmented)
            augmented = augmented + transfer
            heard_info = {**heard_info, "targets": "teacher", "transfer": len(transfer)}
            _stage(f"{len(transfer)} recognizer hypotheses as teacher-labelled transfer rows "
                   f"({heard_info['file']})")
            heard = []
        return train_texts, augmented, heard, heard_info, len(swapped)

    train_texts, augmented, heard, heard_info, n_swapped = student_rows(
        splits, cfg.student.asr_hypotheses)
    kd_texts = train_texts + augmented
    tmax = cfg.teacher.max_length

    def teacher_outputs() -> dict[str, Any]:
        soft, pooled = predict(teacher.model, teacher.encode(kd_texts, tmax), teacher.pad_id,
                               device_eval, desc="teacher soft labels", pooled=True)
        t_dev, _ = predict(teacher.model, teacher.encode([e.text for e in splits.dev], tmax),
                           teacher.pad_id, device_eval, desc="teacher dev")
        t_test, _ = predict(teacher.model, teacher.encode([e.text for e in splits.test], tmax),
                            teacher.pad_id, device_eval, desc="teacher test")
        return {"soft": soft, "pooled": pooled, "dev": t_dev, "test": t_test}

    cached_texts = kd_texts + [e.text for e in splits.dev] + [e.text for e in splits.test]
    soft, pooled, t_dev, t_test = (_cached_teacher_outputs(
        work / "teacher_outputs.pt", cached_texts, resumed, teacher_outputs)[k]
        for k in ("soft", "pooled", "dev", "test"))
    if heard:
        _stage(f"{len(heard)} recognizer hypotheses of training sentences ({heard_info['file']})")
    plain = None
    if cfg.student.plain_soup:
        plain = _plain_rows(cfg, labels, splits, student_rows, work, resumed,
                            lambda texts: predict(teacher.model, teacher.encode(texts, tmax),
                                                  teacher.pad_id, device_eval,
                                                  desc="teacher soft labels (plain)",
                                                  pooled=True))
    dev_gold = np.asarray(splits.ids(splits.dev))
    test_gold = np.asarray(splits.ids(splits.test))
    teacher.model.to("cpu")
    dev_groups = [e.group for e in splits.dev]
    # The old rule (safety biases with a margin, argmax) is kept as a measured comparison;
    # the model ships with the two safety thresholds (compress.thresholds).
    t_cal = calibrate(t_dev.numpy(), dev_gold, labels)
    t_fit = SafetyFit.fit(t_dev.numpy(), dev_gold, dev_groups, labels, t_cal.temperature)
    teacher_metrics = metrics(t_fit.predict(t_test.numpy(), labels), test_gold, labels)
    # beside it, the teacher's accuracy by top label alone: a fit that follows one dev call
    # it all but misses asks about most sentences, and the ratio against it means little
    teacher_metrics["accuracy_top_label"] = round(
        float((t_test.numpy().argmax(1) == test_gold).mean()), 4)
    note = fitted_accuracy_note("the teacher's", teacher_metrics["accuracy"],
                                teacher_metrics["accuracy_top_label"],
                                lowest_calls(t_fit, t_dev.numpy(), dev_gold, labels,
                                             [e.text for e in splits.dev]))
    if note:
        _stage(f"warning: {note}")
    challenge = [e for e in load_challenge(cfg.lang) if e.intent in labels] if not cfg.data \
        else []
    ch_gold = np.asarray(splits.ids(challenge))
    t_ch = predict(teacher.model, teacher.encode([e.text for e in challenge], tmax),
                   teacher.pad_id, device_eval, desc="teacher challenge")[0].numpy() \
        if challenge else None
    _stage(f"teacher test accuracy {teacher_metrics['accuracy']}")

    _stage(f"student {cfg.student.model}: layers {cfg.student.keep_layers}, vocab trim")
    student_dir = work / "student_pt"

    def distil_rows(sp: Any, augmented: list[str], kd_texts: list[str], soft: Any,
                    pooled: Any, heard: list[Any]) -> _DistilRows:
        return _DistilRows(
            sp, augmented, kd_texts, soft, pooled, heard,
            class_weights(sp, cfg.teacher.safety_weight),
            {"student": asdict(cfg.student), "teacher": teacher.name, "seed": cfg.seed,
             "safety_weight": cfg.teacher.safety_weight, "kd_texts": len(kd_texts),
             "lang": cfg.lang, "data": cfg.data, "heard": len(heard),
             "heard_sha": hashlib.sha256(json.dumps(heard).encode()).hexdigest()[:16]})

    rows = distil_rows(splits, augmented, kd_texts, soft, pooled, heard)
    settings = rows.settings
    plain_rows = None
    if plain is not None:
        plain_rows = distil_rows(*plain, [])
        if student_vocab(cfg.student, kd_texts + [h[0] for h in heard]).kept_ids != \
                student_vocab(cfg.student, plain_rows.kd_texts).kept_ids:
            raise ConfigError("student plain_soup needs a vocabulary that the data does not "
                              "choose: the training-only files' words change the trimmed "
                              "one; set vocab_size at or above the base's (30522 for MiniLM)")

    def distil_one(scfg: Any, folder: Path, data_rows: _DistilRows | None = None
                   ) -> tuple[Any, list[float]]:
        """A student distilled with `scfg` (one seed) on `data_rows` (default: this run's
        data), resumed from `folder` when it holds one distilled with the same settings."""
        r = data_rows or rows
        member = {**r.settings, "student": asdict(scfg)}
        reused = load_student(folder, member) if resumed else None
        if reused is not None:
            _stage(f"resumed the distilled student from {folder}")
            return reused, json.loads((folder / DISTILL_FILE).read_text())["losses"]
        # The student's initialisation and batch order must not depend on whether the
        # teacher was trained in this run or resumed: reseed, so both paths build the same
        # student. Every seed starts from the same head; the seed moves the batch order and
        # the dropout.
        torch.manual_seed(cfg.seed + 1)
        one = build_student(scfg, labels, r.kd_texts + [h[0] for h in r.heard])
        if scfg.seed:
            torch.manual_seed(cfg.seed + 1 + 1000 * scfg.seed)
        data = kd_dataset(one, r.splits, r.augmented, r.soft, r.pooled, scfg.max_length,
                          r.heard)
        losses = distill(one, data, scfg, r.class_weight, device, cfg.seed + 1000 * scfg.seed)
        one.model.to("cpu").eval()
        save_student(one, folder, member, losses)
        return one, losses

    student_losses: list[Any] = []
    souped = cfg.student.soup > 1 or cfg.student.plain_soup > 0
    reused = load_student(student_dir, settings) if resumed and souped else None
    if not souped:
        student, student_losses = distil_one(cfg.student, student_dir)
    elif reused is not None:
        student = reused
        student_losses = json.loads((student_dir / DISTILL_FILE).read_text())["losses"]
        _stage(f"resumed the distilled soup from {student_dir}")
    else:
        seeds = [cfg.student.seed + k for k in range(cfg.student.soup)]
        plain_seeds = [cfg.student.seed + k for k in range(cfg.student.plain_soup)]
        jobs = [(f"seed {k}", replace(cfg.student, seed=k, soup=1, plain_soup=0),
                 work / "soup" / f"seed{k}", None) for k in seeds]
        # a plain member is the student a build without the training-only files and the
        # hypotheses distils with that seed: the same settings as that build's
        jobs += [(f"seed {k}, plain", replace(cfg.student, seed=k, soup=1, plain_soup=0,
                                              asr_hypotheses="none", heard_labels="all"),
                  work / "soup" / f"plain_seed{k}", plain_rows) for k in plain_seeds]
        members = []
        for n, (name, scfg, folder, data_rows) in enumerate(jobs, 1):
            _stage(f"soup: student {n} of {len(jobs)} ({name})")
            one, losses = distil_one(scfg, folder, data_rows)
            members.append(one)
            student_losses.append(losses)
        student = soup_students(members)
        save_student(student, student_dir, settings, student_losses)
        _stage(f"soup: {len(members)} students averaged (seeds {seeds}"
               + (f"; plain {plain_seeds})" if plain_seeds else ")"))
    student.model.to("cpu").eval()

    _stage("export ONNX + quantize")
    fp32 = export_fp32(student_dir, work / "onnx_fp32", cfg.export.opset)
    fused: dict[str, int] = {}
    to_quantize = work / "onnx_fp32"
    if cfg.export.fuse:
        _, fused = fuse_fp32(work / "onnx_fp32", work / "onnx_fused",
                             len(cfg.student.keep_layers))
        to_quantize = work / "onnx_fused"
    int8 = quantize_int8(to_quantize, work / "onnx_int8", cfg.export, fused=cfg.export.fuse)
    fp16 = convert_fp16(fp32, work / "model_fp16.onnx") if cfg.export.fp16 else None
    meta = {
        "labels": list(labels), "max_length": cfg.student.max_length, "threshold": 0.0,
        "temperature": 1.0, "label_bias": {}, "pad_token": "[PAD]", "opset": cfg.export.opset,
        "quantization": {"mode": "dynamic", "weights": "int8", "preset": cfg.export.quant_preset,
                         "operators": list(cfg.export.operators)},
        "fused": fused,
        "base_model": student.base, "teacher": teacher.name, "languages": [cfg.lang],
        "layers": len(cfg.student.keep_layers), "vocab_size": len(student.vocab),
        "preset": cfg.preset,
    }
    intent_dir = write_model_dir(out / "intent", int8, student_dir / "tokenizer.json", meta, fp16)
    fp32_dir = write_model_dir(work / "intent_fp32", fp32, student_dir / "tokenizer.json",
                               {**meta, "quantization": {"mode": "none"}, "fused": {}})

    _stage("calibrate on dev (int8 model)")
    s_int8 = IntentModel.load(intent_dir, threads=cfg.threads)
    # One utterance at a time, as the device runs it: int8 activation scales are set per
    # batch, so a padded batch moves probabilities near the thresholds.
    s_dev = np.concatenate([s_int8._logits([e.text]) for e in splits.dev])
    s_cal = calibrate(s_dev, dev_gold, labels)
    s_fit = SafetyFit.fit(s_dev, dev_gold, dev_groups, labels, round(s_cal.temperature, 4))
    try:
        check_operating_point(s_fit, s_dev, dev_gold, labels, [e.text for e in splits.dev],
                              cfg.max_dev_questions)
    except OperatingPointError:
        # no model folder that looks finished: the ONNX files stay for a look in work/
        rejected = work / "intent_rejected"
        shutil.rmtree(rejected, ignore_errors=True)
        intent_dir.rename(rejected)
        _stage(f"operating point refused; the model folder is at {rejected} (the teacher "
               "and student in work/ are kept for --resume)")
        raise
    for folder in (intent_dir, fp32_dir):
        conf = json.loads((folder / "config.json").read_text())
        conf.update(temperature=s_fit.temperature, threshold=s_fit.threshold, label_bias={},
                    safety_thresholds=s_fit.thresholds.to_config(labels))
        (folder / "config.json").write_text(json.dumps(conf, indent=2) + "\n")
    s_int8 = IntentModel.load(intent_dir, threads=cfg.threads)
    s_fp32 = IntentModel.load(fp32_dir, threads=cfg.threads)

    def onnx_logits(model: IntentModel, rows: list[Any]) -> np.ndarray:
        return np.concatenate([model._logits([e.text]) for e in rows])

    def onnx_metrics(model: IntentModel) -> dict[str, Any]:
        return metrics(s_fit.predict(onnx_logits(model, splits.test), labels), test_gold, labels)

    _stage("evaluate and time (batch 1)")
    # The batch-1 figures are the CPU's (the device contract), whichever device trained the
    # teacher: its PyTorch points and dynamic int8 (a CPU-only quantization) run there.
    teacher.model.to("cpu")
    torch.set_num_threads(cfg.threads)
    texts = [e.text for e in splits.test][: cfg.latency_samples]
    teacher_q = quantize_torch_dynamic(teacher.model)
    tq_logits = torch.cat([teacher_q(b["input_ids"], b["attention_mask"]) for b in
                           _eval_batches(teacher, [e.text for e in splits.test], tmax)])
    tq_pred = t_fit.predict(tq_logits.detach().numpy(), labels)
    points: dict[str, dict[str, Any]] = {}
    student_params = count_params(student.model)
    points["teacher"] = {"name": teacher.name, "params": count_params(teacher.model),
                         "size_mb": round(sum(p.numel() * 4 for p in teacher.model.parameters())
                                          / 2**20, 2), **teacher_metrics,
                         **latency(teacher_runner(teacher.model, teacher.tokenizer, tmax), texts,
                                   "latency teacher fp32 (torch)")}
    points["student_int8"] = {"name": f"{student.base}-L{len(cfg.student.keep_layers)}-int8",
                              "params": student_params,
                              "size_mb": round(int8.stat().st_size / 2**20, 2),
                              **onnx_metrics(s_int8),
                              **latency(s_int8.classify, texts, "latency student int8 (ort)")}
    points["teacher_int8"] = {"name": f"{teacher.name}-int8-torch",
                              "params": count_params(teacher.model),
                              "size_mb": torch_size_mb(teacher_q),
                              **metrics(tq_pred, test_gold, labels),
                              **latency(teacher_runner(teacher_q, teacher.tokenizer, tmax), texts,
                                        "latency teacher int8 (torch)")}
    points["student_fp32"] = {"name": f"{student.base}-L{len(cfg.student.keep_layers)}-fp32",
                              "params": student_params,
                              "size_mb": round(fp32.stat().st_size / 2**20, 2),
                              **onnx_metrics(s_fp32),
                              **latency(s_fp32.classify, texts, "latency student fp32 (ort)")}
    test_set = (f"{cfg.data or 'compress.dataset ' + cfg.lang} test split: {len(splits.test)} "
                f"utterances, template families unseen in training; latency on the first "
                f"{len(texts)}")
    extra = {
        "config": asdict(cfg),
        "calibration": {"student_int8": asdict(s_fit), "teacher": asdict(t_fit),
                        "old_rule": {"student_int8": asdict(s_cal), "teacher": asdict(t_cal)}},
        "losses": _losses(teacher_losses, student_losses),
        "data": {"train": len(splits.train), "augmented": len(augmented),
                 "substituted": n_swapped,
                 "asr_hypotheses": heard_info,
                 "dev": len(splits.dev), "test": len(splits.test)},
        "seconds": round(time.time() - t_start, 1), "device": str(device),
    }
    s_test = onnx_logits(s_int8, splits.test)
    safety = _safety_report(s_fit, t_fit, s_cal, t_cal, labels, {
        "dev": (s_dev, dev_gold), "test": (s_test, test_gold),
        "challenge": (onnx_logits(s_int8, challenge), ch_gold) if challenge else None},
        {"test": (t_test.numpy(), test_gold), "challenge": (t_ch, ch_gold) if challenge else None})
    if challenge:
        plot_curve({name: (s_fit.probs(lg), gold) for name, (lg, gold) in
                    (("dev (fitted)", (s_dev, dev_gold)), ("test", (s_test, test_gold)),
                     ("challenge", (safety["logits_challenge"], ch_gold)))},
                   labels, s_fit.thresholds, out / "safety_thresholds.png",
                   f"student ({cfg.preset}): safety recall vs other utterances asked")
    extra["safety"] = safety["details"]
    if fp16 is not None:  # the GPU variant's accuracy, run here on the CPU (docs/bundles.md)
        s_fp16 = IntentModel.load(intent_dir, threads=cfg.threads, provider="cpu",
                                  variant="fp16")
        extra["student_fp16"] = {
            "name": f"{student.base}-L{len(cfg.student.keep_layers)}-fp16",
            "size_mb": round(fp16.stat().st_size / 2**20, 2), **onnx_metrics(s_fp16)}
    report = write_report(out, points, test_set, cfg.threads, extra, safety["report"])
    plot(points, out / "accuracy_latency_size.png",
         f"intent models ({cfg.preset}): accuracy vs p50 latency, marker area ~ size")
    _stage(f"done in {time.time() - t_start:.0f} s: {json.dumps(report['ratios'])}")
    return report


def _safety_report(s_fit: Any, t_fit: Any, s_cal: Any, t_cal: Any, labels: tuple[str, ...],
                   student_sets: dict[str, Any], teacher_sets: dict[str, Any]) -> dict[str, Any]:
    """The operating point and challenge figures for report.json, and the details: every set
    under the thresholds and under the old rule (safety biases with a margin, argmax)."""
    import numpy as np

    from compress.calibrate import decide
    from device.labels import SAFETY_LABELS

    def old_rule(cal: Any, logits: np.ndarray, gold: np.ndarray) -> dict[str, Any]:
        pred, _ = decide(logits, labels, cal.temperature, cal.threshold, cal.label_bias)
        ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
        pos, flagged = np.isin(gold, ids), np.isin(pred, ids)
        return {"n": int(len(gold)), "accuracy": round(float((pred == gold).mean()), 4),
                "emergency_recall": round(float(flagged[pos].mean()), 4) if pos.any() else 1.0,
                "false_emergencies": round(float(flagged[~pos].mean()), 4)
                if (~pos).any() else 0.0, "label_bias": cal.label_bias}

    keys = ("accuracy", "emergency_recall", "false_emergencies", "n")
    details: dict[str, Any] = {"student_int8": {"thresholds": s_fit.thresholds.as_dict(),
                                                "threshold": s_fit.threshold},
                               "teacher": {"thresholds": t_fit.thresholds.as_dict(),
                                           "threshold": t_fit.threshold},
                               "old_rule": {"student_int8": {}, "teacher": {}}}
    report: dict[str, Any] = {}
    for who, fit, cal, sets in (("student_int8", s_fit, s_cal, student_sets),
                                ("teacher", t_fit, t_cal, teacher_sets)):
        for name, pair in sets.items():
            if pair is None:
                continue
            details[who][name] = fit.figures(pair[0], pair[1], labels)
            details["old_rule"][who][name] = old_rule(cal, pair[0], pair[1])
        if "challenge" in details[who]:
            report.setdefault("challenge", {})[who] = {k: details[who]["challenge"][k]
                                                       for k in keys}
    th = s_fit.thresholds
    report["safety_thresholds"] = {
        "alert": round(th.alert, 6), "ask": round(th.ask, 6), "fitted_on": "dev",
        "recall_target": th.recall_target,
        **{name: {k: details["student_int8"][name][k] for k in
                  ("emergency_recall", "alerted_at_once", "false_alerts", "questions")}
           for name in ("dev", "test", "challenge") if name in details["student_int8"]}}
    challenge = student_sets.get("challenge")
    return {"report": report, "details": details,
            "logits_challenge": challenge[0] if challenge is not None else None}


def _losses(teacher: list[float], student: list[Any]) -> dict[str, Any]:
    """Per-epoch losses; for a soup, the student's are the members' mean per epoch and the
    members' own lists go beside them."""
    if student and all(isinstance(m, list) for m in student):
        mean = [round(sum(epoch) / len(epoch), 6) for epoch in zip(*student, strict=False)]
        return {"teacher": teacher, "student": mean, "soup_members": student}
    return {"teacher": teacher, "student": student}


def _eval_batches(teacher: Any, texts: list[str], max_length: int) -> Any:
    from compress.data import batches

    return batches(teacher.encode(texts, max_length), 64, teacher.pad_id, shuffle=False)
