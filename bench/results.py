"""One writer for every benchmark's results: ``NAME.json`` (indented, newline-ended) and,
from a plotting function, ``NAME.png`` in the same folder (bench/results by default)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["RESULTS_DIR", "write_json", "write_png", "read_json", "read_jsonl"]

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def write_json(name: str, data: Any, out_dir: str | Path = RESULTS_DIR) -> Path:
    """Write ``data`` to ``out_dir/NAME.json``; returns the path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a JSON-lines file (blank lines skipped)."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def read_json(name: str, out_dir: str | Path = RESULTS_DIR) -> Any:
    """Read ``out_dir/NAME.json``; FileNotFoundError names the command that writes it."""
    path = Path(out_dir) / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `eldercare bench {name}` first")
    return json.loads(path.read_text())


def write_png(name: str, draw: Callable[[Any], None], out_dir: str | Path = RESULTS_DIR,
              size: tuple[float, float] = (7.0, 4.0)) -> Path:
    """Draw on one matplotlib Axes with ``draw(ax)`` and save ``out_dir/NAME.png``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig, ax = plt.subplots(figsize=size)
    try:
        draw(ax)
        fig.tight_layout()
        fig.savefig(path, dpi=100)
    finally:
        plt.close(fig)
    return path
