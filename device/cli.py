"""The `eldercare` command line.

Each top-level package contributes its verbs through a small `cli` module with
``register(subparsers)``; the benchmarks' verbs come from bench/cli.py alone.
Those modules import nothing heavy at import time: torch and friends are imported
inside the handlers of the cloud-side verbs only.

Errors that a user can fix (bad input, a missing file, a broker that is down) are
raised as ``ValueError``/``OSError`` subclasses and printed as one clear line with a
non-zero exit, never as a traceback. Set ``ELDERCARE_DEBUG=1`` to see tracebacks.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

# Modules that contribute verbs, in help order. A module that is not present yet is skipped.
VERB_MODULES = (
    "compress.cli",
    "device.intent_cli",
    "speech.cli",
    "health.cli",
    "device.runtime_cli",
    "device.scenario_cli",
    "cloud_sync.cli",
    "cloud_sync.sync_cli",
    "device.service",
)
BENCH_MODULES = ("bench.cli",)

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 1


def _import(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eldercare",
        description="eldercare-edge: offline home assistant for elderly residents.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    sub.required = True
    bench_modules = []
    for name in VERB_MODULES:
        mod = _import(name)
        if mod is not None and hasattr(mod, "register"):
            mod.register(sub)
    for name in BENCH_MODULES:
        mod = _import(name)
        if mod is not None and hasattr(mod, "register_bench"):
            bench_modules.append(mod)
    if bench_modules:
        bench = sub.add_parser("bench", help="benchmarks (each ends with one JSON line)")
        bench_sub = bench.add_subparsers(dest="bench", metavar="BENCH")
        bench_sub.required = True
        seen: set[str] = set()
        for mod in bench_modules:
            if mod.__name__ not in seen:
                seen.add(mod.__name__)
                mod.register_bench(bench_sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help()
        return EXIT_USER_ERROR
    debug = os.environ.get("ELDERCARE_DEBUG") == "1"
    try:
        rc = handler(args)
    except KeyboardInterrupt:
        print("eldercare: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (ValueError, OSError, LookupError) as exc:
        if debug:
            raise
        print(f"eldercare: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, no traceback
        if debug:
            raise
        print(f"eldercare: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("eldercare: set ELDERCARE_DEBUG=1 for the traceback", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    return int(rc or 0)


if __name__ == "__main__":
    sys.exit(main())
