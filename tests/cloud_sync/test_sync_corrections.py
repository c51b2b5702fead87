"""The learning loop's data: consented corrections from the cloud store become training
rows and a held-out part; merged into a compress dataset they reach the training split
only (never a near copy of a test sentence); a model is scored on the held-out part."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cloud_sync.corrections import export_corrections, merge_corrections
from cloud_sync.deid import Pseudonyms
from cloud_sync.events import SyncEvent
from cloud_sync.store import EventStore

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [("ring <name> for me", "call_family"), ("i have tumbled over", "fall_report"),
         ("what day is <date>", "time_query"), ("put the big lamp on", "home_control"),
         ("tell me a tale", "companionship"), ("cheerio then", "farewell"),
         ("text <name> at <phone>", "call_family"), ("i slipped in the bath", "fall_report")]


def _corrections() -> list[SyncEvent]:
    p = Pseudonyms(b"s" * 32)
    home = p.of("home", "h")
    events = [SyncEvent(p.of("event", f"c{i}", 32), home, "correction", 3600,
                        {"text": t, "label": lb, "predicted": "out_of_scope"})
              for i, (t, lb) in enumerate(TEXTS * 5)]
    events.append(SyncEvent(p.of("event", "x", 32), home, "correction", 3600,
                            {"text": "bad label", "label": "nonsense"}))
    events.append(SyncEvent(p.of("event", "a", 32), home, "alert", 3600, {"type": "fall"}))
    return events


def test_export_splits_stably_and_fills_placeholders() -> None:
    events = _corrections()
    train, held = export_corrections(events, holdout=0.25)
    assert len(train) + len(held) == len(TEXTS) * 5  # the bad label and the alert left out
    assert 0 < len(held) < len(train)
    assert {r["split"] for r in train} == {"train"} and {r["split"] for r in held} == {"test"}
    assert not any("<" in r["text"] for r in train + held)
    assert export_corrections(reversed(events), holdout=0.25) == (train, held)
    with pytest.raises(ValueError, match="holdout"):
        export_corrections(events, holdout=1.5)


def test_merge_keeps_corrections_out_of_the_test_split(tmp_path: Path) -> None:
    data = tmp_path / "data.jsonl"
    base = [{"text": "i fell down", "intent": "fall_report", "split": "train"},
            {"text": "hello there", "intent": "greeting", "split": "train"},
            {"text": "i have tumbled over", "intent": "fall_report", "split": "test"},
            {"text": "good evening", "intent": "greeting", "split": "dev"}]
    data.write_text("".join(json.dumps(r) + "\n" for r in base))
    fixed = tmp_path / "corrections.jsonl"
    rows = [{"text": t.replace("<name>", "Anna"), "intent": lb, "split": "test",
             "group": f"g{i}"} for i, (t, lb) in enumerate(TEXTS)]
    fixed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "merged.jsonl"
    counts = merge_corrections(fixed, out, data)
    assert counts["dropped_near_test"] == 1  # "i have tumbled over" is a test sentence
    assert counts["added"] == len(TEXTS) - 1
    merged = [json.loads(x) for x in out.read_text().splitlines()]
    test_before = [(r["text"], r["intent"]) for r in base if r["split"] == "test"]
    assert [(r["text"], r["intent"]) for r in merged if r["split"] == "test"] == test_before
    added = [r for r in merged if r["group"].startswith("correction:")]
    assert len(added) == counts["added"] and {r["split"] for r in added} == {"train"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "x", "intent": "nonsense"}) + "\n")
    with pytest.raises(ValueError, match="unknown intent label"):
        merge_corrections(bad, tmp_path / "m2.jsonl", data)


def test_cloud_corrections_cli_scores_the_heldout_part(keyword_intent: Path,
                                                       tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cloud.sqlite'}"
    store = EventStore(db)
    store.insert(_corrections(), 0.0)
    store.close()
    proc = subprocess.run([sys.executable, "-m", "device", "cloud", "corrections", "--db", db,
                           "--out", str(tmp_path / "c"), "--model", str(keyword_intent)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["train"] + result["heldout"] == len(TEXTS) * 5
    score = result["heldout_accuracy"][str(keyword_intent)]
    assert score["n"] == result["heldout"] and 0.0 <= score["accuracy"] <= 1.0
    lines = (tmp_path / "c" / "corrections.jsonl").read_text().splitlines()
    assert len(lines) == result["train"]
