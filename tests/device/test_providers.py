"""Execution-provider choice (TensorRT, CUDA, CPU) with the model variant to match, and the
fp16 variant's accuracy beside int8's on the test split (both run here on the CPU)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from device import providers
from device.intent import IntentModel, default_model_dir
from device.providers import CPU, CUDA, TENSORRT, choose_provider

VARIANTS = {"fp16": "model_fp16.onnx"}


def test_real_provider_list() -> None:
    real = providers.available_providers()
    assert CPU in real
    choice = choose_provider(variants=VARIANTS)
    assert choice.available == real
    if TENSORRT in real or CUDA in real:
        assert choice.variant == "fp16" and choice.provider in (TENSORRT, CUDA)
    else:
        assert (choice.provider, choice.providers, choice.variant, choice.model_file) == \
            (CPU, (CPU,), "int8", "model.onnx")


def test_fallback_order_and_variant() -> None:
    everything = ["AzureExecutionProvider", TENSORRT, CUDA, CPU]
    c = choose_provider(everything, VARIANTS)
    assert (c.provider, c.providers, c.variant, c.model_file) == \
        (TENSORRT, (TENSORRT, CUDA, CPU), "fp16", "model_fp16.onnx")
    c = choose_provider([CUDA, CPU], VARIANTS)
    assert (c.provider, c.providers, c.variant) == (CUDA, (CUDA, CPU), "fp16")
    c = choose_provider([TENSORRT, CPU], VARIANTS)
    assert (c.provider, c.providers, c.variant) == (TENSORRT, (TENSORRT, CPU), "fp16")
    # no fp16 variant: the GPU cannot run the int8 model well, so the CPU runs it
    c = choose_provider(everything, {})
    assert (c.provider, c.variant, c.model_file) == (CPU, "int8", "model.onnx")
    # a cap (ELDERCARE_PROVIDER) keeps a board below a provider
    c = choose_provider(everything, VARIANTS, cap="cuda")
    assert (c.provider, c.providers) == (CUDA, (CUDA, CPU))
    assert choose_provider(everything, VARIANTS, cap="cpu").variant == "int8"
    with pytest.raises(ValueError, match="ELDERCARE_PROVIDER"):
        choose_provider(everything, VARIANTS, cap="npu")
    c = choose_provider([CPU], VARIANTS)
    assert c.to_json()["variant"] == "int8"
    # a forced variant (the fp16 model's accuracy measured on a CPU)
    c = choose_provider([CPU], VARIANTS, variant="fp16")
    assert (c.provider, c.variant, c.model_file) == (CPU, "fp16", "model_fp16.onnx")
    with pytest.raises(ValueError, match="no fp16 variant"):
        choose_provider([CUDA, CPU], {}, variant="fp16")
    assert providers.ProviderChoice.from_json(c.to_json()) == c


def test_tensorrt_gets_fp16_and_an_engine_cache(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setenv(providers.ENV_TRT_CACHE, str(tmp_path / "trt"))
    given = providers.provider_options((TENSORRT, CUDA, CPU))
    assert given[1:] == [CUDA, CPU]
    name, opts = given[0]
    assert name == TENSORRT and opts["trt_fp16_enable"] is True
    assert opts["trt_engine_cache_path"] == str(tmp_path / "trt")


def test_env_cap_and_missing_fp16_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(providers.ENV_PROVIDER, "cpu")
    assert choose_provider([CUDA, CPU], VARIANTS).provider == CPU
    monkeypatch.delenv(providers.ENV_PROVIDER)
    # config.json names an fp16 file the folder lacks: stay on the CPU with int8
    c = choose_provider([CUDA, CPU], VARIANTS, model_dir=tmp_path)
    assert (c.provider, c.variant) == (CPU, "int8")


@pytest.fixture(scope="module")
def shipped_with_fp16(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped student plus its fp16 variant (made as `eldercare bundle build` does)."""
    pytest.importorskip("onnx")
    from cloud_sync.fp16 import make_fp16

    src = default_model_dir()
    folder = tmp_path_factory.mktemp("shipped") / "intent"
    folder.mkdir()
    for name in ("model.onnx", "tokenizer.json", "config.json"):
        shutil.copy2(src / name, folder / name)
    make_fp16(folder / "model.onnx", folder / "model_fp16.onnx")
    cfg = json.loads((folder / "config.json").read_text())
    cfg["variants"] = VARIANTS
    (folder / "config.json").write_text(json.dumps(cfg))
    return folder


def test_a_gpu_that_fails_to_start_falls_back_to_int8_on_cpu(
        shipped_with_fp16: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # onnxruntime here has no CUDA: offered CUDA, the session starts on the CPU, and the
    # loader then runs the int8 model there rather than fp16 on the CPU.
    monkeypatch.setattr(providers, "available_providers", lambda: (TENSORRT, CUDA, CPU))
    model = IntentModel.load(shipped_with_fp16, threads=1)
    choice = model.provider_choice
    assert choice is not None
    assert (choice.provider, choice.variant, choice.active) == (CPU, "int8", CPU)
    assert choice.available == (TENSORRT, CUDA, CPU)
    assert providers.last_choice() == choice.to_json()
    assert choice.warmup_ms > 0
    assert model.classify("i have fallen and i cannot get up").intent == "fall_report"


def _accuracy(folder: Path, texts: list[str], gold: list[str], variant: str) -> float:
    model = IntentModel.load(folder, threads=2, provider="cpu", variant=variant)
    assert model.provider_choice is not None
    assert (model.provider_choice.variant, model.provider_choice.active) == (variant, CPU)
    pred = [r.intent for i in range(0, len(texts), 64)
            for r in model.classify_batch(texts[i:i + 64])]
    return sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)


@pytest.mark.slow
def test_fp16_accuracy_within_half_a_point_of_int8(shipped_with_fp16: Path) -> None:
    from compress.dataset import load_examples

    test = [e for e in load_examples("en") if e.split == "test"]
    texts, gold = [e.text for e in test], [e.intent for e in test]
    int8 = _accuracy(shipped_with_fp16, texts, gold, "int8")
    fp16 = _accuracy(shipped_with_fp16, texts, gold, "fp16")
    print(json.dumps({"test_utterances": len(gold), "int8": round(int8, 4),
                      "fp16": round(fp16, 4)}))
    assert int8 > 0.8
    assert abs(fp16 - int8) <= 0.005
