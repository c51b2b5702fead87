"""One conversational turn: (audio ->) ASR -> intent -> slots -> dialogue -> TTS, and the
actions the reply asks for (alerts to caregivers, volume, reminders, calls, home control).

The safety path is decided here and nowhere else (docs/safety-path.md): typed text is
classified as it is; spoken input from the whole ASR transcript with
:func:`speech.spoken_intent.spoken_intent` (the 1-best decides, except that one of the
first ``safety_from_alternatives`` n-best alternatives may raise a safety label the 1-best
missed: by the model's label, or by plain safety words in it). The label, its
probabilities, the words and the model's ``safety_thresholds`` then go through
:func:`device.safety_decision.decide` (alert at once, ask, or answer as an ordinary
request; a label from an alternative always asks) and the question
(:class:`device.confirm.SafetyConfirmer`); the alert is stored by the
:class:`~device.executor.ActionExecutor`, whose outcome says what really happened, and
a question is cleared only once its alert is stored. Benchmarks call
:meth:`Assistant.respond_transcript`.

The parts are handed in already built (see :mod:`device.loaders`), so tests and the demo
pick real or hand-written ones. Every stage is timed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.replies import Outcome, Reply
from device.safety import call_words_also_in, is_negated_call, safety_label_of_words, turn_tails
from device.safety_decision import thresholds_of
from device.settings import SpokenSettings
from device.slots import extract_slots

if TYPE_CHECKING:  # speech.asr pulls in numpy: imported where audio is handled
    from speech.asr import Transcript

__all__ = ["ActionExecutor", "Assistant", "Turn"]

log = logging.getLogger(__name__)


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000.0, 1)


@dataclass(frozen=True)
class Turn:
    """What happened in one turn."""

    heard: str
    """The transcript (audio input) or the typed text."""
    intent: str
    """The classifier's label (after the n-best rule); what the device made of it is in
    ``safety`` and ``reply.intent``."""
    score: float
    """Intent probability, 0..1."""
    reply: Reply
    source: str = "text"
    """"text", the input WAV path, "timeout" (an unanswered safety question) or
    "second_opinion" (Whisper heard the call that the fast path's words were asked about)."""
    wav_out: str | None = None
    """Reply audio file, if written."""
    alerts: tuple[str, ...] = ()
    """Ids of the alerts raised (stored, or held in memory and retried)."""
    timings_ms: dict[str, float] = field(default_factory=dict)
    """Per stage: asr, intent, dialogue, actions, tts, total (milliseconds)."""
    hypothesis: str = ""
    """The text the intent was decided from: ``heard``, or the ASR n-best alternative that
    raised a safety label (for a timeout turn, the unanswered question's text)."""
    from_alternative: int = 0
    """0: the intent came from ``heard`` (1-best or typed); k: from the k-th alternative;
    one past the alternatives used: from a sounds-like reading (``hypothesis`` holds it;
    speech.sounds_like)."""
    alternatives: tuple[str, ...] = ()
    """The ASR n-best alternatives of the utterance, best first (1-best excluded)."""
    outcomes: tuple[Outcome, ...] = ()
    """What really happened to each of the reply's actions, in order."""
    safety: str = ""
    """The safety decision: alert (at once), ask, answer (not taken as a safety event);
    "" for an answer to the safety question, a timeout or a second opinion
    (docs/safety-path.md)."""
    tts_error: str = ""
    """Why the reply audio could not be made ("" when it was, or none was asked for): the
    turn and its actions stand; the runtime reports the failure (docs/runtime.md)."""

    @property
    def say(self) -> str:
        """What the device says: the dialogue's text, then each outcome's sentence (the
        outcome rule, docs/contracts.md)."""
        return " ".join(p for p in (self.reply.text, *(o.say for o in self.outcomes)) if p)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "heard": self.heard, "intent": self.intent,
                "score": self.score, "hypothesis": self.hypothesis,
                "from_alternative": self.from_alternative,
                "alternatives": list(self.alternatives), "reply": self.reply.to_json(),
                "wav_out": self.wav_out, "alerts": list(self.alerts),
                "outcomes": [o.to_json() for o in self.outcomes], "say": self.say,
                "safety": self.safety, "timings_ms": dict(self.timings_ms),
                "tts_error": self.tts_error}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Turn:
        return cls(str(d["heard"]), str(d["intent"]), float(d["score"]),
                   Reply.from_json(d["reply"]), str(d.get("source", "text")), d.get("wav_out"),
                   tuple(d.get("alerts", [])),
                   {str(k): float(v) for k, v in d.get("timings_ms", {}).items()},
                   str(d.get("hypothesis", d["heard"])), int(d.get("from_alternative", 0)),
                   tuple(str(a) for a in d.get("alternatives", [])),
                   tuple(Outcome.from_json(o) for o in d.get("outcomes", [])),
                   str(d.get("safety", "")), str(d.get("tts_error", "")))


class Assistant:
    """The turn pipeline.

    Args:
        intent_model: ``device.intent.IntentModel`` (anything with ``classify(text)`` and,
            for audio, ``classify_batch(texts)``).
        dialogue: the dialogue manager (holds the conversation state).
        executor: carries out actions.
        recognizer: ``speech.asr.Recognizer`` for WAV input (None: text only).
        speaker: ``speech.tts.Speaker`` for reply WAVs (None: no audio out).
        out_dir: where reply WAVs go (None: not written).
        safety_from_alternatives: how many ASR n-best alternatives may raise a safety label
            the 1-best missed (``spoken.safety_from_alternatives``; 0: the 1-best alone).
        understood_best: the probability from which an ordinary 1-best counts as understood,
            so that an alternative needs the alert threshold to raise safety
            (``spoken.understood_best``; see speech.spoken_intent).
        sounds_like: the least score at which a transcript that sounds like a call phrase
            is read as that call and asked about (``spoken.sounds_like``; 0 or None: off;
            speech.sounds_like). Its dictionary is read here (once per process), so a
            missing one stops the start.
        fast_second_opinion: a "fast-safety" transcript (the hybrid recognizer's fast
            path heard a call's words) alerts at once only where the model reaches its
            alert threshold; under it the device asks at once, and :meth:`second_opinion`
            raises the alert as soon as Whisper's transcript of the same utterance alerts
            (``asr.fast_second_opinion``; docs/safety-path.md). False: any fast-path words
            the model agrees with alert at once.
    Raises:
        ValueError: a negative ``safety_from_alternatives``, a sounds-like score outside
            0..100.
        FileNotFoundError: (with ``sounds_like``) no pronunciation dictionary.
    """

    def __init__(self, intent_model: Any, dialogue: DialogueManager, executor: ActionExecutor,
                 recognizer: Any = None, speaker: Any = None,
                 out_dir: Path | None = None,
                 safety_from_alternatives: int = SpokenSettings.safety_from_alternatives,
                 understood_best: float | None = SpokenSettings.understood_best,
                 sounds_like: float | None = SpokenSettings.sounds_like,
                 fast_second_opinion: bool = True) -> None:
        if isinstance(safety_from_alternatives, bool) or \
                not isinstance(safety_from_alternatives, int) or safety_from_alternatives < 0:
            raise ValueError(f"safety_from_alternatives must be a whole number >= 0 (got "
                             f"{safety_from_alternatives!r}): set "
                             "spoken.safety_from_alternatives in the config")
        self.safety_from_alternatives = safety_from_alternatives
        self.understood_best = understood_best
        if sounds_like is not None and not 0.0 <= float(sounds_like) <= 100.0:
            raise ValueError(f"sounds_like must be a score in 0..100 (got {sounds_like!r}): "
                             "set spoken.sounds_like in the config")
        self.sounds_like = float(sounds_like or 0.0)
        self._sounds_like_reader: Any = None
        self.sounds_like_errors = 0
        """Sounds-like readings that failed (see _read_sounds)."""
        if self.sounds_like:
            from speech.sounds_like import shared_reader

            self._sounds_like_reader = shared_reader(self.sounds_like)
        self.fast_second_opinion = bool(fast_second_opinion)
        self.second_opinion_due = False
        """The last turn asked on a fast-path transcript the model was not sure of: Whisper's
        transcript of the same utterance may raise the alert (:meth:`second_opinion`)."""
        self.intent_model = intent_model
        self.dialogue = dialogue
        self.executor = executor
        self.recognizer = recognizer
        self.speaker = speaker
        self.out_dir = out_dir
        self._n = 0
        confirmer = dialogue.confirmer
        confirmer.thresholds = thresholds_of(intent_model)
        # spoken turns: the model's spoken ask threshold, where it has one (docs/contracts.md)
        spoken = getattr(intent_model, "spoken", None)
        self._spoken_model = spoken() if callable(spoken) else intent_model
        self._spoken_thresholds = thresholds_of(self._spoken_model)
        floor = getattr(intent_model, "threshold", 0.0)
        confirmer.answer_floor = float(floor) if isinstance(floor, (int, float)) else 0.0
        self._unstored: tuple[str, ...] | None = None
        """Alert ids of a resolved safety question whose alert is not stored yet."""

    def _read_sounds(self, text: str) -> Any:
        """The sounds-like reader's match of `text`, or None when the reader fails.

        The reading is a last net for calls misheard as other words; the model and the
        safety words have already decided the turn without it. A reader that fails (a
        missing package, a broken dictionary) must not take every spoken turn down with
        it: the failure is logged with its traceback each time and counted in
        ``sounds_like_errors``, and the turn goes on as if nothing sounded like a call."""
        try:
            return self._sounds_like_reader.match(text)
        except Exception as exc:  # noqa: BLE001 - logged with its cause and counted; see doc
            self.sounds_like_errors += 1
            log.error("sounds-like reading of %r failed; the turn goes on without it",
                      text, exc_info=exc)
            return None

    def _tails(self, model: Any, text: str) -> list[tuple[str, dict[str, float]]]:
        """The later parts of a long turn (``safety.long_turn_words``;
        device.safety.turn_tails), each with ``model``'s probabilities, for the safety
        decision's step 5, which alone calls this (a turn decided before it runs the model
        once); empty for a short turn or a model that gives no probabilities."""
        parts = turn_tails(text, self.dialogue.confirmer.settings.long_turn_words)
        if not parts:
            return []
        batch = getattr(model, "classify_batch", None)
        read = batch(parts) if batch is not None else [model.classify(t) for t in parts]
        return [(part, dict(r.scores)) for part, r in zip(parts, read, strict=True)
                if getattr(r, "scores", None)]

    def transcribe(self, wav: str | Path) -> tuple[Transcript, float]:
        """Transcript of a WAV file (with its n-best alternatives) and the ASR time in ms."""
        from speech.asr import transcribe_clip
        from speech.audio import read_wav

        if self.recognizer is None:
            raise ValueError("audio input needs a recognizer: set asr.engine in the config")
        t0 = time.perf_counter()
        clip = read_wav(wav, self.recognizer.sample_rate)
        transcript = transcribe_clip(self.recognizer, clip)
        return transcript, _ms(t0)

    def hear(self, wav: str | Path, stem: str | None = None) -> Turn:
        """One turn from a WAV file."""
        transcript, asr_ms = self.transcribe(wav)
        return self.respond_transcript(transcript, source=str(wav), stem=stem, asr_ms=asr_ms)

    def respond(self, text: str, source: str = "text", stem: str | None = None,
                asr_ms: float | None = None) -> Turn:
        """One turn from typed text: the classifier decides, and the safety decision reads
        the words as typed (device.safety_decision.decide, ``typed``)."""
        t_start = time.perf_counter()
        timings: dict[str, float] = {} if asr_ms is None else {"asr": asr_ms}
        t0 = time.perf_counter()
        result = self.intent_model.classify(text)
        timings["intent"] = _ms(t0)
        t0 = time.perf_counter()
        slots = extract_slots(result.intent, text)
        reply = self.dialogue.handle(result.intent, text, slots, score=float(result.score),
                                     scores=getattr(result, "scores", None), typed=True,
                                     read_tails=partial(self._tails, self.intent_model, text))
        timings["dialogue"] = _ms(t0)
        return self._carry_out(text, result.intent, float(result.score), reply, source, stem,
                               timings, t_start, asr_ms, hypothesis=text)

    def respond_transcript(self, transcript: Transcript, source: str = "audio",
                           stem: str | None = None, asr_ms: float | None = None) -> Turn:
        """One turn from a final ASR transcript: the intent is decided from its n-best (see
        the module doc). While a safety question waits for its answer, the 1-best alone
        decides, and so does a 1-best that denies a call for help: an alternative must not
        turn an explicit "no" into an alert."""
        from speech.spoken_intent import spoken_intent

        t_start = time.perf_counter()
        timings: dict[str, float] = {} if asr_ms is None else {"asr": asr_ms}
        t0 = time.perf_counter()
        # An alternative must not turn an explicit "no" into an alert: while a safety question
        # waits, or when the 1-best itself denies a call for help ("no emergency here").
        n_alt = 0 if (self.dialogue.pending_safety is not None
                      or is_negated_call(transcript.text)) else self.safety_from_alternatives
        reader = self._sounds_like_reader
        spoken = spoken_intent(self._spoken_model, transcript, safety_from_alternatives=n_alt,
                               safety_phrase=safety_label_of_words, not_a_call=is_negated_call,
                               understood_best=self.understood_best,
                               sounds_like=self._read_sounds if reader is not None else None,
                               shared_call_words=call_words_also_in)
        score = 1.0 if spoken.result is None else float(spoken.result.score)  # nothing heard
        timings["intent"] = _ms(t0)
        t0 = time.perf_counter()
        if spoken.sounds_like:
            log.info("heard %r: %r sounds like a call, read as %r: asking first",
                     transcript.text, spoken.sounds_like, spoken.text)
        elif spoken.from_alternative > 0:
            log.info("safety label %s from ASR alternative %d %r (1-best %r): asking first",
                     spoken.intent, spoken.from_alternative, spoken.text, transcript.text)
        slots = extract_slots(spoken.intent, spoken.text)
        pending_before = self.dialogue.pending_safety is not None
        fast_path = (self.fast_second_opinion and transcript.path == "fast-safety"
                     and not pending_before)
        reply = self.dialogue.handle(spoken.intent, spoken.text, slots, score=score,
                                     from_alternative=spoken.from_alternative,
                                     scores=getattr(spoken.result, "scores", None),
                                     sounds_like=spoken.sounds_like,
                                     thresholds=self._spoken_thresholds,
                                     fast_path=fast_path,
                                     read_tails=partial(self._tails, self._spoken_model,
                                                        spoken.text))
        decided = self.dialogue.confirmer.decision
        self.second_opinion_due = bool(fast_path and decided is not None
                                       and decided.route == "ask"
                                       and self.dialogue.pending_safety is not None)
        timings["dialogue"] = _ms(t0)
        return self._carry_out(transcript.text, spoken.intent, score, reply, source, stem,
                               timings, t_start, asr_ms, hypothesis=spoken.text,
                               from_alternative=spoken.from_alternative,
                               alternatives=tuple(transcript.alternatives))

    def second_opinion(self, transcript: Transcript | None) -> Turn | None:
        """Whisper's transcript of the utterance whose fast-path words the device has just
        asked about (:attr:`second_opinion_due`): when it alerts as a fresh utterance would
        (the model, the words net and the spoken thresholds; its own n-best), the pending
        question's alert is raised now, with Whisper's words in the caregivers' reason.
        Returns that turn, or None (the question stands and its answer or timeout
        decides). Only the question that asked for it is settled: once answered, or
        after another utterance, nothing happens."""
        from speech.spoken_intent import spoken_intent

        due, self.second_opinion_due = self.second_opinion_due, False
        pending = self.dialogue.pending_safety
        if not due or pending is None or transcript is None or not transcript.text.strip():
            return None
        t_start = time.perf_counter()
        spoken = spoken_intent(self._spoken_model, transcript,
                               safety_from_alternatives=self.safety_from_alternatives,
                               safety_phrase=safety_label_of_words, not_a_call=is_negated_call,
                               understood_best=self.understood_best,
                               shared_call_words=call_words_also_in)
        score = 1.0 if spoken.result is None else float(spoken.result.score)
        decision = self.dialogue.confirmer.decide(
            spoken.intent, spoken.text, score, spoken.from_alternative,
            getattr(spoken.result, "scores", None), self._spoken_thresholds)
        if decision.route != "alert":
            log.info("second opinion %r does not alert (%s): the question stands",
                     transcript.text, decision.reason)
            return None
        reply = self.dialogue.expire_pending(
            f'the recognizer\'s second pass heard "{transcript.text}"', "second_opinion")
        if reply is None:
            return None
        timings = {"asr": round(transcript.rtf * transcript.seconds * 1000.0, 1),
                   "dialogue": _ms(t_start)}  # asr: Whisper's decode of the utterance
        return self._carry_out(transcript.text, reply.intent, pending.score, reply,
                               "second_opinion", None, timings, t_start, timings["asr"],
                               hypothesis=pending.text,
                               alternatives=tuple(transcript.alternatives))

    def hear_second_opinion(self, recognizer: Any = None, clip: Any = None
                            ) -> tuple[Transcript | None, Turn | None]:
        """When a second opinion is due (:attr:`second_opinion_due`): ``recognizer``'s
        (default this assistant's) Whisper transcript of the utterance (``clip``, or the
        audio the recognizer still holds; ``HybridRecognizer.second_opinion``) and the
        turn :meth:`second_opinion` raised from it. (None, None) when none is due or the
        recognizer can give none. A recognizer that fails raises, the flag cleared: the
        question stands."""
        rec = self.recognizer if recognizer is None else recognizer
        if not self.second_opinion_due or not hasattr(rec, "second_opinion"):
            self.second_opinion_due = False
            return None, None
        try:
            heard = rec.second_opinion(clip)
        except BaseException:
            self.second_opinion_due = False
            raise
        return heard, self.second_opinion(heard)

    def tick(self, now: datetime | None = None, force: bool = False) -> Turn | None:
        """Time-driven dialogue work: the alert of a safety question left unanswered past
        its timeout (``force``: raise it now, e.g. at shutdown). None when nothing is due."""
        t_start = time.perf_counter()
        self._check_stored()
        pending = self.dialogue.pending_safety
        reply = self.dialogue.expire_pending() if force else self.dialogue.tick(now)
        if reply is None or pending is None:
            return None
        timings = {"dialogue": _ms(t_start)}
        return self._carry_out("", reply.intent, pending.score, reply, "timeout", None,
                               timings, t_start, None, hypothesis=pending.text,
                               from_alternative=pending.from_alternative)

    def _carry_out(self, heard: str, intent: str, score: float, reply: Reply, source: str,
                   stem: str | None, timings: dict[str, float], t_start: float,
                   asr_ms: float | None, hypothesis: str = "", from_alternative: int = 0,
                   alternatives: tuple[str, ...] = ()) -> Turn:
        t0 = time.perf_counter()
        decided = self.dialogue.confirmer.decision
        outcomes = tuple(self.executor.run(reply.actions))
        alert_ids = tuple(str(o.data["alert"]) for o in outcomes
                          if o.kind == "alert" and "alert" in o.data)
        self._settle_question(outcomes)
        timings["actions"] = _ms(t0)
        said = " ".join(p for p in (reply.text, *(o.say for o in outcomes)) if p)
        wav_out = None
        tts_error = ""
        if self.speaker is not None and self.out_dir is not None:
            t0 = time.perf_counter()
            self._n += 1
            self.out_dir.mkdir(parents=True, exist_ok=True)
            path = self.out_dir / f"reply-{stem or f'{self._n:03d}'}.wav"
            try:
                wav_out = str(self.speaker.to_wav(said, path))
            except Exception as exc:  # noqa: BLE001 - the actions are done: keep the turn
                log.exception("reply audio failed for %r; the turn and its actions stand", said)
                tts_error = f"{type(exc).__name__}: {exc}"
            timings["tts"] = _ms(t0)
        timings["total"] = round(_ms(t_start) + (asr_ms or 0.0), 1)
        route = "" if source in ("timeout", "second_opinion") or decided is None \
            else decided.route
        return Turn(heard, intent, score, reply, source, wav_out, alert_ids, timings,
                    hypothesis, from_alternative, alternatives, outcomes, route, tts_error)

    def _settle_question(self, outcomes: tuple[Outcome, ...]) -> None:
        """Store first, then clear: a safety question answered with an alert is forgotten
        only once that alert is in the outbox (docs/safety-path.md)."""
        confirmer = self.dialogue.confirmer
        alerts = [o for o in outcomes if o.kind == "alert"]
        if confirmer.resolving is None or not alerts:
            return
        if all(o.status in ("done", "stored") for o in alerts):
            self._unstored = None
            confirmer.alert_stored()
        else:  # held in memory by the alert service, or not sent at all: keep the file
            self._unstored = tuple(str(o.data["alert"]) for o in alerts if "alert" in o.data)
            log.error("safety alert not stored yet (%s): the question stays on disk",
                      ", ".join(o.status for o in alerts))

    def _check_stored(self) -> None:
        """Clear a resolved question once the alert service has stored its held alert."""
        service = self.executor.alerts
        ids = self._unstored
        if not ids or not hasattr(service, "is_held") or \
                self.dialogue.confirmer.resolving is None:
            return
        if not any(service.is_held(i) for i in ids):
            self._unstored = None
            self.dialogue.confirmer.alert_stored()

    def speak(self, text: str, stem: str) -> str | None:
        """Say (write) a proactive message, e.g. a due reminder."""
        if self.speaker is None or self.out_dir is None:
            return None
        self.out_dir.mkdir(parents=True, exist_ok=True)
        return str(self.speaker.to_wav(text, self.out_dir / f"{stem}.wav"))
