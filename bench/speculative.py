"""`eldercare bench speculative`: speculative decoding at the resident's pause, off and on,
side by side in one run (docs/speech.md, "Speculative decoding").

Audio: the spoken care commands of ``eldercare bench speech`` (bench.speech_commands
makes and caches them with a manifest.jsonl; ``--clips`` names such a folder). Each clip
is played in real time (30 ms chunks paced by the clock, 0.3 s of silence before it and
1.5 s after) through the device's own listening path: ``speech.capture.Capture``,
``speech.endpoint.Endpointer`` (the device's settings: 1.0 s of trailing silence ends an
utterance), ``device.duplex.DuplexListener`` and the turn's transcript
(``device.speculative.transcribe_heard``), with recognizers made by
``device.loaders.make_recognizer`` from the shipped example settings (the hybrid, Whisper
base, ``asr.threads``). Off: no speculator (the turn decodes the utterance at its end).
On: a ``device.speculative.Speculator`` at ``input.speculate_after_s``. Each mode keeps
its own runtime recognizer across the clips, as a device does; the two modes take turns
on every clip (which goes first alternates), so that both see the same machine load.

Latency: from the true end of speech (the end of the last voiced 30 ms frame of the clip,
by the endpointer's VAD, on the clock of the stand-in microphone) to the transcript.
Figures: p50/p95 per mode, the share of utterances that took a speculation, whether the
transcripts (1-best, and with the n-best) of the two modes are identical, and whether the
device decides them alike (a real ``device.pipeline.Assistant`` with the shipped intent
model, after the timed runs: the intent answered, a safety alert, the safety question).
Writes speculative.json and speculative.png.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.figures import percentile
from bench.machine import machine_info

__all__ = ["run_bench_speculative", "true_end_s"]

LEAD_S = 0.3
TAIL_S = 1.5
CHUNK_MS = 30
QUICK_CLIPS = 40


def true_end_s(samples: Any, rate: int, aggressiveness: int = 2,
               frame_ms: int = CHUNK_MS) -> float | None:
    """Seconds into ``samples`` where the last voiced frame (webrtcvad, as the endpointer
    hears it) ends; None when nothing is voiced."""
    import webrtcvad

    vad = webrtcvad.Vad(aggressiveness)
    step = rate * frame_ms // 1000
    pcm = samples.astype("<i2").tobytes()
    end = None
    for i in range(0, len(samples) - step + 1, step):
        if vad.is_speech(pcm[2 * i:2 * (i + step)], rate):
            end = (i + step) / rate
    return end


class _Clocked:
    """A source that notes the wall clock (monotonic) of its first read: stream time 0."""

    def __init__(self, source: Any) -> None:
        self.source = source
        self.sample_rate = source.sample_rate
        self.device_overflows = 0
        self.t0: float | None = None

    def read(self) -> bytes | None:
        if self.t0 is None:
            self.t0 = time.monotonic()
        return self.source.read()

    def close(self) -> None:
        self.source.close()


def _listen_once(clip: Any, recognizer: Any, speculator: Any, settings: Any
                 ) -> list[dict[str, Any]]:
    """Play ``clip`` in real time through the device's listening path; one row per turn."""
    from device.duplex import DuplexListener
    from device.speculative import transcribe_heard
    from speech.capture import Capture, WavSource
    from speech.endpoint import EndpointConfig, Endpointer

    source = _Clocked(WavSource(clip, clip.sample_rate, chunk_ms=CHUNK_MS, lead_s=LEAD_S,
                                tail_s=TAIL_S))
    rows: list[dict[str, Any]] = []

    def handle(heard: Any) -> None:
        transcript, used = transcribe_heard(recognizer, heard, speculator)
        rows.append({"at": time.monotonic(), "transcript": transcript, "text": transcript.text,
                     "alternatives": list(transcript.alternatives), "speculative": used,
                     "offered": heard.speculation is not None,
                     "path": getattr(speculator.recognizer if used else recognizer,
                                     "last_path", ""),
                     "end_s": heard.end_s})

    config = EndpointConfig(sample_rate=clip.sample_rate,
                            speculate_after_s=settings.input.speculate_after_s
                            if speculator is not None else None)
    DuplexListener(Capture(source), Endpointer(config), handle,
                   speculator=speculator).run()
    assert source.t0 is not None
    for r in rows:
        r["t0"] = source.t0
    return rows


def run_bench_speculative(out_dir: Path, quick: bool = True, clips: Path | None = None,
                          limit: int | None = None) -> dict[str, Any]:
    """Run the benchmark (see module doc); returns a short summary.

    Args:
        quick: about QUICK_CLIPS clips spread over the set (else every clip).
        clips: a folder of WAVs with manifest.jsonl (default: the quick spoken command set
            of ``eldercare bench speech``, made once and cached).
        limit: at most this many clips (smoke runs).
    """
    from device.loaders import make_recognizer
    from device.settings import example_config_path, load_settings
    from device.speculative import Speculator
    from speech.audio import read_wav

    settings = load_settings(example_config_path())
    if not settings.input.speculate_after_s:
        raise ValueError("input.speculate_after_s is off in the example settings")
    if clips is None:
        from bench.speech_commands import clips_dir
        from speech.command_set import command_sentences

        clips = clips_dir(command_sentences(quick=True))
    manifest = clips / "manifest.jsonl"
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} does not exist: give a folder made by "
                                "eldercare bench speech (WAVs + manifest.jsonl)")
    items = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
    if quick and len(items) > QUICK_CLIPS:
        items = [items[round(i * len(items) / QUICK_CLIPS)] for i in range(QUICK_CLIPS)]
    items = items[:limit] if limit else items
    rate = settings.asr.sample_rate
    load_start = _load()
    t_start = time.time()
    main_off, main_on = make_recognizer(settings), make_recognizer(settings)
    speculator = Speculator(make_recognizer(settings), lambda pcm: _as_clip(pcm, rate),
                            main=main_on)
    load_s = time.time() - t_start
    rows: list[dict[str, Any]] = []
    try:
        for n, item in enumerate(items):
            clip = read_wav(clips / item["file"], rate)
            end = true_end_s(clip.samples, rate)
            if end is None:
                continue
            got: dict[str, list[dict[str, Any]]] = {}
            order = ("off", "on") if n % 2 == 0 else ("on", "off")
            for mode in order:
                rec, spec = (main_off, None) if mode == "off" else (main_on, speculator)
                got[mode] = _listen_once(clip, rec, spec, settings)
            rows.append(_row(item, end, got))
            print(f"[{n + 1}/{len(items)}] {item['text']!r}: " + ", ".join(
                f"{m} {rows[-1][m]['latency_ms']} ms" for m in ("off", "on")),
                file=sys.stderr, flush=True)
    finally:
        spec_stats = speculator.stats()
        speculator.close()
    load_end = _load()
    _decide(rows)
    result = _summary(rows, spec_stats)
    result["machine"] = {**machine_info(threads=settings.asr.threads, repeats=1,
                                        nice=_nice()),
                         "load_avg_1m": load_start, "load_avg_1m_end": load_end}
    result["setup"] = {
        "clips": str(clips), "clip_set": clips.name, "clips_run": len(rows),
        "quick": quick, "engine": settings.asr.engine, "model": settings.asr.model or "base",
        "asr_threads": settings.asr.threads,
        "speculate_after_s": settings.input.speculate_after_s,
        "trailing_silence_s": _trailing(), "lead_s": LEAD_S, "tail_s": TAIL_S,
        "chunk_ms": CHUNK_MS, "load_s": round(load_s, 2),
        "wall_s": round(time.time() - t_start, 1)}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "speculative.json").write_text(json.dumps(result, indent=2) + "\n")
    _plot(rows, result, out_dir / "speculative.png")
    return {"bench": "speculative", **{m: result["modes"][m] for m in ("off", "on")},
            "identical_text": result["identical_text"],
            "identical_decision": result["identical_decision"], "clips": len(rows),
            "out": str(out_dir / "speculative.json")}


def _as_clip(pcm: bytes, rate: int) -> Any:
    import numpy as np

    from speech.audio import AudioClip

    return AudioClip(np.frombuffer(pcm, dtype="<i2").astype(np.int16), rate)


def _trailing() -> float:
    from speech.endpoint import EndpointConfig

    return EndpointConfig().trailing_silence_s


def _load() -> float | None:
    import os

    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def _nice() -> int | None:
    import os

    return os.nice(0) if hasattr(os, "nice") else None


def _row(item: dict[str, Any], end: float, got: dict[str, list[dict[str, Any]]]
         ) -> dict[str, Any]:
    row: dict[str, Any] = {"file": item["file"], "text": item["text"],
                           "intent": item.get("intent"), "voice": item.get("voice"),
                           "snr_db": item.get("snr_db"), "true_end_s": round(end, 3)}
    for mode, turns in got.items():
        if not turns:
            row[mode] = {"turns": 0, "latency_ms": None, "text": ""}
            continue
        last = turns[-1]  # the utterance that ends at the end of the clip
        at_end = last["t0"] + LEAD_S + end
        row[mode] = {"turns": len(turns), "text": " ".join(t["text"] for t in turns),
                     "alternatives": last["alternatives"], "speculative": last["speculative"],
                     "offered": last["offered"], "path": last["path"],
                     "latency_ms": round((last["at"] - at_end) * 1000.0, 1),
                     "_transcript": last["transcript"]}
    return row


def _decide(rows: list[dict[str, Any]]) -> None:
    """The device's decision on each mode's transcript of the clip's last utterance (after
    the timed runs: a real Assistant with the shipped intent model, a fresh one per
    transcript, as ``eldercare bench speech`` decides): the intent answered, and whether
    a safety alert was raised or the safety question asked."""
    from bench.speech_commands import _assistant, _decision
    from device.intent import IntentModel

    model = IntentModel.load(None)
    for row in rows:
        for mode in ("off", "on"):
            tr = row[mode].pop("_transcript", None)
            if tr is None:
                continue
            assistant = _assistant(model)
            turn = assistant.respond_transcript(tr, source="bench")
            alert, asked = _decision(turn, assistant)
            row[mode]["decision"] = {"intent": turn.intent, "alert": alert, "asked": asked}


def _summary(rows: list[dict[str, Any]], spec_stats: dict[str, int]) -> dict[str, Any]:
    modes: dict[str, Any] = {}
    for mode in ("off", "on"):
        lat = [r[mode]["latency_ms"] for r in rows if r[mode]["latency_ms"] is not None]
        p50, p95 = percentile(lat, 50), percentile(lat, 95)
        modes[mode] = {"latency_ms_p50": None if p50 is None else round(p50, 1),
                       "latency_ms_p95": None if p95 is None else round(p95, 1),
                       "latency_ms_max": round(max(lat), 1) if lat else None,
                       "utterances": len(lat)}
    for mode in ("off", "on"):
        modes[mode].update(_scores(rows, mode))
    on = [r["on"] for r in rows if r["on"]["latency_ms"] is not None]
    modes["on"]["speculative_share"] = round(sum(o["speculative"] for o in on) / len(on),
                                             3) if on else None
    both = [r for r in rows if r["off"]["turns"] and r["on"]["turns"]]
    same = [r for r in both if r["off"]["text"] == r["on"]["text"]]
    same_nbest = [r for r in same if r["off"].get("alternatives") == r["on"].get("alternatives")]
    n = len(both)
    same_decision = [r for r in both if r["off"].get("decision") == r["on"].get("decision")]
    return {
        "bench": "speculative", "modes": modes,
        "identical_text": round(len(same) / n, 3) if n else None,
        "identical_with_nbest": round(len(same_nbest) / n, 3) if n else None,
        "identical_decision": round(len(same_decision) / n, 3) if n else None,
        "different_decision": [{"file": r["file"], "said": r["text"],
                                "off": r["off"].get("decision"), "on": r["on"].get("decision")}
                               for r in both if r not in same_decision],
        "different": [{"file": r["file"], "said": r["text"], "off": r["off"]["text"],
                       "on": r["on"]["text"], "on_speculative": r["on"].get("speculative")}
                      for r in both if r not in same],
        "speculator": spec_stats, "rows": rows,
        "latency": "ms from the end of the last voiced frame of the clip (stand-in "
                   "microphone clock) to the transcript; includes the endpointer's trailing "
                   "silence"}


def _scores(rows: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    """WER, the decision's accuracy, calls for help caught and false safety of one mode,
    as ``eldercare bench speech`` scores them (bench.speech_commands.summary)."""
    from bench.speech_commands import _words, summary
    from speech.metrics import edit_distance

    scored = [{"set": "commands", "intent": r["intent"], "decided": d["intent"],
               "alert": d["alert"], "asked": d["asked"],
               "edits": edit_distance(_words(r["text"]), _words(r[mode]["text"])),
               "ref_words": len(_words(r["text"])), "latency_ms": r[mode]["latency_ms"],
               "path": r[mode].get("path", ""), "ref": r["text"], "heard": r[mode]["text"],
               "voice": r.get("voice"), "snr_db": r.get("snr_db"), "cpu_s": 0.0,
               "seconds": 0.0}
              for r in rows if (d := r[mode].get("decision")) is not None]
    if not scored:
        return {}
    s = summary(scored)
    return {k: s.get(k) for k in ("wer", "decision_accuracy", "safety_caught",
                                  "false_safety")}


def _plot(rows: list[dict[str, Any]], result: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
    ax = axes[0]
    for mode, colour in (("off", "tab:gray"), ("on", "tab:blue")):
        lat = sorted(r[mode]["latency_ms"] for r in rows if r[mode]["latency_ms"] is not None)
        if lat:
            ax.plot(lat, [(i + 1) / len(lat) for i in range(len(lat))], color=colour,
                    label=f"speculation {mode}")
    ax.axvline(1500, color="red", linestyle="--", linewidth=1, label="goal 1500 ms (p95)")
    ax.set_xlabel("end of speech -> transcript, ms")
    ax.set_ylabel("share of utterances")
    ax.legend(fontsize=8)
    ax.set_title("latency, cumulative", fontsize=9)
    ax = axes[1]
    modes = result["modes"]
    xs = [0, 1]
    ax.bar([x - 0.2 for x in xs], [modes[m]["latency_ms_p50"] or 0 for m in ("off", "on")],
           0.4, label="p50")
    ax.bar([x + 0.2 for x in xs], [modes[m]["latency_ms_p95"] or 0 for m in ("off", "on")],
           0.4, label="p95")
    ax.set_xticks(xs, ["speculation off", "speculation on"])
    ax.axhline(1500, color="red", linestyle="--", linewidth=1)
    m = result.get("machine", {})
    ax.set_title(f"{m.get('cpu', '')[:40]}, {m.get('threads')} threads, load "
                 f"{m.get('load_avg_1m')}; same transcript {result['identical_text']}",
                 fontsize=8)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
