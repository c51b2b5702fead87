"""bench.fast_alert_rule: the fast path's alerts at once, and those a sure-model rule would ask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fast_alert_rule import main

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "speech_results" / "dev_hybrid_rows.jsonl"


def test_committed_dev_run_gives_its_documented_figures(tmp_path: Path) -> None:
    out = tmp_path / "rule.json"
    assert main([str(DEV), "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    alert = min(result["alert_threshold"].values())
    run = result["runs"]["dev_hybrid_rows.jsonl"]
    assert run["clips"] == 328
    calls, others = run["calls"], run["others"]
    # docs/speech.md: 48 of the dev calls alert at once on the fast path; under the shipped
    # model's spoken alert threshold 9 would be asked (10 with the model before)
    assert (calls["fast_path_alerted_at_once"], calls["rule_would_ask_instead"]) == (48, 9)
    assert (others["fast_path_alerted_at_once"], others["rule_would_ask_instead"]) == (0, 0)
    assert calls["caught"] == 224 and calls["alerted_at_once"] >= 48
    assert all(row["p"] < alert for row in calls["would_ask"])


def test_unreadable_rows_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad_rows.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(SystemExit):
        main([str(bad)])
    empty = tmp_path / "empty_rows.jsonl"
    empty.write_text(json.dumps({"engine": "whisper-base"}) + "\n")
    with pytest.raises(SystemExit):
        main([str(empty)])
