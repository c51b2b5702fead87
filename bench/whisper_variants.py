"""Ways of decoding with Whisper, measured on a committed hybrid run's own clips.

    python -m bench.whisper_variants bench/speech_results/dev_hybrid_rows.jsonl --part dev \\
        --variant "prompt=Could you turn the lights on, please?" --variant nbest=4 \\
        --variant denoise=1 [--variant beam=8;nbest=7] \\
        [--variant "second=tiny.en;second_below=0.74"] --out DIR

Every clip that the run's hybrid decided on Whisper's path is decoded again by Whisper
(``speech.asr_whisper``, the device's model and settings) once as the device decodes it,
the control, and once with each ``--variant``: ``KEY=VALUE`` pairs joined by ";" that
change the decode (``prompt``: an initial prompt, ``asr.whisper_prompt``; ``beam``,
``nbest``, ``min_window_s``: ``speech.asr_whisper.DecodeOptions``; ``denoise=1``: the fast
path's spectral gate, ``speech.denoise``, over the audio first). The clips the fast path
decided keep their recorded rows, since none of these reach them. The device's decision is
then taken again on each variant's rows (``bench.speech_commands.redecide``) and counted as
the benchmark counts it: word error rate of the Whisper-path clips, calls caught, false
safety, false alerts at once, decision accuracy, and Whisper's decode time (p50/p95 on
this machine, the variants one after another in one process).

A second opinion: ``second=MODEL`` ("tiny.en", "base" or a model folder) decodes each
clip again with that Whisper model after the first decode, and its 1-best (and
``second_nbest`` of its alternatives; 0 by default) follow the first model's alternatives,
each once (``row["second"]`` records what it heard and its time; the 1-best, and so the
word error rate, stay the first model's). The device reads them as it reads Whisper's
n-best: the decision is retaken with ``spoken.safety_from_alternatives`` widened by the
second's hypotheses (3 + 1 + ``second_nbest``), so an alternative raises a safety label
as before and asks, never alerts at once (no row of the committed dev run holds more than
3 alternatives: Whisper's n-best 3, the fast path's 2; so the wider window reads nothing
else there). ``second_below=C``: the second model decodes only the clips whose first
decode is unsure, its confidence (exp of the average token log-probability of its 1-best;
None, nothing heard, counts as unsure) below C. A second opinion's decode time is counted
into the variant's (the device would run it too, after the first), and ``second_clips``,
``second_ms_p50``/``p95`` give its own share.

The control must give the run's own figures (``control_matches_run``): the decode is then
the one the run made, and a difference between the control and a variant is the
variant's. Writes ``PREFIX.json``, ``PREFIX.png`` and each variant's rows
(``PREFIX_<n>_rows.jsonl``, n = 0 for the control) for ``bench.speech_redecide`` and
``bench.ask_curve`` (docs/speech.md, "Other ways to decode with Whisper").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.figures import percentile
from bench.speech_commands import CHUNK_MS, clips_dir, command_rows, heard_fields, redecide, summary
from speech.command_set import command_sentences

__all__ = ["KEYS", "main", "measure", "parse_variant", "plot", "recognizer",
           "second_recognizer", "second_sets", "whisper_rows"]

KEYS = {"prompt": str, "beam": int, "nbest": int, "min_window_s": float, "denoise": int,
        "second": str, "second_nbest": int, "second_below": float}
"""What a variant may change, and the type of its value."""
SECOND = ("second", "second_nbest", "second_below")
"""The keys of a second opinion (see module doc); the others are the first decode's."""


def parse_variant(text: str) -> dict[str, Any]:
    """"beam=8;nbest=7" -> {"beam": 8, "nbest": 7}; a prompt may hold "=" but not ";"."""
    out: dict[str, Any] = {}
    for part in text.split(";"):
        key, sep, value = part.partition("=")
        key = key.strip()
        if not sep or key not in KEYS:
            raise ValueError(f"variant {text!r}: each part is KEY=VALUE with KEY one of "
                             f"{', '.join(KEYS)}")
        if key in out:
            raise ValueError(f"variant {text!r} sets {key} twice")
        try:
            out[key] = KEYS[key](value.strip()) if key != "prompt" else value.strip()
        except ValueError:
            raise ValueError(f"variant {text!r}: {key} must be {KEYS[key].__name__}") from None
        if key == "prompt" and not out[key]:
            raise ValueError(f"variant {text!r}: an empty prompt is the control, always run")
    if any(k in out for k in SECOND):
        _check_second(text, out)
    return out


def _check_second(text: str, variant: dict[str, Any]) -> None:
    """A second opinion's keys make sense together (see module doc)."""
    if "second" not in variant:
        raise ValueError(f"variant {text!r}: second_nbest and second_below need second=MODEL")
    if not variant["second"].strip():
        raise ValueError(f"variant {text!r}: second needs a Whisper model (tiny.en, base or "
                         "a folder)")
    if variant.get("second_nbest", 0) < 0:
        raise ValueError(f"variant {text!r}: second_nbest must be >= 0")
    if not 0.0 < variant.get("second_below", 1.0) <= 1.0:
        raise ValueError(f"variant {text!r}: second_below must be a confidence in (0, 1]")
    window = _window()
    if variant.get("nbest", window) > window:
        # the second's hypotheses follow the first's: its own must be all the device reads
        raise ValueError(f"variant {text!r}: with second, nbest must be at most {window} "
                         "(spoken.safety_from_alternatives)")


def _window() -> int:
    """The alternatives the device's decision reads (``spoken.safety_from_alternatives`` of
    the settings `redecide` decides with)."""
    from device.settings import load_settings

    return int(load_settings(None).spoken.safety_from_alternatives)


def second_sets(variant: dict[str, Any]) -> tuple[str, ...]:
    """The device settings a variant's decision is retaken with: () but for a second
    opinion, whose hypotheses widen ``spoken.safety_from_alternatives`` (module doc)."""
    if "second" not in variant:
        return ()
    n = _window() + 1 + variant.get("second_nbest", 0)
    return (f"spoken.safety_from_alternatives={n}",)


def recognizer(variant: dict[str, Any], model: str | None, threads: int = 2) -> Any:
    """The Whisper recognizer of `variant` ({}: the device's decode); a bad option raises
    here (ValueError, or EngineUnavailable for a missing model)."""
    from speech.asr import create_recognizer

    opts = {"beam_size" if k == "beam" else k: v for k, v in variant.items()
            if k != "denoise" and k not in SECOND}
    return create_recognizer("whisper", model, threads=threads, **opts)


def second_recognizer(variant: dict[str, Any], threads: int = 2) -> Any:
    """The second opinion's Whisper recognizer of `variant` (None: it has none); the
    device's decode otherwise, with ``second_nbest`` alternatives."""
    if "second" not in variant:
        return None
    from speech.asr import create_recognizer

    return create_recognizer("whisper", variant["second"], threads=threads,
                             nbest=variant.get("second_nbest", 0))


def whisper_rows(rows: list[dict[str, Any]], clips: Path, rec: Any, denoise: bool = False,
                 desc: str = "", second: Any = None, second_below: float | None = None
                 ) -> tuple[list[dict[str, Any]], list[float]]:
    """The run's rows with each Whisper-path clip decoded again by `rec` (`recognizer`),
    through the spectral gate first with `denoise`, and by `second` (`second_recognizer`:
    a second opinion; with `second_below`, only where the first's confidence is below it);
    returns the rows and each decode's wall time in ms (the gate's and the second's time
    included)."""
    from tqdm import tqdm

    from speech.asr import transcribe_clip
    from speech.asr_hybrid import merge_hypotheses
    from speech.audio import AudioClip, read_wav
    from speech.denoise import gate_samples

    out: list[dict[str, Any]] = []
    times: list[float] = []
    todo = sum(r["path"] == "whisper" for r in rows)
    with tqdm(total=todo, desc=desc or "whisper", unit="clip", leave=False) as bar:
        for r in rows:
            if r["path"] != "whisper":
                out.append(r)
                continue
            clip = read_wav(clips / r["file"])
            t0 = time.perf_counter()
            if denoise:
                clip = AudioClip(gate_samples(clip.samples), clip.sample_rate)
            tr = transcribe_clip(rec, clip, CHUNK_MS, pad_s=0.0)  # as the run decoded it
            extra: dict[str, Any] = {}
            if second is not None:
                extra["second"] = _second_opinion(second, clip, tr.confidence, second_below)
            times.append((time.perf_counter() - t0) * 1000)
            fields = heard_fields(tr, r["ref"])
            if extra and extra["second"]["heard"]:
                fields["alternatives"] = merge_hypotheses(
                    fields["alternatives"], extra["second"]["heard"], exclude=tr.text)
            out.append({**r, **fields, **extra})
            bar.update()
    return out, times


def _second_opinion(second: Any, clip: Any, confidence: float | None,
                    below: float | None) -> dict[str, Any]:
    """{"heard": the second recognizer's hypotheses of `clip` (1-best first), "ms": its
    decode time}; both None when the first decode was sure (`confidence` >= `below`)."""
    from speech.asr import transcribe_clip

    if below is not None and confidence is not None and confidence >= below:
        return {"heard": None, "ms": None}
    t0 = time.perf_counter()
    tr = transcribe_clip(second, clip, CHUNK_MS, pad_s=0.0)
    return {"heard": [h for h in (tr.text, *tr.alternatives) if h],
            "ms": round((time.perf_counter() - t0) * 1000, 1)}


def _figures(rows: list[dict[str, Any]], times: list[float] | None) -> dict[str, Any]:
    fig = summary(rows)
    wrows = [r for r in rows if r["path"] == "whisper"]
    return {
        "whisper_clips": len(wrows),
        "whisper_wer": round(sum(r["edits"] for r in wrows) /
                             max(1, sum(r["ref_words"] for r in wrows)), 4),
        "decision_accuracy": fig["decision_accuracy"], "safety_caught": fig["safety_caught"],
        "calls_caught": fig["calls_caught"], "calls": fig["calls"],
        "false_safety": fig["false_safety"], "false_alert_at_once": fig["false_alert_at_once"],
        "decode_ms_p50": None if not times else round(percentile(times, 50) or 0, 1),
        "decode_ms_p95": None if not times else round(percentile(times, 95) or 0, 1),
        "missed_safety": [m["heard"] for m in fig["missed_safety"]],
        "false_safety_clips": [{"ref": c["ref"], "heard": c["heard"], "alert": c["alert"]}
                               for c in fig["false_safety_clips"]],
    }


def measure(rows: list[dict[str, Any]], clips: Path, variants: list[dict[str, Any]],
            model: str | None = None, intent_model: str | None = None, threads: int = 2,
            out: Path | None = None, prefix: str = "whisper_variants") -> dict[str, Any]:
    """The run's own figures, the control's and each variant's (see module doc)."""
    from speech.audio import read_wav

    manifest = {}
    for line in (clips / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        manifest[m["file"]] = m["text"]
    wrong = [r["file"] for r in rows if manifest.get(r["file"]) != r["ref"]]
    if wrong:
        raise ValueError(f"{len(wrong)} rows are not of these clips (first: {wrong[0]}): "
                         "give the part (or --clips) the run was made on")
    if not any(r["path"] == "whisper" for r in rows):
        raise ValueError("the run decided no clip on Whisper's path: nothing to measure")
    read_wav(clips / rows[0]["file"])  # a broken cache fails here, before any decoding
    variants = [{}, *variants]
    # every recognizer made first: a bad option fails here, not after the control's decode
    recognizers = [(recognizer(v, model, threads), second_recognizer(v, threads))
                   for v in variants]
    result: dict[str, Any] = {"bench": "whisper_variants", "clips": len(rows),
                              "model": model or "base", "threads": threads,
                              "run": _figures(redecide(rows, intent_model), None),
                              "variants": []}
    for n, (variant, (rec, second)) in enumerate(zip(variants, recognizers, strict=True)):
        new, times = whisper_rows(rows, clips, rec, bool(variant.get("denoise")),
                                  desc=f"variant {n}" if n else "control", second=second,
                                  second_below=variant.get("second_below"))
        sets = second_sets(variant)
        decided = redecide(new, intent_model, sets)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{prefix}_{n}_rows.jsonl").write_text(
                "".join(json.dumps(r) + "\n" for r in decided), encoding="utf-8")
        figures = {"n": n, "variant": variant, **_figures(decided, times)}
        if second is not None:
            ms = [r["second"]["ms"] for r in decided if r.get("second", {}).get("ms") is not None]
            figures.update({
                "decided_with": list(sets), "second_clips": len(ms),
                "second_ms_p50": None if not ms else round(percentile(ms, 50) or 0, 1),
                "second_ms_p95": None if not ms else round(percentile(ms, 95) or 0, 1)})
        result["variants"].append(figures)
    run, control = result["run"], result["variants"][0]
    result["control_matches_run"] = all(run[k] == control[k] for k in (
        "whisper_wer", "decision_accuracy", "safety_caught", "false_safety",
        "false_alert_at_once"))
    return result


def _short(text: str, keep: int = 34) -> str:
    """A long prompt by its start and end (two prompts often share a start)."""
    return text if len(text) <= keep else f"{text[:keep // 2 - 1]}...{text[-(keep // 2 - 2):]}"


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    variants = result["variants"]
    names = ["device" if not v["n"] else str(v["n"]) for v in variants]
    panels = (("whisper_wer", "word error rate (Whisper-path clips)"),
              ("calls_caught", f"calls caught (of {variants[0]['calls']})"),
              ("false_safety", "false safety"), ("decode_ms_p95", "decode p95 (ms)"))
    fig, axes = plt.subplots(1, len(panels), figsize=(4 * len(panels), 4.2))
    for ax, (key, title) in zip(axes, panels, strict=True):
        values = [v[key] or 0 for v in variants]
        ax.bar(names, values, color=["0.55", *["C0"] * (len(values) - 1)])
        for i, value in enumerate(values):
            ax.annotate(f"{value:g}", (i, value), ha="center", va="bottom", fontsize=8)
        if key == "calls_caught":  # a few calls apart: show them apart
            ax.set_ylim(max(0, min(values) - 10), variants[0]["calls"] + 2)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("variant", fontsize=8)
    legend = "; ".join(f"{v['n']}: " + ", ".join(f"{k}={_short(str(x))}" for k, x in
                                                 v["variant"].items()) for v in variants[1:])
    fig.suptitle(f"Whisper {result['model']}, {result['clips']} clips (grey: as the device "
                 f"decodes)\n{legend}", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.whisper_variants",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", type=Path, help="a hybrid run's *_rows.jsonl")
    ap.add_argument("--variant", action="append", default=[], required=True,
                    help="KEY=VALUE[;KEY=VALUE] with KEY prompt, beam, nbest, min_window_s, "
                         "denoise, second, second_nbest or second_below (repeat for more "
                         "variants)")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--part", choices=["test", "dev"], default="dev",
                     help="the part the run was made on (its clips are generated once)")
    src.add_argument("--clips", type=Path, default=None, help="folder with manifest.jsonl")
    ap.add_argument("--model", default=None, help="Whisper model (default base)")
    ap.add_argument("--intent-model", default=None, help="model folder (default shipped)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("."))
    ap.add_argument("--prefix", default="whisper_variants")
    args = ap.parse_args(argv)
    try:
        variants = [parse_variant(v) for v in args.variant]
        rows = command_rows(args.rows, "hybrid")
        clips = args.clips or clips_dir(command_sentences(True, part=args.part))
        if not (clips / "manifest.jsonl").is_file():
            raise ValueError(f"{clips} holds no manifest.jsonl")
        result = measure(rows, clips, variants, args.model, args.intent_model, args.threads,
                         args.out, args.prefix)
    except (OSError, ValueError, LookupError) as exc:  # LookupError: EngineUnavailable
        print(f"whisper_variants: error: {exc}", file=sys.stderr)
        return 2
    result["rows"] = str(args.rows)
    from bench.machine import machine_info

    result["machine"] = machine_info(threads=args.threads)
    (args.out / f"{args.prefix}.json").write_text(json.dumps(result, indent=1) + "\n")
    plot(result, args.out / f"{args.prefix}.png")
    for v in result["variants"]:
        print(f"{v['n']} ({json.dumps(v['variant'])[:60] if v['n'] else 'the device'}): wer "
              f"{v['whisper_wer']}, caught {v['calls_caught']}/{v['calls']}, false safety "
              f"{v['false_safety']}, false alert at once {v['false_alert_at_once']}, decode "
              f"p95 {v['decode_ms_p95']} ms")
    print(f"control matches the run: {result['control_matches_run']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
