"""compress.vocab.trim_tokenizer on the real MiniLM tokenizer: what a trimmed student
vocabulary keeps, and that a size at or above the base's keeps every word piece."""

from __future__ import annotations

import pytest

pytest.importorskip("tokenizers")


def _base() -> object:
    from compress.assets import minilm_dir

    try:
        path = minilm_dir() / "tokenizer.json"
    except (FileNotFoundError, ImportError) as exc:  # the cloud extra's weights package
        pytest.skip(f"MiniLM not installed: {exc}")
    return path


def _tokens(tok: object, text: str) -> list[str]:
    enc = tok.encode(text, add_special_tokens=False)  # type: ignore[attr-defined]
    return list(enc.tokens)


def test_a_trimmed_vocabulary_keeps_the_training_words_and_splits_the_rest() -> None:
    from tokenizers import Tokenizer

    from compress.vocab import trim_tokenizer

    path = _base()
    texts = ["alert my carer", "i have fallen in the kitchen"]
    trimmed = trim_tokenizer(path, texts, 2000, 32)
    assert len(trimmed) <= 2000 + 200  # the training words and characters may go past it
    tok = trimmed.tokenizer()
    base = Tokenizer.from_file(str(path))
    base.no_padding()
    for text in texts:  # the words it was given stay whole, as the base has them
        assert _tokens(tok, text) == _tokens(base, text)
    # a word it was not given and that is past the size falls into pieces, not [UNK]
    pieces = _tokens(tok, "comedian")
    assert pieces != ["comedian"] and "[UNK]" not in pieces
    assert _tokens(base, "comedian") == ["comedian"]


def test_the_base_size_or_more_keeps_the_whole_vocabulary() -> None:
    from tokenizers import Tokenizer

    from compress.vocab import trim_tokenizer

    path = _base()
    base = Tokenizer.from_file(str(path))
    base.no_padding()
    whole = trim_tokenizer(path, ["hello"], 30522, 32)
    # every word piece of the base; what is left out is its [unusedN] slots and the single
    # characters other than ASCII that it lists before its words
    assert base.get_vocab_size() - 2000 < len(whole) < base.get_vocab_size()
    tok = whole.tokenizer()
    for text in ("that comedian had me in stitches", "the smoke detector keeps beeping",
                 "alert my carer", "i can't haul myself up off the lino"):
        assert _tokens(tok, text) == _tokens(base, text)


def test_vocab_size_is_a_validated_student_setting() -> None:
    from compress.cli import _add_args
    from compress.config import ConfigError, get_preset

    # the shipped student keeps MiniLM's whole vocabulary; a trimmed one is a setting away
    assert get_preset("default").student.vocab_size == 30522
    assert get_preset("default", vocab_size=8000).student.vocab_size == 8000
    with pytest.raises(ConfigError, match="vocab_size"):
        get_preset("tiny", vocab_size=10)
    import argparse

    p = argparse.ArgumentParser()
    _add_args(p)
    args = p.parse_args(["--out", "x", "--vocab-size", "30522"])
    assert args.vocab_size == 30522
    with pytest.raises(SystemExit):
        p.parse_args(["--out", "x", "--vocab-size", "12"])
