"""Word error rate and helpers shared by tests and benchmarks."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["edit_distance", "wer"]


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Levenshtein distance between two word sequences (rapidfuzz, which the edge extra
    installs: substitutions, insertions and deletions of whole words, each costing 1)."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(list(ref), list(hyp)))


def wer(ref: str, hyp: str) -> float:
    """Word error rate of one hypothesis (0 = perfect; can exceed 1)."""
    r = ref.split()
    return edit_distance(r, hyp.split()) / max(1, len(r))
