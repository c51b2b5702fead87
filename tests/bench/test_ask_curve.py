"""bench.ask_curve: the spoken figures of a model as its ask threshold moves, on a
committed run's recorded transcripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.ask_curve import main

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "speech_results"


def _some_rows(tmp_path: Path) -> Path:
    rows = [json.loads(line) for line in
            (RESULTS / "commands_idle_rows.jsonl").read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r["engine"] == "hybrid"]
    path = tmp_path / "part_rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows[::4]))
    return path


def test_the_curve_moves_with_the_ask_and_marks_the_models_own(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _some_rows(tmp_path)
    out = tmp_path / "out"
    assert main([str(rows), "--asks", "0.01,0.3,0.6", "--out", str(out)]) == 0
    curve = json.loads((out / "ask_curve.json").read_text())
    assert (out / "ask_curve.png").stat().st_size > 10_000
    points = curve["runs"]["part"]["shipped"]
    calls = sum(json.loads(line)["intent"] in ("emergency_help", "fall_report")
                for line in rows.read_text().splitlines())
    assert calls > 0 and all(p["calls"] == calls and 0 <= p["caught"] <= calls for p in points)
    assert [p["ask"] for p in points] == sorted(p["ask"] for p in points)
    assert sum(p["own"] for p in points) == 1 and len(points) == 4
    # a lower ask never catches fewer calls nor asks about fewer other clips
    for lower, higher in zip(points, points[1:], strict=False):
        assert lower["caught"] >= higher["caught"]
        assert lower["false_safety"] >= higher["false_safety"]
    assert points[0]["false_safety"] > points[-1]["false_safety"]
    assert "part shipped:" in capsys.readouterr().out


def test_bad_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing_rows.jsonl"), "--out", str(tmp_path)]) == 2
    assert "ask_curve: error" in capsys.readouterr().err
    rows = _some_rows(tmp_path)
    assert main([str(rows), "--asks", "2", "--out", str(tmp_path)]) == 2
    assert "--asks must be probabilities" in capsys.readouterr().err
    assert main([str(rows), "--engine", "vosk", "--out", str(tmp_path)]) == 2
    assert "no command rows" in capsys.readouterr().err
    assert main([str(rows), "--model", str(tmp_path / "no_model"), "--out",
                 str(tmp_path)]) == 2
    capsys.readouterr()
