"""compress.margins: the k-spacing margin, which is the shipped rule at k = 1."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from compress.margins import family_check, fit_pair, main, tail_margin
from compress.thresholds import _lofo_margin, _sigmoid, fit_thresholds
from device.labels import INTENT_LABELS

LABELS = tuple(INTENT_LABELS)
EM = LABELS.index("emergency_help")
OTHER = LABELS.index("time_query")


def _probs(p_safety: np.ndarray) -> np.ndarray:
    """Rows with the given emergency_help probability, the rest on time_query."""
    probs = np.zeros((len(p_safety), len(LABELS)))
    probs[:, EM] = p_safety
    probs[:, OTHER] = 1.0 - p_safety
    return probs


def test_one_spacing_is_the_shipped_leave_one_family_out_fit() -> None:
    rng = np.random.default_rng(7)
    pos = np.array([True] * 40 + [False] * 60)
    p = np.where(pos, rng.uniform(0.3, 0.999, 100), rng.uniform(0.001, 0.9, 100))
    groups = [f"f{i % 13}" for i in range(100)]
    g = np.asarray(groups)
    for low, mask in ((True, pos), (False, ~pos)):
        assert tail_margin(p[mask], list(g[mask]), low, 1) == pytest.approx(
            _lofo_margin(p[mask], g[mask], low))
    gold = np.where(pos, EM, OTHER)
    shipped = fit_thresholds(_probs(p), gold, groups, LABELS)
    th = fit_pair(_probs(p), gold, groups, LABELS, 1)
    assert th.ask == pytest.approx(shipped.ask) and th.alert == pytest.approx(shipped.alert)


def test_k_spacings_are_weighted_by_their_rank() -> None:
    # family lows at log-odds -3, -1, 0, 1: spacings 2, 1, 1 from the low end
    p = np.array([_sigmoid(x) for x in (-3.0, -1.0, 0.0, 1.0, 2.0)])
    groups = ["a", "b", "c", "d", "d"]
    assert tail_margin(p, groups, True, 1) == pytest.approx(2.0)
    assert tail_margin(p, groups, True, 3) == pytest.approx((2 + 2 * 1 + 3 * 1) / 3)
    assert tail_margin(p, groups, False, 1) == pytest.approx(2.0)  # highs: 2, 0, -1, -3
    assert tail_margin(p[:1], groups[:1], True, 3) == 0.0  # one family: no spacing
    with pytest.raises(ValueError, match="at least 1"):
        tail_margin(p, groups, True, 0)


def test_a_family_far_below_the_rest_is_not_covered_when_left_out() -> None:
    pos = np.array([True] * 6 + [False] * 4)
    p = np.array([0.95, 0.96, 0.9, 0.92, 0.94, 0.02, 0.1, 0.05, 0.2, 0.15])
    groups = ["a", "a", "b", "b", "c", "far", "x", "x", "y", "z"]
    uncovered, alerted = family_check(_probs(p), np.where(pos, EM, OTHER), groups, LABELS, 1)
    assert uncovered == ["far"] and alerted == []


def test_the_command_gives_the_shipped_models_thresholds_at_k_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its dev fit at k = 1 is the build's own: the shipped model's thresholds come back."""
    from device.intent import default_model_dir

    shipped = default_model_dir()
    run = tmp_path / "shipped"
    run.mkdir()
    (run / "intent").symlink_to(shipped, target_is_directory=True)
    assert main([str(run), "--k", "1,2", "--out", str(tmp_path / "m.json")]) == 0
    saved = json.loads((tmp_path / "m.json").read_text())
    one = saved["builds"][str(run)]["1"]
    fitted = json.loads((shipped / "config.json").read_text())["safety_thresholds"]
    assert one["ask"] == pytest.approx(fitted["emergency_help"]["ask"], abs=2e-6)
    assert one["alert"] == pytest.approx(fitted["emergency_help"]["alert"], abs=2e-6)
    assert one["test"]["calls"] == 115 and one["challenge"]["calls"] == 51
    # the shipped soup's lowest dev calls ("phone for the doctor it's urgent", 0.72-0.76)
    # sit far below the rest: a fit without their family would put the ask above them
    # (docs/intent.md, "The shipped build"); no other family, and no test other alerted
    assert one["dev_families_uncovered"] in ([], ["safety_twins:emergency_help:services_now#66"])
    assert one["test"]["others_alerted_at_once"] == 0
    assert saved["builds"][str(run)]["2"]["ask"] != one["ask"]  # the margin moves with k
    assert set(saved["summary"]) == {"1", "2"}
    assert json.loads(capsys.readouterr().out) == saved["summary"]
    assert main([str(tmp_path / "nothing-here")]) == 2
    assert main([str(run), "--k", "0"]) == 2
