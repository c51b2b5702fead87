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
