"""`eldercare bench speech`: the spoken command set through ASR and the intent model.

For every generated clip (see speech.command_set) and each recognizer variant, decoded
side by side in one run (VARIANTS: the default, the settings it replaced, wider beams,
the open-vocabulary fallback, the general LM): WER, spoken-intent accuracy (audio -> ASR ->
IntentModel.classify), recall of emergency_help / fall_report through audio (exact label and
any safety alert), agreement with the model's intent on the reference text, and the same
model on the reference text as the upper bound. "+nbest" rows reuse a variant's decode and
decide with speech.spoken_intent (an ASR alternative may raise a safety label). Plus
barge-in detection of spoken "stop" phrases and its false alarms on everything else.
Writes commands.json, commands_rows.jsonl and commands.png.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from health.sysinfo import machine_info
from speech.asr import Transcript, create_recognizer, transcribe_clip
from speech.asr_pocketsphinx import WIDE_SETTINGS
from speech.command_set import SAFETY, command_sentences, generate
from speech.metrics import edit_distance
from speech.spoken_intent import spoken_intent

# name -> (engine, options): every variant decodes every clip, side by side
VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    "pocketsphinx": ("pocketsphinx", {}),
    "pocketsphinx-no-warmup": ("pocketsphinx", {"cmn_warmup_s": 0.0}),
    "pocketsphinx-wide": ("pocketsphinx", dict(WIDE_SETTINGS)),
    "pocketsphinx-open": ("pocketsphinx-open", {}),
    "pocketsphinx-general": ("pocketsphinx-general", {}),
}
# name -> variant whose decode it reuses, deciding with speech.spoken_intent
NBEST = {"pocketsphinx+nbest": "pocketsphinx", "pocketsphinx-wide+nbest": "pocketsphinx-wide"}
ENGINES = (*VARIANTS, *NBEST)
# the default decode decided as the device does (see _device_decision)
DEVICE = "pocketsphinx+device"
ENGINES = (*ENGINES, DEVICE)
# the default decode and its n-best decision with a second (baseline) intent model
BASELINE, BASELINE_NBEST = "pocketsphinx[baseline]", "pocketsphinx+nbest[baseline]"
STOP_PHRASES = ("stop", "stop talking", "be quiet", "please stop")


def _device_decision(model: Any, tr: Transcript, base: dict[str, Any]) -> dict[str, Any]:
    """The safety decision of device.pipeline on one decode: the n-best labels, plain safety
    words in an alternative (device.safety), and the confirmer's rule that safety words in
    the 1-best are asked about whatever the label. "asked": a safety label that goes
    through the confirmation question (it alerts unless the resident says no)."""
    from device.safety import safety_label_of_words

    si = spoken_intent(model, tr, safety_phrase=safety_label_of_words)
    intent, asked = si.intent, si.from_alternative > 0
    words = safety_label_of_words(tr.text) if intent not in SAFETY and tr.text else None
    if words is not None:
        intent, asked = words, True
    return {**base, "intent": intent, "from_alternative": si.from_alternative, "asked": asked}


def _recall(rows: list[dict[str, Any]], engine: str, labels: tuple[str, ...],
            hit: tuple[str, ...] | None = None) -> float | None:
    """Share of rows labelled in `labels` given a label in `hit` (default: their own)."""
    rs = [r for r in rows if r["intent"] in labels]
    if not rs:
        return None
    return round(sum(r[engine]["intent"] in (hit or (r["intent"],)) for r in rs) / len(rs), 4)


def _group(rows: list[dict[str, Any]], key: str, engine: str) -> dict[str, dict[str, Any]]:
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
            "intent_agreement_with_text": round(
                sum(r[engine]["intent"] == r["text_intent"] for r in rs) / len(rs), 4),
            "emergency_help_recall": _recall(rs, engine, ("emergency_help",)),
            "fall_report_recall": _recall(rs, engine, ("fall_report",)),
            "safety_recall_any_alert": _recall(rs, engine, SAFETY, SAFETY),
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
    if rows and "asked" in rows[0][engine]:  # the device decision: questions vs alerts
        caught = [r for r in safety if r[engine]["intent"] in SAFETY]
        res["safety_caught_by_question"] = (round(sum(r[engine]["asked"] for r in caught)
                                                  / len(caught), 4) if caught else None)
        res["false_alert_at_once_rate"] = (round(sum(
            r[engine]["intent"] in SAFETY and not r[engine]["asked"] for r in others)
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


def run_bench_commands(out_dir: Path, quick: bool = False, intent_model: str | None = None,
                       every: int | None = None,
                       baseline_model: str | None = None,
                       limit: int | None = None) -> dict[str, Any]:
    """Run the benchmark; `every`: keep every n-th non-safety sentence (all safety ones).

    limit: the first n sentences only (smoke runs).
    baseline_model: a second intent model folder; "pocketsphinx[baseline]" and
    "pocketsphinx+nbest[baseline]" then decide on the same decodes with it, side by side.
    """
    from tqdm import tqdm

    from device.intent import IntentModel

    out_dir.mkdir(parents=True, exist_ok=True)
    model = IntentModel.load(intent_model, threads=2)
    baseline = IntentModel.load(baseline_model, threads=2) if baseline_model else None
    engines = ENGINES + ((BASELINE, BASELINE_NBEST) if baseline else ())
    recs = {name: create_recognizer(eng, **opts) for name, (eng, opts) in VARIANTS.items()}
    sentences = command_sentences(quick, every=every, limit=limit)
    rows: list[dict[str, Any]] = []
    negatives: list[Any] = []
    t0 = time.time()
    for cmd in tqdm(generate(sentences), desc="spoken commands", unit="clip", file=None):
        row: dict[str, Any] = {"text": cmd.text, "intent": cmd.intent, "voice": cmd.voice,
                               "rate_wpm": cmd.rate_wpm, "snr_db": cmd.snr_db,
                               "ref_words": len(cmd.text.split()),
                               "seconds": round(cmd.audio.seconds, 3)}
        heard: dict[str, Transcript] = {}
        for eng, rec in recs.items():
            tr = heard[eng] = transcribe_clip(rec, cmd.audio, pad_s=0.0)
            res = model.classify(tr.text) if tr.text else None
            row[eng] = {"text": tr.text, "rtf": tr.rtf,
                        "edits": edit_distance(cmd.text.split(), tr.text.split()),
                        "intent": res.intent if res else "out_of_scope"}
        for name, base in NBEST.items():
            si = spoken_intent(model, heard[base])
            row[name] = {**row[base], "intent": si.intent, "alternatives":
                         heard[base].alternatives, "from_alternative": si.from_alternative}
        row[DEVICE] = _device_decision(model, heard["pocketsphinx"], row["pocketsphinx"])
        if baseline is not None:
            tr = heard["pocketsphinx"]
            res = baseline.classify(tr.text) if tr.text else None
            row[BASELINE] = {**row["pocketsphinx"],
                             "intent": res.intent if res else "out_of_scope"}
            si = spoken_intent(baseline, tr)
            row[BASELINE_NBEST] = {**row["pocketsphinx+nbest"], "intent": si.intent,
                                   "from_alternative": si.from_alternative}
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
        "every": every,
        "sentences": len(sentences),
        "variants": {k: [e, {o: str(v) for o, v in opts.items()}]
                     for k, (e, opts) in VARIANTS.items()},
        "nbest_variants": NBEST,
        "clips": len(rows),
        "voices": sorted({r["voice"] for r in rows}),
        "rates_wpm": sorted({r["rate_wpm"] for r in rows}),
        "snrs_db": sorted({r["snr_db"] for r in rows}),
        "intent_model": str(model.model_dir),
        "baseline_model": str(baseline.model_dir) if baseline else None,
        "text_intent_accuracy": round(text_acc, 4),
        "text_safety_recall": round(sum(text_safety) / max(1, len(text_safety)), 4),
        "engines": {e: _summary(rows, e) for e in engines},
        "bargein": _bargein(quick, negatives),
        "machine": machine_info(),
        "threads": 1,
        "wall_s": round(time.time() - t0, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    (out_dir / "commands.json").write_text(json.dumps(result, indent=2) + "\n")
    with (out_dir / "commands_rows.jsonl").open("w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    _plot(result, out_dir / "commands.png")
    (out_dir / "commands.md").write_text(tables(result), encoding="utf-8")
    short = {}
    for eng, e in result["engines"].items():
        short[eng] = {k: e[k] for k in (
            "wer", "intent_accuracy", "intent_agreement_with_text", "emergency_help_recall",
            "fall_report_recall", "safety_recall_any_alert", "false_alert_rate", "rtf_median")}
    return {
        "bench": "speech", "clips": len(rows),
        "text_intent_accuracy": result["text_intent_accuracy"],
        "engines": short,
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
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.5))
    engines = list(result["engines"])
    w = 0.8 / len(engines)
    for ax, key in zip(axes, ("voice", "rate_wpm", "snr_db"), strict=True):
        for k, eng in enumerate(engines):
            groups = result["engines"][eng][f"by_{key}"]
            xs = list(groups)
            ax.bar([i + w * k for i in range(len(xs))],
                   [groups[x]["intent_accuracy"] for x in xs], width=w, label=eng)
            ax.set_xticks([i + 0.4 - w / 2 for i in range(len(xs))], xs, rotation=20,
                          fontsize=8)
        ax.axhline(0.9, color="gray", linestyle="--", linewidth=1)
        ax.set_ylim(0, 1)
        ax.axhline(result["text_intent_accuracy"], color="green", linestyle=":", linewidth=1)
        ax.set_title(f"spoken-intent accuracy by {key}")
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def tables(result: dict[str, Any]) -> str:
    """The run's results as markdown tables (written beside commands.json as commands.md)."""
    cols = ("wer", "intent_accuracy", "intent_agreement_with_text", "emergency_help_recall",
            "fall_report_recall", "safety_recall_any_alert", "false_alert_rate", "rtf_median")
    head = ("variant", "WER", "spoken-intent acc", "same intent as on text", "emergency recall",
            "fall recall", "safety caught (any alert or question)", "false safety rate",
            "RTF median")
    out = [f"clips {result['clips']} ({result['sentences']} test-split sentences, quick="
           f"{result['quick']}), wall {result['wall_s']} s, load {result['load_avg_1m']}, "
           f"text accuracy {result['text_intent_accuracy']}, text safety recall "
           f"{result['text_safety_recall']}; intent model {result['intent_model']}"
           + (f", baseline {result['baseline_model']}" if result.get("baseline_model") else ""),
           "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, e in result["engines"].items():
        out.append("| " + " | ".join([name] + [str(e.get(c)) for c in cols]) + " |")
    dev = result["engines"].get(DEVICE, {})
    if "safety_caught_by_question" in dev:
        out += ["", f"{DEVICE}: of the safety clips caught, {dev['safety_caught_by_question']} "
                f"went through the confirmation question; other clips alerting at once: "
                f"{dev['false_alert_at_once_rate']}."]
    keys = ("intent_accuracy", "intent_agreement_with_text", "emergency_help_recall",
            "fall_report_recall", "safety_recall_any_alert")
    for key in ("voice", "rate_wpm", "snr_db"):
        groups = list(next(iter(result["engines"].values()))[f"by_{key}"])
        out += ["", f"By {key} (intent acc / same-as-text / emergency / fall / any-alert "
                "recall):", "", "| variant | " + " | ".join(groups) + " |",
                "|" + "---|" * (len(groups) + 1)]
        for name, e in result["engines"].items():
            cells = [" / ".join(str(e[f"by_{key}"][g].get(k)) for k in keys) for g in groups]
            out.append("| " + " | ".join([name, *cells]) + " |")
    b = result.get("bargein", {})
    if b:
        out += ["", f"Barge-in: stop detected {b.get('stop_detection_rate')}, false alarms "
                f"{b.get('false_alarm_rate')} on other commands."]
    return "\n".join(out) + "\n"
