"""The committed speech benchmark runs against the current decision: re-deciding their
recorded transcripts (bench.speech_redecide) must give the figures committed for them, so a
change to the spoken decision, the safety words or the shipped model that moves them fails
here until the benchmark is run again, or its transcripts decided again and committed
(``PREFIX.json`` holds the run's own figures; ``redecide_PREFIX.json``, where there is one,
the figures of its transcripts under a later model: docs/speech.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.speech_commands import redecide, summary
from bench.speech_redecide import main

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "speech_results"
FIGURES = ("decision_accuracy", "intent_exact", "safety_caught", "false_safety",
           "false_alert_at_once")


def _rows(prefix: str) -> list[dict[str, object]]:
    lines = (RESULTS / f"{prefix}_rows.jsonl").read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, lines) if r["engine"] == "hybrid"]


@pytest.mark.parametrize("prefix", ["commands_idle", "dev_hybrid", "figures",
                                    # runs with Whisper's second opinion: replayed from it
                                    "dev_second", "commands_second", "heldout2_second",
                                    "figures_second", "heldout3_second", "heldout4_second",
                                    "heldout5_second", "heldout6_second",
                                    "heldout7_second", "heldout8_second",
                                    "heldout9_second", "heldout10_second", "heldout12_second",
                                    "heldout13_second", "heldout19_second"])
def test_the_committed_runs_are_what_the_current_decision_gives(prefix: str) -> None:
    later = RESULTS / f"redecide_{prefix}.json"
    committed = json.loads(later.read_text()) if later.is_file() else \
        json.loads((RESULTS / f"{prefix}.json").read_text())["engines"]["hybrid"]
    again = summary(redecide(_rows(prefix)))
    assert {k: again[k] for k in FIGURES} == {k: committed[k] for k in FIGURES}
    assert [m["ref"] for m in again["missed_safety"]] == \
        [m["ref"] for m in committed["missed_safety"]]


def test_settings_change_the_decision(capsys: pytest.CaptureFixture[str]) -> None:
    """With the rule for an understood 1-best off, an ordinary sentence heard right is
    asked about again because of a weak alternative ("put the telly um on" in the committed
    run; "my foot hurts" with "my fault hurts" in the one before), and no call is lost by
    the rule."""
    rows = _rows("commands_idle")
    assert main([str(RESULTS / "commands_idle_rows.jsonl"),
                 "--set", "spoken.understood_best=1.0"]) == 0
    off = json.loads(capsys.readouterr().out)
    now = summary(redecide(rows))
    assert off["false_safety"] > now["false_safety"]
    more = {c["ref"] for c in off["false_safety_clips"]} - \
        {c["ref"] for c in now["false_safety_clips"]}
    assert more, "the rule changed nothing"
    assert off["safety_caught"] == now["safety_caught"]


def test_the_long_turn_reading_catches_spoken_calls() -> None:
    """The nineteenth file spoken (half of its turns thirty words or more, the call at the
    end): with the long-turn reading off (safety.long_turn_words=0), call clips caught
    by it are lost (docs/speech.md, "The nineteenth held-out file, spoken")."""
    rows = _rows("heldout19_second")
    now = summary(redecide(rows))
    off = summary(redecide(rows, sets=("safety.long_turn_words=0",)))
    assert len(off["missed_safety"]) > len(now["missed_safety"]) + 10
    assert {m["ref"] for m in now["missed_safety"]} <= {m["ref"] for m in off["missed_safety"]}


def test_bad_input_is_a_clear_error(tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing_rows.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    broken = tmp_path / "broken_rows.jsonl"
    broken.write_text("{not json\n")
    assert main([str(broken)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main([str(RESULTS / "commands_idle_rows.jsonl"), "--engine", "vosk"]) == 2
    assert "no command rows of engine 'vosk'" in capsys.readouterr().err
    assert main([str(RESULTS / "commands_idle_rows.jsonl"),
                 "--set", "spoken.understood_best=5"]) == 2
    assert "spoken.understood_best must be a probability" in capsys.readouterr().err


def test_ask_threshold_moves_the_question_band(capsys: pytest.CaptureFixture[str]) -> None:
    """--ask: the model's ask threshold in place of config.json's. Lower asks about more
    (never fewer calls caught, never less false safety); the shipped value gives the run's
    own figures (its spoken ask threshold, where it has one: spoken turns use it); out of
    range or above the alert threshold is a clear error."""
    from device.intent import IntentModel

    rows = str(RESULTS / "commands_idle_rows.jsonl")
    model = IntentModel.load(None)
    shipped = model.safety_thresholds
    assert shipped
    alert, ask = next(iter(shipped.values()))
    if model.config.spoken_ask is not None:
        ask = model.config.spoken_ask
    figures = {}
    for value in (0.01, ask, min(alert, 0.9)):
        assert main([rows, "--ask", str(value)]) == 0
        figures[value] = json.loads(capsys.readouterr().out)
        assert figures[value]["ask"] == value
    low, same, high = (figures[v] for v in (0.01, ask, min(alert, 0.9)))
    later = RESULTS / "redecide_commands_idle.json"
    committed = json.loads(later.read_text()) if later.is_file() else \
        json.loads((RESULTS / "commands_idle.json").read_text())["engines"]["hybrid"]
    assert same["false_safety"] == committed["false_safety"]
    assert same["safety_caught"] == committed["safety_caught"]
    assert low["safety_caught"] >= same["safety_caught"] >= high["safety_caught"]
    assert low["false_safety"] > same["false_safety"] >= high["false_safety"]
    assert main([rows, "--ask", "1.5"]) == 2
    assert "must be within 0 and the alert threshold" in capsys.readouterr().err


def test_alert_threshold_moves_alerts_to_questions(capsys: pytest.CaptureFixture[str]) -> None:
    """`--alert P`: the same turns with another alert threshold. Raised to 1, the model
    alerts nothing at once by itself (the words net and the fast path's sure signs still
    do): calls alerted at once fall, no call is lost and no other clip is added."""
    rows = str(RESULTS / "commands_second_rows.jsonl")
    assert main([rows]) == 0
    same = json.loads(capsys.readouterr().out)
    assert main([rows, "--alert", "1.0"]) == 0
    top = json.loads(capsys.readouterr().out)
    assert top["alert"] == 1.0
    assert top["safety_alert_at_once"] < same["safety_alert_at_once"]
    assert top["safety_caught"] == same["safety_caught"]
    assert top["false_alert_at_once"] <= same["false_alert_at_once"]
    assert main([rows, "--alert", "1.5"]) == 2
    assert "that within 1" in capsys.readouterr().err
