"""Make the runtime's heavy parts from settings: intent model, recognizer, speaker.

Each import happens here, where it is used, so that importing ``device`` stays light and a
missing optional part fails with a message that says what to install or build.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from device.settings import Settings

__all__ = ["build_tiny_model", "load_intent_model", "make_recognizer", "make_speaker"]

log = logging.getLogger(__name__)


def build_tiny_model(cache: Path, say: Callable[[str], None] = print) -> Path:
    """Run ``eldercare compress --preset tiny --out cache`` in a child process (the cloud
    extra is needed there, never in this process); returns the model folder."""
    target = cache / "intent"
    say(f"building a tiny intent model in {cache} (eldercare compress --preset tiny; "
        "progress on stderr)")
    cmd = [sys.executable, "-m", "device", "compress", "--preset", "tiny", "--out", str(cache)]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)  # progress: stderr
    if proc.returncode != 0 or not (target / "model.onnx").is_file():
        raise FileNotFoundError(
            f"no intent model: the shipped one is missing and `eldercare compress --preset tiny` "
            f"failed (exit {proc.returncode}, see above); install the cloud extra "
            "(make setup) or set intent.model_dir")
    return target


def load_intent_model(settings: Settings, say: Callable[[str], None] = print) -> Any:
    """The configured intent model; the shipped one when none is configured; a freshly
    built tiny one (cached) when neither exists and ``intent.build_if_missing`` is set."""
    from device.intent import IntentModel

    cfg = settings.intent

    def load(folder: str | Path | None) -> Any:
        return IntentModel.load(folder, threads=cfg.threads, spin=cfg.spin_threads,
                                spin_only_in_run=cfg.spin_only_in_run)

    if cfg.model_dir is not None:
        return load(cfg.model_dir)
    try:
        return load(None)
    except FileNotFoundError as exc:
        if not cfg.build_if_missing:
            raise FileNotFoundError(f"{exc}; or set intent.build_if_missing to true") from None
        log.info("shipped intent model missing: %s", exc)
    cache = Path(cfg.cache_dir).expanduser() / "intent-tiny"
    folder = cache / "intent"
    if not (folder / "model.onnx").is_file():
        build_tiny_model(cache, say)
    return load(folder)


def make_recognizer(settings: Settings, state_dir: Path | None = None) -> Any:
    """The recognizer of the settings; with `state_dir`, a pocketsphinx engine (and the
    hybrid's fast path) keeps its cepstral mean there across restarts (asr_cmn.txt). Whisper
    and hybrid get asr.threads, the resident's asr.language and asr.whisper_prompt."""
    from speech.asr import create_recognizer

    asr = settings.asr
    extra: dict[str, Any] = {}
    cmn = {"cmn_file": state_dir / "asr_cmn.txt"} if state_dir is not None else {}
    if asr.engine.startswith("pocketsphinx"):
        extra.update(cmn)
    elif asr.engine in ("whisper", "hybrid"):
        extra.update(threads=asr.threads, language=asr.language)
        if asr.engine == "hybrid":
            from device.safety import safety_label_of_words

            extra.update(fast_options=cmn, safety_words=safety_label_of_words,
                         torn_signs_ask=asr.fast_torn_signs_ask,
                         whisper_options={"prompt": asr.whisper_prompt})
        else:
            extra.update(prompt=asr.whisper_prompt)
    return create_recognizer(asr.engine, asr.model, sample_rate=asr.sample_rate, **extra)


def make_speaker(settings: Settings, voice: str | None = None,
                 rate_wpm: int | None = None) -> Any:
    """The reply voice (see :mod:`device.voice`); ``voice``/``rate_wpm`` override settings."""
    from device.voice import DeviceVoice

    t = settings.tts
    return DeviceVoice(rate_wpm=rate_wpm or t.rate_wpm, volume=t.volume,
                           language=t.language, voice=voice or t.voice)
