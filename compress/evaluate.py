"""Accuracy, safety recall and batch-1 latency (teacher in PyTorch, student in onnxruntime)."""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import torch
from tqdm import tqdm

from device.labels import SAFETY_LABELS

__all__ = ["metrics", "latency", "teacher_runner", "torch_size_mb", "quantize_torch_dynamic"]


def metrics(pred: np.ndarray, gold: np.ndarray, labels: tuple[str, ...]) -> dict[str, Any]:
    """Accuracy, per-label recall and the safety recall.

    emergency_recall: the share of emergency_help/fall_report utterances that get a safety
    label (either one raises the alert, so none is missed); emergency_recall_strict: the
    share that get exactly their own label.
    """
    per_label = {}
    for i, lab in enumerate(labels):
        mask = gold == i
        if mask.any():
            per_label[lab] = round(float((pred[mask] == i).mean()), 4)
    ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    safety = np.isin(gold, ids)
    caught = np.isin(pred[safety], ids)
    return {
        "accuracy": round(float((pred == gold).mean()), 4),
        "emergency_recall": round(float(caught.mean()), 4) if safety.any() else 1.0,
        "emergency_recall_strict": round(float((pred[safety] == gold[safety]).mean()), 4)
        if safety.any() else 1.0,
        "safety_missed": int((~caught).sum()),
        "recall": per_label,
        "n": int(len(gold)),
    }


def latency(run_one: Callable[[str], Any], texts: Sequence[str], desc: str,
            warmup: int = 5) -> dict[str, float]:
    """p50/p95 milliseconds of `run_one(text)` (batch 1, text to probabilities)."""
    for text in texts[:warmup]:
        run_one(text)
    times = []
    for text in tqdm(texts, desc=desc, file=sys.stderr):
        t0 = time.perf_counter()
        run_one(text)
        times.append((time.perf_counter() - t0) * 1000.0)
    arr = np.asarray(times)
    return {"latency_ms_p50": round(float(np.percentile(arr, 50)), 3),
            "latency_ms_p95": round(float(np.percentile(arr, 95)), 3)}


def teacher_runner(model: torch.nn.Module, tokenizer: Any,
                   max_length: int) -> Callable[[str], np.ndarray]:
    """Batch-1 text -> probabilities with the PyTorch teacher (tokenization included)."""
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_length)
    model.eval()

    @torch.inference_mode()
    def run(text: str) -> np.ndarray:
        ids = torch.tensor([tokenizer.encode(text).ids])
        logits = model(ids, torch.ones_like(ids))
        return torch.softmax(logits, dim=-1).numpy()

    return run


def quantize_torch_dynamic(model: torch.nn.Module) -> torch.nn.Module:
    """PyTorch dynamic int8 (Linear layers): the teacher's int8 point in the plot."""
    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def torch_size_mb(model: torch.nn.Module) -> float:
    """Serialized state_dict size in MiB."""
    buf = io.BytesIO()
    torch.save(model.state_dict(), buf)
    return round(buf.getbuffer().nbytes / 2**20, 2)
