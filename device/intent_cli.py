"""`eldercare intent classify`: classify utterances with an intent model folder."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from health.limits import (
    MAX_LINE_BYTES,
    MAX_TEXT_CHARS,
    MAX_THREADS,
    InputRejected,
    decode_utf8,
    int_range,
)


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
    p.add_argument("--threads", type=int_range(1, MAX_THREADS), default=2,
                   help=f"CPU threads, 1-{MAX_THREADS} (default 2)")
    p.add_argument("--scores", action="store_true", help="also print every label's score")
    p.add_argument("text", nargs="*", help="utterances; none: read one per line from stdin")
    p.set_defaults(func=_classify)


def _classify(args: argparse.Namespace) -> int:
    """Every utterance gets one output line; a bad one (not UTF-8, longer than
    MAX_TEXT_CHARS, a line over MAX_LINE_BYTES) gets ``{"line", "error"}`` and the
    rest go on; exit 2 when any was bad (docs/input-limits.md)."""
    from device.intent import IntentModel

    model = IntentModel.load(args.model, threads=args.threads)

    def emit(text: str) -> None:
        decode_utf8(text, "the utterance")  # argv keeps undecodable bytes as surrogates
        if len(text) > MAX_TEXT_CHARS:
            raise InputRejected("too_large", f"the utterance is {len(text)} characters "
                                f"(limit {MAX_TEXT_CHARS})")
        result = model.classify(text)
        obj = result.to_json()
        if args.scores:
            obj["scores"] = {k: round(v, 4) for k, v in result.scores.items()}
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def refuse(where: str, n: int, exc: InputRejected) -> None:
        sys.stdout.write(json.dumps({where: n, "error": exc.message}) + "\n")
        sys.stdout.flush()
        print(f"eldercare: error: {where} {n}: {exc.message}", file=sys.stderr)

    bad = 0
    if args.text:
        for n, text in enumerate(args.text, 1):
            try:
                emit(text)
            except InputRejected as exc:
                bad += 1
                refuse("arg", n, exc)
    else:
        from health.limits import read_lines

        for n, line in read_lines(sys.stdin.buffer, MAX_LINE_BYTES):
            try:
                if isinstance(line, InputRejected):
                    raise line
                if line.strip():
                    emit(line.strip())
            except InputRejected as exc:
                bad += 1
                refuse("line", n, exc)
    return 2 if bad else 0
