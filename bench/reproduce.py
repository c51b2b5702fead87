"""`eldercare bench reproduce`: is the shipped intent model what the documented command
builds?

- ``--preset default`` runs ``eldercare compress --preset default`` (about an hour on 2
  cores) into ``OUT/build`` and compares it with the shipped model (device/models/intent).
- ``--preset tiny`` builds the tiny preset twice in a row (``OUT/build1``, ``OUT/build2``)
  and compares the two: the pipeline's determinism, in a few minutes.

Compared: the test accuracy, the challenge accuracy and the two safety thresholds of
``report.json`` (each within ``TOLERANCE``), the training settings of
``report_details.json`` (listed where they differ), and the SHA-256 of the files the device
loads (``model.onnx``, ``tokenizer.json``; ``config.json`` is compared by its decision
fields, since it is rewritten after the build). Writes ``reproduce.json``.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from bench.machine import machine_info
from bench.results import RESULTS_DIR, write_json

__all__ = ["TOLERANCE", "FIGURES", "compare_builds", "run_reproduce"]

TOLERANCE = 0.002
"""The largest difference, in absolute terms, between two builds' figures that still counts
as the same model."""

FIGURES = {
    "test_accuracy": ("student_int8", "accuracy"),
    "challenge_accuracy": ("challenge", "student_int8", "accuracy"),
    "safety_alert": ("safety_thresholds", "alert"),
    "safety_ask": ("safety_thresholds", "ask"),
}
"""Name -> path of the figure in report.json."""

HASHED = ("model.onnx", "tokenizer.json")
CONFIG_FIELDS = ("labels", "max_length", "threshold", "temperature", "safety_thresholds",
                 "inputs", "vocab_size", "layers")
# Settings that say where or how fast a build ran, not what it builds.
_RUN_ONLY = {"resume", "threads", "latency_samples"}


def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _get(obj: Any, path: tuple[str, ...]) -> float | None:
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return float(obj) if isinstance(obj, (int, float)) else None


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: not a finished `eldercare compress` build")
    return json.loads(path.read_text(encoding="utf-8"))


def _flat(obj: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(obj, dict):
        out: dict[str, Any] = {}
        for k, v in obj.items():
            out.update(_flat(v, f"{prefix}{k}."))
        return out
    return {prefix.rstrip("."): obj}


def compare_builds(reference: tuple[Path, Path], candidate: tuple[Path, Path],
                   tolerance: float = TOLERANCE) -> dict[str, Any]:
    """Compare two builds, each given as (folder of report.json, model folder).

    Returns ``same_figures`` (every figure within ``tolerance``), ``identical_files`` (the
    hashed files equal), ``same_config`` (the decision fields of config.json equal),
    ``figures`` (reference, candidate, difference, ok), ``files`` (both hashes),
    ``settings_differ`` (training settings of report_details.json that differ).
    """
    (ref_out, ref_model), (cand_out, cand_model) = reference, candidate
    ref_report, cand_report = _read(ref_out / "report.json"), _read(cand_out / "report.json")
    figures: dict[str, Any] = {}
    for name, path in FIGURES.items():
        a, b = _get(ref_report, path), _get(cand_report, path)
        diff = None if a is None or b is None else round(abs(a - b), 6)
        figures[name] = {"reference": a, "candidate": b, "difference": diff,
                         "ok": (a is None and b is None) or (diff is not None
                                                             and diff <= tolerance)}
    files = {name: {"reference": _sha256(ref_model / name),
                    "candidate": _sha256(cand_model / name)} for name in HASHED}
    for entry in files.values():
        entry["equal"] = entry["reference"] is not None and \
            entry["reference"] == entry["candidate"]
    ref_conf = _read(ref_model / "config.json")
    cand_conf = _read(cand_model / "config.json")
    config_differ = [k for k in CONFIG_FIELDS if ref_conf.get(k) != cand_conf.get(k)]
    settings_differ = []
    ref_details, cand_details = (out / "report_details.json" for out in (ref_out, cand_out))
    if ref_details.is_file() and cand_details.is_file():
        a_set = _flat(_read(ref_details).get("config", {}))
        b_set = _flat(_read(cand_details).get("config", {}))
        settings_differ = [{"setting": k, "reference": a_set.get(k),
                            "candidate": b_set.get(k)}
                           for k in sorted(set(a_set) | set(b_set))
                           if k.split(".")[-1] not in _RUN_ONLY and a_set.get(k) != b_set.get(k)]
    return {"same_figures": all(f["ok"] for f in figures.values()),
            "identical_files": all(f["equal"] for f in files.values()),
            "same_config": not config_differ, "tolerance": tolerance,
            "figures": figures, "files": files, "config_differ": config_differ,
            "settings_differ": settings_differ}


def _shown(path: Path) -> str:
    """A path as the result names it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _build(preset: str, out: Path) -> float:
    from compress.config import get_preset
    from compress.pipeline import run

    start = time.monotonic()
    if run(get_preset(preset), out) is None:
        raise RuntimeError(f"the compress build in {out} returned no report")
    return round(time.monotonic() - start, 1)


def run_reproduce(preset: str, out: str | Path, results_dir: str | Path = RESULTS_DIR,
                  shipped: str | Path | None = None, first_build: str | Path | None = None,
                  tolerance: float = TOLERANCE,
                  existing: str | Path | None = None) -> dict[str, Any]:
    """Build and compare (see the module doc); writes ``results_dir/reproduce.json``.

    ``first_build``: with the tiny preset, an existing tiny build to use as the first of
    the two (a test's session build), so only one more build runs.
    ``existing``: with the default preset, a finished build (an ``eldercare compress
    --out`` folder) compared with the shipped model instead of building one; the result
    says so (``built``: false) and ``settings_differ`` shows how it was built.
    """
    from device.intent import default_model_dir

    if preset not in ("tiny", "default"):
        raise ValueError(f"preset must be tiny or default, not {preset!r}")
    if existing is not None and preset != "default":
        raise ValueError("an existing build is compared with the shipped model: use it with "
                         "--preset default")
    if existing is not None and not (Path(existing) / "report.json").is_file():
        raise FileNotFoundError(f"{Path(existing) / 'report.json'} is missing: not a finished "
                                "`eldercare compress` build")
    from compress.config import get_preset

    cfg = get_preset(preset)
    out = Path(out)
    seconds: dict[str, float] = {}
    if preset == "default":
        ref = Path(shipped) if shipped else default_model_dir()
        reference = (ref, ref)
        what = "`eldercare compress --preset default` against the shipped model"
    else:
        if first_build is None:
            first_build = out / "build1"
            seconds["build1"] = _build(preset, Path(first_build))
        first = Path(first_build)
        reference = (first, first / "intent")
        what = "two `eldercare compress --preset tiny` builds in a row, against each other"
    if existing is not None:
        candidate = Path(existing)
        what = f"an existing build ({candidate.name}) against the shipped model, not rebuilt"
    else:
        candidate = out / ("build" if preset == "default" else "build2")
        seconds[candidate.name] = _build(preset, candidate)
    result = {"bench": "reproduce", "preset": preset, "what": what,
              "built": existing is None,
              "reference": _shown(reference[1]), "candidate": _shown(candidate / "intent"),
              **compare_builds(reference, (candidate, candidate / "intent"), tolerance),
              "seconds": seconds, "machine": machine_info(
                  threads=f"train {cfg.train_threads or 'all'}, latency {cfg.threads}",
                  repeats=2 if preset == "tiny" else 1)}
    result["reproduced"] = result["same_figures"] and result["same_config"]
    write_json("reproduce", result, results_dir)
    return result
