"""Calibration on dev: temperature, a safety bias, and the out_of_scope threshold.

The decision rule (the same as device.intent): z = logits / temperature + label_bias;
p = softmax(z); top label, but below `threshold` -> out_of_scope, except for the safety labels.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from device.labels import OUT_OF_SCOPE, SAFETY_LABELS

__all__ = ["Calibration", "calibrate", "decide", "softmax"]

TEMPERATURES = np.exp(np.linspace(np.log(0.3), np.log(6.0), 40))
BIASES = np.arange(0.0, 3.01, 0.25)
MISS_COST = 10
"""Dev errors that one safety utterance left without a safety label is worth."""
THRESHOLDS = np.round(np.arange(0.0, 0.91, 0.025), 3)
SAFETY_MARGIN = 1.0
"""Added to every safety label's dev-chosen bias (logits after temperature). The dev choice
is the least bias that catches the dev safety utterances; new ones sit further from the
boundary (the 5-layer student caught all of dev but missed 3 of 58 test safety utterances,
each by less than this margin), so the bias keeps a margin, at about 0.5% of accuracy."""


@dataclass(frozen=True)
class Calibration:
    """Chosen on dev; written to the model config."""

    temperature: float = 1.0
    threshold: float = 0.0
    label_bias: dict[str, float] = field(default_factory=dict)
    """Added to the scaled logits, per safety label; raises safety recall."""
    dev_accuracy: float = 0.0
    dev_safety_recall: float = 1.0
    safety_margin: float = 0.0
    """Part of each safety bias that is margin, not dev fit (see SAFETY_MARGIN)."""


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
    """Share of safety utterances given a safety label (either one: both alert at once)."""
    ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    mask = np.isin(gold, ids)
    if not mask.any():
        return 1.0
    return float(np.isin(pred[mask], ids).mean())


def exact_safety_recall(pred: np.ndarray, gold: np.ndarray, labels: tuple[str, ...]) -> float:
    """Share of safety utterances given their own label."""
    ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    mask = np.isin(gold, ids)
    return float((pred[mask] == gold[mask]).mean()) if mask.any() else 1.0


def _temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    best_t, best_nll = 1.0, float("inf")
    for t in TEMPERATURES:
        p = softmax(logits / t)
        nll = float(-np.log(p[np.arange(len(gold)), gold] + 1e-12).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


def calibrate(logits: np.ndarray, gold: np.ndarray, labels: tuple[str, ...],
              safety_margin: float = SAFETY_MARGIN) -> Calibration:
    """Fit the temperature (NLL); then one bias per safety label, searched jointly for the
    fewest dev errors when a safety utterance left without any safety label counts MISS_COST
    errors (ties: better exact-label recall, then the smaller total bias, i.e. fewer false
    safety labels), plus `safety_margin` on each; then the threshold with the best dev
    accuracy (ties: the higher one)."""
    best_t = _temperature(logits, gold)
    safety = [s for s in SAFETY_LABELS if s in labels]
    n_safety = int(np.isin(gold, [labels.index(s) for s in safety]).sum())
    best_key: tuple[float, ...] = (-float("inf"),)
    bias: dict[str, float] = {}
    recall = 1.0
    for combo in itertools.product(BIASES, repeat=len(safety)):
        trial = {s: float(b) for s, b in zip(safety, combo, strict=True)}
        pred, _ = decide(logits, labels, best_t, 0.0, trial)
        rec = safety_recall(pred, gold, labels)
        missed = round((1.0 - rec) * n_safety)
        cost = MISS_COST * missed + int((pred != gold).sum())
        key = (-float(cost), exact_safety_recall(pred, gold, labels), -float(sum(combo)))
        if key > best_key:
            best_key, recall = key, rec
            bias = {s: b for s, b in trial.items() if b > 0}
    if safety_margin > 0:
        bias = {s: bias.get(s, 0.0) + safety_margin for s in safety}
        pred, _ = decide(logits, labels, best_t, 0.0, bias)
        recall = safety_recall(pred, gold, labels)
    best_th, best_th_acc = 0.0, -1.0
    for th in THRESHOLDS:
        pred, _ = decide(logits, labels, best_t, float(th), bias)
        acc = float((pred == gold).mean())
        if acc >= best_th_acc:
            best_th, best_th_acc = float(th), acc
    return Calibration(best_t, best_th, bias, best_th_acc, recall, safety_margin)
