"""Audio out that can be cut: an output sink plays a clip block by block and stops within
one block when its stop event is set (barge-in, docs/audio-and-careplan.md).

A real board uses :class:`SoundDeviceSink` (a PortAudio output stream); tests hand in a
small sink of their own that consumes audio in real time.
"""

from __future__ import annotations

import threading
from typing import Protocol

from speech.audio import AudioClip, AudioError

__all__ = ["OutputSink", "SoundDeviceSink"]


class OutputSink(Protocol):
    """Plays audio; interruptible."""

    def play(self, clip: AudioClip, stop: threading.Event) -> bool:
        """Play ``clip``; True when it played to the end, False when ``stop`` cut it."""


class SoundDeviceSink:
    """The speaker through a PortAudio output stream, written in ``block_ms`` blocks.

    Args:
        device: PortAudio output device (index or name; None: the default).
        block_ms: milliseconds per block (how quickly a stop takes effect).
    Raises:
        AudioError: no PortAudio or no output device.
    """

    def __init__(self, device: int | str | None = None, block_ms: int = 50) -> None:
        try:
            import sounddevice as sd
        except (ImportError, OSError) as exc:
            raise AudioError(f"no audio output: sounddevice/PortAudio unusable ({exc}); "
                             "install libportaudio2 and the 'edge' extra") from None
        try:
            sd.query_devices(device=device, kind="output")
        except (sd.PortAudioError, ValueError) as exc:
            raise AudioError(f"no audio output device ({exc}); plug in a speaker or set "
                             "output.speak to false") from None
        self._sd = sd
        self.device = device
        self.block_ms = block_ms

    def play(self, clip: AudioClip, stop: threading.Event) -> bool:
        block = max(1, clip.sample_rate * self.block_ms // 1000)
        with self._sd.RawOutputStream(samplerate=clip.sample_rate, channels=1, dtype="int16",
                                      device=self.device, blocksize=block) as stream:
            raw = clip.to_bytes()
            for i in range(0, len(raw), block * 2):
                if stop.is_set():
                    stream.abort()
                    return False
                stream.write(raw[i:i + block * 2])
        return not stop.is_set()
