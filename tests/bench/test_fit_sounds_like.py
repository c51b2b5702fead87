"""bench.fit_sounds_like on a handful of the committed dev rows and training hypotheses:
the rule keeps the score that catches the misheard calls without reading calls into
ordinary speech; the JSON and PNG are written."""

from __future__ import annotations

import json
from pathlib import Path

from bench.fit_sounds_like import main

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "speech_results" / "dev_hybrid_rows.jsonl"
# misheard calls the reading catches, and ordinary clips
HEARD = {"now the alert might care", "cold i'm one one", "what time is it",
         "turn up the volume please dear", "put the fire on in the spare room"}


def test_fit_keeps_the_score_that_catches_misheard_calls(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in DEV.read_text().splitlines() if line.strip()]
    picked = [r for r in rows if r["engine"] == "hybrid" and r["heard"] in HEARD]
    assert {r["heard"] for r in picked} >= {"now the alert might care", "cold i'm one one"}
    dev = tmp_path / "dev_rows.jsonl"
    dev.write_text("".join(json.dumps(r) + "\n" for r in picked))
    hyps = tmp_path / "hyps.jsonl"
    hyps.write_text("".join(json.dumps(h) + "\n" for h in [
        {"text": "i'm just going to take on my 1030 turbulence", "intent": "medication_taken",
         "alternatives": []},
        {"text": "turn yourself down", "intent": "volume_down", "alternatives": []},
        {"text": "what is the time", "intent": "time_query", "alternatives": []},
        {"text": "i have fallen", "intent": "fall_report", "alternatives": []}]))
    out = tmp_path / "fit.json"
    import bench.fit_sounds_like as fsl

    grid = (80.0, 95.0)
    result = fsl.fit([json.loads(x) for x in dev.read_text().splitlines()],
                     [json.loads(x) for x in hyps.read_text().splitlines()], grid=grid)
    n_calls = result["dev"]["calls"]
    at = {p["score"]: p for p in result["points"]}
    assert result["off"]["dev_calls_caught"] < at[80.0]["dev_calls_caught"] <= n_calls
    assert at[95.0]["dev_calls_caught"] == result["off"]["dev_calls_caught"]
    # "turbulence" reads as "ambulance" at 80: one of the four hypotheses, three of them
    # others
    assert at[80.0]["train_other_hypotheses_read"] == 1
    assert at[95.0]["train_other_hypotheses_read"] == 0
    # 1 of 3 others read is over the 0.5% bound: the rule keeps 95 here
    assert result["kept"] == 95.0
    # the command line writes the JSON and the plot
    assert main(["--dev", str(dev), "--hypotheses", str(hyps), "--out", str(out)]) == 0
    assert json.loads(out.read_text())["points"] and out.with_suffix(".png").stat().st_size


def test_fit_refuses_a_run_without_hybrid_rows(tmp_path: Path) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"engine": "whisper-base", "set": "commands"}) + "\n")
    hyps = tmp_path / "h.jsonl"
    hyps.write_text("")
    assert main(["--dev", str(dev), "--hypotheses", str(hyps),
                 "--out", str(tmp_path / "o.json")]) == 2


def test_reference_rows_record_their_own_hypothesis() -> None:
    """The exact-sentence rows are decided afresh: the hypothesis and the alternative index
    are theirs, not the engine row's they were copied from."""
    from bench.speech_commands import reference_rows

    engine_row = {"set": "commands", "file": "x.wav", "ref": "what time is it",
                  "intent": "time_query", "seconds": 1.0, "heard": "what time is the stroke",
                  "alternatives": ["what time is it"], "hypothesis": "what time is the stroke",
                  "from_alternative": 1, "engine": "hybrid"}
    ref = reference_rows([engine_row])[0]
    assert ref["heard"] == ref["hypothesis"] == "what time is it"
    assert ref["from_alternative"] == 0 and ref["alternatives"] == []
    assert not ref["alert"] and not ref["asked"] and ref["decided"] == "time_query"
