"""The question band on spoken turns: calls caught against false safety as the ask moves.

    python -m bench.ask_curve bench/speech_results/dev_hybrid_rows.jsonl \\
        bench/speech_results/commands_idle_rows.jsonl --model device/models/intent \\
        --model runs/X/intent [--asks 0.02,0.05,0.1,0.2,0.3] --out DIR

For each intent model and each ask threshold (the model's own, from its config.json, and
every value of ``--asks``), the device's decision is taken again on each run's recorded
transcripts (``bench.speech_commands.redecide``, no audio decoded), and the spoken figures
are counted: calls caught (an alert or the safety question), false safety, false alerts at
once and decision accuracy. Writes ``ask_curve.json`` and ``ask_curve.png`` (one panel per
run: calls caught against false safety, one line per model, the model's own ask marked).
Two models' lines side by side show which of them gives more calls for the same false
safety on the same recognizer output, whatever threshold each was fitted to
(docs/intent.md, "A probed soup, and the question band on spoken turns").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.speech_commands import command_rows, redecide, summary

__all__ = ["ask_curve", "main", "plot"]

DEFAULT_ASKS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4)


def _own_ask(model: str | None) -> float:
    from device.intent import IntentModel

    pairs = IntentModel.load(model, threads=1).safety_thresholds
    if not pairs:
        raise ValueError(f"{model or 'the shipped model'} has no safety thresholds")
    return min(ask for _, ask in pairs.values())


def ask_curve(runs: dict[str, list[dict[str, Any]]], models: list[str | None],
              asks: tuple[float, ...] = DEFAULT_ASKS) -> dict[str, Any]:
    """{"runs": {run: {model: [{ask, own, caught, calls, false_safety, ...}, ...]}}}."""
    out: dict[str, Any] = {"asks": list(asks), "runs": {}}
    own_asks = [_own_ask(model) for model in models]
    for run, rows in runs.items():
        per_model: dict[str, list[dict[str, Any]]] = {}
        for model, own in zip(models, own_asks, strict=True):
            points = []
            for ask in sorted({*asks, own}):
                fig = summary(redecide(rows, model, (), ask))
                points.append({"ask": round(ask, 6), "own": ask == own,
                               "caught": fig["calls_caught"], "calls": fig["calls"],
                               "false_safety": fig["false_safety"],
                               "false_alert_at_once": fig["false_alert_at_once"],
                               "decision_accuracy": fig["decision_accuracy"]})
            per_model[model or "shipped"] = points
        out["runs"][run] = per_model
    return out


def plot(curve: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = curve["runs"]
    fig, axes = plt.subplots(1, len(runs), figsize=(6 * len(runs), 4.5), squeeze=False)
    for ax, (run, per_model) in zip(axes[0], runs.items(), strict=True):
        for model, points in per_model.items():
            xs = [p["false_safety"] for p in points]
            ys = [p["caught"] for p in points]
            line, = ax.plot(xs, ys, marker="o", label=model)
            for p in points:
                ax.annotate(f"{p['ask']:g}", (p["false_safety"], p["caught"]), fontsize=7,
                            textcoords="offset points", xytext=(3, 3))
                if p["own"]:
                    ax.plot([p["false_safety"]], [p["caught"]], marker="*", markersize=14,
                            color=line.get_color())
        ax.set_title(f"{run} (of {next(iter(per_model.values()))[0]['calls']} calls)")
        ax.set_xlabel("false safety (share of other clips asked or alerted)")
        ax.set_ylabel("calls caught")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("Spoken turns as the ask threshold moves (star: the model's own)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ask_curve",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", nargs="+", type=Path, help="speech benchmark *_rows.jsonl")
    ap.add_argument("--model", action="append", default=None,
                    help="intent model folder (repeat; default the shipped one)")
    ap.add_argument("--asks", default=",".join(map(str, DEFAULT_ASKS)),
                    help="comma-separated ask thresholds besides each model's own")
    ap.add_argument("--engine", default="hybrid")
    ap.add_argument("--out", type=Path, default=Path("."))
    args = ap.parse_args(argv)
    try:
        asks = tuple(float(x) for x in args.asks.split(",") if x.strip())
        if not asks or not all(0.0 <= a <= 1.0 for a in asks):
            raise ValueError("--asks must be probabilities")
        runs: dict[str, list[dict[str, Any]]] = {}
        for path in args.rows:
            runs[path.name.removesuffix("_rows.jsonl")] = command_rows(path, args.engine)
        curve = ask_curve(runs, list(args.model or [None]), asks)
    except (OSError, ValueError) as exc:
        print(f"ask_curve: error: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ask_curve.json").write_text(json.dumps(curve, indent=1) + "\n")
    plot(curve, args.out / "ask_curve.png")
    for run, per_model in curve["runs"].items():
        for model, points in per_model.items():
            line = ", ".join(f"{p['ask']:g}{'*' if p['own'] else ''}: {p['caught']}/"
                             f"{p['false_safety']}" for p in points)
            print(f"{run} {model}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
