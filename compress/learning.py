"""The learning loop's figures for report.json: what the corrections did to the model.

`eldercare compress --corrections FILE` calls :func:`corrections_report` after the build;
it scores the model before (``--baseline-model``, default the shipped one) and the new
student after, on the same test split and on the held-out corrections, through the
device's own decision (docs/cloud-sync.md, "The learning loop").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HELDOUT_NAME = "corrections-heldout.jsonl"


def default_heldout(corrections: str | Path) -> Path | None:
    """The held-out part `eldercare cloud corrections` wrote next to FILE, if there is one."""
    p = Path(corrections).with_name(HELDOUT_NAME)
    return p if p.is_file() else None


def corrections_report(cfg: Any, labels: tuple[str, ...] | None, out: Path,
                       corrections: str | Path, merged: dict[str, Any],
                       heldout: str | Path | None,
                       baseline: str | Path | None) -> dict[str, Any]:
    """The ``corrections`` object of report.json; ``merged`` is merge_corrections' counts."""
    from cloud_sync.corrections import heldout_accuracy, rows_accuracy
    from compress.data import prepare_splits
    from device.labels import INTENT_LABELS

    # the same (deterministic) split the build used, dataset and corrections merged
    splits = prepare_splits(cfg, tuple(labels or INTENT_LABELS))
    test = [{"text": e.text, "intent": e.intent} for e in splits.test]
    trained = sum(1 for e in splits.train if e.group.startswith("correction:"))
    models = {"before": baseline, "after": out / "intent"}
    result: dict[str, Any] = {
        "file": str(corrections), "read": merged["corrections"], "added": merged["added"],
        "dropped_near_test": merged["dropped_near_test"],
        # a preset that keeps a sample of the training rows may leave some out
        "in_training_split": trained,
        "heldout_file": str(heldout) if heldout is not None else None,
        "baseline_model": str(baseline) if baseline is not None else "device/models/intent",
    }
    for when, model in models.items():
        result[when] = {"test": rows_accuracy(model, test),
                        "heldout": heldout_accuracy(model, heldout) if heldout is not None
                        else {"n": 0, "accuracy": None}}
    return result


def add_to_report(out: Path, report: dict[str, Any], section: dict[str, Any]
                  ) -> dict[str, Any]:
    """Add ``corrections`` to OUT/report.json (written by the pipeline) and to ``report``
    (the pipeline's return value, which also holds the ratios)."""
    path = out / "report.json"
    written = json.loads(path.read_text(encoding="utf-8"))
    written["corrections"] = section
    path.write_text(json.dumps(written, indent=2) + "\n", encoding="utf-8")
    return {**report, "corrections": section}
