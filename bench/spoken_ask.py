"""The ask threshold of spoken turns, fitted on the spoken dev part.

    python -m bench.spoken_ask bench/speech_results/dev_second_rows.jsonl --keep-calls 224 \\
        [--keep-alerts 161] [--model DIR] [--resolution 0.005] [--write] [--json OUT]

A recognizer's words are less sure than typed ones: a call misheard as other words often
keeps a little of its safety probability, under the ask threshold fitted on typed dev
sentences. The device therefore reads config.json's ``spoken_ask`` (docs/contracts.md) as
the ask threshold of every safety label on spoken turns. The rule (docs/intent.md, "The
question band on spoken turns"): the highest ask threshold at which the device's decision,
taken again on a committed run's recorded transcripts (``bench.speech_commands.redecide``;
no audio is decoded), still catches at least KEEP of the run's calls for help. KEEP is the
figure of the model being replaced on the same rows, so that a new model never catches
fewer spoken dev calls than the old one; the spoken part of the test split is not read.

Calls caught do not rise as the ask threshold rises, so the threshold is found by
bisection on [0, the lowest alert threshold] to ``--resolution``; every point tried is
reported (its calls caught and false safety). ``--write`` stores ``{"ask", "keep_calls",
"calls_caught", "calls", "false_safety", "fitted_on"}`` as config.json's ``spoken_ask``.
With ``--keep-alerts KEEP``, the alert threshold of spoken turns is fitted the same way
after the ask: the highest, at or above the typed one, at which the decision still alerts
at once at least KEEP of the run's calls (again the replaced model's figure). A surer
student has a lower typed alert threshold (fitted on typed dev sentences), and a misheard
ordinary sentence then alerts caregivers at once more readily; this keeps the calls
alerted at once on spoken turns and asks first about the rest. Raising it only moves
alerts to questions, so no call is lost; ``--write`` adds ``"alert"``, ``"keep_alerts"``,
``"calls_alerted"`` and ``"others_alerted"`` when the fit is above the typed threshold.
Exit 1 when even an ask threshold of 0 catches fewer than KEEP calls (nothing written),
2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.speech_commands import command_rows, redecide, summary

__all__ = ["fit", "main", "point"]


def point(rows: list[dict[str, Any]], model: str | None, ask: float,
          alert: float | None = None) -> dict[str, Any]:
    """Calls caught and alerted at once, false safety and false alerts at once of `rows`
    decided again with ask threshold `ask` (and alert threshold `alert`; None: the
    model's)."""
    figures = summary(redecide(rows, model, ask=ask, alert=alert))
    return {"ask": round(ask, 6), **({} if alert is None else {"alert": round(alert, 6)}),
            "calls": figures["calls"], "calls_caught": figures["calls_caught"],
            "calls_alerted": figures["calls_alerted"],
            "false_safety": figures["false_safety"],
            "others_alerted": figures["others_alerted"],
            "decision_accuracy": figures["decision_accuracy"]}


def _highest(at: Callable[[float], dict[str, Any]], figure: str, keep: int, lo: float,
             hi: float, resolution: float
             ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(the point of the highest threshold in [lo, hi] whose `figure` is still at least
    `keep`, found by bisection to `resolution` (the figure does not rise with the
    threshold), or None when even `lo` falls short; every point tried, in the order
    tried). `at(threshold)` decides the rows again."""
    tried: list[dict[str, Any]] = []

    def one(value: float) -> dict[str, Any]:
        p = at(value)
        tried.append(p)
        return p

    low = one(lo)
    if low[figure] < keep:
        return None, tried
    top = one(hi)
    if top[figure] >= keep:
        return top, tried
    best = low
    while hi - lo > resolution:
        mid = (lo + hi) / 2
        p = one(mid)
        if p[figure] >= keep:
            best, lo = p, mid
        else:
            hi = mid
    return best, tried


def fit(rows: list[dict[str, Any]], model: str | None, keep: int, alert: float,
        resolution: float = 0.005) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(the highest ask point that catches at least `keep` calls, or None; every point
    tried, in the order tried)."""
    if not 0.0 < resolution < alert:
        raise ValueError(f"resolution must be within 0 and the alert threshold {alert}")
    return _highest(lambda ask: point(rows, model, ask), "calls_caught", keep, 0.0, alert,
                    resolution)


def fit_alert(rows: list[dict[str, Any]], model: str | None, ask: float, keep: int,
              alert: float, resolution: float = 0.005
              ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(the highest alert point, at or above the typed `alert`, whose decision with ask
    threshold `ask` still alerts at once at least `keep` calls, or None when the typed
    alert itself alerts fewer; every point tried). Raising the alert threshold moves
    alerts to questions: no call is lost, and false safety does not change."""
    if not 0.0 < resolution:
        raise ValueError("resolution must be positive")
    return _highest(lambda value: point(rows, model, ask, value), "calls_alerted", keep,
                    alert, 1.0, resolution)


def _alert_of(model_dir: Path) -> tuple[float, dict[str, Any]]:
    conf = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    pairs = conf.get("safety_thresholds") or {}
    if not pairs:
        raise ValueError(f"{model_dir}/config.json has no safety_thresholds")
    return min(float(p["alert"]) for p in pairs.values()), conf


def main(argv: list[str] | None = None) -> int:
    from device.intent import default_model_dir

    ap = argparse.ArgumentParser(prog="python -m bench.spoken_ask",
                                 description=__doc__.split("\n\n")[1])
    ap.add_argument("rows", type=Path, help="a spoken dev run's *_rows.jsonl")
    ap.add_argument("--keep-calls", type=int, required=True, metavar="KEEP",
                    help="calls the spoken ask threshold must still catch (the replaced "
                         "model's figure on these rows)")
    ap.add_argument("--keep-alerts", type=int, default=None, metavar="KEEP",
                    help="also fit spoken turns' alert threshold: the highest that still "
                         "alerts at once this many calls (the replaced model's figure)")
    ap.add_argument("--model", type=Path, default=None, help="model folder (default shipped)")
    ap.add_argument("--engine", default="hybrid", help="whose rows (default hybrid)")
    ap.add_argument("--resolution", type=float, default=0.005)
    ap.add_argument("--write", action="store_true", help="store it in config.json")
    ap.add_argument("--json", type=Path, default=None, help="write the result here too")
    args = ap.parse_args(argv)
    model_dir = args.model or default_model_dir()
    try:
        rows = command_rows(args.rows, args.engine)
        alert, conf = _alert_of(model_dir)
        if not 0 < args.keep_calls:
            raise ValueError("--keep-calls must be a positive count of calls")
        if args.keep_alerts is not None and not 0 < args.keep_alerts:
            raise ValueError("--keep-alerts must be a positive count of calls")
        highest = max(float(p["alert"]) for p in conf["safety_thresholds"].values())
        best, tried = fit(rows, str(model_dir), args.keep_calls, alert, args.resolution)
        loud, tried_alert = (None, [])
        if best is not None and args.keep_alerts is not None:
            loud, tried_alert = fit_alert(rows, str(model_dir), best["ask"], args.keep_alerts,
                                          highest, args.resolution)
    except (OSError, ValueError) as exc:
        print(f"spoken_ask: error: {exc}", file=sys.stderr)
        return 2
    result: dict[str, Any] = {"rows": str(args.rows), "model": str(model_dir),
                              "keep_calls": args.keep_calls, "fitted": best, "tried": tried,
                              "written": False}
    if args.keep_alerts is not None:
        result.update({"keep_alerts": args.keep_alerts, "fitted_alert": loud,
                       "tried_alert": tried_alert})
    if best is not None and args.write:
        conf["spoken_ask"] = {"ask": best["ask"], "keep_calls": args.keep_calls,
                              "calls_caught": best["calls_caught"], "calls": best["calls"],
                              "false_safety": best["false_safety"],
                              "fitted_on": args.rows.name}
        if loud is not None and loud["alert"] > highest:
            conf["spoken_ask"].update({"alert": loud["alert"], "keep_alerts": args.keep_alerts,
                                       "calls_alerted": loud["calls_alerted"],
                                       "others_alerted": loud["others_alerted"]})
        (model_dir / "config.json").write_text(json.dumps(conf, indent=2) + "\n",
                                               encoding="utf-8")
        result["written"] = True
    text = json.dumps(result, indent=2) + "\n"
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    if best is None:
        print(f"spoken_ask: no ask threshold catches {args.keep_calls} calls on these rows",
              file=sys.stderr)
        return 1
    if args.keep_alerts is not None and loud is None:
        print(f"spoken_ask: the typed alert threshold already alerts fewer than "
              f"{args.keep_alerts} calls at once on these rows; no spoken alert written",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
