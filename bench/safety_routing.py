"""How the safety confirmation policy routes the intent model's safety labels.

For each held-out utterance (compress.dataset dev + test splits, and the hand-written
challenge set) the shipped intent model gives a label and a score; the policy then sends a
safety label either to an alert at once (score >= confident, or plain safety words) or to
a confirmation question. Counts per ``confident`` level, ending with one JSON line:

    python bench/safety_routing.py [--model DIR] [--confident 0.8 0.9 0.95] [--out FILE]

safety_*: utterances whose true label is a safety one (instant, confirm, missed by the
model); other_*: ordinary utterances the model labelled as safety (instant = a false
caregiver page, confirm = one question instead).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compress.dataset import load_examples  # noqa: E402
from device.intent import IntentModel  # noqa: E402
from device.labels import SAFETY_LABELS  # noqa: E402
from device.safety import is_safety_phrase  # noqa: E402


def _rows() -> list[tuple[str, str]]:
    rows = [(e.text, e.intent) for e in load_examples("en") if e.split in ("dev", "test")]
    with (ROOT / "compress" / "challenge_en.jsonl").open() as f:
        rows += [(d["text"], d["intent"]) for d in map(json.loads, f)]
    return rows


def route(rows: list[tuple[str, str]], results: list[tuple[str, float]],
          confident: float) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for (text, truth), (label, score) in zip(rows, results, strict=True):
        true_safety = truth in SAFETY_LABELS
        if label not in SAFETY_LABELS:
            if true_safety:
                counts["safety_missed"] += 1
            continue
        how = "instant" if score >= confident or is_safety_phrase(text) else "confirm"
        counts[("safety_" if true_safety else "other_") + how] += 1
    keys = ("safety_instant", "safety_confirm", "safety_missed", "other_instant",
            "other_confirm")
    return {k: counts[k] for k in keys}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="intent model folder (default: shipped)")
    ap.add_argument("--confident", type=float, nargs="+", default=[0.8, 0.9, 0.95])
    ap.add_argument("--out", default=None, help="also write the JSON here")
    args = ap.parse_args()
    model = IntentModel.load(args.model, threads=2)
    rows = _rows()
    results = [(r.intent, r.score) for r in model.classify_batch([t for t, _ in rows])]
    report = {"model": str(model.model_dir), "utterances": len(rows),
              "safety_utterances": sum(t in SAFETY_LABELS for _, t in rows),
              "by_confident": {str(c): route(rows, results, c) for c in args.confident},
              "machine": {"platform": platform.platform(), "cpu": platform.processor()},
              "threads": 2}
    line = json.dumps(report)
    if args.out:
        Path(args.out).write_text(line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
