"""`eldercare run` and `eldercare demo`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from health.limits import int_range

__all__ = ["register", "settings_args", "load_settings_args"]


def _settings_args(p: argparse.ArgumentParser, config_required: bool) -> None:
    p.add_argument("--config", required=config_required, default=None,
                   help="JSON settings file (see device/configs/example.json)")
    p.add_argument("--broker", default=None, help="MQTT broker URL (overrides mqtt.url)")
    p.add_argument("--model", default=None, help="intent model folder (intent.model_dir)")
    p.add_argument("--asr-engine", default=None, help="ASR engine (asr.engine)")
    p.add_argument("--asr-model", default=None, help="ASR model folder (asr.model)")
    p.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override any setting, e.g. --set tts.rate_wpm=120 (repeatable)")


def _load(args: argparse.Namespace, extra: dict[str, Any] | None = None) -> Any:
    from device.settings import example_config_path, load_settings

    overrides = {"mqtt.url": args.broker, "intent.model_dir": args.model,
                 "asr.engine": args.asr_engine, "asr.model": args.asr_model, **(extra or {})}
    path = args.config if args.config is not None else example_config_path()
    settings = load_settings(path, overrides, args.set)
    settings.check_files()
    return settings


def register(subparsers: Any) -> None:
    run = subparsers.add_parser(
        "run", help="the device runtime (speech, intent, dialogue, health alerts)",
        description="Runs the device: text lines on stdin (or WAV files, or the microphone) "
                    "-> ASR -> intent -> dialogue -> TTS; sensors over MQTT -> health monitor "
                    "-> alerts. Prints one JSON line per turn, then a summary line.")
    _settings_args(run, config_required=True)
    run.add_argument("--wav", nargs="+", default=None,
                     help="WAV files to hear instead of the configured input (each is "
                     "checked before the start: a missing or unreadable one stops it)")
    run.add_argument("--mic", action="store_true", help="listen on the microphone")
    run.add_argument("--out", default=None, help="output folder (output.dir)")
    run.set_defaults(func=_run)

    demo = subparsers.add_parser(
        "demo", help="scripted end-to-end morning on embedded defaults",
        description="Spoken utterances -> ASR -> intent -> reply WAVs; a spoken fall and a "
                    "replayed NEWS2 deterioration raise alerts that a caregiver subscriber "
                    "receives over MQTT. Ends with one JSON line.")
    _settings_args(demo, config_required=False)
    demo.add_argument("--out", default="demo-out", help="output folder (default ./demo-out)")
    demo.add_argument("--replay", default=None,
                      help="vital-signs JSON lines (default: the shipped demo stream)")
    demo.add_argument("--say", action="append", default=None, metavar="TEXT",
                      help="replace the scripted utterances (repeatable)")
    demo.add_argument("--resident-voice", default=None,
                      help="espeak-ng voice that speaks the resident's lines "
                           "(default gmw/en-US)")
    demo.add_argument("--resident-rate", type=int_range(80, 250), default=None,
                      help="words per minute of the resident's voice, 80-250 (default 160)")
    demo.set_defaults(func=_demo)


def _run(args: argparse.Namespace) -> int:
    import asyncio

    from device.runtime import Runtime

    extra: dict[str, Any] = {"output.dir": args.out}
    if args.wav and args.mic:
        raise ValueError("give either --wav or --mic, not both")
    if args.wav:
        check_wavs(args.wav)
        extra.update({"input.source": "wav", "input.wav": list(args.wav)})
    elif args.mic:
        extra["input.source"] = "mic"
    settings = _load(args, extra)
    if settings.input.source == "wav" and not args.wav:
        check_wavs(list(settings.input.wav))  # the config's files: checked the same way
    summary = asyncio.run(Runtime(settings).run())
    print(json.dumps(summary), flush=True)
    if not summary["alerts_flushed"]:
        print("eldercare: error: the broker did not acknowledge every alert; they stay in the "
              f"outbox under {settings.output.state_dir} and go out on the next start",
              file=sys.stderr)
        return 1
    if summary.get("errors"):
        print(f"eldercare: error: {summary['errors']} input(s) or turn(s) failed; each has "
              "its error line above", file=sys.stderr)
        return 2
    return 0


def check_wavs(paths: list[str]) -> None:
    """Every WAV given to ``run --wav`` must be there, readable and a WAV file before the
    start; all the bad ones are named in one error (docs/input-limits.md)."""
    from speech.audio import AudioError, read_wav

    bad = []
    for name in paths:
        try:
            read_wav(name)
        except AudioError as exc:
            bad.append(str(exc))
    if bad:
        raise AudioError(f"{len(bad)} of {len(paths)} --wav file(s) cannot be used: "
                         + "; ".join(bad))


def _demo(args: argparse.Namespace) -> int:
    from device.demo import DEMO_SCRIPT, RESIDENT_RATE, RESIDENT_VOICE, run_demo

    settings = _load(args)
    script = tuple(args.say) if args.say else DEMO_SCRIPT
    if any(not s.strip() for s in script):
        raise ValueError("--say needs non-empty text")
    replay = Path(args.replay) if args.replay else None
    rate = args.resident_rate or RESIDENT_RATE
    result = run_demo(settings, Path(args.out), script=script, replay=replay,
                      resident_voice=args.resident_voice or RESIDENT_VOICE, resident_rate=rate)
    summary = result.summary()
    print(json.dumps(summary), flush=True)
    if summary["alerts_received"] != summary["alerts_published"]:
        print(f"eldercare: error: the caregiver received {summary['alerts_received']} of "
              f"{summary['alerts_published']} alerts: check the broker", file=sys.stderr)
        return 1
    return 0


settings_args = _settings_args
"""The settings options of run and demo (--config, --broker, --model, --asr-*, --set), for
other verbs that run the device, e.g. ``eldercare bench e2e``."""
load_settings_args = _load
"""Settings from those options (and ``extra`` overrides), checked."""
