"""Take the device's decision again on a speech benchmark run's recorded transcripts.

    python -m bench.speech_redecide bench/speech_results/commands_idle_rows.jsonl \\
        [--engine hybrid] [--intent-model DIR] [--ask P] [--alert P]
        [--set spoken.understood_best=1.0 ...]

No audio is decoded: each row's 1-best and n-best alternatives go through a fresh
`device.pipeline.Assistant` (bench.speech_commands.redecide), and the figures of
bench.speech_commands.summary come out as one JSON line (decision accuracy, calls caught,
false safety, and the clips missed or asked about). The figures of docs/speech.md that say
"re-deciding the committed runs" come from here; with the current code and settings it
gives the committed run's own figures (tests/bench/test_speech_redecide.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.speech_commands import command_rows, redecide, summary

__all__ = ["main"]

FIGURES = ("clips", "decision_accuracy", "intent_exact", "safety_caught", "false_safety",
           "false_alert_at_once", "safety_alert_at_once", "missed_safety", "false_safety_clips")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.speech_redecide",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", type=Path, help="a run's *_rows.jsonl")
    ap.add_argument("--engine", default="hybrid", help="whose rows (default hybrid)")
    ap.add_argument("--intent-model", default=None, help="model folder (default shipped)")
    ap.add_argument("--set", dest="sets", action="append", default=[],
                    metavar="SECTION.KEY=VALUE", help="a device setting for the decision")
    ap.add_argument("--ask", type=float, default=None, metavar="P",
                    help="the model's ask threshold for every safety label, in place of its "
                         "config.json's (what a wider or narrower question band would give)")
    ap.add_argument("--alert", type=float, default=None, metavar="P",
                    help="the model's alert threshold for every safety label on these turns, "
                         "in place of config.json's (spoken_ask.alert or the typed one)")
    args = ap.parse_args(argv)
    try:
        rows = command_rows(args.rows, args.engine)
    except ValueError as exc:
        print(f"speech_redecide: error: {exc}", file=sys.stderr)
        return 2
    from device.settings import SettingsError

    try:
        figures = summary(redecide(rows, args.intent_model, tuple(args.sets), args.ask,
                                   args.alert))
    except (SettingsError, ValueError) as exc:
        print(f"speech_redecide: error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps({"rows": str(args.rows), "engine": args.engine,
                                 "sets": args.sets, "ask": args.ask,
                                 **({} if args.alert is None else {"alert": args.alert}),
                                 **{k: figures[k] for k in FIGURES}}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
