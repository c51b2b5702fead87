"""`eldercare bench speech`: every recognizer and the device's decision on the same audio.

Audio: the generated care command set (speech.command_set: the intent test split spoken
by several voices at several rates in room noise; ``part="dev"`` is a disjoint set of the
same kind, for fitting rules) and the human recordings of pocketsphinx-testdata
(bench.speech_asr.recordings).

Each engine (ENGINES) runs in its own child process, so that its peak memory (RSS) is its
own. Each clip is streamed in 100 ms chunks as a microphone would deliver it; at the end
of speech the recognizer's ``final()`` gives the transcript and a real
``device.pipeline.Assistant`` (the shipped intent model, a DialogueManager, an
ActionExecutor without a broker; a fresh one per clip) decides the turn. The decision
scored is the Turn's: an alert action, the safety question (a pending safety check), or
the intent answered. No copy of the safety decision lives here.

Per engine: WER (commands, human recordings), the decision's accuracy (a safety clip is
right when it alerts or asks; another clip when it neither alerts nor asks and its intent
is the spoken one), emergency/fall caught, false safety (an alert or a question on a clip
that is not a call for help or a fall), latency from the end of speech to the decision
(p50/p95; the hybrid also per path with each path's share), CPU seconds per audio second
and peak RSS. Writes commands.json, commands_rows.jsonl, commands.md and commands.png.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.machine import machine_info
from speech.command_set import SAFETY, command_sentences
from speech.metrics import edit_distance

__all__ = ["ENGINES", "REFERENCE", "decode_engine", "heard_fields", "merge_results", "rescore",
           "run_bench_commands", "summary", "tables", "write_results"]

# name -> (engine, options); "pocketsphinx" is the hybrid's fast path on its own
ENGINES: dict[str, tuple[str, dict[str, Any]]] = {
    "pocketsphinx": ("pocketsphinx", {}),
    "pocketsphinx-general": ("pocketsphinx-general", {}),
    "whisper-tiny.en": ("whisper", {"model": "tiny.en"}),
    "whisper-base": ("whisper", {"model": "base"}),
    "hybrid": ("hybrid", {}),
}
REFERENCE = "reference-text"
"""Not an engine: the device's decision on the sentence that was said (the ceiling)."""
CHUNK_MS = 100
_NORMALIZE = {"mr": "mister", "mrs": "missus"}


def _words(text: str) -> list[str]:
    return [_NORMALIZE.get(w, w) for w in text.lower().replace("-", " ").split()]


def clips_dir(sentences: list[tuple[str, str]], cache: Path | None = None) -> Path:
    """The spoken command set of `sentences` as WAVs + manifest.jsonl, generated once into a
    cache folder named by the sentences (the set is the same on every run)."""
    from speech.audio import write_wav
    from speech.command_set import generate
    from speech.whisper_models import cache_root

    key = hashlib.sha256(json.dumps(sentences).encode()).hexdigest()[:12]
    folder = (cache or cache_root() / "bench-commands") / key
    manifest = folder / "manifest.jsonl"
    if manifest.is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "manifest.jsonl.tmp"
    with tmp.open("w", encoding="utf-8") as man:
        for n, cmd in enumerate(generate(sentences), 1):
            name = f"cmd{n:04d}.wav"
            write_wav(folder / name, cmd.audio)
            man.write(json.dumps(cmd.manifest(name)) + "\n")
    tmp.replace(manifest)
    return folder


def _assistant(model: Any, settings: Any = None) -> Any:
    """A fresh device decision: the shipped dialogue and executor, no broker (`settings`:
    device settings, default the built-in ones)."""
    from device.dialogue import DialogueManager
    from device.pipeline import ActionExecutor, Assistant
    from device.settings import load_settings

    s = settings if settings is not None else load_settings(None)
    dialogue = DialogueManager(s.care_plan, safety=s.safety)
    return Assistant(model, dialogue, ActionExecutor(s.resident.name, alerts=None),
                     safety_from_alternatives=s.spoken.safety_from_alternatives,
                     understood_best=s.spoken.understood_best,
                     sounds_like=s.spoken.sounds_like,
                     fast_second_opinion=s.asr.fast_second_opinion)


def _recognizer(engine: str, options: dict[str, Any]) -> Any:
    from speech.asr import create_recognizer

    opts = dict(options)
    model = opts.pop("model", None)
    if engine == "hybrid":
        from device.safety import safety_label_of_words

        opts["safety_words"] = safety_label_of_words
    if engine in ("whisper", "hybrid"):
        opts.setdefault("threads", 2)
    return create_recognizer(engine, model, **opts)


def heard_fields(tr: Any, ref: str) -> dict[str, Any]:
    """What a row records of a transcript: the 1-best, its n-best alternatives, the
    confidences and its word edits against the reference sentence `ref`."""
    return {"heard": tr.text, "alternatives": list(tr.alternatives),
            "confidence": tr.confidence, "word_conf": [w.conf for w in tr.words],
            "edits": edit_distance(_words(ref), _words(tr.text))}


def decode_engine(name: str, folder: str | None, human: bool,
                  intent_model: str | None = None) -> dict[str, Any]:
    """Decode and decide every clip with one engine (run in a child process)."""
    from device.intent import IntentModel
    from speech.audio import chunk_bytes, read_wav

    engine, options = ENGINES[name]
    t0 = time.perf_counter()
    rec = _recognizer(engine, options)
    model = IntentModel.load(intent_model, threads=2)
    load_s = time.perf_counter() - t0
    rows: list[dict[str, Any]] = []
    items: list[tuple[str, Any, dict[str, Any]]] = []
    if folder is not None:
        for line in (Path(folder) / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            m = json.loads(line)
            items.append(("commands", read_wav(Path(folder) / m["file"]), m))
    if human:
        from bench.speech_asr import recordings

        for fid, clip, ref in recordings():
            items.append(("human", clip, {"file": fid, "text": ref, "intent": None}))
    for kind, clip, m in items:
        assistant = _assistant(model)
        rec.reset()
        c0 = time.process_time()
        for chunk in chunk_bytes(clip, CHUNK_MS):
            rec.accept(chunk)
        t_end = time.perf_counter()  # the end of speech: the last chunk is in
        c_end = time.process_time()
        tr = rec.final()
        t_asr = time.perf_counter()
        turn = assistant.respond_transcript(tr, source=m["file"])
        t_dec = time.perf_counter()
        cpu = time.process_time() - c0
        alert, asked = _decision(turn, assistant)
        second = _second_opinion(rec, assistant) if tr.path == "fast-safety" else None
        if second is not None and second["alert"]:
            alert, asked = True, False
        row: dict[str, Any] = {
            "set": kind, "file": m["file"], "ref": m["text"], "intent": m["intent"],
            "voice": m.get("voice"), "rate_wpm": m.get("rate_wpm"), "snr_db": m.get("snr_db"),
            "seconds": round(clip.seconds, 3), **heard_fields(tr, m["text"]),
            "ref_words": len(_words(m["text"])),
            "decided": turn.intent, "alert": alert, "asked": asked,
            "from_alternative": turn.from_alternative, "hypothesis": turn.hypothesis,
            "asr_ms": round((t_asr - t_end) * 1000, 1),
            "latency_ms": round((t_dec - t_end) * 1000, 1), "cpu_s": round(cpu, 4),
            "decide_cpu_ms": round((time.process_time() - c_end) * 1000, 1),
            "path": getattr(rec, "last_path", "") or name,
        }
        if tr.path == "fast-safety":  # what the question's second opinion heard, if due
            row["second_opinion"] = second
        fast = getattr(rec, "last_fast", None)
        if fast is not None:  # the hybrid's fast path, as it heard the clip
            row["fast"] = {"heard": fast.text, "alternatives": list(fast.alternatives),
                           "confidence": fast.confidence,
                           "word_conf": [w.conf for w in fast.words]}
        rows.append(row)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"engine": name, "rows": rows, "peak_rss_mb": round(peak, 1),
            "load_s": round(load_s, 2)}


def _second_opinion(rec: Any, assistant: Any) -> dict[str, Any] | None:
    """Whisper's second opinion of a fast-path clip the device asked about (the model under
    its alert threshold; device.pipeline.Assistant.second_opinion), as the runtime takes it
    right after the question: what Whisper heard, whether it raised the alert, and its
    decode time (the alert's delay after the question). None when none was due."""
    if not assistant.second_opinion_due:
        return None
    t0 = time.perf_counter()
    heard, turn = assistant.hear_second_opinion(rec)
    return {"heard": heard.text if heard is not None else None,
            "alternatives": list(heard.alternatives) if heard is not None else [],
            "alert": turn is not None, "ms": round((time.perf_counter() - t0) * 1000, 1)}


def _decode_in_child(name: str, folder: Path, human: bool, intent_model: str | None,
                     out_dir: Path) -> dict[str, Any]:
    """decode_engine in a fresh interpreter: its peak RSS is this engine's own."""
    tmp = out_dir / f".decode-{name}-{os.getpid()}.json"
    cmd = [sys.executable, "-m", "bench.speech_commands", name, "--clips", str(folder),
           "--json", str(tmp)] + (["--human"] if human else []) + \
        (["--intent-model", intent_model] if intent_model else [])
    try:
        proc = subprocess.run(cmd, check=False)
        if proc.returncode != 0 or not tmp.is_file():
            raise RuntimeError(f"decoding with {name} failed (exit {proc.returncode}; "
                               "its error is above)")
        return json.loads(tmp.read_text(encoding="utf-8"))
    finally:
        tmp.unlink(missing_ok=True)


SAFETY_ALERTS = ("help_request", "spoken_fall")
"""Alert types of a call for help or a fall (device.safety.safety_reply); a symptom's
warning is the right answer to a symptom, not a safety decision."""


def row_transcript(r: dict[str, Any], engine: str = "pocketsphinx") -> Any:
    """A recorded decode (``heard``, ``word_conf``, ``confidence``, ``alternatives``,
    ``seconds``) as a speech.asr.Transcript."""
    from speech.asr import Transcript, Word

    words = [Word(w, 0.0, 0.0, c) for w, c in zip(r["heard"].split(), r["word_conf"],
                                                   strict=False)]
    return Transcript(r["heard"], r["seconds"], 0.0, words, r["confidence"], engine,
                      list(r["alternatives"]))


def decide_transcript(model: Any, tr: Any) -> tuple[bool, bool, str]:
    """(a safety alert was raised, the safety question is pending, the intent) when a fresh
    device decides `tr`."""
    assistant = _assistant(model)
    turn = assistant.respond_transcript(tr)
    return (*_decision(turn, assistant), turn.intent)


def _decision(turn: Any, assistant: Any) -> tuple[bool, bool]:
    """(a safety alert was raised, the safety question is pending) after `turn`."""
    alert = any(a.kind == "alert" and a.data.get("type") in SAFETY_ALERTS
                for a in turn.reply.actions)
    return alert, assistant.dialogue.pending_safety is not None


def reference_rows(rows: list[dict[str, Any]], intent_model: str | None = None
                   ) -> list[dict[str, Any]]:
    """The device's decision on what was really said (no ASR): the ceiling of every engine."""
    from device.intent import IntentModel
    from speech.asr import Transcript

    model = IntentModel.load(intent_model, threads=2)
    out = []
    for r in rows:
        r = {k: v for k, v in r.items() if k != "second_opinion"}  # the recognizer's, not this
        assistant = _assistant(model)
        turn = assistant.respond_transcript(Transcript(r["ref"], r["seconds"], 0.0))
        alert, asked = _decision(turn, assistant)
        out.append({**r, "heard": r["ref"], "alternatives": [], "edits": 0, "decided":
                    turn.intent, "alert": alert, "asked": asked,
                    "from_alternative": turn.from_alternative, "hypothesis": turn.hypothesis,
                    "asr_ms": 0.0, "latency_ms": 0.0, "cpu_s": 0.0, "decide_cpu_ms": 0.0,
                    "path": "reference"})
    return out


def command_rows(path: Path, engine: str = "hybrid") -> list[dict[str, Any]]:
    """The care-command rows of one engine from a run's *_rows.jsonl (what `redecide` takes).
    Raises ValueError when the file cannot be read or holds none."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from exc
    rows = [r for r in rows if r.get("engine") == engine and r.get("set") == "commands"]
    if not rows:
        raise ValueError(f"no command rows of engine {engine!r} in {path}")
    return rows


def redecide(rows: list[dict[str, Any]], intent_model: str | None = None,
             sets: tuple[str, ...] = (), ask: float | None = None,
             alert: float | None = None) -> list[dict[str, Any]]:
    """The device's decision taken again on a run's recorded transcripts (each row's 1-best
    and n-best alternatives; no audio is decoded): how a change to the decision, the
    settings (`sets`: "spoken.understood_best=1.0", ...), the intent model or its ask or
    alert threshold (`ask`, `alert`: in place of config.json's, spoken_ask's too, for every
    safety label) would have scored on the same recognizer output. Latency and CPU figures
    stay those of the run."""
    import dataclasses

    from device.intent import IntentModel
    from device.safety import safety_label_of_words
    from device.settings import load_settings
    from speech.asr import Transcript
    from speech.asr_hybrid import agreed_best

    model = IntentModel.load(intent_model, threads=2)
    if ask is not None or alert is not None:
        pairs = model.config.safety_thresholds
        if not pairs:
            raise ValueError(f"{model.model_dir} has no safety thresholds to move")
        spoken = model.spoken().config.safety_thresholds or pairs
        moved = {k: (spoken[k][0] if alert is None else alert,
                     spoken[k][1] if ask is None else ask) for k in pairs}
        if not all(0.0 <= q <= a <= 1.0 for a, q in moved.values()):
            raise ValueError(f"ask threshold {max(q for _, q in moved.values())} must be "
                             f"within 0 and the alert threshold "
                             f"({min(a for a, _ in moved.values())}), and that within 1")
        model.config = dataclasses.replace(  # for typed and spoken turns alike
            model.config, safety_thresholds=moved, spoken_ask=None, spoken_alert=None)
    settings = load_settings(None, sets=list(sets))
    out = []
    for r in rows:
        assistant = _assistant(model, settings)
        # A run made with the second opinion records it on its fast-path rows (the key,
        # None when none was due); a run made before it is replayed as it decided then.
        path = r.get("path", "") if "second_opinion" in r else ""
        transcript = Transcript(r["heard"], r["seconds"], 0.0, confidence=r.get("confidence"),
                                engine=r["engine"], alternatives=list(r.get("alternatives")
                                                                      or []), path=path)
        if r.get("path") == "whisper" and isinstance(r.get("fast"), dict):
            # the hybrid's agreement of its two paths, for runs recorded before it
            transcript = agreed_best(transcript, str(r["fast"].get("heard") or ""),
                                     safety_label_of_words)
        turn = assistant.respond_transcript(transcript)
        alert, asked = _decision(turn, assistant)
        second = r.get("second_opinion")
        if assistant.second_opinion_due and second and second.get("heard"):
            heard = Transcript(second["heard"], r["seconds"], 0.0, engine=r["engine"],
                               alternatives=list(second.get("alternatives") or []),
                               path="whisper")
            if assistant.second_opinion(heard) is not None:
                alert, asked = True, False
        out.append({**r, "decided": turn.intent, "alert": alert, "asked": asked,
                    "from_alternative": turn.from_alternative, "hypothesis": turn.hypothesis})
    return out


def _pct(xs: list[float], q: float) -> float | None:
    return round(float(np.percentile(xs, q)), 1) if xs else None


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of one engine's rows (see module doc)."""
    # rows written before alerts were told apart: a symptom's warning is not a safety alert
    rows = [{**r, "alert": r["alert"] and r["decided"] != "symptom_report"} for r in rows]
    cmds = [r for r in rows if r["set"] == "commands"]
    human = [r for r in rows if r["set"] == "human"]
    safety = [r for r in cmds if r["intent"] in SAFETY]
    others = [r for r in cmds if r["intent"] not in SAFETY]
    caught = [r for r in safety if r["alert"] or r["asked"]]
    flagged = [r for r in others if r["alert"] or r["asked"]]
    right = len(caught) + sum(r["decided"] == r["intent"] for r in others if
                              not (r["alert"] or r["asked"]))
    out: dict[str, Any] = {
        "clips": len(cmds),
        "wer": _rate(sum(r["edits"] for r in cmds), sum(r["ref_words"] for r in cmds)),
        "decision_accuracy": _rate(right, len(cmds)),
        "intent_exact": _rate(sum(r["decided"] == r["intent"] for r in cmds), len(cmds)),
        "safety_caught": _rate(len(caught), len(safety)),
        "emergency_caught": _rate(sum(r["intent"] == "emergency_help" for r in caught),
                                  sum(r["intent"] == "emergency_help" for r in safety)),
        "fall_caught": _rate(sum(r["intent"] == "fall_report" for r in caught),
                             sum(r["intent"] == "fall_report" for r in safety)),
        "safety_alert_at_once": _rate(sum(r["alert"] for r in caught), len(safety)),
        "false_safety": _rate(len(flagged), len(others)),
        "false_alert_at_once": _rate(sum(r["alert"] for r in flagged), len(others)),
        "calls_alerted": sum(r["alert"] for r in caught),
        # the counts behind the rates: calls for help or falls, those caught; the other
        # clips, those asked about or alerted, those alerted at once
        "calls": len(safety), "calls_caught": len(caught), "others": len(others),
        "others_flagged": len(flagged), "others_alerted": sum(r["alert"] for r in flagged),
        "latency_ms_p50": _pct([r["latency_ms"] for r in cmds], 50),
        "latency_ms_p95": _pct([r["latency_ms"] for r in cmds], 95),
        "decide_cpu_ms_p50": _pct([r.get("decide_cpu_ms", 0.0) for r in cmds], 50),
        "decide_cpu_ms_p95": _pct([r.get("decide_cpu_ms", 0.0) for r in cmds], 95),
        "cpu_s_per_audio_s": _rate(sum(r["cpu_s"] for r in rows),
                                   sum(r["seconds"] for r in rows) or 0),
        "human_files": len(human),
        "human_wer": _rate(sum(r["edits"] for r in human), sum(r["ref_words"] for r in human)),
        "missed_safety": [{"ref": r["ref"], "heard": r["heard"], "decided": r["decided"],
                           "voice": r["voice"], "snr_db": r["snr_db"]}
                          for r in safety if not (r["alert"] or r["asked"])],
        "false_safety_clips": [{"ref": r["ref"], "heard": r["heard"], "path": r["path"],
                                "alert": r["alert"]} for r in flagged],
    }
    paths: dict[str, Any] = {}
    for p in sorted({r["path"] for r in cmds}):
        rs = [r for r in cmds if r["path"] == p]
        paths[p] = {"share": _rate(len(rs), len(cmds)),
                    "latency_ms_p50": _pct([r["latency_ms"] for r in rs], 50),
                    "latency_ms_p95": _pct([r["latency_ms"] for r in rs], 95),
                    "decide_cpu_ms_p95": _pct([r.get("decide_cpu_ms", 0.0) for r in rs], 95),
                    "decision_accuracy": summary_accuracy(rs)}
    out["paths"] = paths
    by_voice: dict[str, Any] = {}
    for v in sorted({str(r["voice"]) for r in cmds}):
        by_voice[v] = summary_accuracy([r for r in cmds if str(r["voice"]) == v])
    out["accuracy_by_voice"] = by_voice
    return out


def summary_accuracy(rows: list[dict[str, Any]]) -> float | None:
    ok = sum((r["alert"] or r["asked"]) if r["intent"] in SAFETY else
             (not (r["alert"] or r["asked"]) and r["decided"] == r["intent"]) for r in rows)
    return _rate(ok, len(rows))


def run_bench_commands(out_dir: Path, quick: bool = True, intent_model: str | None = None,
                       every: int | None = None, limit: int | None = None,
                       part: str = "test", engines: tuple[str, ...] | None = None,
                       human: bool = True, prefix: str = "commands",
                       sentences_file: Path | None = None) -> dict[str, Any]:
    """Run the benchmark (see module doc); returns a short summary.

    Args:
        quick: the quick command set (the one of the committed results); every: all safety
            sentences and every n-th other one; limit: the first n sentences (smoke runs).
        part: "test", or "dev" (disjoint sentences, for fitting rules).
        engines: names from ENGINES (default: all).
        human: also decode the pocketsphinx-testdata recordings.
        prefix: file names of the results (commands.json, ...).
        sentences_file: JSON lines with "text" and "intent" (such as
            compress/figures_en.jsonl) spoken instead of the command set.
    """
    names = engines or tuple(ENGINES)
    unknown = [n for n in names if n not in ENGINES]
    if unknown:
        raise ValueError(f"unknown engine(s) {unknown}: use {', '.join(ENGINES)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if sentences_file is not None:
        from compress.dataset import read_jsonl, read_txt_sentences

        if sentences_file.suffix == ".txt":  # a project data file, e.g. a candidate
            sentences = read_txt_sentences(sentences_file)[:limit or None]
        else:
            sentences = [(e.text, e.intent) for e in read_jsonl(sentences_file,
                                                                need_split=False)]
            sentences = sentences[:limit or None]
        part = f"file:{sentences_file.name}"
    else:
        sentences = command_sentences(quick, every=every, limit=limit, part=part)
    folder = clips_dir(sentences)
    gen_s = time.time() - t0
    results: dict[str, Any] = {}
    for name in names:
        results[name] = _decode_in_child(name, folder, human, intent_model, out_dir)
    meta = {"part": part, "quick": quick, "every": every, "sentences": len(sentences),
            "generate_s": round(gen_s, 1), "wall_s": round(time.time() - t0, 1)}
    return write_results(out_dir, results, meta, prefix, intent_model)


def write_results(out_dir: Path, results: dict[str, Any], meta: dict[str, Any],
                  prefix: str = "commands", intent_model: str | None = None
                  ) -> dict[str, Any]:
    """Score the engines' decodes (decode_engine's output by engine name), add the decision
    on the reference text, and write PREFIX.json, PREFIX_rows.jsonl, PREFIX.md and
    PREFIX.png; returns a short summary."""
    names = tuple(n for n in results if n != REFERENCE)
    ref = [r for r in results[names[0]]["rows"] if r["set"] == "commands"]
    results = {**results, REFERENCE: {"rows": reference_rows(ref, intent_model),
                                      "peak_rss_mb": None, "load_s": None}}
    rows = [{**r, "engine": n} for n in results for r in results[n]["rows"]]
    engines_out = {}
    for n in results:
        s = summary(results[n]["rows"])
        s["peak_rss_mb"] = results[n]["peak_rss_mb"]
        s["load_s"] = results[n]["load_s"]
        engines_out[n] = s
    first = results[names[0]]["rows"]
    cmds = [r for r in first if r["set"] == "commands"]
    result: dict[str, Any] = {
        "bench": "speech_commands", **meta, "clips": len(cmds),
        "safety_clips": sum(r["intent"] in SAFETY for r in cmds),
        "human_files": sum(r["set"] == "human" for r in first),
        "audio_s": round(sum(r["seconds"] for r in cmds), 1),
        "voices": sorted({str(r["voice"]) for r in cmds}),
        "engines_run": {n: [ENGINES[n][0], ENGINES[n][1]] for n in names},
        "engines": engines_out,
        "machine": machine_info(), "threads": {"whisper": 2, "intent": 2, "pocketsphinx": 1},
        "chunk_ms": CHUNK_MS,
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "note": "run with nice on a shared 2-core machine; latency = wall time from the end of "
                "speech (last chunk in) to the device's decision; decision CPU = process CPU "
                "time of that step (all threads; on 2 free cores the wall time is about it, "
                "or half of it for Whisper's 2 threads); CPU s / audio s = process CPU time "
                "/ audio time",
    }
    (out_dir / f"{prefix}.json").write_text(json.dumps(result, indent=2) + "\n")
    with (out_dir / f"{prefix}_rows.jsonl").open("w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    (out_dir / f"{prefix}.md").write_text(tables(result), encoding="utf-8")
    _plot(result, out_dir / f"{prefix}.png")
    keys = ("wer", "human_wer", "decision_accuracy", "safety_caught", "false_safety",
            "latency_ms_p50", "latency_ms_p95", "cpu_s_per_audio_s", "peak_rss_mb")
    return {"bench": "speech", "clips": len(cmds), "out": str(out_dir / f"{prefix}.json"),
            "engines": {n: {k: e[k] for k in keys} for n, e in engines_out.items()}}


def merge_results(out_dir: Path, prefixes: list[str], prefix: str = "commands") -> Path:
    """One result from runs of different engines on the same clips (e.g. the hybrid run
    after its rule was fitted): engines and rows side by side, tables and plot again."""
    parts = [json.loads((out_dir / f"{p}.json").read_text(encoding="utf-8")) for p in prefixes]
    clips = {(r["clips"], r["sentences"], r["part"]) for r in parts}
    if len(clips) != 1:
        raise ValueError(f"runs on different clips cannot be merged: {sorted(clips)}")
    result = dict(parts[0])
    result["engines"] = {n: e for r in parts for n, e in r["engines"].items()}
    result["engines_run"] = {n: e for r in parts for n, e in r["engines_run"].items()}
    result["runs"] = [{"prefix": p, "wall_s": r["wall_s"], "load_avg_1m": r["load_avg_1m"],
                       "engines": list(r["engines"])} for p, r in zip(prefixes, parts,
                                                                       strict=True)]
    result["wall_s"] = round(sum(r["wall_s"] for r in parts), 1)
    result["load_avg_1m"] = max(r["load_avg_1m"] for r in parts)
    (out_dir / f"{prefix}.json").write_text(json.dumps(result, indent=2) + "\n")
    with (out_dir / f"{prefix}_rows.jsonl").open("w") as f:
        for p in prefixes:
            f.write((out_dir / f"{p}_rows.jsonl").read_text(encoding="utf-8"))
    (out_dir / f"{prefix}.md").write_text(tables(result), encoding="utf-8")
    _plot(result, out_dir / f"{prefix}.png")
    return out_dir / f"{prefix}.json"


def rescore(out_dir: Path, prefix: str = "commands", intent_model: str | None = None) -> Path:
    """Score a run's rows again with this module's summary (and add the reference-text
    ceiling when missing), keeping each engine's measured memory and load time."""
    result = json.loads((out_dir / f"{prefix}.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in
            (out_dir / f"{prefix}_rows.jsonl").read_text(encoding="utf-8").splitlines()]
    by_engine: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_engine.setdefault(r["engine"], []).append(r)
    if REFERENCE not in by_engine:
        first = next(iter(by_engine.values()))
        ref = reference_rows([r for r in first if r["set"] == "commands"], intent_model)
        by_engine[REFERENCE] = [{**r, "engine": REFERENCE} for r in ref]
        with (out_dir / f"{prefix}_rows.jsonl").open("a") as f:
            for r in by_engine[REFERENCE]:
                f.write(json.dumps(r) + "\n")
    engines = {}
    for name, rs in by_engine.items():
        e = summary(rs)
        old = result["engines"].get(name, {})
        e["peak_rss_mb"], e["load_s"] = old.get("peak_rss_mb"), old.get("load_s")
        engines[name] = e
    result["engines"] = engines
    (out_dir / f"{prefix}.json").write_text(json.dumps(result, indent=2) + "\n")
    (out_dir / f"{prefix}.md").write_text(tables(result), encoding="utf-8")
    _plot(result, out_dir / f"{prefix}.png")
    return out_dir / f"{prefix}.json"


def tables(result: dict[str, Any]) -> str:
    """The run's results as markdown (written beside the JSON)."""
    cols = ("wer", "human_wer", "decision_accuracy", "intent_exact", "emergency_caught",
            "fall_caught", "false_safety", "false_alert_at_once", "latency_ms_p50",
            "latency_ms_p95", "decide_cpu_ms_p50", "decide_cpu_ms_p95", "cpu_s_per_audio_s",
            "peak_rss_mb")
    head = ("engine", "WER commands", "WER human", "decision accuracy", "exact intent",
            "emergency caught", "fall caught", "false safety", "false alert at once",
            "latency p50 ms", "latency p95 ms", "decision CPU p50 ms", "decision CPU p95 ms",
            "CPU s / audio s", "peak RSS MB")
    m = result["machine"]
    out = [f"{result['clips']} clips ({result['safety_clips']} calls for help or falls; "
           f"{result['sentences']} sentences, part {result['part']}), {result['human_files']} "
           f"human recordings; {m.get('cpu')} x{m.get('cpus')}, threads {result['threads']}, "
           f"wall {result.get('wall_s')} s, load {result.get('load_avg_1m')} (shared machine, "
           "nice)",
           "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, e in result["engines"].items():
        out.append("| " + " | ".join([name] + [str(e.get(c)) for c in cols]) + " |")
    for name, e in result["engines"].items():
        if len(e["paths"]) > 1 or name == "hybrid":
            out += ["", f"{name} by path:", "",
                    "| path | share | p50 ms | p95 ms | decision CPU p95 ms | accuracy |",
                    "|---|---|---|---|---|---|"]
            for p, v in e["paths"].items():
                out.append(f"| {p} | {v['share']} | {v['latency_ms_p50']} | "
                           f"{v['latency_ms_p95']} | {v.get('decide_cpu_ms_p95')} | "
                           f"{v['decision_accuracy']} |")
    voices = result["voices"]
    out += ["", "Decision accuracy by voice:", "", "| engine | " + " | ".join(voices) + " |",
            "|" + "---|" * (len(voices) + 1)]
    for name, e in result["engines"].items():
        out.append("| " + " | ".join([name] + [str(e["accuracy_by_voice"].get(v))
                                              for v in voices]) + " |")
    for name, e in result["engines"].items():
        if e["missed_safety"]:
            out += ["", f"{name}: missed calls for help / falls:"]
            out += [f"- \"{r['ref']}\" heard \"{r['heard']}\" -> {r['decided']} ({r['voice']}, "
                    f"{r['snr_db']} dB)" for r in e["missed_safety"]]
    return "\n".join(out) + "\n"


def _plot(result: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    eng = result["engines"]
    names = list(eng)
    fig, axes = plt.subplots(1, 4, figsize=(18, 4.2))
    panels = (("decision_accuracy", "device decision accuracy (goal 0.90)", 0.9),
              ("safety_caught", "calls for help / falls caught (goal 1.0)", 1.0),
              ("false_safety", "false safety (goal <= 0.05)", 0.05))
    for ax, (key, title, goal) in zip(axes, panels, strict=False):
        ax.bar(names, [eng[n][key] or 0 for n in names])
        ax.axhline(goal, color="red", linestyle="--", linewidth=1)
        ax.set_ylim(0, 1)
        ax.set_title(title, fontsize=9)
    ax = axes[3]
    xs = np.arange(len(names))
    ax.bar(xs - 0.2, [eng[n]["latency_ms_p50"] or 0 for n in names], 0.4, label="p50")
    ax.bar(xs + 0.2, [eng[n]["latency_ms_p95"] or 0 for n in names], 0.4, label="p95")
    ax.set_xticks(xs, names)
    ax.axhline(1500, color="red", linestyle="--", linewidth=1)
    ax.axhline(300, color="orange", linestyle="--", linewidth=1)
    ax.set_title("end of speech -> decision, ms (goals 300 fast / 1500)", fontsize=9)
    ax.legend(fontsize=8)
    for a in axes:
        a.tick_params(axis="x", labelsize=7, rotation=20)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    """The child of run_bench_commands: one engine's decode, written as JSON."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m bench.speech_commands")
    ap.add_argument("engine", choices=list(ENGINES))
    ap.add_argument("--clips", default=None, help="folder with manifest.jsonl")
    ap.add_argument("--human", action="store_true")
    ap.add_argument("--intent-model", default=None)
    ap.add_argument("--json", required=True, type=Path)
    args = ap.parse_args(argv)
    res = decode_engine(args.engine, args.clips, args.human, args.intent_model)
    args.json.write_text(json.dumps(res), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
