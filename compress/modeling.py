"""Classifier models: mean-pooled encoders (both bases were trained with mean pooling)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn
from transformers import AutoModel, BertConfig, BertModel, BertPreTrainedModel
from transformers.modeling_outputs import SequenceClassifierOutput

__all__ = ["mean_pool", "TeacherClassifier", "BertMeanPoolClassifier", "count_params"]


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Average of the token vectors where mask == 1 (padding ignored)."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1e-6)


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


class TeacherClassifier(nn.Module):
    """Any transformers encoder + mean pooling + a linear layer."""

    def __init__(self, encoder: nn.Module, num_labels: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        hidden = int(encoder.config.hidden_size)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(hidden, num_labels)

    @classmethod
    def from_base(cls, base: str | Path, num_labels: int) -> TeacherClassifier:
        try:
            encoder = AutoModel.from_pretrained(str(base), add_pooling_layer=False)
        except TypeError:  # encoders without a pooler argument
            encoder = AutoModel.from_pretrained(str(base))
        return cls(encoder, num_labels)

    @classmethod
    def tiny_random(cls, vocab_size: int, num_labels: int, hidden: int, layers: int,
                    pad_id: int = 0) -> TeacherClassifier:
        cfg = BertConfig(vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=layers,
                         num_attention_heads=max(1, hidden // 32), intermediate_size=hidden * 2,
                         max_position_embeddings=128, pad_token_id=pad_id)
        return cls(BertModel(cfg, add_pooling_layer=False), num_labels)

    def pooled(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        return mean_pool(out.last_hidden_state, attention_mask)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                return_pooled: bool = False) -> Any:
        pooled = self.pooled(input_ids, attention_mask)
        logits = self.classifier(self.dropout(pooled))
        return (logits, pooled) if return_pooled else logits

    def save(self, folder: Path, labels: list[str]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.encoder.save_pretrained(str(folder))
        torch.save({"classifier": self.classifier.state_dict(), "labels": labels},
                   folder / "classifier.pt")

    @classmethod
    def load(cls, folder: Path) -> tuple[TeacherClassifier, list[str]]:
        head = torch.load(folder / "classifier.pt", map_location="cpu", weights_only=True)
        encoder = AutoModel.from_pretrained(str(folder))
        model = cls(encoder, len(head["labels"]))
        model.classifier.load_state_dict(head["classifier"])
        return model, list(head["labels"])


class BertMeanPoolClassifier(BertPreTrainedModel):
    """BERT + mean pooling + linear: the student (exports to ONNX as text-classification)."""

    def __init__(self, config: BertConfig):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.bert = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.post_init()

    def forward(self, input_ids: torch.Tensor | None = None,
                attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None,
                return_pooled: bool = False, **_: Any) -> Any:
        assert input_ids is not None
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        out = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                        token_type_ids=token_type_ids)
        pooled = mean_pool(out.last_hidden_state, attention_mask)
        logits = self.classifier(self.dropout(pooled))
        if return_pooled:
            return logits, pooled
        return SequenceClassifierOutput(logits=logits)

    def keep_layers(self, indices: tuple[int, ...]) -> None:
        """Drop every encoder layer not in `indices`."""
        layers = self.bert.encoder.layer
        if max(indices) >= len(layers):
            raise ValueError(f"keep_layers {indices} but the base has {len(layers)} layers")
        self.bert.encoder.layer = nn.ModuleList([layers[i] for i in indices])
        self.config.num_hidden_layers = len(indices)

    def trim_embeddings(self, kept_ids: list[int]) -> None:
        """Keep only the rows of `kept_ids` (new token id i = old id kept_ids[i])."""
        old = self.bert.embeddings.word_embeddings.weight.data
        new = nn.Embedding(len(kept_ids), old.shape[1], padding_idx=0)
        new.weight.data.copy_(old[torch.tensor(kept_ids)])
        self.bert.embeddings.word_embeddings = new
        self.config.vocab_size = len(kept_ids)
        self.config.pad_token_id = 0
