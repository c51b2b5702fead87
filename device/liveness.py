"""Liveness: a periodic check of the alarm path (EN 50134-style), see docs/runtime.md.

Each service of the runtime (input/capture, ASR, intent, sensor ingest, outbox delivery,
reminders) reports a heartbeat to a :class:`Liveness` registry. A service whose heartbeat
is older than its timeout, or that was reported dead (a sensor ingest whose network thread
ended, a model that raised), is *offline*; :meth:`Liveness.check` returns each change of
state once, so the runtime tells the caregivers once per outage and once when it is back.

The parts a turn depends on are wrapped here so that their failures are seen:
:class:`WatchedIntentModel` (a crashing model degrades to the plain-safety-words net
instead of losing the turn), :class:`WatchedSpeaker` (a TTS crash is reported, never
hidden) and :class:`WatchedRecognizer`.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Change", "Liveness", "ServiceState", "WatchedIntentModel", "WatchedRecognizer",
           "WatchedSpeaker"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """A service went offline (``online`` False) or came back (True)."""

    service: str
    online: bool
    detail: str
    """Why: "no heartbeat for 75 s", "RuntimeError: ...", "heartbeat again"."""


@dataclass(frozen=True)
class ServiceState:
    """What ``eldercare status`` shows for one service."""

    name: str
    online: bool
    last_beat: float | None
    """Seconds since the epoch of the last heartbeat (None: none yet)."""
    age_s: float | None
    """Seconds since that heartbeat."""
    timeout_s: float
    detail: str = ""
    """The last failure, if any."""

    def to_json(self) -> dict[str, Any]:
        return {"online": self.online, "last_beat": self.last_beat,
                "age_s": None if self.age_s is None else round(self.age_s, 1),
                "timeout_s": None if math.isinf(self.timeout_s) else self.timeout_s,
                "detail": self.detail}


class Liveness:
    """Heartbeats of the runtime's services, thread-safe.

    Args:
        timeout_s: a service without a heartbeat for longer is offline, seconds.
        clock: seconds since the epoch (the scenario player hands in its simulated one).
    """

    def __init__(self, timeout_s: float = 60.0, clock: Callable[[], float] = time.time):
        if timeout_s <= 0:
            raise ValueError(f"liveness timeout must be positive seconds (got {timeout_s})")
        self.timeout_s = timeout_s
        self.clock = clock
        self._lock = threading.Lock()
        self._timeouts: dict[str, float] = {}
        self._beats: dict[str, float] = {}
        self._started: dict[str, float] = {}
        self._failed: dict[str, str] = {}
        self._detail: dict[str, str] = {}
        self._offline: set[str] = set()

    def watch(self, name: str, timeout_s: float | None = None) -> None:
        """Expect heartbeats from ``name`` from now on (its first one within the timeout;
        ``math.inf``: offline only while a failure is reported)."""
        with self._lock:
            self._timeouts[name] = timeout_s or self.timeout_s
            self._started.setdefault(name, self.clock())

    def unwatch(self, name: str) -> None:
        """``name`` ended on purpose (e.g. the WAV input ran out): no longer expected."""
        with self._lock:
            self._timeouts.pop(name, None)
            self._started.pop(name, None)
            self._failed.pop(name, None)
            self._offline.discard(name)

    def beat(self, name: str) -> None:
        """``name`` is working (a failure reported earlier is over)."""
        with self._lock:
            self._beats[name] = self.clock()
            self._failed.pop(name, None)

    def fail(self, name: str, why: str) -> None:
        """``name`` is not working now (offline at the next :meth:`check`)."""
        with self._lock:
            self._failed[name] = why
            self._detail[name] = why

    @property
    def watched(self) -> tuple[str, ...]:
        with self._lock:
            return tuple(self._timeouts)

    def _why_down(self, name: str, now: float) -> str | None:
        if name in self._failed:
            return self._failed[name]
        since = self._beats.get(name, self._started.get(name, now))
        if now - since > self._timeouts[name]:
            return f"no heartbeat for {now - since:.0f} s"
        return None

    def check(self) -> list[Change]:
        """The services that went offline or came back since the last check."""
        now = self.clock()
        changes: list[Change] = []
        with self._lock:
            for name in self._timeouts:
                why = self._why_down(name, now)
                if why is not None and name not in self._offline:
                    self._offline.add(name)
                    changes.append(Change(name, False, why))
                elif why is None and name in self._offline:
                    self._offline.discard(name)
                    changes.append(Change(name, True, "heartbeat again"))
        return changes

    def offline(self) -> tuple[str, ...]:
        """Services offline as of the last :meth:`check`."""
        with self._lock:
            return tuple(sorted(self._offline))

    def states(self) -> dict[str, ServiceState]:
        now = self.clock()
        with self._lock:
            out = {}
            for name, timeout in self._timeouts.items():
                last = self._beats.get(name)
                out[name] = ServiceState(name, self._why_down(name, now) is None, last,
                                         None if last is None else max(0.0, now - last),
                                         timeout, self._detail.get(name, ""))
            return out


def _failure(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class WatchedIntentModel:
    """An intent model whose crashes are reported and survived.

    A model that raises leaves the turn to the plain-safety-words net: the utterance is
    returned as ``out_of_scope`` with score 0, which :mod:`device.safety` still checks for
    "help", "I fell" and the like. Anything else of the model is passed through.
    """

    def __init__(self, model: Any, liveness: Liveness, name: str = "intent") -> None:
        self._model = model
        self._liveness = liveness
        self._name = name
        self.failures = 0

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._model, attr)

    def _fallback(self, text: str, exc: Exception) -> Any:
        from device.intent import IntentResult

        self.failures += 1
        log.error("intent model failed on %r; the safety-words net decides", text,
                  exc_info=exc)
        self._liveness.fail(self._name, _failure(exc))
        return IntentResult(text, "out_of_scope", 0.0)

    def classify(self, text: str) -> Any:
        try:
            result = self._model.classify(text)
        except Exception as exc:  # noqa: BLE001 - logged, reported; the net still decides
            return self._fallback(text, exc)
        self._liveness.beat(self._name)
        return result

    def classify_batch(self, texts: Any) -> list[Any]:
        texts = list(texts)
        try:
            results = list(self._model.classify_batch(texts))
        except Exception as exc:  # noqa: BLE001 - as classify
            return [self._fallback(t, exc) for t in texts]
        self._liveness.beat(self._name)
        return results


class WatchedSpeaker:
    """A ``speech.tts.Speaker`` whose failures are reported to liveness (and raised)."""

    def __init__(self, speaker: Any, liveness: Liveness, name: str = "tts") -> None:
        self._speaker = speaker
        self._liveness = liveness
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._speaker, attr)

    def _call(self, method: str, *args: Any) -> Any:
        try:
            out = getattr(self._speaker, method)(*args)
        except Exception as exc:
            self._liveness.fail(self._name, _failure(exc))
            raise
        self._liveness.beat(self._name)
        return out

    def to_wav(self, text: str, path: Any) -> Any:
        return self._call("to_wav", text, path)

    def say(self, text: str) -> Any:
        return self._call("say", text)


class WatchedRecognizer:
    """A ``speech.asr.Recognizer`` that reports each final transcript (or failure)."""

    def __init__(self, recognizer: Any, liveness: Liveness, name: str = "asr") -> None:
        self._recognizer = recognizer
        self._liveness = liveness
        self._name = name
        self.last: Any = None
        """The last final transcript (the runtime's error boundary reads it when a turn
        fails after the recognizer heard it)."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._recognizer, attr)

    def accept(self, pcm: bytes) -> Any:
        try:
            return self._recognizer.accept(pcm)
        except Exception as exc:
            self._liveness.fail(self._name, _failure(exc))
            raise

    def final(self) -> Any:
        try:
            out = self._recognizer.final()
        except Exception as exc:
            self._liveness.fail(self._name, _failure(exc))
            raise
        self._liveness.beat(self._name)
        self.last = out
        return out
