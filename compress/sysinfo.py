"""The machine a model was built on, recorded in report.json (the benchmarks record theirs
with bench/machine.py, which no product package may import)."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

__all__ = ["cpu_model", "machine_info"]


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, else what the platform module knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info(**extra: Any) -> dict[str, Any]:
    """Platform, CPU model, CPU count and Python version, plus ``extra`` fields."""
    return {"platform": platform.platform(), "cpu": cpu_model(), "cpus": os.cpu_count(),
            "python": platform.python_version(), **extra}
