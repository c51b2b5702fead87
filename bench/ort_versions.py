"""The shipped intent model under other onnxruntime versions: the board's are older.

    python -m bench.ort_versions PYTHON [PYTHON ...] [--model DIR] [--out FILE]
    python -m bench.ort_versions --against [NPZ]    (on a board: the build machine's logits)

JetPack's Python 3.10 has onnxruntime up to 1.23 on aarch64, and the edge extra allows 1.17
and up; the figures here come from the build machine's newer onnxruntime. Each PYTHON is an
interpreter with another onnxruntime (plus numpy and tokenizers) installed, for example a
virtual environment made with ``pip install onnxruntime==1.23.2 "numpy<2" tokenizers``. It
computes the model's logits for every test-split and challenge utterance one at a time, as
the device does, with this checkout on its path; this interpreter does the same, and the
two are compared: the largest logit and safety-probability differences, labels that differ
and safety outcomes (alert at once, ask, none, under the model's own thresholds) that
differ. On a board, ``--against`` compares its own onnxruntime (and CPU kernels) with the
build machine's saved logits instead (``--save-reference`` writes them; the model's digest
is kept with them, and another model's are refused). Writes
bench/results/ort_versions.json (docs/intent.md, "On the board's onnxruntime").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from bench.machine import ROOT, machine_info
from bench.results import write_json

__all__ = ["CHILD", "REFERENCE", "logits_under", "compare", "save_reference",
           "load_reference", "main"]

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import numpy as np
import onnxruntime
from compress.dataset import load_challenge, load_examples
from device.intent import IntentModel

model = IntentModel.load(sys.argv[2] or None, threads=1)
rows = [e for e in load_examples("en") if e.split == "test"] + load_challenge("en")
np.save(sys.argv[3], np.concatenate([model._logits([e.text]) for e in rows]))
print(json.dumps({"onnxruntime": onnxruntime.__version__, "numpy": np.__version__,
                  "python": sys.version.split()[0], "rows": len(rows)}))
"""


def logits_under(python: str, model: Path | None) -> tuple[np.ndarray, dict[str, Any]]:
    """The model's logits of every test and challenge utterance under `python`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "logits.npy"
        proc = subprocess.run([python, "-c", CHILD, str(ROOT), str(model or ""), str(out)],
                              capture_output=True, text=True, timeout=900, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"{python} failed: {proc.stderr.strip()[-800:]}")
        info = json.loads(proc.stdout.strip().splitlines()[-1])
        return np.load(out), info


def compare(base: np.ndarray, other: np.ndarray, model: Path | None) -> dict[str, Any]:
    """Differences between two logit tables of the same utterances."""
    from compress.thresholds import SafetyThresholds, _softmax, outcomes, safety_view
    from device.intent import default_model_dir

    if base.shape != other.shape:
        raise ValueError(f"logit tables differ in shape: {base.shape} and {other.shape}")
    conf = json.loads(((model or default_model_dir()) / "config.json").read_text())
    labels, temperature = conf["labels"], float(conf["temperature"])
    pair = next(iter(conf["safety_thresholds"].values()))  # one pair for both labels
    th = SafetyThresholds(alert=float(pair["alert"]), ask=float(pair["ask"]))
    probs_a, probs_b = (_softmax(z / temperature) for z in (base, other))
    oa, ob = outcomes(probs_a, labels, th), outcomes(probs_b, labels, th)
    pa, pb = safety_view(probs_a, labels)[1], safety_view(probs_b, labels)[1]
    return {"utterances": int(len(base)),
            "max_logit_diff": round(float(np.abs(base - other).max()), 6),
            "max_safety_probability_diff": round(float(np.abs(pa - pb).max()), 6),
            "labels_differing": int((base.argmax(1) != other.argmax(1)).sum()),
            "safety_outcomes_differing": int((oa != ob).sum())}


REFERENCE = ROOT / "bench" / "results" / "ort_reference.npz"
"""The shipped model's logits from the build machine (x86-64, the onnxruntime of
bench/results/ort_versions.json), for a board to compare its own against (--against)."""


def _model_sha(model: Path | None) -> str:
    import hashlib

    from device.intent import default_model_dir

    return hashlib.sha256(((model or default_model_dir()) / "model.onnx").read_bytes()
                          ).hexdigest()


def save_reference(path: Path, logits: np.ndarray, info: dict[str, Any],
                   model: Path | None) -> None:
    np.savez_compressed(path, logits=logits.astype(np.float32),
                        info=json.dumps({**info, "model_sha256": _model_sha(model)}))


def load_reference(path: Path, model: Path | None) -> tuple[np.ndarray, dict[str, Any]]:
    """Logits saved by --save-reference; refused when they are another model's."""
    with np.load(path) as saved:
        logits, info = saved["logits"], json.loads(str(saved["info"]))
    if info.get("model_sha256") != _model_sha(model):
        raise ValueError(f"{path} holds another model's logits (model.onnx differs)")
    return logits, info


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.ort_versions", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("pythons", nargs="*", help="interpreters with another onnxruntime")
    p.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    p.add_argument("--against", nargs="?", const=str(REFERENCE), default=None, metavar="NPZ",
                   help="compare this interpreter's logits with saved ones instead (alone: "
                        "the build machine's, bench/results/ort_reference.npz, installed "
                        "with the package; for a board)")
    p.add_argument("--save-reference", default=None, metavar="NPZ",
                   help="also save this interpreter's logits there")
    p.add_argument("--out", default=None,
                   help="JSON path (default bench/results/ort_versions.json)")
    args = p.parse_args(argv)
    if not args.pythons and not args.against and not args.save_reference:
        p.error("name interpreters to compare, --against a saved reference, or "
                "--save-reference")
    model = Path(args.model) if args.model else None
    try:
        base, base_info = logits_under(sys.executable, model)
        if args.save_reference:
            save_reference(Path(args.save_reference), base, base_info, model)
        runs = []
        for python in args.pythons:
            other, info = logits_under(python, model)
            runs.append({**info, "interpreter": python, **compare(base, other, model)})
        if args.against:
            saved, saved_info = load_reference(Path(args.against), model)
            runs.append({**base_info, "interpreter": sys.executable, "against": saved_info,
                         **compare(saved.astype(np.float64), base, model)})
    except (RuntimeError, ValueError, OSError, KeyError) as exc:
        print(f"ort_versions: error: {exc}", file=sys.stderr)
        return 2
    if not runs:
        return 0
    result = {"reference": base_info, "runs": runs, "machine": machine_info(threads=1)}
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    else:
        write_json("ort_versions", result)
    for run in runs:
        print(json.dumps({k: run[k] for k in ("onnxruntime", "max_logit_diff",
                                              "max_safety_probability_diff",
                                              "labels_differing", "safety_outcomes_differing")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
