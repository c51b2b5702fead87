"""bench.long_turns: the long-turn reading's decision time, on and off side by side, and
what it decides (docs/safety-path.md, "A call at the end of a long turn")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.long_turns import long_turns, main

CALL = ("We'd just sat down with a cup of tea to watch the racing, and my husband said he "
        "felt a bit funny, and now he's gone grey and sweaty and he's holding his arm")
CHAT = ("My son rang this morning to say he'll be over on Saturday with the children, and we "
        "had a lovely long chat about their holiday, so can you remind me to bake a cake")


def _file(tmp_path: Path) -> Path:
    rows = [{"text": CALL, "intent": "emergency_help"},
            {"text": CHAT, "intent": "reminder_set"},
            {"text": "what time is it", "intent": "time_query"}]
    path = tmp_path / "turns.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_on_and_off_side_by_side(tmp_path: Path) -> None:
    r = long_turns(file=_file(tmp_path), repeats=2, threads=1)
    assert (r["turns"], r["long_turns"], r["long_turn_words"]) == (3, 2, 20)
    assert r["on"]["calls_caught"] == 1 and r["off"]["calls_caught"] == 0
    assert r["on"]["others_flagged"] == r["off"]["others_flagged"] == 0
    assert all(len(r[k]["per_turn_ms"]) == 3 for k in ("on", "off"))
    assert r["on"]["long_ms_p50"] > 0 and r["off"]["short_ms_p50"] > 0
    assert set(r["ratio_on_off"]) == {"long_ms_p50", "long_ms_p95", "short_ms_p50",
                                      "short_ms_p95"}
    assert r["later_parts_per_long_turn"]["max"] >= 2
    assert r["machine"]["threads"] == 1 and r["repeats"] == 2


def test_main_writes_the_json_and_the_plot(tmp_path: Path) -> None:
    assert main(["--file", str(_file(tmp_path)), "--repeats", "1", "--out",
                 str(tmp_path / "out")]) == 0
    assert json.loads((tmp_path / "out" / "long_turns.json").read_text())["turns"] == 3
    assert (tmp_path / "out" / "long_turns.png").stat().st_size > 0


@pytest.mark.parametrize("case", ["missing", "empty", "repeats"])
def test_bad_input_is_a_clear_error(tmp_path: Path, case: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "turns.jsonl"
    if case == "empty":
        path.write_text("")
    args = ["--file", str(path if case != "repeats" else _file(tmp_path)),
            "--out", str(tmp_path / "out")]
    if case == "repeats":
        args += ["--repeats", "0"]
    assert main(args) == 2
    assert "long_turns: error" in capsys.readouterr().err
