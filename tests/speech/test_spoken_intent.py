"""Intent from the ASR n-best with the shipped intent model, and n-best from pocketsphinx."""

from __future__ import annotations

import numpy as np
import pytest

from speech.asr import Transcript, create_recognizer, transcribe_clip
from speech.audio import AudioClip
from speech.command_set import mix
from speech.spoken_intent import SAFETY_LABELS, spoken_intent
from speech.tts import Speaker


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    intent = pytest.importorskip("device.intent")
    try:
        return intent.IntentModel.load(threads=1)
    except (OSError, ValueError) as exc:
        pytest.skip(f"shipped intent model not loadable: {exc}")


def _tr(text: str, alternatives: list[str]) -> Transcript:
    return Transcript(text=text, seconds=1.0, rtf=0.1, alternatives=alternatives)


def test_one_best_decides_unless_an_alternative_is_safety(model) -> None:  # type: ignore[no-untyped-def]
    calm, fall = "what time is it", "i have fallen and i cannot get up"
    calm_label = model.classify(calm).intent
    fall_label = model.classify(fall).intent
    assert calm_label not in SAFETY_LABELS and fall_label in SAFETY_LABELS
    # no alternatives: exactly the model on the 1-best
    si = spoken_intent(model, _tr(calm, []))
    assert (si.intent, si.text, si.from_alternative) == (calm_label, calm, 0)
    # a safety alternative raises the alarm, and says which hypothesis it came from
    si = spoken_intent(model, _tr(calm, ["what time is", fall]))
    assert (si.intent, si.text, si.from_alternative) == (fall_label, fall, 2)
    # ... but only within the first `safety_from_alternatives`
    assert spoken_intent(model, _tr(calm, [fall]), safety_from_alternatives=0).intent \
        == calm_label
    others = ["what is the time", "tell me the time"]
    assert all(model.classify(o).intent not in SAFETY_LABELS for o in others)
    assert spoken_intent(model, _tr(calm, [*others, fall]), 2).intent == calm_label
    # a safety 1-best is kept whatever the alternatives say
    si = spoken_intent(model, _tr(fall, [calm]))
    assert (si.intent, si.from_alternative) == (fall_label, 0)
    assert si.to_json() == {"intent": fall_label, "text": fall, "from_alternative": 0,
                            "sounds_like": ""}


def test_nothing_heard_and_bad_arguments(model) -> None:  # type: ignore[no-untyped-def]
    si = spoken_intent(model, _tr("", []))
    assert si.intent == "out_of_scope" and si.result is None
    fall = "i have fallen and i cannot get up"
    assert spoken_intent(model, _tr("", [fall])).intent in SAFETY_LABELS
    with pytest.raises(ValueError, match="safety_from_alternatives"):
        spoken_intent(model, _tr("hello", []), safety_from_alternatives=-1)


def test_an_understood_one_best_needs_an_alert_level_alternative(  # type: ignore[no-untyped-def]
        model, ask_band_sentence) -> None:
    # Recorded in the speech benchmark: the recognizer heard "my foot hurts" right, and its
    # next guess "my fault hurts" scored emergency_help between ask and alert (the model
    # shipped then; for a later one, another sentence it scores in that band).
    best = "my foot hurts"
    alert, ask = model.safety_thresholds["emergency_help"]
    alt = ask_band_sentence(model)
    b, a = model.classify(best), model.classify(alt)
    assert b.intent == "symptom_report" and b.score >= 0.9
    assert a.intent == "emergency_help" and ask <= a.score < alert
    assert spoken_intent(model, _tr(best, [alt])).intent == "emergency_help"  # no rule
    si = spoken_intent(model, _tr(best, [alt]), understood_best=0.9)
    assert (si.intent, si.text, si.from_alternative) == ("symptom_report", best, 0)
    # the rule only holds for a 1-best understood at that probability
    above = (b.score + 1.0) / 2  # a rule stricter than this 1-best's probability
    assert spoken_intent(model, _tr(best, [alt]), understood_best=above).intent \
        == "emergency_help"
    # an alternative at the alert threshold still raises the label under an understood 1-best
    calm = "what time is it"
    sure = [t for t in ("i have fallen and i cannot get up", "i've fallen and i can't get up",
                        "call an ambulance", "i fell down and i cannot get up")
            if model.classify(t).score >= alert]
    assert model.classify(calm).score >= 0.9 and sure
    fall = sure[0]
    si = spoken_intent(model, _tr(calm, [fall]), understood_best=0.9)
    assert (si.intent, si.from_alternative) == (model.classify(fall).intent, 1)
    # a garbled 1-best (out_of_scope) is not understood: the alternative is asked about
    garbled = next(t for t in ("mum fast forward", "mum had fog in", "mum and orland",
                               "banana telephone")
                   if model.classify(t).intent == "out_of_scope")
    si = spoken_intent(model, _tr(garbled, ["mum has fallen"]), understood_best=0.9)
    assert (si.intent, si.from_alternative) == ("fall_report", 1)
    # the words rule still applies to an alternative under an understood 1-best
    from device.safety import safety_label_of_words
    si = spoken_intent(model, _tr("turn the kitchen light on", ["i fell"]),
                       safety_phrase=safety_label_of_words, understood_best=0.9)
    assert si.intent == "fall_report" and si.from_alternative == 1
    for bad in (0.0, -0.5, 1.5):
        with pytest.raises(ValueError, match="understood_best"):
            spoken_intent(model, _tr(best, [alt]), understood_best=bad)


def test_understood_best_without_safety_thresholds() -> None:
    """A model without fitted thresholds: the alternative needs `understood_best` itself."""
    from dataclasses import dataclass, field

    @dataclass
    class Result:
        intent: str
        score: float
        scores: dict[str, float] = field(default_factory=dict)

    table = {"turn the light on": Result("home_control", 0.95),
             "turn the light of": Result("emergency_help", 0.6),
             "help help": Result("emergency_help", 0.97)}

    class Model:
        def classify_batch(self, texts):  # type: ignore[no-untyped-def]
            return [table[t] for t in texts]

    best = "turn the light on"
    assert spoken_intent(Model(), _tr(best, ["turn the light of"]),
                         understood_best=0.9).intent == "home_control"
    assert spoken_intent(Model(), _tr(best, ["help help"]),
                         understood_best=0.9).from_alternative == 1


def test_pocketsphinx_nbest_and_denoise_on_noisy_speech() -> None:
    text = "help me i have fallen"
    clip = Speaker(rate_wpm=140).synthesize(text, 16000)
    noisy = AudioClip(mix(clip.samples, 10.0, 16000, np.random.default_rng(0)), 16000)
    rec = create_recognizer("pocketsphinx", nbest=3)
    tr = transcribe_clip(rec, noisy, pad_s=0.0)
    assert tr.text and len(tr.alternatives) <= 3
    assert tr.text not in tr.alternatives and len(set(tr.alternatives)) == len(tr.alternatives)
    back = Transcript.from_json(tr.to_json())
    assert (back.text, back.alternatives) == (tr.text, tr.alternatives)
    plain = create_recognizer("pocketsphinx", nbest=0)
    assert transcribe_clip(plain, noisy, pad_s=0.0).alternatives == []
    gated = create_recognizer("pocketsphinx", denoise=True)
    tg = transcribe_clip(gated, noisy, pad_s=0.0)
    assert tg.text and tg.seconds == pytest.approx(noisy.seconds, abs=0.01)
    assert transcribe_clip(gated, noisy, pad_s=0.0).text  # ready for the next utterance



def test_safety_words_in_an_alternative_raise_its_label(model) -> None:  # type: ignore[no-untyped-def]
    from device.safety import safety_label_of_words

    # an alternative the model may not label as safety, but whose words say "fell"
    tr = _tr("what time is it", ["what time is it please", "fell stairs"])
    si = spoken_intent(model, tr, safety_phrase=lambda t: "fall_report" if "fell" in t else None)
    assert (si.intent, si.from_alternative, si.text) == ("fall_report", 2, "fell stairs")
    calm = spoken_intent(model, _tr("what time is it", ["what time is it now"]),
                         safety_phrase=safety_label_of_words)
    assert calm.intent == model.classify("what time is it").intent
    assert calm.from_alternative == 0
    assert safety_label_of_words("i have fallen over") == "fall_report"
    assert safety_label_of_words("call an ambulance") == "emergency_help"
    assert safety_label_of_words("turn on the kitchen light") is None


def test_an_alternative_whose_call_words_the_understood_one_best_says_raises_nothing(  # type: ignore[no-untyped-def]
        model) -> None:
    """Recorded in the speech benchmark (command set, test): the fast path heard "help me um
    turn the heating up" right, and its next guess "help me i'm too the heating up" held the
    words net's "help me" (not followed by a request); the 1-best says the same "help me"
    and reads it as a request, so the alternative raises nothing. New call words in an
    alternative still do, and so does a shared "help me" under a 1-best not understood."""
    from device.safety import call_words_also_in, safety_label_of_words

    best, alt = "help me um turn the heating up", "help me i'm too the heating up"
    assert safety_label_of_words(best) is None and safety_label_of_words(alt) == "emergency_help"
    b = model.classify(best)
    assert b.intent == "home_control" and b.score >= 0.9
    rules = {"safety_phrase": safety_label_of_words, "understood_best": 0.9}
    si = spoken_intent(model, _tr(best, [alt]), **rules, shared_call_words=call_words_also_in)
    assert (si.intent, si.from_alternative) == ("home_control", 0)
    assert spoken_intent(model, _tr(best, [alt]), **rules).from_alternative == 1  # without it
    # new call words beside the shared ones ("can't get up") still raise the label
    si = spoken_intent(model, _tr(best, ["help me i can't get up"]), **rules,
                       shared_call_words=call_words_also_in)
    assert si.intent in SAFETY_LABELS and si.from_alternative == 1
    # a garbled 1-best with the same "help me" is not understood: the alternative is asked
    garbled = next(t for t in ("help me um two the eating of", "help me the weather up",
                               "help me banana telephone", "help me remember the heating")
                   if model.classify(t).intent not in SAFETY_LABELS
                   and (model.classify(t).intent == "out_of_scope"
                        or model.classify(t).score < 0.9))
    si = spoken_intent(model, _tr(garbled, [alt]), **rules, shared_call_words=call_words_also_in)
    assert si.intent == "emergency_help" and si.from_alternative == 1


def test_call_words_also_in() -> None:
    from device.safety import call_words_also_in

    assert call_words_also_in("help me i'm too the heating up", "help me um turn the heating up")
    assert call_words_also_in("er i'm on the floor now", "i'm on the floor of the loft")
    assert not call_words_also_in("help me i can't get up", "help me turn the heating up")
    assert not call_words_also_in("alert my carer", "live my carer")
    assert not call_words_also_in("turn the heating up", "turn the heating up")  # no call words
    # a denied or idiomatic use is no call word to share
    assert not call_words_also_in("i'm dying for a cup of tea", "i'm dying for a cup of tea")
