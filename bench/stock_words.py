"""How sure the model is of typed sentences whose only call words are a call's stock words.

    python -m bench.stock_words [--model DIR] [--out docs/figures]

Every typed sentence the project holds (the intent data, the challenge set, every figures
and held-out file: bench.words_net_diff.corpus without its recognizer hypotheses) whose
words the words net reads as a call and whose only call words are stock words ("help",
"ambulance", "stroke", "collapsed", "999": device.safety.stock_words_only), classified by
the shipped model (or ``--model``): the safety probability the decision uses (the larger
of emergency_help and fall_report), for the calls and for the other sentences. The lowest
calls, and how many other sentences lie under each candidate floor, are what
``safety.typed_stock_words_floor`` was set from (docs/safety-path.md, "A call's stock words
the model is sure are no call"). Rows of the held-out files kept blind (:data:`BLIND`) are
counted and never listed. Writes ``stock_words.json`` and ``stock_words.png``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bench.results import write_json, write_png
from device.labels import SAFETY_LABELS

__all__ = ["FLOORS", "BLIND", "main", "stock_words"]

FLOORS = (0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2)
BLIND = ("figures_heldout103", "figures_heldout104", "figures_heldout105", "figures_heldout106",
         "figures_heldout107", "figures_heldout108", "figures_heldout109")
"""Held-out files kept blind: counted, never listed."""
OUT = Path(__file__).resolve().parents[1] / "docs" / "figures"


def _typed(sources: set[str]) -> set[str]:
    return {s for s in sources if not s.startswith(("spoken:", "hypotheses:"))}


def _relative(path: Any) -> str:
    try:
        return str(Path(path).resolve().relative_to(OUT.parents[1]))
    except ValueError:
        return str(path)


def stock_words(model: str | None = None, lowest: int = 10) -> dict[str, Any]:
    """The figures of the module doc."""
    from bench.words_net_diff import corpus
    from device.intent import IntentModel
    from device.safety import safety_label_of_words, stock_words_only

    texts = {t: e for t, e in corpus().items() if _typed(e["sources"])
             and safety_label_of_words(t) is not None and stock_words_only(t)}
    clf = IntentModel.load(model, threads=2)
    calls: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for text in sorted(texts):
        # one at a time, as the device classifies (a batch pads, and int8 activation
        # scales then differ with the batch)
        res = clf.classify(text)
        entry = texts[text]
        sources = sorted(_typed(entry["sources"]))
        row = {"p": round(max(float(res.scores.get(k, 0.0)) for k in SAFETY_LABELS), 4),
               "text": None if set(sources) & set(BLIND) else text, "sources": sources}
        (calls if entry["labels"] & set(SAFETY_LABELS) else others).append(row)
    calls.sort(key=lambda r: r["p"])
    others.sort(key=lambda r: r["p"])
    return {
        "model": _relative(clf.model_dir), "sentences": len(texts), "calls": len(calls),
        "others": len(others),
        "lowest_calls": [r for r in calls[:lowest] if r["text"] is not None],
        "lowest_call_p": calls[0]["p"] if calls else None,
        "others_under": {str(f): sum(r["p"] < f for r in others) for f in FLOORS},
        "calls_under": {str(f): sum(r["p"] < f for r in calls) for f in FLOORS},
        "p_calls": [r["p"] for r in calls], "p_others": [r["p"] for r in others],
    }


def plot(result: dict[str, Any], out: Path) -> Path:
    import numpy as np

    from device.settings_sections import SafetySettings

    floor = SafetySettings().typed_stock_words_floor

    def draw(ax: Any) -> None:
        bins = np.logspace(-4, 0, 33)
        ax.hist([result["p_others"], result["p_calls"]], bins=bins, stacked=False,
                label=[f"other sentences ({result['others']})", f"calls ({result['calls']})"],
                color=["tab:blue", "tab:red"])
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.axvline(floor, color="k", ls="--", lw=1, label=f"typed_stock_words_floor {floor:g}")
        ax.set_xlabel("model's safety probability (typed)")
        ax.set_ylabel("sentences")
        ax.set_title("Typed sentences whose only call words are stock words")
        ax.legend(fontsize=8)

    return write_png("stock_words", draw, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.stock_words",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the JSON and PNG")
    args = ap.parse_args(argv)
    try:
        result = stock_words(args.model)
    except (FileNotFoundError, OSError) as exc:
        print(f"stock_words: error: {exc}", file=sys.stderr)
        return 2
    write_json("stock_words", result, args.out)
    plot(result, args.out)
    print({k: result[k] for k in ("sentences", "calls", "others", "lowest_call_p",
                                  "others_under", "calls_under")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
