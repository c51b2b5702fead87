"""bench.stock_words: the typed sentences whose only call words are stock words, scored by
the shipped model, against safety.typed_stock_words_floor (docs/safety-path.md, "A call's
stock words the model is sure are no call")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import stock_words as sw
from device.settings_sections import SafetySettings


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    return sw.stock_words()


def test_no_call_in_stock_words_lies_near_the_floor(result: dict) -> None:
    """Every call the project holds whose only call words are stock words scores above the
    default floor (set at about half the lowest: a call written blind, 0.0037), and a good
    share of the other such sentences lie under it (71 of 185 when it was set; 111 lay under
    the floor before, 0.005, which answered that call as no call)."""
    floor = SafetySettings().typed_stock_words_floor
    assert result["calls"] >= 250 and result["others"] >= 80
    assert result["calls_under"][str(floor)] == 0
    assert result["lowest_call_p"] >= 1.8 * floor
    assert result["others_under"][str(floor)] >= result["others"] // 3
    assert min(result["p_calls"]) == result["lowest_call_p"]


def test_blind_rows_are_counted_never_listed(result: dict) -> None:
    assert all(r["text"] is not None for r in result["lowest_calls"])
    assert not any(set(r["sources"]) & set(sw.BLIND) for r in result["lowest_calls"])


def test_main_writes_the_json_and_the_plot(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert sw.main(["--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "stock_words.json").read_text())
    assert data["calls"] + data["others"] == data["sentences"]
    assert (tmp_path / "stock_words.png").stat().st_size > 1000
    assert "lowest_call_p" in capsys.readouterr().out


def test_a_missing_model_is_a_clear_error(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert sw.main(["--model", str(tmp_path / "no_model"), "--out", str(tmp_path)]) == 2
    assert "stock_words: error" in capsys.readouterr().err
