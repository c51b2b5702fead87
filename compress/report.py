"""report.json (the DESIGN.md contract), report_details.json and the accuracy/latency/size PNG."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from compress.sysinfo import machine_info

__all__ = ["write_report", "plot"]

POINT_KEYS = ("name", "params", "size_mb", "accuracy", "latency_ms_p50", "latency_ms_p95")


def write_report(out: Path, points: dict[str, dict[str, Any]], test_set: str, threads: int,
                 extra: dict[str, Any], safety: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write out/report.json (the contract keys, plus `safety`: the challenge figures and
    the safety thresholds' operating point) and out/report_details.json."""
    teacher, student = points["teacher"], points["student_int8"]
    report = {
        "teacher": {k: teacher[k] for k in POINT_KEYS},
        "student_int8": {k: student[k] for k in POINT_KEYS},
        "emergency_recall": {"teacher": teacher["emergency_recall"],
                             "student_int8": student["emergency_recall"]},
        "test_set": test_set,
        "threads": threads,
        "batch": 1,
        **(safety or {}),
    }
    if "student_fp16" in extra:  # the GPU variant, its accuracy measured beside int8's
        report["student_fp16"] = {k: extra["student_fp16"][k]
                                  for k in ("name", "size_mb", "accuracy")}
    ratios = {
        "size_x": round(teacher["size_mb"] / student["size_mb"], 2),
        "latency_p50_x": round(teacher["latency_ms_p50"] / student["latency_ms_p50"], 2),
        "accuracy_retained": round(student["accuracy"] / max(teacher["accuracy"], 1e-9), 4),
    }
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    details = {"ratios": ratios, "points": points, "machine": machine_info(), **extra}
    (out / "report_details.json").write_text(json.dumps(details, indent=2) + "\n",
                                             encoding="utf-8")
    return {**report, "ratios": ratios}


def plot(points: dict[str, dict[str, Any]], path: Path, title: str) -> Path:
    """Accuracy (y) vs p50 latency (x, log) with marker area proportional to size.

    Neighbouring points get their labels on alternate sides (above / below) with a leader
    line, the legend carries the figures, and the log axis shows plain major ticks only."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, NullFormatter, NullLocator

    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=110)
    colors = {"teacher": "#c0392b", "teacher_int8": "#e67e22", "student_fp32": "#2980b9",
              "student_int8": "#27ae60"}
    order = sorted(points, key=lambda k: points[k]["latency_ms_p50"])
    for rank, key in enumerate(order):
        p = points[key]
        x, y = p["latency_ms_p50"], p["accuracy"] * 100
        area = max(30.0, p["size_mb"] * 3)
        gap = (area / 3.1416) ** 0.5 + 10  # points: clear of the marker
        ax.scatter(x, y, s=area, color=colors.get(key, "gray"),
                   alpha=0.75, edgecolors="black", zorder=3,
                   label=f"{key}: {p['accuracy'] * 100:.1f}%, {x:.2f} ms, {p['size_mb']:.1f} MB")
        up = rank % 2 == 0
        ax.annotate(key, (x, y), textcoords="offset points", xytext=(0, gap if up else -gap),
                    ha="center", va="bottom" if up else "top", fontsize=8,
                    arrowprops={"arrowstyle": "-", "color": "0.4", "lw": 0.6,
                                   "shrinkA": 1, "shrinkB": gap - 9})
    ax.set_xscale("log")
    xs = [p["latency_ms_p50"] for p in points.values()]
    lo_x, hi_x = min(xs) / 1.6, max(xs) * 1.6
    ax.set_xlim(lo_x, hi_x)
    ticks = [t for t in (m * 10.0 ** e for e in range(-2, 5) for m in (1, 2, 5))
             if lo_x <= t <= hi_x]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.set_xticklabels([f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("p50 latency, batch 1 (ms, log scale)")
    ax.set_ylabel("test accuracy (%)")
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    lo = min(p["accuracy"] for p in points.values()) * 100
    ax.set_ylim(max(0.0, lo - 8), 106)
    legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8,
                       frameon=False, title="test accuracy, p50 latency, size",
                       title_fontsize=8)
    for handle in legend.legend_handles:
        handle.set_sizes([40.0])  # type: ignore[union-attr]
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
