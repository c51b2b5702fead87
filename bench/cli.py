"""`eldercare bench ...`: the benchmarks' verbs (device/cli.py lists this module in
BENCH_MODULES). Each verb ends with one JSON line; docs/benchmarks.md explains them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from health.limits import MAX_THREADS, float_range, int_range

__all__ = ["register_bench"]

RESULTS = "bench/results"
# bench.speech_asr.ENGINES, written here so that building the parser imports no speech code
ASR_ENGINES = ("pocketsphinx-general", "pocketsphinx", "pocketsphinx-open", "whisper-tiny.en",
               "vosk")
SPEECH_RESULTS = "bench/speech_results"


def register_bench(subparsers: Any) -> None:
    """Add the alerts, e2e, intent, intent-runtime, asr, speech, compress, reproduce, all,
    readme, fleet-sync and speculative verbs under ``eldercare bench``."""
    # the same flags as `eldercare compress`
    from compress.cli import _add_args as add_compress_args
    from device.runtime_cli import settings_args

    a = subparsers.add_parser(
        "alerts", help="readings -> alerts -> caregiver through a real mosquitto with broker "
        "restarts, and the durable path against a bare paho-mqtt QoS 1 publish")
    a.add_argument("--quick", action="store_true", help="short run (< 1 min)")
    a.add_argument("--out", default=RESULTS, help="folder for JSON + PNG")
    a.add_argument("--rate", type=float_range(1.0, 100_000.0), default=5000.0,
                   help="readings per second in the paced (delivery) phase, 1-100000")
    a.add_argument("--restarts", type=int_range(0, 20), default=None,
                   help="broker restarts, 0-20 (default 2 quick, 5 full)")
    a.add_argument("--seed", type=int_range(0, 2**31 - 1), default=7,
                   help="random seed, 0-2147483647 (default 7)")
    a.set_defaults(func=_alerts)

    e = subparsers.add_parser(
        "e2e", help="end of an utterance (audio fed in real time) -> first reply audio, and "
        "-> alert received by a caregiver",
        description="Speaks a script of utterances, feeds each WAV in real time to the "
                    "device's recognizer and runs the turn; ends with one JSON line.")
    settings_args(e, config_required=False)
    e.add_argument("--quick", action="store_true", help="fewer utterances (at least 20)")
    e.add_argument("--repeats", type=int_range(1, 1000), default=None,
                   help="passes over the 25-utterance script, 1-1000 (default 1 quick, 2 full)")
    e.add_argument("--out", default=RESULTS, help="folder for JSON + PNG")
    e.set_defaults(func=_e2e)

    i = subparsers.add_parser(
        "intent", help="the int8 student side by side with hassil, rapidfuzz, TF-IDF + "
        "logistic regression, padatious where it installs (not with --quick) and the teacher "
        "with --teacher, on the same test split and the challenge set")
    i.add_argument("--model", default=None, help="student model folder (default: shipped)")
    i.add_argument("--threads", type=int_range(1, MAX_THREADS), default=2,
                   help=f"CPU threads, 1-{MAX_THREADS} (default 2)")
    i.add_argument("--repeats", type=int_range(1, 1000), default=3,
                   help="latency passes over the test set, 1-1000 (default 3)")
    i.add_argument("--quick", action="store_true", help="latency on 100 utterances")
    i.add_argument("--teacher", default=None, metavar="DIR",
                   help="also measure this fine-tuned teacher: the OUT/work/teacher folder "
                   "of an `eldercare compress --out OUT` build (e.g. runs/default/work/teacher; "
                   "needs torch, the cloud extra; about 30 min on 2 loaded cores) or an ONNX "
                   "model folder")
    i.add_argument("--out", default=RESULTS, help="folder for JSON + PNG")
    i.set_defaults(func=_intent)

    ir = subparsers.add_parser(
        "intent-runtime", help="the device's intent runtime before and after its batch-1 "
        "changes, side by side: identical labels, p50/p95 latency")
    ir.add_argument("--model", default=None, help="model folder (default: shipped)")
    ir.add_argument("--threads", type=int_range(1, MAX_THREADS), default=2,
                    help=f"CPU threads, 1-{MAX_THREADS} (default 2)")
    ir.add_argument("--repeats", type=int_range(1, 1000), default=5,
                    help="latency passes, 1-1000 (default 5)")
    ir.add_argument("--out", default=RESULTS, help="folder for intent_runtime.json")
    ir.set_defaults(func=_intent_runtime)

    s = subparsers.add_parser("asr", help="ASR WER/RTF on real recordings, and latency")
    s.add_argument("--quick", action="store_true", help="fewer repeats")
    s.add_argument("--out", default=SPEECH_RESULTS, help="folder for JSON + PNG")
    s.add_argument("--threads", type=int_range(1, MAX_THREADS), default=2,
                   help=f"CPU threads of the engines that have a thread setting (Whisper's "
                   f"cpu_threads), 1-{MAX_THREADS} (default 2); asr.json records each "
                   "engine's")
    s.add_argument("--engines", nargs="+", default=None, metavar="ENGINE",
                   choices=ASR_ENGINES, help="a subset of: " + " ".join(ASR_ENGINES) +
                   " (default: every one whose model is installed)")
    s.set_defaults(func=_asr)

    s = subparsers.add_parser("speech", help="every recognizer and the device's decision on "
                              "the spoken command set and human recordings")
    s.add_argument("--quick", action="store_true",
                   help="the quick set (the default; kept for older scripts)")
    s.add_argument("--full", action="store_true",
                   help="the whole test split (default: the quick set of the committed results)")
    s.add_argument("--every", type=int_range(1, 100_000), default=None, metavar="N",
                   help="all safety sentences and every N-th other one (between quick and "
                   "full), N 1-100000")
    s.add_argument("--part", default="test", choices=["test", "dev"],
                   help="dev: disjoint sentences, for fitting the hybrid's rule")
    s.add_argument("--engines", nargs="+", default=None, metavar="ENGINE",
                   help="a subset of: pocketsphinx pocketsphinx-general whisper-tiny.en "
                   "whisper-base hybrid")
    s.add_argument("--no-human", action="store_true", help="skip the human recordings")
    s.add_argument("--out", default=SPEECH_RESULTS, help="folder for JSON + PNG")
    s.add_argument("--prefix", default="commands", help="result file names (PREFIX.json, ...)")
    s.add_argument("--intent-model", default=None, help="intent model folder (default shipped)")
    s.add_argument("--sentences", default=None, metavar="ROWS.jsonl|FILE.txt",
                   help="speak these sentences (JSON lines with text and intent, such as "
                   "compress/figures_en.jsonl, or a project data file without slots, such "
                   "as compress/candidates/en_train_only_dev_gaps.txt) instead of the "
                   "command set")
    s.set_defaults(func=_speech)

    c = subparsers.add_parser("compress", help="teacher vs student: runs the compress pipeline")
    add_compress_args(c)
    c.set_defaults(func=_compress)

    rp = subparsers.add_parser(
        "reproduce", help="build the intent model with the documented command and compare "
        "it with the shipped one (tiny: two builds, compared with each other)",
        description="default: `eldercare compress --preset default` (about an hour) against "
                    "device/models/intent; tiny: two tiny builds in a row (a few minutes). "
                    "Compares test and challenge accuracy and the safety thresholds of "
                    "report.json (within 0.002) and the ONNX files' hashes; writes "
                    "reproduce.json. Exit 1 when the figures differ.")
    rp.add_argument("--preset", choices=("tiny", "default"), default="tiny",
                    help="tiny (default): determinism of two builds; default: the shipped model")
    rp.add_argument("--out", default="runs/reproduce", help="folder for the builds")
    rp.add_argument("--results", default=RESULTS, help="folder for reproduce.json")
    rp.add_argument("--build", default=None, metavar="DIR",
                    help="with --preset default: compare this finished `eldercare compress "
                    "--out DIR` build with the shipped model instead of building one")
    rp.set_defaults(func=_reproduce)

    al = subparsers.add_parser(
        "all", help="intent, alerts and e2e into one folder (JSON + PNG), then the README "
        "section (speech: `bench asr` and `bench speech`)")
    al.add_argument("--quick", action="store_true", help="the quick variant of each")
    al.add_argument("--out", default=RESULTS, help="folder for JSON + PNG")
    al.add_argument("--readme", default="README.md",
                    help="README whose results section is rewritten when --out is bench/results")
    al.set_defaults(func=_all)

    r = subparsers.add_parser(
        "readme", help="rewrite the README's results section from the committed JSON")
    r.add_argument("--results", default=RESULTS, help="folder of the JSON results")
    r.add_argument("--readme", default="README.md", help="README to update")
    r.add_argument("--check", action="store_true",
                   help="change nothing; exit 1 when the README and the JSON disagree")
    r.set_defaults(func=_readme)

    f = subparsers.add_parser(
        "fleet-sync", help="N homes publish a day of de-identified sync events through one "
        "mosquitto into one `eldercare cloud ingest` on PostgreSQL (docs/cloud-sync.md)")
    f.add_argument("--homes", type=int_range(1, 100_000), default=1000,
                   help="homes, each its own MQTT connection, 1-100000 (default 1000)")
    f.add_argument("--processes", type=int_range(1, 64), default=4,
                   help="publisher processes, 1-64 (default 4)")
    f.add_argument("--seed", type=int_range(0, 2**31 - 1), default=7, help="random seed")
    f.add_argument("--out", default=RESULTS, help="folder for fleet_sync.json")
    f.set_defaults(func=_fleet_sync)

    sp = subparsers.add_parser(
        "speculative", help="speculative decoding at the resident's pause, off and on side "
        "by side: spoken care commands in real time through the device's listening path; "
        "end of speech -> transcript p50/p95 and identical transcripts (docs/speech.md)")
    sp.add_argument("--quick", action="store_true",
                    help="40 clips spread over the set (about 6 minutes; else every clip)")
    sp.add_argument("--clips", default=None, metavar="DIR",
                    help="a folder of WAVs with manifest.jsonl made by `eldercare bench "
                    "speech` (default: its quick command set, made once and cached)")
    sp.add_argument("--limit", type=int_range(1, 100_000), default=None,
                    help="at most this many clips, 1-100000")
    sp.add_argument("--out", default=RESULTS, help="folder for speculative.json + PNG")
    sp.set_defaults(func=_speculative)


def _print(summary: dict[str, Any]) -> None:
    print(json.dumps(summary), flush=True)


def _alerts(args: argparse.Namespace) -> int:
    from bench.alerts import BenchConfig, run_bench

    cfg = BenchConfig.preset(args.quick, rate=args.rate, restarts=args.restarts, seed=args.seed)
    result = run_bench(cfg, args.out)
    _print(result["summary"])
    return 0 if result["summary"]["lost"] == 0 else 1


def _e2e(args: argparse.Namespace) -> int:
    from bench.e2e import SUMMARY_KEYS, run_bench
    from device.runtime_cli import load_settings_args

    repeats = args.repeats if args.repeats is not None else (1 if args.quick else 2)
    report = run_bench(load_settings_args(args), Path(args.out), repeats=repeats)
    _print({k: report[k] for k in SUMMARY_KEYS})
    return 0


def _asr(args: argparse.Namespace) -> int:
    from bench.speech_asr import run_bench_asr

    _print(run_bench_asr(Path(args.out), quick=args.quick, threads=args.threads,
                         engines=tuple(args.engines) if args.engines else None))
    return 0


def _speech(args: argparse.Namespace) -> int:
    from bench.speech_commands import run_bench_commands

    _print(run_bench_commands(
        Path(args.out), quick=not args.full and args.every is None,
        intent_model=args.intent_model, every=args.every, part=args.part,
        engines=tuple(args.engines) if args.engines else None, human=not args.no_human,
        prefix=args.prefix, sentences_file=Path(args.sentences) if args.sentences else None))
    return 0


def _speculative(args: argparse.Namespace) -> int:
    from bench.speculative import run_bench_speculative

    _print(run_bench_speculative(Path(args.out), quick=args.quick,
                                 clips=Path(args.clips).expanduser() if args.clips else None,
                                 limit=args.limit))
    return 0


def _compress(args: argparse.Namespace) -> int:
    from compress.cli import _compress as run_compress

    return run_compress(args)


def _fleet_sync(args: argparse.Namespace) -> int:
    from bench.fleet_sync import run_bench

    result = run_bench(args.homes, processes=args.processes, seed=args.seed, out_dir=args.out)
    _print({k: v for k, v in result.items() if k != "machine"})
    return 0 if result["lost"] == 0 and result["duplicates_stored"] == 0 else 1


def _intent(args: argparse.Namespace) -> int:
    from bench.intent import run_bench, summary

    entries = run_bench(args.model, threads=args.threads, repeats=args.repeats,
                        quick=args.quick, teacher_dir=args.teacher, out_dir=args.out)
    _print(summary(entries))
    return 0


def _intent_runtime(args: argparse.Namespace) -> int:
    from bench.intent_runtime import compare
    from bench.results import write_json

    result = compare(args.model, threads=args.threads, repeats=args.repeats)
    path = write_json("intent_runtime", result, args.out)
    _print({"bench": "intent_runtime", "identical": result["identical"],
            "compared": result["compared"], "threads": result["threads"],
            **{f"{k}_ms_{p}": result[k][f"latency_ms_{p}"]
               for k in ("before", "after", "after_sleeping", "after_spinning")
               for p in ("p50", "p95")},
            "out": str(path)})
    return 0 if result["identical"] else 1


def _reproduce(args: argparse.Namespace) -> int:
    from bench.reproduce import run_reproduce
    from compress.pipeline import check_output_dir

    if args.build is None:
        check_output_dir(Path(args.out))
    result = run_reproduce(args.preset, args.out, results_dir=args.results,
                           existing=args.build)
    _print({k: result[k] for k in ("bench", "preset", "reproduced", "same_figures",
                                   "identical_files", "same_config", "seconds")}
           | {"figures": {k: v["difference"] for k, v in result["figures"].items()}})
    return 0 if result["reproduced"] else 1


def _all(args: argparse.Namespace) -> int:
    import time

    from bench.alerts import BenchConfig
    from bench.alerts import run_bench as run_alerts
    from bench.e2e import SUMMARY_KEYS
    from bench.e2e import run_bench as run_e2e
    from bench.intent import run_bench as run_intent
    from bench.intent import summary
    from device.runtime_cli import load_settings_args

    took: dict[str, float] = {}
    t0 = time.monotonic()
    intent = summary(run_intent(quick=args.quick, repeats=1 if args.quick else 3,
                                out_dir=args.out))
    took["intent"] = time.monotonic() - t0
    t0 = time.monotonic()
    alerts = run_alerts(BenchConfig.preset(args.quick), args.out)["summary"]
    took["alerts"] = time.monotonic() - t0
    t0 = time.monotonic()
    ns = argparse.Namespace(config=None, broker=None, model=None, asr_engine=None,
                            asr_model=None, set=[])
    e2e = run_e2e(load_settings_args(ns), Path(args.out), repeats=1 if args.quick else 2)
    took["e2e"] = time.monotonic() - t0
    readme = None
    if Path(args.out).resolve() == Path(RESULTS).resolve():
        from bench.readme import update

        readme = "unchanged" if update(args.readme, args.out) else "updated"
    _print({"intent": intent["systems"].get("student_int8"), "alerts_lost": alerts["lost"],
            "e2e": {k: e2e[k] for k in SUMMARY_KEYS}, "seconds": {
                k: round(v, 1) for k, v in took.items()}, "readme": readme})
    return 0 if alerts["lost"] == 0 else 1


def _readme(args: argparse.Namespace) -> int:
    import sys

    from bench.readme import update

    same = update(args.readme, args.results, check=args.check)
    if args.check and not same:
        print(f"eldercare: error: {args.readme} disagrees with {args.results}: run "
              "`eldercare bench readme`", file=sys.stderr)
        return 1
    _print({"readme": args.readme, "results": args.results,
            "status": "unchanged" if same else "updated"})
    return 0
