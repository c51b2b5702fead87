"""A call told at the end of a long turn (docs/safety-path.md, "A call at the end of a long
turn"): the later parts of a turn of ``safety.long_turn_words`` words or more are read
again by the model, and where two of them read as a call the device asks the safety
question (device.safety_decision, step 5)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from device import safety
from device.careplan import CarePlan
from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.intent import IntentModel
from device.pipeline import Assistant
from device.safety_decision import TAILS_THAT_AGREE, Thresholds, decide
from device.settings import SettingsError, load_settings
from device.settings_sections import SafetySettings

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"}]},
    resident="Mary")
ON = SafetySettings()
OFF = SafetySettings(confirm=False)
LIMITS = {"emergency_help": Thresholds(0.9, 0.6), "fall_report": Thresholds(0.9, 0.6)}
CALL = {"emergency_help": 0.95, "companionship": 0.05}
CHAT = {"companionship": 0.97, "emergency_help": 0.03}

STORY_THEN_CALL = ("We'd just sat down with a cup of tea to watch the racing, and my "
                   "husband said he felt a bit funny, and now he's gone grey and sweaty and "
                   "he's holding his arm")
"""A call told after a story, in words the words net does not know."""


# -- the later parts of a turn -------------------------------------------------------------

def test_a_long_turn_is_read_from_each_place_a_new_part_may_start() -> None:
    tails = safety.turn_tails(STORY_THEN_CALL, 20)
    assert tails[0].startswith("and my husband said")
    assert tails[-1] == "and he's holding his arm"
    assert "now he's gone grey and sweaty and he's holding his arm" in tails
    assert all(STORY_THEN_CALL.endswith(t) for t in tails)
    assert len(set(tails)) == len(tails)
    # longest first, none under five words
    assert [len(t) for t in tails] == sorted((len(t) for t in tails), reverse=True)
    assert all(len(t.split()) >= 5 for t in tails)


@pytest.mark.parametrize("text", ["help, i've fallen and i can't get up",
                                  "we had a lovely walk, and then a cup of tea", ""])
def test_a_short_turn_has_no_later_parts(text: str) -> None:
    assert safety.turn_tails(text, 20) == []


def test_no_later_parts_when_turned_off() -> None:
    assert safety.turn_tails(STORY_THEN_CALL, 0) == []


def test_a_long_turn_with_nowhere_to_start_again_has_no_later_parts() -> None:
    text = " ".join(["word"] * 30)
    assert safety.turn_tails(text, 20) == []


# -- the decision on them ------------------------------------------------------------------

def _tails(*scores: dict[str, float]) -> Callable[[], list[tuple[str, dict[str, float]]]]:
    """A reader of a turn's later parts with these probabilities (``read_tails``)."""
    return lambda: [(f"and part number {i} of the turn", s) for i, s in enumerate(scores)]


def test_two_later_parts_read_as_a_call_ask() -> None:
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(CHAT, CALL, {"emergency_help": 0.7}))
    assert (d.route, d.reason, d.intent, d.p) == ("ask", "tail", "emergency_help", 0.95)
    assert TAILS_THAT_AGREE == 2


def test_one_later_part_alone_is_not_enough() -> None:
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(CHAT, CALL, CHAT))
    assert (d.route, d.reason) == ("answer", "not_safety")


def test_a_later_part_never_alerts_at_once_but_does_with_confirm_off() -> None:
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails({"emergency_help": 1.0}, {"emergency_help": 1.0}))
    assert d.route == "ask"
    d = decide("companionship", STORY_THEN_CALL, 0.97, OFF, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(CALL, CALL))
    assert (d.route, d.reason) == ("alert", "tail")


def test_later_parts_that_deny_or_only_mention_a_call_do_not_count() -> None:
    tails = [("and no, i don't need an ambulance", CALL), ("i haven't fallen today", CALL),
             ("my flat is on the ground floor", CALL)]
    d = decide("companionship", "a long story " * 8, 0.97, ON, scores=CHAT,
               thresholds=LIMITS, read_tails=lambda: tails)
    assert d.route == "answer"


def test_later_parts_under_the_ask_threshold_do_not_count() -> None:
    low = {"emergency_help": 0.59, "companionship": 0.41}
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(low, low, low))
    assert d.route == "answer"


def test_a_model_without_thresholds_counts_a_safety_top_label() -> None:
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT,
               read_tails=_tails(CALL, CALL))
    assert (d.route, d.reason) == ("ask", "tail")
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT,
               read_tails=_tails({"emergency_help": 0.4, "thanks": 0.6}, CALL))
    assert d.route == "answer"


def test_later_parts_change_nothing_the_whole_turn_decides() -> None:
    # a whole turn the model reads as a call alerts as before; a denial stays a no; an ASR
    # alternative keeps its own rule
    d = decide("emergency_help", STORY_THEN_CALL, 0.95, ON, scores=CALL, thresholds=LIMITS,
               read_tails=_tails(CHAT, CHAT))
    assert (d.route, d.reason) == ("alert", "model")
    d = decide("deny", "no, i don't need any help, i was only telling you about my day",
               0.9, ON, scores=CHAT, thresholds=LIMITS, read_tails=_tails(CALL, CALL))
    assert (d.route, d.reason) == ("answer", "denied")
    d = decide("companionship", STORY_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               from_alternative=1, read_tails=_tails(CALL, CALL))
    assert d.route == "answer"


# -- the setting -----------------------------------------------------------------------------

def test_long_turn_words_default_and_off() -> None:
    assert SafetySettings().long_turn_words == 20
    assert SafetySettings(long_turn_words=0).long_turn_words == 0


@pytest.mark.parametrize("value", [-1, 3, 7, 201, True, 16.5])
def test_long_turn_words_out_of_range_is_refused(value: object) -> None:
    with pytest.raises(SettingsError, match="long_turn_words"):
        SafetySettings(long_turn_words=value)  # type: ignore[arg-type]


def test_long_turn_words_from_a_set_string() -> None:
    assert load_settings(None, sets=["safety.long_turn_words=24"]).safety.long_turn_words == 24
    with pytest.raises(SettingsError, match="long_turn_words"):
        load_settings(None, sets=["safety.long_turn_words=many"])


# -- through the device ----------------------------------------------------------------------

@dataclass
class Result:
    intent: str
    score: float
    scores: dict[str, float]


class PhraseModel:
    """A hand-set classifier that reads a call in any text holding ``phrase``."""

    threshold = 0.25
    safety_thresholds = {"emergency_help": (0.9, 0.6), "fall_report": (0.9, 0.6)}

    def __init__(self, phrase: str, whole: dict[str, float] | None = None) -> None:
        self.phrase, self.whole, self.read = phrase, whole, []

    def classify(self, text: str) -> Result:
        self.read.append(text)
        scores = CALL if self.phrase in text else CHAT
        if self.whole is not None and text == STORY_THEN_CALL:
            scores = self.whole
        label = max(scores, key=lambda k: scores[k])
        return Result(label, scores[label], dict(scores))


def _assistant(model: object, settings: SafetySettings = ON) -> Assistant:
    return Assistant(model, DialogueManager(PLAN, safety=settings),
                     ActionExecutor("Mary", plan=PLAN))


def test_the_device_asks_about_a_call_at_the_end_of_a_long_turn() -> None:
    model = PhraseModel("holding his arm", whole=CHAT)
    a = _assistant(model)
    turn = a.respond(STORY_THEN_CALL)
    assert turn.safety == "ask"
    assert a.dialogue.pending_safety is not None
    assert a.dialogue.confirmer.decision.reason == "tail"
    # answered "yes": the caregivers are alerted
    assert a.respond("yes").reply.action("alert") is not None


def test_the_later_parts_are_read_only_when_the_whole_turn_would_be_answered() -> None:
    """A long turn the model reads as a call is decided by the whole turn, without running
    the model on its later parts (no delay before its alert)."""
    model = PhraseModel("holding his arm")  # the whole turn holds the phrase: a call
    a = _assistant(model)
    assert a.respond(STORY_THEN_CALL).safety == "alert"
    assert model.read == [STORY_THEN_CALL]
    d = decide("companionship", STORY_THEN_CALL, 0.05, ON, scores=CALL, thresholds=LIMITS,
               read_tails=lambda: pytest.fail("the later parts were read"))
    assert d.route == "alert"


def test_the_device_answers_a_long_turn_when_turned_off_or_while_it_asks() -> None:
    model = PhraseModel("holding his arm", whole=CHAT)
    off = _assistant(model, SafetySettings(long_turn_words=0))
    assert off.respond(STORY_THEN_CALL).safety == "answer"
    model.read.clear()
    assert off.respond(STORY_THEN_CALL).safety == "answer"
    assert model.read == [STORY_THEN_CALL]  # no later part was read at all
    short = _assistant(model)
    model.read.clear()
    short.respond("and now he's holding his arm")  # short: the whole turn only
    assert model.read == ["and now he's holding his arm"]


def test_the_shipped_model_asks_about_a_call_told_after_a_story() -> None:
    """The shipped student reads the whole turn as no call; its later parts as one."""
    model = IntentModel.load(None, threads=1)
    whole = model.classify(STORY_THEN_CALL)
    assert max(whole.scores[k] for k in ("emergency_help", "fall_report")) < 0.6
    a = _assistant(model, load_settings(None).safety)
    assert a.respond(STORY_THEN_CALL).safety == "ask"
    assert a.dialogue.confirmer.decision.reason == "tail"
    off = _assistant(model, SafetySettings(long_turn_words=0))
    assert off.respond(STORY_THEN_CALL).safety == "answer"


@pytest.mark.parametrize("text", [
    "My son rang this morning to say he'll be over on Saturday with the children, and we had "
    "a lovely long chat about their holiday, so can you remind me to bake a cake on Friday",
    "I was telling my grandson about the old days at the mill and how we used to sing on the "
    "walk home, and he laughed so much he nearly fell off his chair, it was lovely",
])
def test_the_shipped_model_answers_a_long_everyday_turn(text: str) -> None:
    model = IntentModel.load(None, threads=1)
    a = _assistant(model, load_settings(None).safety)
    assert a.respond(text).safety == "answer", a.dialogue.confirmer.decision


# -- call words in a long turn the model reads as no call whole ------------------------------

WORDS_THEN_CALL = ("My daughter's just gone home after staying the week, and I was going to "
                   "tell you about the dinner she made, but I've come over all peculiar, my "
                   "chest's crushing and I feel sick")
"""Call words the words net knows, at the end of a story the model reads whole as chat."""

STOCK_THEN_CALL = ("I was telling the girls at the lunch club about the old days at the "
                   "exchange, and now I need help")
"""A long turn whose only call words are stock words ("help")."""


def test_call_words_and_sure_later_parts_alert_at_once() -> None:
    """Plain call words, and two later parts at the alert threshold: alerted at once
    (``words_tail``, device.safety_decision step 2), not only asked."""
    assert safety.safety_label_of_words(WORDS_THEN_CALL) == "emergency_help"
    d = decide("companionship", WORDS_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(CHAT, CALL, CALL))
    assert (d.route, d.reason, d.intent, d.p) == ("alert", "words_tail", "emergency_help",
                                                  0.95)


def test_call_words_with_later_parts_only_at_the_ask_threshold_are_asked() -> None:
    unsure = {"emergency_help": 0.7, "companionship": 0.3}
    d = decide("companionship", WORDS_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(unsure, unsure))
    assert (d.route, d.reason) == ("ask", "words_only")
    d = decide("companionship", WORDS_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=_tails(CALL, CHAT))  # one sure part alone: asked, as before
    assert (d.route, d.reason) == ("ask", "words_only")


def test_sure_later_parts_that_deny_or_mention_never_alert() -> None:
    tails = [("and no, i don't need an ambulance", CALL), ("my flat is on the ground floor",
                                                            CALL)]
    d = decide("companionship", WORDS_THEN_CALL, 0.97, ON, scores=CHAT, thresholds=LIMITS,
               read_tails=lambda: tails)
    assert (d.route, d.reason) == ("ask", "words_only")


def test_the_typed_floor_never_answers_stock_words_whose_later_parts_read_as_a_call() -> None:
    """Typed stock words the model is sure are no call whole are answered (the floor) only
    where no two later parts read as a call."""
    sure_not = {"companionship": 0.999, "emergency_help": 0.001}
    assert safety.stock_words_only(STOCK_THEN_CALL)
    d = decide("companionship", STOCK_THEN_CALL, 0.999, ON, scores=sure_not,
               thresholds=LIMITS, typed=True, read_tails=_tails(CHAT, CHAT))
    assert (d.route, d.reason) == ("answer", "stock_words_below_floor")
    unsure = {"emergency_help": 0.7, "companionship": 0.3}
    d = decide("companionship", STOCK_THEN_CALL, 0.999, ON, scores=sure_not,
               thresholds=LIMITS, typed=True, read_tails=_tails(unsure, unsure))
    assert (d.route, d.reason) == ("ask", "words_only")


def test_an_alternatives_words_keep_their_own_rule() -> None:
    d = decide("emergency_help", WORDS_THEN_CALL, 0.3, ON, scores=CHAT, thresholds=LIMITS,
               from_alternative=1, read_tails=_tails(CALL, CALL))
    assert (d.route, d.reason) == ("ask", "alternative")
