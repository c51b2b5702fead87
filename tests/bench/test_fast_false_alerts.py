"""bench.fast_false_alerts on a few sentences: real clips spoken and decoded by the fast
path, the device's decision on those with safety signs, and the candidate rules scored
against the committed runs' calls."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

import bench.fast_false_alerts as ffa
from device.safety import safety_word_indices


def test_the_sentences_are_none_of_the_spoken_parts() -> None:
    from speech.command_set import SAFETY, command_sentences

    used = {t for part in ("test", "dev") for t, _ in command_sentences(quick=True, part=part)}
    others = ffa.fit_sentences()
    assert others and not {t for t, _ in others} & used
    assert all(intent not in SAFETY for _, intent in others)


def test_a_small_run_writes_figures_that_add_up(tmp_path: Path) -> None:
    out = tmp_path / "ffa.json"
    assert ffa.main(["--limit", "4", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["sentences"] == 4 and result["clips"] == 8  # each spoken twice
    assert result["false_alerts_at_once"] + result["false_questions"] <= result["fast_safety"]
    assert out.with_suffix(".png").stat().st_size > 0
    calls = result["fast_calls_alerted_at_once"]
    assert calls["dev"] > 0 and calls["test"] > 0
    by = {(c["rule"], c["bar"]): c for c in result["candidates"]}
    assert by[("none", None)]["dev_calls_asked_instead"] == 0
    # a higher bar keeps fewer alerts: more calls asked about, no more false alerts kept
    for rule in ("mean_posterior", "call_words_posterior"):
        pts = [by[(rule, b)] for b in ffa.BARS]
        assert all(a["dev_calls_asked_instead"] <= b["dev_calls_asked_instead"] and
                   a["false_alerts_kept"] >= b["false_alerts_kept"]
                   for a, b in itertools.pairwise(pts))
    assert pts[-1]["dev_calls_asked_instead"] <= calls["dev"]


def test_candidates_read_the_posteriors_of_the_call_words() -> None:
    false = {"heard": "oh love go on the floor five for me", "alternatives": [],
             "confidence": 0.32, "alert": True,
             "word_conf": [0.95, 0.42, 0.42, 0.13, 0.16, 0.01, 0.28, 0.01, 0.51]}
    call = {"heard": "give me an ambulance", "alternatives": ["give me a an ambulance"],
            "confidence": 0.88, "alert": True, "word_conf": [0.52, 0.99, 0.99, 1.0]}
    assert safety_word_indices(false["heard"]) == [3, 4, 5]
    by = {(c["rule"], c["bar"]): c for c in ffa.candidates([false], {"dev": [call]})}
    assert by[("call_words_posterior", 0.1)]["false_alerts_kept"] == 0  # "floor" at 0.01
    assert by[("call_words_posterior", 0.1)]["dev_calls_asked_instead"] == 0
    assert by[("mean_posterior", 0.4)]["false_alerts_kept"] == 0
    assert by[("unanimous_nbest", None)]["dev_calls_asked_instead"] == 0


@pytest.mark.parametrize("bad", ["0", "-3"])
def test_a_bad_limit_is_a_clear_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert ffa.main(["--limit", bad]) == 2
    assert "--limit must be >= 1" in capsys.readouterr().err
