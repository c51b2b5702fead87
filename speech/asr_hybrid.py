"""The default recognizer: a fast domain path beside Whisper (docs/speech.md, "hybrid").

In the manner of Home Assistant's Speech-to-Phrase beside Whisper: the streaming
pocketsphinx domain decoder hears every utterance as it is spoken; at the end of speech

1. when its hypothesis carries a safety sign (plain safety words in its 1-best or n-best,
   the device's own rule), that transcript is returned at once, the safety hypothesis
   first among the alternatives: an emergency heard by the fast path never waits for
   Whisper. When its n-best is torn on the sign (some hypothesis lacks the safety words;
   ``torn_signs_ask``, on by default), its first hypothesis without them comes first and
   the signs follow as alternatives: the device then asks the safety question at once
   instead of alerting on the words alone (docs/speech.md, "The fast path's false alerts
   at once");
2. when it is sure (FastRule, fitted on a dev part of the spoken command set, never on
   the test part), its transcript is returned at once;
3. otherwise Whisper decodes the held audio and decides; the fast path's hypotheses that
   carry a safety sign are put first among Whisper's alternatives, so the device's safety
   decision (``device.pipeline.Assistant.respond_transcript``) sees either path's sign.
   When the fast path's 1-best is one of Whisper's own alternatives, word for word or
   within one word, the two recognizers agree on it: it becomes the 1-best, and of
   Whisper's other hypotheses those with a call's plain words stay as alternatives
   (:func:`agreed_best`; docs/speech.md, "When the two paths agree").

``last_path`` says which of "fast-safety", "fast" or "whisper" decided the last utterance.
Barge-in and "stop"/"help" spotting while the device speaks stay on the streaming engine
(speech.bargein); this recognizer is for the resident's turns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from speech.asr import Partial, Recognizer, Transcript, Word
from speech.audio import DEFAULT_RATE
from speech.metrics import edit_distance

__all__ = ["FAST_RULE", "FastRule", "HybridRecognizer", "agreed_best", "fast_transcript",
           "merge_hypotheses", "safety_hypotheses"]

PATHS = ("fast-safety", "fast", "whisper")


@dataclass(frozen=True)
class FastRule:
    """When the fast path's transcript is taken without Whisper."""

    min_conf: float = 0.9
    """Mean word posterior of the 1-best, 0..1 (above 1: never sure)."""
    min_word_conf: float = 0.5
    """Every word's posterior at least this."""
    min_words: int = 2
    """Shorter hypotheses are too easily made of noise."""
    agree_nbest: bool = True
    """No n-best alternative that differs from the 1-best (the decoder was not torn)."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_word_conf <= 1.0 or self.min_conf < 0.0:
            raise ValueError("FastRule confidences must be within 0..1 (min_conf > 1: off)")
        if self.min_words < 1:
            raise ValueError("FastRule.min_words must be >= 1")

    def sure(self, tr: Transcript) -> bool:
        if tr.confidence is None or len(tr.words) < self.min_words:
            return False
        if tr.confidence < self.min_conf:
            return False
        if any((w.conf or 0.0) < self.min_word_conf for w in tr.words):
            return False
        return not (self.agree_nbest and tr.alternatives)


FAST_RULE = FastRule(min_conf=2.0)
"""The rule shipped: never sure. Fitted on the dev part (bench/speech_results/
hybrid_rule.json, docs/speech.md): on every candidate that answered any clip, the fast
path's decision was wrong more often than Whisper's on the very clips it was sure of
(pocketsphinx's word posteriors are high on misheard commands too), so the fast path
answers on safety signs only and Whisper decides every other utterance."""


def _device_safety_words() -> Callable[[str], str | None]:
    # The device's plain-safety-words rule, so that both agree on what a safety sign is.
    from device.safety import safety_label_of_words

    return safety_label_of_words


class HybridRecognizer(Recognizer):
    """pocketsphinx domain decoder (streaming, fast) + faster-whisper (accurate).

    Args:
        model: the Whisper model ("base", "tiny.en" or a folder; None: base).
        sample_rate: Hz of the PCM fed in.
        threads: Whisper's CPU threads.
        language: the resident's language (Whisper's; the fast path is English).
        rule: when the fast path is sure (FAST_RULE).
        safety_words: text -> safety label or None (default: device.safety's rule).
        fast_options: options of the pocketsphinx domain engine (e.g. cmn_file).
        whisper_options: options of the Whisper engine (beam_size, nbest, device, prompt).
        torn_signs_ask: a safety sign that not every fast hypothesis carries is returned
            as an alternative behind the first hypothesis without it (see module doc).
    """

    name = "hybrid"

    def __init__(self, model: str | Path | None = None, sample_rate: int = DEFAULT_RATE,
                 threads: int = 2, language: str = "en", rule: FastRule = FAST_RULE,
                 safety_words: Callable[[str], str | None] | None = None,
                 fast_options: dict[str, Any] | None = None,
                 whisper_options: dict[str, Any] | None = None,
                 torn_signs_ask: bool = True) -> None:
        from speech.asr_pocketsphinx import create_domain
        from speech.asr_whisper import WhisperRecognizer

        super().__init__(sample_rate)
        self.rule = rule
        self.torn_signs_ask = torn_signs_ask
        self.safety_words = safety_words or _device_safety_words()
        # The fast path only understands English; in another language Whisper decides all.
        self._fast_on = language == "en"
        self.fast = create_domain(sample_rate=sample_rate, **(fast_options or {}))
        self.whisper = WhisperRecognizer(model, sample_rate=sample_rate, threads=threads,
                                         language=language, **(whisper_options or {}))
        self.last_path = ""
        """"fast-safety", "fast" or "whisper": which path decided the last utterance."""
        self.last_fast: Transcript | None = None
        """The fast path's own transcript of the last utterance (for benchmarks, logs)."""
        self._held = False
        """Whisper still holds the last utterance's audio (a fast-path safety sign):
        :meth:`second_opinion` may decode it until the next utterance starts."""

    def accept(self, pcm: bytes) -> Partial | None:
        # The sub-recognizers time themselves; final() adds their busy time up.
        if len(pcm) % 2:
            raise ValueError("PCM chunk has an odd number of bytes; expected 16-bit samples")
        if self._held:  # a new utterance: the last one's second opinion is no longer due
            self.whisper.reset()
            self._held = False
        self.whisper.accept(pcm)
        return self.fast.accept(pcm)

    def final(self) -> Transcript:
        fast = self.fast.final()
        self.last_fast = fast
        signs = self._safety_hypotheses(fast)
        if signs or (self._fast_on and self.rule.sure(fast)):
            if signs:  # kept for a second opinion: the decision is made without waiting
                self._held = True
            else:
                self.whisper.reset()
            self.last_path = "fast-safety" if signs else "fast"
            return replace(fast_transcript(fast, signs, self.torn_signs_ask, self.name),
                           path=self.last_path)
        slow = self.whisper.final()
        self.last_path = "whisper"
        alts = merge_hypotheses(self._safety_hypotheses(fast, include_best=True),
                                slow.alternatives, exclude=slow.text)
        busy = fast.rtf * fast.seconds + slow.rtf * slow.seconds
        seconds = slow.seconds or fast.seconds
        out = replace(slow, engine=self.name, alternatives=alts, seconds=seconds,
                      rtf=busy / seconds if seconds else 0.0, path="whisper")
        return agreed_best(out, fast.text if self._fast_on else "", self.safety_words)

    def second_opinion(self, clip: Any = None) -> Transcript | None:
        """Whisper's own transcript (its 1-best and n-best, without the fast path's
        hypotheses) of an utterance whose fast-path words carried a safety sign: ``clip``
        (a ``speech.audio.AudioClip`` the caller kept, e.g. a microphone utterance whose
        transcript came from a speculative decode), or else the last utterance this
        recognizer decided on its fast path, while no new utterance has started (None
        otherwise). The device asks at once on a sign the model is not sure of and raises
        the alert when Whisper's words alert (device.pipeline.Assistant.second_opinion;
        docs/safety-path.md)."""
        if clip is not None:
            from speech.asr import transcribe_clip

            self._held = False
            slow = transcribe_clip(self.whisper, clip)
        elif self._held:
            self._held = False
            slow = self.whisper.final()
        else:
            return None
        return replace(slow, engine=self.name, path="whisper")

    def _safety_hypotheses(self, fast: Transcript, include_best: bool = True) -> list[str]:
        """The fast path's hypotheses (1-best first) that carry plain safety words."""
        if not self._fast_on:
            return []
        return safety_hypotheses(fast, self.safety_words, include_best)

    def reset(self) -> None:
        self.fast.reset()
        self.whisper.reset()
        self._held = False

    # The abstract hooks are unused: accept/final/reset above drive the two engines.
    def _accept(self, pcm: bytes) -> str | None:  # pragma: no cover
        raise NotImplementedError

    def _final(self) -> tuple[str, list[Word], float | None]:  # pragma: no cover
        raise NotImplementedError

    def _reset(self) -> None:  # pragma: no cover
        raise NotImplementedError


def fast_transcript(fast: Transcript, signs: list[str], torn_signs_ask: bool = True,
                    engine: str = "hybrid") -> Transcript:
    """What the hybrid returns at once from the fast path's transcript and its safety
    signs (:func:`safety_hypotheses`): the signs first among the alternatives; when some
    hypothesis lacks them and `torn_signs_ask`, that hypothesis first and the signs behind
    it (the words of a call were one guess among others, not what was heard)."""
    calm = [h for h in (fast.text, *fast.alternatives) if h.strip() and h not in signs]
    if signs and calm and torn_signs_ask:
        return replace(fast, text=calm[0], words=[], confidence=None, engine=engine,
                       alternatives=merge_hypotheses(signs, fast.alternatives,
                                                     exclude=calm[0]))
    return replace(fast, engine=engine,
                   alternatives=merge_hypotheses(signs, fast.alternatives, exclude=fast.text))


def safety_hypotheses(fast: Transcript, safety_words: Callable[[str], str | None],
                      include_best: bool = True) -> list[str]:
    """The hypotheses of `fast` (1-best first unless `include_best` is False, then its
    alternatives) that `safety_words` holds as a call: the fast path's safety signs."""
    hyps = ([fast.text] if include_best else []) + list(fast.alternatives)
    return [h for h in hyps if h.strip() and safety_words(h) is not None]


def agreed_best(slow: Transcript, fast_text: str,
                safety_words: Callable[[str], str | None] | None = None) -> Transcript:
    """Whisper's transcript `slow` decided by what the two paths agree on: when the fast
    path's 1-best `fast_text` is one of Whisper's alternatives word for word, or within one
    word of it (a word in or out or changed, in hypotheses of three words or more), two
    recognizers that decode the audio apart agree on that alternative, and it becomes the
    1-best; else `slow` as it is. Of Whisper's other hypotheses (its 1-best among them),
    only those that carry a call's plain words (`safety_words`, the device's words net)
    stay as alternatives: the safety decision still asks about those, while a garbled
    hypothesis the model alone reads in its question band no longer does. Without
    `safety_words` every other hypothesis stays, Whisper's 1-best first. The word timings and
    confidence, which belong to Whisper's 1-best, are dropped.

    Measured on every committed spoken run (docs/speech.md, "When the two paths agree"):
    "i have a headache" heard "i have a hair dick" by Whisper, with "i have a headache" its
    second alternative and the fast path's 1-best, and "i've had my tablets" heard "i've
    heard my turbulence", "... my tablets" its second alternative and the fast path's
    "i've had my tablets", are no longer asked about; no call is lost, and "need someone
    now", asked about on Whisper's "leave someone out", alerts on the agreed "i need
    someone now"."""
    fast_text = fast_text.strip()
    if not fast_text or fast_text == slow.text:
        return slow
    fast_words = fast_text.split()
    agreed = next((a for a in slow.alternatives if a == fast_text or (
        max(len(a.split()), len(fast_words)) >= 3
        and edit_distance(a.split(), fast_words) <= 1)), None)
    if agreed is None:
        return slow
    others = merge_hypotheses([slow.text], slow.alternatives, exclude=agreed)
    if safety_words is not None:
        others = [h for h in others if safety_words(h) is not None]
    return replace(slow, text=agreed, words=[], confidence=None, alternatives=others)


def merge_hypotheses(first: list[str], rest: list[str], exclude: str) -> list[str]:
    """`first` then `rest`, each once, without `exclude` (the 1-best) or blanks."""
    out: list[str] = []
    for h in [*first, *rest]:
        if h and h != exclude and h not in out:
            out.append(h)
    return out
