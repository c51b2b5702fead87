"""The safety decision of one utterance: alert at once, ask the safety question, or answer
it as an ordinary request (docs/safety-path.md, "The decision").

Inputs: the label the model (or an ASR n-best alternative, see
:func:`device.pipeline.Assistant.respond_transcript`) gave, its probabilities, the words,
the settings (``safety.confirm``, ``safety.confident``) and the model's own
``safety_thresholds`` (docs/contracts.md). In order:

1. A label that only an ASR alternative gave is doubtful: ask (alert if confirm is off).
2. Plain safety words (:func:`device.safety.is_safety_phrase`, negation-aware) with a model
   that agrees (a safety label at or above its ask threshold) alert at once; under another
   label they ask (alert at once if confirm is off): the words net never lets them pass.
   A long turn with such words that the model reads as no call whole is read again by its
   later parts (as in step 5): where they read as a call at the label's alert threshold,
   it alerts at once (``words_tail``: "..., and i was going to tell you about the dinner
   she made, but i've come over all peculiar, my chest's crushing"), and where they read
   as a call at the ask threshold, the typed floors below never answer it.
   Words that only the hybrid recognizer's fast path heard (``fast_path``) alert at once
   only where the model reaches its alert threshold; under it they ask, and Whisper's
   second opinion of the same utterance may raise the alert a moment later
   (:meth:`device.pipeline.Assistant.second_opinion`). With ``safety.typed_words_floor``
   set (off by default: measured, it missed a call written blind), typed words
   (``typed``) that the model, with its thresholds, gives a safety probability under it
   are answered as an ordinary request instead of asked about ("help, what's the time").
   ``safety.typed_stock_words_floor`` (on, 0.002) does the same for typed sentences whose
   only call words are a call's stock words (:func:`device.safety.stock_words_only`:
   "help", "ambulance", "stroke", "collapsed", ...), which the model was taught calls in:
   "i used to work the emergency switchboard" is answered; words that tell what is
   happening ("water's pouring through the ceiling onto the fuse box") always ask.
   Spoken words always ask: a misheard call reads as nonsense to the model.
3. A sentence that denies a call for help, uses its words in a figure of speech, or
   tells of a fall long past or one that might happen
   (:func:`device.safety.is_negated_call`: "no, i don't need an ambulance", "i fell
   asleep") never alerts: it is answered as its best non-safety label, or as a no where
   it denies. Out of the blue, a denial beside a request or a report is answered as that
   ("ring my son and tell him i haven't fallen" makes the call; :data:`NOT_A_REQUEST`,
   :data:`REQUEST_WORDS`), unless it is for some day ("if i ever have a fall, ring michael
   first, not the ambulance": :func:`device.safety.is_for_some_day`); in answer to a
   question it is a no. A denial by its first word alone ("no, ...":
   :func:`device.safety.only_a_leading_no`) whose words the model reads as a call at or
   above its ask threshold ("no, i really need help") is asked about instead.
4. The safety label with the highest probability p: p >= alert: alert at once;
   ask <= p < alert: ask (alert if confirm is off); p < ask: answered as the best
   non-safety label. A model without thresholds: alert = ``safety.confident``, and any
   safety top label asks. A sentence whose call words are only a mention
   (:func:`device.safety.is_mention`: "an ambulance went past with its siren going", "my
   flat is on the ground floor") is asked about rather than alerted at once, however sure
   the model is: what makes it sure may be those very words.
5. A long turn (``safety.long_turn_words`` words or more) that step 4 would answer is
   read again by its later parts (:func:`device.safety.turn_tails`, each scored by the
   model: ``read_tails``, called only here): where two of them (:data:`TAILS_THAT_AGREE`),
   neither a denial nor a mention, reach their safety label's ask threshold, the turn is
   asked about (alert at once if confirm is off), never alerted at once: "I was reading
   the paper out loud to the cat, and halfway through a sentence my words came out all
   jumbled, and now my right hand won't hold the cup" is a call the model, taught on short
   turns, reads as the story before it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from device import safety
from device.labels import OUT_OF_SCOPE, SAFETY_LABELS
from device.settings_sections import SafetySettings

__all__ = ["ROUTES", "TAILS_THAT_AGREE", "SafetyDecision", "Thresholds", "decide",
           "thresholds_of"]

ROUTES = ("alert", "ask", "answer")


@dataclass(frozen=True)
class Thresholds:
    """Two thresholds on the calibrated probability of one safety label."""

    alert: float
    """At or above: alert at once."""
    ask: float
    """At or above (and below ``alert``): ask the safety question; below: not safety."""

    def __post_init__(self) -> None:
        ok = all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                 for v in (self.alert, self.ask))
        if not ok or not 0.0 <= self.ask <= self.alert <= 1.0:
            raise ValueError(f"safety_thresholds need 0 <= ask <= alert <= 1 (got alert "
                             f"{self.alert!r}, ask {self.ask!r})")


def thresholds_of(model: Any) -> dict[str, Thresholds] | None:
    """The model's ``safety_thresholds`` (docs/contracts.md), or None when it has none:
    ``{label: {"alert": A, "ask": Q}}`` as in config.json, or ``{label: (A, Q)}`` as
    ``device.intent.IntentModel.safety_thresholds`` gives them.

    Raises:
        ValueError: malformed thresholds (a label that is not a safety label, a missing
            or out-of-range value).
    """
    raw = getattr(model, "safety_thresholds", None)
    if raw is None:
        return None
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"the model's safety_thresholds must be a non-empty object, got "
                         f"{raw!r}")
    out: dict[str, Thresholds] = {}
    for label, t in raw.items():
        if label not in SAFETY_LABELS:
            raise ValueError(f"safety_thresholds: {label!r} is not a safety label "
                             f"({', '.join(SAFETY_LABELS)})")
        if isinstance(t, Thresholds):
            out[label] = t
            continue
        if isinstance(t, (tuple, list)) and len(t) == 2:  # IntentModel: (alert, ask)
            out[label] = Thresholds(t[0], t[1])
            continue
        if not isinstance(t, dict) or "alert" not in t or "ask" not in t:
            raise ValueError(f"safety_thresholds.{label} must be {{\"alert\": A, \"ask\": Q}}")
        out[label] = Thresholds(t["alert"], t["ask"])
    return out


@dataclass(frozen=True)
class SafetyDecision:
    """What to do with one utterance."""

    route: str
    """alert (at once), ask (the safety question) or answer (as ``intent``)."""
    intent: str
    """alert/ask: the safety label; answer: the label the utterance is answered as."""
    p: float | None
    """Probability of the safety label behind the decision (None: unknown, certain)."""
    reason: str
    """words, words_tail, words_only, words_below_floor, stock_words_below_floor,
    fast_unsure, alternative, model, mention, band, leading_no, tail,
    denied, below_ask, not_safety."""
    from_alternative: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"route": self.route, "intent": self.intent, "p": self.p,
                "reason": self.reason, "from_alternative": self.from_alternative}


def _best_other(scores: dict[str, float] | None, fallback: str, floor: float) -> str:
    others = {k: v for k, v in (scores or {}).items() if k not in SAFETY_LABELS}
    if not others:
        return fallback
    label, p = max(others.items(), key=lambda kv: kv[1])
    return label if p >= floor else OUT_OF_SCOPE


def _answer_as(intent: str, scores: dict[str, float] | None, floor: float) -> str:
    """The label an utterance not taken as a safety event is answered as: its own, or for
    a safety label the best other one (out_of_scope under `floor`)."""
    return intent if intent not in SAFETY_LABELS else _best_other(scores, OUT_OF_SCOPE, floor)


NOT_A_REQUEST = frozenset({"deny", "affirm", "stop", OUT_OF_SCOPE})
"""Labels a denial said out of the blue is answered as a no, not as its label (step 3):
the rest are requests or reports ("ring my son and tell him i'm fine" is a call to
make, "not an emergency, but my eyes are itchy" a symptom to answer)."""

REQUEST_WORDS = 4
"""How many words a denial out of the blue must have beside it to be answered as a request
(:func:`device.safety.words_beside_denial`): "message david and say i'm fine" has four;
"no, i don't need help", "i haven't fallen today, thank you" and "i'm fine, don't ring my
daughter" have none, and are a no whatever label the model gives them."""


TAILS_THAT_AGREE = 2
"""How many later parts of a long turn must read as a call before it is asked about (step
5). One part alone is often a story's aside the model reads out of its place ("... so
what's a breakfast that's filling and tastes of something but won't get me told off");
a call told at the end of a turn reads as one from each of its last few places. Measured
on every typed file, for turns of 20 words or more: one part asked about 9 other sentences
of some 4,300, two 6, and both caught the same 12 calls (docs/safety-path.md, "A call at
the end of a long turn")."""


def _top_safety(scores: dict[str, float]) -> tuple[str, float]:
    """The safety label with the highest probability in ``scores``, and that probability."""
    return max(((k, float(scores.get(k, 0.0))) for k in SAFETY_LABELS), key=lambda kv: kv[1])


def _tail_call(tails: Sequence[tuple[str, dict[str, float]]],
               thresholds: dict[str, Thresholds] | None,
               confident: float) -> tuple[str, float, str] | None:
    """(safety label, probability, words) of the later part of a long turn that the model
    reads as a call (step 5): at or above the label's ask threshold (a model without
    thresholds: a safety top label), neither a denial nor a mention; the most probable
    one, where at least :data:`TAILS_THAT_AGREE` parts read so; else None."""
    best: tuple[str, float, str] | None = None
    agree = 0
    for words, part_scores in tails:
        if not part_scores:
            continue
        label, p = _top_safety(part_scores)
        if thresholds is not None:
            reached = p >= thresholds.get(label, Thresholds(confident, 0.0)).ask
        else:
            reached = max(part_scores, key=lambda k: part_scores[k]) in SAFETY_LABELS
        if reached and not safety.is_negated_call(words) and not safety.is_mention(words):
            agree += 1
            if best is None or p > best[1]:
                best = (label, p, words)
    return best if agree >= TAILS_THAT_AGREE else None


def decide(intent: str, text: str, score: float | None, settings: SafetySettings, *,
           scores: dict[str, float] | None = None,
           thresholds: dict[str, Thresholds] | None = None,
           from_alternative: int = 0, answer_floor: float = 0.0,
           fast_path: bool = False, typed: bool = False,
           read_tails: Callable[[], Sequence[tuple[str, dict[str, float]]]] | None = None,
           answering: bool = False) -> SafetyDecision:
    """Decide one utterance (see the module doc).

    Args:
        intent: the label given (the model's, or a safety label an ASR alternative raised).
        text: the words that label came from.
        score: its probability (None: unknown, counted as certain).
        settings: ``safety.confirm`` and ``safety.confident``.
        scores: every label's probability (the model's ``IntentResult.scores``).
        thresholds: the model's ``safety_thresholds`` (None: the settings' rule).
        from_alternative: k > 0 when the label came from the k-th ASR alternative.
        answer_floor: the model's out_of_scope threshold, for the label an utterance is
            answered as when it is not taken as a safety event.
        fast_path: the words are the hybrid's fast path's alone (a "fast-safety"
            transcript, ``asr.fast_second_opinion``): plain words alert at once only at the
            model's alert threshold, else ask (step 2).
        typed: the words were typed, not heard: words the model is sure are no call
            (``safety.typed_words_floor``) are answered (step 2).
        read_tails: gives the later parts of a long turn with the model's probabilities
            of each (:func:`device.safety.turn_tails`; empty for a short turn); called only
            when the whole turn would be answered (step 5), so that a turn decided before
            it costs no more model runs.
        answering: the device has just asked something ("Is it getting worse?"), so a
            symptom told as usual or eased ("it's settled now") is a no; out of the blue it
            is answered as what it is (:func:`device.safety.is_denial`).
    """
    confirm = settings.confirm
    not_sure = "ask" if confirm else "alert"
    words = safety.safety_label_of_words(text)
    p: float | None
    if thresholds is not None and scores:
        label, p = _top_safety(scores)
        limits = thresholds.get(label, Thresholds(settings.confident, 0.0))
        candidate = p >= limits.ask
        alert_at = limits.alert
    else:
        label, p = intent, score
        candidate = intent in SAFETY_LABELS
        alert_at = settings.confident
    if from_alternative > 0 and (intent in SAFETY_LABELS or words):
        return SafetyDecision(not_sure, intent if intent in SAFETY_LABELS else str(words),
                              score, "alternative", from_alternative)
    if words is not None:
        if fast_path and candidate and p is not None and p < alert_at:
            return SafetyDecision(not_sure, label, p, "fast_unsure")
        if candidate or score is None:
            return SafetyDecision("alert", label if candidate else words, p, "words")
        # (an alternative's words were decided above: from_alternative is 0 here)
        tail = (_tail_call(read_tails(), thresholds, settings.confident)
                if read_tails is not None else None)
        if tail is not None and thresholds is not None and \
                tail[1] >= thresholds.get(tail[0], Thresholds(settings.confident, 0.0)).alert:
            # plain call words, and the later parts of a long turn read as a call as surely
            # as the model's alert threshold: "..., and i was going to tell you about the
            # lovely dinner she made, but i've come over all peculiar, my chest's crushing"
            return SafetyDecision("alert", tail[0], tail[1], "words_tail")
        if typed and tail is None and thresholds is not None and scores and p is not None:
            if p < settings.typed_words_floor:
                return SafetyDecision("answer", _answer_as(intent, scores, answer_floor), p,
                                      "words_below_floor")
            if p < settings.typed_stock_words_floor and safety.stock_words_only(text):
                return SafetyDecision("answer", _answer_as(intent, scores, answer_floor), p,
                                      "stock_words_below_floor")
        return SafetyDecision(not_sure, words, p, "words_only")
    if safety.is_negated_call(text):
        answer = _answer_as(intent, scores, answer_floor)
        if safety.is_denial(text, answering):  # "no, i don't need help": a no, whatever the label
            if candidate and safety.only_a_leading_no(text):
                # "no" and then words the model reads as a call ("no, i really need help"):
                # a no that denies nothing else is asked about, never answered as a no
                return SafetyDecision(not_sure, label, p, "leading_no")
            if not answering and answer not in NOT_A_REQUEST and \
                    not safety.is_for_some_day(text) and \
                    len(safety.words_beside_denial(text)) >= REQUEST_WORDS:
                # out of the blue, a no beside a request is said for the request: "ring my
                # son and tell him i haven't fallen", "i haven't fallen, put the light on"
                return SafetyDecision("answer", answer, p, "denied")
            return SafetyDecision("answer", "deny", p, "denied")
        if answer in ("out_of_scope", "deny") and safety.is_as_usual(text):
            # "my blood pressure's up again" out of the blue: a symptom to answer as one
            # (is it getting worse?), neither "All right." nor "I did not understand"
            answer = "symptom_report"
        return SafetyDecision("answer", answer, p, "denied")
    if not candidate:
        if from_alternative == 0 and read_tails is not None and (
                found := _tail_call(read_tails(), thresholds, settings.confident)):
            return SafetyDecision(not_sure, found[0], found[1], "tail")
        return SafetyDecision("answer", _answer_as(intent, scores, answer_floor), p,
                              "below_ask" if intent in SAFETY_LABELS else "not_safety")
    if p is None or p >= alert_at:
        if safety.is_mention(text):  # "my flat is on the ground floor": ask first
            return SafetyDecision(not_sure, label, p, "mention")
        return SafetyDecision("alert", label, p, "model")
    return SafetyDecision(not_sure, label, p, "band")
