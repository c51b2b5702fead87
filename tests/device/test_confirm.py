"""Safety confirmation policy: clear safety alerts at once, doubtful safety asks first, and
every path except an explicit "no" ends in an alert."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from device import safety
from device.careplan import CarePlan
from device.confirm import EXPECTS, PendingCheck
from device.dialogue import DialogueManager
from device.labels import INTENT_LABELS, SAFETY_LABELS
from device.replies import Action, Reply
from device.settings import SafetySettings, SettingsError, settings_from_dict

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"}]},
    resident="Mary")
SETTINGS = SafetySettings(confirm=True, confident=0.9, confirm_timeout_s=20.0)


class Clock:
    """A hand-set clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 30, 9, 0))


@pytest.fixture
def dm(clock: Clock) -> DialogueManager:
    return DialogueManager(PLAN, clock=clock, safety=SETTINGS)


def alert_of(reply: Reply) -> dict[str, object]:
    action = reply.action("alert")
    assert action is not None, reply
    return action.data


def ask_doubtful(dm: DialogueManager, intent: str = "fall_report",
                 text: str = "i've got a cough", score: float = 0.54) -> Reply:
    reply = dm.handle(intent, text, score=score)
    assert reply.action("alert") is None and reply.expects == EXPECTS
    return reply


@pytest.mark.parametrize(("intent", "text", "score"), [
    ("fall_report", "I slipped on the stairs earlier", 0.95),  # confident score
    ("fall_report", "I fell down and I cannot get up", 0.31),  # safety words, low score
    ("emergency_help", "help me", 0.4),
    ("emergency_help", "I can't breathe", 0.2),
    ("emergency_help", "please call an ambulance", 0.5),
    ("fall_report", "I'm on the floor", None),  # no score known: treated as certain
])
def test_clear_safety_alerts_at_once(dm: DialogueManager, intent: str, text: str,
                                     score: float | None) -> None:
    reply = dm.handle(intent, text, score=score)
    data = alert_of(reply)
    assert data["type"] == ("spoken_fall" if intent == "fall_report" else "help_request")
    assert text in str(data["reason"]) and "check" not in data
    assert "calling" not in reply.text and "told" not in reply.text  # the outcome says it
    assert dm.pending_safety is None and reply.expects is None


@pytest.mark.parametrize(("intent", "text", "question"), [
    ("fall_report", "i've got a cough", "Did you fall, Mary? Do you need help?"),
    ("emergency_help", "is the kettle on", "Do you need help, Mary?"),
    ("emergency_help", "that's very kind of you", "Do you need help, Mary?"),
])
def test_doubtful_safety_asks_a_question_and_logs_the_check(
        dm: DialogueManager, clock: Clock, intent: str, text: str, question: str) -> None:
    reply = ask_doubtful(dm, intent, text, 0.6)
    assert reply.text == question and reply.intent == intent
    event = reply.action("event")
    assert event is not None and event.data["type"] == "safety_check"
    assert event.data["level"] == "info" and text in str(event.data["reason"])
    pending = dm.pending_safety
    assert pending is not None and pending.intent == intent and pending.text == text
    assert pending.deadline - pending.asked_at == timedelta(seconds=20)
    assert dm.expects == EXPECTS


@pytest.mark.parametrize("answer", [("affirm", "yes"), ("affirm", "yes please"),
                                    ("affirm", "I think so")])
def test_affirm_raises_the_alert(dm: DialogueManager, answer: tuple[str, str]) -> None:
    ask_doubtful(dm)
    reply = dm.handle(answer[0], answer[1], score=0.9)
    data = alert_of(reply)
    assert data["type"] == "spoken_fall" and data["check"] == "affirmed"
    assert "i've got a cough" in str(data["reason"]) and "confirmed" in str(data["reason"])
    assert dm.pending_safety is None and dm.expects is None


def test_no_answer_within_timeout_raises_the_alert(dm: DialogueManager, clock: Clock) -> None:
    ask_doubtful(dm, "emergency_help", "is the kettle on", 0.61)
    assert dm.tick() is None
    clock.advance(19.5)
    assert dm.tick() is None and dm.pending_safety is not None
    clock.advance(0.5)
    reply = dm.tick()
    assert reply is not None
    data = alert_of(reply)
    assert data["type"] == "help_request" and data["level"] == "emergency"
    assert data["check"] == "no_answer" and "no answer within 20 s" in str(data["reason"])
    assert reply.text.startswith("I did not hear an answer. Stay where you are, Mary.")
    assert dm.pending_safety is None and dm.tick() is None  # raised once
    assert dm.last == reply


def test_timeout_follows_the_setting(clock: Clock) -> None:
    dm = DialogueManager(PLAN, clock=clock, safety=SafetySettings(confirm_timeout_s=5))
    ask_doubtful(dm)
    assert dm.tick(clock.now + timedelta(seconds=4.9)) is None
    assert dm.tick(clock.now + timedelta(seconds=5)) is not None


@pytest.mark.parametrize(("intent", "text"), [
    ("deny", "no"), ("deny", "nope"), ("affirm", "I'm fine"), ("affirm", "I'm all right"),
    ("deny", "no I am fine"), ("deny", "I didn't fall"), ("out_of_scope", "I'm alright thanks"),
    ("deny", "no, I don't need help"),
])
def test_explicit_deny_cancels_without_alert_but_is_logged(
        dm: DialogueManager, clock: Clock, intent: str, text: str) -> None:
    ask_doubtful(dm)
    reply = dm.handle(intent, text, score=0.5)
    assert reply.action("alert") is None
    event = reply.action("event")
    assert event is not None
    assert event.data["type"] == "safety_cancelled" and event.data["level"] == "info"
    assert event.data["intent"] == "fall_report" and event.data["score"] == 0.54
    assert "i've got a cough" in str(event.data["reason"]) and text in str(event.data["reason"])
    assert reply.text.startswith("All right, Mary.")
    assert dm.pending_safety is None and dm.expects is None
    clock.advance(60)
    assert dm.tick() is None  # nothing left to time out
    assert dm.handle("greeting", "good morning").intent == "greeting"  # dialogue goes on


@pytest.mark.parametrize(("intent", "text"), [
    ("out_of_scope", "what a lovely day"), ("home_control", "turn on the kitchen light"),
    ("stop", "stop"), ("deny", "no I'm not fine"), ("out_of_scope", "maybe"),
    ("time_query", "what time is it"), ("out_of_scope", ""),
])
def test_unclear_answer_raises_the_alert(dm: DialogueManager, intent: str, text: str) -> None:
    ask_doubtful(dm)
    data = alert_of(dm.handle(intent, text, score=0.7))
    assert data["check"] == "unclear" and data["type"] == "spoken_fall"
    assert dm.pending_safety is None


@pytest.mark.parametrize(("intent", "text", "score", "kind"), [
    ("emergency_help", "that's very kind of you", 0.34, "help_request"),  # doubtful again
    ("fall_report", "I fell", 0.99, "spoken_fall"),
    ("deny", "no, I can't get up", 0.8, "spoken_fall"),  # safety words beat "no"
    ("emergency_help", "get my daughter over here", 0.97, "help_request"),  # the model
])
def test_second_safety_utterance_while_pending_alerts_at_once(
        dm: DialogueManager, intent: str, text: str, score: float, kind: str) -> None:
    ask_doubtful(dm)
    reply = dm.handle(intent, text, score=score)
    data = alert_of(reply)
    assert data["check"] == "second_report" and data["type"] == kind
    assert data["first"] == "i've got a cough" and text in str(data["reason"])
    assert dm.pending_safety is None


def test_repeat_or_louder_says_the_question_again_and_keeps_the_deadline(dm: DialogueManager,
                                                                clock: Clock) -> None:
    question = ask_doubtful(dm)
    clock.advance(15)
    again = dm.handle("repeat", "what did you say", score=0.8)
    assert again.text == question.text and again.action("alert") is None
    assert again.expects == EXPECTS
    louder = dm.handle("volume_up", "speak up", score=0.9)
    assert louder.text == question.text and louder.action("volume") is not None
    assert louder.action("alert") is None and louder.expects == EXPECTS
    clock.advance(5)
    reply = dm.tick()
    assert reply is not None and alert_of(reply)["check"] == "no_answer"


def test_expire_pending_at_shutdown(dm: DialogueManager) -> None:
    assert dm.expire_pending() is None
    ask_doubtful(dm)
    reply = dm.expire_pending()
    assert reply is not None and "before the device stopped" in str(alert_of(reply)["reason"])
    assert dm.pending_safety is None


@pytest.mark.parametrize("intent", INTENT_LABELS)
def test_every_answer_but_an_explicit_no_ends_in_an_alert(clock: Clock, intent: str) -> None:
    """Recall: whatever the model makes of the answer, only denial words cancel."""
    for text in ("hmm", "yes", "the cat", "no", "I'm fine", "no, help me"):
        dm = DialogueManager(PLAN, clock=clock, safety=SETTINGS)
        ask_doubtful(dm, "emergency_help", "is the kettle on", 0.6)
        reply = dm.handle(intent, text, score=0.5)
        if intent in ("repeat", "volume_up") and not safety.is_safety_phrase(text) \
                and not safety.is_denial(text):
            reply = dm.tick(clock.now + timedelta(seconds=20)) or reply
        alerted = reply.action("alert") is not None
        assert alerted != safety.is_denial(text), (intent, text, reply)


def test_confirm_off_alerts_at_once(clock: Clock) -> None:
    dm = DialogueManager(PLAN, clock=clock, safety=SafetySettings(confirm=False))
    for intent in SAFETY_LABELS:
        assert alert_of(dm.handle(intent, "is the kettle on", score=0.3))
        assert dm.pending_safety is None


def test_safety_overrides_other_pending_questions(dm: DialogueManager) -> None:
    assert dm.handle("reminder_set", "remind me to call the bank").expects == "reminder_time"
    reply = ask_doubtful(dm, "fall_report", "the bank", 0.5)
    assert reply.text.startswith("Did you fall")
    assert alert_of(dm.handle("affirm", "yes"))["check"] == "affirmed"


def test_event_action_round_trips() -> None:
    action = Action("event", {"type": "safety_cancelled", "level": "info", "score": 0.5})
    assert Action.from_json(action.to_json()) == action
    reply = Reply("All right.", "deny", (action,))
    assert Reply.from_json(reply.to_json()) == reply


@pytest.mark.parametrize(("text", "clear", "deny"), [
    ("i fell", True, False), ("I've fallen", True, False), ("help me", True, False),
    ("I can't breathe", True, False), ("i had a little fall", True, False),
    ("can you help me with the tv", False, False), ("incorrect", False, True),
    ("that's very kind of you", False, False), ("i've got a cough", False, False),
    ("I'm not fine", False, False), ("I\u2019m fine", False, True),
    ("my husband just collapsed", True, False), ("I'm on the kitchen floor", True, False),
    ("ambulance please", True, False), ("my chest is really hurting", True, False),
    ("close the door on the ground floor", False, False),
    ("thanks for your help please", False, False), ("you can not move", False, False),
])
def test_phrase_rules(text: str, clear: bool, deny: bool) -> None:
    assert safety.is_safety_phrase(text) == clear
    assert safety.is_denial(text) == deny


@pytest.mark.parametrize(("section", "message"), [
    ({"confident": 0}, "safety.confident must be in (0, 1]"),
    ({"confident": 1.5}, "safety.confident must be in (0, 1]"),
    ({"confirm_timeout_s": 0.5}, "safety.confirm_timeout_s must be 1..120"),
    ({"confirm_timeout_s": 600}, "safety.confirm_timeout_s must be 1..120"),
    ({"confirm": "yes"}, "safety.confirm must be bool"),
    ({"timeout": 20}, "unknown setting safety.timeout"),
])
def test_bad_safety_settings_say_what_to_change(section: dict[str, object],
                                                message: str) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        settings_from_dict({"safety": section})


def test_safety_settings_load() -> None:
    s = settings_from_dict({"safety": {"confident": 0.8, "confirm_timeout_s": 30}})
    assert s.safety == SafetySettings(confirm=True, confident=0.8, confirm_timeout_s=30.0)


def test_pending_check_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "state" / "safety-pending.json"
    dm = DialogueManager(PLAN, clock=clock, safety=SETTINGS, pending_path=path)
    ask_doubtful(dm)
    assert path.is_file()
    pending = dm.pending_safety
    assert pending is not None and PendingCheck.from_json(pending.to_json()) == pending
    again = DialogueManager(PLAN, clock=clock, safety=SETTINGS, pending_path=path)
    assert again.pending_safety == pending
    reply = again.expire_pending()
    assert reply is not None and "before the device stopped" in str(alert_of(reply)["reason"])
    assert path.exists() and again.pending_safety is None  # kept until its alert is stored
    again.confirmer.alert_stored()
    assert not path.exists()
    ask_doubtful(again)
    again.handle("deny", "no", score=0.9)
    assert not path.exists()  # resolved: nothing left for the next start


def test_unreadable_pending_file_still_alerts(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "safety-pending.json"
    path.write_text("{not json")
    dm = DialogueManager(PLAN, clock=clock, safety=SETTINGS, pending_path=path)
    reply = dm.tick()  # its deadline has passed
    assert reply is not None
    assert alert_of(reply)["type"] == "help_request" and path.exists()
    dm.confirmer.alert_stored()
    assert not path.exists()


@pytest.mark.parametrize(("intent", "text", "asked"), [
    ("home_control", "i fell over by the kitchen light", "fall_report"),
    ("out_of_scope", "i can't breathe properly", "emergency_help"),
    ("symptom_report", "my chest is tight and i have chest pains", "emergency_help"),
])
def test_safety_words_under_another_label_are_never_passed_over(
        dm: DialogueManager, clock: Clock, intent: str, text: str, asked: str) -> None:
    # the model missed them: the resident is asked, and silence still ends in an alert
    reply = dm.handle(intent, text, score=0.8)
    assert reply.action("alert") is None and reply.expects == EXPECTS
    pending = dm.pending_safety
    assert pending is not None and pending.intent == asked and pending.text == text
    clock.advance(21)
    alerted = dm.tick()
    assert alerted is not None
    assert alert_of(alerted)["type"] == ("spoken_fall" if asked == "fall_report"
                                         else "help_request")


def test_safety_words_under_another_label_can_be_denied(dm: DialogueManager) -> None:
    dm.handle("home_control", "i fell over by the kitchen light", score=0.8)
    reply = dm.handle("deny", "no i'm fine", score=0.9)
    assert reply.action("alert") is None and dm.pending_safety is None


def test_ordinary_utterances_ask_nothing(dm: DialogueManager) -> None:
    for intent, text in [("home_control", "turn on the kitchen light"),
                         ("time_query", "what day is it"), ("greeting", "good morning")]:
        reply = dm.handle(intent, text, score=0.8)
        assert reply.expects != EXPECTS and dm.pending_safety is None


@pytest.mark.parametrize("text", [
    "my blood pressure's up again today",
    "the chest pain has gone now, thank goodness",
    "my head's thumping but it's only a headache",
    "i'm short of breath on the stairs, same as always",
])
def test_a_symptom_as_usual_out_of_the_blue_is_answered_as_a_symptom(
        dm: DialogueManager, text: str) -> None:
    """Told with no question pending, a symptom as usual, made light of or eased is no call
    and no "no" either: it is answered as the symptom it is (is it getting worse?), never
    "All right." nor "I did not understand" (docs/safety-path.md, "A symptom as usual is
    a no only as an answer")."""
    reply = dm.handle("emergency_help", text, score=0.97,
                      scores={"emergency_help": 0.97, "out_of_scope": 0.03})
    assert reply.intent == "symptom_report" and reply.expects == "symptom_worse", reply
    assert alert_of(reply)["type"] == "symptom" and alert_of(reply)["level"] == "warning"
    assert dm.pending_safety is None
    assert safety.is_as_usual(text) and safety.is_denial(text)
    assert not safety.is_denial(text, answering=False)


def test_a_symptom_eased_answers_is_it_getting_worse_as_a_no(dm: DialogueManager) -> None:
    first = dm.handle("symptom_report", "i feel a bit sick", score=0.95)
    assert first.expects == "symptom_worse"
    reply = dm.handle("out_of_scope", "it's settled now", score=0.6)
    assert reply.intent == "deny" and "not worse" in reply.text
    assert reply.action("alert") is None


def test_a_symptom_made_light_of_answers_the_safety_question_as_a_no(
        dm: DialogueManager) -> None:
    ask_doubtful(dm)
    reply = dm.handle("symptom_report", "it's only a headache", score=0.8)
    assert reply.action("alert") is None and dm.pending_safety is None
    event = reply.action("event")
    assert event is not None and event.data["type"] == "safety_cancelled"


@pytest.mark.parametrize("text", ["no, i don't need help", "i haven't fallen",
                                  "i'm fine thanks"])
def test_a_plain_no_is_a_no_with_or_without_a_question(text: str) -> None:
    assert safety.is_denial(text) and safety.is_denial(text, answering=False)


@pytest.mark.parametrize(("intent", "text", "scores", "answered_as"), [
    ("call_family", "ring my son and tell him i haven't fallen",
     {"call_family": 0.9, "deny": 0.05, "fall_report": 0.05}, "call_family"),
    ("fall_report", "text my grandson, tell him i'm fine and no need to worry",
     {"fall_report": 0.5, "call_family": 0.45, "deny": 0.05}, "call_family"),
    ("home_control", "i haven't fallen, i'm only down on the floor looking for my hearing "
     "aid, put the bedroom light on", {"home_control": 0.8, "fall_report": 0.2},
     "home_control"),
    ("emergency_help", "not an emergency, but my eyes have been itchy since the new drops",
     {"emergency_help": 0.5, "symptom_report": 0.45, "deny": 0.05}, "symptom_report"),
])
def test_a_no_beside_a_request_out_of_the_blue_is_answered_as_the_request(
        dm: DialogueManager, intent: str, text: str, scores: dict[str, float],
        answered_as: str) -> None:
    """With no question pending, a denial said beside a request or a report is said for
    it: the call is made, the light asked for, the symptom answered, never "All right."
    alone (docs/safety-path.md, "A no beside a request")."""
    assert safety.is_denial(text, answering=False)
    reply = dm.handle(intent, text, score=scores[intent], scores=scores)
    assert reply.intent == answered_as, reply
    assert not any(a.kind == "alert" and a.data.get("type") != "symptom"
                   for a in reply.actions)
    assert dm.pending_safety is None


@pytest.mark.parametrize(("intent", "text", "scores"), [
    ("deny", "i haven't fallen today thank you", {"deny": 0.9, "thanks": 0.1}),
    ("emergency_help", "i'm fine no need to call anyone",
     {"emergency_help": 0.6, "deny": 0.3, "out_of_scope": 0.1}),
    ("emergency_help", "no thanks i don't need an ambulance",
     {"emergency_help": 0.7, "out_of_scope": 0.2, "affirm": 0.1}),
    ("call_family", "if i ever have a fall, you're to ring anna first, not the ambulance",
     {"call_family": 0.8, "out_of_scope": 0.2}),
    ("call_family", "i'm fine, don't ring my daughter", {"call_family": 0.8, "deny": 0.2}),
    ("call_family", "no need to call anyone, i'm all right",
     {"call_family": 0.9, "deny": 0.1}),
    ("thanks", "i haven't fallen today, thank you", {"thanks": 0.9, "deny": 0.1}),
])
def test_a_no_with_no_request_out_of_the_blue_is_still_a_no(
        dm: DialogueManager, intent: str, text: str, scores: dict[str, float]) -> None:
    reply = dm.handle(intent, text, score=scores[intent], scores=scores)
    assert reply.intent == "deny" and reply.action("alert") is None
    assert dm.pending_safety is None


def test_a_no_beside_a_request_answers_the_safety_question_as_a_no(
        dm: DialogueManager) -> None:
    ask_doubtful(dm)
    reply = dm.handle("call_family", "no, i haven't fallen, ring my son", score=0.9,
                      scores={"call_family": 0.9, "deny": 0.1})
    assert reply.action("alert") is None and dm.pending_safety is None
    event = reply.action("event")
    assert event is not None and event.data["type"] == "safety_cancelled"
