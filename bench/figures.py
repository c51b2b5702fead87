"""One definition of each figure the benchmarks report (docs/benchmarks.md).

Every benchmark computes its figures here, so "emergency recall" or "p95" means one thing
in every results file and in the README."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from device.labels import OUT_OF_SCOPE, SAFETY_LABELS

__all__ = ["percentile", "latency_summary", "intent_figures", "ALERT_ROUTES"]

ALERT_ROUTES = ("alert", "ask")
"""Safety-decision routes that count as a call for help caught: an alert at once, or the
safety question that alerts unless the resident says no (docs/safety-path.md)."""


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation (numpy's default); None when
    there are no values."""
    if not values:
        return None
    s = sorted(float(v) for v in values)
    pos = (len(s) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def latency_summary(runs: Sequence[Sequence[float]], digits: int = 3) -> dict[str, Any]:
    """p50/p95 of each repeat, and their medians over the repeats (what results report)."""
    import statistics

    p50 = [percentile(r, 50) for r in runs if r]
    p95 = [percentile(r, 95) for r in runs if r]
    return {"latency_ms_p50": round(statistics.median(p50), digits) if p50 else None,
            "latency_ms_p95": round(statistics.median(p95), digits) if p95 else None,
            "latency_ms_p50_runs": [round(float(v), digits) for v in p50 if v is not None]}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def intent_figures(gold: Sequence[str], pred: Sequence[str],
                   routes: Sequence[str]) -> dict[str, Any]:
    """Intent figures of one system on one set of utterances.

    Args:
        gold: the labelled intent of each utterance.
        pred: the system's label of each utterance.
        routes: the device's safety decision of each utterance given that label
            (``device.safety_decision.decide``: "alert", "ask" or "answer").

    accuracy: pred == gold. emergency_recall: utterances labelled emergency_help or
    fall_report whose decision is an alert or the safety question (caught by either safety
    label). false_emergencies: other utterances whose decision is an alert at once (a
    count). oos precision/recall/F1: of the label out_of_scope.
    """
    if not (len(gold) == len(pred) == len(routes)):
        raise ValueError("gold, pred and routes must have the same length")
    n = len(gold)
    safety = [r for g, r in zip(gold, routes, strict=True) if g in SAFETY_LABELS]
    others = [(p, r) for g, p, r in zip(gold, pred, routes, strict=True)
              if g not in SAFETY_LABELS]
    tp = sum(g == p == OUT_OF_SCOPE for g, p in zip(gold, pred, strict=True))
    pred_oos = sum(p == OUT_OF_SCOPE for p in pred)
    gold_oos = sum(g == OUT_OF_SCOPE for g in gold)
    prec, rec = _ratio(tp, pred_oos), _ratio(tp, gold_oos)
    f1 = round(2 * prec * rec / (prec + rec), 4) if prec and rec else 0.0
    return {
        "n": n,
        "accuracy": _ratio(sum(g == p for g, p in zip(gold, pred, strict=True)), n),
        "emergency_recall": _ratio(sum(r in ALERT_ROUTES for r in safety), len(safety)),
        "emergency_n": len(safety),
        "false_emergencies": sum(r == "alert" for _, r in others),
        "questions_on_others": sum(r == "ask" for _, r in others),
        "others_n": len(others),
        "oos_precision": prec, "oos_recall": rec, "oos_f1": f1,
    }
