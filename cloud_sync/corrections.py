"""The learning loop's data: consented, de-identified corrections from the cloud store,
turned into training examples for `eldercare compress --corrections FILE`.

- :func:`export_corrections` splits the store's ``correction`` events into a training part
  and a held-out part (by a hash of the event id, so the split is stable as the store
  grows), both as JSON lines ``{"text", "intent", "group", "split"}``.
- :func:`merge_corrections` adds the training part to a compress dataset as ``train``
  examples only; a correction that is a near copy of a dev or test sentence is left out,
  so the test split stays unseen.
- :func:`heldout_accuracy` scores an intent model on the held-out part (before and after);
  :func:`rows_accuracy` scores it on any rows (the compress report's test split).

The scrubbed placeholders (``<name>``, ``<phone>``...) are replaced by plain fillers, so
the model trains on sentences shaped like the ones it hears.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cloud_sync.events import SyncEvent

FILLERS = {"<name>": "Anna", "<phone>": "her number", "<address>": "home",
           "<email>": "my email", "<date>": "today"}


def _fill(text: str) -> str:
    for mark, word in FILLERS.items():
        text = text.replace(mark, word)
    return " ".join(text.split())


def export_corrections(events: Iterable[SyncEvent], holdout: float = 0.25
                       ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(training rows, held-out rows) from the store's correction events."""
    from device.labels import INTENT_LABELS

    if not 0.0 <= holdout < 1.0:
        raise ValueError(f"holdout must be 0..1 (got {holdout})")
    train: list[dict[str, str]] = []
    held: list[dict[str, str]] = []
    for e in sorted(events, key=lambda e: e.id):
        if e.kind != "correction":
            continue
        text, label = _fill(str(e.data.get("text", ""))), str(e.data.get("label", ""))
        if not text or label not in INTENT_LABELS:
            continue
        bucket = int(hashlib.sha256(e.id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        row = {"text": text, "intent": label, "group": f"correction:{e.id[:12]}"}
        if bucket < holdout:
            held.append({**row, "split": "test"})
        else:
            train.append({**row, "split": "train"})
    return train, held


def write_rows(rows: list[dict[str, str]], path: str | Path) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                 encoding="utf-8")
    return p


def merge_corrections(corrections: str | Path, out: str | Path, data: str | Path | None = None,
                      lang: str = "en") -> dict[str, Any]:
    """Write ``out``: the dataset (``data``, or the built-in one of ``lang``) plus the
    corrections as training examples; returns counts. Raises ValueError for a bad file."""
    from compress.dataset import Example, load_examples, near_copy, read_jsonl, write_jsonl
    from device.labels import INTENT_LABELS

    base = read_jsonl(data, lang=lang) if data is not None else load_examples(lang)
    fixed = read_jsonl(corrections, lang=lang, need_split=False)
    bad = sorted({e.intent for e in fixed} - set(INTENT_LABELS))
    if bad:
        raise ValueError(f"{corrections}: unknown intent label(s) {', '.join(bad)}")
    held = [e.text for e in base if e.split != "train"]
    added, dropped = [], 0
    for e in fixed:
        if any(near_copy(e.text, t) for t in held):
            dropped += 1  # it would tell the model a dev/test answer
            continue
        added.append(Example(e.text, e.intent, e.lang, f"correction:{e.group}", "train"))
    write_jsonl([*base, *added], out)
    return {"base": len(base), "corrections": len(fixed), "added": len(added),
            "dropped_near_test": dropped, "data": str(out)}


def heldout_accuracy(model_dir: str | Path | None, heldout: str | Path) -> dict[str, Any]:
    """Accuracy of an intent model on held-out corrections (one JSON object per line)."""
    rows = [json.loads(x) for x in Path(heldout).read_text(encoding="utf-8").splitlines()
            if x.strip()]
    return rows_accuracy(model_dir, rows)


def rows_accuracy(model_dir: str | Path | None, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy of an intent model (None: the shipped one) on ``{"text", "intent"}`` rows,
    through the device's own decision (calibration, thresholds) as it would answer."""
    from device.intent import IntentModel

    if not rows:
        return {"n": 0, "accuracy": None}
    model = IntentModel.load(model_dir, threads=1)
    results = model.classify_batch([r["text"] for r in rows])
    right = sum(1 for r, res in zip(rows, results, strict=True) if res.intent == r["intent"])
    return {"n": len(rows), "accuracy": round(right / len(rows), 4)}
