"""Teacher: fine-tune a BERT-family encoder (MPNet-base by default) on the intent data."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from compress.assets import CheckpointError, minilm_dir, resolve_teacher
from compress.config import TeacherConfig
from compress.data import Encoded, Splits, encode
from compress.modeling import TeacherClassifier
from compress.train import DistContext, fit

__all__ = ["Teacher", "build_teacher", "train_teacher", "load_tokenizer", "word_neighbours"]

os.environ.setdefault("HF_HUB_OFFLINE", "1")


class Teacher:
    """A teacher model with its tokenizer and padding id."""

    def __init__(self, model: TeacherClassifier, tokenizer: Any, pad_id: int, name: str):
        self.model = model
        self.tokenizer = tokenizer
        self.pad_id = pad_id
        self.name = name

    def encode(self, texts: list[str], max_length: int) -> Encoded:
        return encode(self.tokenizer, texts, max_length)


def load_tokenizer(base: str | Path) -> tuple[Any, int]:
    """A fast `tokenizers.Tokenizer` and its pad id from a model folder or cached hub id."""
    from tokenizers import Tokenizer

    path = Path(str(base))
    if (path / "tokenizer.json").is_file():
        tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    else:
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(str(base)).backend_tokenizer
    pad_id = None
    for name in ("[PAD]", "<pad>"):
        pad_id = tok.token_to_id(name)
        if pad_id is not None:
            break
    return tok, int(pad_id or 0)


FUNCTION_WORDS = frozenset("""
a about after all am an and any are as at be because been before being but by can could
did do does doing don't down for from get got had has have having he her here hers him his
how i i'm if in into is it it's its just me mine my no nor not now of off on once only or
our ours out over own she should so some than that the their them then there these they
this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself
""".split())
"""Words word_neighbours leaves alone: swapping them breaks the sentence or flips it
("not" -> "never", "my" -> "his") where the point is new content words."""


def word_neighbours(teacher: Teacher, words: list[str], k: int = 6,
                    min_len: int = 3) -> dict[str, list[str]]:
    """The `k` nearest whole words (cosine of the teacher's input word embeddings) of each
    of `words` that is one token of the teacher's vocabulary and not a function word:
    "fell" -> "falling", "fallen", "tumbled", "came", ...; "pounding" -> "hammering",
    "thumping", "banging", ....
    Candidates are lowercase alphabetic tokens of at least `min_len` letters; words with the
    same first four letters ("pounded" for "pounding") are left out as forms of the word
    itself, which add no new word to learn (irregular ones, "fallen" for "fell", stay). A
    word with no candidate left, or not one token, has no entry. For
    compress.data.substitute_texts."""
    vocab = teacher.tokenizer.get_vocab()
    cands = sorted(i for w, i in vocab.items() if w.isalpha() and w.islower()
                   and len(w) >= min_len)
    if not cands or k < 1:
        return {}
    name = {i: w for w, i in vocab.items()}
    table = teacher.model.encoder.get_input_embeddings().weight.detach().float()
    emb = F.normalize(table[torch.tensor(cands)], dim=1)
    row = {i: n for n, i in enumerate(cands)}
    asked = sorted({w for w in words if vocab.get(w) in row and w not in FUNCTION_WORDS})
    out: dict[str, list[str]] = {}
    for start in range(0, len(asked), 512):
        chunk = asked[start:start + 512]
        sims = emb[[row[vocab[w]] for w in chunk]] @ emb.T
        top = sims.topk(min(4 * k + 1, len(cands)), dim=1).indices.tolist()
        for w, idx in zip(chunk, top, strict=True):
            near = [name[cands[j]] for j in idx
                    if name[cands[j]][:4] != w[:4] and name[cands[j]] not in FUNCTION_WORDS][:k]
            if near:
                out[w] = near
    return out


def build_teacher(cfg: TeacherConfig, num_labels: int, work: Path) -> Teacher:
    """Load the teacher base (or a tiny random BERT) with a fresh classification head."""
    base = resolve_teacher(cfg.model, work)
    if base is None:
        tok_dir = minilm_dir()
        tokenizer, pad_id = load_tokenizer(tok_dir)
        model = TeacherClassifier.tiny_random(tokenizer.get_vocab_size(), num_labels,
                                              cfg.tiny_hidden, cfg.tiny_layers, pad_id)
        return Teacher(model, tokenizer, pad_id, "tiny-random-bert")
    try:
        model = TeacherClassifier.from_base(base, num_labels)
        tokenizer, pad_id = load_tokenizer(base)
    except (OSError, ValueError, RuntimeError) as exc:
        raise CheckpointError(f"cannot load teacher {base}: {str(exc).splitlines()[0]}") from None
    _freeze(model, cfg)
    name = str(base.name) if isinstance(base, Path) else str(base)
    return Teacher(model, tokenizer, pad_id, name)


def _freeze(model: TeacherClassifier, cfg: TeacherConfig) -> None:
    enc = model.encoder
    if cfg.freeze_embeddings and hasattr(enc, "embeddings"):
        for p in enc.embeddings.parameters():
            p.requires_grad = False
    layers = getattr(getattr(enc, "encoder", None), "layer", None)
    if layers is not None:
        for layer in list(layers)[: cfg.freeze_layers]:
            for p in layer.parameters():
                p.requires_grad = False


def class_weights(splits: Splits, safety_weight: float) -> torch.Tensor:
    w = torch.ones(len(splits.labels))
    for i, lab in enumerate(splits.labels):
        if lab in ("emergency_help", "fall_report"):
            w[i] = safety_weight
    return w


def train_teacher(teacher: Teacher, splits: Splits, cfg: TeacherConfig, device: torch.device,
                  ctx: DistContext, seed: int) -> list[float]:
    """Fine-tune with cross-entropy (safety labels weighted); returns per-epoch losses."""
    data = teacher.encode([e.text for e in splits.train], cfg.max_length)
    data.labels = splits.ids(splits.train)
    weights = class_weights(splits, cfg.safety_weight).to(device)

    def loss_fn(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        logits = model(batch["input_ids"], batch["attention_mask"])
        return F.cross_entropy(logits.float(), batch["labels"], weight=weights,
                               label_smoothing=0.05)

    return fit(teacher.model, data, loss_fn, epochs=cfg.epochs, batch_size=cfg.batch_size,
               lr=cfg.lr, pad_id=teacher.pad_id, device=device, ctx=ctx, seed=seed,
               desc="teacher fine-tune", head_lr_scale=cfg.head_lr_scale)


def save_teacher(teacher: Teacher, folder: Path, labels: list[str]) -> None:
    teacher.model.save(folder, labels)
    teacher.tokenizer.save(str(folder / "tokenizer.json"))
    (folder / "teacher.json").write_text(json.dumps({"name": teacher.name,
                                                     "pad_id": teacher.pad_id}))


def load_teacher(folder: Path, labels: list[str]) -> Teacher:
    """A teacher saved by save_teacher (raises CheckpointError if it does not fit `labels`)."""
    try:
        model, saved = TeacherClassifier.load(folder)
        meta = json.loads((folder / "teacher.json").read_text())
        tokenizer, pad_id = load_tokenizer(folder)
    except (OSError, ValueError, RuntimeError, KeyError) as exc:
        raise CheckpointError(f"cannot resume the teacher in {folder}: {exc}") from None
    if saved != labels:
        raise CheckpointError(f"the teacher in {folder} was trained on other labels; "
                              "remove it or train again without --resume")
    return Teacher(model, tokenizer, pad_id, str(meta.get("name", folder.name)))
