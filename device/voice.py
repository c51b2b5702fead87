"""The device's voice: ``speech.tts.Speaker`` with a fallback to the espeak-ng program.

``Speaker`` synthesizes each file in a fresh pyttsx3 process, which now and then produces
no audio (the espeak driver is fragile). A reply must never be lost to that, so
:class:`DeviceVoice` retries through the ``espeak-ng`` program with the same voice, rate
and volume, and counts how often it had to.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any

__all__ = ["DeviceVoice", "espeak_program_to_wav"]

log = logging.getLogger(__name__)


def espeak_program_to_wav(speaker: Any, text: str, path: str | Path, cause: Exception) -> Path:
    """Write ``text`` with the espeak-ng program in ``speaker``'s voice, rate and volume;
    re-raises ``cause`` when the program is missing, fails, or the voice is not espeak's."""
    exe = shutil.which("espeak-ng")
    out = Path(path)
    if exe is None or str(speaker.voice).startswith("piper:"):
        raise cause
    out.unlink(missing_ok=True)
    proc = subprocess.run([exe, "-v", str(speaker.voice), "-s", str(int(speaker.rate_wpm)),
                           "-a", str(int(round(float(speaker.volume) * 100))), "-w", str(out),
                           text], capture_output=True, timeout=60, check=False)
    if proc.returncode != 0 or not out.is_file() or out.stat().st_size <= 44:
        raise cause
    return out


class DeviceVoice:
    """Reply speech. Args as for ``speech.tts.Speaker`` (rate in words per minute,
    volume 0..1, language "en" or "zh", voice an espeak-ng id or "piper:MODEL")."""

    def __init__(self, rate_wpm: int = 140, volume: float = 0.9, language: str = "en",
                 voice: str | None = None) -> None:
        from speech.tts import Speaker

        self.speaker = Speaker(rate_wpm=rate_wpm, volume=volume, language=language, voice=voice)
        self.fallbacks = 0
        """Replies the espeak-ng program wrote because the Speaker failed."""

    @property
    def volume(self) -> float:
        return float(self.speaker.volume)

    def volume_up(self) -> float:
        return float(self.speaker.volume_up())

    def volume_down(self) -> float:
        return float(self.speaker.volume_down())

    def to_wav(self, text: str, path: str | Path) -> Path:
        """Write ``text`` as speech to a WAV file; returns the path."""
        try:
            return Path(self.speaker.to_wav(text, path))
        except ValueError:
            raise  # empty text: the caller's mistake
        except (LookupError, OSError, RuntimeError) as exc:
            log.warning("TTS failed (%s); using the espeak-ng program", exc)
            self.fallbacks += 1
            return espeak_program_to_wav(self.speaker, text, path, exc)

    def say(self, text: str) -> bool:
        """Play ``text`` on the default output device."""
        return bool(self.speaker.say(text))
