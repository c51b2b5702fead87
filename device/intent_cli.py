"""`eldercare intent classify`: classify utterances with an intent model folder."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    intent = subparsers.add_parser("intent", help="intent model tools")
    sub = intent.add_subparsers(dest="intent_cmd", metavar="CMD")
    sub.required = True
    p = sub.add_parser(
        "classify",
        help="classify TEXT (or stdin lines); one JSON object per line",
        description="Prints {\"text\", \"intent\", \"score\"} per utterance.",
    )
    p.add_argument("--model", default=None,
                   help="model folder (default: the shipped student, device/models/intent)")
    p.add_argument("--threads", type=int, default=2, help="CPU threads (default 2)")
    p.add_argument("--scores", action="store_true", help="also print every label's score")
    p.add_argument("text", nargs="*", help="utterances; none: read one per line from stdin")
    p.set_defaults(func=_classify)


def _classify(args: argparse.Namespace) -> int:
    from device.intent import IntentModel

    if args.threads < 1:
        raise ValueError("--threads must be at least 1")
    model = IntentModel.load(args.model, threads=args.threads)

    def emit(text: str) -> None:
        result = model.classify(text)
        obj = result.to_json()
        if args.scores:
            obj["scores"] = {k: round(v, 4) for k, v in result.scores.items()}
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    if args.text:
        for text in args.text:
            emit(text)
    else:
        for line in sys.stdin:
            line = line.strip()
            if line:
                emit(line)
    return 0
