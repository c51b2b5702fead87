"""Fit ``spoken.sounds_like``, the score at which a transcript that sounds like a call is read
as that call (speech.sounds_like), on dev and training data only (never the test part).

    python -m bench.fit_sounds_like [--dev bench/speech_results/dev_hybrid_rows.jsonl] \\
        [--hypotheses compress/data/asr/en_hypotheses_whisper_base.jsonl] \\
        [--out bench/speech_results/sounds_like_fit.json]

For each score of the grid:

- the dev part of the spoken command set, re-decided by the device on its recorded
  transcripts (bench.speech_commands.redecide with ``spoken.sounds_like`` set): calls for
  help caught and false safety, against the same decision with the reading off;
- the recognizer's hypotheses of the training sentences (Whisper base, speech.hypotheses):
  on how many hypotheses of sentences that are no call a reading would be made (each
  hypothesis as spoken_intent sees it: its own words neither a call nor no call, the
  reading a call to the device's safety words).

The score kept catches the most dev calls while adding no dev false safety and reading a
call into at most ``MAX_READ_OTHERS`` of the training hypotheses of other sentences; among
equals, the highest. Writes the JSON and a PNG beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bench.results import read_jsonl
from bench.speech_commands import command_rows

__all__ = ["GRID", "MAX_READ_OTHERS", "fit", "main"]

GRID = (70.0, 72.0, 74.0, 76.0, 78.0, 80.0, 82.0, 84.0, 86.0, 88.0, 90.0, 95.0, 100.0)
MAX_READ_OTHERS = 0.005
"""Most share of training hypotheses of other sentences given a call reading."""

DEV_ROWS = Path("bench/speech_results/dev_hybrid_rows.jsonl")
HYPOTHESES = Path("compress/data/asr/en_hypotheses_whisper_base.jsonl")
OUT = Path("bench/speech_results/sounds_like_fit.json")


def _reads_a_call(reader: Any, h: dict[str, Any]) -> dict[str, Any] | None:
    """The reading spoken_intent would take from a hypothesis row (its text, then its
    alternatives), or None."""
    from device.safety import is_negated_call, safety_label_of_words
    from speech.spoken_intent import sounds_like_reading

    hyps = [t for t in (h["text"], *h.get("alternatives", [])) if t.strip()]
    found = sounds_like_reading(hyps, reader.match, safety_label_of_words, is_negated_call)
    if found is None:
        return None
    _, heard, m = found
    return {"heard": heard, "words": m.words, "reading": m.reading, "score": m.score}


def fit(dev_rows: list[dict[str, Any]], hypotheses: list[dict[str, Any]],
        intent_model: str | None = None, grid: Sequence[float] = GRID) -> dict[str, Any]:
    """Figures at each score of `grid` and the score kept (see the module doc).

    Raises:
        ValueError: no hybrid command rows, or no score within the rule's bounds.
    """
    from bench.speech_commands import redecide, summary
    from device.labels import SAFETY_LABELS
    from speech.sounds_like import SoundsLike, default_dictionary, read_dictionary

    rows = [r for r in dev_rows if r.get("engine") == "hybrid" and r.get("set") == "commands"]
    if not rows:
        raise ValueError("no hybrid command rows in the dev run")
    pron = read_dictionary(default_dictionary())
    others = [h for h in hypotheses if h["intent"] not in SAFETY_LABELS]
    calls = [h for h in hypotheses if h["intent"] in SAFETY_LABELS]

    def dev_figures(score: float) -> dict[str, Any]:
        s = summary(redecide(rows, intent_model, (f"spoken.sounds_like={score}",)))
        return {"calls_caught": s["calls_caught"], "false_safety": s["false_safety"],
                "decision_accuracy": s["decision_accuracy"],
                "missed": [m["heard"] for m in s["missed_safety"]]}

    base = dev_figures(0.0)
    n_dev_calls = sum(r["intent"] in SAFETY_LABELS for r in rows)
    points = []
    for score in tqdm(grid, desc="sounds-like scores", unit="score"):
        reader = SoundsLike(pron, threshold=score)
        read_others = [x for x in (_reads_a_call(reader, h) for h in others) if x is not None]
        read_calls = sum(_reads_a_call(reader, h) is not None for h in calls)
        dev = dev_figures(score)
        points.append({
            "score": score,
            "dev_calls_caught": dev["calls_caught"],
            "dev_false_safety": dev["false_safety"],
            "dev_decision_accuracy": dev["decision_accuracy"],
            "dev_missed": dev["missed"],
            "train_other_hypotheses_read": len(read_others),
            "train_other_share_read": round(len(read_others) / max(1, len(others)), 4),
            "train_call_hypotheses_read": read_calls,
            "train_other_readings": read_others[:20],
        })
    ok = [p for p in points if p["dev_false_safety"] <= base["false_safety"]
          and p["train_other_share_read"] <= MAX_READ_OTHERS]
    if not ok:
        raise ValueError("no score keeps dev false safety and the training readings in bounds")
    best = max(ok, key=lambda p: (p["dev_calls_caught"], p["score"]))
    return {
        "kept": best["score"], "rule": f"most dev calls caught with no added dev false safety "
        f"and at most {MAX_READ_OTHERS:.1%} of training hypotheses of other sentences read as "
        "a call; among equals the highest score",
        "off": {"dev_calls_caught": base["calls_caught"],
                "dev_false_safety": base["false_safety"],
                "dev_decision_accuracy": base["decision_accuracy"]},
        "dev": {"rows": len(rows), "calls": n_dev_calls},
        "train_hypotheses": {"others": len(others), "calls": len(calls)},
        "points": points,
    }


def _plot(result: dict[str, Any], png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pts = result["points"]
    xs = [p["score"] for p in pts]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(xs, [p["dev_calls_caught"] - result["off"]["dev_calls_caught"] for p in pts],
            "o-", label="dev calls gained (spoken, re-decided)")
    ax.plot(xs, [p["train_other_hypotheses_read"] for p in pts], "s-",
            label="training hypotheses of other sentences read as a call")
    ax.axvline(result["kept"], color="grey", ls="--", label=f"kept: {result['kept']:g}")
    ax.set_xlabel("spoken.sounds_like (alignment score)")
    ax.set_ylabel("count")
    ax.set_title("Calls that sound like a call: the score")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fit_sounds_like",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEV_ROWS, help="a dev run's *_rows.jsonl")
    ap.add_argument("--hypotheses", type=Path, default=HYPOTHESES,
                    help="speech.hypotheses output for the training sentences")
    ap.add_argument("--intent-model", default=None, help="model folder (default shipped)")
    ap.add_argument("--out", type=Path, default=OUT, help="JSON out (a PNG goes beside it)")
    args = ap.parse_args(argv)
    try:
        dev_rows, hyps = command_rows(args.dev, "hybrid"), read_jsonl(args.hypotheses)
    except (OSError, ValueError) as exc:
        print(f"fit_sounds_like: error: {exc}", file=sys.stderr)
        return 2
    try:
        result = fit(dev_rows, hyps, args.intent_model)
    except (ValueError, KeyError) as exc:
        print(f"fit_sounds_like: error: {exc}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    _plot(result, args.out.with_suffix(".png"))
    print(json.dumps({"kept": result["kept"], "off": result["off"],
                      "at_kept": next(p for p in result["points"]
                                      if p["score"] == result["kept"])
                      | {"train_other_readings": None, "dev_missed": None}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
