"""The intent of a spoken utterance from the ASR n-best, not only its 1-best.

A missed emergency is the worst error the device can make (DESIGN.md, safety rule). When
the 1-best transcript does not classify as a safety label but one of the next
`safety_from_alternatives` ASR hypotheses does (``Transcript.alternatives``; ask the engine
for them with ``nbest=``), the safety label is taken: the recognizer was unsure between
words that mean "help" and words that do not. Everything else follows the 1-best.

Except when the 1-best was understood: when it classifies as an ordinary request (not a
safety label, not out_of_scope) with at least `understood_best` probability, an alternative
raises a safety label only at the model's alert threshold for that label. A recognizer sure
of "my foot hurts" must not turn into a safety question because its next guess was "my fault
hurts" (the intent model gives that 0.57 emergency_help); a garbled 1-best ("mum fast
forward") still lets the alternative ("mum has fallen") be asked about. Measured on the
recorded speech benchmark: docs/speech.md, "Alternatives under an understood 1-best".
Nor do an alternative's plain safety words when the understood 1-best says them too
(`shared_call_words`): "help me i'm too the heating up" under "help me um turn the heating
up" differs from it only in the words that made its "help me" a request.

A call the recognizer misheard as near-sounding words ("alert my car alert") may still be
read by its sounds (`sounds_like`, speech.sounds_like): the transcript with the call phrase
in place counts as one more alternative, after the recognizer's own.

    rec = create_recognizer("pocketsphinx", nbest=3)
    result = spoken_intent(model, rec.final())     # model: device.intent.IntentModel

The model is anything with ``classify_batch(texts) -> [result with .intent]`` (the device's
IntentModel); this module imports nothing from the device package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from speech.asr import Transcript

__all__ = ["SAFETY_LABELS", "SpokenIntent", "sounds_like_reading", "spoken_intent"]

SAFETY_LABELS = ("emergency_help", "fall_report")
OUT_OF_SCOPE = "out_of_scope"
NO_SPEECH = OUT_OF_SCOPE
"""The label of a transcript with nothing heard."""


class _Classifier(Protocol):
    def classify_batch(self, texts: Iterable[str]) -> list[Any]: ...


@dataclass(frozen=True)
class SpokenIntent:
    """The decided intent of one transcript."""

    intent: str
    """The label decided (see module doc)."""
    text: str
    """The hypothesis the label came from (the 1-best unless an alternative raised safety)."""
    from_alternative: int
    """0 for the 1-best, k for the k-th alternative."""
    result: Any
    """The classifier's own result for `text` (None when nothing was heard)."""
    sounds_like: str = ""
    """The heard words that `text` reads as a call ("alert my car"), when the label came
    from a sounds-like reading (``sounds_like`` of :func:`spoken_intent`); else empty."""

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "text": self.text, "sounds_like": self.sounds_like,
                "from_alternative": self.from_alternative}


def _alert_bar(model: Any, label: str, fallback: float) -> float:
    """The probability at which `model` alerts for `label` at once; `fallback` for a model
    without safety thresholds (see spoken_intent)."""
    thresholds = getattr(model, "safety_thresholds", None)
    if isinstance(thresholds, dict) and label in thresholds:
        return float(thresholds[label][0])
    return fallback


def spoken_intent(model: _Classifier, transcript: Transcript,
                  safety_from_alternatives: int = 3,
                  safety_labels: Sequence[str] = SAFETY_LABELS,
                  safety_phrase: Callable[[str], str | None] | None = None,
                  not_a_call: Callable[[str], bool] | None = None,
                  understood_best: float | None = None,
                  sounds_like: Callable[[str], Any] | None = None,
                  shared_call_words: Callable[[str, str], bool] | None = None
                  ) -> SpokenIntent:
    """Decide the intent of `transcript` (see module doc).

    Args:
        model: the intent classifier.
        transcript: a final transcript, with alternatives when the engine gave them.
        safety_from_alternatives: how many alternatives may raise a safety label (0: the
            1-best alone decides).
        safety_phrase: optional rule on plain words (the device passes its safety lexicon):
            text -> a safety label, or None. When no hypothesis was classified as safety,
            an alternative whose words the rule recognises ("i fell", "ambulance") raises
            that label too. (The device applies its rule to the 1-best itself.)
        not_a_call: optional rule on plain words (the device passes
            ``device.safety.is_negated_call``): an alternative it holds to be no call
            ("my friend matthew fell over at school last week") raises nothing.
        understood_best: a 1-best classified as an ordinary request (not safety, not
            out_of_scope) with at least this probability is understood: an alternative then
            raises a safety label only with the model's alert probability for it
            (``model.safety_thresholds``; a model without them: `understood_best` itself).
            The words rule (`safety_phrase`) still applies. None: no such rule.
        sounds_like: optional reader of misheard calls (the device passes
            ``speech.sounds_like.SoundsLike.match``): text -> a match with ``.reading`` (the
            text with a call phrase in place of the words that sound like it) and
            ``.words``, or None. Used with `safety_phrase` and only when alternatives may
            raise safety (`safety_from_alternatives` > 0): when nothing else raised a safety
            label, the first hypothesis (1-best, then alternatives) whose own words say no
            call and are not `not_a_call`, and whose reading `safety_phrase` holds as a call
            (and `not_a_call` does not), gives that label with ``from_alternative`` one past
            the alternatives used: like an alternative's, it is asked about, never alerted
            at once.
        shared_call_words: optional rule on two hypotheses (the device passes
            ``device.safety.call_words_also_in``): (alternative, 1-best) -> whether every
            safety phrase of the alternative's words is said in the 1-best too. Under an
            understood 1-best (`understood_best`), such an alternative's words raise nothing.
    Raises:
        ValueError: negative `safety_from_alternatives`, `understood_best` outside (0, 1].
    """
    if safety_from_alternatives < 0:
        raise ValueError("safety_from_alternatives must be >= 0")
    if understood_best is not None and not 0.0 < understood_best <= 1.0:
        raise ValueError(f"understood_best must be in (0, 1] (got {understood_best!r})")
    heard = transcript.text.strip()
    best = model.classify_batch([transcript.text])[0] if heard else None
    if best is not None and best.intent in safety_labels:
        return SpokenIntent(best.intent, transcript.text, 0, best)
    alts = [a for a in transcript.alternatives if a.strip()][:safety_from_alternatives]
    if not_a_call is not None:
        alts = [a for a in alts if not not_a_call(a)]
    # an understood 1-best lets an alternative raise safety only at the alert threshold
    understood_at = understood_best if (
        understood_best is not None and best is not None and best.intent != OUT_OF_SCOPE
        and float(best.score) >= understood_best) else None
    results = []
    for k, alt in enumerate(alts, 1):
        # one at a time: a batch pads, and int8 activation scales then differ per batch
        res = model.classify_batch([alt])[0]
        results.append(res)
        if res.intent in safety_labels and (
                understood_at is None
                or float(res.score) >= _alert_bar(model, res.intent, understood_at)):
            return SpokenIntent(res.intent, alt, k, res)
    if safety_phrase is not None:
        for k, (alt, res) in enumerate(zip(alts, results, strict=True), 1):
            label = safety_phrase(alt)
            if label is not None and label in safety_labels and not (
                    understood_at is not None and shared_call_words is not None
                    and shared_call_words(alt, heard)):
                return SpokenIntent(label, alt, k, res)
    if sounds_like is not None and safety_phrase is not None and safety_from_alternatives > 0:
        found = sounds_like_reading([heard, *alts], sounds_like, safety_phrase, not_a_call,
                                    safety_labels)
        if found is not None:
            label, _, m = found
            return SpokenIntent(label, m.reading, len(alts) + 1, best, sounds_like=m.words)
    if best is None:
        return SpokenIntent(intent=NO_SPEECH, text="", from_alternative=0, result=None)
    return SpokenIntent(best.intent, transcript.text, 0, best)


def sounds_like_reading(hypotheses: Iterable[str], sounds_like: Callable[[str], Any],
                        safety_phrase: Callable[[str], str | None],
                        not_a_call: Callable[[str], bool] | None = None,
                        safety_labels: Sequence[str] = SAFETY_LABELS
                        ) -> tuple[str, str, Any] | None:
    """(safety label, hypothesis, match) of the first hypothesis read as a call by its
    sounds, or None (the rule of :func:`spoken_intent`'s `sounds_like`): a hypothesis whose
    own words `safety_phrase` holds as a call, or `not_a_call` as no call, is read as it
    is; else its reading must be no `not_a_call` and a call to `safety_phrase`."""
    for hyp in hypotheses:
        if not hyp or safety_phrase(hyp) is not None or (
                not_a_call is not None and not_a_call(hyp)):
            continue  # its own words were read as they are
        m = sounds_like(hyp)
        if m is None or (not_a_call is not None and not_a_call(m.reading)):
            continue
        label = safety_phrase(m.reading)
        if label is not None and label in safety_labels:
            return label, hyp, m
    return None
