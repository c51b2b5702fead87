"""`eldercare bench asr`: WER and RTF on real human recordings, and endpoint latency.

(a) Debian's pocketsphinx-testdata: LibriVox read speech (5 clips), the "cards" set
    (5 clips) and goforward.raw, each with its transcript; decoded with the general en-US
    LM and with the domain LM side by side, median RTF over repeats.
(c) Latency: utterances separated by silence are streamed through the endpointer and the
    recognizer as a microphone would deliver them; we time from the endpoint decision to
    the final transcript (the decoder has been decoding all along), and report the time
    from the end of speech (trailing silence included) too.
Engines: the three pocketsphinx language models, and Whisper tiny.en and vosk where their
models are installed (``--engines`` picks). ``--threads N`` reaches every engine that has a
thread setting (faster-whisper's ``cpu_threads``); pocketsphinx decodes on the calling
thread, and vosk's Python API has no thread setting (one Kaldi decoder per recognizer,
on the calling thread): both are recorded with 1 thread. No recognizer here runs on
onnxruntime (the intent model does: ``bench intent --threads``). asr.json records each
engine's threads under ``threads``.
Writes asr.json and asr.png.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.machine import machine_info
from speech.asr import create_recognizer, transcribe_clip
from speech.audio import AudioClip, chunk_bytes, read_pcm, read_wav
from speech.metrics import edit_distance

TESTDATA = Path("/usr/share/pocketsphinx/test/data")
ENGINES = ("pocketsphinx-general", "pocketsphinx", "pocketsphinx-open", "whisper-tiny.en",
           "vosk")
"""Every engine this benchmark knows; those whose model is not installed are skipped."""
_ENGINE_OPTIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "pocketsphinx-general": ("pocketsphinx-general", {}),
    "pocketsphinx": ("pocketsphinx", {}),
    "pocketsphinx-open": ("pocketsphinx-open", {}),
    "whisper-tiny.en": ("whisper", {"model": "tiny.en", "device": "cpu"}),
    "vosk": ("vosk", {}),
}
_SINGLE_THREAD = {
    "pocketsphinx": "pocketsphinx decodes on the calling thread (no thread setting)",
    "vosk": "vosk's Python API has no thread setting: one Kaldi decoder per recognizer, on "
            "the calling thread",
}


def recognizer_for(name: str, threads: int) -> tuple[Any, dict[str, Any]]:
    """The recognizer of engine ``name`` with ``threads`` CPU threads where the engine has
    a thread setting, and the record of what it got: ``{"threads", "setting", "note"}``.

    Raises EngineUnavailable when the engine or its model is not installed, ValueError for
    an unknown name."""
    if name not in _ENGINE_OPTIONS:
        raise ValueError(f"unknown ASR engine {name!r}; choose from {', '.join(ENGINES)}")
    engine, options = _ENGINE_OPTIONS[name]
    if engine == "whisper":
        rec = create_recognizer(engine, **{**options, "threads": threads})
        return rec, {"threads": threads, "setting": "faster_whisper cpu_threads", "note": ""}
    family = engine.split("-")[0]
    return create_recognizer(engine, **options), {"threads": 1, "setting": None,
                                                  "note": _SINGLE_THREAD[family]}


def available_engines(names: tuple[str, ...] | None, threads: int) -> tuple[
        dict[str, Any], dict[str, Any], dict[str, str]]:
    """(name -> recognizer, name -> thread record, name -> why skipped) of ``names``
    (default: every engine of ENGINES whose model is installed; named engines must be)."""
    from speech.asr import EngineUnavailable

    recs: dict[str, Any] = {}
    records: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    for name in names or ENGINES:
        try:
            recs[name], records[name] = recognizer_for(name, threads)
        except EngineUnavailable as exc:
            if names:
                raise
            skipped[name] = str(exc)
    return recs, records, skipped
# Spelling differences between the references and CMUdict words that are not errors.
_NORMALIZE = {"mr": "mister", "mrs": "missus"}


def _norm(text: str) -> list[str]:
    return [_NORMALIZE.get(w, w) for w in text.lower().split()]


def recordings() -> list[tuple[str, AudioClip, str]]:
    """(name, audio, reference) of the real recordings with transcripts."""
    if not TESTDATA.is_dir():
        raise FileNotFoundError(
            f"{TESTDATA} missing: apt-get install pocketsphinx-testdata"
        )
    out = []
    for folder, refs in (("librivox", "transcription"), ("cards", "cards.transcription")):
        for line in (TESTDATA / folder / refs).read_text().splitlines():
            text, _, fid = line.rpartition("(")
            fid = fid.strip(" )")
            ref = text.replace("<s>", "").replace("</s>", "").strip()
            out.append((f"{folder}/{fid}", read_wav(TESTDATA / folder / f"{fid}.wav"), ref))
    raw = TESTDATA / "goforward.raw"
    if raw.is_file():
        out.append(("goforward.raw", read_pcm(raw.read_bytes()), "go forward ten meters"))
    return out


def wer_rtf(quick: bool, engines: dict[str, Any]) -> dict[str, Any]:
    recs = recordings()
    repeats = 1 if quick else 3
    audio_s = round(sum(c.seconds for _, c, _ in recs), 2)
    res: dict[str, Any] = {"files": len(recs), "audio_s": audio_s, "repeats": repeats}
    for eng, rec in engines.items():
        edits = words = 0
        per_file = []
        rtfs: list[float] = []
        cpu_rtfs: list[float] = []
        for rep in range(repeats):
            busy = audio = cpu = 0.0
            for name, clip, ref in recs:
                c0 = time.process_time()
                tr = transcribe_clip(rec, clip, pad_s=0.0)
                cpu += time.process_time() - c0
                busy += tr.rtf * tr.seconds
                audio += tr.seconds
                if rep == 0:
                    e = edit_distance(_norm(ref), _norm(tr.text))
                    edits += e
                    words += len(ref.split())
                    per_file.append({"file": name, "ref": ref, "hyp": tr.text,
                                     "wer": round(e / len(ref.split()), 3)})
            rtfs.append(busy / audio)
            cpu_rtfs.append(cpu / audio)
        res[eng] = {"wer": round(edits / words, 4), "rtf_median": round(statistics.median(rtfs), 4),
                    "rtf_runs": [round(r, 4) for r in rtfs],
                    "cpu_rtf_median": round(statistics.median(cpu_rtfs), 4),
                    "per_file": per_file}
    return res


def latency(quick: bool, engines: dict[str, Any],
            trailing_silence_s: float = 1.0) -> dict[str, Any]:
    from speech.endpoint import EndpointConfig, EndpointedTranscript, Endpointer, listen

    rng = np.random.default_rng(0)
    recs = recordings()
    if quick:
        recs = recs[:5]
    rate = 16000
    gap = np.zeros(int(1.5 * rate))
    parts, speech_ends = [np.zeros(int(0.5 * rate))], []
    t = 0.5
    for _name, clip, _ref in recs:
        parts += [clip.samples.astype(np.float64), gap]
        speech_ends.append(t + clip.seconds)
        t += clip.seconds + 1.5
    x = np.concatenate(parts) + rng.normal(0, 30.0, int(round(t * rate)))
    stream = AudioClip(np.clip(x, -32768, 32767).astype(np.int16), rate)
    res: dict[str, Any] = {"utterances_expected": len(recs),
                           "trailing_silence_s": trailing_silence_s}
    for eng, rec in engines.items():
        ep = Endpointer(EndpointConfig(trailing_silence_s=trailing_silence_s))
        finals = [ev for ev in listen(chunk_bytes(stream, 30), rec, ep)
                  if isinstance(ev, EndpointedTranscript)]
        lat = [f.final_latency_s * 1000 for f in finals]
        # end of speech -> transcript: trailing silence waited + final decode
        eos = []
        for f in finals:
            ends = [e for e in speech_ends if e <= f.endpoint_s + 1e-6]
            if ends:
                eos.append((f.endpoint_s - ends[-1]) * 1000 + f.final_latency_s * 1000)
        res[eng] = {
            "utterances": len(finals),
            "final_after_endpoint_ms_p50": round(statistics.median(lat), 1) if lat else None,
            "final_after_endpoint_ms_p95": round(float(np.percentile(lat, 95)), 1) if lat else None,
            "final_after_endpoint_ms_max": round(max(lat), 1) if lat else None,
            "end_of_speech_to_final_ms_p50": round(statistics.median(eos), 1) if eos else None,
        }
    return res


def run_bench_asr(out_dir: Path, quick: bool = False, threads: int = 2,
                  engines: tuple[str, ...] | None = None) -> dict[str, Any]:
    """WER/RTF and latency of ``engines`` (default: every installed one of ENGINES) with
    ``threads`` CPU threads where an engine has that setting; writes asr.json, asr.png."""
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    recs, thread_records, skipped = available_engines(engines, threads)
    result: dict[str, Any] = {
        "bench": "asr", "quick": quick, "engines": list(recs), "skipped": skipped,
        "real_recordings": wer_rtf(quick, recs), "latency": latency(quick, recs),
        "machine": machine_info(threads=threads), "threads": thread_records,
        "threads_requested": threads,
        "note": "rtf = wall busy time / audio time, cpu_rtf = process CPU time / audio time "
                "(robust to a loaded machine; for a multi-threaded engine it counts every "
                "thread)"}
    result["wall_s"] = round(time.time() - t0, 1)
    result["load_avg_1m"] = round(os.getloadavg()[0], 2)  # other work on the machine
    (out_dir / "asr.json").write_text(json.dumps(result, indent=2) + "\n")
    _plot(result, out_dir / "asr.png")
    rr, la = result["real_recordings"], result["latency"]
    return {
        "bench": "asr", "files": rr["files"], "engines": list(recs),
        "threads": {k: v["threads"] for k, v in thread_records.items()},
        "wer": {e: rr[e]["wer"] for e in recs},
        "rtf_median": {e: rr[e]["rtf_median"] for e in recs},
        "cpu_rtf_median": {e: rr[e]["cpu_rtf_median"] for e in recs},
        "final_after_endpoint_ms_p95": {e: la[e]["final_after_endpoint_ms_p95"] for e in recs},
        "end_of_speech_to_final_ms_p50": {e: la[e]["end_of_speech_to_final_ms_p50"]
                                          for e in recs},
        "load_avg_1m": result["load_avg_1m"], "out": str(out_dir / "asr.json"),
    }


def _plot(result: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    rr, la = result["real_recordings"], result["latency"]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    names = list(result["engines"])
    colors = ["tab:gray", "tab:blue", "tab:green", "tab:orange", "tab:purple"][:len(names)]
    axes[0].bar(names, [rr[e]["wer"] for e in names], color=colors)
    axes[0].set_title("WER, real recordings")
    axes[1].bar(names, [rr[e]["rtf_median"] for e in names], color=colors)
    axes[1].axhline(0.1, color="red", linestyle="--", linewidth=1)
    axes[1].set_title("RTF (median; goal 0.1)")
    axes[2].bar(names, [la[e]["final_after_endpoint_ms_p95"] or 0 for e in names],
                color=colors)
    axes[2].axhline(300, color="red", linestyle="--", linewidth=1)
    axes[2].set_title("final after endpoint, p95 ms (goal 300)")
    for ax in axes:
        ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
