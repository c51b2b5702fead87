"""The local alarm: a two-tone siren on the home's speaker, the fallback when an alert
cannot be kept in the outbox or sent (docs/safety-path.md, "What the resident hears")."""

from __future__ import annotations

import logging
import threading
from typing import Any

__all__ = ["LocalAlarm"]

log = logging.getLogger(__name__)


class LocalAlarm:
    """Sounds a siren; calling it returns whether it did (never raises for missing audio).

    Args:
        sink: a ``speech.playback.OutputSink`` (None: the default PortAudio output, opened
            when the alarm sounds).
        seconds: length of the siren.
        sample_rate: Hz.
    """

    def __init__(self, sink: Any = None, seconds: float = 3.0,
                 sample_rate: int = 16000) -> None:
        if not 0.5 <= seconds <= 30.0:
            raise ValueError(f"the alarm lasts 0.5..30 seconds (got {seconds})")
        self.sink = sink
        self.seconds = seconds
        self.sample_rate = sample_rate
        self.sounded = 0

    def clip(self) -> Any:
        """The siren: 880 Hz and 660 Hz alternating every quarter second."""
        import numpy as np

        from speech.audio import AudioClip

        n = int(self.seconds * self.sample_rate)
        t = np.arange(n) / self.sample_rate
        freq = np.where((t // 0.25) % 2 == 0, 880.0, 660.0)
        phase = 2 * np.pi * np.cumsum(freq) / self.sample_rate
        samples = (0.8 * 32767 * np.sin(phase)).astype(np.int16)
        return AudioClip(samples, self.sample_rate)

    def __call__(self) -> bool:
        from speech.audio import AudioError

        errors: tuple[type[BaseException], ...] = (AudioError, OSError)
        try:
            import sounddevice as sd

            errors += (sd.PortAudioError,)
        except (ImportError, OSError):
            pass
        try:
            sink = self.sink
            if sink is None:
                from speech.playback import SoundDeviceSink

                sink = SoundDeviceSink()
            played = bool(sink.play(self.clip(), threading.Event()))
        except errors as exc:
            log.error("cannot sound the local alarm: %s", exc)
            return False
        self.sounded += 1
        return played
