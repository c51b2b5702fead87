"""Fixtures for the end-to-end tests: a tiny real intent model folder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent


def load_tiny_intent():  # type: ignore[no-untyped-def]
    """The tiny_intent helper module (tests use --import-mode=importlib)."""
    name = "eldercare_tests_tiny_intent"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _HERE / "tiny_intent.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def keyword_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A keyword-bag intent model (real ONNX + tokenizer.json + config.json)."""
    return load_tiny_intent().build_keyword_model(tmp_path_factory.mktemp("intent") / "intent")
