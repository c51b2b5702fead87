"""Calibration on dev: temperature, a safety bias, and the out_of_scope threshold.

The decision rule (the same as device.intent): z = logits / temperature + label_bias;
p = softmax(z); top label, but below `threshold` -> out_of_scope, except for the safety labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from device.labels import OUT_OF_SCOPE, SAFETY_LABELS

__all__ = ["Calibration", "calibrate", "decide", "softmax"]

TEMPERATURES = np.exp(np.linspace(np.log(0.3), np.log(6.0), 40))
BIASES = np.arange(0.0, 3.01, 0.25)
THRESHOLDS = np.round(np.arange(0.0, 0.91, 0.025), 3)


@dataclass(frozen=True)
class Calibration:
    """Chosen on dev; written to the model config."""

    temperature: float = 1.0
    threshold: float = 0.0
    label_bias: dict[str, float] = field(default_factory=dict)
    """Added to the scaled logits; raises safety recall."""
    dev_accuracy: float = 0.0
    dev_safety_recall: float = 1.0


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def decide(logits: np.ndarray, labels: tuple[str, ...], temperature: float, threshold: float,
           label_bias: dict[str, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Predicted label ids and top probabilities under the device's rule."""
    bias = np.array([(label_bias or {}).get(lab, 0.0) for lab in labels], dtype=np.float64)
    probs = softmax(logits.astype(np.float64) / temperature + bias)
    top = probs.argmax(axis=1)
    score = probs.max(axis=1)
    if OUT_OF_SCOPE in labels:
        oos = labels.index(OUT_OF_SCOPE)
        safety = np.array([labels[i] in SAFETY_LABELS for i in top])
        top = np.where((score < threshold) & ~safety, oos, top)
    return top, score


def safety_recall(pred: np.ndarray, gold: np.ndarray, labels: tuple[str, ...]) -> float:
    """Share of safety utterances given a safety label (ties broken by exact-label recall)."""
    ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    mask = np.isin(gold, ids)
    if not mask.any():
        return 1.0
    caught = float(np.isin(pred[mask], ids).mean())
    return caught + 1e-3 * float((pred[mask] == gold[mask]).mean())


def calibrate(logits: np.ndarray, gold: np.ndarray, labels: tuple[str, ...]) -> Calibration:
    """Fit temperature (NLL), then the smallest safety bias with the best dev safety recall,
    then the threshold with the best dev accuracy (ties: the higher threshold)."""
    best_t, best_nll = 1.0, float("inf")
    for t in TEMPERATURES:
        p = softmax(logits / t)
        nll = float(-np.log(p[np.arange(len(gold)), gold] + 1e-12).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    safety = [s for s in SAFETY_LABELS if s in labels]
    best_bias, best_rec, best_acc = 0.0, -1.0, -1.0
    for b in BIASES:
        pred, _ = decide(logits, labels, best_t, 0.0, {s: float(b) for s in safety})
        rec = safety_recall(pred, gold, labels)
        acc = float((pred == gold).mean())
        if rec > best_rec + 1e-9 or (abs(rec - best_rec) < 1e-9 and acc > best_acc + 0.002):
            best_bias, best_rec, best_acc = float(b), rec, acc
    bias = {s: best_bias for s in safety} if best_bias > 0 else {}
    best_th, best_th_acc = 0.0, -1.0
    for th in THRESHOLDS:
        pred, _ = decide(logits, labels, best_t, float(th), bias)
        acc = float((pred == gold).mean())
        if acc >= best_th_acc:
            best_th, best_th_acc = float(th), acc
    return Calibration(best_t, best_th, bias, best_th_acc, best_rec)
