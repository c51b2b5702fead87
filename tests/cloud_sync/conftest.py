"""Fixtures for the bundle tests: real keys, a tiny real intent model, real bundles."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _e2e_module(name: str, file: str) -> ModuleType:
    """A helper module of tests/e2e (the tests are not a package), loaded once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "e2e" / file)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _tiny_intent():  # type: ignore[no-untyped-def]
    return _e2e_module("eldercare_tests_tiny_intent", "tiny_intent.py")


@pytest.fixture(scope="session")
def scenario_play() -> ModuleType:
    """tests/e2e/scenario_play.py: a script played through `eldercare scenario`."""
    return _e2e_module("eldercare_tests_scenario_play", "scenario_play.py")


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cloud_sync.signing import keygen

    folder = tmp_path_factory.mktemp("keys") / "k"
    keygen(folder)
    return folder


@pytest.fixture(scope="session")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cloud_sync.signing import keygen

    folder = tmp_path_factory.mktemp("keys") / "other"
    keygen(folder)
    return folder


@pytest.fixture(scope="session")
def keyword_intent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_intent().build_keyword_model(tmp_path_factory.mktemp("intent") / "intent")


@pytest.fixture(scope="session")
def broken_intent(tmp_path_factory: pytest.TempPathFactory, keyword_intent: Path) -> Path:
    """The keyword model with its labels rotated: it loads, but answers wrongly."""
    import json
    import shutil

    folder = tmp_path_factory.mktemp("intent") / "broken"
    shutil.copytree(keyword_intent, folder)
    cfg = json.loads((folder / "config.json").read_text())
    cfg["labels"] = cfg["labels"][1:] + cfg["labels"][:1]
    (folder / "config.json").write_text(json.dumps(cfg))
    return folder


@pytest.fixture(scope="session")
def make_bundle(tmp_path_factory: pytest.TempPathFactory, keys: Path,
                keyword_intent: Path) -> Callable[..., Path]:
    """Build (once per version and model) a real signed cpu bundle of the keyword model."""
    from cloud_sync.build import build_bundle

    cache: dict[tuple[str, str], Path] = {}

    def make(version: str = "1.0", intent: Path | None = None) -> Path:
        model = intent or keyword_intent
        key = (version, str(model))
        if key not in cache:
            out = tmp_path_factory.mktemp("bundles") / f"b-{version}.tar"
            build_bundle(keys / "private.pem", out, intent_dir=model, version=version)
            cache[key] = out
        return cache[key]

    return make


def tree_digest(root: Path) -> str:
    """A digest of every path, link target and file's bytes under root (to prove 'untouched')."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if rel == ".lock":  # the lock file is opened by every command
            continue
        if p.is_symlink():
            h.update(f"L {rel} {os.readlink(p)}\n".encode())
        elif p.is_file():
            h.update(f"F {rel} ".encode() + hashlib.sha256(p.read_bytes()).digest())
        else:
            h.update(f"D {rel}\n".encode())
    return h.hexdigest()


def repack(src: Path, dest: Path,
           edit: Callable[[list[tuple[tarfile.TarInfo, bytes]]], None]) -> Path:
    """Copy a bundle member by member, letting `edit` change the list first."""
    with tarfile.open(src, "r:") as tar:
        members = []
        for m in tar.getmembers():
            f = tar.extractfile(m)
            members.append((m, f.read() if f is not None else b""))
    edit(members)
    with tarfile.open(dest, "w", format=tarfile.PAX_FORMAT) as tar:
        for m, data in members:
            if m.isfile():
                m.size = len(data)
                tar.addfile(m, io.BytesIO(data))
            else:
                tar.addfile(m)
    return dest
