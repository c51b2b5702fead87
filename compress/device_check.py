"""The challenge set through the device: what a resident would get, utterance by utterance.

    python -m compress.device_check [--model DIR] [--split challenge|train|dev|test]
        [--file ROWS.jsonl] [--json OUT] [--set SECTION.KEY=VALUE ...]

Every challenge utterance (compress/challenge_<lang>.jsonl; or of a split of the intent
data, or of ``--file``: JSON lines with "text" and "intent", such as
compress/figures_en.jsonl, figures of speech and their literal neighbours, docs/safety-path.md)
goes, typed, through a fresh
real ``device.pipeline.Assistant`` (the real DialogueManager and safety decision with the
example config's settings, or those with ``--set`` in place, e.g.
``safety.typed_words_floor=0.05``; an ActionExecutor with no broker) and the shipped model or
``--model``. Counts, for the non-safety utterances, call-for-help alerts to the caregivers (goal 0;
a symptom report's own warning is not one) and safety questions (goal at most 3%); for the
safety ones, how many alert at once, are asked about, or pass unseen (goal none); and, by
route, why (`reasons`: the safety decision's reason, such as words, model, band or mention,
counted for calls and for other sentences; each listed sentence has its reason and the
safety label's probability). Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["device_check", "main"]


def _route(assistant: Any, text: str) -> str:
    """alert (a call-for-help alert at once), ask (the safety question) or answer. A symptom
    report's own warning to the caregivers is not a call for help and counts as an answer."""
    turn = assistant.respond(text)
    if any(a.kind == "alert" and a.data.get("type") != "symptom" for a in turn.reply.actions):
        return "alert"
    return "ask" if assistant.dialogue.pending_safety is not None else "answer"


def device_check(model_dir: str | Path | None = None, lang: str = "en",
                 threads: int = 2, split: str = "challenge",
                 file: str | Path | None = None,
                 sets: tuple[str, ...] = ()) -> dict[str, Any]:
    """Route every utterance of the challenge set (or of the dataset's `split`: train, dev
    or test; or of `file`, JSON lines with "text" and "intent") through a fresh device
    pipeline (the example config's settings, `sets` in place: "safety.confirm=false");
    figures and lists."""
    from compress.dataset import load_challenge, load_examples, read_jsonl
    from device.dialogue import DialogueManager
    from device.intent import IntentModel
    from device.labels import SAFETY_LABELS
    from device.pipeline import ActionExecutor, Assistant
    from device.settings import example_config_path, load_settings

    settings = load_settings(example_config_path(), sets=list(sets))
    model = IntentModel.load(model_dir, threads=threads)
    if file is not None:
        rows, split = read_jsonl(file, lang=lang, need_split=False), f"file:{Path(file).name}"
    elif split == "challenge":
        rows = load_challenge(lang)
    else:
        rows = [e for e in load_examples(lang) if e.split == split]
    if not rows:
        raise LookupError(f"no {split} utterances for language {lang!r}")
    routes: dict[str, list[dict[str, Any]]] = {"alert": [], "ask": [], "answer": []}
    safety_routes: dict[str, list[dict[str, Any]]] = {"alert": [], "ask": [], "answer": []}
    reasons: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, row in enumerate(rows):
            executor = ActionExecutor(settings.care_plan.resident,
                                      events_path=Path(tmp) / f"events-{i}.jsonl")
            assistant = Assistant(model, DialogueManager(settings.care_plan,
                                                         safety=settings.safety), executor)
            route = _route(assistant, row.text)
            call = row.intent in SAFETY_LABELS
            target = safety_routes if call else routes
            # why (device.safety_decision: words, model, band, mention, denied, ...) and the
            # safety label's probability behind it
            d = assistant.dialogue.confirmer.decision
            reason = d.reason if d is not None else "none"
            reasons[f"{'call' if call else 'other'} {route} {reason}"] += 1
            target[route].append({"text": row.text, "gold": row.intent, "reason": reason,
                                  "p": None if d is None or d.p is None else round(d.p, 4)})
    n_other = sum(len(v) for v in routes.values())
    n_safety = sum(len(v) for v in safety_routes.values())
    return {
        "model": str(model.model_dir), "split": split, "sets": list(sets),
        "n_other": n_other, "n_safety": n_safety,
        "other_alerts": len(routes["alert"]), "other_questions": len(routes["ask"]),
        "other_question_share": round(len(routes["ask"]) / max(1, n_other), 4),
        "safety_alerted": len(safety_routes["alert"]), "safety_asked": len(safety_routes["ask"]),
        "safety_missed": len(safety_routes["answer"]),
        "reasons": dict(sorted(reasons.items())),
        "lists": {"other_alerts": routes["alert"], "other_questions": routes["ask"],
                  "safety_asked": safety_routes["ask"],
                  "safety_missed": safety_routes["answer"]},
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m compress.device_check", description=__doc__)
    p.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    p.add_argument("--lang", default="en")
    p.add_argument("--split", default="challenge", choices=("challenge", "train", "dev", "test"),
                   help="which utterances (default: the challenge set)")
    p.add_argument("--file", default=None, metavar="ROWS.jsonl",
                   help="these utterances instead (JSON lines with text and intent)")
    p.add_argument("--json", dest="json_out", default=None, help="also write the lists here")
    p.add_argument("--set", dest="sets", action="append", default=[],
                   metavar="SECTION.KEY=VALUE", help="a device setting in place of the "
                   "example config's (repeatable)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        result = device_check(args.model, args.lang, split=args.split, file=args.file,
                              sets=tuple(args.sets))
    except (ValueError, OSError, LookupError) as exc:
        print(f"device_check: error: {exc}", file=sys.stderr)
        return 2
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps({k: v for k, v in result.items() if k != "lists"}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
