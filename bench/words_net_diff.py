"""What a change to the device's safety words (device.safety) moves, on every sentence the
project holds.

    python -m bench.words_net_diff --base REV [--json OUT]
    python -m bench.words_net_diff --base-file OLD_SAFETY.py [--json OUT]

The reading of the device's safety words of the working tree is compared with the one of
`--base` (a git revision: its device/safety.py) or of `--base-file`: the label the words net
gives (`device.safety.safety_label_of_words`), else "no call" where the sentence denies a
call, uses its words in a figure of speech or tells of a fall long past
(`is_negated_call`: never alerted nor asked about), else "mention" where its call words only
mention a place, a passing ambulance or an illness being got over (`is_mention`, where the
file has it: the model's alert is asked about first), else nothing. On:

- the intent data, every split (`compress.dataset.load_examples("en")`), with its labels;
- the challenge set (compress/challenge_en.jsonl), with its labels;
- the figures of speech and their literal neighbours (compress/figures_en.jsonl) and the
  held-out everyday sentences (compress/figures_heldout_en.jsonl,
  compress/figures_heldout2_en.jsonl and on: every compress/figures*_en.jsonl), labelled;
- the recognizer hypotheses of the training sentences (compress/data/asr/*.jsonl): each
  hypothesis and its alternatives, with the label of the sentence said;
- the committed spoken runs' transcripts (bench/speech_results/*_rows.jsonl): each
  1-best, its alternatives, the fast path's and Whisper's second opinion's, with the label
  of the sentence said.

Each distinct text is read once. A text whose reading changed is counted as a call (every
source that holds it says a safety label), another sentence (none does) or both (a
recognizer made the same words of a call and of another sentence). A rule meant for calls
should move calls only: `other` and `both` list what it would also flag, and the command
exits 1 when either holds a text (0 when only calls moved, 2 on bad input). Ends with one
JSON line; `--json` writes the whole result (docs/safety-path.md uses it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.results import read_jsonl

__all__ = ["Reader", "corpus", "diff", "load_base", "main", "reading"]

ROOT = Path(__file__).resolve().parents[1]
Reader = Callable[[str], "str | None"]


def load_base(rev: str | None = None, path: str | Path | None = None) -> ModuleType:
    """device/safety.py as it was at git revision `rev`, or the file at `path`, loaded as a
    module of its own.

    Raises:
        ValueError: neither or both given, an unknown revision, a file that is not there or
            has no words net.
    """
    if (rev is None) == (path is None):
        raise ValueError("give a base revision or a base file, not both")
    if rev is not None:
        where = f"device/safety.py at {rev}"
        try:
            text = subprocess.run(["git", "show", f"{rev}:device/safety.py"], cwd=ROOT,
                                  check=True, capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            err = getattr(exc, "stderr", "") or str(exc)
            raise ValueError(f"cannot read {where}: {err.strip()}") from exc
    else:
        file = Path(path)  # type: ignore[arg-type]
        if not file.is_file():
            raise ValueError(f"base file not found: {file}")
        where, text = str(file), file.read_text(encoding="utf-8")
    module = ModuleType("words_net_base")
    exec(compile(text, where, "exec"), module.__dict__)  # noqa: S102 - the project's own file
    if not callable(getattr(module, "safety_label_of_words", None)):
        raise ValueError(f"{where} has no safety_label_of_words")
    return module


def reading(module: Any) -> Reader:
    """What a device/safety.py (the working tree's ``device.safety`` or a :func:`load_base`
    module) makes of a text: the words net's label, "no call", "mention" or None (module
    doc)."""
    mention = getattr(module, "is_mention", None)

    def read(text: str) -> str | None:
        label = module.safety_label_of_words(text)
        if label is not None:
            return str(label)
        if module.is_negated_call(text):
            return "no call"
        if mention is not None and mention(text):
            return "mention"
        return None

    return read


def corpus(root: Path = ROOT) -> dict[str, dict[str, Any]]:
    """text -> {"labels": set of labels said, "sources": set of source names, "splits":
    set of intent-data splits} over every source of the module doc."""
    from compress.dataset import load_examples

    out: dict[str, dict[str, Any]] = {}

    def add(text: str, label: str | None, source: str, split: str | None = None) -> None:
        if not text or not text.strip():
            return
        entry = out.setdefault(text, {"labels": set(), "sources": set(), "splits": set()})
        if label:
            entry["labels"].add(label)
        entry["sources"].add(source)
        if split:
            entry["splits"].add(split)

    for ex in load_examples("en"):
        add(ex.text, ex.intent, "intent data", ex.split)
    # the challenge set, then every figures file: figures_en, figures_heldout, ..._heldout6
    # (each named by its file, without "_en.jsonl")
    measuring = [root / "compress" / "challenge_en.jsonl",
                 *sorted((root / "compress").glob("figures*_en.jsonl"))]
    for path in measuring:
        if path.is_file():
            source = "challenge" if path.name == "challenge_en.jsonl" else \
                path.name.removesuffix("_en.jsonl")
            for row in read_jsonl(path):
                add(row["text"], row.get("intent"), source)
    for path in sorted((root / "compress" / "data" / "asr").glob("*.jsonl")):
        for row in read_jsonl(path):
            for t in (row.get("text", ""), *row.get("alternatives", [])):
                add(t, row.get("intent"), f"hypotheses:{path.name}")
    for path in sorted((root / "bench" / "speech_results").glob("*_rows.jsonl")):
        for row in read_jsonl(path):
            if row.get("set") not in (None, "commands"):
                continue
            fast = row.get("fast") or {}
            second = row.get("second_opinion") or {}  # Whisper's, on a fast-path question
            for t in (row.get("heard", ""), *(row.get("alternatives") or []),
                      fast.get("heard", ""), *(fast.get("alternatives") or []),
                      second.get("heard") or "", *(second.get("alternatives") or [])):
                add(t, row.get("intent"), f"spoken:{path.name}")
    return out


def diff(new: Reader, old: Reader, texts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every text whose reading differs between `old` and `new`, by kind (see module doc)."""
    from device.labels import SAFETY_LABELS

    changed: dict[str, list[dict[str, Any]]] = {"call": [], "other": [], "both": []}
    for text in sorted(texts):
        before, after = old(text), new(text)
        if before == after:
            continue
        labels = texts[text]["labels"]
        calls = {lab in SAFETY_LABELS for lab in labels}
        kind = "call" if calls == {True} else "other" if calls == {False} else "both"
        changed[kind].append({"text": text, "before": before, "after": after,
                              "labels": sorted(labels), "splits": sorted(texts[text]["splits"]),
                              "sources": sorted(texts[text]["sources"])})
    splits: dict[str, int] = {}
    for row in changed["call"]:
        for split in row["splits"]:
            splits[split] = splits.get(split, 0) + 1
    return {"texts": len(texts), "changed": sum(len(v) for v in changed.values()),
            "counts": {k: len(v) for k, v in changed.items()},
            "intent_data_calls_by_split": splits, **changed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.words_net_diff",
                                 description=__doc__.split("\n\n")[0])
    base = ap.add_mutually_exclusive_group(required=True)
    base.add_argument("--base", metavar="REV", help="git revision of the words net before")
    base.add_argument("--base-file", type=Path, metavar="PATH",
                      help="a device/safety.py of before")
    ap.add_argument("--json", type=Path, default=None, help="write the whole result here")
    args = ap.parse_args(argv)
    try:
        old = load_base(args.base, args.base_file)
    except ValueError as exc:
        print(f"words_net_diff: error: {exc}", file=sys.stderr)
        return 2
    from device import safety

    result = {"base": args.base or str(args.base_file),
              **diff(reading(safety), reading(old), corpus())}
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps({k: result[k] for k in (
        "base", "texts", "changed", "counts", "intent_data_calls_by_split")}) + "\n")
    return 0 if not (result["other"] or result["both"]) else 1


if __name__ == "__main__":
    sys.exit(main())
