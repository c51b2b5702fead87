"""The intent runtime's batch-1 changes keep every label and probability: `eldercare bench
intent-runtime` compares it with the runtime as it was, on the shipped model."""

from __future__ import annotations

from bench.intent_runtime import compare


def test_runtime_before_and_after_agree_on_every_utterance() -> None:
    result = compare(None, threads=2, repeats=1, n=20, block=10, every=4)
    assert result["identical"], result["differ"]
    assert result["compared"] > 150 and result["max_probability_difference"] < 1e-6
    for side in ("before", "after", "after_sleeping", "after_spinning"):
        assert 0 < result[side]["latency_ms_p50"] <= result[side]["latency_ms_p95"]
    assert result["latency_n"] == 20 and result["machine"]["threads"] == 2
