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

__all__ = ["export_fp32", "quantize_int8", "convert_fp16", "write_model_dir",
           "count_quantized_matmuls", "QUANT_OPS"]

QUANT_OPS = ("MatMulInteger", "DynamicQuantizeMatMul", "QLinearMatMul", "MatMulIntegerToFloat")


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


def quantize_int8(onnx_dir: Path, save_dir: Path, cfg: ExportConfig) -> Path:
    """Dynamic int8 quantization with optimum's preset for `cfg.quant_preset`."""
    from optimum.onnxruntime import ORTQuantizer
    from optimum.onnxruntime.configuration import AutoQuantizationConfig

    maker = getattr(AutoQuantizationConfig, cfg.quant_preset)
    qconfig = maker(is_static=False, per_channel=cfg.quant_preset == "arm64",
                    operators_to_quantize=list(cfg.operators))
    quantizer = ORTQuantizer.from_pretrained(onnx_dir, file_name="model.onnx")
    save_dir.mkdir(parents=True, exist_ok=True)
    quantizer.quantize(quantization_config=qconfig, save_dir=save_dir)
    out = save_dir / "model_quantized.onnx"
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
        if node.op_type in QUANT_OPS or node.op_type in ("MatMul", "Gather", "DequantizeLinear"):
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
