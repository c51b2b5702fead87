"""`eldercare bench speech`: the spoken command set through ASR and the intent model.

For every generated clip (see speech.command_set) and each engine (domain LM, general LM):
WER, spoken-intent accuracy (audio -> ASR -> IntentModel.classify), recall of
emergency_help / fall_report through audio, and the same intent model on the reference
text as the upper bound; plus barge-in detection of spoken "stop" phrases and its false
alarms on everything else. Writes commands.json and commands.png.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from speech.asr import create_recognizer, transcribe_clip
from speech.command_set import SAFETY, command_sentences, generate
from speech.metrics import edit_distance

ENGINES = ("pocketsphinx", "pocketsphinx-general", "pocketsphinx-open")
STOP_PHRASES = ("stop", "stop talking", "be quiet", "please stop")


def machine() -> dict[str, Any]:
    return {"platform": platform.platform(), "cpu": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(), "python": platform.python_version()}


def _group(rows: list[dict[str, Any]], key: str, engine: str) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[str(r[key])].append(r)
    out = {}
    for k, rs in sorted(groups.items()):
        words = sum(r["ref_words"] for r in rs)
        out[k] = {
            "n": len(rs),
            "wer": round(sum(r[engine]["edits"] for r in rs) / max(1, words), 4),
            "intent_accuracy": round(sum(r[engine]["intent"] == r["intent"] for r in rs)
                                     / len(rs), 4),
        }
    return out


def _summary(rows: list[dict[str, Any]], engine: str) -> dict[str, Any]:
    n = len(rows)
    words = sum(r["ref_words"] for r in rows)
    res: dict[str, Any] = {
        "clips": n,
        "wer": round(sum(r[engine]["edits"] for r in rows) / max(1, words), 4),
        "sentence_exact": round(sum(r[engine]["edits"] == 0 for r in rows) / max(1, n), 4),
        "intent_accuracy": round(sum(r[engine]["intent"] == r["intent"] for r in rows)
                                 / max(1, n), 4),
        # same intent as the model gives on the reference text: the ASR's share of errors
        "intent_agreement_with_text": round(sum(r[engine]["intent"] == r["text_intent"]
                                                for r in rows) / max(1, n), 4),
        "rtf_median": round(statistics.median(r[engine]["rtf"] for r in rows), 4),
    }
    for label in SAFETY:
        rs = [r for r in rows if r["intent"] == label]
        res[f"{label}_recall"] = (round(sum(r[engine]["intent"] == label for r in rs) / len(rs), 4)
                                  if rs else None)
    safety = [r for r in rows if r["intent"] in SAFETY]
    res["safety_recall_any_alert"] = (round(sum(r[engine]["intent"] in SAFETY for r in safety)
                                            / len(safety), 4) if safety else None)
    others = [r for r in rows if r["intent"] not in SAFETY]
    res["false_alert_rate"] = (round(sum(r[engine]["intent"] in SAFETY for r in others)
                                     / len(others), 4) if others else None)
    res["missed_safety"] = [
        {"text": r["text"], "heard": r[engine]["text"], "intent": r[engine]["intent"],
         "voice": r["voice"], "rate_wpm": r["rate_wpm"], "snr_db": r["snr_db"]}
        for r in safety if r[engine]["intent"] not in SAFETY
    ][:30]
    for key in ("voice", "rate_wpm", "snr_db"):
        res[f"by_{key}"] = _group(rows, key, engine)
    return res


def _bargein(quick: bool, negatives: list[Any]) -> dict[str, Any]:
    import numpy as np

    from speech.audio import AudioClip, chunk_bytes
    from speech.bargein import BargeIn
    from speech.command_set import RATES, mix, voices
    from speech.tts import Speaker

    rng = np.random.default_rng(1)
    mon = BargeIn()

    def heard(clip: AudioClip) -> bool:
        mon.start()
        hit = any(mon.feed(c) for c in chunk_bytes(clip, 30))
        mon.stop()
        return hit

    pos: list[dict[str, Any]] = []
    for voice in voices():
        for rate in RATES:
            for phrase in STOP_PHRASES[:2] if quick else STOP_PHRASES:
                clip = Speaker(rate_wpm=rate, voice=voice).synthesize(phrase, 16000)
                audio = AudioClip(mix(clip.samples, 20.0, 16000, rng), 16000)
                pos.append({"phrase": phrase, "voice": voice, "rate_wpm": rate,
                            "detected": heard(audio)})
    neg = [heard(a) for a in negatives]
    by_voice: dict[str, list[bool]] = defaultdict(list)
    for p in pos:
        by_voice[p["voice"]].append(p["detected"])
    return {
        "stop_detection_rate": round(sum(p["detected"] for p in pos) / len(pos), 4),
        "stop_detection_by_voice": {v: round(sum(d) / len(d), 4) for v, d in by_voice.items()},
        "false_alarm_rate": round(sum(neg) / max(1, len(neg)), 4),
        "positives": len(pos),
        "negatives": len(neg),
        "snr_db": 20.0,
    }


def run_bench_commands(out_dir: Path, quick: bool = False,
                       intent_model: str | None = None) -> dict[str, Any]:
    from tqdm import tqdm

    from device.intent import IntentModel

    out_dir.mkdir(parents=True, exist_ok=True)
    model = IntentModel.load(intent_model, threads=2)
    recs = {e: create_recognizer(e) for e in ENGINES}
    sentences = command_sentences(quick)
    rows: list[dict[str, Any]] = []
    negatives: list[Any] = []
    t0 = time.time()
    for cmd in tqdm(generate(sentences), desc="spoken commands", unit="clip", file=None):
        row: dict[str, Any] = {"text": cmd.text, "intent": cmd.intent, "voice": cmd.voice,
                               "rate_wpm": cmd.rate_wpm, "snr_db": cmd.snr_db,
                               "ref_words": len(cmd.text.split()),
                               "seconds": round(cmd.audio.seconds, 3)}
        for eng, rec in recs.items():
            tr = transcribe_clip(rec, cmd.audio, pad_s=0.0)
            res = model.classify(tr.text) if tr.text else None
            row[eng] = {"text": tr.text, "rtf": tr.rtf,
                        "edits": edit_distance(cmd.text.split(), tr.text.split()),
                        "intent": res.intent if res else "out_of_scope"}
        rows.append(row)
        if cmd.intent != "stop" and len(negatives) < (40 if quick else 150):
            negatives.append(cmd.audio)
    text_pred = model.classify_batch([r["text"] for r in rows])
    pairs = list(zip(text_pred, rows, strict=True))
    for p, r in pairs:
        r["text_intent"] = p.intent
    text_acc = sum(p.intent == r["intent"] for p, r in pairs) / max(1, len(rows))
    text_safety = [p.intent == r["intent"] for p, r in pairs if r["intent"] in SAFETY]
    result: dict[str, Any] = {
        "bench": "speech_commands",
        "quick": quick,
        "sentences": len(sentences),
        "clips": len(rows),
        "voices": sorted({r["voice"] for r in rows}),
        "rates_wpm": sorted({r["rate_wpm"] for r in rows}),
        "snrs_db": sorted({r["snr_db"] for r in rows}),
        "intent_model": str(model.model_dir),
        "text_intent_accuracy": round(text_acc, 4),
        "text_safety_recall": round(sum(text_safety) / max(1, len(text_safety)), 4),
        "engines": {e: _summary(rows, e) for e in ENGINES},
        "bargein": _bargein(quick, negatives),
        "machine": machine(),
        "threads": 1,
        "wall_s": round(time.time() - t0, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    (out_dir / "commands.json").write_text(json.dumps(result, indent=2) + "\n")
    with (out_dir / "commands_rows.jsonl").open("w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    _plot(result, out_dir / "commands.png")
    d = result["engines"]["pocketsphinx"]
    g = result["engines"]["pocketsphinx-general"]
    return {
        "bench": "speech", "clips": len(rows),
        "wer_domain": d["wer"], "wer_general": g["wer"],
        "intent_accuracy_domain": d["intent_accuracy"],
        "intent_accuracy_general": g["intent_accuracy"],
        "intent_accuracy_open": result["engines"]["pocketsphinx-open"]["intent_accuracy"],
        "intent_agreement_domain": d["intent_agreement_with_text"],
        "intent_agreement_general": g["intent_agreement_with_text"],
        "text_intent_accuracy": result["text_intent_accuracy"],
        "emergency_recall_domain": d["emergency_help_recall"],
        "fall_recall_domain": d["fall_report_recall"],
        "safety_recall_any_alert_domain": d["safety_recall_any_alert"],
        "stop_detection_rate": result["bargein"]["stop_detection_rate"],
        "bargein_false_alarm_rate": result["bargein"]["false_alarm_rate"],
        "out": str(out_dir / "commands.json"),
    }


def _plot(result: dict[str, Any], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    for ax, key in zip(axes, ("voice", "rate_wpm", "snr_db"), strict=True):
        for k, eng in enumerate(ENGINES):
            groups = result["engines"][eng][f"by_{key}"]
            xs = list(groups)
            ax.bar([i + 0.27 * k for i in range(len(xs))],
                   [groups[x]["intent_accuracy"] for x in xs], width=0.27, label=eng)
            ax.set_xticks([i + 0.27 for i in range(len(xs))], xs, rotation=20, fontsize=8)
        ax.axhline(0.9, color="gray", linestyle="--", linewidth=1)
        ax.set_ylim(0, 1)
        ax.axhline(result["text_intent_accuracy"], color="green", linestyle=":", linewidth=1)
        ax.set_title(f"spoken-intent accuracy by {key}")
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
