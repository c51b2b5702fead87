"""Word error rate and helpers shared by tests and benchmarks."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["edit_distance", "wer"]


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Levenshtein distance between two word sequences."""
    d = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(hyp) + 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (ref[i - 1] != hyp[j - 1]))
            prev, d[j] = d[j], cur
    return d[len(hyp)]


def wer(ref: str, hyp: str) -> float:
    """Word error rate of one hypothesis (0 = perfect; can exceed 1)."""
    r = ref.split()
    return edit_distance(r, hyp.split()) / max(1, len(r))
