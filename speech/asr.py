"""One streaming recognizer interface, several engines behind it.

    rec = create_recognizer("pocketsphinx")
    for chunk in chunks:                  # 16-bit mono PCM bytes at rec.sample_rate
        partial = rec.accept(chunk)       # Partial when the running text changed, else None
    transcript = rec.final()              # ends the utterance; rec is ready for the next

Engines: ``pocketsphinx`` (default: bundled en-US acoustic model + the domain language
model), ``pocketsphinx-general`` (the same with pocketsphinx's general en-US LM),
``pocketsphinx-open`` (domain LM, and the general LM again for poorly scored utterances), ``vosk``
(a Kaldi model directory), ``whisper`` (faster-whisper: Whisper base or tiny.en, shipped as
wheels), ``hybrid`` (the device's default: the pocketsphinx domain decoder answers when it
is sure or hears a safety sign, Whisper decides the rest; see speech.asr_hybrid).
"""

from __future__ import annotations

import importlib
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from speech.audio import DEFAULT_RATE, AudioClip, chunk_bytes, read_wav

__all__ = [
    "ENGINES",
    "EngineUnavailable",
    "Partial",
    "Recognizer",
    "Transcript",
    "Word",
    "create_recognizer",
    "transcribe_clip",
    "transcribe_file",
]


class EngineUnavailable(LookupError):
    """An engine that is unknown, or whose optional dependency/model is not installed."""


@dataclass(frozen=True)
class Word:
    """One recognised word with its timing."""

    word: str
    start: float
    """Seconds from the start of the utterance."""
    end: float
    """Seconds from the start of the utterance."""
    conf: float | None = None
    """Posterior probability 0..1, when the engine gives one."""

    def to_json(self) -> dict[str, Any]:
        return {"word": self.word, "start": round(self.start, 3), "end": round(self.end, 3),
                "conf": None if self.conf is None else round(self.conf, 4)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Word:
        return cls(word=str(d["word"]), start=float(d["start"]), end=float(d["end"]),
                   conf=None if d.get("conf") is None else float(d["conf"]))


@dataclass(frozen=True)
class Partial:
    """Running (not yet final) text of the current utterance."""

    text: str
    seconds: float = 0.0
    """Audio seconds heard so far in this utterance."""

    def to_json(self) -> dict[str, Any]:
        return {"partial": self.text, "seconds": round(self.seconds, 3)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Partial:
        return cls(text=str(d["partial"]), seconds=float(d.get("seconds", 0.0)))


@dataclass(frozen=True)
class Transcript:
    """Final result of one utterance."""

    text: str
    seconds: float
    """Audio duration in seconds."""
    rtf: float
    """Real-time factor: processing seconds / audio seconds."""
    words: list[Word] = field(default_factory=list)
    confidence: float | None = None
    """Mean word posterior 0..1, when the engine gives one."""
    engine: str = ""
    alternatives: list[str] = field(default_factory=list)
    """Other hypotheses of the utterance, best first (the ASR n-best, 1-best excluded)."""
    path: str = ""
    """The hybrid's path that gave it ("fast-safety", "fast" or "whisper"); "" for the
    other engines. A "fast-safety" transcript may get a second opinion from Whisper
    (speech.asr_hybrid.HybridRecognizer.second_opinion)."""

    def to_json(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "seconds": round(self.seconds, 3),
            "rtf": round(self.rtf, 4),
            "words": [w.to_json() for w in self.words],
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "engine": self.engine,
            "alternatives": list(self.alternatives),
        }
        if self.path:
            out["path"] = self.path
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Transcript:
        return cls(
            text=str(d["text"]),
            seconds=float(d["seconds"]),
            rtf=float(d["rtf"]),
            words=[Word.from_json(w) for w in d.get("words", [])],
            confidence=None if d.get("confidence") is None else float(d["confidence"]),
            engine=str(d.get("engine", "")),
            alternatives=[str(a) for a in d.get("alternatives", [])],
            path=str(d.get("path", "")),
        )


class Recognizer(ABC):
    """Streaming speech recognizer: PCM chunks in, partials and finals out."""

    name = "base"

    def __init__(self, sample_rate: int = DEFAULT_RATE) -> None:
        if sample_rate < 8000:
            raise ValueError(f"sample rate {sample_rate} Hz too low; use 16000")
        self.sample_rate = sample_rate
        self._busy = 0.0
        self._samples = 0

    def accept(self, pcm: bytes) -> Partial | None:
        """Feed 16-bit mono PCM; returns a Partial when the running text changed."""
        if len(pcm) % 2:
            raise ValueError("PCM chunk has an odd number of bytes; expected 16-bit samples")
        if not pcm:
            return None
        t0 = time.perf_counter()
        try:
            text = self._accept(pcm)
        finally:
            self._busy += time.perf_counter() - t0
            self._samples += len(pcm) // 2
        if text is None:
            return None
        return Partial(text=text, seconds=self._samples / self.sample_rate)

    def final(self) -> Transcript:
        """End the utterance and return its transcript; the recognizer is ready again."""
        t0 = time.perf_counter()
        text, words, conf = self._final()
        alternatives = self._alternatives(text)
        busy = self._busy + time.perf_counter() - t0
        seconds = self._samples / self.sample_rate
        self._busy, self._samples = 0.0, 0
        return Transcript(text=text, seconds=seconds, rtf=busy / seconds if seconds else 0.0,
                          words=words, confidence=conf, engine=self.name,
                          alternatives=alternatives)

    def reset(self) -> None:
        """Drop the current utterance."""
        self._reset()
        self._busy, self._samples = 0.0, 0

    def stream(self, chunks: Iterable[bytes]) -> Iterator[Partial | Transcript]:
        """Generator stage: yields partials as they change, then the final transcript."""
        for chunk in chunks:
            p = self.accept(chunk)
            if p is not None:
                yield p
        yield self.final()

    def _alternatives(self, text: str) -> list[str]:
        """N-best texts of the utterance just finished (engines that have them override)."""
        return []

    @abstractmethod
    def _accept(self, pcm: bytes) -> str | None: ...

    @abstractmethod
    def _final(self) -> tuple[str, list[Word], float | None]: ...

    @abstractmethod
    def _reset(self) -> None: ...


def _lazy(module: str, attr: str) -> Callable[..., Recognizer]:
    def make(**kwargs: Any) -> Recognizer:
        mod = importlib.import_module(module)
        factory: Callable[..., Recognizer] = getattr(mod, attr)
        return factory(**kwargs)

    return make


ENGINES: dict[str, Callable[..., Recognizer]] = {
    "pocketsphinx": _lazy("speech.asr_pocketsphinx", "create_domain"),
    "pocketsphinx-general": _lazy("speech.asr_pocketsphinx", "create_general"),
    "pocketsphinx-open": _lazy("speech.asr_pocketsphinx", "create_open"),
    "vosk": _lazy("speech.asr_vosk", "VoskRecognizer"),
    "whisper": _lazy("speech.asr_whisper", "WhisperRecognizer"),
    "hybrid": _lazy("speech.asr_hybrid", "HybridRecognizer"),
}


def create_recognizer(
    engine: str = "pocketsphinx",
    model: str | Path | None = None,
    sample_rate: int = DEFAULT_RATE,
    **options: Any,
) -> Recognizer:
    """Make a recognizer.

    Args:
        engine: one of ENGINES.
        model: engine-specific model path (None = the engine's default).
        sample_rate: rate of the PCM that will be fed, in Hz.
        options: engine options (e.g. ``grammar=[...]`` for vosk).
    Raises:
        EngineUnavailable: unknown engine or missing optional dependency/model.
    """
    if engine not in ENGINES:
        raise EngineUnavailable(
            f"unknown ASR engine {engine!r}; choose one of: {', '.join(sorted(ENGINES))}"
        )
    return ENGINES[engine](model=model, sample_rate=sample_rate, **options)


def transcribe_clip(
    rec: Recognizer, clip: AudioClip, chunk_ms: int = 100, pad_s: float = 0.3
) -> Transcript:
    """Stream a clip through a recognizer and return the final transcript.

    `pad_s` seconds of silence are added at both ends (as the endpointer's pre-roll does
    live): decoders need some non-speech frames around a tightly cut clip.
    """
    if clip.sample_rate != rec.sample_rate:
        raise ValueError(f"clip is {clip.sample_rate} Hz but recognizer wants {rec.sample_rate}")
    rec.reset()
    pad = b"\x00\x00" * int(pad_s * clip.sample_rate)
    if pad:
        rec.accept(pad)
    for chunk in chunk_bytes(clip, chunk_ms):
        rec.accept(chunk)
    if pad:
        rec.accept(pad)
    tr = rec.final()
    busy = tr.rtf * tr.seconds
    return replace(tr, seconds=clip.seconds, rtf=busy / clip.seconds if clip.seconds else 0.0)


def transcribe_file(
    path: str | Path, engine: str = "pocketsphinx", model: str | Path | None = None
) -> Transcript:
    """Read a WAV file (any rate/width/channels) and transcribe it."""
    rec = create_recognizer(engine, model)
    return transcribe_clip(rec, read_wav(path, rec.sample_rate))
