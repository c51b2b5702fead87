"""Fit the hybrid's FastRule on the dev part of the spoken command set (never the test part).

    eldercare bench speech --part dev --engines pocketsphinx whisper-base --no-human \\
        --out DIR --prefix dev
    python -m bench.fit_fast_rule DIR/dev_rows.jsonl --out bench/speech_results/hybrid_rule.json

For every clip the dev run holds the fast path's own decode (the ``pocketsphinx`` engine:
the same domain decoder and settings as the hybrid's fast path, clips in the same order)
and Whisper base's. Each candidate rule is replayed as speech.asr_hybrid.HybridRecognizer
decides (a safety sign: the fast transcript at once; sure: the fast transcript; else
Whisper's, with the fast path's safety hypotheses first among its alternatives) and the
transcript it would return is decided by a real device.pipeline.Assistant. The rule kept
answers the most clips on the fast path while, on the clips it is sure of, deciding as
well as Whisper does and missing no call for help or fall.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from speech.asr import Transcript
from speech.asr_hybrid import FastRule
from speech.command_set import SAFETY

__all__ = ["candidates", "fit", "main"]


def candidates() -> list[FastRule]:
    confs = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 2.0]
    return [FastRule(min_conf=c, min_word_conf=w, min_words=n, agree_nbest=a)
            for c, w, n, a in itertools.product(confs, [0.0, 0.3, 0.5, 0.7], [1, 2, 3],
                                                [True, False])]


def _right(r: dict[str, Any], alert: bool, asked: bool, decided: str) -> bool:
    if r["intent"] in SAFETY:
        return alert or asked
    return not (alert or asked) and decided == r["intent"]


def fit(rows: list[dict[str, Any]], intent_model: str | None = None) -> dict[str, Any]:
    """The rule chosen on `rows` (a dev run's rows) and every candidate's figures."""
    from bench.speech_commands import decide_transcript, row_transcript
    from device.intent import IntentModel
    from device.safety import safety_label_of_words
    from speech.asr_hybrid import merge_hypotheses, safety_hypotheses

    model = IntentModel.load(intent_model, threads=2)
    fast = {r["file"]: r for r in rows if r["engine"] == "pocketsphinx" and r["set"] ==
            "commands"}
    slow = {r["file"]: r for r in rows if r["engine"] == "whisper-base" and r["set"] ==
            "commands"}
    files = sorted(set(fast) & set(slow))
    if not files:
        raise ValueError("the rows hold no clip decoded by both pocketsphinx and whisper-base")
    clips = []
    for f in files:
        fr, sr = fast[f], slow[f]
        tr = row_transcript(fr)
        signs = safety_hypotheses(tr, safety_label_of_words)
        fast_tr = Transcript(tr.text, tr.seconds, 0.0, tr.words, tr.confidence, "hybrid",
                             merge_hypotheses(signs, tr.alternatives, exclude=tr.text))
        fast_dec = decide_transcript(model, fast_tr)
        slow_tr = Transcript(sr["heard"], sr["seconds"], 0.0, [], sr["confidence"], "hybrid",
                             merge_hypotheses([], sr["alternatives"], exclude=sr["heard"]))
        slow_dec = decide_transcript(model, slow_tr) if not signs else fast_dec
        clips.append({"row": fr, "tr": tr, "signs": bool(signs),
                      "fast_ok": _right(fr, *fast_dec), "slow_ok": _right(fr, *slow_dec),
                      "fast_flag": fast_dec[0] or fast_dec[1],
                      "slow_flag": slow_dec[0] or slow_dec[1]})
    others = [c for c in clips if c["row"]["intent"] not in SAFETY]
    results = []
    for rule in candidates():
        sure = [c for c in clips if not c["signs"] and rule.sure(c["tr"])]
        fast_path = [c for c in clips if c["signs"] or rule.sure(c["tr"])]
        ok = sum(c["fast_ok"] if (c["signs"] or rule.sure(c["tr"])) else c["slow_ok"]
                 for c in clips)
        flagged = sum((c["fast_flag"] if (c["signs"] or rule.sure(c["tr"])) else
                       c["slow_flag"]) for c in others)
        missed = sum(not c["fast_ok"] for c in sure if c["row"]["intent"] in SAFETY)
        results.append({
            "rule": {"min_conf": rule.min_conf, "min_word_conf": rule.min_word_conf,
                     "min_words": rule.min_words, "agree_nbest": rule.agree_nbest},
            "sure_share": round(len(sure) / len(clips), 4),
            "fast_share": round(len(fast_path) / len(clips), 4),
            "sure_fast_accuracy": round(sum(c["fast_ok"] for c in sure) / len(sure), 4)
            if sure else None,
            "sure_whisper_accuracy": round(sum(c["slow_ok"] for c in sure) / len(sure), 4)
            if sure else None,
            "sure_safety_missed": missed,
            "hybrid_accuracy": round(ok / len(clips), 4),
            "hybrid_false_safety": round(flagged / len(others), 4) if others else None,
        })
    allowed = [r for r in results if r["sure_safety_missed"] == 0 and (
        r["sure_fast_accuracy"] is None or
        r["sure_fast_accuracy"] >= (r["sure_whisper_accuracy"] or 0.0))]
    best = max(allowed, key=lambda r: (r["sure_share"], r["hybrid_accuracy"],
                                       r["rule"]["min_conf"]))
    whisper_only = sum(c["slow_ok"] if not c["signs"] else c["fast_ok"] for c in clips)
    return {"clips": len(clips), "safety_clips": len(clips) - len(others),
            "fast_safety_share": round(sum(c["signs"] for c in clips) / len(clips), 4),
            "fast_safety_on_other_clips": round(sum(c["signs"] for c in others) /
                                                len(others), 4) if others else None,
            "accuracy_fast_alone": round(sum(c["fast_ok"] for c in clips) / len(clips), 4),
            "accuracy_signs_then_whisper": round(whisper_only / len(clips), 4),
            "chosen": best, "candidates": results}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fit_fast_rule",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=Path, help="dev run rows (PREFIX_rows.jsonl)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--intent-model", default=None)
    args = ap.parse_args(argv)
    from bench.speech_commands import command_rows

    try:
        rows = [*command_rows(args.rows, "pocketsphinx"), *command_rows(args.rows, "whisper-base")]
        res = fit(rows, args.intent_model)
    except ValueError as exc:
        print(f"fit_fast_rule: error: {exc}", file=sys.stderr)
        return 2
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in res.items() if k != "candidates"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
