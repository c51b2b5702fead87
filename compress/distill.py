"""Student: a MiniLM with layers dropped and its vocabulary trimmed, distilled from the teacher.

Loss = alpha * T^2 * KL(student/T || teacher/T) + (1 - alpha) * CE(hard labels, real rows only)
       + hidden_weight * (1 - cos(W * student_pooled, teacher_pooled)).
The pooled hidden-state transfer works across tokenizers (sentence level), so the student
keeps its own trimmed vocabulary. Augmented sentences carry only the teacher's soft labels.
Recognizer hypotheses of training sentences (speech.hypotheses) carry the soft labels and
the intent of what was said.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from compress.assets import check_checkpoint, minilm_dir
from compress.config import StudentConfig
from compress.data import Encoded, Splits, encode
from compress.modeling import BertMeanPoolClassifier
from compress.train import fit
from compress.vocab import TrimmedVocab, trim_tokenizer

__all__ = ["Student", "build_student", "distill", "load_student", "probe_head", "read_student",
           "save_student", "soup_students", "student_vocab", "with_defaults", "DISTILL_FILE"]

DISTILL_FILE = "distill.json"
"""Written next to a distilled student: the settings it was trained with (for --resume)."""


class Student:
    """The student model with its trimmed tokenizer."""

    def __init__(self, model: BertMeanPoolClassifier, vocab: TrimmedVocab, base: str):
        self.model = model
        self.vocab = vocab
        self.tokenizer = vocab.tokenizer()
        self.pad_id = 0
        self.base = base

    def encode(self, texts: list[str], max_length: int) -> Encoded:
        return encode(self.tokenizer, texts, max_length)


def _student_base(cfg: StudentConfig) -> Path:
    base = minilm_dir() if cfg.model in ("minilm-l6", "tiny-random") else \
        Path(cfg.model).expanduser()
    if cfg.model != "tiny-random":
        check_checkpoint(base)
    if not (base / "tokenizer.json").is_file():
        raise FileNotFoundError(f"student base {base} needs a tokenizer.json (WordPiece)")
    return base


def student_vocab(cfg: StudentConfig, vocab_texts: list[str],
                  base: Path | None = None) -> TrimmedVocab:
    """The vocabulary a student distilled on `vocab_texts` keeps (the base's word pieces,
    trimmed to cfg.vocab_size by the texts); `base`: the student's base folder, when the
    caller has it already."""
    return trim_tokenizer((base or _student_base(cfg)) / "tokenizer.json", vocab_texts,
                          cfg.vocab_size, cfg.max_length)


def build_student(cfg: StudentConfig, labels: tuple[str, ...], vocab_texts: list[str]) -> Student:
    """Load (or randomly create) the student, drop layers and trim the vocabulary."""
    from transformers import BertConfig

    id2label = dict(enumerate(labels))
    label2id = {v: k for k, v in id2label.items()}
    if cfg.model == "tiny-random":
        vocab = student_vocab(cfg, vocab_texts)
        bcfg = BertConfig(vocab_size=len(vocab), hidden_size=cfg.tiny_hidden,
                          num_hidden_layers=len(cfg.keep_layers), num_attention_heads=2,
                          intermediate_size=cfg.tiny_hidden * 2, max_position_embeddings=64,
                          num_labels=len(labels), id2label=id2label, label2id=label2id)
        return Student(BertMeanPoolClassifier(bcfg), vocab, "tiny-random-bert")
    base = _student_base(cfg)
    vocab = student_vocab(cfg, vocab_texts, base)
    model = BertMeanPoolClassifier.from_pretrained(str(base), num_labels=len(labels),
                                                   id2label=id2label, label2id=label2id)
    model.keep_layers(cfg.keep_layers)
    model.trim_embeddings(vocab.kept_ids)
    name = "all-MiniLM-L6-v2" if cfg.model == "minilm-l6" else base.name
    return Student(model, vocab, name)


def load_student(folder: Path, settings: dict[str, Any]) -> Student | None:
    """The student saved in `folder` when it was distilled with exactly `settings`."""
    import json

    marker = folder / DISTILL_FILE
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if with_defaults(saved.get("settings")) != json.loads(json.dumps(settings)):
        return None
    return read_student(folder, str(saved["base"]))


def read_student(folder: Path, base: str) -> Student:
    """The student saved in `folder` (its weights and trimmed tokenizer), whatever it was
    distilled with; `base`: the name of the model it was cut from."""
    import json

    check_checkpoint(folder)
    spec = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = TrimmedVocab(spec, list(range(len(spec["model"]["vocab"]))))
    model = BertMeanPoolClassifier.from_pretrained(str(folder))
    return Student(model, vocab, base)


def save_student(student: Student, folder: Path, settings: dict[str, Any],
                 losses: list[Any], extra: dict[str, Any] | None = None) -> None:
    """Write the student, its tokenizer and the settings it was distilled with (`extra`:
    more keys for the settings file, beside the ones --resume checks)."""
    import json

    student.model.to("cpu").eval()
    student.model.save_pretrained(str(folder))
    student.vocab.save(folder / "tokenizer.json")
    (folder / DISTILL_FILE).write_text(json.dumps(
        {"settings": settings, "base": student.base, "losses": losses, **(extra or {})},
        indent=2) + "\n", encoding="utf-8")


def _word_pieces(vocab: TrimmedVocab) -> Any:
    return vocab.tokenizer_json.get("model", {}).get("vocab")


def soup_students(members: list[Student]) -> Student:
    """One student whose weights are the members' averaged (a uniform model soup, Wortsman
    et al. 2022). The members must share a start (the same base, layers, trimmed
    vocabulary and head), as students distilled with different seeds do: weights trained
    from one start lie in one basin, where their average is a model in its own right."""
    import copy

    if not members:
        raise ValueError("a soup needs at least one student")
    first = members[0]
    states = [m.model.state_dict() for m in members]
    words = _word_pieces(first.vocab)
    for m, st in zip(members[1:], states[1:], strict=True):
        # the word pieces, not kept_ids: a student read back from disk numbers its own
        # (read_student), one distilled in this run the base's
        if _word_pieces(m.vocab) != words or st.keys() != states[0].keys() or any(
                st[k].shape != states[0][k].shape for k in st):
            raise ValueError("soup members differ in vocabulary or shape: they must be "
                             "distilled with the same settings but the seed")
    averaged = {k: (torch.stack([st[k].float() for st in states]).mean(0).to(v.dtype)
                    if v.is_floating_point() else v.clone())
                for k, v in states[0].items()}
    model = copy.deepcopy(first.model)
    model.load_state_dict(averaged)
    model.eval()
    return Student(model, first.vocab, first.base)


def with_defaults(saved: Any) -> Any:
    """Saved settings with student settings added since filled in at their defaults: a
    student distilled before a setting existed was distilled as its default does."""
    import json
    from dataclasses import asdict

    from compress.config import StudentConfig

    if not isinstance(saved, dict) or not isinstance(saved.get("student"), dict):
        return saved
    defaults = json.loads(json.dumps(asdict(StudentConfig())))
    return {**saved, "student": {**{k: v for k, v in defaults.items()
                                    if k not in saved["student"]}, **saved["student"]}}


class _KDModule(nn.Module):
    def __init__(self, student: nn.Module, student_dim: int, teacher_dim: int):
        super().__init__()
        self.student = student
        self.proj = nn.Linear(student_dim, teacher_dim)


def _kd_loss(cfg: StudentConfig, weight: torch.Tensor, logits: torch.Tensor,
             projected: torch.Tensor | None, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """The distillation loss of one batch (module docstring) from the student's logits and
    its projected pooled vector."""
    t = cfg.kd_temperature
    logits = logits.float()
    soft = F.kl_div(F.log_softmax(logits / t, dim=-1), F.softmax(batch["soft"] / t, dim=-1),
                    reduction="batchmean") * t * t
    labels = batch["labels"]
    hard = (F.cross_entropy(logits, labels, weight=weight, ignore_index=-100)
            if bool((labels >= 0).any()) else logits.sum() * 0)
    loss = cfg.kd_alpha * soft + (1 - cfg.kd_alpha) * hard
    if cfg.hidden_weight > 0 and projected is not None and "pooled" in batch:
        cos = F.cosine_similarity(projected.float(), batch["pooled"], dim=-1)
        loss = loss + cfg.hidden_weight * (1 - cos).mean()
    return loss


PROBE_LR = 3e-3
"""Learning rate of the linear probe (a linear layer on fixed features learns fast)."""
PROBE_BATCH = 128


def probe_head(wrapper: _KDModule, data: Encoded, cfg: StudentConfig, weight: torch.Tensor,
               pad_id: int, device: torch.device, seed: int) -> list[float]:
    """The linear probe of LP-FT: fit the classifier and the hidden-state projection, by the
    distillation loss, on the encoder's frozen mean-pooled features (no dropout), for
    `cfg.probe_epochs` epochs. The encoder is not changed. Returns per-epoch losses."""
    from tqdm import tqdm

    from compress.train import predict

    assert data.soft is not None and data.labels is not None
    _, feats = predict(wrapper.student, data, pad_id, device, desc="probe features",
                       pooled=True)
    assert feats is not None
    head: nn.Module = wrapper.student.classifier  # type: ignore[assignment]
    proj = wrapper.proj
    head.to(device).train()
    proj.to(device).train()
    targets = {"soft": data.soft.float(),
               "labels": torch.as_tensor(data.labels, dtype=torch.long)}
    if data.pooled is not None:
        targets["pooled"] = data.pooled.float()
    opt = torch.optim.AdamW(list(head.parameters()) + list(proj.parameters()), lr=PROBE_LR,
                            weight_decay=0.01)
    gen = torch.Generator().manual_seed(seed)
    losses: list[float] = []
    bar = tqdm(range(cfg.probe_epochs), desc="student probe", file=sys.stderr)
    for _ in bar:
        running, count = 0.0, 0
        for idx in torch.randperm(len(feats), generator=gen).split(PROBE_BATCH):
            x = feats[idx].to(device)
            batch = {k: v[idx].to(device) for k, v in targets.items()}
            loss = _kd_loss(cfg, weight, head(x), proj(x), batch)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            running += float(loss.detach())
            count += 1
        losses.append(running / max(1, count))
        bar.set_postfix(loss=f"{losses[-1]:.3f}")
    return losses


def distill(student: Student, data: Encoded, cfg: StudentConfig, class_weight: torch.Tensor,
            device: torch.device, seed: int) -> list[float]:
    """Train the student on teacher soft labels (+ hard labels, + pooled hidden states),
    after a linear probe of its head when `cfg.probe_epochs`."""
    assert data.soft is not None and data.labels is not None
    teacher_dim = int(data.pooled.shape[1]) if data.pooled is not None else 1
    wrapper = _KDModule(student.model, student.model.config.hidden_size, teacher_dim)
    if cfg.freeze_embeddings:
        student.model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    weight = class_weight.to(device)
    if cfg.probe_epochs:
        probe_head(wrapper, data, cfg, weight, student.pad_id, device, seed)

    def loss_fn(m: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        logits, pooled = m.student(batch["input_ids"], batch["attention_mask"],
                                   return_pooled=True)
        return _kd_loss(cfg, weight, logits, m.proj(pooled.float()), batch)

    return fit(wrapper, data, loss_fn, epochs=cfg.epochs, batch_size=cfg.batch_size, lr=cfg.lr,
               pad_id=student.pad_id, device=device, seed=seed, desc="student distillation")


def kd_dataset(student: Student, splits: Splits, augmented: list[str], soft: torch.Tensor,
               pooled: torch.Tensor | None, max_length: int,
               heard: list[tuple[str, int, int]] | None = None) -> Encoded:
    """Student-tokenized rows with teacher targets: the real training rows, the augmented
    ones (soft rows in order, no hard label) and `heard` rows (text, label id, index of the
    training row said): recognizer hypotheses taking the soft targets of what was said."""
    heard = heard or []
    texts = [e.text for e in splits.train] + augmented + [h[0] for h in heard]
    data = student.encode(texts, max_length)
    data.labels = splits.ids(splits.train) + [-100] * len(augmented) + [h[1] for h in heard]
    src = torch.tensor([h[2] for h in heard], dtype=torch.long)
    data.soft = torch.cat([soft, soft[src]]) if heard else soft
    data.pooled = (torch.cat([pooled, pooled[src]]) if heard and pooled is not None
                   else pooled)
    return data
