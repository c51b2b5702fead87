"""The cloud side's fine-tune loop on each device at hand, timed side by side in one run.

    python -m bench.train_speed [--teacher DIR] [--student DIR] [--steps 20] [--repeats 5]
                                [--cpu-threads 1,4] [--random-weights] [--out FILE]

For each base (the teacher, MPNet-base by default, frozen as ``TeacherConfig`` freezes it;
the student's base, MiniLM-L6, all of it trained) and each device (the CPU at each thread
count of ``--cpu-threads``; CUDA when torch sees a GPU, with the bf16 autocast that
``compress.train.fit`` turns on there), it runs the project's own loop, ``fit``, over
``steps`` batches of real training sentences, ``repeats`` times after a warm-up, and keeps
the median seconds per step, sentences per second and CUDA's peak memory. Ratios are against
the first CPU entry of the same run. ``--random-weights`` builds each base from its
``config.json`` with random weights (a machine without the weights: the speed does not
depend on them). Writes bench/results/train_speed.json and a PNG beside it
(docs/intent.md, "On a CUDA machine").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.machine import ROOT, machine_info
from bench.results import write_json

__all__ = ["time_fit", "main"]

OUT = ROOT / "bench" / "results" / "train_speed.json"


def _bases(args: argparse.Namespace) -> list[tuple[str, Path]]:
    from compress.assets import minilm_dir, resolve_teacher

    teacher = Path(args.teacher) if args.teacher else resolve_teacher("mpnet-base")
    student = Path(args.student) if args.student else minilm_dir()
    return [("teacher", Path(str(teacher))), ("student", student)]


def _model(role: str, base: Path, num_labels: int, random_weights: bool) -> Any:
    from transformers import AutoConfig, AutoModel

    from compress.config import TeacherConfig
    from compress.modeling import TeacherClassifier
    from compress.teacher import _freeze

    if random_weights:
        config = AutoConfig.from_pretrained(str(base))
        try:
            encoder = AutoModel.from_config(config, add_pooling_layer=False)
        except TypeError:  # encoders without a pooler argument
            encoder = AutoModel.from_config(config)
        model = TeacherClassifier(encoder, num_labels)
    else:
        model = TeacherClassifier.from_base(base, num_labels)
    if role == "teacher":
        _freeze(model, TeacherConfig())
    return model


def time_fit(model: Any, data: Any, pad_id: int, device: Any, *, steps: int, batch: int,
             repeats: int) -> dict[str, Any]:
    """Median seconds per step of ``fit`` over ``repeats`` epochs of ``steps`` batches."""
    import torch
    import torch.nn.functional as F

    from compress.train import fit

    def loss_fn(m: Any, b: dict[str, Any]) -> Any:
        return F.cross_entropy(m(b["input_ids"], b["attention_mask"]).float(), b["labels"])

    def one(n_steps: int) -> float:
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        start = time.perf_counter()
        fit(model, data, loss_fn, epochs=n_steps * batch / len(data), batch_size=batch,
            lr=1e-5, pad_id=pad_id, device=device, desc=f"fit on {device}")
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        return time.perf_counter() - start

    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    one(2)  # warm-up: kernels, allocator, thread pool
    per_step = [one(steps) / steps for _ in range(repeats)]
    out = {"seconds_per_step": round(statistics.median(per_step), 5),
           "seconds_per_step_all": [round(s, 5) for s in per_step],
           "sentences_per_second": round(batch / statistics.median(per_step), 1)}
    if device.type == "cuda":
        out["peak_memory_mb"] = round(torch.cuda.max_memory_allocated(device) / 2**20, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.train_speed", description=__doc__.split("\n")[0])
    p.add_argument("--teacher", default=None, help="teacher base folder (default: MPNet-base)")
    p.add_argument("--student", default=None, help="student base folder (default: MiniLM-L6)")
    p.add_argument("--steps", type=int, default=20, help="batches per timed repeat")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--batch", type=int, default=32, help="sentences per batch (the presets': 32)")
    p.add_argument("--cpu-threads", default="1",
                   help="comma-separated torch thread counts for the CPU (0: skip the CPU)")
    p.add_argument("--no-cuda", action="store_true", help="time the CPU only")
    p.add_argument("--random-weights", action="store_true",
                   help="build each base from its config.json with random weights")
    p.add_argument("--out", default=str(OUT))
    args = p.parse_args(argv)
    if args.steps < 1 or args.repeats < 1 or args.batch < 1:
        p.error("--steps, --repeats and --batch must be at least 1")
    try:
        threads = [int(t) for t in args.cpu_threads.split(",") if t.strip()]
    except ValueError:
        p.error("--cpu-threads needs comma-separated integers, e.g. 1,4")
    import torch

    from compress.data import encode
    from compress.dataset import load_examples
    from compress.teacher import load_tokenizer
    from device.labels import INTENT_LABELS

    devices: list[tuple[str, Any, int]] = [(f"cpu:{t}", torch.device("cpu"), t)
                                           for t in threads if t > 0]
    if torch.cuda.is_available() and not args.no_cuda:
        devices.append(("cuda:bf16" if torch.cuda.is_bf16_supported() else "cuda:fp16",
                        torch.device("cuda", 0), 0))
    if not devices:
        p.error("nothing to time: no CPU thread count and no CUDA device")
    train = [e for e in load_examples("en") if e.split == "train"]
    label_id = {name: i for i, name in enumerate(INTENT_LABELS)}
    rows: dict[str, Any] = {}
    threads_before = torch.get_num_threads()
    for role, base in _bases(args):
        tokenizer, pad_id = load_tokenizer(base)
        texts = [e.text for e in train[: args.steps * args.batch]]
        data = encode(tokenizer, texts, 32)
        data.labels = [label_id[e.intent] for e in train[: len(texts)]]
        rows[role] = {"base": base.parent.name if base.name == "model" else base.name}
        for name, device, n in devices:
            if n:
                torch.set_num_threads(n)
            torch.manual_seed(0)
            model = _model(role, base, len(INTENT_LABELS), args.random_weights)
            print(f"[train_speed] {role} on {name}", file=sys.stderr, flush=True)
            rows[role][name] = time_fit(model, data, pad_id, device, steps=args.steps,
                                        batch=args.batch, repeats=args.repeats)
            del model
        first = rows[role][devices[0][0]]["seconds_per_step"]
        rows[role]["speedup_vs_" + devices[0][0]] = {
            name: round(first / rows[role][name]["seconds_per_step"], 2) for name, _, _ in devices}
    torch.set_num_threads(threads_before)
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
    result = {"machine": machine_info(threads=args.cpu_threads, repeats=args.repeats,
                                      gpu=gpu, torch=torch.__version__),
              "steps": args.steps, "batch": args.batch, "max_length": 32,
              "random_weights": args.random_weights, "results": rows}
    out = Path(args.out)
    out = write_json(out.stem, result, out.parent)
    _plot(rows, [d[0] for d in devices], out.with_suffix(".png"))
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _plot(rows: dict[str, Any], names: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    width = 0.8 / len(names)
    for i, name in enumerate(names):
        values = [rows[role][name]["seconds_per_step"] * 1000 for role in rows]
        ax.bar([j + i * width for j in range(len(rows))], values, width, label=name)
    ax.set_xticks([j + width * (len(names) - 1) / 2 for j in range(len(rows))],
                  [f"{role} ({rows[role]['base']})" for role in rows])
    ax.set_yscale("log")
    ax.set_ylabel("ms per training step (median)")
    ax.set_title("fit(): one step of 32 sentences")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    raise SystemExit(main())
