"""What "the fast path alerts at once only when the model is sure" would do, on spoken runs.

    python -m bench.fast_alert_rule ROWS [ROWS ...] [--intent-model DIR] [--json OUT]

The hybrid's fast path returns at once when one of its hypotheses carries a call's plain
words, and the device alerts at once when the model agrees (a safety label at or above its
ask threshold; docs/safety-path.md, "The decision", step 2). The candidate rule: such a
clip alerts at once only when the model's safety probability on the hypothesis that was
decided reaches its alert threshold; under it the device asks (the call is still caught;
with no answer the question's timeout alerts). For each run's recorded transcripts
(``*_rows.jsonl``; decided again with the current code and model, as
``bench.speech_redecide`` does) it counts the fast path's alerts at once on calls and on
other sentences, and how many of each the rule would turn into questions, with their
sentences. Nothing is changed on the device. Prints one JSON line, or writes ``--json``
(docs/speech.md, "The training-only figures and the second held-out file, spoken").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["measure", "main"]


def measure(rows: list[dict[str, Any]], model: Any) -> dict[str, Any]:
    """The rule's figures on one run's rows (already decided with `model`)."""
    from device.labels import SAFETY_LABELS
    from speech.command_set import SAFETY

    thresholds = model.safety_thresholds
    if not thresholds:
        raise ValueError("the intent model has no safety_thresholds: no alert threshold")
    out: dict[str, Any] = {"clips": len(rows)}
    for kind, group in (("calls", [r for r in rows if r["intent"] in SAFETY]),
                        ("others", [r for r in rows if r["intent"] not in SAFETY])):
        fast = [r for r in group if r["alert"] and r["path"] == "fast-safety"]
        moved = []
        for r in fast:
            p = model.probabilities([r["hypothesis"]])[0]  # one at a time, as the device
            label, ps = max(((lab, float(p[model.labels.index(lab)])) for lab in SAFETY_LABELS
                             if lab in thresholds), key=lambda kv: kv[1])
            if ps < thresholds[label][0]:
                moved.append({"said": r["ref"], "heard": r["hypothesis"], "p": round(ps, 4)})
        out[kind] = {"clips": len(group), "alerted_at_once": sum(r["alert"] for r in group),
                     "caught": sum(bool(r["alert"] or r["asked"]) for r in group),
                     "fast_path_alerted_at_once": len(fast),
                     "rule_would_ask_instead": len(moved), "would_ask": moved}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.fast_alert_rule", description=__doc__.split("\n")[0])
    p.add_argument("rows", nargs="+", help="a spoken run's *_rows.jsonl")
    p.add_argument("--intent-model", default=None, help="model folder (default shipped)")
    p.add_argument("--json", default=None, metavar="OUT", help="write the result here")
    args = p.parse_args(argv)
    from bench.speech_commands import redecide
    from device.intent import IntentModel

    model = IntentModel.load(args.intent_model, threads=2)
    result: dict[str, Any] = {"intent_model": args.intent_model or "shipped",
                              "alert_threshold": {k: v[0] for k, v in
                                                  (model.safety_thresholds or {}).items()},
                              "runs": {}}
    for path in map(Path, args.rows):
        try:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip()]
        except (OSError, ValueError) as exc:
            p.error(f"cannot read {path}: {exc}")
        rows = [r for r in rows if r.get("engine") == "hybrid"]
        if not rows:
            p.error(f"{path}: no rows of the hybrid engine")
        result["runs"][path.name] = measure(redecide(rows, args.intent_model), model)
    text = json.dumps(result, indent=2)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    summary = {name: {k: (run[k]["fast_path_alerted_at_once"], run[k]["rule_would_ask_instead"])
                      for k in ("calls", "others")} for name, run in result["runs"].items()}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
