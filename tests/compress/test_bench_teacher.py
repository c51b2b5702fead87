"""`eldercare bench intent --teacher DIR` on the teacher the session's tiny build saved
(OUT/work/teacher): measured live, through the device's safety decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

Build = tuple[Path, dict[str, Any]]


def test_bench_measures_the_saved_teacher(tiny_build: Build) -> None:
    from bench.intent import measure, teacher_system
    from compress.dataset import load_challenge, load_examples
    from device.labels import INTENT_LABELS
    from device.settings_sections import SafetySettings

    examples = load_examples("en")
    dev = [(e.text, e.intent, e.group) for e in examples if e.split == "dev"][::8]
    test = [(e.text, e.intent) for e in examples if e.split == "test"][::20]
    challenge = [(e.text, e.intent) for e in load_challenge("en")][::10]
    system = teacher_system(tiny_build[0] / "work" / "teacher", 1, dev)
    label, score, scores = system.predict("i have fallen and cannot get up")
    assert label in INTENT_LABELS and scores is not None
    assert score == pytest.approx(scores[label]) and sum(scores.values()) == pytest.approx(1.0)
    entry = measure(system, test, challenge, repeats=1, latency_n=5,
                    settings=SafetySettings())
    assert entry["system"] == "teacher" and entry["measured"] is True
    assert entry["latency_n"] == 5 and 0 < entry["latency_ms_p50"] <= entry["latency_ms_p95"]
    assert entry["test"]["n"] == len(test) and entry["challenge"]["n"] == len(challenge)
    assert 0.0 <= entry["accuracy"] <= 1.0 and entry["size_mb"] > 0
    assert 0.0 <= entry["fit"]["ask"] <= entry["fit"]["alert"] <= 1.0


def test_a_folder_that_is_no_teacher_is_refused(tmp_path: Path) -> None:
    from bench.intent import teacher_system

    with pytest.raises(FileNotFoundError, match="neither a teacher"):
        teacher_system(tmp_path, 1, [])
