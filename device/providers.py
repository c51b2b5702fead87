"""Which onnxruntime execution provider runs the intent model, and the model variant to match.

Preference: TensorRT, then CUDA, then CPU, among what ``onnxruntime.get_available_providers()``
offers. GPUs run the fp16 variant (config.json ``"variants": {"fp16": ...}``), the CPU the
int8 ``model.onnx``. ``ELDERCARE_PROVIDER`` (``tensorrt``, ``cuda``, ``cpu``) caps the choice
(a board whose GPU misbehaves can be kept on the CPU without a new bundle). The last choice
made in this process is kept for ``eldercare status`` (:func:`last_choice`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ProviderChoice", "choose_provider", "available_providers", "last_choice",
           "record_choice", "PREFERENCE", "ENV_PROVIDER"]

TENSORRT, CUDA, CPU = ("TensorrtExecutionProvider", "CUDAExecutionProvider",
                       "CPUExecutionProvider")
PREFERENCE = (TENSORRT, CUDA, CPU)
SHORT = {"tensorrt": TENSORRT, "cuda": CUDA, "cpu": CPU}
ENV_PROVIDER = "ELDERCARE_PROVIDER"
ENV_TRT_CACHE = "ELDERCARE_TRT_CACHE"
GPU_VARIANT, CPU_VARIANT = "fp16", "int8"

_lock = threading.Lock()
_last: ProviderChoice | None = None


@dataclass(frozen=True)
class ProviderChoice:
    """The provider chain handed to onnxruntime and the model file it runs."""

    provider: str
    """The preferred provider, e.g. "CUDAExecutionProvider"."""
    providers: tuple[str, ...]
    """What onnxruntime is given, best first (always ending with the CPU)."""
    variant: str
    """"fp16" (GPU) or "int8" (CPU)."""
    model_file: str
    """File name inside the model folder."""
    available: tuple[str, ...] = ()
    """What onnxruntime offered."""
    active: str = ""
    """What the session reports it really uses (filled after loading)."""
    warmup_ms: float = 0.0
    """Time of the warm-up runs at load."""

    def to_json(self) -> dict[str, Any]:
        return {"provider": self.provider, "providers": list(self.providers),
                "variant": self.variant, "model_file": self.model_file,
                "available": list(self.available), "active": self.active,
                "warmup_ms": round(self.warmup_ms, 1)}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> ProviderChoice:
        return cls(provider=str(obj["provider"]), providers=tuple(obj["providers"]),
                   variant=str(obj["variant"]), model_file=str(obj["model_file"]),
                   available=tuple(obj.get("available", ())), active=str(obj.get("active", "")),
                   warmup_ms=float(obj.get("warmup_ms", 0.0)))


def available_providers() -> tuple[str, ...]:
    import onnxruntime as ort

    return tuple(ort.get_available_providers())


def choose_provider(available: Sequence[str] | None = None,
                    variants: Mapping[str, str] | None = None,
                    model_dir: str | Path | None = None,
                    cap: str | None = None, variant: str | None = None) -> ProviderChoice:
    """Pick the best provider and its model variant.

    Args:
        available: provider names (None: ask onnxruntime).
        variants: config.json "variants" (e.g. {"fp16": "model_fp16.onnx"}).
        model_dir: when given, a GPU is chosen only if its variant's file exists there.
        cap: "tensorrt", "cuda" or "cpu": the best provider allowed (None: the
            ELDERCARE_PROVIDER environment variable, else no cap).
        variant: "fp16" or "int8" to run that model whatever the provider (to measure the
            fp16 model's accuracy on a CPU); None: the provider's own variant.
    Raises:
        ValueError: an unknown cap or variant, or a variant the folder lacks.
    """
    offered = tuple(available) if available is not None else available_providers()
    cap = cap if cap is not None else (os.environ.get(ENV_PROVIDER) or None)
    allowed = list(PREFERENCE)
    if cap is not None:
        key = cap.strip().lower()
        if key not in SHORT:
            raise ValueError(f"{ENV_PROVIDER}={cap!r}: choose one of {', '.join(SHORT)}")
        allowed = allowed[allowed.index(SHORT[key]):]
    fp16 = (variants or {}).get(GPU_VARIANT)
    if fp16 and model_dir is not None and not (Path(model_dir) / fp16).is_file():
        fp16 = None
    if variant is not None:
        if variant not in (GPU_VARIANT, CPU_VARIANT):
            raise ValueError(f"model variant {variant!r}: choose fp16 or int8")
        if variant == GPU_VARIANT and not fp16:
            raise ValueError("the model folder has no fp16 variant")
        best = next((p for p in allowed if p in offered or p == CPU), CPU)
        chain = tuple(p for p in allowed[allowed.index(best):] if p in offered or p == CPU)
        return ProviderChoice(best, chain, variant,
                              str(fp16) if variant == GPU_VARIANT else "model.onnx", offered)
    for name in allowed[:-1]:
        if name in offered and fp16:
            chain = tuple(p for p in allowed if p in offered or p == CPU)
            return ProviderChoice(name, chain, GPU_VARIANT, fp16, offered)
    return ProviderChoice(CPU, (CPU,), CPU_VARIANT, "model.onnx", offered)


def record_choice(choice: ProviderChoice) -> None:
    global _last
    with _lock:
        _last = choice


def last_choice() -> dict[str, Any] | None:
    """The provider choice of the intent model loaded last in this process (for status)."""
    with _lock:
        return _last.to_json() if _last is not None else None


def provider_options(providers: Sequence[str]) -> list[Any]:
    """What onnxruntime is given: TensorRT with fp16 kernels and its engine cache kept in
    ELDERCARE_TRT_CACHE (building the engines takes minutes; the cache makes later starts
    fast), the other providers by name."""
    out: list[Any] = []
    for name in providers:
        if name == TENSORRT:
            cache = os.environ.get(ENV_TRT_CACHE) or str(
                Path.home() / ".cache" / "eldercare" / "tensorrt")
            out.append((name, {"trt_fp16_enable": True, "trt_engine_cache_enable": True,
                               "trt_engine_cache_path": cache}))
        else:
            out.append(name)
    return out


def open_session(model_dir: Path, choice: ProviderChoice, options: Any) -> tuple[Any,
                                                                                  ProviderChoice]:
    """An InferenceSession for `choice`; if a GPU provider fails to start (onnxruntime then
    falls back to the CPU on its own), the int8 model is loaded on the CPU instead of
    running the fp16 one there."""
    import onnxruntime as ort

    if choice.variant == GPU_VARIANT:
        options.log_severity_level = 3  # fp16 nodes the CPU cannot fold are not errors
    session = ort.InferenceSession(str(model_dir / choice.model_file), sess_options=options,
                                   providers=provider_options(choice.providers))
    active = session.get_providers()[0] if session.get_providers() else CPU
    if choice.variant == GPU_VARIANT and active == CPU and choice.provider != CPU:
        fallback = ProviderChoice(CPU, (CPU,), CPU_VARIANT, "model.onnx", choice.available)
        session = ort.InferenceSession(str(model_dir / fallback.model_file),
                                       sess_options=options, providers=[CPU])
        return session, fallback
    return session, choice


def warmed(choice: ProviderChoice, active: str, warmup_s: float) -> ProviderChoice:
    from dataclasses import replace

    done = replace(choice, active=active, warmup_ms=warmup_s * 1000.0)
    record_choice(done)
    return done
