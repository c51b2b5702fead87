"""A small pure-Python n-gram language model writer (ARPA format).

Interpolated Kneser-Ney smoothing (one absolute discount per order, continuation counts
for the lower orders), written in backoff form: for an interpolated model the backoff
weight of a context is exactly its interpolation weight. The unigram level can be mixed
with a general-English unigram distribution so that words outside the domain sentences
stay recognisable (open vocabulary).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["NGramCounts", "build_arpa"]

BOS = "<s>"
EOS = "</s>"
_LOG0 = -99.0


@dataclass
class NGramCounts:
    """Counts of all orders, by n-gram tuple."""

    order: int
    counts: list[Counter[tuple[str, ...]]]

    @classmethod
    def from_sentences(cls, sentences: Iterable[list[str]], order: int = 3) -> NGramCounts:
        if order < 1:
            raise ValueError("order must be >= 1")
        counts: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(order + 1)]
        for words in sentences:
            toks = [BOS, *words, EOS]
            for n in range(1, order + 1):
                for i in range(len(toks) - n + 1):
                    counts[n][tuple(toks[i : i + n])] += 1
        return cls(order=order, counts=counts)


def _kn_counts(c: NGramCounts) -> list[Counter[tuple[str, ...]]]:
    """Counts used at each order: raw at the top and for <s>-initial grams, else continuation."""
    out: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(c.order + 1)]
    out[c.order] = Counter(c.counts[c.order])
    for n in range(c.order - 1, 0, -1):
        cont: Counter[tuple[str, ...]] = Counter()
        for g in c.counts[n + 1]:
            cont[g[1:]] += 1
        for g, raw in c.counts[n].items():
            out[n][g] = raw if g[0] == BOS else cont.get(g, 0) or raw
    return out


def _discount(counts: Counter[tuple[str, ...]]) -> float:
    n1 = sum(1 for v in counts.values() if v == 1)
    n2 = sum(1 for v in counts.values() if v == 2)
    if n1 == 0:
        return 0.5
    return min(0.9, max(0.1, n1 / (n1 + 2.0 * n2)))


def build_arpa(
    sentences: Iterable[list[str]],
    order: int = 3,
    general_unigrams: Mapping[str, float] | None = None,
    general_weight: float = 0.0,
) -> str:
    """Build an ARPA language model from tokenised sentences.

    Args:
        sentences: lists of lower-case words (no <s>/</s>).
        order: n-gram order (3 = trigram).
        general_unigrams: word -> probability of a general-English unigram model; its
            words join the vocabulary.
        general_weight: share (0..1) of the general distribution in the unigram level.
    Returns:
        The ARPA text.
    """
    if not 0.0 <= general_weight < 1.0:
        raise ValueError("general_weight must be in [0, 1)")
    c = NGramCounts.from_sentences(sentences, order)
    if not c.counts[1]:
        raise ValueError("no sentences to build a language model from")
    a = _kn_counts(c)
    disc = [0.0] + [_discount(a[n]) for n in range(1, order + 1)]

    # Context statistics per order: total count and number of distinct followers.
    total: list[dict[tuple[str, ...], float]] = [defaultdict(float) for _ in range(order + 1)]
    types: list[dict[tuple[str, ...], int]] = [defaultdict(int) for _ in range(order + 1)]
    for n in range(2, order + 1):
        for g, v in a[n].items():
            total[n][g[:-1]] += v
            types[n][g[:-1]] += 1

    # Unigrams: discounted KN unigram, leftover spread uniformly, mixed with general English.
    dom_vocab = {g[0] for g in a[1] if g[0] != BOS}
    gen = dict(general_unigrams or {})
    gen.pop(BOS, None)
    vocab = sorted(dom_vocab | set(gen) | {EOS})
    t1 = sum(v for g, v in a[1].items() if g[0] != BOS)
    d1 = disc[1]
    left = d1 * len(dom_vocab) / t1
    p1: dict[str, float] = {}
    gen_total = sum(gen.values())
    lam = general_weight if gen_total > 0 else 0.0
    for w in vocab:
        pd = max(a[1].get((w,), 0) - d1, 0.0) / t1 + left / len(vocab)
        pg = gen.get(w, 0.0) / gen_total if gen_total > 0 else 0.0
        p1[w] = (1.0 - lam) * pd + lam * pg

    def prob(w: str, ctx: tuple[str, ...]) -> float:
        if not ctx:
            return p1.get(w, 0.0)
        n = len(ctx) + 1
        t = total[n].get(ctx, 0.0)
        lower = prob(w, ctx[1:])
        if t == 0:
            return lower
        d = disc[n]
        return (max(a[n].get((*ctx, w), 0) - d, 0.0) + d * types[n][ctx] * lower) / t

    def backoff(ctx: tuple[str, ...]) -> float:
        n = len(ctx) + 1
        if n > order:
            return 1.0
        t = total[n].get(ctx, 0.0)
        return disc[n] * types[n][ctx] / t if t > 0 else 1.0

    lines = ["\\data\\"]
    sections: list[list[str]] = []
    grams_1 = [(w,) for w in vocab] + [(BOS,)]
    grams: list[list[tuple[str, ...]]] = [[], sorted(grams_1)]
    for n in range(2, order + 1):
        grams.append(sorted(g for g in a[n] if a[n][g] > 0))
    for n in range(1, order + 1):
        lines.append(f"ngram {n}={len(grams[n])}")
        body = [f"\\{n}-grams:"]
        for g in grams[n]:
            if g == (BOS,):
                lp = _LOG0
            else:
                lp = math.log10(max(prob(g[-1], g[:-1]), 1e-99))
            if n < order and g[-1] != EOS:
                bo = f"\t{math.log10(backoff(g)):.4f}"
            else:
                bo = ""
            body.append(f"{lp:.4f}\t{' '.join(g)}{bo}")
        sections.append(body)
    out = lines + [""]
    for body in sections:
        out += body + [""]
    out.append("\\end\\")
    return "\n".join(out) + "\n"
