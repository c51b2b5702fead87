"""What "the fast path alerts at once only when the model is sure" would do, on spoken runs.

    python -m bench.fast_alert_rule ROWS [ROWS ...] [--intent-model DIR] [--json OUT]

The hybrid's fast path returns at once when one of its hypotheses carries a call's plain
words, and the device alerts at once when the model agrees (a safety label at or above its
ask threshold; docs/safety-path.md, "The decision", step 2). The candidate rule: such a
clip alerts at once only when the model's safety probability on the hypothesis that was
decided reaches its alert threshold; under it the device asks (the call is still caught;
with no answer the question's timeout alerts). For each run's recorded transcripts
(``*_rows.jsonl``; decided again with the current code and model, as
``bench.speech_redecide`` does) it counts the fast path's alerts at once on calls and on
other sentences, and how many of each the rule would turn into questions, with their
sentences. Nothing is changed on the device. Prints one JSON line, or writes ``--json``
(docs/speech.md, "The training-only figures and the second held-out file, spoken").

``--whisper``: a second policy, "ask at once, and alert as soon as Whisper agrees". Each
clip that the fast path alerted at once with the model under its alert threshold is
decoded by Whisper (``speech.asr_whisper``, the device's model and decode, as
``bench.whisper_variants`` decodes) from the run's own clips (generated again from its
sentences: the command set's part, or ``ROWS=FILE`` for a run made from a file of
sentences; each clip's sentence is checked against the row), and a fresh device decides
Whisper's own transcript (its 1-best and n-best, without the fast path's hypotheses):
Whisper agrees when that alerts at once. Per run: how many of those clips Whisper agrees on,
calls and others, and its decode time (p50/p95), the delay such an alert would add.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["unsure_fast_alerts", "measure", "whisper_agrees", "main"]


def unsure_fast_alerts(rows: list[dict[str, Any]], model: Any
                       ) -> list[tuple[dict[str, Any], float]]:
    """The rows the fast path alerted at once with the model's best safety probability on
    the decided hypothesis under that label's alert threshold, each with that probability
    (scored one at a time, as the device scores)."""
    from device.labels import SAFETY_LABELS

    thresholds = model.safety_thresholds
    if not thresholds:
        raise ValueError("the intent model has no safety_thresholds: no alert threshold")
    out = []
    for r in rows:
        if not (r["alert"] and r["path"] == "fast-safety"):
            continue
        p = model.probabilities([r["hypothesis"]])[0]
        label, ps = max(((lab, float(p[model.labels.index(lab)])) for lab in SAFETY_LABELS
                         if lab in thresholds), key=lambda kv: kv[1])
        if ps < thresholds[label][0]:
            out.append((r, ps))
    return out


def measure(rows: list[dict[str, Any]], unsure: list[tuple[dict[str, Any], float]]
            ) -> dict[str, Any]:
    """The rule's figures on one run's rows (already decided with the model that
    :func:`unsure_fast_alerts` scored `unsure` with)."""
    from speech.command_set import SAFETY

    out: dict[str, Any] = {"clips": len(rows)}
    for kind, is_call in (("calls", True), ("others", False)):
        group = [r for r in rows if (r["intent"] in SAFETY) == is_call]
        moved = [{"said": r["ref"], "heard": r["hypothesis"], "p": round(ps, 4)}
                 for r, ps in unsure if (r["intent"] in SAFETY) == is_call]
        out[kind] = {"clips": len(group), "alerted_at_once": sum(r["alert"] for r in group),
                     "caught": sum(bool(r["alert"] or r["asked"]) for r in group),
                     "fast_path_alerted_at_once": sum(r["alert"] and r["path"] == "fast-safety"
                                                      for r in group),
                     "rule_would_ask_instead": len(moved), "would_ask": moved}
    return out


def _clips(path: Path, files: dict[str, str]) -> Path:
    """The folder of the run's clips, generated again from its sentences."""
    from bench.speech_commands import clips_dir
    from compress.dataset import read_jsonl, read_txt_sentences
    from speech.command_set import command_sentences

    if path.name in files or str(path) in files:
        src = Path(files.get(path.name) or files[str(path)])
    else:
        meta = json.loads(path.with_name(path.name.replace("_rows.jsonl", ".json")).read_text())
        part = str(meta.get("part", ""))
        if part in ("dev", "test"):
            return clips_dir(command_sentences(bool(meta.get("quick")), every=meta.get("every"),
                                               part=part))
        src = Path("compress") / part.removeprefix("file:")
    if src.suffix == ".txt":
        return clips_dir(read_txt_sentences(src))
    return clips_dir([(e.text, e.intent) for e in read_jsonl(src, need_split=False)])


def whisper_agrees(unsure: list[tuple[dict[str, Any], float]], model: Any, clips: Path,
                   whisper_model: str | None = None) -> dict[str, Any]:
    """Whisper's verdict on each fast-path alert at once that the model is unsure of."""
    import statistics
    import time

    from tqdm import tqdm

    from bench.speech_commands import CHUNK_MS, decide_transcript
    from speech.asr import create_recognizer, transcribe_clip
    from speech.audio import read_wav
    from speech.command_set import SAFETY

    manifest = {m["file"]: m for m in map(json.loads, (clips / "manifest.jsonl").read_text(
        encoding="utf-8").splitlines())}
    todo = [r for r, _ in unsure]  # the sure ones alert at once under either policy
    for r in todo:
        if manifest.get(r["file"], {}).get("text") != r["ref"]:
            raise ValueError(f"{clips}: {r['file']} is not the clip of {r['ref']!r}")
    rec = create_recognizer("whisper", whisper_model, threads=2)
    out: dict[str, Any] = {"calls": [], "others": []}
    times: list[float] = []
    for r in tqdm(todo, desc=f"whisper {clips.name}", unit="clip", leave=False):
        clip = read_wav(clips / r["file"])
        t0 = time.perf_counter()
        tr = transcribe_clip(rec, clip, CHUNK_MS, pad_s=0.0)
        times.append((time.perf_counter() - t0) * 1000)
        alert, asked, _ = decide_transcript(model, tr)
        kind = "calls" if r["intent"] in SAFETY else "others"
        out[kind].append({"said": r["ref"], "fast": r["hypothesis"], "whisper": tr.text,
                          "agrees": alert, "asks": asked and not alert})
    return {"unsure_fast_alerts": len(todo),
            **{f"{k}_agreed": sum(x["agrees"] for x in v) for k, v in out.items()},
            **{f"{k}_unsure": len(v) for k, v in out.items()},
            "decode_ms_p50": round(statistics.median(times), 1) if times else None,
            "decode_ms_p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 1)
            if times else None, "clips": out}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.fast_alert_rule", description=__doc__.split("\n")[0])
    p.add_argument("rows", nargs="+", help="a spoken run's *_rows.jsonl")
    p.add_argument("--intent-model", default=None, help="model folder (default shipped)")
    p.add_argument("--json", default=None, metavar="OUT", help="write the result here")
    p.add_argument("--whisper", action="store_true",
                   help="decode the unsure fast-path alerts with Whisper: does it agree?")
    p.add_argument("--sentences", action="append", default=[], metavar="ROWS=FILE",
                   help="with --whisper: the sentences a run was spoken from (default: its "
                        "JSON's part: the command set's, or compress/<file>)")
    args = p.parse_args(argv)
    files = dict(x.split("=", 1) for x in args.sentences if "=" in x)
    from bench.speech_commands import redecide
    from device.intent import IntentModel

    # spoken turns' thresholds (config.json's spoken_ask, its alert too): the fast path's
    # words are a spoken turn
    model = IntentModel.load(args.intent_model, threads=2).spoken()
    result: dict[str, Any] = {"intent_model": args.intent_model or "shipped",
                              "alert_threshold": {k: v[0] for k, v in
                                                  (model.safety_thresholds or {}).items()},
                              "runs": {}}
    for path in map(Path, args.rows):
        try:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip()]
        except (OSError, ValueError) as exc:
            p.error(f"cannot read {path}: {exc}")
        rows = [r for r in rows if r.get("engine") == "hybrid"]
        if not rows:
            p.error(f"{path}: no rows of the hybrid engine")
        decided = redecide(rows, args.intent_model)
        try:
            unsure = unsure_fast_alerts(decided, model)
        except ValueError as exc:
            p.error(str(exc))
        result["runs"][path.name] = measure(decided, unsure)
        if args.whisper:
            try:
                clips = _clips(path, files)
                result["runs"][path.name]["whisper"] = whisper_agrees(unsure, model, clips)
            except (OSError, ValueError, LookupError) as exc:
                p.error(f"{path}: {exc}")
    text = json.dumps(result, indent=2)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    summary = {name: {**{k: (run[k]["fast_path_alerted_at_once"],
                             run[k]["rule_would_ask_instead"]) for k in ("calls", "others")},
                      **({k: run["whisper"][k] for k in ("calls_agreed", "others_agreed",
                                                         "decode_ms_p95")}
                         if "whisper" in run else {})}
               for name, run in result["runs"].items()}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
