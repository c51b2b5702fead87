"""Vocabulary trimming for a WordPiece (BERT) student.

Keeps the special tokens, every ASCII character (alone and as a ``##`` continuation, so any
English word still tokenizes), every token the data uses, and then the most frequent
tokens of the original vocabulary (BERT's vocabulary is ordered by frequency after the
characters) until the target size. The embedding rows of the kept tokens are copied.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["trim_tokenizer", "TrimmedVocab"]

SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
FIRST_WORD_ID = 1996  # "the": frequency-ordered words start here in BERT vocabularies


class TrimmedVocab:
    """Result of trimming: the new tokenizer JSON and the kept original ids, in new order."""

    def __init__(self, tokenizer_json: dict[str, Any], kept_ids: list[int]):
        self.tokenizer_json = tokenizer_json
        self.kept_ids = kept_ids

    def __len__(self) -> int:
        return len(self.kept_ids)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.tokenizer_json, ensure_ascii=False), encoding="utf-8")

    def tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        return Tokenizer.from_str(json.dumps(self.tokenizer_json))


def trim_tokenizer(tokenizer_path: Path, texts: Iterable[str], target_size: int,
                   max_length: int) -> TrimmedVocab:
    """Trim a WordPiece tokenizer.json to about `target_size` tokens covering `texts`."""
    from tokenizers import Tokenizer

    spec = json.loads(tokenizer_path.read_text(encoding="utf-8"))
    model = spec.get("model", {})
    if model.get("type") != "WordPiece":
        raise ValueError("vocabulary trimming needs a WordPiece tokenizer, "
                         f"got {model.get('type')}")
    vocab: dict[str, int] = model["vocab"]
    original = Tokenizer.from_file(str(tokenizer_path))
    original.no_padding()
    original.no_truncation()
    keep: set[int] = {vocab[t] for t in SPECIALS if t in vocab}
    for ch in string.ascii_lowercase + string.digits + string.punctuation:
        for tok in (ch, "##" + ch):
            if tok in vocab:
                keep.add(vocab[tok])
    for enc in original.encode_batch(list(texts)):
        keep.update(enc.ids)
    by_id = sorted(vocab.items(), key=lambda kv: kv[1])
    for tok, idx in by_id:
        if len(keep) >= target_size:
            break
        if idx >= FIRST_WORD_ID and not tok.startswith("[unused"):
            keep.add(idx)
    kept_ids = sorted(keep)
    id_to_tok = {i: t for t, i in vocab.items()}
    new_vocab = {id_to_tok[old]: new for new, old in enumerate(kept_ids)}
    spec["model"]["vocab"] = new_vocab
    spec["added_tokens"] = [dict(a, id=new_vocab[a["content"]])
                            for a in spec.get("added_tokens", []) if a["content"] in new_vocab]
    post = spec.get("post_processor") or {}
    for name, entry in (post.get("special_tokens") or {}).items():
        entry["ids"] = [new_vocab[name]]
    pad = "[PAD]"
    spec["padding"] = {"strategy": "BatchLongest", "direction": "Right", "pad_to_multiple_of": None,
                       "pad_id": new_vocab[pad], "pad_type_id": 0, "pad_token": pad}
    spec["truncation"] = {"direction": "Right", "max_length": max_length,
                          "strategy": "LongestFirst", "stride": 0}
    return TrimmedVocab(spec, kept_ids)
