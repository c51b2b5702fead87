"""The shipped device runtime alone on held-out utterances (accuracy, latency); the peers
side by side are `eldercare bench intent` (bench/intent.py).

Measures a model folder (default: the shipped student) with onnxruntime at batch 1 on the
test split of the built-in data and on a small challenge set written separately from the
training data (compress/challenge_en.jsonl, docs/intent.md). Ends with one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np


def _evaluate(model: Any, rows: list[tuple[str, str]]) -> dict[str, Any]:
    from device.labels import SAFETY_LABELS

    preds = [r.intent for r in model.classify_batch([t for t, _ in rows])]
    gold = [g for _, g in rows]
    safety = [(p, g) for p, g in zip(preds, gold, strict=True) if g in SAFETY_LABELS]
    others = [p for p, g in zip(preds, gold, strict=True) if g not in SAFETY_LABELS]
    errors = [{"text": t, "gold": g, "pred": p}
              for (t, g), p in zip(rows, preds, strict=True) if p != g]
    return {"n": len(rows),
            "accuracy": round(sum(p == g for p, g in zip(preds, gold, strict=True))
                              / max(1, len(rows)), 4),
            "safety_recall": round(sum(p == g for p, g in safety) / max(1, len(safety)), 4),
            "safety_caught": round(sum(p in SAFETY_LABELS for p, _ in safety)
                                   / max(1, len(safety)), 4),
            "false_emergencies": round(sum(p in SAFETY_LABELS for p in others)
                                       / max(1, len(others)), 4),
            "errors": errors[:40]}


def bench(model_dir: str | None, threads: int, repeats: int) -> dict[str, Any]:
    from bench.machine import machine_info
    from compress.dataset import load_challenge, load_examples
    from device.intent import IntentModel

    model = IntentModel.load(model_dir, threads=threads)
    test = [(e.text, e.intent) for e in load_examples("en") if e.split == "test"]
    challenge = [(e.text, e.intent) for e in load_challenge("en")]
    texts = [t for t, _ in test][:200]
    for t in texts[:10]:
        model.classify(t)
    medians, p95s = [], []
    for _ in range(repeats):
        times = []
        for t in texts:
            t0 = time.perf_counter()
            model.classify(t)
            times.append((time.perf_counter() - t0) * 1000)
        medians.append(float(np.percentile(times, 50)))
        p95s.append(float(np.percentile(times, 95)))
    return {
        "bench": "intent", "model": str(model.model_dir), "threads": threads, "batch": 1,
        "latency_ms_p50": round(float(np.median(medians)), 3),
        "latency_ms_p95": round(float(np.median(p95s)), 3), "repeats": repeats,
        "size_mb": round((model.model_dir / "model.onnx").stat().st_size / 2**20, 2),
        "test": _evaluate(model, test), "challenge": _evaluate(model, challenge),
        "machine": machine_info(),
    }


def run_bench(model_dir: str | None, threads: int, repeats: int, out: str | None) -> int:
    result = bench(model_dir, threads, repeats)
    if out:
        Path(out).write_text(json.dumps(result, indent=2) + "\n")
    summary = {k: v for k, v in result.items() if k not in ("test", "challenge")}
    summary["test_accuracy"] = result["test"]["accuracy"]
    summary["challenge_accuracy"] = result["challenge"]["accuracy"]
    summary["challenge_safety_recall"] = result["challenge"]["safety_recall"]
    summary["challenge_false_emergencies"] = result["challenge"]["false_emergencies"]
    sys.stdout.write(json.dumps(summary) + "\n")
    return 0


def _previous_runtime(model_dir: str | None, threads: int) -> Any:
    """The runtime as it was before the batch-1 changes, rebuilt from the same folder: the
    session with onnxruntime's default (spinning) intra-op threads, and every text through
    the batch encoder (``classify_batch``). Returns a callable text -> IntentResult."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    from device.intent import IntentConfig, IntentModel, default_model_dir

    folder = Path(model_dir) if model_dir else default_model_dir()
    config = IntentConfig.read(folder / "config.json")
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=config.max_length)
    pad = str(config.raw.get("pad_token", "[PAD]"))
    pad_id = tokenizer.token_to_id(pad)
    tokenizer.enable_padding(pad_id=pad_id if pad_id is not None else 0, pad_token=pad)
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(folder / "model.onnx"), sess_options=options,
                                   providers=["CPUExecutionProvider"])
    model = IntentModel(folder, config, session, tokenizer)
    model.probabilities(["warm up the session"])

    def classify(text: str) -> Any:
        encodings = tokenizer.encode_batch([text])
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        logits = np.asarray(session.run(None, {k: feeds[k] for k in model._input_names})[0],
                            dtype=np.float32)
        z = logits / config.temperature + model._bias
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return model.decide(text, (e / e.sum(axis=1, keepdims=True))[0])

    return classify


def compare(model_dir: str | None = None, threads: int = 2, repeats: int = 5,
            n: int = 200, block: int = 25, every: int = 1) -> dict[str, Any]:
    """The runtime before and after the batch-1 changes, side by side in one run.

    Both classify every utterance of the test split and the challenge set; the labels must
    be identical (``identical`` False and the differing texts otherwise) and the largest
    probability difference is reported. Latency: the first ``n`` test utterances, in blocks
    of ``block`` that alternate which runtime goes first, ``repeats`` passes; p50/p95 per
    pass, the median over passes (bench.figures.latency_summary). ``every``: compare the
    labels of every N-th utterance only (a quick check)."""
    from bench.figures import latency_summary
    from bench.machine import machine_info
    from compress.dataset import load_challenge, load_examples
    from device.intent import IntentModel

    new_model = IntentModel.load(model_dir, threads=threads)  # the device's default
    sleeping = IntentModel.load(model_dir, threads=threads, spin=False)
    spinning = IntentModel.load(model_dir, threads=threads, spin=True, spin_only_in_run=False)
    runtimes = {"before": _previous_runtime(model_dir, threads), "after": new_model.classify,
                "after_sleeping": sleeping.classify, "after_spinning": spinning.classify}
    test = [e.text for e in load_examples("en") if e.split == "test"]
    rows = (test + [e.text for e in load_challenge("en")])[::every]
    differ, max_diff = [], 0.0
    for text in rows:
        results = {name: run(text) for name, run in runtimes.items()}
        a = results["before"]
        if len({r.intent for r in results.values()}) > 1:
            differ.append({"text": text, **{name: r.intent for name, r in results.items()}})
        max_diff = max(max_diff, max(abs(a.scores[k] - r.scores[k])
                                     for r in results.values() for k in a.scores))
    texts = test[:n]
    runs: dict[str, list[list[float]]] = {k: [] for k in runtimes}
    for rep in range(repeats):
        times: dict[str, list[float]] = {k: [] for k in runtimes}
        for i, start in enumerate(range(0, len(texts), block)):
            chunk = texts[start:start + block]
            order = list(runtimes) if (rep + i) % 2 == 0 else list(runtimes)[::-1]
            for name in order:
                run = runtimes[name]
                for t in chunk[:3]:
                    run(t)
                for t in chunk:
                    t0 = time.perf_counter()
                    run(t)
                    times[name].append((time.perf_counter() - t0) * 1000.0)
        for name in runtimes:
            runs[name].append(times[name])
    latency = {name: latency_summary(r) for name, r in runs.items()}
    return {
        "bench": "intent_runtime", "model": str(new_model.model_dir), "threads": threads,
        "batch": 1, "repeats": repeats, "latency_n": len(texts), "block": block,
        "identical": not differ, "compared": len(rows), "differ": differ[:20],
        "max_probability_difference": max_diff,
        "before": {"what": "onnxruntime default session options (intra-op threads spin "
                           "while idle), text through the batch encoder", **latency["before"]},
        "after": {"what": "device.intent.IntentModel as the device runs it: one text through "
                          "Tokenizer.encode, only the inputs the graph declares, intra-op "
                          "threads spin while a run lasts and sleep after it "
                          "(session.force_spinning_stop 1)", **latency["after"]},
        "after_sleeping": {"what": "the same with intent.spin_threads false: idle intra-op "
                                   "threads sleep (session.intra_op.allow_spinning 0)",
                           **latency["after_sleeping"]},
        "after_spinning": {"what": "the same with intent.spin_only_in_run false: intra-op "
                                   "threads spin between runs too",
                           **latency["after_spinning"]},
        "machine": machine_info(threads=threads, repeats=repeats, batch=1),
    }
