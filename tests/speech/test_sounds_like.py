"""Calls misheard as near-sounding words (speech.sounds_like): the real CMUdict that the
pocketsphinx package ships, the device's own safety words as the judge of a reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from speech.sounds_like import (
    CALL_PHRASES,
    DEFAULT_THRESHOLD,
    MIN_PHONES,
    SoundsLike,
    read_dictionary,
    shared_reader,
)


@pytest.fixture(scope="module")
def reader() -> SoundsLike:
    return shared_reader(DEFAULT_THRESHOLD)


@pytest.mark.parametrize(("heard", "phrase", "words", "reading"), [
    # Whisper's hearings of calls in the spoken benchmark's dev part
    ("now the alert might care", "alert my carer", "alert might care",
     "now the alert my carer"),
    ("cold i'm one one", "nine one one", "i'm one one", "cold nine one one"),
    ("n i o n 1 1", "nine one one", "n 1 1", "n i o nine one one"),
    # "blacking" is not in CMUdict: EXTRA_PRONUNCIATIONS spells it
    ("hold up i keep lacking out", "i keep blacking out", "i keep lacking out",
     "hold up i keep blacking out"),
])
def test_a_misheard_call_reads_as_the_call(reader: SoundsLike, heard: str, phrase: str,
                                           words: str, reading: str) -> None:
    m = reader.match(heard)
    assert m is not None
    assert (m.phrase, m.words, m.reading) == (phrase, words, reading)
    assert DEFAULT_THRESHOLD <= m.score <= 100.0


@pytest.mark.parametrize("heard", [
    "turn the heating up a bit please love", "what time is it", "i have a runny nose",
    "put the fire on in the spare room", "remind me to take my tablets at half past two",
    "send a message to sarah", "set the temp to twenty", "call home", "",
    "vincermedict",  # a word the dictionary lacks aligns with nothing
])
def test_ordinary_speech_reads_as_no_call(reader: SoundsLike, heard: str) -> None:
    assert reader.match(heard) is None


def test_someone_else_is_not_the_resident(reader: SoundsLike) -> None:
    """A first-person phrase needs the resident in the words it aligns with: "matthew fell
    over" sounds much like "i fell over" but is someone else."""
    m = reader.match("my friend matthew if l over at school last week")
    assert m is None or not m.phrase.startswith("i")


@pytest.mark.parametrize("heard", [
    "set the reading lamp speed to nine one",  # dev: "nine one" is not "nine one one"
    "set the temp to 99", "turn the radio to 9 1", "call nine one",
    "i can't get any air",  # "i can't get" is not "i cannot get up": nothing misheard
    "he's breathing",  # nor "breathing" "not breathing"
])
def test_words_heard_as_said_with_some_left_out_are_not_read(reader: SoundsLike,
                                                               heard: str) -> None:
    """A reading that would only put in words that were not said is not made: the phrase's
    own words with some left out were heard as said."""
    assert reader.match(heard) is None


def test_a_misheard_word_beside_the_phrase_words_is_still_read(reader: SoundsLike) -> None:
    m = reader.match("hold up all time one one")
    assert m is not None and m.phrase == "nine one one" and m.words == "time one one"


def test_digits_are_spelt_as_their_words(reader: SoundsLike) -> None:
    m = reader.match("oh the time 9 1 1")
    assert m is not None and m.phrase == "nine one one" and m.words == "9 1 1"
    assert m.reading == "oh the time nine one one" and m.score == 100.0


def test_every_phrase_long_enough_to_align_is_kept(reader: SoundsLike) -> None:
    kept = set(reader.phrases)
    assert kept <= set(CALL_PHRASES)
    assert "alert my carer" in kept and "nine one one" in kept
    assert "gas leak" not in kept  # 6 phones: shorter than MIN_PHONES
    assert MIN_PHONES == 7


def test_every_call_phrase_is_a_call_to_the_device() -> None:
    """A reading is judged by the device's own safety words: each phrase must be one they
    hold as a call, and none that they hold as no call."""
    from device.safety import is_negated_call, safety_label_of_words

    for phrase in CALL_PHRASES:
        assert safety_label_of_words(phrase) is not None, phrase
        assert not is_negated_call(phrase), phrase


def test_a_higher_threshold_reads_less(reader: SoundsLike) -> None:
    strict = SoundsLike(reader._pron, threshold=95.0)  # noqa: SLF001 - the same dictionary
    assert reader.match("cold i'm one one") is not None
    assert strict.match("cold i'm one one") is None


@pytest.mark.parametrize("bad", [0.0, -1.0, 100.5])
def test_threshold_out_of_range_is_refused(reader: SoundsLike, bad: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        SoundsLike(reader._pron, threshold=bad)  # noqa: SLF001


def test_missing_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="pronunciation dictionary"):
        SoundsLike.load(tmp_path / "nowhere.dict")


def test_empty_or_unreadable_dictionary_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.dict"
    empty.write_text("just-a-word\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="dictionary"):
        SoundsLike.load(empty)


def test_a_phrase_the_dictionary_lacks_is_refused(tmp_path: Path) -> None:
    small = tmp_path / "small.dict"
    small.write_text("help HH EH1 L P\nme M IY0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks"):
        SoundsLike.load(small, phrases=("please help me",))


def test_dictionary_format(tmp_path: Path) -> None:
    """Stress marks dropped, the first of several pronunciations kept, a line with a phone
    outside ARPAbet left out, words lower-cased."""
    f = tmp_path / "d.dict"
    f.write_text("CARER K EH1 R ER0\ncarer(2) K AE1 R ER0\nodd XX Y\nnine N AY1 N\n"
                 "one W AH1 N\n", encoding="utf-8")
    d = read_dictionary(f)
    assert set(d) == {"carer", "nine", "one"}
    assert len(d["carer"]) == 4 and len(d["nine"]) == 3
    r = SoundsLike(d, phrases=("nine one one",), threshold=80.0)
    assert r.phrases == ["nine one one"]
    m = r.match("nine one one")
    assert m is not None and m.score == 100.0 and m.reading == "nine one one"
