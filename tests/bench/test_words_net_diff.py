"""bench.words_net_diff: what a change to the device's safety words moves, on the project's
own sentences (intent data, challenge set, recognizer hypotheses, spoken runs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench.words_net_diff as wnd
from bench.stock_words import BLIND

SAFETY_PY = Path(__file__).resolve().parents[2] / "device" / "safety.py"


def test_kinds_are_told_apart_by_what_was_said() -> None:
    texts = {"call an ambulance": {"labels": {"emergency_help"}, "sources": {"a"},
                                   "splits": {"test"}},
             "the ambulance went past": {"labels": {"out_of_scope"}, "sources": {"a"},
                                         "splits": {"dev"}},
             "ambulance": {"labels": {"emergency_help", "out_of_scope"}, "sources": {"b"},
                           "splits": set()},
             "turn the light on": {"labels": {"home_control"}, "sources": {"a"},
                                   "splits": {"train"}}}

    def new(text: str) -> str | None:
        return "emergency_help" if "ambulance" in text else None

    result = wnd.diff(new, lambda text: None, texts)
    assert result["texts"] == 4 and result["changed"] == 3
    assert result["counts"] == {"call": 1, "other": 1, "both": 1}
    assert [r["text"] for r in result["call"]] == ["call an ambulance"]
    assert [r["text"] for r in result["other"]] == ["the ambulance went past"]
    assert result["call"][0]["before"] is None and result["call"][0]["after"] == "emergency_help"
    assert result["intent_data_calls_by_split"] == {"test": 1}


def test_the_same_words_net_moves_nothing(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "safety.py"
    base.write_text(SAFETY_PY.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "diff.json"
    assert wnd.main(["--base-file", str(base), "--json", str(out)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["changed"] == 0 and line["texts"] > 10_000
    assert json.loads(out.read_text())["call"] == []


def test_a_rule_taken_out_shows_the_calls_it_held(tmp_path: Path) -> None:
    """A base without the words for the fire brigade asked for now: the working tree's net
    holds calls the base did not, and on the project's sentences no other sentence."""
    text = SAFETY_PY.read_text(encoding="utf-8")
    rule = 'rf"\\b{_FETCH}{_FIRE_SERVICE}\\b"'
    assert rule in text, "the fire brigade rule moved: update this test"
    base = tmp_path / "safety.py"
    base.write_text(text.replace(rule, 'r"\\b(?:no such words here)\\b"'), encoding="utf-8")
    old = wnd.load_base(path=base)
    assert old.safety_label_of_words("send a fire engine") is None
    from device.safety import safety_label_of_words

    result = wnd.diff(safety_label_of_words, old.safety_label_of_words, wnd.corpus())
    moved = {r["text"] for r in result["call"]}
    assert "get me the fire brigade" in moved and "send a fire engine there's a fire" not in \
        moved  # "there's a fire" holds that one without the fire brigade
    # no other sentence, but a joke of the sixth held-out file's (a spider the size of a
    # hand that asks for the fire brigade: one of its alerts at once), typed or as the
    # recognizer heard it, any of the eighth's, typed or heard, and any of the files kept
    # blind now (counted, never listed: a rule is written on a file only once it is read)
    assert result["counts"]["both"] == 0
    allowed = {"figures_heldout6", "spoken:heldout6_second_rows.jsonl", "figures_heldout8",
               "spoken:heldout8_second_rows.jsonl", *BLIND}
    others = [r for r in result["other"] if not set(r["sources"]) <= allowed]
    assert not others, others


def test_bad_input_is_a_clear_error(tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert wnd.main(["--base-file", str(tmp_path / "missing.py")]) == 2
    assert "base file not found" in capsys.readouterr().err
    empty = tmp_path / "empty.py"
    empty.write_text("x = 1\n", encoding="utf-8")
    assert wnd.main(["--base-file", str(empty)]) == 2
    assert "has no safety_label_of_words" in capsys.readouterr().err
    with pytest.raises(ValueError, match="not both"):
        wnd.load_base("HEAD", empty)
    with pytest.raises(SystemExit):
        wnd.main([])  # a base is required


def test_the_reading_tells_calls_figures_and_mentions_apart() -> None:
    """Beside the words net's label, what else device.safety makes of a sentence: "no call"
    (never alerted nor asked about) and "mention" (the model's alert asked about first);
    a device/safety.py of before that had no mentions reads none."""
    from types import SimpleNamespace

    from device import safety

    read = wnd.reading(safety)
    assert read("i've fallen") == "fall_report" and read("help me") == "emergency_help"
    assert read("he's a pain in the neck") == "no call"
    assert read("i haven't fallen today") == "no call"
    assert read("my flat is on the ground floor") == "mention"
    assert read("turn the light on") is None
    older = SimpleNamespace(safety_label_of_words=safety.safety_label_of_words,
                            is_negated_call=safety.is_negated_call)
    assert wnd.reading(older)("my flat is on the ground floor") is None
