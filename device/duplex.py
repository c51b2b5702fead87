"""Full-duplex listening: the microphone is heard while the device thinks and speaks.

Three threads besides the caller's:

- capture (:class:`speech.capture.Capture`): the source into a bounded queue;
- listener: the queue through the endpointer, and, while a reply plays, through a
  barge-in spotter (:class:`PartialSpotter`: a second streaming recognizer whose partial
  hypotheses are matched against stop words and the safety-words net of
  :mod:`device.safety`): "stop" cuts the reply; a call for help ("help me", "I have
  fallen") cuts it too and its utterance goes to the front of the turn queue;
- player (:class:`Player`): replies through an output sink that can be stopped.

The caller's thread runs :meth:`DuplexListener.run`: it takes endpointed utterances in
turn (calls for help first) and hands them to the runtime's turn (ASR, intent, the safety
path, the reply). Heard audio stays in memory unless ``output.keep_heard_audio`` is set
(:class:`HeardAudioKeeper`). A thread that fails is not lost: its error is raised by
:meth:`DuplexListener.run`, so the runtime's supervisor restarts the input service.
With a speculator (:class:`device.speculative.Speculator`), a pause inside an utterance
starts a background decode of the audio so far while no turn is waiting; the utterance
carries it to its turn (``Heard.speculation``) unless speech resumed after the pause.
See docs/audio-and-careplan.md.
"""

from __future__ import annotations

import itertools
import logging
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from speech.audio import AudioClip, write_wav
from speech.capture import Capture
from speech.endpoint import Endpointer, Utterance
from speech.playback import OutputSink

__all__ = ["SAFETY_LABELS", "DuplexListener", "Heard", "HeardAudioKeeper", "PartialSpotter",
           "Player", "barge_in_phrase"]

log = logging.getLogger(__name__)

SAFETY_LABELS = ("emergency_help", "fall_report")
"""What a call for help heard during a reply is matched as; its utterance goes first."""
_STOP_WORDS = re.compile(r"\b(stop|be quiet|quiet|cancel|never mind|shut up)\b")


def barge_in_phrase(text: str) -> str | None:
    """What cuts a reply in a partial hypothesis: a safety label when plain safety words
    are in it (the net of :func:`device.safety.safety_label_of_words`), "stop" for stop
    words, else None."""
    from device.safety import safety_label_of_words

    label = safety_label_of_words(text)
    if label is not None:
        return label
    return "stop" if _STOP_WORDS.search(text.lower()) else None


class PartialSpotter:
    """Barge-in from a streaming recognizer's partial hypotheses (the device's own ASR
    engine, a second instance, fed only while a reply plays). Same shape as
    :class:`speech.bargein.BargeIn` (start, feed, stop, heard), which spots keyphrases
    alone and may be handed in instead.

    Args:
        recognizer: a ``speech.asr.Recognizer``.
        match: partial text -> what was heard (None: nothing).
    """

    def __init__(self, recognizer: Any,
                 match: Callable[[str], str | None] = barge_in_phrase) -> None:
        self.recognizer = recognizer
        self.match = match
        self.heard: str | None = None
        """What cut the reply: a safety label or "stop"."""
        self.text = ""
        """The partial hypothesis it was heard in."""

    def start(self) -> None:
        self.recognizer.reset()
        self.heard, self.text = None, ""

    def feed(self, pcm: bytes) -> bool:
        partial = self.recognizer.accept(pcm)
        if partial is None or not partial.text:
            return False
        found = self.match(partial.text)
        if found is None:
            return False
        self.heard, self.text = found, partial.text
        return True

    def stop(self) -> None:
        self.recognizer.reset()


@dataclass(frozen=True)
class Heard:
    """One endpointed utterance, in memory."""

    clip: AudioClip
    start_s: float
    """Stream time (s) where speech began."""
    end_s: float
    """Stream time (s) where the utterance was closed."""
    during_reply: bool
    """It began while a reply was playing."""
    keyword: str | None = None
    """What cut a reply in it ("stop" or a safety label), if anything."""
    speculation: Any = None
    """A ``device.speculative.Speculation`` of this utterance up to its last pause, when
    nothing but silence followed it (None: the turn decodes the clip)."""

    @property
    def is_call_for_help(self) -> bool:
        return self.keyword in SAFETY_LABELS


class Player:
    """Plays replies one after another on its own thread through ``sink``; :meth:`cut`
    stops the one playing at once and drops those waiting.

    Args:
        sink: the output (a PortAudio stream, or a test's sink).
        on_error: told of a clip that failed to play (the runtime reports it); the player
            goes on with the next one.
    """

    def __init__(self, sink: OutputSink,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        self.sink = sink
        self.on_error = on_error
        self.played = 0
        """Replies played to the end."""
        self.cuts = 0
        """Replies cut by barge-in."""
        self.failures = 0
        self._q: queue.Queue[AudioClip | None] = queue.Queue()
        self._stop_now = threading.Event()
        self._busy = threading.Event()
        self._idle = threading.Condition()
        self._pending = 0
        self._thread = threading.Thread(target=self._run, name="reply-player", daemon=True)
        self._thread.start()

    @property
    def playing(self) -> bool:
        return self._busy.is_set()

    def say(self, clip: AudioClip) -> None:
        """Queue ``clip``; returns at once."""
        with self._idle:
            self._pending += 1
        self._q.put(clip)

    def cut(self) -> None:
        """Stop the reply playing now and drop the ones waiting."""
        self._stop_now.set()
        while True:
            try:
                item = self._q.get_nowait()
            except queue.Empty:
                break
            if item is None:  # keep the close request
                self._q.put(None)
                break
            self._done()

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until nothing plays or waits; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout_s)

    def close(self) -> None:
        self._stop_now.set()
        self._q.put(None)
        self._thread.join(timeout=5.0)

    def _done(self) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def _run(self) -> None:
        while True:
            clip = self._q.get()
            if clip is None:
                return
            self._stop_now.clear()
            self._busy.set()
            try:
                if self.sink.play(clip, self._stop_now):
                    self.played += 1
                else:
                    self.cuts += 1
            except Exception as exc:  # noqa: BLE001 - reported; the next reply still plays
                self.failures += 1
                log.error("reply playback failed", exc_info=exc)
                if self.on_error is not None:
                    self.on_error(exc)
            finally:
                self._busy.clear()
                self._done()


class HeardAudioKeeper:
    """Keeps WAVs of heard utterances (an opt-in debugging aid: they are recordings of the
    resident's home), newest kept, oldest deleted first past ``max_mb`` or ``max_days``.

    Args:
        folder: where the WAVs go.
        max_mb: total size limit, megabytes.
        max_days: age limit, days.
    """

    def __init__(self, folder: Path, max_mb: float, max_days: float) -> None:
        self.folder = folder
        self.max_bytes = int(max_mb * 1024 * 1024)
        self.max_age_s = max_days * 86400.0
        self._n = itertools.count(1)

    def keep(self, clip: AudioClip, now: float | None = None) -> Path:
        """Write ``clip``, then prune; returns its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = write_wav(self.folder / f"heard-{stamp}-{next(self._n):04d}.wav", clip)
        self.prune(now)
        return path

    def prune(self, now: float | None = None) -> list[Path]:
        """Delete WAVs past the age limit, then the oldest until under the size limit."""
        now = time.time() if now is None else now
        files = sorted(self.folder.glob("heard-*.wav"), key=lambda p: p.stat().st_mtime)
        removed = []
        for p in list(files):
            if now - p.stat().st_mtime > self.max_age_s:
                p.unlink(missing_ok=True)
                files.remove(p)
                removed.append(p)
        total = sum(p.stat().st_size for p in files)
        while files and total > self.max_bytes:
            p = files.pop(0)
            total -= p.stat().st_size
            p.unlink(missing_ok=True)
            removed.append(p)
        return removed


class DuplexListener:
    """Listens all the time; hands utterances to ``handle`` one at a time.

    Args:
        capture: the started-on-run capture of the microphone (or a stand-in).
        endpointer: turns audio into utterances.
        handle: the runtime's turn for one utterance (its own error boundary).
        player: plays replies (None: the device does not speak).
        spotter: keyword spotter fed while a reply plays (None: no barge-in).
        should_stop: polled; True ends listening.
        beat: called about twice a second while the listener is healthy (liveness).
        drain_s: at the end of the input, how long to wait for replies still playing.
        echo_guard: for a board without echo cancellation: an utterance that began while
            a reply played is handled only when barge-in heard stop words or a call for
            help in it; the others (most likely the device's own voice) are logged and
            counted (``echo_dropped``).
        speculator: decodes the audio so far at the endpointer's pause events (needs
            ``EndpointConfig.speculate_after_s``; None: no speculation).
    """

    def __init__(self, capture: Capture, endpointer: Endpointer,
                 handle: Callable[[Heard], None], player: Player | None = None,
                 spotter: Any = None, should_stop: Callable[[], bool] = lambda: False,
                 beat: Callable[[], None] = lambda: None, drain_s: float = 60.0,
                 echo_guard: bool = False, speculator: Any = None) -> None:
        self.capture = capture
        self.endpointer = endpointer
        self.handle = handle
        self.player = player
        self.spotter = spotter
        self.should_stop = should_stop
        self.beat = beat
        self.drain_s = drain_s
        self.echo_guard = echo_guard
        self.speculator = speculator
        self.utterances = 0
        self.echo_dropped = 0
        """Utterances not handled by the echo guard."""
        self.barge_ins: list[str] = []
        """Phrases that cut a reply, in order."""
        self._turns: queue.PriorityQueue[tuple[int, int, Heard | None]] = queue.PriorityQueue()
        self._seq = itertools.count()
        self._error: BaseException | None = None
        self._keyword: str | None = None
        self._spec: Any = None
        """The speculation of the open utterance, if any."""
        self._outstanding = 0
        """Utterances queued or being handled (the listener speculates only at 0)."""
        self._count = threading.Lock()

    def stats(self) -> dict[str, Any]:
        """Counters for status reports (capture drops and overflows included)."""
        out: dict[str, Any] = {**self.capture.stats(), "utterances": self.utterances,
                               "barge_ins": len(self.barge_ins),
                               "echo_dropped": self.echo_dropped}
        if self.player is not None:
            out.update(replies_played=self.player.played, replies_cut=self.player.cuts,
                       playback_failures=self.player.failures)
        if self.speculator is not None:
            out.update(self.speculator.stats())
        return out

    def say(self, clip: AudioClip) -> None:
        """Play a reply (returns at once); without a player it is not played."""
        if self.player is not None:
            self.player.say(clip)

    # -- listener thread --------------------------------------------------------------
    def _listen(self) -> None:
        spotting = False
        during = False
        try:
            for chunk in self.capture.chunks():
                if self.should_stop():
                    break
                if chunk is None:
                    continue
                playing = self.player is not None and self.player.playing
                if self.spotter is not None:
                    if playing and not spotting:
                        self.spotter.start()
                        spotting = True
                    elif not playing and spotting:
                        self.spotter.stop()
                        spotting = False
                    if spotting and self.spotter.feed(chunk):
                        self._barge_in(str(self.spotter.heard))
                        self.spotter.stop()
                        spotting = False
                for kind, value in self.endpointer.feed(chunk):
                    if kind == "start":
                        during = playing
                    elif kind == "end":
                        assert isinstance(value, Utterance)
                        self._push(value, during)
                    elif kind == "pause":
                        assert isinstance(value, Utterance)
                        self._speculate(value, during)
                    elif kind == "resume":
                        self._drop_speculation()
            for _kind, value in self.endpointer.flush():
                assert isinstance(value, Utterance)
                self._push(value, during)
        except BaseException as exc:  # raised again by run(): no thread dies unseen
            self._error = exc
        finally:
            if spotting:
                self.spotter.stop()
            self._drop_speculation()
            self._turns.put((9, next(self._seq), None))

    def _speculate(self, utt: Utterance, during: bool) -> None:
        """A pause in the open utterance: decode the audio so far in the background, but
        only while no turn waits or runs (an earlier utterance never waits behind it), and
        not for what the echo guard will drop."""
        self._drop_speculation()
        if self.speculator is None or self._outstanding > 0:
            return
        if self.echo_guard and during and self._keyword is None:
            return
        self._spec = self.speculator.offer(utt)

    def _drop_speculation(self) -> None:
        spec, self._spec = self._spec, None
        if spec is not None and self.speculator is not None:
            self.speculator.discard(spec)

    def _barge_in(self, phrase: str) -> None:
        log.info("barge-in: %r heard while the reply played; reply cut", phrase)
        self.barge_ins.append(phrase)
        self._keyword = phrase
        if self.player is not None:
            self.player.cut()

    def _push(self, utt: Utterance, during: bool) -> None:
        keyword, self._keyword = self._keyword, None
        spec, self._spec = self._spec, None
        heard = Heard(self.capture.as_clip(utt.audio), utt.start_s, utt.end_s, during, keyword,
                      spec)
        self.utterances += 1
        if self.echo_guard and during and keyword is None:
            self.echo_dropped += 1
            if spec is not None and self.speculator is not None:
                self.speculator.discard(spec)
            log.info("utterance %.1f-%.1f s began while a reply played and held no stop words "
                     "or call for help: not handled (input.echo_guard; %d so far)",
                     utt.start_s, utt.end_s, self.echo_dropped)
            return
        with self._count:
            self._outstanding += 1
        self._turns.put((0 if heard.is_call_for_help else 1, next(self._seq), heard))

    # -- the caller's thread: turns ----------------------------------------------------
    def run(self) -> None:
        """Listen until the source ends or ``should_stop``; raises what ended a thread."""
        listener = threading.Thread(target=self._listen, name="audio-listener", daemon=True)
        self.capture.start()
        listener.start()
        try:
            while True:
                self.beat()
                try:
                    _prio, _n, heard = self._turns.get(timeout=0.5)
                except queue.Empty:
                    if self.should_stop():
                        break
                    continue
                if heard is None:
                    break
                try:
                    self.handle(heard)
                finally:
                    with self._count:
                        self._outstanding -= 1
            if self.player is not None and not self.should_stop():
                self.player.wait_idle(self.drain_s)
        finally:
            self.capture.stop()
            listener.join(timeout=5.0)
        if self._error is not None:
            raise self._error
