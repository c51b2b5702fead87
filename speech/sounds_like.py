"""Calls for help that the recognizer misheard as near-sounding words.

Whisper turns "alert my carer" into "alert my car alert" or "hello to my carer", and "call
nine one one" into "hold up all time one one": words the device's safety words
(:mod:`device.safety`) and the intent model no longer know as a call. This module reads a
transcript by its sounds: each word is spelt in phones (CMUdict, the pronunciation
dictionary the fast recognizer ships), and each call phrase of :data:`CALL_PHRASES` is
aligned to the phones of the transcript. When one aligns well enough, the transcript is
read again with the phrase put in place of the words it aligned with
("alert my carer alert"), and that reading becomes one more n-best alternative
(:func:`speech.spoken_intent.spoken_intent`): the device then asks the safety question,
as for any alternative, and never alerts at once on it while ``safety.confirm`` is on
(docs/speech.md, "Calls that sound like a call").

spoken_intent leaves a transcript as it is when its own words already say a call, or deny
one, or use its words for someone else, a figure of speech or an old fall: the device's
rules have read those words as they were heard.

    reader = SoundsLike.load()
    m = reader.match("hold up all time one one")
    m.phrase, m.words, m.reading   # "nine one one", "time one one", "hold up all nine one one"
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CALL_PHRASES", "DEFAULT_THRESHOLD", "EXTRA_PRONUNCIATIONS", "MIN_PHONES", "Match",
           "SoundsLike", "default_dictionary", "read_dictionary", "shared_reader"]

CALL_PHRASES = (
    # falls the resident tells of
    "i've fallen", "i fell down", "i fell over", "i've had a fall", "i'm on the floor",
    "i can't get up", "i cannot get up", "my legs gave way", "i went flying",
    "i toppled over", "i can't lift myself up", "i've come a cropper",
    # calls for help
    "please help me", "i need help", "send someone", "call an ambulance", "ambulance",
    "emergency", "nine nine nine", "nine one one", "alert my carer",
    "get my carer", "get the nurse", "i can't breathe", "chest pains", "my chest is tight",
    "heart attack", "i'm having a stroke", "i'm bleeding", "so much blood", "i passed out",
    "i blacked out", "i keep blacking out", "i'm choking", "i collapsed", "unconscious",
    "not breathing", "my speech is slurred", "i'm having a fit", "having a seizure", "gas leak",
    "i can smell gas", "the house is on fire", "my clothes caught fire", "send a fire engine",
    "there's an intruder",
    "there's a burglar", "someone's broken in", "he forced his way in",
    "she forced her way in", "he barged past me",
)
"""Calls in the words of the device's safety words (:mod:`device.safety`), the resident's
own where a person is named; each one those words hold as a call (a test checks), so a
reading with it in place asks the safety question."""

MIN_PHONES = 7
"""Shorter phrases ("help me", "i fell") align with too much ordinary speech."""

DEFAULT_THRESHOLD = 80.0
"""Least alignment score (rapidfuzz's normalized Indel similarity, 0-100) of a phrase with
the transcript's phones; fitted on the training sentences' recognizer hypotheses and the
dev spoken commands by `python -m bench.fit_sounds_like` (docs/speech.md, "Calls that
sound like a call")."""

_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD = re.compile(r"[a-z0-9']+")
ARPABET = ("AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G",
           "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T",
           "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH")
_PHONE = {p: chr(0x100 + i) for i, p in enumerate(ARPABET)}
"""One character per phone, so that aligning strings aligns phones."""
_SELF = frozenset(("i", "i've", "i'm", "i'd", "ive", "im", "id", "my"))
"""Words of the resident speaking of themself: a phrase that starts with one must align
with a window that starts with one ("matthew fell over" is not "i fell over")."""


def default_dictionary() -> Path:
    """CMUdict as the pocketsphinx package ships it (the fast recognizer's dictionary)."""
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"


EXTRA_PRONUNCIATIONS = {"blacking": "B L AE K IH NG"}
"""Words of :data:`CALL_PHRASES` that CMUdict lacks, in ARPAbet (a dictionary given to
:class:`SoundsLike` overrides them)."""

_SAME = {"cannot": "can't", "cant": "can't"}
"""Spellings of one word, for :func:`_only_drops`."""


@dataclass(frozen=True)
class Match:
    """A call phrase that a transcript sounds like."""

    phrase: str
    """The call phrase of :data:`CALL_PHRASES`."""
    words: str
    """The transcript's words that it aligned with."""
    reading: str
    """The transcript with the phrase in place of those words."""
    score: float
    """Alignment score, 0-100."""


class SoundsLike:
    """Aligns call phrases with a transcript's phones (see the module doc)."""

    def __init__(self, pronunciations: dict[str, str],
                 phrases: Sequence[str] = CALL_PHRASES,
                 threshold: float = DEFAULT_THRESHOLD) -> None:
        """`pronunciations`: word -> its phones, one character each (:func:`read_dictionary`)."""
        if not 0.0 < threshold <= 100.0:
            raise ValueError(f"sounds-like threshold must be in (0, 100], got {threshold!r}")
        if not pronunciations:
            raise ValueError("sounds-like needs a pronunciation dictionary (none was read)")
        self.threshold = float(threshold)
        extra = {w: "".join(_PHONE[p] for p in phones.split())
                 for w, phones in EXTRA_PRONUNCIATIONS.items()}
        self._pron = {**extra, **pronunciations}
        self._phrases: list[tuple[str, str]] = []
        for phrase in phrases:
            spelt, _ = self._spell(_WORD.findall(phrase.lower()))
            if spelt is None:
                raise ValueError(f"sounds-like phrase {phrase!r} has a word the dictionary "
                                 "lacks")
            if len(spelt) >= MIN_PHONES:
                self._phrases.append((phrase, spelt))
        if not self._phrases:
            raise ValueError("no sounds-like phrase is long enough to align")

    @classmethod
    def load(cls, dictionary: str | Path | None = None, phrases: Sequence[str] = CALL_PHRASES,
             threshold: float = DEFAULT_THRESHOLD) -> SoundsLike:
        """Read a CMUdict-format dictionary (None: :func:`default_dictionary`).

        Raises:
            FileNotFoundError: no dictionary there.
            ValueError: a dictionary without one readable entry, a phrase with a word it
                lacks, a threshold outside (0, 100].
        """
        path = Path(dictionary) if dictionary is not None else default_dictionary()
        if not path.is_file():
            raise FileNotFoundError(f"pronunciation dictionary not found: {path}")
        return cls(read_dictionary(path), phrases, threshold)

    @property
    def phrases(self) -> list[str]:
        """The phrases long enough to align (at least :data:`MIN_PHONES` phones)."""
        return [p for p, _ in self._phrases]

    def _spell(self, words: Sequence[str]) -> tuple[str | None, list[int]]:
        """Phones of `words` (one character each) and, per word, where its phones end;
        None when a word is not in the dictionary (a digit is spelt as its number)."""
        out: list[str] = []
        ends: list[int] = []
        n = 0
        for w in words:
            for part in _as_said(w):
                pron = self._pron.get(part)
                if pron is None:
                    return None, []
                out.append(pron)
                n += len(pron)
            ends.append(n)
        return "".join(out), ends

    def _spell_lenient(self, words: Sequence[str]) -> tuple[str, list[int]]:
        """Like _spell, but a word the dictionary lacks becomes one phone nothing matches
        ("vincermedict"): it can sit inside a window but never aligns with a phrase."""
        out: list[str] = []
        ends: list[int] = []
        n = 0
        for w in words:
            spelt, _ = self._spell([w])
            out.append(spelt if spelt is not None else "\u0000")
            n += len(out[-1])
            ends.append(n)
        return "".join(out), ends

    def match(self, text: str) -> Match | None:
        """The best-aligned call phrase at or above the threshold, or None."""
        from rapidfuzz import fuzz

        words = _WORD.findall(text.lower())
        if not words:
            return None
        spelt, ends = self._spell_lenient(words)
        best: Match | None = None
        for phrase, phones in self._phrases:
            if len(spelt) < len(phones):
                score = fuzz.ratio(phones, spelt)
                start, end = 0, len(spelt)
            else:
                al = fuzz.partial_ratio_alignment(phones, spelt)
                if al is None:  # only below a cutoff, and none is given
                    continue
                score, start, end = al.score, al.dest_start, al.dest_end
            if score < self.threshold or (best is not None and score <= best.score):
                continue
            first = next(i for i, e in enumerate(ends) if e > start)
            last = next((i for i, e in enumerate(ends) if e >= end), len(words) - 1)
            if phrase.split()[0] in _SELF and words[first] not in _SELF:
                continue  # "matthew fell over" is not "i fell over"
            if _only_drops(words[first:last + 1], phrase.split()):
                continue  # "to nine one" was heard as said: a reading would only add words
            reading = " ".join([*words[:first], phrase, *words[last + 1:]])
            best = Match(phrase, " ".join(words[first:last + 1]), reading, round(score, 1))
        return best


def _as_said(word: str) -> list[str]:
    """`word` as spoken words: a number in digits is its digits' names ("911" -> "nine one
    one"), any other word itself."""
    return [_NUMBERS[int(c)] for c in word] if word.isdigit() else [word]


def _only_drops(heard: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether the `heard` words are the `phrase`'s own words with some left out ("nine one"
    of "nine one one", "i can't get" of "i cannot get up"; a digit counts as its number
    word): nothing was misheard there, and a reading would only put in words that were not
    said."""
    said = [_SAME.get(part, part) for w in heard for part in _as_said(w)]
    if len(said) >= len(phrase):
        return False
    rest = iter(_SAME.get(w, w) for w in phrase)
    return all(any(w == p for p in rest) for w in said)


def read_dictionary(path: Path) -> dict[str, str]:
    """word -> its phones, one character per ARPAbet phone (stress marks dropped; the first
    pronunciation of each word; an entry with a phone outside ARPAbet is left out)."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            word = parts[0].lower()
            if word.endswith(")"):
                word = word[:word.rfind("(")] if "(" in word else word
            if word in out:
                continue
            try:
                out[word] = "".join(_PHONE[p.rstrip("012")] for p in parts[1:])
            except KeyError:
                continue
    return out


@functools.lru_cache(maxsize=4)
def shared_reader(threshold: float = DEFAULT_THRESHOLD) -> SoundsLike:
    """One reader of the default dictionary per threshold, for the whole process (reading
    CMUdict takes a few tenths of a second)."""
    return SoundsLike.load(threshold=threshold)
