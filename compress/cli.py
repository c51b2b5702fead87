"""`eldercare compress` (bench/cli.py reuses its flags for `eldercare bench compress`): nothing
heavy is imported here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from health.limits import MAX_THREADS, float_range, int_range

__all__ = ["register", "main"]


def _add_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--preset", choices=("tiny", "default"), default="default",
                   help="tiny: CI smoke build (minutes); default: MPNet teacher -> MiniLM student")
    p.add_argument("--out", required=True, help="output folder (writes intent/ and report.json)")
    p.add_argument("--teacher", default=None,
                   help="teacher: mpnet-base (registry parts), tiny-random, a folder or a hub id")
    p.add_argument("--student", default=None,
                   help="student base: minilm-l6, tiny-random or a BERT folder")
    p.add_argument("--data", default=None,
                   help="JSON-lines dataset (text, intent[, group, split]) instead of the built-in")
    p.add_argument("--corrections", default=None, metavar="FILE",
                   help="consented, de-identified corrections (eldercare cloud corrections) "
                        "added to the training split only (docs/cloud-sync.md)")
    p.add_argument("--corrections-heldout", default=None, metavar="FILE",
                   help="held-out corrections scored before and after (default: "
                        "corrections-heldout.jsonl next to --corrections, if present)")
    p.add_argument("--baseline-model", default=None, metavar="DIR",
                   help="with --corrections: the model scored as 'before' in report.json "
                        "(default: the shipped device/models/intent)")
    p.add_argument("--labels", default=None,
                   help="comma-separated label set (default: device.labels.INTENT_LABELS)")
    p.add_argument("--quant", dest="quant_preset", choices=("avx512_vnni", "arm64"), default=None,
                   help="int8 quantization preset (default avx512_vnni)")
    p.add_argument("--opset", type=int_range(11, 17), default=None, help="ONNX opset, 11-17")
    p.add_argument("--threads", type=int_range(1, MAX_THREADS), default=None,
                   help=f"threads for latency, 1-{MAX_THREADS} (default 2)")
    p.add_argument("--train-threads", type=int_range(0, MAX_THREADS), default=None,
                   help=f"torch threads for training, 0-{MAX_THREADS} (default 1; 0: all cores)")
    p.add_argument("--student-epochs", type=int_range(1, 1000), default=None,
                   help="distillation epochs, 1-1000")
    p.add_argument("--augment", type=int_range(0, 100), default=None,
                   help="teacher-labelled variants per training sentence, 0-100")
    p.add_argument("--kd-alpha", type=float_range(0.0, 1.0), default=None,
                   help="weight of the teacher's soft labels in distillation, 0-1 (default "
                        "0.7; the rest goes to the hard labels)")
    p.add_argument("--mix", type=int_range(0, 100), default=None,
                   help="teacher-labelled mixed rows per training sentence (one sentence's "
                        "opening with another's ending, or a stretch of one), 0-100 "
                        "(default 0)")
    p.add_argument("--substitute", type=int_range(0, 100), default=None,
                   help="teacher-labelled rows per training sentence with words swapped for "
                        "their neighbours in the teacher's word embeddings, 0-100 (default 0)")
    p.add_argument("--student-seed", type=int_range(0, 10_000), default=None,
                   help="the student's batch order and dropout, added to the run's seed, "
                        "0-10000 (default preset 10, tiny 0)")
    p.add_argument("--student-lr", type=float_range(1e-6, 0.01), default=None,
                   help="the student's peak learning rate in distillation (default 2e-4)")
    p.add_argument("--freeze-embeddings", action="store_true", default=None,
                   help="keep the base model's word embeddings fixed while distilling")
    p.add_argument("--probe-epochs", type=int_range(0, 1000), default=None,
                   help="epochs of a linear probe of the head on the base's frozen features "
                        "before distillation, 0-1000 (default preset 60, tiny 0: a random head)")
    p.add_argument("--soup", type=int_range(1, 16), default=None,
                   help="distil this many students from the same start with consecutive "
                        "seeds and average their weights, 1-16 (default preset 4, tiny 1; "
                        "docs/intent.md)")
    p.add_argument("--asr-hypotheses", default=None, metavar="PATH|builtin|none",
                   help="recognizer hypotheses of the training sentences to distil on "
                        "(python -m speech.hypotheses; builtin: compress/data/asr; default "
                        "preset Whisper base's file, tiny builtin; none: off; several: "
                        "comma-separated)")
    p.add_argument("--heard-labels", default=None, metavar="all|LABEL,LABEL",
                   help="use only the hypotheses of these intents (default preset the calls "
                        "as heard, emergency_help,fall_report; tiny all)")
    p.add_argument("--plain-soup", type=int_range(0, 16), default=None,
                   help="more soup members, seeds from --student-seed on, each distilled as a "
                        "build without the training-only files and the hypotheses would, 0-16 "
                        "(default preset 4, tiny 0; docs/intent.md, \"Soups across builds\")")
    p.add_argument("--heard-targets", choices=("said", "teacher"), default=None,
                   help="what the student learns for a hypothesis: said (default) the soft and "
                        "hard labels of the sentence said; teacher: the teacher's own soft "
                        "labels of the text heard, no hard label (a transfer set)")
    p.add_argument("--vocab-size", type=int_range(1000, 1_000_000), default=None,
                   help="the student's vocabulary after trimming, 1000 and up; the base's "
                        "size or more keeps it whole (default preset: 30522, MiniLM's whole "
                        "vocabulary; tiny: 2000; docs/intent.md)")
    p.add_argument("--keep-layers", default=None,
                   help="student layers kept from the base model, e.g. 0,1,2,4,5")
    p.add_argument("--fuse", action=argparse.BooleanOptionalAction, default=None,
                   help="fuse attention and layer norms before quantizing (faster at batch 1; "
                        "default on; --no-fuse: the plain graph; docs/intent.md)")
    p.add_argument("--resume", action="store_true",
                   help="reuse the fine-tuned teacher, its soft labels and a student "
                        "distilled with the same settings in OUT/work")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("compress", help="build the small int8 intent model and report")
    _add_args(p)
    p.set_defaults(func=_compress)


def _labels(arg: str | None) -> tuple[str, ...] | None:
    if arg is None:
        return None
    labels = tuple(x.strip() for x in arg.split(",") if x.strip())
    if len(labels) < 2 or len(set(labels)) != len(labels):
        raise ValueError("--labels needs at least two distinct comma-separated names")
    return labels


def _layers(arg: str | None) -> tuple[int, ...] | None:
    if arg is None:
        return None
    try:
        return tuple(int(x) for x in arg.split(",") if x.strip())
    except ValueError:
        raise ValueError("--keep-layers needs comma-separated layer numbers, e.g. 0,1,2,4,5") \
            from None


def _compress(args: argparse.Namespace) -> int:
    from compress.config import get_preset
    from compress.pipeline import check_output_dir, run

    cfg = get_preset(args.preset, teacher_model=args.teacher, student_model=args.student,
                     data=args.data, quant_preset=args.quant_preset, opset=args.opset,
                     threads=args.threads, train_threads=args.train_threads,
                     student_epochs=args.student_epochs, augment=args.augment, mix=args.mix,
                     substitute=args.substitute,
                     kd_alpha=args.kd_alpha, student_seed=args.student_seed, soup=args.soup,
                     probe_epochs=args.probe_epochs, vocab_size=args.vocab_size,
                     freeze_embeddings=args.freeze_embeddings, student_lr=args.student_lr,
                     asr_hypotheses=args.asr_hypotheses, heard_targets=args.heard_targets,
                     heard_labels=args.heard_labels, plain_soup=args.plain_soup,
                     keep_layers=_layers(args.keep_layers), fuse=args.fuse,
                     resume=args.resume or None)
    labels = _labels(args.labels)
    out = Path(args.out)
    check_output_dir(out)
    corrections = getattr(args, "corrections", None)
    if not corrections and (args.corrections_heldout or args.baseline_model):
        raise ValueError("--corrections-heldout and --baseline-model need --corrections")
    heldout: Path | None = None
    baseline: Path | None = None
    merged: dict[str, Any] | None = None
    if corrections:
        from compress.learning import default_heldout

        heldout = (Path(args.corrections_heldout) if args.corrections_heldout
                   else default_heldout(corrections))
        if heldout is not None and not heldout.is_file():
            raise FileNotFoundError(f"--corrections-heldout: no such file: {heldout}")
        baseline = Path(args.baseline_model) if args.baseline_model else None
        if baseline is not None and not (baseline / "config.json").is_file():
            raise FileNotFoundError(f"--baseline-model: no intent model folder at {baseline}")
        from dataclasses import replace

        from cloud_sync.corrections import merge_corrections

        merged = merge_corrections(args.corrections, out / "training-data.jsonl", cfg.data,
                                   cfg.lang)
        print(json.dumps({"corrections": merged}), file=sys.stderr, flush=True)
        cfg = replace(cfg, data=merged["data"])
    from compress.data import hypotheses_files

    hypotheses_files(cfg.student.asr_hypotheses, cfg.lang)  # a missing file fails before training
    report = run(cfg, out, labels)
    if report is not None and merged is not None:
        from compress.learning import add_to_report, corrections_report

        section = corrections_report(cfg, labels, out, corrections, merged, heldout, baseline)
        report = add_to_report(out, report, section)
    if report is not None:
        sys.stdout.write(json.dumps(report) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry for `python -m compress` / `torchrun -m compress` (same flags as the verb)."""
    p = argparse.ArgumentParser(prog="compress")
    _add_args(p)
    args = p.parse_args(argv)
    try:
        return _compress(args)
    except (ValueError, OSError, LookupError) as exc:
        print(f"compress: error: {exc}", file=sys.stderr)
        return 2
