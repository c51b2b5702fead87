"""ONNX export (optimum), dynamic int8 quantization (hardware presets) and an fp16 copy."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from compress.config import ExportConfig
from device.intent import MODEL_FORMAT

__all__ = ["export_fp32", "fuse_fp32", "quantize_int8", "convert_fp16", "write_model_dir",
           "count_quantized_matmuls", "QUANT_OPS", "FUSED_OPS"]

QUANT_OPS = ("MatMulInteger", "DynamicQuantizeMatMul", "QLinearMatMul", "MatMulIntegerToFloat",
             "QAttention", "QEmbedLayerNormalization")
FUSED_OPS = ("Attention", "EmbedLayerNormalization", "SkipLayerNormalization", "BiasGelu")
"""Fused nodes (onnxruntime contrib ops, domain com.microsoft) the optimizer must produce."""


def export_fp32(student_dir: Path, out_dir: Path, opset: int) -> Path:
    """Export a saved student folder to `out_dir/model.onnx` with optimum (fp32)."""
    from unittest import mock

    from optimum.exporters.onnx import onnx_export_from_model
    from optimum.exporters.tasks import TasksManager

    from compress.modeling import BertMeanPoolClassifier

    model = BertMeanPoolClassifier.from_pretrained(str(student_dir)).eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    # optimum infers the library from the class's module; ours is a transformers BERT model
    # with a mean-pooling head, exported with BERT's ONNX config as text-classification.
    with mock.patch.object(TasksManager, "infer_library_from_model",
                           return_value="transformers"):
        onnx_export_from_model(model, output=out_dir, opset=opset, task="text-classification",
                               do_validation=False)
    return out_dir / "model.onnx"


def fuse_fp32(onnx_dir: Path, out_dir: Path, layers: int) -> tuple[Path, dict[str, int]]:
    """Fuse the exported BERT graph with onnxruntime's transformer optimizer.

    Each layer's self-attention (about 40 nodes: three MatMuls, reshapes, transposes, the
    mask arithmetic, softmax) becomes one `Attention` node, the embeddings one
    `EmbedLayerNormalization`, each residual + LayerNorm a `SkipLayerNormalization` and each
    bias + GELU a `BiasGelu`. At batch 1 the graph's cost is mostly per-node overhead, so
    fewer nodes is most of the speed (docs/intent.md, "A fused graph"). Only the Python
    fusions run (`opt_level=0`): nothing specific to this machine's hardware is written into
    the file, and the contrib ops are in every onnxruntime since 1.10 (the board has 1.23).
    Raises RuntimeError when a layer did not fuse, so a changed exporter cannot quietly ship
    a slower graph. Returns the fused model's path and the fused node counts.
    """
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((onnx_dir / "config.json").read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in onnx_dir.iterdir():
        if f.is_file() and f.name != "model.onnx":
            shutil.copy2(f, out_dir / f.name)
    model = optimize_model(str(onnx_dir / "model.onnx"), model_type="bert",
                           num_heads=int(config["num_attention_heads"]),
                           hidden_size=int(config["hidden_size"]), opt_level=0)
    stats = model.get_fused_operator_statistics()
    counts = {op: int(stats.get(op, 0)) for op in FUSED_OPS}
    want = {"Attention": layers, "EmbedLayerNormalization": 1,
            "SkipLayerNormalization": 2 * layers, "BiasGelu": layers}
    short = {op: f"{counts[op]}/{n}" for op, n in want.items() if counts[op] != n}
    if short:
        raise RuntimeError(f"the transformer optimizer did not fuse every layer: {short} "
                           "(set export.fuse false to ship the unfused graph)")
    out = out_dir / "model.onnx"
    model.save_model_to_file(str(out))
    return out, counts


def quantize_int8(onnx_dir: Path, save_dir: Path, cfg: ExportConfig,
                  fused: bool = False) -> Path:
    """Dynamic int8 quantization with optimum's preset for `cfg.quant_preset`.

    A fused graph (`fuse_fp32`) is quantized with onnxruntime's quantizer directly, with the
    preset's settings (signed symmetric weights, unsigned activations) and the fused
    attention and embedding nodes added to the quantized kinds (optimum's wrapper cannot
    infer the types of the contrib ops' outputs). Its weights get one scale per output
    column on every preset: one QAttention holds q, k and v in one matrix, and a single
    scale over all three moved the logits up to 2.1 from fp32's on the dev and test splits
    where per-column scales kept them within 0.7, at the same size and speed.
    """
    from optimum.onnxruntime.configuration import AutoQuantizationConfig

    maker = getattr(AutoQuantizationConfig, cfg.quant_preset)
    qconfig = maker(is_static=False, per_channel=cfg.quant_preset == "arm64",
                    operators_to_quantize=list(cfg.operators))
    save_dir.mkdir(parents=True, exist_ok=True)
    out = save_dir / "model_quantized.onnx"
    if fused:
        import onnx
        from onnxruntime.quantization import quantize_dynamic

        ops = list(cfg.operators) + ["Attention", "EmbedLayerNormalization"]
        quantize_dynamic(onnx_dir / "model.onnx", out, op_types_to_quantize=ops,
                         per_channel=True, reduce_range=qconfig.reduce_range,
                         weight_type=qconfig.weights_dtype,
                         extra_options={"WeightSymmetric": qconfig.weights_symmetric,
                                        "ActivationSymmetric": qconfig.activations_symmetric,
                                        "DefaultTensorType": onnx.TensorProto.FLOAT})
    else:
        from optimum.onnxruntime import ORTQuantizer

        quantizer = ORTQuantizer.from_pretrained(onnx_dir, file_name="model.onnx")
        quantizer.quantize(quantization_config=qconfig, save_dir=save_dir)
    if not out.is_file():
        raise RuntimeError(f"quantization wrote no {out}")
    return out


def convert_fp16(fp32_path: Path, out_path: Path) -> Path:
    """fp16 weights and compute with fp32 inputs/outputs (for CUDA/TensorRT on Jetson)."""
    import onnx
    from onnxruntime.transformers.float16 import convert_float_to_float16

    model = onnx.load(str(fp32_path))
    onnx.save(convert_float_to_float16(model, keep_io_types=True), str(out_path))
    return out_path


def count_quantized_matmuls(path: Path) -> dict[str, int]:
    """Node counts per op type for the quantized MatMul/Gather kinds in an ONNX file."""
    import onnx

    counts: dict[str, int] = {}
    for node in onnx.load(str(path)).graph.node:
        if node.op_type in QUANT_OPS or node.op_type in ("MatMul", "Gather", "DequantizeLinear",
                                                          "Attention"):
            counts[node.op_type] = counts.get(node.op_type, 0) + 1
    return counts


def onnx_inputs(path: Path) -> list[str]:
    import onnx

    return [i.name for i in onnx.load(str(path)).graph.input]


def write_model_dir(dest: Path, int8_path: Path, tokenizer_json: Path, meta: dict[str, Any],
                    fp16_path: Path | None = None) -> Path:
    """Write the device folder: model.onnx (int8), tokenizer.json, config.json."""
    dest.mkdir(parents=True, exist_ok=True)
    steps = [("model.onnx", int8_path), ("tokenizer.json", tokenizer_json)]
    if fp16_path is not None:
        steps.append(("model_fp16.onnx", fp16_path))
    for name, src in tqdm(steps, desc="write model folder", file=sys.stderr):
        shutil.copy2(src, dest / name)
    config = {"format": MODEL_FORMAT, **meta, "inputs": onnx_inputs(dest / "model.onnx")}
    if fp16_path is not None:
        config["variants"] = {"fp16": "model_fp16.onnx"}
    (dest / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return dest
