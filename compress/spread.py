"""Several builds side by side: how far the figures that decide shipping spread.

    python -m compress.spread RUN [RUN ...] [--out DIR]

Each RUN is an ``eldercare compress --out`` folder. Students distilled from one teacher with
different seeds (``--student-seed``) differ more than most settings do (docs/intent.md,
"Seeds, and a soup of students"), so a setting is judged by the spread over its seeds, not
by one build. For every build: the distillation settings that differ between the builds,
test accuracy and its share of the teacher's, the fitted ask and alert thresholds, the two
lowest dev calls for help (the families that set the ask threshold), the challenge figures,
and, through the device (``compress.device_check``), questions and alerts on the other
sentences and calls caught, on dev, test and the challenge set. A build the operating-point
guard refused (``work/intent_rejected``, no report) is listed as refused.

Writes ``spread.json`` and ``spread.png`` (one strip per figure, one dot per build, the
goals drawn as lines) to ``--out`` (default: the current folder).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

__all__ = ["build_figures", "spread", "main"]

SPLITS = ("dev", "test", "challenge")
PLOTTED = (
    ("test_accuracy_share", "test accuracy, share of the teacher's", 0.99),
    ("ask", "ask threshold", None),
    ("alert", "alert threshold", None),
    ("challenge_false_emergencies", "challenge: false emergencies", 0.015),
    ("test_question_share", "device, test: questions on others", 0.03),
    ("challenge_question_share", "device, challenge: questions on others", 0.03),
    ("test_alerted_at_once_share", "device, test: calls alerted at once", None),
    ("calls_missed", "device: calls missed (dev+test+challenge)", 0.0),
)


def _settings(run: Path) -> dict[str, Any]:
    """The student settings a build was distilled with; a setting added since it was built
    is filled in at its default, as the build used it (``compress.distill.with_defaults``)."""
    from compress.distill import DISTILL_FILE, with_defaults

    marker = run / "work" / "student_pt" / DISTILL_FILE
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    student = with_defaults(saved.get("settings")) if isinstance(saved, dict) else None
    return student["student"] if isinstance(student, dict) and isinstance(
        student.get("student"), dict) else {}


def _lowest_dev_calls(model: Any, lang: str, n: int = 2) -> list[tuple[str, float]]:
    import numpy as np

    from compress.dataset import load_examples
    from device.labels import SAFETY_LABELS

    calls = [e.text for e in load_examples(lang) if e.split == "dev" and e.intent in SAFETY_LABELS]
    labels = list(model.config.labels)
    idx = [labels.index(lab) for lab in SAFETY_LABELS]
    scores = [float(model.probabilities([t])[0][idx].max()) for t in calls]
    order = np.argsort(scores)[:n]
    return [(calls[i], round(scores[i], 4)) for i in order]


def build_figures(run: Path, lang: str = "en", threads: int = 2) -> dict[str, Any]:
    """The figures of one build (or {"refused": True} for a build the guard refused)."""
    from compress.device_check import device_check
    from device.intent import IntentModel

    run = Path(run)
    report_path = run / "report.json"
    if not report_path.is_file():
        if (run / "work" / "intent_rejected").is_dir():
            return {"run": str(run), "refused": True, "settings": _settings(run)}
        raise FileNotFoundError(f"{run} holds no report.json: not an eldercare compress build")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    teacher, student = report["teacher"]["accuracy"], report["student_int8"]["accuracy"]
    fit = report["safety_thresholds"]
    out: dict[str, Any] = {
        "run": str(run), "refused": False, "settings": _settings(run),
        "test_accuracy": student, "test_accuracy_share": round(student / teacher, 4),
        "ask": fit["ask"], "alert": fit["alert"],
        "challenge_accuracy": report.get("challenge", {}).get("student_int8", {}).get("accuracy"),
        "challenge_false_emergencies":
            report.get("challenge", {}).get("student_int8", {}).get("false_emergencies"),
    }
    model = IntentModel.load(run / "intent", threads=threads)
    out["lowest_dev_calls"] = _lowest_dev_calls(model, lang)
    missed = 0
    for split in SPLITS:
        figures = device_check(run / "intent", lang, threads=threads, split=split)
        out[f"{split}_question_share"] = figures["other_question_share"]
        out[f"{split}_false_alerts"] = figures["other_alerts"]
        out[f"{split}_alerted_at_once_share"] = round(
            figures["safety_alerted"] / max(1, figures["n_safety"]), 4)
        out[f"{split}_calls_missed"] = figures["safety_missed"]
        missed += figures["safety_missed"]
    out["calls_missed"] = missed
    return out


def _differing(builds: list[dict[str, Any]]) -> list[str]:
    keys = sorted({k for b in builds for k in b.get("settings", {})})
    return [k for k in keys
            if len({json.dumps(b.get("settings", {}).get(k)) for b in builds}) > 1]


def spread(runs: list[Path], out: Path, lang: str = "en", threads: int = 2) -> dict[str, Any]:
    """Figures of every build, their median, minimum and maximum; writes spread.json and
    spread.png into `out`."""
    import statistics

    from tqdm import tqdm

    if not runs:
        raise ValueError("give at least one build folder")
    builds = [build_figures(r, lang, threads) for r in tqdm(runs, desc="builds", file=sys.stderr)]
    differing = _differing(builds)
    for b in builds:
        b["differs_by"] = {k: b.get("settings", {}).get(k) for k in differing}
    measured = [b for b in builds if not b["refused"]]
    summary = {}
    for key, _title, goal in PLOTTED:
        values = [float(b[key]) for b in measured if b.get(key) is not None]
        if values:
            summary[key] = {"median": round(statistics.median(values), 4),
                            "min": round(min(values), 4), "max": round(max(values), 4),
                            "goal": goal}
    result = {"builds": builds, "refused": sum(b["refused"] for b in builds),
              "summary": summary, "differing_settings": differing}
    out.mkdir(parents=True, exist_ok=True)
    (out / "spread.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _plot(measured, out / "spread.png", refused=result["refused"])
    return result


def _plot(builds: list[dict[str, Any]], path: Path, refused: int = 0) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(PLOTTED), 1, figsize=(7, 1.1 * len(PLOTTED) + 0.6))
    for ax, (key, title, goal) in zip(axes, PLOTTED, strict=True):
        values = [b[key] for b in builds if b.get(key) is not None]
        ax.plot(values, [0] * len(values), "o", alpha=0.6)
        for b in builds:
            if b.get(key) is not None:
                ax.annotate(Path(b["run"]).name, (b[key], 0), textcoords="offset points",
                            xytext=(0, 5), ha="center", fontsize=6)
        if goal is not None:
            ax.axvline(goal, color="tab:red", linestyle="--", linewidth=1)
        ax.set_yticks([])
        ax.set_title(title, fontsize=8, loc="left")
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle(f"{len(builds)} builds side by side, {refused} more refused by the "
                 "operating-point guard (red: the goal)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m compress.spread", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("runs", nargs="+", help="eldercare compress --out folders")
    p.add_argument("--out", default=".", help="where spread.json and spread.png go")
    p.add_argument("--lang", default="en")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        result = spread([Path(r) for r in args.runs], Path(args.out), args.lang)
    except (ValueError, OSError, LookupError) as exc:
        print(f"spread: error: {exc}", file=sys.stderr)
        return 2
    for b in result["builds"]:
        if b["refused"]:
            print(f"{b['run']}: refused by the operating-point guard {b['differs_by']}")
            continue
        print(f"{b['run']}: {b['differs_by']} test {b['test_accuracy']} "
              f"({b['test_accuracy_share']:.3f}) ask/alert {b['ask']:.3f}/{b['alert']:.3f} "
              f"lowest dev call {b['lowest_dev_calls'][0]} questions dev/test/challenge "
              f"{b['dev_question_share']}/{b['test_question_share']}/"
              f"{b['challenge_question_share']} missed {b['calls_missed']}")
    sys.stdout.write(json.dumps(result["summary"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
