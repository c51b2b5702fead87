"""The domain language model: ARPA writer maths, G2P, and the shipped files."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest

from speech.arpa import build_arpa
from speech.asr_pocketsphinx import DOMAIN_DICT, DOMAIN_LM, MODELS_DIR
from speech.g2p import ipa_to_arpabet, pronounce
from speech.lm_corpus import normalize

SENTS = [s.split() for s in ("i fell down", "i fell over", "help me please", "i need help",
                             "please help me", "i fell in the kitchen")]


def parse_arpa(text: str) -> dict[int, dict[tuple[str, ...], tuple[float, float]]]:
    grams: dict[int, dict[tuple[str, ...], tuple[float, float]]] = {}
    order = 0
    for line in text.splitlines():
        if line.endswith("-grams:"):
            order = int(line[1])
            grams[order] = {}
        elif order and line and not line.startswith("\\"):
            parts = line.split("\t")
            words = tuple(parts[1].split())
            grams[order][words] = (float(parts[0]), float(parts[2]) if len(parts) > 2 else 0.0)
    return grams


def prob(grams: dict, w: str, ctx: tuple[str, ...]) -> float:  # type: ignore[type-arg]
    """Backoff probability, as a decoder computes it."""
    n = len(ctx) + 1
    if (*ctx, w) in grams.get(n, {}):
        return 10 ** grams[n][(*ctx, w)][0]
    bo = 10 ** grams[n - 1][ctx][1] if ctx and ctx in grams.get(n - 1, {}) else 1.0
    return bo * prob(grams, w, ctx[1:])


@pytest.mark.parametrize("general", [None, {"the": 0.5, "cat": 0.3, "kitchen": 0.2}])
def test_every_context_sums_to_one(general: dict[str, float] | None) -> None:
    grams = parse_arpa(build_arpa(SENTS, 3, general, 0.2 if general else 0.0))
    vocab = [w for (w,) in grams[1] if w != "<s>"]
    for ctx in [(), ("i",), ("<s>", "i"), ("i", "fell"), ("fell", "down"), ("help",)]:
        total = sum(prob(grams, w, ctx) for w in vocab)
        assert math.isclose(total, 1.0, rel_tol=1e-3), (ctx, total)
    # seen continuations beat unseen ones
    assert prob(grams, "fell", ("<s>", "i")) > prob(grams, "help", ("<s>", "i"))


def test_bad_lm_inputs() -> None:
    with pytest.raises(ValueError, match="no sentences"):
        build_arpa([], 3)
    with pytest.raises(ValueError, match="general_weight"):
        build_arpa(SENTS, 3, {"a": 1.0}, 1.0)


def test_normalize_speaks_like_people() -> None:
    assert normalize("I dont know, it's 3:30!") == ["i", "don't", "know", "it's", "three",
                                                     "thirty"]
    assert normalize("Call my son at 10") == ["call", "my", "son", "at", "ten"]


def test_g2p_maps_espeak_ipa() -> None:
    assert ipa_to_arpabet("tˈuːθeɪk") == "T UW TH EY K"
    assert ipa_to_arpabet("ʃˈʌʃ") == "SH AH SH"
    assert ipa_to_arpabet("ʘ") is None  # an unknown symbol is refused, not guessed
    got = pronounce(["paracetamol"])
    if got:  # espeak-ng installed
        assert got["paracetamol"].startswith("P AE R AH S")


def test_shipped_lm_matches_its_build_record() -> None:
    info = json.loads((MODELS_DIR / "domain.json").read_text())
    text = DOMAIN_LM.read_text(encoding="utf-8")
    assert hashlib.sha256(text.encode()).hexdigest() == info["lm_sha256"]
    grams = parse_arpa(text)
    assert len(grams[1]) - 2 == info["vocab"]  # + <s> and </s>
    dict_words = {line.split()[0].split("(")[0] for line in DOMAIN_DICT.read_text().splitlines()}
    assert {w for (w,) in grams[1]} - {"<s>", "</s>"} <= dict_words
    for word in ("fell", "help", "ambulance", "paracetamol", "breathe"):
        assert (word,) in grams[1], word


def test_build_script_writes_a_loadable_model(tmp_path: Path) -> None:
    from speech.asr import create_recognizer
    from speech.build_lm import main

    assert main(["--general-words", "50", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "domain.lm.txt").is_file() and (tmp_path / "domain.dict.txt").is_file()
    rec = create_recognizer("pocketsphinx", model=tmp_path)
    assert rec.final().text == ""
