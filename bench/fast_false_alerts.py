"""The fast path's false alerts at once, on more spoken sentences than the benchmark's two
parts hold, and rules that would have it ask first.

    python -m bench.fast_false_alerts [--limit N] [--out FILE]

The hybrid recognizer (speech.asr_hybrid) returns the fast path's transcript at once when
one of its hypotheses carries plain safety words, and the device alerts at once when the
model agrees: an emergency never waits for Whisper. The spoken benchmark's parts hold about
100 ordinary sentences each, too few to see how often that alerts on nothing. Here:

- the ordinary (non-safety) sentences of the intent test split that neither spoken part
  uses (the other four in six: speech.command_set.command_sentences takes the first and the
  fourth), each spoken twice under the rotating voices, rates and room noise of
  speech.command_set.generate (seeds 100 and 101), and decoded by the fast path alone (the
  ``pocketsphinx`` engine: the hybrid's domain decoder and settings, clips in order). A clip
  with a safety sign is decided by a fresh device (device.pipeline.Assistant) on the
  transcript the hybrid returns (speech.asr_hybrid.fast_transcript), twice: with
  ``asr.fast_torn_signs_ask`` (the default: a sign that some hypothesis of the fast path's
  n-best lacks is asked about) and without it (the fast path alerts on any sign the model
  agrees with); the others would go to Whisper and are not decoded;
- the fast path's calls for help alerted at once in the committed runs of both parts
  (``dev_hybrid_rows.jsonl``, ``commands_idle_rows.jsonl``): what each rule would cost.

Candidate rules, each "the fast path alerts at once only when ..., else it asks", scored
on the signs alerted at once without the torn rule: the mean word posterior of its 1-best
at least a bar; the least posterior of the words that make the call
(device.safety.safety_word_indices) at least a bar; every hypothesis of its n-best carrying
safety words (the torn rule). Writes the JSON and a PNG beside it (docs/speech.md, "The
fast path's false alerts at once").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bench.results import write_png

__all__ = ["BARS", "candidates", "decode_others", "fit_sentences", "main"]

BARS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
RESULTS = Path("bench/speech_results")
OUT = RESULTS / "fast_false_alerts.json"
PARTS = {"dev": RESULTS / "dev_hybrid_rows.jsonl", "test": RESULTS / "commands_idle_rows.jsonl"}


def fit_sentences(limit: int | None = None) -> list[tuple[str, str]]:
    """Ordinary sentences of the intent test split that neither spoken part uses."""
    from compress.dataset import load_examples
    from speech.command_set import SAFETY

    rows = [(e.text, e.intent) for e in load_examples("en") if e.split == "test"]
    rest = [r for r in rows if r[1] not in SAFETY]
    out = [r for k in (1, 2, 4, 5) for r in rest[k::6]]
    return out[:limit] if limit else out


def decode_others(sentences: Sequence[tuple[str, str]], model: Any) -> list[dict[str, Any]]:
    """One row per clip: the fast path's transcript and, for a clip with a safety sign, the
    device's decision (intent model `model`) on what the hybrid would return."""
    from bench.speech_commands import CHUNK_MS, decide_transcript
    from device.safety import safety_label_of_words
    from speech.asr import create_recognizer, transcribe_clip
    from speech.asr_hybrid import fast_transcript, safety_hypotheses
    from speech.command_set import generate

    rec = create_recognizer("pocketsphinx")
    rows: list[dict[str, Any]] = []
    passes = [(list(sentences), 100), (list(sentences)[::-1], 101)]
    with tqdm(total=2 * len(sentences), desc="fast path on other sentences",
              unit="clip") as bar:
        for sents, seed in passes:
            for cmd in generate(sents, seed=seed, safety_all_voices=False):
                fast = transcribe_clip(rec, cmd.audio, CHUNK_MS, pad_s=0.0)  # no padding
                signs = safety_hypotheses(fast, safety_label_of_words)
                row: dict[str, Any] = {
                    "ref": cmd.text, "intent": cmd.intent, "voice": cmd.voice,
                    "rate_wpm": cmd.rate_wpm, "snr_db": cmd.snr_db, "heard": fast.text,
                    "alternatives": list(fast.alternatives), "confidence": fast.confidence,
                    "word_conf": [w.conf for w in fast.words], "signs": signs,
                    "alert": False, "asked": False, "alert_torn_ask": False,
                    "asked_torn_ask": False}
                if signs:  # as the hybrid returns it, torn signs alerted / asked about
                    for torn_ask, key in ((False, ""), (True, "_torn_ask")):
                        row[f"alert{key}"], row[f"asked{key}"], _ = decide_transcript(
                            model, fast_transcript(fast, signs, torn_signs_ask=torn_ask))
                rows.append(row)
                bar.update(1)
    return rows


def _features(row: dict[str, Any]) -> dict[str, Any]:
    """What the candidate rules read from a fast-path row: mean and safety-word posteriors,
    and whether every hypothesis carries safety words."""
    from device.safety import safety_label_of_words, safety_word_indices

    word_conf = row["word_conf"]
    conf = [c for c in word_conf if c is not None]
    aligned = len(row["heard"].split()) == len(word_conf)  # posteriors word by word
    said = [word_conf[i] for i in safety_word_indices(row["heard"])
            if aligned and word_conf[i] is not None]
    hyps = [h for h in [row["heard"], *row["alternatives"]] if h.strip()]
    return {"mean": row["confidence"] if row["confidence"] is not None else
            (sum(conf) / len(conf) if conf else 0.0),
            "words": min(said) if said else 0.0,
            "unanimous": all(safety_label_of_words(h) is not None for h in hyps)}


def _at_least(key: str, bar: float) -> Callable[[dict[str, Any]], bool]:
    return lambda f: float(f[key]) >= bar


def candidates(others: list[dict[str, Any]], calls: dict[str, list[dict[str, Any]]]
               ) -> list[dict[str, Any]]:
    """Each rule: false alerts at once it keeps on `others`, and per part how many of the
    fast path's calls alerted at once it would ask about instead."""
    false = [_features(r) for r in others if r["alert"]]
    part_calls = {part: [_features(r) for r in rows] for part, rows in calls.items()}
    rules: list[tuple[str, float | None, Callable[[dict[str, Any]], bool]]] = [
        ("none", None, lambda f: True)]
    rules += [("mean_posterior", b, _at_least("mean", b)) for b in BARS]
    rules += [("call_words_posterior", b, _at_least("words", b)) for b in BARS]
    rules += [("unanimous_nbest", None, lambda f: bool(f["unanimous"]))]
    out = []
    for name, bar, keeps in rules:
        out.append({"rule": name, "bar": bar,
                    "false_alerts_kept": sum(keeps(f) for f in false),
                    **{f"{part}_calls_asked_instead": sum(not keeps(f) for f in fs)
                       for part, fs in part_calls.items()}})
    return out


def _fast_calls(path: Path, model: Any) -> list[dict[str, Any]]:
    """The calls of a committed run that the fast path alerts at once on without the torn
    rule, as the fast path heard them (each row's ``fast``: speech runs record it)."""
    from bench.speech_commands import command_rows, decide_transcript, row_transcript
    from device.safety import safety_label_of_words
    from speech.asr_hybrid import fast_transcript, safety_hypotheses
    from speech.command_set import SAFETY

    out = []
    for r in command_rows(path, "hybrid"):
        if r.get("intent") not in SAFETY or "fast" not in r:
            continue
        fast = row_transcript({**r["fast"], "seconds": r["seconds"]}, "hybrid")
        signs = safety_hypotheses(fast, safety_label_of_words)
        if signs and decide_transcript(model, fast_transcript(fast, signs,
                                                              torn_signs_ask=False))[0]:
            out.append(r["fast"])
    return out


def run(limit: int | None = None, intent_model: str | None = None,
        parts: dict[str, Path] | None = None) -> dict[str, Any]:
    from bench.machine import machine_info
    from device.intent import IntentModel

    t0 = time.perf_counter()
    model = IntentModel.load(intent_model, threads=2)
    sentences = fit_sentences(limit)
    others = decode_others(sentences, model)
    calls = {part: _fast_calls(p, model) for part, p in (parts or PARTS).items()}
    flagged = [r for r in others
               if r["alert"] or r["asked"] or r["alert_torn_ask"] or r["asked_torn_ask"]]
    return {
        "bench": "fast_false_alerts", "sentences": len(sentences), "clips": len(others),
        "fast_safety": sum(bool(r["signs"]) for r in others),
        "false_alerts_at_once": sum(r["alert"] for r in others),
        "false_questions": sum(r["asked"] and not r["alert"] for r in others),
        "torn_signs_ask": {
            "false_alerts_at_once": sum(r["alert_torn_ask"] for r in others),
            "false_questions": sum(r["asked_torn_ask"] and not r["alert_torn_ask"]
                                   for r in others)},
        "fast_calls_alerted_at_once": {part: len(rows) for part, rows in calls.items()},
        "candidates": candidates(others, calls),
        "flagged": [{k: r[k] for k in ("ref", "heard", "alert", "asked", "alert_torn_ask",
                                       "asked_torn_ask", "confidence", "voice", "snr_db")}
                    for r in flagged],
        "wall_s": round(time.perf_counter() - t0, 1), "machine": machine_info(),
    }


def _draw(result: dict[str, Any]) -> Callable[[Any], None]:
    def draw(ax: Any) -> None:
        total = result["false_alerts_at_once"]
        for rule, marker in (("mean_posterior", "o-"), ("call_words_posterior", "s-")):
            pts = [c for c in result["candidates"] if c["rule"] == rule]
            ax.plot([c["dev_calls_asked_instead"] for c in pts],
                    [total - c["false_alerts_kept"] for c in pts], marker,
                    label=f"{rule.replace('_', ' ')} (bars {BARS[0]:g}-{BARS[-1]:g})")
        for c in result["candidates"]:
            if c["rule"] == "unanimous_nbest":
                ax.plot([c["dev_calls_asked_instead"]], [total - c["false_alerts_kept"]],
                        "k^", label="every n-best hypothesis carries the words")
        n_calls = result["fast_calls_alerted_at_once"].get("dev", 0)
        ax.set_xlabel(f"dev calls asked about instead (of {n_calls} the fast path alerts "
                      "at once)")
        ax.set_ylabel(f"false alerts at once removed (of {total})")
        ax.set_title(f"Fast path: {total} false alerts at once in {result['clips']} "
                     "ordinary clips")
        ax.legend(fontsize=8)

    return draw


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fast_false_alerts",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--intent-model", default=None, help="model folder (default shipped)")
    ap.add_argument("--out", type=Path, default=OUT, help="JSON out (a PNG goes beside it)")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        print("fast_false_alerts: error: --limit must be >= 1", file=sys.stderr)
        return 2
    missing = [str(p) for p in PARTS.values() if not p.is_file()]
    if missing:
        print(f"fast_false_alerts: error: no committed speech run at {', '.join(missing)}",
              file=sys.stderr)
        return 2
    result = run(args.limit, args.intent_model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    write_png(args.out.stem, _draw(result), args.out.parent)
    print(json.dumps({k: result[k] for k in ("clips", "fast_safety", "false_alerts_at_once",
                                             "false_questions", "torn_signs_ask",
                                             "fast_calls_alerted_at_once")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
