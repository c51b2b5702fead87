"""`eldercare bench speech` on a few real generated clips: every variant, a baseline model."""

from __future__ import annotations

import json
from pathlib import Path

from speech.bench_commands import BASELINE, BASELINE_NBEST, ENGINES, run_bench_commands


def test_small_run_scores_every_variant_and_the_baseline(tmp_path: Path) -> None:
    shipped = str(Path(__file__).resolve().parents[2] / "device" / "models" / "intent")
    short = run_bench_commands(tmp_path, quick=True, limit=2, baseline_model=shipped)
    full = json.loads((tmp_path / "commands.json").read_text())
    rows = [json.loads(line) for line in (tmp_path / "commands_rows.jsonl").read_text()
            .splitlines()]
    assert (tmp_path / "commands.png").stat().st_size > 1000
    md = (tmp_path / "commands.md").read_text()
    assert all(f"| {name} |" in md for name in full["engines"])
    assert "By voice" in md and "Barge-in" in md
    # two safety sentences, each spoken by every voice
    assert full["clips"] == len(rows) == 2 * len(full["voices"]) == short["clips"]
    assert set(full["engines"]) == {*ENGINES, BASELINE, BASELINE_NBEST}
    for row in rows:
        assert row["intent"] in ("emergency_help", "fall_report")
        # the same model as baseline decides exactly as the primary on the same decode
        assert row[BASELINE]["intent"] == row["pocketsphinx"]["intent"]
        assert row[BASELINE_NBEST]["intent"] == row["pocketsphinx+nbest"]["intent"]
    for e in full["engines"].values():
        assert 0.0 <= e["intent_accuracy"] <= 1.0 and e["wer"] >= 0.0
    assert 0.0 <= short["stop_detection_rate"] <= 1.0
