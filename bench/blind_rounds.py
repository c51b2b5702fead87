"""The held-out files written blind, as each was first measured and as the device does now.

    python -m bench.blind_rounds [--out docs/figures] [--model DIR]

Each of ``compress/figures_heldout3_en.jsonl`` to the newest was written by a hand that read
none of the project's files and typed through the device before any rule was written on it
(docs/safety-path.md: "A third held-out file" to "An eighth file"); its figures then are
committed as ``docs/figures/device_check_figures_heldout<N>_blind.json`` (the third's as
``..._before.json``). This puts them beside the figures the device gives the same file now
(``compress.device_check``, typed, the shipped model or ``--model``; counts only): other
sentences alerted at once and asked about, and calls missed, each as a share of the file.
A file still blind has no rule written on it; its figures now move only with changes made for
the whole device (the typed stock-words floor, say). Writes
``blind_rounds.json`` and ``blind_rounds.png`` (one panel per figure: blind, now).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from bench.results import write_json

__all__ = ["blind_rounds", "main", "plot"]

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "docs" / "figures"
COMPRESS = ROOT / "compress"
FIRST = {3: "device_check_figures_heldout3_before.json"}
"""Where a file's first figures are kept under another name than ``..._blind.json``."""
KEYS = ("n_other", "n_safety", "other_alerts", "other_questions", "safety_missed")


def _shares(d: dict[str, Any]) -> dict[str, Any]:
    out = {k: int(d[k]) for k in KEYS}
    out["others_alerted"] = round(d["other_alerts"] / max(1, d["n_other"]), 4)
    out["others_asked"] = round(d["other_questions"] / max(1, d["n_other"]), 4)
    out["calls_missed"] = round(d["safety_missed"] / max(1, d["n_safety"]), 4)
    return out


def held_out_files() -> list[int]:
    """The numbers N of compress/figures_heldout<N>_en.jsonl written blind (3 and on)."""
    found = []
    for p in COMPRESS.glob("figures_heldout*_en.jsonl"):
        m = re.fullmatch(r"figures_heldout(\d+)_en\.jsonl", p.name)
        if m and int(m.group(1)) >= 3:
            found.append(int(m.group(1)))
    return sorted(found)


def blind_rounds(model: str | None = None, files: list[int] | None = None,
                 figures: Path = FIGURES) -> dict[str, Any]:
    """First (blind) and current figures of each held-out file (see module doc).

    Raises:
        FileNotFoundError: a held-out file without its committed first figures.
    """
    from compress.device_check import device_check

    rows = []
    for n in files or held_out_files():
        first_path = figures / FIRST.get(n, f"device_check_figures_heldout{n}_blind.json")
        if not first_path.is_file():
            raise FileNotFoundError(f"no first figures for figures_heldout{n}_en.jsonl: "
                                    f"{first_path} is missing")
        first = json.loads(first_path.read_text(encoding="utf-8"))
        now = device_check(model, file=COMPRESS / f"figures_heldout{n}_en.jsonl")
        rows.append({"file": f"figures_heldout{n}_en.jsonl", "first": _shares(first),
                     "first_from": str(first_path.relative_to(ROOT))
                     if first_path.is_relative_to(ROOT) else str(first_path),
                     "now": _shares(now)})
    return {"model": model or "device/models/intent (shipped)", "files": rows}


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    rows = result["files"]
    names = [r["file"].replace("figures_heldout", "#").replace("_en.jsonl", "") for r in rows]
    x = np.arange(len(rows))
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=False)
    for ax, (key, title, of) in zip(axes, (
            ("others_alerted", "others alerted at once", "other sentences"),
            ("others_asked", "others asked about", "other sentences"),
            ("calls_missed", "calls missed", "calls")), strict=True):
        ax.bar(x - 0.2, [100 * r["first"][key] for r in rows], 0.4, label="first, blind",
               color="#d62728")
        ax.bar(x + 0.2, [100 * r["now"][key] for r in rows], 0.4, label="now",
               color="#1f77b4")
        ax.set_xticks(x, names)
        ax.set_title(title)
        ax.set_ylabel(f"% of the file's {of}")
    axes[0].legend()
    fig.suptitle("Held-out files written blind: typed through the device, first and now")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.blind_rounds",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=FIGURES, help="folder for the JSON and PNG")
    ap.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--files", default=None, metavar="N,N",
                    help="only these held-out files (numbers, e.g. 7,8)")
    args = ap.parse_args(argv)
    try:
        files = [int(n) for n in args.files.split(",")] if args.files else None
        result = blind_rounds(args.model, files)
    except (ValueError, OSError, LookupError) as exc:
        print(f"blind_rounds: error: {exc}", file=sys.stderr)
        return 2
    write_json("blind_rounds", result, args.out)
    plot(result, args.out / "blind_rounds.png")
    for r in result["files"]:
        print(json.dumps({"file": r["file"], "first": r["first"], "now": r["now"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
