"""What the long-turn reading costs: the device's decision time on typed turns, with it and
without it, side by side.

    python -m bench.long_turns [--model DIR] [--repeats 5] [--threads 2] [--out docs/figures]

Every turn of a read held-out file of long and short turns (compress/figures_heldout19_en
.jsonl; ``--file`` for another) goes through a fresh device pipeline (the real
DialogueManager and safety decision, an ActionExecutor with no broker) twice per repeat:
with ``safety.long_turn_words`` at its default (20) and at 0 (off), one after the other,
so both see the same machine load. Per setting: the median over repeats of each turn's
wall time from text in to the decision (``Assistant.respond``: the model, the words net,
the later parts of a long turn where the whole is answered), then p50 / p95 over turns,
for turns of 20 words or more and for shorter ones; their ratio, on vs off; and how many
later parts a long turn had. The decisions (calls caught, others asked) of both settings
are counted too. Writes ``long_turns.json`` and ``long_turns.png`` (docs/safety-path.md, "A
call at the end of a long turn").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.machine import machine_info
from bench.results import write_json, write_png

__all__ = ["long_turns", "main"]

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "compress" / "figures_heldout19_en.jsonl"
OUT = ROOT / "docs" / "figures"


def _pct(xs: list[float], q: float) -> float | None:
    import numpy as np

    return round(float(np.percentile(xs, q)), 2) if xs else None


def long_turns(model: str | None = None, file: str | Path = FILE, repeats: int = 5,
               threads: int = 2) -> dict[str, Any]:
    """The figures of the module doc."""
    from compress.dataset import read_jsonl
    from device.dialogue import DialogueManager
    from device.intent import IntentModel
    from device.labels import SAFETY_LABELS
    from device.pipeline import ActionExecutor, Assistant
    from device.safety import turn_tails
    from device.settings import example_config_path, load_settings

    if repeats < 1:
        raise ValueError(f"repeats must be at least 1 (got {repeats})")
    rows = read_jsonl(file, need_split=False)
    if not rows:
        raise ValueError(f"{file}: no turns")
    clf = IntentModel.load(model, threads=threads)
    settings = {"on": load_settings(example_config_path()),
                "off": load_settings(example_config_path(),
                                     sets=["safety.long_turn_words=0"])}
    at = settings["on"].safety.long_turn_words
    ms: dict[str, list[list[float]]] = {k: [[] for _ in rows] for k in settings}
    routes: dict[str, list[str]] = {k: [""] * len(rows) for k in settings}
    with tempfile.TemporaryDirectory() as tmp:
        clf.classify("warm up the session")
        for _ in range(repeats):
            for i, row in enumerate(rows):
                for name, s in settings.items():  # side by side, turn by turn
                    assistant = Assistant(clf, DialogueManager(s.care_plan, safety=s.safety),
                                          ActionExecutor(s.care_plan.resident,
                                                         events_path=Path(tmp) / "e.jsonl"))
                    t0 = time.perf_counter()
                    turn = assistant.respond(row.text)
                    ms[name][i].append((time.perf_counter() - t0) * 1000.0)
                    routes[name][i] = turn.safety or "answer"
    long_idx = [i for i, r in enumerate(rows) if len(r.text.split()) >= at]
    short_idx = [i for i, r in enumerate(rows) if len(r.text.split()) < at]
    out: dict[str, Any] = {
        "file": str(Path(file).resolve().relative_to(ROOT)) if Path(file).resolve()
        .is_relative_to(ROOT) else str(file),
        "turns": len(rows), "long_turns": len(long_idx), "long_turn_words": at,
        "repeats": repeats, "threads": threads,
        "later_parts_per_long_turn": {
            "median": statistics.median(len(turn_tails(rows[i].text, at)) for i in long_idx)
            if long_idx else None,
            "max": max((len(turn_tails(rows[i].text, at)) for i in long_idx), default=None)},
        "machine": machine_info(threads=threads, repeats=repeats),
        "note": "wall time of Assistant.respond per typed turn (the model, the words net and "
                "the safety decision), median over repeats per turn, then p50 / p95 over "
                "turns; on and off run turn by turn, side by side",
    }
    for name in settings:
        med = [statistics.median(v) for v in ms[name]]
        calls = [i for i, r in enumerate(rows) if r.intent in SAFETY_LABELS]
        others = [i for i, r in enumerate(rows) if r.intent not in SAFETY_LABELS]
        out[name] = {
            "long_ms_p50": _pct([med[i] for i in long_idx], 50),
            "long_ms_p95": _pct([med[i] for i in long_idx], 95),
            "short_ms_p50": _pct([med[i] for i in short_idx], 50),
            "short_ms_p95": _pct([med[i] for i in short_idx], 95),
            "calls_caught": sum(routes[name][i] in ("alert", "ask") for i in calls),
            "calls": len(calls),
            "others_flagged": sum(routes[name][i] in ("alert", "ask") for i in others),
            "others": len(others),
            "per_turn_ms": [round(m, 3) for m in med],
        }
    for key in ("long_ms_p50", "long_ms_p95", "short_ms_p50", "short_ms_p95"):
        on, off = out["on"][key], out["off"][key]
        out.setdefault("ratio_on_off", {})[key] = round(on / off, 2) if on and off else None
    return out


def plot(result: dict[str, Any], out: Path) -> Path:
    def draw(ax: Any) -> None:
        keys = ("short_ms_p50", "short_ms_p95", "long_ms_p50", "long_ms_p95")
        x = range(len(keys))
        ax.bar([i - 0.2 for i in x], [result["off"][k] for k in keys], 0.4,
               label="long-turn reading off")
        ax.bar([i + 0.2 for i in x], [result["on"][k] for k in keys], 0.4,
               label=f"on (turns of {result['long_turn_words']} words or more)")
        ax.set_xticks(list(x))
        ax.set_xticklabels(["short p50", "short p95", "long p50", "long p95"])
        ax.set_ylabel("ms from text in to the decision")
        ax.set_title(f"Typed turns through the device ({result['threads']} threads, "
                     f"median of {result['repeats']} repeats)")
        ax.legend(fontsize=8)

    return write_png("long_turns", draw, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.long_turns",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--file", type=Path, default=FILE, help="turns (JSON lines, text and intent)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the JSON and PNG")
    args = ap.parse_args(argv)
    try:
        result = long_turns(args.model, args.file, args.repeats, args.threads)
    except (ValueError, OSError, LookupError) as exc:
        print(f"long_turns: error: {exc}", file=sys.stderr)
        return 2
    write_json("long_turns", result, args.out)
    plot(result, args.out)
    print({k: result[k] for k in ("turns", "long_turns", "ratio_on_off")},
          {k: {kk: v for kk, v in result[k].items() if kk != "per_turn_ms"}
           for k in ("on", "off")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
