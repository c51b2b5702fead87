"""Sentences for the domain language model (build time only, never imported on the device).

The main source is the intent dataset (`compress.dataset.load_examples()`, train and dev
splits only, so the spoken benchmark on the test split stays honest). The short list below
adds the commands every resident must be heard saying, and is the whole corpus when the
dataset is not importable.
"""

from __future__ import annotations

import re

__all__ = ["CORE_SENTENCES", "domain_sentences", "normalize"]

CORE_SENTENCES: tuple[tuple[str, str], ...] = (
    ("emergency_help", "help me please"),
    ("emergency_help", "help help"),
    ("emergency_help", "i need help right now"),
    ("emergency_help", "call an ambulance"),
    ("emergency_help", "i cannot breathe"),
    ("emergency_help", "i can't breathe"),
    ("emergency_help", "i have chest pain"),
    ("emergency_help", "my chest hurts badly"),
    ("emergency_help", "i am bleeding a lot"),
    ("emergency_help", "this is an emergency"),
    ("emergency_help", "get help quickly"),
    ("emergency_help", "i think i am having a heart attack"),
    ("emergency_help", "my face feels numb and i cannot speak properly"),
    ("fall_report", "i fell down and i cannot get up"),
    ("fall_report", "i fell down"),
    ("fall_report", "i have fallen"),
    ("fall_report", "i've fallen and i can't get up"),
    ("fall_report", "i fell over in the bathroom"),
    ("fall_report", "i slipped and fell on the floor"),
    ("fall_report", "i am on the floor and cannot get up"),
    ("fall_report", "i tripped and fell in the kitchen"),
    ("symptom_report", "i feel dizzy"),
    ("symptom_report", "my back hurts"),
    ("symptom_report", "i have a headache"),
    ("symptom_report", "i feel sick"),
    ("symptom_report", "i am not feeling well today"),
    ("symptom_report", "my knee is sore"),
    ("medication_query", "have i taken my pills today"),
    ("medication_query", "when do i take my medicine"),
    ("medication_query", "which tablets do i take in the morning"),
    ("medication_query", "did i take my medication"),
    ("medication_taken", "i took my pills"),
    ("medication_taken", "i have taken my medicine"),
    ("medication_taken", "i just took my tablets"),
    ("reminder_set", "remind me to call the doctor at three o'clock"),
    ("reminder_set", "remind me to take my pills at eight"),
    ("reminder_set", "set a reminder for my appointment tomorrow"),
    ("reminder_set", "please remind me to water the plants"),
    ("call_family", "call my daughter"),
    ("call_family", "phone my son please"),
    ("call_family", "can you call my grandson"),
    ("call_family", "send a message to my sister"),
    ("time_query", "what time is it"),
    ("time_query", "what day is it today"),
    ("time_query", "what is the date"),
    ("time_query", "what month is it"),
    ("companionship", "i feel lonely"),
    ("companionship", "tell me a joke"),
    ("companionship", "can we have a chat"),
    ("companionship", "tell me a story"),
    ("companionship", "i am bored"),
    ("home_control", "turn on the lights"),
    ("home_control", "turn off the light in the bedroom"),
    ("home_control", "switch on the radio"),
    ("home_control", "turn the heating up"),
    ("home_control", "close the blinds"),
    ("home_control", "turn on the television"),
    ("advice_request", "how can i sleep better"),
    ("advice_request", "what should i eat for breakfast"),
    ("advice_request", "how do i keep warm in winter"),
    ("advice_request", "what exercise is good for me"),
    ("greeting", "good morning"),
    ("greeting", "hello"),
    ("greeting", "hi there"),
    ("farewell", "good night"),
    ("farewell", "goodbye"),
    ("farewell", "see you later"),
    ("thanks", "thank you"),
    ("thanks", "thanks very much"),
    ("affirm", "yes"),
    ("affirm", "yes please"),
    ("affirm", "that's right"),
    ("deny", "no"),
    ("deny", "no thank you"),
    ("deny", "not now"),
    ("repeat", "say that again"),
    ("repeat", "can you repeat that"),
    ("repeat", "what did you say"),
    ("volume_up", "speak louder"),
    ("volume_up", "turn the volume up"),
    ("volume_up", "i can't hear you"),
    ("volume_down", "speak more quietly"),
    ("volume_down", "turn the volume down"),
    ("volume_down", "that's too loud"),
    ("stop", "stop"),
    ("stop", "stop talking"),
    ("stop", "cancel"),
    ("stop", "never mind"),
    ("stop", "be quiet"),
    ("out_of_scope", "what is the weather like"),
    ("out_of_scope", "who won the football"),
    ("out_of_scope", "what is the capital of france"),
)

# Contractions written without the apostrophe, as people type them.
_CONTRACTIONS = {
    "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "havent": "haven't",
    "hasnt": "hasn't", "isnt": "isn't", "wasnt": "wasn't", "wont": "won't", "cant": "can't",
    "couldnt": "couldn't", "shouldnt": "shouldn't", "wouldnt": "wouldn't", "ive": "i've",
    "im": "i'm", "youre": "you're", "thats": "that's",
    "theres": "there's", "hes": "he's", "shes": "she's", "whats": "what's", "hows": "how's",
    "whens": "when's", "wheres": "where's", "oclock": "o'clock",
    "arent": "aren't", "werent": "weren't",
}
_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)*")
_NUMBERS = {
    "0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
    "7": "seven", "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve",
    "15": "fifteen", "20": "twenty", "30": "thirty", "45": "forty five",
}


def normalize(text: str) -> list[str]:
    """Lower-case words as spoken: digits to words, punctuation dropped, apostrophes kept."""
    t = text.lower().replace("’", "'").replace("&", " and ").replace("%", " percent")
    t = re.sub(r"\b(\d{1,2}):(\d{2})\b", r"\1 \2", t)
    t = re.sub(r"\d+", lambda m: f" {_say_number(m.group(0))} ", t)
    return [_CONTRACTIONS.get(w, w) for w in _WORD_RE.findall(t)]


def _say_number(digits: str) -> str:
    return _NUMBERS.get(digits) or " ".join(_NUMBERS[d] for d in digits)


def domain_sentences(splits: tuple[str, ...] = ("train", "dev"),
                     skip_groups: frozenset[str] = frozenset()) -> tuple[list[list[str]], str]:
    """Tokenised domain sentences and a note of where they came from.

    skip_groups: paraphrase groups (compress.dataset Example.group) left out, for an LM that
    has not seen some sentences (speech.hypotheses decodes those with it).
    """
    out = [normalize(text) for _intent, text in CORE_SENTENCES]
    source = "core list"
    try:
        from compress.dataset import load_examples  # build time only
    except ImportError:
        return out, source
    examples = [e for e in load_examples("en") if e.split in splits
                and e.group not in skip_groups]
    out += [normalize(e.text) for e in examples]
    note = f"core list + compress.dataset {'/'.join(splits)} ({len(examples)} examples)"
    if skip_groups:
        note += f", {len(skip_groups)} groups left out"
    return [s for s in out if s], note
