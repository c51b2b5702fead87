"""bench sits on top: no product package imports it, and its verbs reach the CLI through
bench/cli.py alone."""

from __future__ import annotations

import ast
from pathlib import Path

from device.cli import BENCH_MODULES, build_parser

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("device", "speech", "health", "cloud_sync", "compress")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_product_package_imports_bench() -> None:
    offenders = [str(p.relative_to(ROOT)) for pkg in PRODUCT
                 for p in sorted((ROOT / pkg).rglob("*.py")) if "bench" in _imports(p)]
    assert offenders == []


def test_product_packages_carry_no_benchmark_modules() -> None:
    moved = ["health/bench_alerts.py", "health/bench_stream.py", "device/bench_e2e.py",
             "speech/bench_commands.py", "speech/bench_asr.py", "speech/fit_fast_rule.py",
             "compress/bench.py", "health/sysinfo.py"]
    assert [m for m in moved if (ROOT / m).exists()] == []


def test_bench_verbs_come_from_bench_cli() -> None:
    assert BENCH_MODULES == ("bench.cli",)
    parser = build_parser()
    args = parser.parse_args(["bench", "alerts", "--quick"])
    assert args.func.__module__ == "bench.cli"
    args = parser.parse_args(["bench", "e2e", "--quick"])
    assert args.func.__module__ == "bench.cli"
    args = parser.parse_args(["bench", "intent", "--threads", "2"])
    assert args.func.__module__ == "bench.cli"
    for argv in (["asr", "--quick"], ["speech", "--every", "5"],
                 ["compress", "--preset", "tiny", "--out", "o"]):
        args = parser.parse_args(["bench", *argv])
        assert args.func.__module__ == "bench.cli", argv
