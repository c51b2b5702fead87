"""What the recognizer hears for each training sentence, for ASR-robust intent training.

    python -m speech.hypotheses --out compress/data/asr/en_hypotheses.jsonl [--folds 2]
        [--engine hybrid|whisper|pocketsphinx] [--whisper-model tiny.en|base]

The intent student reads transcripts, not typed text, and the en-US acoustic model gets
about half the words of an unseen sentence wrong. So each train-split sentence of the intent
dataset is spoken (speech.command_set: rotating voices, 110-170 wpm, room noise at
10-30 dB SNR) and decoded by the device's recognizer (``--engine``: the hybrid by default,
whose fast path is the pocketsphinx domain decoder with the device's settings; Whisper has
no domain LM and never saw the sentences). The pocketsphinx decoding LM must
not have seen the sentence, or the hypotheses come out far cleaner than on new speech: the
training groups are split into `folds` by a hash of their group id and each fold is decoded
with a domain LM built from everything except that fold (k-fold, like the shipped LM that
never saw the test split). compress distils the student on these hypotheses with the
teacher's soft labels of the sentence that was actually said.

Writes one JSON object per line: ``{"source", "text", "intent", "group", "voice",
"rate_wpm", "snr_db", "fold", "alternatives"}``; ``text`` is the recognizer's 1-best (may be
empty). Build time only (the device never imports this).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

__all__ = ["fold_of", "fold_rows", "decode_fold", "main"]


def fold_of(group: str, folds: int) -> int:
    """The fold of a paraphrase group (stable across runs and machines)."""
    return zlib.crc32(group.encode("utf-8")) % folds


def fold_rows(folds: int, every: int = 1) -> list[list[tuple[str, str, str]]]:
    """(text, intent, group) of the train split, per fold; every n-th sentence kept."""
    from compress.dataset import load_examples

    if folds < 2:
        raise ValueError("folds must be >= 2 (each fold is decoded by an LM without it)")
    if every < 1:
        raise ValueError("every must be >= 1")
    rows = [e for e in load_examples("en") if e.split == "train"][::every]
    out: list[list[tuple[str, str, str]]] = [[] for _ in range(folds)]
    for e in rows:
        out[fold_of(e.group, folds)].append((e.text, e.intent, e.group))
    return out


ENGINES = ("hybrid", "whisper", "pocketsphinx")


def _recognizer(engine: str, lm_dir: str, whisper_model: str) -> Any:
    from speech.asr_pocketsphinx import DOMAIN_SETTINGS, PocketSphinxRecognizer

    if engine == "pocketsphinx":
        return PocketSphinxRecognizer(model=lm_dir, **DOMAIN_SETTINGS)
    if engine == "whisper":
        from speech.asr_whisper import WhisperRecognizer

        return WhisperRecognizer(whisper_model, threads=1)
    if engine == "hybrid":
        from device.safety import safety_label_of_words
        from speech.asr_hybrid import HybridRecognizer

        return HybridRecognizer(whisper_model, threads=1, safety_words=safety_label_of_words,
                                fast_options={"model": lm_dir})
    raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")


def decode_fold(fold: int, rows: list[tuple[str, str, str]], seed: int = 0,
                progress: bool = True, engine: str = "hybrid",
                whisper_model: str = "tiny.en") -> Iterator[dict[str, Any]]:
    """Speak and decode one fold with an LM built without its groups (one Whisper thread
    per fold: the folds run side by side)."""
    from tqdm import tqdm

    from speech.asr import transcribe_clip
    from speech.build_lm import build
    from speech.command_set import generate
    from speech.lm_corpus import domain_sentences, normalize

    rows = [r for r in rows if normalize(r[0])]  # generate() skips what has no words
    groups = frozenset(g for _t, _i, g in rows)
    with tempfile.TemporaryDirectory(prefix=f"hyp-lm{fold}-") as tmp:
        build(5000, 0.1, Path(tmp), corpus=domain_sentences(skip_groups=groups))
        rec = _recognizer(engine, tmp, whisper_model)
        spoken = generate([(t, i) for t, i, _g in rows], seed=seed + fold,
                          safety_all_voices=False)
        bar = tqdm(total=len(rows), desc=f"fold {fold} speak+decode", disable=not progress,
                   position=fold, leave=True)
        for (text, intent, group), cmd in zip(rows, spoken, strict=True):
            tr = transcribe_clip(rec, cmd.audio)
            bar.update(1)
            yield {"source": text, "text": tr.text, "intent": intent, "group": group,
                   "voice": cmd.voice, "rate_wpm": cmd.rate_wpm, "snr_db": cmd.snr_db,
                   "fold": fold, "alternatives": list(tr.alternatives),
                   "engine": engine, "path": getattr(rec, "last_path", engine)}
        bar.close()


def _fold_job(args: tuple[int, list[tuple[str, str, str]], int, str, str, Path]
              ) -> list[dict[str, Any]]:
    """Decode one fold; each row is also appended to `partial` as it comes, so an hour's
    decoding that is stopped keeps what it heard (the file is removed once the whole
    output is written)."""
    fold, rows, seed, engine, whisper_model, partial = args
    out = []
    with partial.open("w", encoding="utf-8") as f:
        for row in decode_fold(fold, rows, seed, engine=engine, whisper_model=whisper_model):
            f.write(json.dumps(row) + "\n")
            f.flush()
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m speech.hypotheses",
                                 description="ASR hypotheses of the intent training sentences.")
    ap.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    ap.add_argument("--folds", type=int, default=2, help="k of the k-fold LMs (>= 2)")
    ap.add_argument("--every", type=int, default=1, help="keep every n-th train sentence")
    ap.add_argument("--jobs", type=int, default=2, help="folds decoded at once (processes)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--engine", default="hybrid", choices=ENGINES,
                    help="the recognizer (default: the device's, hybrid)")
    ap.add_argument("--whisper-model", default="tiny.en",
                    help="Whisper model of the whisper/hybrid engines (tiny.en: a quarter of "
                    "base's time on 2,733 sentences; base: the device's)")
    args = ap.parse_args(argv)
    per_fold = fold_rows(args.folds, args.every)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partials = [args.out.with_suffix(args.out.suffix + f".fold{k}.partial")
                for k in range(len(per_fold))]
    jobs = [(k, rows, args.seed, args.engine, args.whisper_model, partials[k])
            for k, rows in enumerate(per_fold)]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(_fold_job, jobs))
    rows_out = [r for fold in results for r in fold]
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for r in rows_out:
            f.write(json.dumps(r) + "\n")
    tmp.replace(args.out)
    for partial in partials:
        partial.unlink(missing_ok=True)
    from speech.lm_corpus import normalize
    from speech.metrics import edit_distance

    errs = sum(edit_distance(normalize(r["source"]), r["text"].split()) for r in rows_out)
    words = sum(len(normalize(r["source"])) for r in rows_out)
    paths = {p: sum(r["path"] == p for r in rows_out) for p in {r["path"] for r in rows_out}}
    print(json.dumps({"out": str(args.out), "sentences": len(rows_out), "folds": args.folds,
                      "engine": args.engine, "whisper_model": args.whisper_model,
                      "paths": paths, "wer": round(errs / max(words, 1), 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
