"""The safety thresholds' margin estimated from more of the tail, over built students.

    python -m compress.margins RUN [RUN ...] [--k 1,3,5] [--out FILE]

`compress.thresholds` lowers the ask threshold (and raises the alert threshold) by the
leave-one-family-out margin: for the lowest dev call family, the spacing (log-odds) between
its lowest call and the next family's, one draw of how far a new family might fall. Here
the margin is the mean of i * D_i over the k spacings nearest the extreme (D_1 the one at
the extreme): for an exponential tail each i * D_i has the tail's scale as its mean
(Rényi's representation), so k > 1 averages k draws; k = 1 is the shipped rule, and gives
its thresholds. For each build (an `eldercare compress` output folder) and each k: the
thresholds, a leave-one-family-out check on dev (call families the thresholds fitted
without them do not cover; other families they would alert at once), and the model alone
on test and the challenge set. docs/intent.md, "A steadier margin for the thresholds".
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from compress.thresholds import (
    ALERT,
    ASK,
    NONE,
    SafetyThresholds,
    _logit,
    _softmax,
    fit_thresholds,
    outcomes,
)
from device.labels import SAFETY_LABELS

__all__ = ["tail_margin", "fit_pair", "family_check", "build_margins", "main"]


def tail_margin(p: np.ndarray, groups: Sequence[str], low: bool, k: int) -> float:
    """Mean of i * D_i (log-odds) over the k spacings of the families' extremes (each
    family's lowest when `low`, else its highest) nearest the overall extreme."""
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    fam: dict[str, float] = {}
    for v, g in zip(p, groups, strict=True):
        fam[g] = min(fam.get(g, v), v) if low else max(fam.get(g, v), v)
    ext = sorted((_logit(float(v)) for v in fam.values()), reverse=not low)
    spacings = [abs(b - a) for a, b in zip(ext, ext[1:], strict=False)][:k]
    return float(np.mean([(i + 1) * d for i, d in enumerate(spacings)])) if spacings else 0.0


def fit_pair(probs: np.ndarray, gold: np.ndarray, groups: Sequence[str],
             labels: Sequence[str], k: int) -> SafetyThresholds:
    """The thresholds compress.thresholds.fit_thresholds fits (recall 1.0), with the margin
    averaged over k spacings."""
    return fit_thresholds(probs, gold, groups, labels,
                          margin_of=lambda p, g, low: tail_margin(p, list(g), low, k))


def family_check(probs: np.ndarray, gold: np.ndarray, groups: Sequence[str],
                 labels: Sequence[str], k: int) -> tuple[list[str], list[str]]:
    """Each family left out in turn and the thresholds fitted on the rest: the call families
    that then fall below the ask threshold, and the other families that reach the alert
    threshold."""
    g = np.asarray(groups)
    pos = np.isin(gold, [labels.index(s) for s in SAFETY_LABELS if s in labels])
    uncovered, alerted = [], []
    for fam in np.unique(g):
        rest, inside = g != fam, g == fam
        if not (pos & rest).any() or not (~pos & rest).any():
            continue
        th = fit_pair(probs[rest], gold[rest], list(g[rest]), labels, k)
        kind = outcomes(probs[inside], labels, th)
        if (kind[pos[inside]] == NONE).any():
            uncovered.append(str(fam))
        if (kind[~pos[inside]] == ALERT).any():
            alerted.append(str(fam))
    return uncovered, alerted


def _split_figures(kind: np.ndarray, pos: np.ndarray) -> dict[str, int]:
    """Counts of one split's outcomes (compress.thresholds.outcomes)."""
    return {"calls": int(pos.sum()), "others": int((~pos).sum()),
            "calls_below_ask": int((kind[pos] == NONE).sum()),
            "calls_alerted_at_once": int((kind[pos] == ALERT).sum()),
            "others_asked": int((kind[~pos] == ASK).sum()),
            "others_alerted_at_once": int((kind[~pos] == ALERT).sum())}


def build_margins(run: Path, ks: Sequence[int], lang: str = "en") -> dict[str, Any]:
    """The figures of one build's student (`run`/intent) for each k."""
    from compress.dataset import load_challenge, load_examples
    from compress.refit import _logits
    from device.intent import IntentModel

    model_dir = run / "intent"
    model = IntentModel.load(model_dir, threads=1)
    labels = model.labels
    examples = load_examples(lang)
    rows = {name: [e for e in examples if e.split == name] for name in ("dev", "test")}
    rows["challenge"] = [e for e in load_challenge(lang) if e.intent in labels]
    temperature = float(json.loads((model_dir / "config.json").read_text())["temperature"])
    safety = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    sets = {name: (_softmax(_logits(model, rs) / temperature),
                   np.array([labels.index(e.intent) for e in rs]), [e.group for e in rs])
            for name, rs in rows.items() if rs}
    out: dict[str, Any] = {}
    for k in ks:
        th = fit_pair(*sets["dev"], labels, k)
        uncovered, alerted = family_check(*sets["dev"], labels, k)
        out[str(k)] = {"ask": round(th.ask, 6), "alert": round(th.alert, 6),
                       "dev_families_uncovered": uncovered, "dev_families_alerted": alerted,
                       **{name: _split_figures(outcomes(probs, labels, th),
                                               np.isin(gold, safety))
                          for name, (probs, gold, _) in sets.items() if name != "dev"}}
    return out


def _summary(builds: dict[str, dict[str, Any]], ks: Sequence[int]) -> dict[str, Any]:
    def median(values: list[float]) -> float:
        return round(float(statistics.median(values)), 4)

    out = {}
    for k in ks:
        rows = [b[str(k)] for b in builds.values()]
        out[str(k)] = {
            "ask_median": median([r["ask"] for r in rows]),
            "ask_lowest": min(r["ask"] for r in rows),
            "builds_ask_under_0.05": sum(r["ask"] < 0.05 for r in rows),
            "alert_median": median([r["alert"] for r in rows]),
            "dev_families_uncovered": sum(len(r["dev_families_uncovered"]) for r in rows),
            "dev_families_alerted": sum(len(r["dev_families_alerted"]) for r in rows),
            **{f"{s}_{f}_median": median([r[s][f] for r in rows if s in r])
               for s in ("test", "challenge")
               for f in ("others_asked", "calls_alerted_at_once") if all(s in r for r in rows)},
            "others_alerted_at_once": sum(r[s]["others_alerted_at_once"] for r in rows
                                          for s in ("test", "challenge") if s in r)}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m compress.margins", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("runs", nargs="+", help="eldercare compress output folders")
    p.add_argument("--k", default="1,3,5", help="spacings averaged, comma-separated")
    p.add_argument("--lang", default="en")
    p.add_argument("--out", default=None, help="also write the JSON here")
    args = p.parse_args(argv)
    try:
        ks = [int(x) for x in args.k.split(",")]
        if any(k < 1 for k in ks):
            raise ValueError("--k values must be at least 1")
        builds = {run: build_margins(Path(run), ks, args.lang) for run in args.runs}
    except (ValueError, OSError, LookupError) as exc:
        print(f"margins: error: {exc}", file=sys.stderr)
        return 2
    result = {"k": ks, "builds": builds, "summary": _summary(builds, ks)}
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(result["summary"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
