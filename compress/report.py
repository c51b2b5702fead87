"""report.json (the DESIGN.md contract), report_details.json and the accuracy/latency/size PNG."""

from __future__ import annotations

import json
import platform
from pathlib import Path
from typing import Any

__all__ = ["write_report", "plot"]

POINT_KEYS = ("name", "params", "size_mb", "accuracy", "latency_ms_p50", "latency_ms_p95")


def _machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"platform": platform.platform(), "cpu": cpu, "python": platform.python_version()}


def write_report(out: Path, points: dict[str, dict[str, Any]], test_set: str, threads: int,
                 extra: dict[str, Any]) -> dict[str, Any]:
    """Write out/report.json (contract keys only) and out/report_details.json."""
    teacher, student = points["teacher"], points["student_int8"]
    report = {
        "teacher": {k: teacher[k] for k in POINT_KEYS},
        "student_int8": {k: student[k] for k in POINT_KEYS},
        "emergency_recall": {"teacher": teacher["emergency_recall"],
                             "student_int8": student["emergency_recall"]},
        "test_set": test_set,
        "threads": threads,
        "batch": 1,
    }
    ratios = {
        "size_x": round(teacher["size_mb"] / student["size_mb"], 2),
        "latency_p50_x": round(teacher["latency_ms_p50"] / student["latency_ms_p50"], 2),
        "accuracy_retained": round(student["accuracy"] / max(teacher["accuracy"], 1e-9), 4),
    }
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    details = {"ratios": ratios, "points": points, "machine": _machine(), **extra}
    (out / "report_details.json").write_text(json.dumps(details, indent=2) + "\n",
                                             encoding="utf-8")
    return {**report, "ratios": ratios}


def plot(points: dict[str, dict[str, Any]], path: Path, title: str) -> Path:
    """Accuracy (y) vs p50 latency (x, log) with marker area proportional to size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    colors = {"teacher": "#c0392b", "teacher_int8": "#e67e22", "student_fp32": "#2980b9",
              "student_int8": "#27ae60"}
    for key, p in points.items():
        ax.scatter(p["latency_ms_p50"], p["accuracy"] * 100, s=max(30.0, p["size_mb"] * 3),
                   color=colors.get(key, "gray"), alpha=0.75, edgecolors="black")
        ax.annotate(f"{key}\n{p['size_mb']:.1f} MB", (p["latency_ms_p50"], p["accuracy"] * 100),
                    textcoords="offset points", xytext=(8, 6), fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("p50 latency, batch 1 (ms, log scale)")
    ax.set_ylabel("test accuracy (%)")
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    lo = min(p["accuracy"] for p in points.values()) * 100
    ax.set_ylim(max(0.0, lo - 5), 100.5)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
