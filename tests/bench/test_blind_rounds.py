"""bench.blind_rounds: each held-out file written blind, first and now, typed through the
device with the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.blind_rounds import blind_rounds, held_out_files, main


def test_every_blind_file_has_its_first_figures_and_the_read_ones_improved() -> None:
    numbers = held_out_files()
    assert numbers[:6] == [3, 4, 5, 6, 7, 8]
    result = blind_rounds(files=[7, 8])
    seventh, eighth = result["files"]
    # the seventh was read once the eighth was written: its calls are all caught now
    assert seventh["first"]["safety_missed"] == 4 and seventh["now"]["safety_missed"] == 0
    assert seventh["now"]["other_alerts"] < seventh["first"]["other_alerts"]
    # the eighth is kept blind: no rule was written on it, and none of its figures is worse
    for key in ("other_alerts", "other_questions", "safety_missed"):
        assert eighth["now"][key] <= eighth["first"][key]
    assert eighth["first"]["n_other"] == eighth["now"]["n_other"] == 155
    assert 0.0 <= eighth["now"]["others_asked"] <= 1.0


def test_the_command_writes_json_and_png(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--files", "7", "--out", str(tmp_path)]) == 0
    written = json.loads((tmp_path / "blind_rounds.json").read_text())
    assert [r["file"] for r in written["files"]] == ["figures_heldout7_en.jsonl"]
    assert (tmp_path / "blind_rounds.png").stat().st_size > 1000
    assert json.loads(capsys.readouterr().out.splitlines()[0])["file"] == \
        "figures_heldout7_en.jsonl"


def test_a_file_without_first_figures_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FileNotFoundError, match="no first figures"):
        blind_rounds(files=[7], figures=tmp_path)
    assert main(["--files", "x"]) == 2
    assert "blind_rounds: error" in capsys.readouterr().err
