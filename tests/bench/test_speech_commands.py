"""`eldercare bench speech` on a few real generated clips: engines in child processes, the
device's own decision (a real Assistant) scored, the result files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.speech_commands import REFERENCE, run_bench_commands, summary


@pytest.mark.slow
def test_small_run_scores_the_device_decision(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("faster_whisper")
    monkeypatch.setenv("ELDERCARE_CACHE", str(tmp_path / "cache"))  # clips generated here
    engines = ("pocketsphinx", "whisper-tiny.en")
    short = run_bench_commands(tmp_path, quick=True, limit=1, engines=engines, human=False)
    full = json.loads((tmp_path / "commands.json").read_text())
    rows = [json.loads(line) for line in (tmp_path / "commands_rows.jsonl").read_text()
            .splitlines()]
    assert (tmp_path / "commands.png").stat().st_size > 1000
    md = (tmp_path / "commands.md").read_text()
    assert all(f"| {name} |" in md for name in engines)
    # one safety sentence, spoken by every voice, decoded by each engine
    assert full["clips"] == short["clips"] == len(full["voices"]) == len(rows) // 3
    assert set(full["engines"]) == {*engines, REFERENCE}  # and the decision on the text
    for row in rows:
        assert row["intent"] in ("emergency_help", "fall_report")
        if row["engine"] != REFERENCE:
            assert row["latency_ms"] >= row["asr_ms"] >= 0 and row["cpu_s"] > 0
        caught = row["alert"] or row["asked"]
        # the Turn's own decision: a safety intent alerts or asks, anything else does neither
        assert caught == (row["decided"] in ("emergency_help", "fall_report"))
    for name in engines:
        e = full["engines"][name]
        assert 0.0 <= e["decision_accuracy"] <= 1.0 and e["wer"] >= 0.0
        assert e["peak_rss_mb"] > 50 and e["false_safety"] is None  # no other clips
    assert full["engines"][REFERENCE]["wer"] == 0.0
    # a second run reuses the generated clips
    assert len(list((tmp_path / "cache" / "bench-commands").iterdir())) == 1


def test_summary_counts_questions_and_alerts_as_caught() -> None:
    base = {"set": "commands", "edits": 0, "ref_words": 3, "latency_ms": 10.0, "cpu_s": 0.1,
            "seconds": 1.0, "path": "fast", "voice": "v", "snr_db": 20.0, "ref": "x",
            "heard": "x"}
    rows = [
        {**base, "intent": "fall_report", "decided": "fall_report", "alert": True,
         "asked": False},
        {**base, "intent": "emergency_help", "decided": "emergency_help", "alert": False,
         "asked": True},
        {**base, "intent": "fall_report", "decided": "time_query", "alert": False,
         "asked": False},
        {**base, "intent": "time_query", "decided": "time_query", "alert": False,
         "asked": False},
        {**base, "intent": "greeting", "decided": "emergency_help", "alert": False,
         "asked": True},
    ]
    s = summary(rows)
    assert s["safety_caught"] == round(2 / 3, 4) and s["false_safety"] == 0.5
    assert s["decision_accuracy"] == 0.6 and s["safety_alert_at_once"] == round(1 / 3, 4)
    assert [m["decided"] for m in s["missed_safety"]] == ["time_query"]
    # the counts behind the rates
    assert (s["calls"], s["calls_caught"], s["others"], s["others_flagged"],
            s["others_alerted"]) == (3, 2, 2, 1, 0)


def test_summary_counts_give_the_committed_rates() -> None:
    """The committed dev run's recorded decisions, counted: 223 of 228 calls caught, 10 of
    100 other clips asked about, none alerted at once; the rates are the committed ones."""
    from bench.speech_commands import command_rows

    results = Path(__file__).resolve().parents[2] / "bench" / "speech_results"
    s = summary(command_rows(results / "dev_hybrid_rows.jsonl"))
    committed = json.loads((results / "dev_hybrid.json").read_text())["engines"]["hybrid"]
    assert (s["calls"], s["calls_caught"], s["others"], s["others_flagged"],
            s["others_alerted"]) == (228, 223, 100, 10, 0)
    assert s["safety_caught"] == committed["safety_caught"] == round(223 / 228, 4)
    assert s["false_safety"] == committed["false_safety"] == 0.1
    assert s["false_alert_at_once"] == committed["false_alert_at_once"] == 0.0


@pytest.mark.slow
def test_a_file_of_sentences_is_spoken_instead_of_the_command_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ELDERCARE_CACHE", str(tmp_path / "cache"))
    rows_in = tmp_path / "figures.jsonl"
    rows_in.write_text(json.dumps({"text": "turn the fire off please", "intent": "home_control"})
                       + "\n", encoding="utf-8")
    run_bench_commands(tmp_path, engines=("pocketsphinx",), human=False, prefix="figures",
                       sentences_file=rows_in)
    full = json.loads((tmp_path / "figures.json").read_text())
    rows = [json.loads(line) for line in (tmp_path / "figures_rows.jsonl").read_text()
            .splitlines()]
    assert full["part"] == "file:figures.jsonl" and full["sentences"] == 1
    assert {r["ref"] for r in rows} == {"turn the fire off please"}
    assert {r["intent"] for r in rows} == {"home_control"}
    with pytest.raises(FileNotFoundError):
        run_bench_commands(tmp_path, engines=("pocketsphinx",), human=False,
                           sentences_file=tmp_path / "none.jsonl")
