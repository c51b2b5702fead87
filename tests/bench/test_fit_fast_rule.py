"""bench.fit_fast_rule on a slice of the committed first speech run (its pocketsphinx and
whisper-base rows of the same clips)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fit_fast_rule import main

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "speech_results"


def test_the_rule_is_fitted_on_clips_both_engines_decoded(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [json.loads(line) for line in
            (RESULTS / "commands_rows.jsonl").read_text().splitlines() if line.strip()]
    files = sorted({r["file"] for r in rows if r["set"] == "commands"})[::8]
    part = [r for r in rows if r["file"] in files and r["set"] == "commands"]
    path = tmp_path / "dev_rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in part))
    out = tmp_path / "rule.json"
    assert main([str(path), "--out", str(out)]) == 0
    res = json.loads(out.read_text())
    assert res["clips"] == len(files) and res["candidates"]
    assert 0.0 <= res["accuracy_signs_then_whisper"] <= 1.0
    assert json.loads(capsys.readouterr().out)["clips"] == len(files)


def test_rows_without_both_engines_are_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hybrid_only = tmp_path / "hybrid_rows.jsonl"
    hybrid_only.write_text((RESULTS / "dev_hybrid_rows.jsonl").read_text())
    assert main([str(hybrid_only), "--out", str(tmp_path / "rule.json")]) == 2
    assert "no command rows of engine 'pocketsphinx'" in capsys.readouterr().err
    assert main([str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "rule.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert not (tmp_path / "rule.json").exists()
