"""Endpointing made for elderly speakers: VAD with a long trailing silence.

Older speakers pause mid-sentence ("I fell ... in the kitchen"), so an utterance ends
only after `trailing_silence_s` (default 1.0 s) without speech, or at `max_utterance_s`.
With `speculate_after_s` set, a shorter pause inside an open utterance is announced too
(a ("pause", Utterance) event: the audio so far, for a speculative decode) and so is
speech that resumes after it (("resume", t)): see docs/speech.md, "Speculative decoding".

    ep = Endpointer(EndpointConfig())
    for utt in ep.utterances(mic_chunks):      # Utterance(audio, start_s, end_s, reason)
        ...
    for event in listen(mic_chunks, recognizer):  # Partial ... Transcript per utterance
        ...
"""

from __future__ import annotations

import collections
import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from speech.asr import Partial, Recognizer, Transcript

__all__ = ["EndpointConfig", "EndpointedTranscript", "Endpointer", "Utterance", "listen"]


@dataclass(frozen=True)
class EndpointConfig:
    """Endpointing settings."""

    sample_rate: int = 16000
    """Hz; webrtcvad takes 8000, 16000, 32000 or 48000."""
    frame_ms: int = 30
    """VAD frame length in milliseconds (10, 20 or 30)."""
    vad: str = "webrtc"
    """"webrtc" or "energy"."""
    aggressiveness: int = 2
    """webrtcvad mode 0 (lenient) .. 3 (strict)."""
    trailing_silence_s: float = 1.0
    """Seconds of silence that end an utterance."""
    max_utterance_s: float = 15.0
    """Seconds after which an utterance is cut."""
    min_speech_s: float = 0.2
    """Seconds of speech needed to start an utterance."""
    pre_roll_s: float = 0.3
    """Seconds of audio kept before the detected start."""
    energy_margin_db: float = 12.0
    """Energy VAD: dB above the tracked noise floor that count as speech."""
    speculate_after_s: float | None = None
    """Seconds of silence in an open utterance after which a ("pause", Utterance) event
    offers the audio so far for a speculative decode; None or 0: no pause events. Must
    be shorter than trailing_silence_s."""

    def __post_init__(self) -> None:
        if self.frame_ms not in (10, 20, 30):
            raise ValueError("frame_ms must be 10, 20 or 30")
        if self.vad not in ("webrtc", "energy"):
            raise ValueError("vad must be 'webrtc' or 'energy'")
        if self.vad == "webrtc" and self.sample_rate not in (8000, 16000, 32000, 48000):
            raise ValueError("webrtc VAD needs 8000/16000/32000/48000 Hz; use vad='energy'")
        if not 0 <= self.aggressiveness <= 3:
            raise ValueError("aggressiveness must be 0..3")
        if not 0.1 <= self.trailing_silence_s <= 10:
            raise ValueError("trailing_silence_s must be between 0.1 and 10 seconds")
        if self.max_utterance_s <= self.min_speech_s:
            raise ValueError("max_utterance_s must exceed min_speech_s")
        if self.speculate_after_s and not (
                self.frame_ms / 1000.0 <= self.speculate_after_s < self.trailing_silence_s):
            raise ValueError(f"speculate_after_s must be at least one frame ({self.frame_ms} ms)"
                             f" and shorter than trailing_silence_s ({self.trailing_silence_s}"
                             f" s), or 0/None for off (got {self.speculate_after_s})")

    @property
    def frame_bytes(self) -> int:
        return self.sample_rate * self.frame_ms // 1000 * 2


@dataclass(frozen=True)
class Utterance:
    """One endpointed utterance."""

    audio: bytes
    """16-bit mono PCM, including pre-roll and trailing silence."""
    start_s: float
    """Stream time (seconds) where speech was detected."""
    end_s: float
    """Stream time (seconds) where the utterance was closed."""
    reason: str
    """"silence", "max_length" or "end_of_stream" ("pause" for the audio so far of a
    pause event)."""


class _EnergyVad:
    def __init__(self, margin_db: float) -> None:
        self.margin = margin_db
        self.floor = -60.0

    def is_speech(self, frame: bytes, _rate: int) -> bool:
        x = np.frombuffer(frame, dtype="<i2").astype(np.float32)
        db = 10 * math.log10(float(np.mean(x * x)) / 32768.0**2 + 1e-12)
        speech = db > max(self.floor + self.margin, -50.0)
        # The floor follows quiet frames quickly and loud frames slowly.
        rate = 0.2 if db < self.floor else 0.005
        self.floor += rate * (db - self.floor)
        return speech


class Endpointer:
    """Turns a stream of PCM chunks into utterance boundaries."""

    def __init__(self, config: EndpointConfig | None = None) -> None:
        self.config = config or EndpointConfig()
        c = self.config
        if c.vad == "webrtc":
            import webrtcvad

            self._vad = webrtcvad.Vad(c.aggressiveness)
        else:
            self._vad = _EnergyVad(c.energy_margin_db)  # type: ignore[assignment]
        self._frame_s = c.frame_ms / 1000.0
        pre_frames = max(1, round(c.pre_roll_s / self._frame_s))
        self._pre: collections.deque[bytes] = collections.deque(maxlen=pre_frames)
        self._window: collections.deque[bool] = collections.deque(
            maxlen=max(1, round(0.3 / self._frame_s)))
        self._need = max(1, round(c.min_speech_s / self._frame_s))
        self._buf = b""
        self._t = 0.0
        self.in_speech = False
        self._utt: list[bytes] = []
        self._start = 0.0
        self._silence = 0.0
        self._paused = False

    def feed(self, chunk: bytes) -> Iterator[tuple[str, bytes | Utterance | float]]:
        """Feed PCM; yields ("start", t), ("audio", frame) while in speech, ("end", Utterance).

        With ``speculate_after_s``: ("pause", Utterance) once per silence inside an open
        utterance that lasts that long (the audio so far, reason "pause"; the final
        utterance starts with exactly this audio), then ("resume", t) if a voiced frame
        follows before the utterance ends (the pause was not its end)."""
        self._buf += chunk
        fb = self.config.frame_bytes
        while len(self._buf) >= fb:
            frame, self._buf = self._buf[:fb], self._buf[fb:]
            yield from self._frame(frame)

    def flush(self) -> Iterator[tuple[str, bytes | Utterance | float]]:
        """End of stream: closes an open utterance."""
        if self.in_speech:
            yield ("end", self._close("end_of_stream"))
        self._buf = b""

    def _frame(self, frame: bytes) -> Iterator[tuple[str, bytes | Utterance | float]]:
        c = self.config
        voiced = self._vad.is_speech(frame, c.sample_rate)
        self._t += self._frame_s
        if not self.in_speech:
            self._pre.append(frame)
            self._window.append(voiced)
            if sum(self._window) >= min(self._need, self._window.maxlen or 1):
                self.in_speech = True
                self._start = self._t - len(self._pre) * self._frame_s
                self._utt = list(self._pre)
                self._pre.clear()
                self._window.clear()
                self._silence = 0.0
                yield ("start", self._start)
                for f in self._utt:
                    yield ("audio", f)
            return
        self._utt.append(frame)
        yield ("audio", frame)
        self._silence = 0.0 if voiced else self._silence + self._frame_s
        if voiced and self._paused:
            self._paused = False
            yield ("resume", self._t)
        if self._silence >= c.trailing_silence_s - 1e-9:
            yield ("end", self._close("silence"))
        elif self._t - self._start >= c.max_utterance_s:
            yield ("end", self._close("max_length"))
        elif c.speculate_after_s and not self._paused and \
                self._silence >= c.speculate_after_s - 1e-9:
            self._paused = True
            yield ("pause", Utterance(audio=b"".join(self._utt), start_s=self._start,
                                      end_s=self._t, reason="pause"))

    def _close(self, reason: str) -> Utterance:
        utt = Utterance(audio=b"".join(self._utt), start_s=self._start, end_s=self._t,
                        reason=reason)
        self.in_speech = False
        self._utt = []
        self._silence = 0.0
        self._paused = False
        return utt

    def utterances(self, chunks: Iterable[bytes]) -> Iterator[Utterance]:
        """Generator stage: PCM chunks in, utterances out."""
        for chunk in chunks:
            for kind, value in self.feed(chunk):
                if kind == "end":
                    assert isinstance(value, Utterance)
                    yield value
        for _kind, value in self.flush():
            assert isinstance(value, Utterance)
            yield value


@dataclass(frozen=True)
class EndpointedTranscript:
    """A final transcript with its endpoint and how long the final decode took."""

    transcript: Transcript
    utterance_start_s: float
    """Stream time (s) of detected speech start."""
    endpoint_s: float
    """Stream time (s) at which the endpoint fired."""
    final_latency_s: float
    """Wall seconds from the endpoint decision to the final transcript."""
    reason: str
    """"silence", "max_length" or "end_of_stream"."""

    def to_json(self) -> dict[str, Any]:
        return {"transcript": self.transcript.to_json(),
                "utterance_start_s": round(self.utterance_start_s, 3),
                "endpoint_s": round(self.endpoint_s, 3),
                "final_latency_s": round(self.final_latency_s, 4), "reason": self.reason}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> EndpointedTranscript:
        return cls(transcript=Transcript.from_json(d["transcript"]),
                   utterance_start_s=float(d["utterance_start_s"]),
                   endpoint_s=float(d["endpoint_s"]),
                   final_latency_s=float(d["final_latency_s"]), reason=str(d["reason"]))


def listen(
    chunks: Iterable[bytes], recognizer: Recognizer, endpointer: Endpointer | None = None
) -> Iterator[Partial | EndpointedTranscript]:
    """Stream audio into the recognizer utterance by utterance (decoding while listening).

    Yields partials while someone speaks and one EndpointedTranscript per utterance.
    """
    ep = endpointer or Endpointer()
    recognizer.reset()

    def handle(events: Iterable[tuple[str, bytes | Utterance | float]]
               ) -> Iterator[Partial | EndpointedTranscript]:
        for kind, value in events:
            if kind == "audio":
                assert isinstance(value, bytes)
                p = recognizer.accept(value)
                if p is not None:
                    yield p
            elif kind == "end":
                assert isinstance(value, Utterance)
                t0 = time.perf_counter()
                tr = recognizer.final()
                yield EndpointedTranscript(tr, value.start_s, value.end_s,
                                           time.perf_counter() - t0, value.reason)

    for chunk in chunks:
        yield from handle(ep.feed(chunk))
    yield from handle(ep.flush())
