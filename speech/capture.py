"""Audio capture on its own thread: a source (the microphone, or a WAV file played in real
time as a stand-in microphone) feeds a bounded queue that the listener drains.

Nothing that runs after the queue (endpointing, ASR, intent, TTS, playback) can hold the
capture up: when the queue is full the oldest chunk is dropped so that the newest speech
is heard, and every drop is counted and logged (:attr:`Capture.dropped`); overflows the
sound card itself reports are counted too (:attr:`Capture.device_overflows`). An error in
the source ends the capture and is raised to whoever reads :meth:`Capture.chunks`.
See docs/audio-and-careplan.md.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import numpy as np

from speech.audio import DEFAULT_RATE, AudioClip, MicrophoneUnavailable, read_wav

__all__ = ["AudioSource", "Capture", "MicrophoneSource", "WavSource"]

log = logging.getLogger(__name__)


class AudioSource(Protocol):
    """Something that yields 16-bit mono PCM chunks in real time."""

    sample_rate: int
    device_overflows: int

    def read(self) -> bytes | None:
        """The next chunk (blocks for about one chunk's duration); None at the end."""

    def close(self) -> None:
        """Release the device."""


class MicrophoneSource:
    """The microphone through PortAudio (sounddevice).

    Args:
        sample_rate: Hz.
        chunk_ms: milliseconds per chunk.
        device: PortAudio input device (index or name; None: the default).
    Raises:
        MicrophoneUnavailable: no PortAudio or no input device.
    """

    def __init__(self, sample_rate: int = DEFAULT_RATE, chunk_ms: int = 30,
                 device: int | str | None = None) -> None:
        try:
            import sounddevice as sd
        except (ImportError, OSError) as exc:
            raise MicrophoneUnavailable(
                f"microphone unavailable: sounddevice/PortAudio not usable ({exc}); "
                "install libportaudio2 and the 'edge' extra, or pass a WAV file") from None
        try:
            sd.query_devices(device=device, kind="input")
        except (sd.PortAudioError, ValueError) as exc:
            raise MicrophoneUnavailable(
                f"microphone unavailable: no audio input device ({exc}); plug in a "
                "microphone or pass a WAV file / raw PCM on stdin") from None
        self.sample_rate = sample_rate
        self.device_overflows = 0
        """Chunks PortAudio reported as overflowed (the sound card's buffer ran over)."""
        self._block = sample_rate * chunk_ms // 1000
        self._stream = sd.RawInputStream(samplerate=sample_rate, blocksize=self._block,
                                         device=device, channels=1, dtype="int16")
        self._stream.start()

    def read(self) -> bytes | None:
        buf, overflowed = self._stream.read(self._block)
        if overflowed:
            self.device_overflows += 1
            log.warning("microphone overflow (%d so far): audio was lost before capture",
                        self.device_overflows)
        return bytes(buf)

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()


class WavSource:
    """A stand-in microphone at the edge of the world: plays a real WAV (or clip) in real
    time, with silence before and after, as a microphone would deliver it.

    Args:
        audio: a WAV path or an AudioClip.
        sample_rate: Hz of the chunks (the WAV is resampled).
        chunk_ms: milliseconds per chunk.
        lead_s: seconds of silence before the audio.
        tail_s: seconds of silence after it (the endpointer needs some to close).
        realtime: pace chunks by the wall clock (False: as fast as they are read).
    """

    def __init__(self, audio: str | Path | AudioClip, sample_rate: int = DEFAULT_RATE,
                 chunk_ms: int = 30, lead_s: float = 0.0, tail_s: float = 1.5,
                 realtime: bool = True) -> None:
        clip = audio if isinstance(audio, AudioClip) else read_wav(audio, sample_rate)
        if clip.sample_rate != sample_rate:
            raise ValueError(f"clip is {clip.sample_rate} Hz, the source {sample_rate} Hz")
        lead = np.zeros(int(lead_s * sample_rate), dtype=np.int16)
        tail = np.zeros(int(tail_s * sample_rate), dtype=np.int16)
        self._pcm = np.concatenate([lead, clip.samples, tail]).astype("<i2").tobytes()
        self.sample_rate = sample_rate
        self.device_overflows = 0
        self.realtime = realtime
        self._step = sample_rate * chunk_ms // 1000 * 2
        self._chunk_s = chunk_ms / 1000.0
        self._pos = 0
        self._t0: float | None = None
        self._n = 0

    @property
    def seconds(self) -> float:
        """Duration of everything the source plays (lead + audio + tail)."""
        return len(self._pcm) / 2 / self.sample_rate

    def read(self) -> bytes | None:
        if self._pos >= len(self._pcm):
            return None
        if self.realtime:
            if self._t0 is None:
                self._t0 = time.monotonic()
            # a microphone delivers each chunk once it has been spoken
            wait = self._t0 + (self._n + 1) * self._chunk_s - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        chunk = self._pcm[self._pos:self._pos + self._step]
        self._pos += self._step
        self._n += 1
        return chunk

    def close(self) -> None:
        self._pos = len(self._pcm)


_END = object()


class Capture:
    """Runs ``source`` on its own thread into a bounded queue.

    Args:
        source: where the audio comes from.
        max_chunks: queue size in chunks (with 30 ms chunks, 200 hold 6 s of audio).
    """

    def __init__(self, source: AudioSource, max_chunks: int = 200) -> None:
        if max_chunks < 1:
            raise ValueError(f"max_chunks must be at least 1 (got {max_chunks})")
        self.source = source
        self.sample_rate = source.sample_rate
        self.chunks_in = 0
        """Chunks read from the source."""
        self.dropped = 0
        """Chunks dropped because the queue was full (the listener fell behind)."""
        self.max_depth = 0
        """Deepest the queue has been, in chunks."""
        self.error: BaseException | None = None
        """What ended the capture thread, if it failed."""
        self._q: queue.Queue[object] = queue.Queue(max_chunks)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audio-capture", daemon=True)

    @property
    def device_overflows(self) -> int:
        return int(self.source.device_overflows)

    def stats(self) -> dict[str, int]:
        """Counters for status reports: chunks, dropped, device_overflows, max_depth."""
        return {"chunks": self.chunks_in, "dropped": self.dropped,
                "device_overflows": self.device_overflows, "max_depth": self.max_depth}

    def start(self) -> Capture:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5.0)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _put(self, item: object) -> None:
        while True:
            try:
                self._q.put_nowait(item)
                self.max_depth = max(self.max_depth, self._q.qsize())
                return
            except queue.Full:
                try:
                    self._q.get_nowait()  # drop the oldest: the newest speech matters most
                except queue.Empty:
                    continue
                self.dropped += 1
                if self.dropped == 1 or self.dropped % 100 == 0:
                    log.warning("capture queue full: %d audio chunk(s) dropped so far; the "
                                "listener is falling behind", self.dropped)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                chunk = self.source.read()
                if chunk is None:
                    break
                self.chunks_in += 1
                self._put(chunk)
        except BaseException as exc:  # handed to the reader of chunks(), which raises it
            self.error = exc
            log.error("audio capture failed: %s: %s", type(exc).__name__, exc)
        finally:
            try:
                self.source.close()
            finally:
                self._put(_END)

    def chunks(self, timeout_s: float = 0.5) -> Iterator[bytes | None]:
        """The captured chunks in order; None every ``timeout_s`` seconds without audio
        (so the reader can check for a stop); ends with the source.

        Raises:
            Exception: whatever ended the capture thread.
        """
        while True:
            try:
                item = self._q.get(timeout=timeout_s)
            except queue.Empty:
                yield None
                continue
            if item is _END:
                if self.error is not None:
                    raise self.error
                return
            assert isinstance(item, bytes)
            yield item

    def as_clip(self, pcm: bytes) -> AudioClip:
        return AudioClip(np.frombuffer(pcm, dtype="<i2").astype(np.int16), self.sample_rate)
