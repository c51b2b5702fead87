"""Refit a built model folder's decision on the current dev split, without training.

    python -m compress.refit --model device/models/intent [--json OUT]

Reads the folder's ONNX model, fits the temperature, the two safety thresholds and the
out_of_scope threshold on dev (compress.thresholds), writes them into its config.json
(``label_bias`` emptied: the thresholds replace the old safety biases) and the curve
``safety_thresholds.png`` beside it, and prints dev, test and challenge figures under the new
decision and under the folder's previous one. The same fit that `eldercare compress` makes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from compress.calibrate import Calibration, decide
from compress.dataset import Example, load_challenge, load_examples
from compress.thresholds import SafetyFit, plot_curve
from device.intent import IntentModel
from device.labels import SAFETY_LABELS

__all__ = ["refit", "main"]


def _logits(model: IntentModel, rows: list[Example]) -> np.ndarray:
    """One utterance at a time, as the device runs them (int8 scales are set per batch)."""
    return np.concatenate([model._logits([e.text]) for e in rows])


def _old_figures(cal: Calibration, logits: np.ndarray, gold: np.ndarray,
                 labels: tuple[str, ...]) -> dict[str, Any]:
    pred, _ = decide(logits, labels, cal.temperature, cal.threshold, cal.label_bias)
    ids = [labels.index(s) for s in SAFETY_LABELS if s in labels]
    pos, flagged = np.isin(gold, ids), np.isin(pred, ids)
    return {"n": int(len(gold)), "accuracy": round(float((pred == gold).mean()), 4),
            "emergency_recall": round(float(flagged[pos].mean()), 4) if pos.any() else 1.0,
            "false_emergencies": round(float(flagged[~pos].mean()), 4) if (~pos).any() else 0.0}


def refit(model_dir: Path, lang: str = "en", threads: int = 2) -> dict[str, Any]:
    """Fit and write the decision of `model_dir`; returns the figures (see module doc)."""
    from compress.calibrate import _temperature

    model = IntentModel.load(model_dir, threads=threads)
    labels = model.labels
    examples = load_examples(lang)
    sets = {name: [e for e in examples if e.split == name] for name in ("dev", "test")}
    sets["challenge"] = [e for e in load_challenge(lang) if e.intent in labels]
    index = {lab: i for i, lab in enumerate(labels)}
    data = {name: (_logits(model, rows), np.array([index[e.intent] for e in rows]))
            for name, rows in sets.items() if rows}
    conf = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    before = Calibration(float(conf.get("temperature", 1.0)), float(conf["threshold"]),
                         dict(conf.get("label_bias") or {}))
    dev_logits, dev_gold = data["dev"]
    temperature = round(_temperature(dev_logits, dev_gold), 4)
    fit = SafetyFit.fit(dev_logits, dev_gold, [e.group for e in sets["dev"]], labels,
                        temperature)
    conf.update(temperature=fit.temperature, threshold=fit.threshold, label_bias={},
                safety_thresholds=fit.thresholds.to_config(labels))
    # fitted on the old probabilities: fit it again (bench.spoken_ask, docs/intent.md)
    conf.pop("spoken_ask", None)
    (model_dir / "config.json").write_text(json.dumps(conf, indent=2) + "\n", encoding="utf-8")
    plot_curve({("dev (fitted)" if k == "dev" else k): (fit.probs(lg), g)
                for k, (lg, g) in data.items()}, labels, fit.thresholds,
               model_dir / "safety_thresholds.png", "safety recall vs other utterances asked")
    return {"model": str(model_dir), "thresholds": fit.thresholds.as_dict(),
            "temperature": fit.temperature, "threshold": fit.threshold,
            "after": {k: fit.figures(lg, g, labels) for k, (lg, g) in data.items()},
            "before": {k: _old_figures(before, lg, g, labels) for k, (lg, g) in data.items()}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m compress.refit", description=__doc__)
    p.add_argument("--model", required=True, help="model folder (written in place)")
    p.add_argument("--lang", default="en")
    p.add_argument("--json", dest="json_out", default=None, help="also write the figures here")
    args = p.parse_args(argv)
    try:
        result = refit(Path(args.model), args.lang)
    except (ValueError, OSError, LookupError) as exc:
        print(f"refit: error: {exc}", file=sys.stderr)
        return 2
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
