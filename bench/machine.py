"""The machine a benchmark ran on, recorded beside its figures: CPU, its flags, threads,
repeats, the commit and the load while it ran."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from compress.sysinfo import cpu_model  # the one reader of the CPU model (bench sits on top)

__all__ = ["cpu_flags", "cpu_model", "git_commit", "machine_info"]

ROOT = Path(__file__).resolve().parent.parent

# The flags that decide which onnxruntime / numpy kernels run (int8 GEMM above all).
_FLAGS = ("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl",
          "avx512_vnni", "avx_vnni", "amx_int8", "asimd", "asimddp", "i8mm", "sve")


def cpu_flags() -> list[str]:
    """The CPU flags among those that matter for the inference kernels."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return []
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            have = set(line.split(":", 1)[1].split())
            return [f for f in _FLAGS if f in have]
    return []


def git_commit() -> str | None:
    """HEAD of the checkout, with ``+dirty`` when tracked files differ from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, timeout=10, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True, timeout=30,
                               check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def machine_info(threads: int | str | None = None, repeats: int | None = None,
                 **extra: Any) -> dict[str, Any]:
    """Platform, CPU model and flags, CPU count, load, Python, commit, plus the run's
    ``threads`` and ``repeats`` and any ``extra`` fields."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"platform": platform.platform(), "cpu": cpu_model(), "cpu_flags": cpu_flags(),
            "cpus": os.cpu_count(), "load_avg_1m": None if load is None else round(load, 2),
            "python": platform.python_version(), "commit": git_commit(),
            "threads": threads, "repeats": repeats, **extra}
