"""Speculative decoding at the resident's pause (docs/speech.md, "Speculative decoding").

An utterance ends only after ``trailing_silence_s`` of silence (older speakers pause
mid-sentence), and the recognizer's final decode (Whisper) only starts then. When the
endpointer reports a shorter pause (``input.speculate_after_s``), the
:class:`Speculator` decodes the utterance so far on its own worker thread with its own
recognizer (made as the runtime's is; the Whisper model itself is shared, see
:func:`speech.asr_whisper.load_model`). If the utterance then ends with no more speech,
the turn takes that transcript (:meth:`Speculator.take`) instead of decoding again; if
speech resumes, the speculation is discarded and a later pause may start another.

Safety: a speculation that fails is logged with its traceback and counted, and the turn
decodes the utterance as it would have without speculation; nothing is lost. The
listener offers a speculation only while no turn is waiting or being handled, so an
earlier utterance (a call for help) never waits behind a later one's speculation.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from speech.asr import Transcript, transcribe_clip
from speech.audio import AudioClip
from speech.endpoint import Utterance

__all__ = ["Speculation", "Speculator", "copy_decoder_state", "transcribe_heard"]

log = logging.getLogger(__name__)

MAX_WAIT_S = 30.0
"""A turn waits at most this long for a running speculation (a worker that hangs) before
decoding the utterance itself."""


def _fast_path(recognizer: Any) -> Any:
    """The part of a recognizer that carries state from one utterance to the next: the
    pocketsphinx decoder (on its own or the hybrid's fast path); None for stateless ones."""
    for rec in (recognizer, getattr(recognizer, "fast", None)):
        if rec is not None and hasattr(type(rec), "cepstral_mean"):
            return rec
    return None


def copy_decoder_state(src: Any, dst: Any) -> None:
    """Give ``dst`` the state ``src`` would carry into its next utterance (pocketsphinx's
    live cepstral mean), so that both decode the next utterance alike. Whisper keeps no
    state between utterances."""
    a, b = _fast_path(src), _fast_path(dst)
    if a is not None and b is not None:
        b.cepstral_mean = a.cepstral_mean


class Speculation:
    """One speculative decode of an open utterance's audio up to a pause."""

    def __init__(self, utterance: Utterance, state_from: Any = None) -> None:
        self.audio = utterance.audio
        """16-bit PCM decoded: the utterance so far, pre-roll included."""
        self.end_s = utterance.end_s
        """Stream time (s) of the pause point."""
        self.state_from = state_from
        """The runtime's recognizer whose carried state the decode starts from."""
        self.transcript: Transcript | None = None
        self.error: BaseException | None = None
        self.decode_s = 0.0
        """Wall seconds the decode took."""
        self.started = False
        self.discarded = False
        self._done = threading.Event()

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout_s: float) -> bool:
        return self._done.wait(timeout_s)

    def covers(self, audio: bytes) -> bool:
        """True when ``audio`` (the ended utterance) starts with the decoded audio."""
        return audio[:len(self.audio)] == self.audio


class Speculator:
    """Decodes offered pauses on one worker thread with its own recognizer; the newest
    offer replaces one not yet started.

    Args:
        recognizer: a ``speech.asr.Recognizer`` of its own (not the runtime's instance).
        as_clip: PCM bytes -> AudioClip (the capture's rate).
        main: the runtime's recognizer: each decode starts from its carried state, and
            :meth:`take` hands the used decode's state back to it (see
            :func:`copy_decoder_state`).
    """

    def __init__(self, recognizer: Any, as_clip: Callable[[bytes], AudioClip],
                 main: Any = None) -> None:
        self.recognizer = recognizer
        self.as_clip = as_clip
        self.main = main
        self.offered = 0
        self.used = 0
        self.discarded = 0
        """Speculations dropped because speech resumed (or superseded before they ran)."""
        self.failed = 0
        """Speculations that raised (each logged with its traceback)."""
        self.fallbacks = 0
        """Turns that offered a speculation but decoded the utterance themselves."""
        self._cond = threading.Condition()
        self._next: Speculation | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="asr-speculator", daemon=True)
        self._thread.start()

    def stats(self) -> dict[str, int]:
        return {"speculations": self.offered, "speculations_used": self.used,
                "speculations_discarded": self.discarded,
                "speculation_failures": self.failed, "speculation_fallbacks": self.fallbacks}

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def offer(self, utterance: Utterance) -> Speculation:
        """Decode ``utterance`` (the audio so far at a pause) in the background; returns at
        once. The runtime recognizer's state is read when the decode starts."""
        spec = Speculation(utterance, self.main)
        with self._cond:
            if self._next is not None:
                self._drop(self._next)
            self._next = spec
            self.offered += 1
            self._cond.notify_all()
        return spec

    def discard(self, spec: Speculation) -> None:
        """Speech resumed: ``spec``'s result will not be used (a running decode finishes
        and is ignored; one not started never runs)."""
        with self._cond:
            if not spec.discarded:
                self._drop(spec)
            if self._next is spec:
                self._next = None

    def _drop(self, spec: Speculation) -> None:
        spec.discarded = True
        self.discarded += 1
        if not spec.started:
            spec._done.set()

    def take(self, spec: Speculation, audio: bytes) -> Transcript | None:
        """The transcript of ``spec`` for the ended utterance ``audio``, waiting while it
        runs; None when the turn must decode ``audio`` itself: the speculation failed
        (logged and counted when it did), was discarded, had not started yet (decoding
        now is no slower than waiting for it), or does not cover ``audio``."""
        with self._cond:
            usable = not spec.discarded and spec.covers(audio)
            if usable and not spec.started:
                usable = False
                if self._next is spec:
                    self._next = None
                spec.discarded = True
                spec._done.set()
        if not usable:
            self.fallbacks += 1
            return None
        t0 = time.monotonic()
        while not spec.wait(0.05):
            if not self.alive or time.monotonic() - t0 > MAX_WAIT_S:
                self.failed += 1
                self.fallbacks += 1
                log.error("speculative decode of the utterance ending at %.2f s gave no result"
                          " (%s); decoding it again", spec.end_s,
                          "the worker thread has ended" if not self.alive else
                          f"still running after {MAX_WAIT_S:.0f} s")
                return None
        if spec.error is not None or spec.transcript is None:
            self.fallbacks += 1
            return None
        self.used += 1
        if self.main is not None:
            try:
                copy_decoder_state(self.recognizer, self.main)
            except Exception as exc:  # noqa: BLE001 - the transcript stands; logged, counted
                self.failed += 1
                log.error("handing the speculative decoder's state back failed; the next "
                          "utterance starts from the runtime recognizer's own", exc_info=exc)
        return spec.transcript

    def close(self, timeout_s: float = 5.0) -> None:
        with self._cond:
            self._closed = True
            if self._next is not None:
                self._drop(self._next)
                self._next = None
            self._cond.notify_all()
        self._thread.join(timeout_s)

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(lambda: self._closed or self._next is not None)
                    if self._closed:
                        return
                    spec, self._next = self._next, None
                    assert spec is not None
                    spec.started = True
                self._decode(spec)
        except BaseException as exc:  # not seen by a turn until it waits: said here too
            log.error("the speculative decoding worker has ended; turns decode on their own",
                      exc_info=exc)
            raise

    def _decode(self, spec: Speculation) -> None:
        t0 = time.perf_counter()
        try:
            if spec.state_from is not None:
                copy_decoder_state(spec.state_from, self.recognizer)
            spec.transcript = transcribe_clip(self.recognizer, self.as_clip(spec.audio))
        except Exception as exc:  # noqa: BLE001 - logged, counted; the turn decodes again
            spec.error = exc
            self.failed += 1
            log.error("speculative decode of the utterance ending at %.2f s failed; the turn "
                      "will decode it again (%d failures so far)", spec.end_s, self.failed,
                      exc_info=exc)
            try:
                self.recognizer.reset()
            except Exception as reset_exc:  # noqa: BLE001 - logged; the next decode resets
                log.error("resetting the speculative recognizer failed", exc_info=reset_exc)
        finally:
            spec.decode_s = time.perf_counter() - t0
            spec._done.set()


def transcribe_heard(recognizer: Any, heard: Any,
                     speculator: Speculator | None = None) -> tuple[Transcript, bool]:
    """The transcript of a heard utterance (``device.duplex.Heard``): its speculation's
    when ``speculator`` has a usable one (:meth:`Speculator.take`), else ``recognizer``
    decodes the clip. Returns (transcript, whether it is the speculation's)."""
    if heard.speculation is not None and speculator is not None:
        transcript = speculator.take(heard.speculation, heard.clip.to_bytes())
        if transcript is not None:
            return transcript, True
    return transcribe_clip(recognizer, heard.clip), False
