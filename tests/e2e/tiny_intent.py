"""Build a tiny, real intent model folder (model.onnx + tokenizer.json + config.json in the
``eldercare-intent/1`` format) for tests: a bag of keywords whose weights are set by hand.

It runs through real onnxruntime and the tokenizers library exactly like the shipped
student does, in well under a second, and needs no training.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from device.labels import INTENT_LABELS

KEYWORDS: dict[str, tuple[str, ...]] = {
    "emergency_help": ("help", "ambulance", "emergency", "breathe", "chest", "bleeding"),
    "fall_report": ("fell", "fallen", "fall", "floor", "tripped"),
    "symptom_report": ("dizzy", "pain", "sick", "unwell", "hurts", "headache", "nauseous"),
    "medication_query": ("taken", "pills", "medicine", "tablets", "medication"),
    "medication_taken": ("took",),
    "reminder_set": ("remind", "reminder"),
    "call_family": ("call", "phone", "ring", "daughter", "son"),
    "time_query": ("time", "date", "clock"),
    "companionship": ("joke", "story", "lonely", "bored", "chat"),
    "home_control": ("light", "lights", "lamp", "heating", "kitchen", "switch", "tv"),
    "advice_request": ("advice", "tips", "sleep", "exercise", "eat"),
    "greeting": ("morning", "hello", "hi", "afternoon"),
    "farewell": ("goodbye", "bye", "night"),
    "thanks": ("thanks", "thank"),
    "affirm": ("yes", "yeah", "sure"),
    "deny": ("no", "nope"),
    "repeat": ("again", "repeat", "pardon"),
    "volume_up": ("louder",),
    "volume_down": ("quieter",),
    "stop": ("stop", "cancel", "quiet"),
}


def build_keyword_model(folder: Path, threshold: float = 0.3) -> Path:
    """Write the model folder and return it."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    folder.mkdir(parents=True, exist_ok=True)
    labels = list(INTENT_LABELS)
    vocab = {"[PAD]": 0, "[UNK]": 1}
    for words in KEYWORDS.values():
        for w in words:
            vocab.setdefault(w, len(vocab))
    emb = np.zeros((len(vocab), len(labels)), dtype=np.float32)
    for label, words in KEYWORDS.items():
        for w in words:
            emb[vocab[w], labels.index(label)] += 6.0
    # "fell" must win over "help" in "I fell ... help" (safety labels first).
    emb[vocab["fell"], labels.index("fall_report")] += 2.0
    bias = np.zeros(len(labels), dtype=np.float32)
    bias[labels.index("out_of_scope")] = 1.0

    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.save(str(folder / "tokenizer.json"))

    nodes = [
        helper.make_node("Gather", ["emb", "input_ids"], ["tok"]),
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["tok", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
        helper.make_node("Add", ["summed", "bias"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "keyword_intent",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", len(labels)])],
        [numpy_helper.from_array(emb, "emb"), numpy_helper.from_array(bias, "bias"),
         numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"),
         numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(folder / "model.onnx"))
    config = {"format": "eldercare-intent/1", "labels": labels, "max_length": 32,
              "threshold": threshold, "temperature": 1.0,
              "inputs": ["input_ids", "attention_mask"], "quantization": {"kind": "none"},
              "opset": 17, "base_model": "keyword-bag (tests)", "languages": ["en"],
              "pad_token": "[PAD]"}
    (folder / "config.json").write_text(json.dumps(config, indent=1))
    return folder
