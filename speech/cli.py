"""`eldercare asr ...` and `eldercare say` (the speech benchmarks' verbs: bench/cli.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from health.limits import float_range, int_range
from speech.audio import AudioError


def register(subparsers: Any) -> None:
    asr = subparsers.add_parser("asr", help="offline speech recognition")
    asr_sub = asr.add_subparsers(dest="asr_verb", metavar="ASR_VERB")
    asr_sub.required = True

    t = asr_sub.add_parser("transcribe", help="transcribe WAV files (or '-' for stdin)")
    t.add_argument("files", nargs="+", metavar="FILE.wav",
                   help="WAV files of any rate/width/channels; '-' reads stdin (WAV or raw PCM)")
    t.add_argument("--engine", default="hybrid",
                   help="hybrid (default: fast domain path + Whisper), whisper, pocketsphinx, "
                   "pocketsphinx-general, pocketsphinx-open, vosk")
    t.add_argument("--model", default=None,
                   help="engine model (vosk: model directory; whisper/hybrid: base, tiny.en "
                   "or a CTranslate2 folder)")
    t.add_argument("--raw-rate", type=int_range(4000, 192000), default=16000,
                   help="sample rate of raw 16-bit mono PCM on stdin, 4000-192000 Hz "
                   "(default 16000)")
    t.add_argument("--words", action="store_true", help="add word timings and confidence")
    t.set_defaults(func=cmd_transcribe)

    li = asr_sub.add_parser("listen", help="listen on the microphone, one JSON line per event")
    li.add_argument("--engine", default="hybrid")
    li.add_argument("--model", default=None)
    li.add_argument("--trailing-silence", type=float_range(0.1, 10.0), default=1.0,
                    help="seconds of silence that end an utterance, 0.1-10 (default 1)")
    li.add_argument("--max-utterance", type=float_range(1.0, 120.0), default=15.0,
                    help="longest utterance, 1-120 seconds (default 15)")
    li.add_argument("--device", default=None, help="PortAudio input device")
    li.set_defaults(func=cmd_listen)

    s = subparsers.add_parser("say", help="speak text (or write a WAV with --out)")
    s.add_argument("text", nargs="+", help="text to say ('-' reads stdin)")
    s.add_argument("--out", default=None, metavar="FILE.wav", help="write a WAV instead")
    s.add_argument("--rate", type=int_range(80, 260), default=140,
                   help="words per minute, 80-260 (default 140)")
    s.add_argument("--volume", type=float_range(0.0, 1.0), default=0.9,
                   help="0-1 (default 0.9)")
    s.add_argument("--lang", default="en", choices=["en", "zh"])
    s.add_argument("--voice", default=None,
                   help="espeak-ng voice id, or piper:/path/voice.onnx (optional extra)")
    s.set_defaults(func=cmd_say)


def cmd_transcribe(args: argparse.Namespace) -> int:
    from speech.asr import create_recognizer, transcribe_clip
    from speech.audio import read_pcm, read_wav

    rec = create_recognizer(args.engine, args.model)
    failed: list[str] = []
    for name in args.files:
        try:
            if name == "-":
                clip = read_pcm(sys.stdin.buffer, sample_rate=args.raw_rate,
                                target_rate=rec.sample_rate)
            else:
                clip = read_wav(name, rec.sample_rate)
        except AudioError as exc:
            print(f"eldercare: error: {exc}", file=sys.stderr)
            failed.append(name)
            continue
        tr = transcribe_clip(rec, clip)
        out: dict[str, Any] = {"file": name, "text": tr.text, "seconds": round(tr.seconds, 3),
                               "rtf": round(tr.rtf, 4), "alternatives": tr.alternatives}
        path = getattr(rec, "last_path", "")
        if path:  # the hybrid: which path decided
            out["path"] = path
        if args.words:
            out["confidence"] = tr.to_json()["confidence"]
            out["words"] = [w.to_json() for w in tr.words]
        print(json.dumps(out, ensure_ascii=False), flush=True)
    if failed:
        raise AudioError(f"{len(failed)} of {len(args.files)} file(s) could not be read: "
                         f"{', '.join(failed)}")
    return 0


def cmd_listen(args: argparse.Namespace) -> int:
    from speech.asr import Partial, create_recognizer
    from speech.audio import microphone_chunks
    from speech.endpoint import EndpointConfig, Endpointer, listen

    rec = create_recognizer(args.engine, args.model)
    ep = Endpointer(EndpointConfig(trailing_silence_s=args.trailing_silence,
                                   max_utterance_s=args.max_utterance))
    for ev in listen(microphone_chunks(rec.sample_rate, device=args.device), rec, ep):
        if isinstance(ev, Partial):
            print(json.dumps(ev.to_json(), ensure_ascii=False), flush=True)
        else:
            out = ev.transcript.to_json()
            out["final_latency_ms"] = round(ev.final_latency_s * 1000, 1)
            print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def cmd_say(args: argparse.Namespace) -> int:
    from health.limits import MAX_LINE_BYTES, check_size, decode_utf8
    from speech.tts import Speaker

    if args.text == ["-"]:
        raw = sys.stdin.buffer.read(MAX_LINE_BYTES + 1)
        check_size(raw, MAX_LINE_BYTES, "text on stdin")
        text = decode_utf8(raw, "text on stdin")
    else:  # argv keeps undecodable bytes as surrogates
        text = decode_utf8(" ".join(args.text), "the text")
    if not text.strip():
        raise ValueError("nothing to say: give some text")
    if args.out:
        _check_writable(Path(args.out))
    speaker = Speaker(rate_wpm=args.rate, volume=args.volume, language=args.lang,
                      voice=args.voice)
    if args.out:
        out = Path(args.out)
        speaker.to_wav(text, out)
        from speech.audio import read_wav

        clip = read_wav(out, 16000)
        print(json.dumps({"out": str(out), "seconds": round(clip.seconds, 3),
                          "rate_wpm": args.rate, "lang": args.lang}), flush=True)
        return 0
    speaker.say(text)
    return 0


def _check_writable(out: Path) -> None:
    """Refuse at once an output path that cannot be written (before any synthesis)."""
    if out.is_dir():
        raise IsADirectoryError(f"--out {out} is a folder; give a file name, e.g. "
                                f"{out / 'say.wav'}")
    if not out.parent.is_dir():
        raise FileNotFoundError(f"folder {out.parent} does not exist; create it first")
    existed = out.exists()
    try:
        with out.open("ab"):
            pass
    except OSError as exc:
        raise PermissionError(f"--out {out} cannot be written: {exc.strerror or exc}") from None
    if not existed:
        out.unlink()
