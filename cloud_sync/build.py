"""Build a signed bundle: the intent model (int8 for CPU, fp16 for CUDA/TensorRT), the speech
model, the TTS voice, default settings, the self-test material and, for a Jetson, a
wheelhouse of the edge extra (cloud_sync.wheelhouse). Runs on the build machine."""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cloud_sync.manifest import (
    MANIFEST_NAME,
    PAYLOAD,
    SIGNATURE_NAME,
    TARGETS,
    BundleError,
    FileEntry,
    Manifest,
    version_key,
)
from cloud_sync.signing import load_private_key, sign
from cloud_sync.verify import hash_file

__all__ = ["build_bundle", "stage_payload", "default_version"]

SELFTEST_WAV_TEXT = "help me, I have fallen and I cannot get up"
# Board paths for what the device writes (the slots themselves are read-only to the service).
BOARD_STATE = "/var/lib/eldercare"


def default_version(now: float | None = None) -> str:
    """A version from the UTC build time: 2026.12.1.213000 (later builds compare newer)."""
    t = time.gmtime(now if now is not None else time.time())
    return f"{t.tm_year}.{t.tm_mon}.{t.tm_mday}.{t.tm_hour:02d}{t.tm_min:02d}{t.tm_sec:02d}"


def _copy_tree(src: Path, dest: Path) -> None:
    for p in sorted(src.rglob("*")):
        if p.is_symlink():
            raise BundleError(f"{p} is a symlink; copy the real file into {src}")
        if p.is_file():
            target = dest / p.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, target)


def _stage_intent(src: Path, dest: Path) -> dict[str, Any]:
    from cloud_sync.fp16 import make_fp16

    for name in ("model.onnx", "tokenizer.json", "config.json"):
        if not (src / name).is_file():
            raise FileNotFoundError(f"intent model folder {src} lacks {name}")
    dest.mkdir(parents=True)
    for name in ("model.onnx", "tokenizer.json"):
        shutil.copy2(src / name, dest / name)
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    fp16_name = str((config.get("variants") or {}).get("fp16", "model_fp16.onnx"))
    if (src / fp16_name).is_file():
        shutil.copy2(src / fp16_name, dest / "model_fp16.onnx")
        origin = "compress export (fp32 -> fp16)"
    else:
        origin = make_fp16(src / "model.onnx", dest / "model_fp16.onnx")
    config["variants"] = {**(config.get("variants") or {}), "fp16": "model_fp16.onnx"}
    config["variant_origin"] = {"fp16": origin}
    (dest / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"fp16": origin}


def _stage_settings(dest: Path) -> None:
    from device.settings import example_config_path

    cfg = json.loads(example_config_path().read_text(encoding="utf-8"))
    # Relative paths resolve against the settings file, so they stay inside the slot.
    cfg["intent"] = {**cfg.get("intent", {}), "model_dir": "../intent",
                     "build_if_missing": False}
    cfg["asr"] = {**cfg.get("asr", {}), "model": "../asr"}
    cfg["output"] = {**cfg.get("output", {}), "dir": f"{BOARD_STATE}/out",
                     "state_dir": f"{BOARD_STATE}/state"}
    dest.mkdir(parents=True)
    (dest / "default.json").write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")


def _stage_voice_and_selftest(tts_dest: Path, st_dest: Path) -> None:
    from cloud_sync.selftest import DEFAULT_UTTERANCES, SAFETY
    from speech.tts import Speaker

    speaker = Speaker()
    tts_dest.mkdir(parents=True)
    (tts_dest / "voice.json").write_text(json.dumps(
        {"engine": "espeak-ng", "voice": speaker.voice, "rate_wpm": speaker.rate_wpm,
         "volume": speaker.volume}, indent=2) + "\n", encoding="utf-8")
    st_dest.mkdir(parents=True)
    speaker.to_wav(SELFTEST_WAV_TEXT, st_dest / "fall.wav")
    (st_dest / "selftest.json").write_text(json.dumps(
        {"utterances": [list(u) for u in DEFAULT_UTTERANCES],
         "wav": {"file": "fall.wav", "said": SELFTEST_WAV_TEXT, "expect": list(SAFETY)},
         "tts": "This is a test of the voice."}, indent=2) + "\n", encoding="utf-8")


def stage_payload(dest: Path, intent_dir: Path | None, asr_dir: Path | None, target: str,
                  wheel_cache: Path | None = None,
                  log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Write the payload folder; returns facts for the manifest's `info`."""
    from device.intent import default_model_dir
    from speech.asr_pocketsphinx import MODELS_DIR

    info: dict[str, Any] = {}
    log("intent model")
    info["intent"] = _stage_intent(Path(intent_dir or default_model_dir()), dest / "intent")
    asr = Path(asr_dir) if asr_dir is not None else MODELS_DIR
    if not asr.is_dir():
        raise FileNotFoundError(f"ASR model folder not found: {asr}")
    log("speech model")
    _copy_tree(asr, dest / "asr")
    log("voice, settings, self-test")
    _stage_settings(dest / "settings")
    _stage_voice_and_selftest(dest / "tts", dest / "selftest")
    if target == "jetson":
        from cloud_sync.wheelhouse import build_wheelhouse

        log("wheelhouse (Python 3.10, aarch64)")
        info["wheelhouse"] = build_wheelhouse(dest / "wheels", cache=wheel_cache, log=log)
    return info


def build_bundle(key: str | Path, out: str | Path, intent_dir: str | Path | None = None,
                 asr_model: str | Path | None = None, target: str = "cpu",
                 version: str | None = None, wheel_cache: str | Path | None = None,
                 log: Callable[[str], None] = lambda _m: None) -> Manifest:
    """Stage, hash, sign and write the bundle to `out` (atomically); returns its manifest."""
    if target not in TARGETS:
        raise BundleError(f"--target {target!r}: choose one of {', '.join(TARGETS)}")
    load_private_key(key)  # a bad key fails before any work
    version = version or default_version()
    version_key(version)
    out_path = Path(out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="eldercare-bundle-") as tmp:
        payload = Path(tmp) / PAYLOAD
        payload.mkdir()
        info = stage_payload(payload, Path(intent_dir) if intent_dir else None,
                             Path(asr_model) if asr_model else None, target,
                             Path(wheel_cache) if wheel_cache else None, log)
        files = []
        for p in sorted(payload.rglob("*")):
            if p.is_file():
                digest, size = hash_file(p)
                files.append(FileEntry(p.relative_to(payload).as_posix(), digest, size))
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        manifest = Manifest(version=version, target=target, created_at=created,
                            files=tuple(files), info=info)
        data = manifest.to_bytes()
        signature = sign(key, data)
        log(f"writing {out_path} ({len(files)} files)")
        partial = out_path.with_name(out_path.name + ".partial")
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            # The signed manifest goes first, so a verifier checks it before any payload.
            for name, blob in ((MANIFEST_NAME, data), (SIGNATURE_NAME, signature)):
                tar.addfile(_info(name, len(blob)), io.BytesIO(blob))
            for entry in files:
                with open(payload / entry.path, "rb") as f:
                    tar.addfile(_info(f"{PAYLOAD}/{entry.path}", entry.size), f)
        os.replace(partial, out_path)
    return manifest


def _info(name: str, size: int) -> tarfile.TarInfo:
    ti = tarfile.TarInfo(name)
    ti.size, ti.mode, ti.mtime, ti.uid, ti.gid = size, 0o644, int(time.time()), 0, 0
    return ti
