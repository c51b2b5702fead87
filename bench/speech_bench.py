"""Speech benchmarks as a script (same as `eldercare bench asr` / `eldercare bench speech`).

    python bench/speech_bench.py [asr|speech|all] [--quick] [--every N] [--out DIR]

asr: WER/RTF on Debian's pocketsphinx-testdata recordings (general vs domain LM) and the
latency from the endpoint to the final transcript. speech: every recognizer (pocketsphinx,
Whisper tiny.en and base, the hybrid) and the device's decision on the spoken elderly-care
command set (speech.command_set) and the human recordings (bench.speech_commands). Each
prints one JSON line at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("which", nargs="?", default="all", choices=["asr", "speech", "all"])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--every", type=int, default=None,
                    help="speech: all safety sentences and every N-th other one")
    ap.add_argument("--part", default="test", choices=["test", "dev"],
                    help="speech: dev = disjoint sentences, for fitting the hybrid's rule")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "speech_results")
    args = ap.parse_args()
    out: dict[str, object] = {}
    if args.which in ("asr", "all"):
        from bench.speech_asr import run_bench_asr

        out["asr"] = run_bench_asr(args.out, quick=args.quick)
    if args.which in ("speech", "all"):
        from bench.speech_commands import run_bench_commands

        out["speech"] = run_bench_commands(args.out, quick=args.quick or args.every is None,
                                            every=args.every, part=args.part)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
