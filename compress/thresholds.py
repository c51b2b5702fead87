"""The safety decision's two thresholds, fitted on dev (contract: docs/contracts.md).

For the safety label with the highest calibrated probability p: p >= alert: alert at once;
ask <= p < alert: ask the safety question; p < ask: answer as the best non-safety label.
One pair is fitted for both safety labels (either one raises the same alarm):

- ask: the highest value that keeps the stated share of dev safety utterances at or above
  it (recall 1.0: the lowest dev safety p), lowered by a margin in log-odds: the most that
  leaving one paraphrase family out raises that fit (how far a new kind of sentence fell
  below the ones already seen);
- alert: the lowest value above every dev non-safety utterance's p, raised by the same kind
  of leave-one-family-out margin, and never below ``ALERT_FLOOR`` or ask.

    th = fit_thresholds(probs, gold, groups, labels)
    kinds = outcomes(probs, labels, th)        # NONE / ASK / ALERT per row
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from device.labels import OUT_OF_SCOPE, SAFETY_LABELS

__all__ = ["SafetyThresholds", "SafetyFit", "fit_thresholds", "fit_oos_threshold", "outcomes",
           "decide_labels", "safety_view", "set_figures", "curve", "plot_curve", "NONE", "ASK",
           "ALERT", "ALERT_FLOOR", "OperatingPointError", "check_operating_point",
           "lowest_calls", "fitted_accuracy_note"]

NONE, ASK, ALERT = 0, 1, 2
ALERT_FLOOR = 0.5
"""An alert at once needs at least an even chance that the utterance is a call for help."""
_EPS = 1e-6


@dataclass(frozen=True)
class SafetyThresholds:
    """One alert/ask pair (probabilities) used for every safety label."""

    alert: float
    ask: float
    recall_target: float = 1.0
    """Share of dev safety utterances the ask threshold keeps (before its margin)."""
    ask_fit: float = 0.0
    """The ask threshold before its margin."""
    alert_fit: float = 1.0
    """The alert threshold before its margin."""
    ask_margin: float = 0.0
    """Log-odds taken off the ask fit (leave-one-family-out)."""
    alert_margin: float = 0.0
    """Log-odds added to the alert fit (leave-one-family-out)."""

    def to_config(self, labels: Sequence[str]) -> dict[str, dict[str, float]]:
        """The model config's `safety_thresholds` value."""
        return {lab: {"alert": round(self.alert, 6), "ask": round(self.ask, 6)}
                for lab in SAFETY_LABELS if lab in labels}

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 6) for k, v in asdict(self).items()}


def _logit(p: float) -> float:
    p = min(max(p, _EPS), 1 - _EPS)
    return float(np.log(p / (1 - p)))


def _sigmoid(x: float) -> float:
    return float(1 / (1 + np.exp(-x)))


def safety_view(probs: np.ndarray, labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the label id of the most probable safety label, and its probability."""
    ids = np.array([labels.index(s) for s in SAFETY_LABELS if s in labels])
    sub = probs[:, ids]
    return ids[sub.argmax(axis=1)], sub.max(axis=1)


def outcomes(probs: np.ndarray, labels: Sequence[str], th: SafetyThresholds) -> np.ndarray:
    """NONE, ASK or ALERT per row."""
    _, p = safety_view(probs, labels)
    return np.where(p >= th.alert, ALERT, np.where(p >= th.ask, ASK, NONE))


def decide_labels(probs: np.ndarray, labels: Sequence[str], th: SafetyThresholds,
                  threshold: float) -> np.ndarray:
    """Label ids under the thresholds: the safety label when it reaches `ask`, else the best
    non-safety label (out_of_scope when that one is below `threshold`)."""
    which, _ = safety_view(probs, labels)
    safety_ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    rest = probs.copy()
    rest[:, safety_ids] = -1.0
    best = rest.argmax(axis=1)
    if OUT_OF_SCOPE in labels:
        best = np.where(rest.max(axis=1) < threshold, labels.index(OUT_OF_SCOPE), best)
    return np.where(outcomes(probs, labels, th) > NONE, which, best)


def _lofo_margin(p: np.ndarray, groups: np.ndarray, low: bool) -> float:
    """How far (log-odds) one family lies beyond the extreme of all the others."""
    worst = 0.0
    for g in np.unique(groups):
        inside, rest = p[groups == g], p[groups != g]
        if not len(rest):
            continue
        if low:
            gap = _logit(float(rest.min())) - _logit(float(inside.min()))
        else:
            gap = _logit(float(inside.max())) - _logit(float(rest.max()))
        worst = max(worst, gap)
    return worst


MarginFn = Callable[[np.ndarray, np.ndarray, bool], float]
"""(probabilities, their families, low) -> the margin in log-odds beyond the extreme."""


def fit_thresholds(probs: np.ndarray, gold: np.ndarray, groups: Sequence[str],
                   labels: Sequence[str], recall: float = 1.0,
                   margin: bool = True, margin_of: MarginFn = _lofo_margin
                   ) -> SafetyThresholds:
    """Fit ask (keeps `recall` of the dev safety utterances) and alert (above every dev
    non-safety utterance), each with its leave-one-family-out margin when `margin`
    (`margin_of`: how that margin is estimated; compress.margins measures others).

    Raises ValueError when dev has no safety utterance or no other utterance."""
    if not 0.0 < recall <= 1.0:
        raise ValueError(f"recall target must be in (0, 1], got {recall}")
    safety_ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    pos = np.isin(gold, safety_ids)
    if not pos.any() or pos.all():
        raise ValueError("fitting safety thresholds needs dev safety and non-safety utterances")
    _, p = safety_view(probs, labels)
    fam = np.asarray(groups)
    pos_p = np.sort(p[pos])
    ask_fit = float(pos_p[int(np.floor((1.0 - recall) * len(pos_p) + 1e-9))])
    alert_fit = float(np.nextafter(p[~pos].max(), 1.0))
    ask_margin = margin_of(p[pos], fam[pos], True) if margin else 0.0
    alert_margin = margin_of(p[~pos], fam[~pos], False) if margin else 0.0
    ask = _sigmoid(_logit(ask_fit) - ask_margin) if ask_margin else ask_fit
    alert = _sigmoid(_logit(alert_fit) + alert_margin) if alert_margin else alert_fit
    alert = min(1.0, max(alert, ask, ALERT_FLOOR))
    return SafetyThresholds(alert=alert, ask=ask, recall_target=recall, ask_fit=ask_fit,
                            alert_fit=alert_fit, ask_margin=ask_margin,
                            alert_margin=alert_margin)


def set_figures(probs: np.ndarray, gold: np.ndarray, labels: Sequence[str],
                th: SafetyThresholds, threshold: float) -> dict[str, Any]:
    """Accuracy and the safety figures of one evaluation set under the thresholds.

    emergency_recall: safety utterances alerted or asked about; alerted_at_once: the share of
    them alerted without a question; false_emergencies: non-safety utterances given a safety
    label (asked or alerted); false_alerts: non-safety utterances alerted at once; questions:
    non-safety utterances asked the safety question."""
    safety_ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    pos = np.isin(gold, safety_ids)
    kind = outcomes(probs, labels, th)
    pred = decide_labels(probs, labels, th, threshold)
    neg = ~pos

    def share(mask: np.ndarray, of: np.ndarray) -> float:
        return round(float(mask[of].mean()), 4) if of.any() else 0.0

    return {"n": int(len(gold)), "accuracy": round(float((pred == gold).mean()), 4),
            "emergency_recall": share(kind > NONE, pos) if pos.any() else 1.0,
            "alerted_at_once": share(kind == ALERT, pos),
            "false_emergencies": share(kind > NONE, neg),
            "false_alerts": share(kind == ALERT, neg), "questions": share(kind == ASK, neg),
            "n_safety": int(pos.sum()), "n_other": int(neg.sum())}


def curve(probs: np.ndarray, gold: np.ndarray, labels: Sequence[str],
          points: int = 200) -> list[tuple[float, float, float]]:
    """(ask threshold, safety recall, share of other utterances asked or alerted) as the ask
    threshold sweeps from 1e-5 to 1 (alert above it changes neither figure)."""
    safety_ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    pos = np.isin(gold, safety_ids)
    _, p = safety_view(probs, labels)
    out = []
    for t in np.concatenate([np.logspace(-5, 0, points), [1.0]]):
        caught = p >= t
        out.append((float(t), float(caught[pos].mean()) if pos.any() else 1.0,
                    float(caught[~pos].mean()) if (~pos).any() else 0.0))
    return out


def plot_curve(sets: dict[str, tuple[np.ndarray, np.ndarray]], labels: Sequence[str],
               th: SafetyThresholds, path: Path, title: str) -> Path:
    """Safety recall (y) against the share of other utterances treated as safety (x, asked
    or alerted) as the ask threshold moves, one line per set, operating point marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=110)
    colors = ["#2c3e50", "#27ae60", "#c0392b", "#8e44ad"]
    for (name, (probs, gold)), color in zip(sets.items(), colors, strict=False):
        pts = curve(probs, gold, labels)
        fig_ = set_figures(probs, gold, labels, th, 0.0)
        x, y = fig_["false_emergencies"] * 100, fig_["emergency_recall"] * 100
        ax.plot([q * 100 for _, _, q in pts], [r * 100 for _, r, _ in pts], color=color,
                lw=1.4, drawstyle="steps-post",
                label=f"{name}: {y:.1f}% caught, {x:.1f}% of the others asked or alerted")
        ax.scatter([x], [y], color=color, edgecolors="black", zorder=3, s=45)
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_xlim(0, 100)
    ax.set_ylim(max(0.0, ax.get_ylim()[0]), 101)
    ax.set_xlabel("other utterances asked the safety question or alerted (%, symlog)")
    ax.set_ylabel("safety utterances caught (asked or alerted, %)")
    ax.set_title(f"{title}\noperating point: ask >= {th.ask:.4g}, alert >= {th.alert:.4g}",
                 fontsize=9)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def fit_oos_threshold(probs: np.ndarray, gold: np.ndarray, labels: Sequence[str],
                      th: SafetyThresholds) -> tuple[float, float]:
    """The out_of_scope threshold with the best dev accuracy under the safety thresholds
    (ties: the higher one); returns (threshold, dev accuracy)."""
    from compress.calibrate import THRESHOLDS

    best, best_acc = 0.0, -1.0
    for t in THRESHOLDS:
        acc = float((decide_labels(probs, labels, th, float(t)) == gold).mean())
        if acc >= best_acc:
            best, best_acc = float(t), acc
    return best, best_acc


@dataclass(frozen=True)
class SafetyFit:
    """A model's whole decision fitted on dev: temperature, safety thresholds, oos threshold."""

    temperature: float
    thresholds: SafetyThresholds
    threshold: float
    """The out_of_scope threshold."""
    dev_accuracy: float

    @classmethod
    def fit(cls, logits: np.ndarray, gold: np.ndarray, groups: Sequence[str],
            labels: Sequence[str], temperature: float, recall: float = 1.0) -> SafetyFit:
        probs = _softmax(logits / temperature)
        th = fit_thresholds(probs, gold, groups, labels, recall)
        threshold, acc = fit_oos_threshold(probs, gold, labels, th)
        return cls(temperature, th, threshold, acc)

    def probs(self, logits: np.ndarray) -> np.ndarray:
        return _softmax(logits / self.temperature)

    def predict(self, logits: np.ndarray, labels: Sequence[str]) -> np.ndarray:
        return decide_labels(self.probs(logits), labels, self.thresholds, self.threshold)

    def figures(self, logits: np.ndarray, gold: np.ndarray,
                labels: Sequence[str]) -> dict[str, Any]:
        return set_figures(self.probs(logits), gold, labels, self.thresholds, self.threshold)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z.astype(np.float64)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class OperatingPointError(ValueError):
    """The fitted thresholds would put the safety question to too many dev utterances."""


def check_operating_point(fit: SafetyFit, logits: np.ndarray, gold: np.ndarray,
                          labels: Sequence[str], texts: Sequence[str],
                          max_questions: float) -> dict[str, Any]:
    """Refuse an operating point that asks about more than `max_questions` of dev's other
    utterances; returns the dev figures otherwise.

    The ask threshold follows the lowest-scoring dev call for help down (recall 1.0, with
    its leave-one-family-out margin), so one such utterance that the model all but misses
    can drag it to where every sentence is asked about; that model must not ship as if it
    were fine. Raises OperatingPointError naming that utterance and its probability.
    """
    figures = fit.figures(logits, gold, labels)
    if figures["questions"] <= max_questions:
        return figures
    named = lowest_calls(fit, logits, gold, labels, texts)
    raise OperatingPointError(
        f"the safety thresholds fitted on dev (ask {fit.thresholds.ask:.6f}, alert "
        f"{fit.thresholds.alert:.6f}) would ask the safety question about "
        f"{figures['questions']:.1%} of dev's other utterances, more than the "
        f"{max_questions:.1%} allowed; the lowest-scoring dev calls for help: {named}")


def lowest_calls(fit: SafetyFit, logits: np.ndarray, gold: np.ndarray, labels: Sequence[str],
                 texts: Sequence[str], k: int = 2) -> str:
    """The `k` calls for help among `texts` that `fit` scores lowest, with their safety
    probability: the utterances its ask threshold follows down ("'a man shoved ...' 0.0502")."""
    safety_ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    pos = np.flatnonzero(np.isin(gold, safety_ids))
    _, p = safety_view(fit.probs(logits), labels)
    low = pos[np.argsort(p[pos], kind="stable")[:k]]
    return "; ".join(f"{texts[i]!r} {p[i]:.4f}" for i in low)


def fitted_accuracy_note(who: str, fitted: float, top_label: float, lowest: str,
                         gap: float = 0.05) -> str | None:
    """A warning when a model's accuracy at its dev-fitted safety thresholds falls more than
    `gap` below its accuracy by top label alone: its fit follows one dev call it all but
    misses (`lowest`) down to where most sentences are asked about, and a ratio against
    that accuracy (report.json's accuracy_retained, for the teacher) means little. None
    when the two agree."""
    if fitted >= top_label - gap:
        return None
    return (f"{who} accuracy at its fitted safety thresholds {fitted:.4f} is far below its "
            f"accuracy by top label {top_label:.4f}: its ask threshold follows its lowest "
            f"dev calls for help ({lowest}); ratios against it mean little")
