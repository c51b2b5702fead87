"""Optional faster-whisper engine (the ``whisper`` extra: ``pip install faster-whisper``).

Whisper is not a streaming model: audio is buffered and decoded at ``final()``; partials
are not produced. The model is a local CTranslate2 folder (no hub access at run time).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from speech.asr import EngineUnavailable, Recognizer, Word
from speech.audio import DEFAULT_RATE

ENV_MODEL = "ELDERCARE_WHISPER_MODEL"


def _faster_whisper() -> Any:
    try:
        import faster_whisper
    except ImportError:
        raise EngineUnavailable(
            "the whisper engine needs faster-whisper: install the extra "
            "(pip install faster-whisper) and give a local model folder with --model"
        ) from None
    return faster_whisper


class WhisperRecognizer(Recognizer):
    """faster-whisper behind the streaming interface (decodes at the end of the utterance)."""

    name = "whisper"

    def __init__(self, model: str | Path | None = None, sample_rate: int = DEFAULT_RATE,
                 threads: int = 2, language: str | None = "en") -> None:
        fw = _faster_whisper()
        super().__init__(sample_rate)
        if sample_rate != 16000:
            raise ValueError("the whisper engine takes 16000 Hz audio")
        path = model or os.environ.get(ENV_MODEL)
        if not path or not Path(path).is_dir():
            raise EngineUnavailable(
                f"whisper needs a local model folder: pass --model DIR or set {ENV_MODEL}"
            )
        self._model = fw.WhisperModel(str(path), device="cpu", compute_type="int8",
                                      cpu_threads=threads, local_files_only=True)
        self._language = language
        self._buf: list[bytes] = []

    def _accept(self, pcm: bytes) -> str | None:
        self._buf.append(pcm)
        return None

    def _final(self) -> tuple[str, list[Word], float | None]:
        audio = np.frombuffer(b"".join(self._buf), dtype="<i2").astype(np.float32) / 32768.0
        self._buf = []
        if audio.size == 0:
            return "", [], None
        segments, _info = self._model.transcribe(audio, language=self._language,
                                                 word_timestamps=True, beam_size=1)
        words = [Word(word=w.word.strip(), start=w.start, end=w.end, conf=w.probability)
                 for s in segments for w in (s.words or [])]
        text = " ".join(w.word for w in words)
        conf = sum(w.conf or 0.0 for w in words) / len(words) if words else None
        return text, words, conf

    def _reset(self) -> None:
        self._buf = []
