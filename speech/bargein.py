"""Barge-in by keyphrase: the resident says "stop" while the device talks, and the reply
is cut.

A small keyword spotter (PocketSphinx keyphrase search) sets `stop_event`, which
:meth:`speech.tts.Speaker.say` watches. The device runtime's microphone path
(``device.duplex``) uses a recognizer's partial hypotheses by default, which also hear
calls for help; a ``BargeIn`` has the same start/feed/stop/heard shape and can be handed
to ``device.duplex.DuplexListener`` instead (docs/audio-and-careplan.md):

    monitor = BargeIn()
    stop = monitor.start()                       # a fresh threading.Event
    threading.Thread(target=speaker.say, args=(reply, stop)).start()
    for chunk in mic:                            # while the reply plays
        if monitor.feed(chunk):                  # True once "stop" was heard
            break
    monitor.stop()

Without echo cancellation the device can hear its own voice: a reply containing one of
the keywords may cut itself, so keep keywords out of replies or add an AEC front end.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from speech.asr_pocketsphinx import DOMAIN_DICT, _ps, default_hmm

__all__ = ["DEFAULT_KEYWORDS", "BargeIn"]

# keyword -> detection threshold (longer phrases need smaller thresholds).
DEFAULT_KEYWORDS: dict[str, float] = {
    "stop": 1e-12,
    "stop talking": 1e-20,
    "be quiet": 1e-18,
    "cancel": 1e-15,
    "never mind": 1e-20,
}


class BargeIn:
    """Keyword monitor for mic audio during playback.

    Args:
        keywords: phrase -> threshold (smaller = more sensitive); default DEFAULT_KEYWORDS.
        sample_rate: Hz of the PCM fed in.
    """

    def __init__(self, keywords: dict[str, float] | Sequence[str] | None = None,
                 sample_rate: int = 16000) -> None:
        if keywords is None:
            kw = dict(DEFAULT_KEYWORDS)
        elif isinstance(keywords, dict):
            kw = dict(keywords)
        else:
            kw = {k: DEFAULT_KEYWORDS.get(k, 1e-15) for k in keywords}
        if not kw:
            raise ValueError("BargeIn needs at least one keyword")
        self.keywords = kw
        self.sample_rate = sample_rate
        with tempfile.NamedTemporaryFile("w", suffix=".kws", delete=False) as f:
            for phrase, thr in kw.items():
                f.write(f"{phrase.lower()} /{thr:g}/\n")
            kws_file = f.name
        try:
            self._dec = _ps().Decoder(hmm=str(default_hmm()), dict=str(DOMAIN_DICT),
                                      kws=kws_file, samprate=float(sample_rate),
                                      loglevel="FATAL")
        except (RuntimeError, ValueError) as exc:
            raise ValueError(
                f"barge-in keywords not usable ({exc}); use dictionary words"
            ) from None
        finally:
            Path(kws_file).unlink(missing_ok=True)
        self.stop_event = threading.Event()
        self.heard: str | None = None
        self._running = False

    def start(self) -> threading.Event:
        """Begin watching (call when playback starts); returns the event to pass to say()."""
        self.stop_event = threading.Event()
        self.heard = None
        self._dec.start_utt()
        self._running = True
        return self.stop_event

    def feed(self, pcm: bytes) -> bool:
        """Feed mic PCM; True (and stop_event set) once a keyword was heard."""
        if not self._running:
            self.start()
        if self.stop_event.is_set():
            return True
        self._dec.process_raw(pcm, False, False)
        hyp = self._dec.hyp()
        if hyp is not None and hyp.hypstr:
            self.heard = hyp.hypstr.strip()
            self.stop_event.set()
            return True
        return False

    def stop(self) -> None:
        """Stop watching (call when playback ends)."""
        if self._running:
            self._dec.end_utt()
            self._running = False
