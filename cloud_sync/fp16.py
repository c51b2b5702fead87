"""The fp16 intent model for CUDA/TensorRT, made at build time when a model folder has none.

A folder from ``eldercare compress`` already holds ``model_fp16.onnx`` (converted from the
fp32 export). The shipped student's fp32 export was not kept, so for an int8-only folder
the dynamic quantization is undone first: each int8 weight becomes (q - zero_point) as
float and the scale multiply the quantizer left after each MatMulInteger applies it, each
DynamicQuantizeLinear passes its float input through with scale 1, and each dequantized
embedding Gather reads a float table; a fused graph's ``QAttention`` and
``QEmbedLayerNormalization`` (``compress --fuse``, the default) become ``Attention`` and
``EmbedLayerNormalization`` with their weights and tables dequantized. The result has the
int8 model's weights and float activations; it is then converted with onnxruntime's
float16 tool (fp32 inputs/outputs kept).
Needs the `onnx` package (build machine only); the opset is left as it was (<= 17).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cloud_sync.manifest import BundleError

__all__ = ["make_fp16", "dequantize_dynamic"]

MAX_OPSET = 17


def dequantize_dynamic(model):  # type: ignore[no-untyped-def]
    """An fp32 ModelProto with the same weights as a dynamically int8-quantized one."""
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    inits = {i.name: i for i in graph.initializer}

    def array(name: str) -> np.ndarray:
        return numpy_helper.to_array(inits[name])

    new_inits: dict[str, np.ndarray] = {}
    nodes = []
    one = "eldercare_fp16_one"

    def dequantized(q: str, zp: str = "", scale: str = "") -> str:
        """Name of a new float initializer (q - zero point) * scale."""
        w = array(q).astype(np.float32)
        if zp and zp in inits:
            w = w - array(zp).astype(np.float32)
        if scale:
            w = w * array(scale).astype(np.float32)
        new_inits[q + "_f32"] = w
        return q + "_f32"

    def contrib(op: str, inputs: list[str], like):  # type: ignore[no-untyped-def]
        attrs = {a.name: helper.get_attribute_value(a) for a in like.attribute}
        return helper.make_node(op, inputs, list(like.output), name=like.name + "_f32",
                                domain="com.microsoft", **attrs)

    def opt(node, i: int) -> str:  # type: ignore[no-untyped-def]
        return node.input[i] if len(node.input) > i else ""

    for node in graph.node:
        if node.op_type == "DynamicQuantizeLinear":
            x, (xq, xs, _xzp) = node.input[0], node.output
            nodes.append(helper.make_node("Identity", [x], [xq]))
            nodes.append(helper.make_node("Identity", [one], [xs]))
        elif node.op_type == "MatMulInteger":
            ins = [dequantized(name, opt(node, k + 2)) if name in inits else name
                   for k, name in enumerate(node.input[:2])]
            nodes.append(helper.make_node("MatMul", ins, [node.output[0]]))
        elif node.op_type == "QAttention":
            # Fused attention (compress --fuse): the float input (the DynamicQuantizeLinear
            # before it passes it through) and the per-column dequantized QKV weight.
            x, w, bias, _xs, ws, mask = node.input[:6]
            nodes.append(contrib("Attention", [x, dequantized(w, opt(node, 7), ws), bias, mask],
                                 node))
        elif node.op_type == "QEmbedLayerNormalization":
            # Fused embeddings: inputs 2-6 are int8 tables, 8-12 their scales, 13-17 their
            # zero points; EmbedLayerNormalization takes the float tables in the same order.
            tables = [dequantized(node.input[2 + k], opt(node, 13 + k), node.input[8 + k])
                      for k in range(5)]
            nodes.append(contrib("EmbedLayerNormalization",
                                 [node.input[0], node.input[1], *tables, node.input[7]], node))
        elif node.op_type == "DequantizeLinear" and node.input[0] not in inits:
            # Gather(int8 table) -> DequantizeLinear: gather from a float table instead.
            src = next((n for n in graph.node if node.input[0] in n.output), None)
            if src is None or src.op_type != "Gather" or src.input[0] not in inits:
                raise BundleError(f"cannot undo quantization at node {node.name!r}")
            dequantized(src.input[0], opt(node, 2), node.input[1])
            nodes.append(helper.make_node("Identity", [node.input[0]], [node.output[0]]))
        else:
            nodes.append(node)
    for node in nodes:
        if node.op_type == "Gather" and node.input[0] + "_f32" in new_inits:
            node.input[0] = node.input[0] + "_f32"
    del graph.node[:]
    graph.node.extend(nodes)
    used = {i for n in graph.node for i in n.input}
    keep = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in new_inits.items())
    graph.initializer.append(numpy_helper.from_array(np.array(1.0, dtype=np.float32), one))
    del graph.value_info[:]  # the element types of the rewired tensors changed
    _ = TensorProto
    return model


def make_fp16(src: Path, dest: Path) -> str:
    """Write an fp16 copy of `src` (int8 or fp32 ONNX) to `dest`; returns how it was made."""
    try:
        import onnx
        from onnxruntime.transformers.float16 import convert_float_to_float16
    except ImportError as exc:
        raise BundleError(f"{src.parent} has no fp16 model and making one needs the onnx "
                          f"package ({exc.name}): install the cloud extra, or build the "
                          "folder with `eldercare compress`") from None

    model = onnx.load(str(src))
    opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")),
                default=0)
    if opset > MAX_OPSET:
        raise BundleError(f"{src}: opset {opset} is above {MAX_OPSET} (Jetson onnxruntime)")
    quantized = any(n.op_type in ("MatMulInteger", "DynamicQuantizeLinear", "QAttention",
                                  "QEmbedLayerNormalization")
                    for n in model.graph.node)
    if quantized:
        model = dequantize_dynamic(model)
    fp16 = convert_float_to_float16(model, keep_io_types=True)
    onnx.save(fp16, str(dest))
    return "int8 weights dequantized, then fp16" if quantized else "fp32 -> fp16"
